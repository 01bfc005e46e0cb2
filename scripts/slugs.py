"""Safe, stable, readable slugs for file names and URLs, from text in any script.

Titles and names in Cyrillic, Chinese, Kazakh or Azerbaijani Latin ("Ə", "Ø",
"Ł") are transliterated to ASCII by ``anyascii`` (a maintained, ISC-licensed
table of every Unicode character), so a slug reads like its title and never
holds a path trick: only ``[a-z0-9-]``, never empty.
"""

from __future__ import annotations

import re

from anyascii import anyascii


_SYLLABIC_FROM = 0x2E80  # CJK and the scripts after it write a syllable per character


def _ascii(text: str) -> str:
    """``text`` in ASCII; a Chinese or Japanese character becomes a word of its own (its syllable)."""
    return "".join(f" {anyascii(c)} " if ord(c) >= _SYLLABIC_FROM else c for c in text)


def slugify(text: str, max_length: int = 60) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary; never empty."""
    ascii_text = anyascii(_ascii(text.replace("’", "").replace("'", ""))).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug or "untitled"


def is_safe_slug(slug: str) -> bool:
    """True for slugs made only of [a-z0-9-] (no '/', '..', or other path tricks)."""
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug))
