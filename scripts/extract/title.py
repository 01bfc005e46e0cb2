"""Title: the printed headline when there is one, else a headline made from the lead."""

from __future__ import annotations

import re

MAX_TITLE = 110


def title_from_lead(sentence: str, max_length: int = MAX_TITLE) -> str:
    """Whole words, at most ``max_length`` characters, cut at a clause boundary when possible."""
    sentence = " ".join(sentence.split()).rstrip(" .")
    if len(sentence) <= max_length:
        return sentence
    boundaries = [m.start() for m in re.finditer(r"[,;:]\s|\s[–—-]\s", sentence) if 40 <= m.start() <= max_length]
    if boundaries:
        return sentence[: boundaries[-1]].rstrip(" ,;:")
    cut = sentence[: max_length - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(" ,;:") + "…"


def extract_title(headline: str | None, first_sentence: str | None) -> tuple[str, str]:
    """(title, evidence)."""
    if headline:
        return headline.strip(), "first line reads as a headline (short, no final full stop)"
    made = title_from_lead(first_sentence) if first_sentence else ""
    if made:
        return made, "no headline in the text: made from the lead sentence"
    return "Untitled article", "no headline and no text"
