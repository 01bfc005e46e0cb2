"""A site built from hostile briefings: nothing a contributor writes becomes markup that runs.

Briefings written by hand (as a pull request brings them) put script tags, event
handlers, ``javascript:`` and ``data:`` links, iframes, SVG and attribute-list
injections into every field a page, the feed, the export or the search index shows.
Every output file is then searched for any of them surviving as markup.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.site import sample

ROOT = Path(__file__).resolve().parent.parent
MARK = "XSSMARK"
PAYLOADS = [
    f"<script>alert('{MARK}')</script>",
    f"<img src=x onerror=alert('{MARK}')>",
    f"<iframe src=\"javascript:alert('{MARK}')\"></iframe>",
    f"<svg onload=alert('{MARK}')>",
    f"[click](javascript:alert('{MARK}'))",
    f"<a href=\"data:text/html,{MARK}\">x</a>",
    f"{{: onclick=\"alert('{MARK}')\" }}",
    f"<object data=\"javascript:{MARK}\"></object>",
    f"</textarea><script>{MARK}</script>",
    f"javascript:{MARK}",
]
ALL = " ".join(PAYLOADS)


def hostile_briefing(index: int) -> str:
    """A valid briefing whose every text field and body section carries the payloads."""
    value = json.dumps(f"Talks {index} {ALL}", ensure_ascii=False)
    return f"""---
title: {json.dumps(f"Kyrgyzstan and Tajikistan {index} <script>alert('{MARK}')</script>")}
date: 2024-03-0{index}
date_basis: stated
date_evidence: {value}
source:
  outlet: {json.dumps(f"Outlet <img src=x onerror={MARK}>")}
  url: https://example.org/a?q=1'onmouseover='alert({MARK})
  seed: null
  sha256: null
countries: [Kyrgyzstan, Tajikistan]
people: [{json.dumps(f"Agent <svg onload={MARK}>")}]
organisations: []
stance:
  Kyrgyzstan: neutral
thesis: {value}
summary: {value}
reviewed: true
unregistered:
  - name: {json.dumps(f"Agent <svg onload={MARK}>")}
    kind: person
    country: Kyrgyzstan
    note: {value}
---

## Key points

- {ALL}

## Key figures

- **{ALL}**: {ALL}

## Quotes

> {ALL}
>
> — {ALL}

## Article

{ALL}

<script>document.write('{MARK}')</script>

<div onmouseover="alert('{MARK}')">{MARK}</div>
"""


class Markup(HTMLParser):
    """Every tag and attribute of a page, and the text inside its script elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, [(k, v or "") for k, v in attrs]))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def live_markup(html: str) -> list[str]:
    """What in ``html`` would run or load the payload: tags, handlers, URLs, script text carrying the mark."""
    parser = Markup()
    parser.feed(html)
    found = []
    for tag, attrs in parser.tags:
        if tag in ("iframe", "object", "embed", "svg") and MARK in str(attrs):
            found.append(f"<{tag}> from the payload")
        for key, value in attrs:
            if key.startswith("on") and MARK in value:
                found.append(f"<{tag} {key}=...>")
            if key in ("href", "src", "data", "action", "formaction", "xlink:href") and re.match(
                    r"\s*(javascript|data|vbscript):", value, re.IGNORECASE):
                found.append(f"<{tag} {key}={value[:60]}>")
    found += [f"<script> holding {text[:60]!r}" for text in parser.scripts if MARK in text]
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = sample.copy_project(ROOT, tmp_path_factory.mktemp("hostile") / "project")
    sample.write_registry(project / "registry")
    (project / "briefings").mkdir()
    for index in range(1, 4):
        (project / "briefings" / f"2024-03-0{index}-hostile-{index}.md").write_text(hostile_briefing(index), encoding="utf-8")
    result = sample.build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_the_detector_sees_live_markup() -> None:
    found = live_markup(f"<p>{ALL}</p><div onmouseover=\"alert('{MARK}')\">")
    assert len(found) >= 6, found


def test_the_payloads_reach_the_site_only_as_text(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    shown = [page for page in pages if MARK in page.read_text(encoding="utf-8")]
    assert shown, "the hostile briefings are on the site (as text)"
    problems = [f"{page.relative_to(site)}: {item}" for page in pages for item in live_markup(page.read_text(encoding="utf-8"))]
    assert not problems, "\n".join(problems[:30])


def test_no_raw_markup_in_the_feed_the_export_or_the_search_index(site: Path) -> None:
    feed = (site / "generated" / "feed.xml").read_text(encoding="utf-8")
    assert MARK in feed and "<script" not in feed.split("<entry>", 1)[-1].lower()  # Atom text is escaped once
    export = json.loads((site / "generated" / "briefings.json").read_text(encoding="utf-8"))
    assert MARK in json.dumps(export)  # metadata as data: JSON strings, never HTML
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            value = doc.get(field, "")
            assert not live_markup(value), (doc["location"], field, live_markup(value))
            assert not re.search(r"<(script|iframe|svg|object|img)\b", value, re.IGNORECASE), (doc["location"], value[:200])
    inlined = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert "<script" not in inlined.lower() and "</script" not in inlined.lower()
