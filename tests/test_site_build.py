"""Build tests: ``mkdocs build --strict`` on copies of the project, then check the built site.

Every build runs in a copy under tmp_path (mkdocs.yml, docs/, scripts/ and a
sample registry and briefings), so tests never write into the real docs/ or
site/ and can run alongside anything else.
"""

from __future__ import annotations

import json
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from scripts.site import feeds, sample
from scripts.site.pages import HOME_INCLUDE
from scripts.site.bundle import BUNDLE_FILE

ROOT = Path(__file__).resolve().parent.parent

# Attributes through which a browser loads something (anchors' href is not a load).
LOAD_ATTRIBUTES = {"src", "srcset", "data", "poster", "action", "formaction", "background", "xlink:href"}
# URLs inside Material's and the shim's JavaScript that never cause a request on this site, and why.
INERT_JS_URLS = {
    "https://github.com/squidfunk/iframe-worker": "licence comment of the shim",
    "https://clipboardjs.com/": "licence comment in Material's bundle",
    "https://api.github.com/": "repository facts, only with repo_url (not set)",
    "https://${": "GitLab repository facts, only with repo_url (not set)",
    "https://unpkg.com/mermaid@": "only on pages with Mermaid diagrams (none: checked)",
    "https://unpkg.com/resize-observer-polyfill": "only in browsers without ResizeObserver",
    "http://lunrjs.com": "comment in the search worker",
    "http://tartarus.org/": "comment in the search worker",
    "https://bit.ly/": "comment in the search worker",
}


class PageParser(HTMLParser):
    """Collects links (tag, attribute, value), ids, inline style/script text and nav links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.attrs: list[tuple[str, str, str]] = []
        self.inline: list[str] = []
        self.nav_links: list[str] = []
        self._stack: list[str] = []
        self._nav_depth = 0
        self._in = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for key, value in values.items():
            self.attrs.append((tag, key, value))
            if key in ("href", "src", "srcset", "data", "poster", "action", "xlink:href"):
                self.links.append((tag, key, value))
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "nav" and "md-nav--primary" in values.get("class", ""):
            self._nav_depth = 1
        elif tag == "nav" and self._nav_depth:
            self._nav_depth += 1
        if tag == "a" and self._nav_depth and "href" in values:
            self.nav_links.append(values["href"])
        if tag in ("script", "style"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1
        if tag in ("script", "style"):
            self._in = ""

    def handle_data(self, data: str) -> None:
        if self._in:
            self.inline.append(data)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def is_external(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url.strip(), re.IGNORECASE))


def resolve(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    """The file an internal URL points at (and its fragment), or None for external/special URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("#") or not parts.path:
        return None
    base = "" if parts.path.startswith("/") else page.parent.relative_to(site).as_posix()  # 404.html: root-relative
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
    if target.startswith(".."):
        return site / "__outside_the_site__" / target, parts.fragment
    path = site / target
    if url.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, parts.fragment


def built(project: Path) -> Path:
    result = sample.build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = sample.copy_project(ROOT, tmp_path_factory.mktemp("demo") / "project")
    sample.write_sample(project)
    return project


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return built(project)


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[Path, PageParser]:
    return {path: parse(path) for path in sorted(site.rglob("*.html"))}


def test_pages_exist_for_briefings_actors_and_indexes(project: Path, site: Path):
    briefings = sorted(p.stem for p in (project / "briefings").glob("*.md"))
    assert len(briefings) == 6
    assert sorted(p.stem for p in (site / "generated" / "briefings").glob("*.html")) == briefings
    for page in (
        "index.html", "generated/timeline/index.html", "generated/timeline/2023.html", "generated/timeline/undated.html",
        "generated/countries/index.html", "generated/people/index.html", "generated/organisations/index.html",
        "generated/stance/index.html", "generated/stance/2024.html", "generated/connections.html", "generated/data.html",
        "generated/people/emomali-rahmon.html", "generated/people/aziz-karimov.html",
        "generated/countries/tajikistan.html", "generated/groups/central-asian-states.html",
        "generated/organisations/collective-security-treaty-organization.html",
        "generated/feed.xml", "generated/briefings.json", "schemas/briefings.schema.json", "schemas/briefing.schema.json",
        "assets/javascripts/iframe-worker-1.0.4-shim.js", "assets/stylesheets/archive.css", "search/search_index.js",
    ):
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Latest briefings" in home and "Ways in" in home


def test_every_internal_link_resolves(site: Path, pages: dict[Path, PageParser]):
    broken = []
    for page, parsed in pages.items():
        for tag, attr, url in parsed.links:
            if attr == "srcset":
                continue
            target = resolve(site, page, url)
            if target is None:
                continue
            path, fragment = target
            if not path.is_file():
                broken.append(f"{page.relative_to(site)}: <{tag} {attr}={url}> -> missing {path.relative_to(site)}")
            elif fragment and path.suffix == ".html" and fragment not in pages[path].ids:
                broken.append(f"{page.relative_to(site)}: {url} -> no #{fragment}")
    assert not broken, "\n".join(broken[:20])


def click_depths(site: Path, pages: dict[Path, PageParser]) -> dict[Path, int]:
    """Fewest clicks (anchors) from the home page to each page."""
    depth = {site / "index.html": 0}
    queue = deque([site / "index.html"])
    while queue:
        page = queue.popleft()
        for tag, attr, url in pages[page].links:
            target = resolve(site, page, url) if tag == "a" and attr == "href" else None
            if target and target[0] in pages and target[0] not in depth:
                depth[target[0]] = depth[page] + 1
                queue.append(target[0])
    return depth


def test_every_briefing_within_two_clicks_and_no_page_orphaned(site: Path, pages: dict[Path, PageParser]):
    depth = click_depths(site, pages)
    orphans = [p.relative_to(site).as_posix() for p in pages if p not in depth and p.name != "404.html"]
    assert not orphans
    briefings = sorted((site / "generated" / "briefings").glob("*.html"))
    assert briefings and all(depth[p] <= 2 for p in briefings), {p.name: depth[p] for p in briefings}


def test_nav_holds_sections_not_briefings(site: Path, pages: dict[Path, PageParser]):
    for page in (site / "index.html", next((site / "generated" / "briefings").glob("*.html"))):
        nav = pages[page].nav_links
        assert 5 <= len(nav) <= 20, nav
        assert not [href for href in nav if "/briefings/" in href or "/people/" in href and "index" not in href]


def test_search_index_finds_text_and_every_spelling(site: Path, project: Path):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        docs[page] = docs.get(page, "") + " " + doc["title"] + " " + doc["text"]
    rahmon = docs["generated/people/emomali-rahmon.html"]
    for spelling in ("Emomali Rahmon", "Emomali Rakhmon", "Rahmonov", "Rakhmon"):
        assert spelling in rahmon
    xian = docs["generated/briefings/2023-05-20-china-rolls-out-its-geopolitical-claims-to-central.html"]
    for searched in ("China rolls out", "Alnur Musayev", "Collective Security Treaty Organization", "Espreso",
                     "at the expense of a weakened Russia", "competes with Russia"):  # title, actors, source, thesis, summary
        assert searched in xian, searched
    assert "Celestial Empire" not in xian  # the article's text is not indexed...
    assert "Celestial Empire" in docs["generated/countries/china.html"]  # ...but every spelling of an actor is
    assert not [page for page in docs if "/timeline/" in page or "/stance/" in page]  # lists repeat what is indexed
    inlined = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert inlined.startswith("var __index = ") and "Rakhmon" in inlined  # offline plugin: works from file://


def loaded_scripts(site: Path, pages: dict[Path, PageParser]) -> set[Path]:
    """The JavaScript files a browser loads: <script src> of every page, and the search worker.

    With ``lang: en`` the worker loads no lunr language file (assets/javascripts/lunr/ is unused).
    """
    scripts: set[Path] = set()
    for page, parsed in pages.items():
        for tag, attr, url in parsed.links:
            target = resolve(site, page, url) if tag == "script" and attr == "src" else None
            if target:
                scripts.add(target[0])
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  (site / "index.html").read_text(encoding="utf-8")).group(1))
    scripts.add(site / config["search"])
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    assert all(p.is_file() for p in scripts) and len(scripts) >= 3
    return scripts


def test_nothing_is_loaded_from_another_host(site: Path, pages: dict[Path, PageParser]):
    loads = []
    for page, parsed in pages.items():
        for tag, attr, value in parsed.attrs:
            if attr == "href" and tag == "a":
                continue  # an anchor (e.g. to an original article) is a link, not a load
            if attr in LOAD_ATTRIBUTES or (attr == "href" and tag in ("link", "image", "use", "base")):
                if any(is_external(part.split()[0]) for part in value.split(",") if part.strip()):
                    loads.append(f"{page.relative_to(site)}: <{tag} {attr}={value}>")
            if attr == "style" and re.search(r"url\(\s*['\"]?(https?:)?//", value):
                loads.append(f"{page.relative_to(site)}: style {value}")
            if attr == "http-equiv" and value.lower() == "refresh":
                loads.append(f"{page.relative_to(site)}: meta refresh")
            if attr == "class" and "mermaid" in value.split():
                loads.append(f"{page.relative_to(site)}: a Mermaid diagram would load Mermaid from unpkg")
        for text in parsed.inline:
            if re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.IGNORECASE):
                loads.append(f"{page.relative_to(site)}: inline script/style mentions {text[:80]!r}")
    for css in site.rglob("*.css"):
        body = css.read_text(encoding="utf-8")
        for match in re.finditer(r"url\(\s*['\"]?((https?:)?//[^)'\"]+)|@import\s+['\"]?((https?:)?//\S+)", body):
            loads.append(f"{css.relative_to(site)}: {match.group(0)[:100]}")
    for js in sorted(loaded_scripts(site, pages)):
        for match in re.finditer(r"https?://[^\s\"'`)]+", js.read_text(encoding="utf-8")):
            if not any(match.group(0).startswith(prefix) for prefix in INERT_JS_URLS):
                loads.append(f"{js.relative_to(site)}: {match.group(0)}")
    assert not loads, "\n".join(loads[:30])
    config = (site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^(repo_url|site_url):", config, re.MULTILINE)
    assert re.search(r"^\s+font: false", config, re.MULTILINE)


def test_untrusted_text_is_inert(site: Path, pages: dict[Path, PageParser]):
    page = site / "generated" / "briefings" / "2024-03-08-kyrgyzstan-and-tajikistan-settle-the-border-b.html"
    parsed = pages[page]
    assert not [a for a in parsed.attrs if a[1].startswith("on")], "event handler attribute"
    assert not [a for a in parsed.attrs if a[2].strip().lower().startswith("javascript:")]
    scripts = [v for t, k, v in parsed.attrs if t == "script" and k == "src"]
    assert all("assets/javascripts/" in s for s in scripts), scripts
    assert not [t for t in parsed.inline if "alert" in t]
    text = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in text and "<b>dispute" not in text and "<i>indeed" not in text
    assert "<title>Kyrgyzstan and Tajikistan settle the border &lt;b&gt;dispute&lt;/b&gt; - " in text


def test_feed_and_export(site: Path):
    root = ET.parse(site / "generated" / "feed.xml").getroot()
    ns = {"a": feeds.ATOM_NS}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 5 and root.findtext("a:updated", namespaces=ns) == "2024-03-08T00:00:00Z"
    for entry in entries:
        href = entry.find("a:link[@rel='alternate']", ns).get("href")
        assert (site / "generated" / href).is_file(), href  # relative to the feed
    data = json.loads((site / "generated" / "briefings.json").read_text(encoding="utf-8"))
    from test_site_pages import export_validator

    export_validator().validate(data)
    assert all((site / item["page"]).is_file() for item in data["briefings"])


def test_rebuild_is_byte_identical_and_writes_nothing(project: Path, site: Path):
    def snapshot() -> dict[str, tuple[bytes, int]]:
        files = [*(project / "docs" / "generated").rglob("*"), project / BUNDLE_FILE, site / "generated" / "feed.xml"]
        return {p.relative_to(project).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in files if p.is_file()}

    before = snapshot()
    assert f"docs/{HOME_INCLUDE}" in before and BUNDLE_FILE.as_posix() in before
    result = sample.build_site(project)
    assert result.returncode == 0, result.stderr
    assert "inputs unchanged since the last generation" in result.stderr
    assert "0 written to generated/" in result.stderr  # mkdocs serve would not loop
    after = snapshot()
    assert {name: data for name, (data, _) in after.items()} == {name: data for name, (data, _) in before.items()}
    assert {name: stamp for name, (_, stamp) in after.items() if not name.startswith("site/")} == {
        name: stamp for name, (_, stamp) in before.items() if not name.startswith("site/")}  # nothing rewritten


def test_invalid_briefing_stops_the_build_with_file_and_line(tmp_path: Path):
    project = sample.copy_project(ROOT, tmp_path / "project")
    sample.write_sample(project)
    good = sorted((project / "briefings").glob("*.md"))[0].read_text(encoding="utf-8")
    bad = good.replace("date: '2023-05-19'", "date: '2023-02-30'").replace("- Kyrgyzstan\n", "- Kyrgystan Republic\n", 1)
    assert bad != good
    (project / "briefings" / "zz-bad.md").write_text(bad, encoding="utf-8")
    result = sample.build_site(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "the site was not built" in result.stderr
    assert re.search(r"briefings/zz-bad\.md:\d+: date: .*2023-02-30.* not a real date", result.stderr), result.stderr
    assert re.search(r"briefings/zz-bad\.md:\d+: countries: unknown country 'Kyrgystan Republic'", result.stderr)


def test_methodology_page_is_optional(tmp_path: Path):
    project = sample.copy_project(ROOT, tmp_path / "project")
    sample.write_sample(project)
    methodology = project / "docs" / "methodology.md"
    methodology.unlink(missing_ok=True)
    site = built(project)
    assert not (site / "methodology.html").exists()
    assert "Methodology" not in (site / "index.html").read_text(encoding="utf-8")
    methodology.write_text("# Methodology\n\nHow briefings are made.\n", encoding="utf-8")
    site = built(project)
    home = parse(site / "index.html")
    assert "methodology.html" in home.nav_links


def test_the_real_archive_builds(tmp_path: Path):
    """The repository's own briefings and registry, as `make site` would build them (in a copy)."""
    import shutil

    project = sample.copy_project(ROOT, tmp_path / "project")
    for part in ("briefings", "registry", "seeds"):
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, project / part)
    built(project)


@pytest.mark.slow
def test_a_larger_archive_keeps_pages_small_and_reachable(tmp_path: Path, site: Path, pages: dict[Path, PageParser]):
    """300 synthetic briefings: long lists are paged, every page is reachable, the nav stays the same.

    That page size does not grow with the archive is tested on the generated Markdown
    (tests/test_site_scale.py); sizes at 1,000 to 10,000 briefings come from ``make bench``.
    """
    project = sample.copy_project(ROOT, tmp_path / "project")
    sample.write_sample(project, synthetic=300)
    big = built(project)
    big_pages = {path: parse(path) for path in sorted(big.rglob("*.html"))}
    sizes = {p: p.stat().st_size for p in big_pages}
    largest = max(sizes, key=sizes.get)
    assert len(list((big / "generated" / "briefings").glob("*.html"))) == 300
    assert list((big / "generated" / "countries" / "russia").glob("*.html"))  # Russia's briefings are paged
    assert sizes[largest] < 150_000, (largest, sizes[largest])
    depth = click_depths(big, big_pages)
    orphans = [p.relative_to(big).as_posix() for p in big_pages if p not in depth and p.name != "404.html"]
    assert not orphans, orphans[:10]
    briefings = sorted((big / "generated" / "briefings").glob("*.html"))
    assert max(depth[p] for p in briefings) <= 3
    assert len(big_pages[big / "index.html"].nav_links) == len(pages[site / "index.html"].nav_links)


def zensical() -> Path:
    exe = Path(sys.executable).with_name("zensical")
    if not exe.is_file():
        pytest.fail("zensical is not installed: pip install -r requirements.txt", pytrace=False)
    return exe


def test_zensical_renders_the_seeds_archive(tmp_path: Path):
    """`python -m scripts pages` then `zensical build`: every generated page, the feed, and a search index."""
    import shutil
    import subprocess

    project = sample.copy_project(ROOT, tmp_path / "project")
    for part in ("briefings", "registry", "seeds"):
        shutil.copytree(ROOT / part, project / part)
    result = subprocess.run([sys.executable, "-m", "scripts", "pages"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([str(zensical()), "build", "--clean", "--strict"], cwd=project, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    docs = project / "docs"
    sources = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if "includes" not in p.parts]
    missing = [src for src in sources if not (site / feeds.page_url(src)).is_file()]
    assert not missing, missing[:10]
    assert len(list((site / "generated" / "briefings").glob("*.html"))) == len(list((project / "briefings").glob("*.md")))
    assert (site / "generated" / "feed.xml").is_file() and (site / "generated" / "briefings.json").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Latest briefings" in home  # the snippet include worked
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    text = json.dumps(index)
    assert "Rakhmon" in text and "generated/people/emomali-rahmon.html" in text
