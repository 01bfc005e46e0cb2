"""End-to-end: the built demo site in headless Chromium, over http://localhost and file://.

Debian's chromium (``make browser``) driven by Python Playwright. Each test opens
a fresh browser profile, records every request, aborts any to another host, and
fails on console errors. With CI=true these tests never skip: a missing
Chromium fails them loudly.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.site import sample

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}  # below ~1220 px Material collapses the search box
TIMEOUT_MS = 15_000


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def require_browser() -> None:
    """Skip locally when Chromium or Playwright is missing; in CI, fail loudly instead."""
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        problem = f"Python Playwright is not installed ({error}); pip install -r requirements.txt"
    if problem is None and not CHROMIUM.is_file():
        problem = f"{CHROMIUM} is missing; install Debian's chromium with 'make browser'"
    if problem:
        if in_ci():
            pytest.fail(f"CI is set, so browser tests must run, but {problem}", pytrace=False)
        pytest.skip(problem)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_browser()
    project = sample.copy_project(ROOT, tmp_path_factory.mktemp("browser") / "project")
    sample.write_sample(project)
    result = sample.build_site(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def http_root(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def playwright_instance() -> Iterator[object]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(params=["http", "file"])
def root(request: pytest.FixtureRequest, site: Path) -> str:
    if request.param == "http":
        return request.getfixturevalue("http_root")
    return site.as_uri() + "/"


class Browser:
    """A fresh Chromium profile that records requests, console errors and dialogs."""

    def __init__(self, playwright: object, profile: Path, root: str) -> None:
        self.root = root
        self.context = playwright.chromium.launch_persistent_context(  # type: ignore[attr-defined]
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, viewport=VIEWPORT,
        )
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.route("**/*", self._route)
        self.page = self.context.pages[0] if self.context.pages else self.context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)

    def is_own(self, url: str) -> bool:
        parts, own = urlsplit(url), urlsplit(self.root)
        if parts.scheme in ("data", "blob", "about"):
            return True
        return parts.scheme == own.scheme and parts.netloc == own.netloc

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if self.is_own(url):
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.foreign.append(url)
            route.abort()  # type: ignore[attr-defined]

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    def goto_home(self) -> None:
        self.page.goto(self.root + "index.html")
        self.page.wait_for_load_state("load")

    def assert_clean(self) -> None:
        foreign = sorted({u for u in self.requests if not self.is_own(u)} | set(self.foreign))
        assert not foreign, f"requests to other hosts: {foreign}"
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.dialogs, f"dialogs (script ran?): {self.dialogs}"
        assert self.requests, "no request recorded at all: the listener is broken"


def h1(page: object) -> str:
    """The page's heading without its permalink sign."""
    return page.locator("h1").first.inner_text().replace("¶", "").strip()  # type: ignore[attr-defined]


@pytest.fixture
def browser(playwright_instance: object, root: str, tmp_path: Path) -> Iterator[Browser]:
    b = Browser(playwright_instance, tmp_path / "profile", root)
    try:
        yield b
    finally:
        b.context.close()


def test_home_to_actor_page_by_clicking(browser: Browser):
    browser.goto_home()
    page = browser.page
    assert h1(page) == "Central Asia Briefing Archive"
    page.locator("a.ca-chip", has_text="Emomali Rahmon").first.click()
    page.wait_for_url("**/generated/people/emomali-rahmon.html")
    assert h1(page) == "Emomali Rahmon"
    assert "Rakhmon" in page.locator("article").inner_text()
    page.locator("article a", has_text="Tajikistan's Rahmon hosts talks").first.click()  # on to a briefing
    page.wait_for_url("**/generated/briefings/2023-06-02-*.html")
    assert "Emomali Rahmon" in page.locator("article").inner_text()
    browser.assert_clean()


def test_search_rakhmon_lands_on_rahmons_page(browser: Browser):
    browser.goto_home()
    page = browser.page
    box = page.locator("input.md-search__input")
    assert box.is_visible(), "search box hidden (the search worker did not start?)"
    box.click()
    page.keyboard.type("Rakhmon", delay=30)  # Material reads the query on key-up
    first = page.locator("a.md-search-result__link").first
    first.wait_for()
    assert "generated/people/emomali-rahmon.html" in (first.get_attribute("href") or "")
    first.click()
    page.wait_for_url("**/generated/people/emomali-rahmon.html*")
    assert h1(page) == "Emomali Rahmon"
    browser.assert_clean()


def test_search_finds_a_briefing_by_a_word_of_its_thesis(browser: Browser):
    browser.goto_home()
    page = browser.page
    page.locator("input.md-search__input").click()
    page.keyboard.type("weakened", delay=30)
    page.locator("a.md-search-result__link[href*='china-rolls-out']").first.wait_for()
    browser.assert_clean()


def test_hostile_briefing_runs_no_script(browser: Browser):
    browser.goto_home()
    page = browser.page
    page.locator("article a", has_text="settle the border").first.click()
    page.wait_for_url("**/generated/briefings/2024-03-08-*.html")
    article = page.locator("article").inner_text()
    assert '<script>alert("xss")</script>' in article  # shown as text, not run
    assert page.locator("article script, article img, article [onclick]").count() == 0
    browser.assert_clean()


def test_search_from_disk_runs_in_a_worker_thread(playwright_instance: object, site: Path, tmp_path: Path):
    """From file://, the archive's search engine starts from a blob: worker (off the page's thread),
    not in iframe-worker's hidden iframe (on the page's thread), and Material's lunr worker is not used."""
    b = Browser(playwright_instance, tmp_path / "profile", site.as_uri() + "/")
    try:
        b.goto_home()
        page = b.page
        page.locator("input.md-search__input").click()
        page.keyboard.type("Rakhmon", delay=30)
        page.locator("a.md-search-result__link[href*='emomali-rahmon']").first.wait_for()
        assert [u for u in b.requests if u.endswith("/assets/javascripts/archive-search.js")]
        assert not [u for u in b.requests if "/assets/javascripts/workers/" in u]
        assert page.locator("body > iframe").count() == 0  # iframe-worker was not needed
        b.assert_clean()
    finally:
        b.context.close()


ENGINE_PROBE = """
async ([docs, queries]) => {
  const worker = new Worker("assets/javascripts/archive-search.js");
  const answer = () => new Promise(resolve => { worker.onmessage = event => resolve(event.data); });
  let reply = answer();
  worker.postMessage({type: 0, data: {config: {lang: ["en"], separator: "[\\\\s\\\\-]+"}, docs}});
  const ready = await reply;
  const results = [];
  for (const query of queries) {
    reply = answer();
    worker.postMessage({type: 2, data: query});
    results.push((await reply).data.items);
  }
  worker.terminate();
  return [ready, results];
}
"""


def test_the_search_engine_matches_prefixes_folds_accents_and_marks_only_text(
    playwright_instance: object, http_root: str, tmp_path: Path
):
    """archive-search.js on its own, in a worker: what it finds, in which order, and what it marks."""
    docs = [
        {"location": "a.html", "title": "Türkiye and Russia", "text": "<p>Talks on &amp; about gas</p>"},
        {"location": "b.html", "title": "Emomali Rahmon", "text": "<ul><li>Known spellings: Rakhmon, Rahmonov</li></ul>",
         "boost": 2},
        {"location": "c.html", "title": "Gas prices", "text": "<p>The pipeline to Turkey carries gas</p>"},
        {"location": "c.html#more", "title": "More", "text": "<p>A section that names the marker word li</p>"},
    ]
    b = Browser(playwright_instance, tmp_path / "profile", http_root)
    try:
        b.goto_home()
        ready, results = b.page.evaluate(ENGINE_PROBE, [docs, ["turkiye", "rakhm", "gas pipeline", "li", "nothing"]])
        assert ready == {"type": 1}
        turkiye, rakhm, gas, li, nothing = results
        assert [[r["location"] for r in group] for group in turkiye] == [["a.html"]]
        assert turkiye[0][0]["title"] == "<mark>Türkiye</mark> and Russia"  # accents folded for matching, kept in display
        assert rakhm[0][0]["location"] == "b.html" and "<mark>Rakhmon</mark>" in rakhm[0][0]["text"]
        assert rakhm[0][0]["terms"] == {"rakhm": True}
        # Both words first (c.html), then one (a.html, with 'pipeline' missing); the title counts most.
        assert [group[0]["location"] for group in gas] == ["c.html", "a.html"]
        assert gas[1][0]["terms"] == {"gas": True, "pipeline": False}
        assert gas[0][0]["text"] == "<p>The <mark>pipeline</mark> to Turkey carries <mark>gas</mark></p>"
        # A section's hit is shown under its page; tags and entities are never matched or broken.
        assert [[r["location"] for r in group] for group in li] == [["c.html#more", "c.html"]]
        assert li[0][0]["text"] == "<p>A section that names the marker word <mark>li</mark></p>"
        assert nothing == []
        b.assert_clean()
    finally:
        b.context.close()
