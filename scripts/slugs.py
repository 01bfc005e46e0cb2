"""Safe, stable slugs for file names and URLs (no path tricks)."""

from __future__ import annotations

import re
import unicodedata

_TRANSLIT = str.maketrans({"ı": "i", "ə": "e", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "’": "", "'": ""})


def slugify(text: str, max_length: int = 60) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary; never empty."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", text)
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
