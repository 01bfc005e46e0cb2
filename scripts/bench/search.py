"""Search on a built site in headless Chromium, over http and from file://.

For each way of opening the site, a fresh browser profile opens the home page,
types a query into Material's search box as soon as the page has loaded
("cold": the index may still be loading) and again once a first search has
answered ("warm"), and records, in the page's own clock:

* the load event (is page load blocked by the index?);
* the time from the last keystroke to the first result;
* the bytes of every file requested before that result (sizes on disk);
* the longest main-thread task meanwhile (``longtask`` entries: the page
  cannot respond during one);
* requests to any other host (aborted and counted);
* the first result's link (``Rakhmon`` must land on Emomali Rahmon's page).

Debian's Chromium is driven by Playwright, as in ``tests/test_browser_site.py``.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}  # below ~1220 px Material collapses the search box
QUERIES = ("Rakhmon", "hydropower")  # a spelling of a person's name, a word of titles
TIMEOUT_MS = 120_000

# Installed before any page script: records the key-down of the query's last character in the
# search box (the keystroke that completes the query: Material may search before its key-up,
# when a focus change it debounces reads the box), the first rendering of results after it
# while the box holds the whole query, and main-thread long tasks, all in performance.now()
# milliseconds.
PROBE = """
(() => {
  window.__probe = {lastKey: null, firstResult: null, longest: 0, query: null};
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) window.__probe.longest = Math.max(window.__probe.longest, e.duration);
    }).observe({type: "longtask", buffered: true});
  } catch (e) {}
  document.addEventListener("keydown", ev => {
    if (ev.target && ev.target.matches && ev.target.matches("input.md-search__input") && window.__probe.query !== null) {
      window.__probe.lastKey = ev.timeStamp;  // when the key was pressed, even if the page was busy
    }
  }, true);
  new MutationObserver(records => {
    const p = window.__probe;
    if (p.firstResult !== null || p.lastKey === null) return;
    const box = document.querySelector("input.md-search__input");
    const inResults = records.some(r => r.target.closest && r.target.closest(".md-search-result"));
    if (inResults && box && box.value === p.query && document.querySelector(".md-search-result__list a.md-search-result__link")) {
      p.firstResult = performance.now();
    }
  }).observe(document, {subtree: true, childList: true});
})();
"""

# All but the last character go into the box without events; the last one is typed, so the
# only key-down is the one that completes the query.
PREFILL = "([value]) => { const box = document.querySelector('input.md-search__input'); box.value = value; }"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://localhost:{server.server_address[1]}/"


def _file_of(url: str, root: str, site: Path) -> Path | None:
    if not url.startswith(root):
        return None
    path = unquote(urlsplit(url).path[len(urlsplit(root).path):]) if url.startswith("http") else unquote(url[len(root):])
    target = site / path.split("?")[0].split("#")[0]
    return target if target.is_file() else None


def _one_run(
    playwright: Any, site: Path, root: str, over: str, queries: tuple[str, str], profile: Path
) -> list[dict[str, Any]]:
    """A fresh profile: the first query typed right after the load event (cold), the second once it answered (warm)."""
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, viewport=VIEWPORT,
    )
    requests: list[str] = []  # every URL asked for, in order (snapshot when the result shows)
    foreign: list[str] = []
    own = urlsplit(root)

    def route(r: Any) -> None:
        url = r.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or (parts.scheme == own.scheme and parts.netloc == own.netloc):
            r.continue_()
        else:
            foreign.append(url)
            r.abort()

    try:
        context.route("**/*", route)
        context.on("request", lambda request: requests.append(request.url))
        context.add_init_script(PROBE)
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(root + "index.html", wait_until="load")
        load_ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
        runs = []
        for when, query in zip(("cold", "warm"), queries):
            page.evaluate("([q]) => Object.assign(window.__probe, {lastKey: null, firstResult: null, query: q})", [query])
            page.locator("input.md-search__input").click()
            page.evaluate(PREFILL, [query[:-1]])
            page.keyboard.type(query[-1])
            page.wait_for_function("window.__probe.firstResult !== null", timeout=TIMEOUT_MS)
            probe = page.evaluate("window.__probe")
            first = page.locator("a.md-search-result__link").first.get_attribute("href") or ""
            files = {f for url in list(requests) if (f := _file_of(url, root, site)) is not None}
            runs.append({
                "over": over,
                "query": query,
                "when": when,
                "load_ms": load_ms,
                "first_result_ms": probe["firstResult"] - probe["lastKey"],
                "bytes_before_result": sum(f.stat().st_size for f in files),
                "files_before_result": len(files),
                "longest_task_ms": probe["longest"],
                "foreign_requests": len(foreign),
                "first_result": first.split("#")[0].split("?")[0].replace(root, ""),
            })
            page.keyboard.press("Escape")
        return runs
    finally:
        context.close()


def measure_search(site: Path, queries: tuple[str, str] = QUERIES) -> dict[str, Any]:
    """Search timings on ``site`` over http and file://; ``{"skipped": why}`` without Chromium or Playwright."""
    import tempfile

    if not CHROMIUM.is_file():
        return {"skipped": f"{CHROMIUM} is missing (make browser)"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        return {"skipped": f"Playwright is not installed ({error})"}
    server, http_root = _serve(site)
    runs: list[dict[str, Any]] = []
    errors: list[str] = []
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
            for over, root in (("http", http_root), ("file", site.resolve().as_uri() + "/")):
                for first, second in (queries, queries[::-1]):
                    profile = Path(tmp) / f"{over}-{first}"
                    try:
                        runs += _one_run(playwright, site, root, over, (first, second), profile)
                    except Exception as error:  # a timeout is a result too: report it, measure the rest
                        errors.append(f"{over} {first}: {str(error).splitlines()[0]}")
    finally:
        server.shutdown()
        server.server_close()
    if not runs:
        return {"errors": errors}
    worst = max(runs, key=lambda r: r["first_result_ms"])
    return {"runs": runs, "errors": errors,
            "summary": {"worst_first_result_ms": round(worst["first_result_ms"]),
                        "worst": f"{worst['over']} {worst['query']} {worst['when']}",
                        "foreign_requests": sum(r["foreign_requests"] for r in runs), "errors": len(errors)}}
