"""Unit tests of the site's pure builders: archive model, pages, feed, export, charts, sync."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import referencing

from scripts.model import Briefing, Figure, Quote, Source
from scripts.registry import load_registry
from scripts.site import charts, feeds, generate, markup, pages, sample
from scripts.site.archive import build_archive, entry_slugs
from scripts.site.hooks import drop_missing_optional, problem_report, project_dirs
from scripts.problems import Problem
from scripts.slugs import is_safe_slug
from scripts.briefing import parse_body, render_body

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "docs" / "schemas"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory):
    directory = tmp_path_factory.mktemp("registry")
    sample.write_registry(directory)
    return load_registry(directory)


@pytest.fixture(scope="module")
def archive(registry):
    briefings = sample.demo_briefings()
    return build_archive([(f"briefings/{i}-{b.date or 'undated'}.md", b) for i, b in enumerate(briefings)], registry)


def brief(title: str, date: str | None, countries: list[str], people: list[str] = [], stance: dict | None = None,
          text: str = "Body.") -> Briefing:
    return Briefing(
        title=title, date=date, date_basis="stated" if date else "unknown", date_evidence=date,
        source=Source(outlet=None, url=None, seed=None, sha256=None), countries=countries, people=people,
        organisations=[], stance=stance or {}, thesis="", summary="", text=text,
    )


# --- markup ---------------------------------------------------------------


def test_inline_escapes_html_and_markdown_syntax():
    out = markup.inline('<script>alert("x")</script> [a](javascript:alert(1)) {: onclick="y" } & *b*')
    assert "<" not in out and ">" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out
    assert "\\[a\\]\\(javascript:alert\\(1\\)\\)" in out
    assert "\\{: onclick" in out and "\\*b\\*" in out


@pytest.mark.parametrize("line", ["# heading", "- item", "+ item", "1. item", "===", "--8<-- \"x\"", "!!! note"])
def test_text_neutralises_block_syntax_at_line_start(line):
    import markdown

    html = markdown.markdown(markup.text(line), extensions=["attr_list", "tables"])
    assert html.startswith("<p>"), html


def test_safe_url_accepts_only_plain_http():
    assert markup.safe_url("javascript:alert(1)") is None
    assert markup.safe_url("https://x.org/a b") is None
    assert markup.safe_url('https://x.org/"><script>') is None
    assert markup.safe_url("https://x.org/a_(b)") == "https://x.org/a_%28b%29"


def test_front_matter_title_is_html_safe():
    fm = pages.front_matter('</title><script>alert(1)</script>')
    assert "<" not in fm and "&lt;/title&gt;" in fm


# --- archive ----------------------------------------------------------------


def test_entries_newest_first_undated_last(archive):
    dates = [e.date for e in archive.entries]
    assert dates[-1] is None
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)


def test_actor_index_covers_every_name_with_its_kind(archive):
    names = {n for e in archive.entries for n in e.actor_names()}
    assert set(archive.actors) == names
    assert archive.actors["Emomali Rahmon"].kind == "person"
    assert archive.actors["Central Asian states"].kind == "group"  # a stance key only, from the registry
    karimov = archive.actors["Aziz Karimov"]  # unregistered, vouched for in a briefing
    assert (karimov.kind, karimov.registered, karimov.country) == ("person", False, "Uzbekistan")
    assert "Rakhmon" in archive.actors["Emomali Rahmon"].spellings
    assert all(is_safe_slug(a.slug) for a in archive.actors.values())


def test_mentions_are_newest_first(archive):
    for entries in archive.mentions.values():
        keys = [(e.date or "", e.slug) for e in entries]
        assert keys == sorted(keys, reverse=True)


def test_cooccurrence_ranking(registry):
    a = build_archive(
        [
            ("briefings/1.md", brief("one", "2023-01-01", ["Russia", "China", "Kazakhstan"])),
            ("briefings/2.md", brief("two", "2023-01-02", ["Russia", "China"])),
            ("briefings/3.md", brief("three", "2023-01-03", ["Russia", "Iran"])),
            ("briefings/4.md", brief("four", "2023-01-04", ["Russia", "China", "Iran"])),
        ],
        registry,
    )
    ranked = [(actor.name, n) for actor, n in a.related_actors("Russia")]
    assert ranked == [("China", 3), ("Iran", 2), ("Kazakhstan", 1)]
    assert a.together("China", "Russia") == a.together("Russia", "China") == 3
    assert a.related_actors("Russia", limit=1) == a.related_actors("Russia")[:1]


def test_related_briefings_most_shared_first_then_newest(registry):
    a = build_archive(
        [
            ("briefings/a.md", brief("a", "2023-01-01", ["Russia", "China", "Kazakhstan"])),
            ("briefings/b.md", brief("b", "2023-02-01", ["Russia"])),
            ("briefings/c.md", brief("c", "2023-03-01", ["Russia", "China"])),
            ("briefings/d.md", brief("d", "2023-04-01", ["Russia", "China", "Kazakhstan"])),
            ("briefings/e.md", brief("e", "2023-05-01", ["Iran"])),
        ],
        registry,
    )
    related = a.related_briefings(a.by_slug("a"), limit=None)
    assert [(e.slug, shared) for e, shared in related] == [
        ("d", ["Russia", "China", "Kazakhstan"]),
        ("c", ["Russia", "China"]),
        ("b", ["Russia"]),
    ]


def test_stance_tally(archive):
    assert archive.stance_tally("Emomali Rahmon") == {"supportive": 1, "neutral": 1, "critical": 0, "none": 1}


def test_timeline_grouping_and_month_gaps(registry):
    a = build_archive(
        [
            ("briefings/1.md", brief("1", "2023-11-05", ["Russia"])),
            ("briefings/2.md", brief("2", "2023-11-20", ["Russia"])),
            ("briefings/3.md", brief("3", "2024-02-01", ["Russia"])),
            ("briefings/4.md", brief("4", None, ["Russia"])),
        ],
        registry,
    )
    grouped = a.timeline()
    assert list(grouped) == ["2024", "2023"]
    assert [e.slug for e in grouped["2023"]["2023-11"]] == ["2", "1"]
    assert a.years() == ["2024", "2023"] and [e.slug for e in a.undated()] == ["4"]
    assert a.month_counts() == [("2023-11", 2), ("2023-12", 0), ("2024-01", 0), ("2024-02", 1)]
    year = pages.year_pages(a, "2023")[pages.year_path("2023")]
    assert "## November 2023 { #2023-11 data-search-exclude }" in year


def test_slugs_are_safe_and_unique():
    files = ["briefings/Index.md", "briefings/index.md", "briefings/../../etc/passwd.md", "briefings/Ünïcödé ✓.md",
             "briefings/a b.md", "briefings/a-b.md", "briefings/<script>.md", "briefings/....md"]
    slugs = entry_slugs(files)
    assert all(is_safe_slug(s) for s in slugs.values()), slugs
    assert len(set(slugs.values())) == len(files)
    assert "index" not in slugs.values()  # would collide with a section's index page


def test_parse_body_round_trips_render_body():
    b = Briefing(
        title="t", date=None, date_basis="unknown", date_evidence=None,
        source=Source(None, None, None, None), summary="Sum & <more>",
        key_points=["first point", "second <b>point</b>"],
        key_figures=[Figure("$3 billion", "It costs $3 billion.")],
        quotes=[Quote("We agree.", "A. Person"), Quote("Unattributed.", None)],
        text="Para one.\n\nPara <two> & three.",
    )
    body = render_body(b)
    parts = parse_body(body)
    assert "Sum" not in body and parts.summary == ""  # the summary lives once, in the front matter
    assert parts.key_points == ("first point", "second <b>point</b>")
    assert parts.key_figures == (Figure("$3 billion", "It costs $3 billion."),)
    assert parts.quotes == (Quote("We agree.", "A. Person"), Quote("Unattributed.", None))
    assert parts.article == "Para one.\n\nPara <two> & three."


# --- pages ------------------------------------------------------------------


def test_briefing_page_escapes_script_and_links(archive):
    entry = next(e for e in archive.entries if "border" in e.title and "Kyrgyzstan" in e.title)
    page = pages.briefing_page(archive, entry)
    body = page.split("---", 2)[2]
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "](javascript" not in body  # the Markdown link syntax is escaped
    assert re.search(r"(?<!\\)\{: onclick", page) is None
    assert "&lt;script&gt;" in page
    assert "[original article](<https://example.org/24kg/border?a=1&b=%282%29>)" in page


def test_briefing_page_has_every_part(archive):
    entry = next(e for e in archive.entries if e.title.startswith("China rolls out"))
    page = pages.briefing_page(archive, entry)
    for needle in ("# China rolls out", "derived from a clue", "Xi'an", "Espreso", "](<https://example.org/news/xian-summit>)",
                   "[Kazakhstan](../countries/kazakhstan.md){ .ca-chip .ca-chip--country }",
                   "[Russia: critical](../countries/russia.md){ .ca-stance .ca-stance--critical }",
                   "**Thesis:** At the Xi'an summit", "**Summary:** A former head", "## Key points", "## Key figures",
                   "## Quotes", "## Article", "## Related briefings", "— Alnur Musayev"):
        assert needle in page, needle


def test_actor_page_lists_spellings_briefings_and_related(archive):
    page = pages.actor_page(archive, archive.actors["Emomali Rahmon"])
    assert "boost: 2" in page
    for spelling in ("Emomali Rakhmon", "Rahmonov", "Rakhmon"):
        assert spelling in page
    assert "[Tajikistan](../countries/tajikistan.md)" in page and "President of Tajikistan" in page
    rows = re.findall(r"^\| (\d{4}-\d\d-\d\d|undated) \| \[", page, re.MULTILINE)
    assert rows == sorted(rows, reverse=True) and len(rows) == 3
    assert "| [Tajikistan](../countries/tajikistan.md) | country | 3 |" in page


def test_generated_links_point_at_generated_pages(archive):
    files = generate.generated_pages(archive)
    known = set(files) | {"index.md", pages.FEED, pages.EXPORT, pages.EXPORT_SCHEMA, pages.BRIEFING_SCHEMA}
    for path, content in files.items():
        source = "index.md" if path == pages.HOME_INCLUDE else path
        for target in re.findall(r"\]\(([^)<>\s]+?)\)", content):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), target.split("#")[0]))
            assert resolved in known, (path, target)


def test_generated_pages_are_deterministic(registry):
    briefings = sample.demo_briefings()
    first = generate.generated_pages(build_archive([(f"briefings/{i}.md", b) for i, b in enumerate(briefings)], registry))
    again = generate.generated_pages(
        build_archive(reversed([(f"briefings/{i}.md", b) for i, b in enumerate(briefings)]), registry)
    )
    assert first == again


def test_empty_archive_still_has_every_index_page(registry):
    files = generate.generated_pages(build_archive([], registry))
    assert set(pages.index_paths().values()) | {pages.HOME_INCLUDE} == set(files)


# --- feed and export ------------------------------------------------------


def test_atom_feed_is_valid_and_deterministic(archive):
    xml = feeds.atom_feed(archive, feeds.page_url, title="T")
    root = ET.fromstring(xml)
    ns = {"a": feeds.ATOM_NS}
    entries = root.findall("a:entry", ns)
    assert len(entries) == len([e for e in archive.entries if e.date])  # undated ones are left out
    assert root.findtext("a:updated", namespaces=ns) == "2024-03-08T00:00:00Z"
    ids = [e.findtext("a:id", namespaces=ns) for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for entry in entries:
        for tag in ("title", "updated", "id"):
            assert entry.findtext(f"a:{tag}", namespaces=ns)
        # Relative to the feed, which lives in generated/ beside the pages.
        assert entry.find("a:link[@rel='alternate']", ns).get("href").startswith("briefings/")
    assert "<script>" not in xml  # titles are XML-escaped
    assert xml == feeds.atom_feed(archive, feeds.page_url, title="T")


def test_page_url_matches_mkdocs():
    assert feeds.page_url("generated/briefings/x.md") == "generated/briefings/x.html"
    assert feeds.page_url("generated/briefings/x.md", True) == "generated/briefings/x/"
    assert feeds.page_url("generated/timeline/index.md") == "generated/timeline/index.html"
    assert feeds.page_url("generated/timeline/index.md", True) == "generated/timeline/"


def export_validator() -> jsonschema.protocols.Validator:
    front = json.loads((SCHEMAS / "briefing.schema.json").read_text())
    export = json.loads((SCHEMAS / "briefings.schema.json").read_text())
    store = referencing.Registry().with_resources(
        [(s["$id"], referencing.Resource.from_contents(s)) for s in (front, export)]
    )
    return jsonschema.Draft202012Validator(export, registry=store)


def test_json_export_matches_its_schema(archive):
    data = json.loads(feeds.json_export(archive, feeds.page_url))
    export_validator().validate(data)
    assert data["count"] == len(archive.entries) == len(data["briefings"])
    assert [b["id"] for b in data["briefings"]] == [e.slug for e in archive.entries]
    bad = {**data, "briefings": [{**data["briefings"][0], "metadata": {"title": ""}}]}
    assert list(export_validator().iter_errors(bad))  # the $ref to briefing.schema.json is followed


# --- charts -----------------------------------------------------------------


def test_charts_are_static_svg_in_one_html_block(archive):
    for chart in (
        charts.timeline_svg(archive.month_counts()),
        charts.graph_svg([("A <b>", 3), ("B", 2), ("C", 1)], [("A <b>", "B", 2), ("B", "C", 1)]),
    ):
        svg = chart.strip().removeprefix('<div class="ca-chart" data-search-exclude>').removesuffix("</div>")
        root = ET.fromstring(svg)  # well-formed XML
        assert root.tag.endswith("svg")
        assert "<script" not in chart and "\n\n" not in chart
        assert "currentColor" in chart and "var(--md-" in chart
    assert charts.timeline_svg([]) == "" and charts.graph_svg([], []) == ""


# --- sync and hook helpers ------------------------------------------------


def test_sync_writes_only_changes_and_deletes_stale(tmp_path):
    files = {"generated/a.md": "A", "generated/sub/b.md": "B"}
    assert generate.sync_directory(tmp_path, files) == (["generated/a.md", "generated/sub/b.md"], [])
    assert generate.sync_directory(tmp_path, files) == ([], [])  # nothing changed: serve does not loop
    (tmp_path / "generated" / "old").mkdir()
    (tmp_path / "generated" / "old" / "c.md").write_text("stale")
    assert generate.sync_directory(tmp_path, {"generated/a.md": "A2"}) == (
        ["generated/a.md"],
        ["generated/old/c.md", "generated/sub/b.md"],
    )
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["generated", "generated/a.md"]
    with pytest.raises(ValueError):
        generate.sync_directory(tmp_path, {"index.md": "outside"})


def test_optional_nav_pages_are_dropped_only_when_missing(tmp_path):
    nav = [{"Home": "index.md"}, {"Methodology": "methodology.md"}, {"Other": "other.md"}]
    assert drop_missing_optional(nav, tmp_path) == [{"Home": "index.md"}, {"Other": "other.md"}]
    (tmp_path / "methodology.md").write_text("# M")
    assert drop_missing_optional(nav, tmp_path) == nav


def test_problem_report_lists_file_and_line():
    report = problem_report([Problem("briefings/x.md", 4, "'2023-02-30' is not a real date", "date")])
    assert "briefings/x.md:4: date: '2023-02-30' is not a real date" in report


def test_briefings_and_registry_dirs_can_come_from_the_environment(monkeypatch, tmp_path):
    config = type("Config", (), {"config_file_path": str(tmp_path / "mkdocs.yml")})()
    monkeypatch.delenv("BRIEFINGS_DIR", raising=False)
    monkeypatch.delenv("REGISTRY_DIR", raising=False)
    assert project_dirs(config) == (tmp_path, tmp_path / "briefings", tmp_path / "registry")
    monkeypatch.setenv("BRIEFINGS_DIR", str(tmp_path / "b"))
    monkeypatch.setenv("REGISTRY_DIR", str(tmp_path / "r"))
    assert project_dirs(config) == (tmp_path, tmp_path / "b", tmp_path / "r")
