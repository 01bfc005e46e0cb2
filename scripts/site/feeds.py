"""The Atom feed (``generated/feed.xml``) and the JSON export (``generated/briefings.json``).

Both are pure functions of the archive and deterministic: no build time is
written anywhere; the feed's ``<updated>`` is the newest briefing's date.
"""

from __future__ import annotations

import json
import posixpath
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable

from ..briefing import front_matter
from .archive import Archive, Entry
from .pages import EXPORT, EXPORT_SCHEMA, FEED, briefing_path

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_LIMIT = 50
EPOCH = "1970-01-01T00:00:00Z"


def page_url(src: str, directory_urls: bool = False) -> str:
    """Site-relative URL of the page built from docs-relative ``src`` (as MkDocs computes it)."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        base = stem[: -len("index")]
        return base if directory_urls else base + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def entry_id(entry: Entry) -> str:
    """A stable id: from the seed's hash when known (survives renames), else from the slug."""
    key = entry.briefing.source.sha256 or entry.slug
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'central-asia-briefing:' + key)}"


def from_feed(site_path: str) -> str:
    """A site-relative path as seen from the feed (Atom resolves relative links against the feed's own URL)."""
    return posixpath.relpath(site_path, posixpath.dirname(FEED))


def _timestamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def atom_feed(
    archive: Archive,
    url_of: Callable[[str], str],
    *,
    title: str,
    site_url: str | None = None,
    limit: int = FEED_LIMIT,
) -> str:
    """Atom 1.0 feed of the ``limit`` newest dated briefings; links relative to the feed unless ``site_url``."""
    base = (site_url.rstrip("/") + "/") if site_url else ""

    def href(site_path: str) -> str:
        return base + site_path if base else from_feed(site_path)

    dated = [e for e in archive.entries if e.date][:limit]
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "title", title)
    sub(feed, "subtitle", "New briefings, newest first.")
    sub(feed, "id", f"{base}{FEED}" if base else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'central-asia-briefing:feed')}")
    sub(feed, "link", rel="self", type="application/atom+xml", href=href(FEED))
    sub(feed, "link", rel="alternate", type="text/html", href=base or from_feed("index.html"))
    sub(feed, "updated", _timestamp(dated[0].date) if dated else EPOCH)  # type: ignore[arg-type]
    author = sub(feed, "author")
    sub(author, "name", title)
    sub(feed, "generator", "scripts/site")
    for entry in dated:
        b = entry.briefing
        item = sub(feed, "entry")
        sub(item, "title", b.title)
        sub(item, "id", entry_id(entry))
        sub(item, "link", rel="alternate", type="text/html", href=href(url_of(briefing_path(entry))))
        if b.source.url:
            sub(item, "link", rel="via", href=b.source.url)
        sub(item, "published", _timestamp(entry.date))  # type: ignore[arg-type]
        sub(item, "updated", _timestamp(entry.date))  # type: ignore[arg-type]
        if b.source.outlet:
            sub(sub(item, "author"), "name", b.source.outlet)
        for name in b.countries:
            sub(item, "category", term=name)
        summary = b.summary or b.thesis
        if summary:
            sub(item, "summary", summary, type="text")
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def json_export(archive: Archive, url_of: Callable[[str], str]) -> str:
    """Every briefing's metadata, newest first, valid against ``schemas/briefings.schema.json``."""
    items = [
        {
            "id": entry.slug,
            "file": entry.file,
            "page": url_of(briefing_path(entry)),
            "metadata": front_matter(entry.briefing),
        }
        for entry in archive.entries
    ]
    schema = posixpath.relpath(EXPORT_SCHEMA, posixpath.dirname(EXPORT))
    # One briefing a line: readable, and written by json's fast encoder (indent= would use the slow one).
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    head = json.dumps({"$schema": schema, "count": len(items)}, ensure_ascii=False)[:-1]
    return f"{head}, \"briefings\": [\n{lines}\n]}}\n" if items else f"{head}, \"briefings\": []}}\n"
