"""Render a :class:`Briefing` to Markdown and write it atomically.

A machine-drafted file ends its front matter with ``draft_sha256``: the hash of
the file as drafted. If the file no longer matches it, a person edited it, and
no command overwrites it without consent.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import tempfile
from pathlib import Path

from . import yamlio
from .model import Briefing
from .slugs import slugify

SCHEMA_COMMENT = "# yaml-language-server: $schema=../docs/schemas/briefing.schema.json\n"
FINGERPRINT_KEY = "draft_sha256"
_FINGERPRINT_LINE = re.compile(rf"^{FINGERPRINT_KEY}: ['\"]?([0-9a-f]{{64}})['\"]?\n", re.MULTILINE)


def escape_markdown_html(text: str) -> str:
    """Neutralise raw HTML in article text (no ``<script>`` reaches a page)."""
    return html.escape(text, quote=False)


def briefing_filename(briefing: Briefing) -> str:
    """``YYYY-MM-DD-short-slug.md`` (``undated-...`` when the date is unknown)."""
    prefix = briefing.date or "undated"
    return f"{prefix}-{slugify(briefing.title, max_length=50)}.md"


def render_body(briefing: Briefing) -> str:
    """Summary, key points, key figures, quotes, then the cleaned article text."""
    parts = ["## Summary\n\n" + escape_markdown_html(briefing.summary.strip() or "(none)") + "\n"]
    if briefing.key_points:
        parts.append("## Key points\n\n" + "".join(f"- {escape_markdown_html(p)}\n" for p in briefing.key_points))
    if briefing.key_figures:
        lines = [
            f"- **{escape_markdown_html(f.value)}**: {escape_markdown_html(f.sentence)}\n" for f in briefing.key_figures
        ]
        parts.append("## Key figures\n\n" + "".join(lines))
    if briefing.quotes:
        blocks = []
        for quote in briefing.quotes:
            speaker = f"\n>\n> — {escape_markdown_html(quote.speaker)}" if quote.speaker else ""
            blocks.append(f"> {escape_markdown_html(quote.text)}{speaker}\n")
        parts.append("## Quotes\n\n" + "\n".join(blocks))
    paragraphs = [escape_markdown_html(p.strip()) for p in briefing.text.split("\n\n") if p.strip()]
    parts.append("## Article\n\n" + "\n\n".join(paragraphs) + "\n")
    return "\n".join(parts)


def fingerprint(text_without_fingerprint: str) -> str:
    return hashlib.sha256(text_without_fingerprint.encode("utf-8")).hexdigest()


def render_briefing(briefing: Briefing) -> str:
    """The whole file: front matter (with its draft fingerprint) and body."""
    front = yamlio.dump(briefing.front_matter())
    unsigned = f"---\n{SCHEMA_COMMENT}{front}---\n\n{render_body(briefing)}"
    digest = fingerprint(unsigned)
    return unsigned.replace(f"{front}---\n", f"{front}{FINGERPRINT_KEY}: {digest}\n---\n", 1)


def is_machine_draft(text: str) -> bool:
    """True when ``text`` is exactly as a machine drafted it (no human edits)."""
    match = _FINGERPRINT_LINE.search(text)
    if not match:
        return False
    unsigned = text[: match.start()] + text[match.end() :]
    return fingerprint(unsigned) == match.group(1)


def is_protected(text: str) -> bool:
    """True when a person edited the file or marked it ``reviewed: true``."""
    if not is_machine_draft(text):
        return True
    return re.search(r"^reviewed:\s*true\s*$", text, re.MULTILINE) is not None


def atomic_write(path: Path, text: str) -> bool:
    """Write ``text`` via a temp file and rename; return False if unchanged."""
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
