"""The site at scale, on small archives: bounded pages, paging linked both ways, bounded co-occurrence, dates.

Speed itself is measured by ``make bench`` (scripts/bench/), never here; these
tests check the properties that keep the build linear and the pages small.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.model import Briefing, Source
from scripts.registry import load_registry
from scripts.site import generate, pages, sample
from scripts.site.archive import PAIRED_PER_LIST, build_archive


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory):
    directory = tmp_path_factory.mktemp("registry")
    sample.write_registry(directory)
    return load_registry(directory)


def brief(title: str, date: str | None, countries: list[str], people: list[str] = [], **extra) -> Briefing:
    return Briefing(
        title=title, date=date, date_basis="stated" if date else "unknown", date_evidence=date,
        source=Source(outlet=None, url=None, seed=None, sha256=None), countries=countries, people=people,
        organisations=[], stance={}, thesis="", summary="", text="Body.", **extra,
    )


@pytest.fixture(scope="module")
def archive400(registry):
    return synthetic(400, registry)


def synthetic(count: int, registry):
    briefings = sample.synthetic_briefings(count)
    return build_archive([(f"briefings/{i:05d}.md", b) for i, b in enumerate(briefings)], registry)


def links_of(markdown: str, source: str) -> set[str]:
    """Docs-relative targets (anchors dropped) of the Markdown links on the page at ``source``."""
    import posixpath

    targets = re.findall(r"\]\(([^)<>\s]+?)\)", markdown)
    return {posixpath.normpath(posixpath.join(posixpath.dirname(source), t.split("#")[0])) for t in targets}


# --- bounded pages -------------------------------------------------------------------


def test_no_generated_page_grows_with_the_archive(registry):
    """Four times the briefings: the largest page (and every actor, year and stance page) stays the same size."""
    small = generate.generated_pages(synthetic(300, registry))
    large = generate.generated_pages(synthetic(1200, registry))
    largest_small = max(len(v) for v in small.values())
    largest_large = max(len(v) for v in large.values())
    assert largest_large <= largest_small * 1.1, (largest_small, largest_large)
    russia = "generated/countries/russia.md"
    assert len(large[russia]) <= len(small[russia]) * 1.1
    for year in ("2022", "2023", "2024"):
        for path in (pages.year_path(year), pages.stance_year_path(year)):
            assert len(large[path]) <= len(small[path]) * 1.1, path
    assert len(large) > 2 * len(small)  # the rest went to more pages, not bigger ones


def test_an_actor_page_shows_the_latest_and_pages_all_the_rest(archive400):
    archive = archive400
    actor = archive.actors["Russia"]
    entries = archive.mentions["Russia"]
    assert len(entries) > pages.PAGE_SIZE  # two pages at least
    files = pages.actor_pages(archive, actor)
    listing = pages.actor_listing(archive, actor)
    assert set(files) == {actor.page} | {listing.path(n) for n in range(1, listing.pages + 1)}
    main = files[actor.page]
    shown = re.findall(r"^\| [^|]+ \| \[([^\]]+)\]", main.split("## Latest briefings")[1], re.MULTILINE)
    assert len(shown) == pages.LATEST_ON_PAGE
    assert "## Stance over time" in main and "## Related actors" in main
    assert listing.path(1) in links_of(main, actor.page)
    # Every briefing exactly once across the pages, newest first, each page linked back and to its neighbours.
    listed = []
    for number in range(1, listing.pages + 1):
        path = listing.path(number)
        page = files[path]
        listed += re.findall(r"\]\(\.\./\.\./briefings/([^)]+)\.md\)", page)
        links = links_of(page, path)
        assert actor.page in links
        if number > 1:
            assert listing.path(number - 1) in links
        if number < listing.pages:
            assert listing.path(number + 1) in links
        assert "search:\n  exclude: true" in page
    assert listed == [e.slug for e in entries]


def test_year_links_land_on_the_page_where_the_year_starts(archive400):
    archive = archive400
    actor = archive.actors["Russia"]
    main = pages.actor_page(archive, actor)
    files = pages.actor_pages(archive, actor)
    for target, year in re.findall(r"\]\(russia/(\d+\.md)#(\d{4})\)", main):
        page = files[f"generated/countries/russia/{target}"]
        assert f"{{ #{year} data-search-exclude }}" in page


def test_a_year_with_many_briefings_is_paged_by_month(archive400):
    archive = archive400
    files = pages.year_pages(archive, "2023")
    listing = pages.year_listing(archive, "2023")
    assert listing.pages > 1 and len(files) == 1 + listing.pages
    timeline = pages.timeline_page(archive)
    for target, month in re.findall(r"\]\((2023/\d+\.md)#(2023-\d\d)\)", timeline):
        assert f"{{ #{month} data-search-exclude }}" in files[f"generated/timeline/{target}"]


def test_long_indexes_are_paged_a_to_z(registry):
    briefings = [brief(f"b{i}", "2024-01-01", ["Russia"], [f"{chr(65 + i % 26)}ra Person{i:04d}"]) for i in range(250)]
    archive = build_archive([(f"briefings/{i:04d}.md", b) for i, b in enumerate(briefings)], registry)
    files = pages.actor_index_pages(archive, "person")
    index = files[pages.INDEXES["person"]]
    assert len(re.findall(r"^\| \[", index, re.MULTILINE)) == pages.TOP_ON_INDEX  # the most named only
    listed = [name for path, page in sorted(files.items(), key=lambda kv: _page_number(kv[0]))
              if path != pages.INDEXES["person"] for name in re.findall(r"^\| \[([^\]]+)\]", page, re.MULTILINE)]
    assert sorted(listed) == sorted(a.name for a in archive.of_kind("person"))
    assert "#a)" in index and "#z)" in index  # letter jumps


def _page_number(path: str) -> int:
    match = re.search(r"/(\d+)\.md$", path)
    return int(match.group(1)) if match else 0


def test_pager_has_the_same_size_on_every_page():
    listing = pages.Listing("generated/x", "generated/x.md", "X", "X", count=100 * pages.PAGE_SIZE)
    sizes = {len(re.findall(r"\]\(", pages.pager(listing, n, listing.path(n)))) for n in range(4, 97)}
    assert max(sizes) <= 2 * pages.PAGER_NEIGHBOURS + 4


# --- co-occurrence stays linear in a briefing's actors ---------------------------------


def test_a_briefing_naming_thousands_of_actors_counts_a_bounded_number_of_pairs(registry):
    crowd = [f"Person {i:04d}" for i in range(3000)]
    archive = build_archive(
        [("briefings/big.md", brief("big", "2024-01-01", ["Russia", "China"], crowd)),
         ("briefings/small.md", brief("small", "2024-01-02", ["Russia", "China"], ["Person 0000"]))],
        registry,
    )
    big = archive.by_slug("big")
    assert len(big.paired_names()) <= 4 * PAIRED_PER_LIST
    pairs = archive.pairs_among(archive.mentions)
    assert len(pairs) <= (4 * PAIRED_PER_LIST) ** 2
    assert archive.together("Russia", "Person 0000") == 2 and archive.together("Russia", "Person 2999") == 0
    assert len(archive.mentions) == 3002  # every actor still has its page and lists the briefing
    assert archive.mentions["Person 2999"] == [big]


def test_top_pairs_are_exact(registry):
    from collections import Counter
    from itertools import combinations

    archive = synthetic(200, registry)
    expected: Counter[tuple[str, str]] = Counter()
    for entry in archive.entries:
        expected.update(combinations(sorted(entry.paired_names()), 2))
    best = sorted(expected.items(), key=lambda item: (-item[1], item[0]))[:10]
    assert archive.top_pairs(10) == best


def test_related_briefings_are_near_in_time(registry):
    briefings = [brief(f"r{i}", f"20{10 + i // 12:02d}-{1 + i % 12:02d}-01", ["Russia"]) for i in range(200)]
    archive = build_archive([(f"briefings/r{i:03d}.md", b) for i, b in enumerate(briefings)], registry)
    entry = archive.by_slug("r100")
    related = archive.related_briefings(entry, limit=None)
    assert len(related) <= 2 * 10
    gaps = [abs(archive.entries.index(other) - archive.entries.index(entry)) for other, _ in related]
    assert gaps == sorted(gaps) and max(gaps) <= 10


# --- dates known to the month or the year ---------------------------------------------


@pytest.mark.parametrize(
    ("precision", "window", "label"),
    [
        (None, None, "2024-05-20"),
        ("day", None, "2024-05-20"),
        ("month", ("2024-05-01", "2024-05-31"), "c. May 2024"),
        ("year", ("2024-01-01", "2024-12-31"), "2024"),
        ("year", ("2023-10-01", "2024-12-31"), "c. 2024"),
    ],
)
def test_date_labels(registry, precision, window, label):
    b = brief("t", "2024-05-20", ["Russia"], date_precision=precision, date_range=window)
    archive = build_archive([("briefings/t.md", b)], registry)
    entry = archive.entries[0]
    assert pages.date_label(entry) == label
    page = pages.briefing_page(archive, entry)
    assert f"- **Date:** {label} (" in page
    if window:
        assert "between" in page and "placed on the timeline at 2024-05-20" in page
    assert f"- {label} · " in pages.year_pages(archive, "2024")[pages.year_path("2024")]


def test_imprecise_dates_are_placed_on_the_timeline_by_date(registry):
    a = brief("a", "2024-05-15", ["Russia"], date_precision="month", date_range=("2024-05-01", "2024-05-31"))
    b = brief("b", "2024-05-20", ["Russia"])
    archive = build_archive([("briefings/a.md", a), ("briefings/b.md", b)], registry)
    assert [e.slug for e in archive.timeline()["2024"]["2024-05"]] == ["b", "a"]


# --- what search indexes -----------------------------------------------------------------


def test_search_holds_briefings_and_actors_not_lists(registry):
    archive = synthetic(60, registry)
    files = generate.generated_pages(archive)
    excluded = {p for p, text in files.items() if "search:\n  exclude: true" in text}
    briefings = {p for p in files if p.startswith("generated/briefings/")}
    actors = {a.page for a in archive.actors.values()}
    assert not excluded & (briefings | actors)
    assert excluded >= {pages.TIMELINE, pages.STANCE, pages.CONNECTIONS, *pages.INDEXES.values()}
    page = files[pages.briefing_path(archive.entries[0])]
    assert "## Article { data-search-exclude }" in page
    assert re.search(r"^## Related briefings \{ data-search-exclude \}", page, re.MULTILINE)
    full = pages.briefing_page(archive, archive.entries[0], full_text_search=True)
    assert "## Article\n" in full
