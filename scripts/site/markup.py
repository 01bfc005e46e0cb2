"""Markdown for untrusted text: escaping, links and chips.

Every string taken from a briefing or the registry goes through :func:`text`
(block text) or :func:`inline` (one line: titles, names, table cells) before it
reaches a page. Both escape ``<``, ``>`` and ``&`` as HTML entities, so no raw
HTML survives, and backslash-escape Markdown syntax, so article text cannot
make links (``[x](javascript:...)``), attribute lists (``{: onclick=...}``),
headings, lists, tables or snippet includes.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import lru_cache

# Markdown characters escaped everywhere (Python-Markdown's escapable set, plus
# '|' for tables; '.', '-', '+', '!' only matter at the start of a line).
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|])")
_LINE_START = re.compile(r"^([-+!:~]|\d+(?=[.)]))")
_SETEXT = re.compile(r"^=+\s*$")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$")


def inline(value: object) -> str:
    """One line of escaped Markdown text (whitespace collapsed)."""
    return _inline(str(value))


@lru_cache(maxsize=1 << 16)
def _inline(value: str) -> str:  # names and titles recur on many pages
    return _escape_line(" ".join(value.split()))


def text(value: object) -> str:
    """Escaped Markdown paragraphs: one blank line between paragraphs, lines kept."""
    paragraphs = re.split(r"\n\s*\n", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for paragraph in paragraphs:
        lines = [" ".join(line.split()) for line in paragraph.split("\n")]
        lines = [_escape_line(line) for line in lines if line]
        if lines:
            out.append("\n".join(lines))
    return "\n\n".join(out)


def _escape_line(line: str) -> str:
    escaped = _INLINE_SPECIAL.sub(r"\\\1", html.escape(line, quote=False))
    if _SETEXT.match(escaped):
        return "&#61;" + escaped[1:]
    match = _LINE_START.match(escaped)
    if match:
        if match.group(1)[0].isdigit():  # "1." or "1)" would start a list
            end = match.end()
            return escaped[:end] + "\\" + escaped[end:]
        return "\\" + escaped
    return escaped


def attribute(value: object) -> str:
    """Text for an HTML attribute or element content in raw HTML/SVG we write."""
    return html.escape(" ".join(str(value).split()), quote=True)


def yaml_string(value: object) -> str:
    """A double-quoted YAML scalar (JSON syntax) holding HTML-escaped text.

    Used for page front matter: Material prints ``page.meta.title`` unescaped
    into ``<title>``, so the value itself must be HTML-safe.
    """
    return json.dumps(attribute(value), ensure_ascii=False)


def relative(target: str, source: str) -> str:
    """Link from the page at ``source`` to ``target`` (both docs-relative paths; ``target`` may end in ``#anchor``)."""
    folder, _, name = target.rpartition("/")
    way = _between(folder, source.rpartition("/")[0])
    return name if way == "." else f"{way}/{name}"


@lru_cache(maxsize=4096)
def _between(target_folder: str, source_folder: str) -> str:  # few folders, many links
    return posixpath.relpath(target_folder or ".", source_folder or ".")


def link(label: str, target: str, source: str, classes: tuple[str, ...] = ()) -> str:
    """``[label](relative-target){ .classes }``; ``label`` must already be escaped."""
    attrs = "{ " + " ".join(f".{c}" for c in classes) + " }" if classes else ""
    return f"[{label}]({relative(target, source)}){attrs}"


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) URL, with parentheses percent-encoded; else None."""
    if not url or not _SAFE_URL.match(url):
        return None
    return url.replace("(", "%28").replace(")", "%29")


def external_link(label: str, url: str | None) -> str:
    """A link to an original article, or just the label when the URL is unsafe."""
    safe = safe_url(url)
    if safe is None:
        return label
    return f"[{label}](<{safe}>){{ .ca-source rel=\"nofollow noopener\" }}"
