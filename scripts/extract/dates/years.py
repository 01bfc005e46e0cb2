"""Years the article speaks of as past or present, and copyright years."""

from __future__ import annotations

import re
from typing import Iterable

from .clue import Clue, excerpt, make_date
from .doc import Doc, blank_urls
from .forms import ANY_YEAR, full_dates
from .tense import tense_at

YEAR_RE = re.compile(r"(?<![\d$€£¥.,/#-])((?:19|20)\d{2})(?![\d%]|\s*[-–—]\s*\d)")
NOT_A_PAST_YEAR = re.compile(
    r"(\b(by|until|till|through|to|before|horizon|vision|strategy|program|programme|plan|agenda|concept|target|goal|expo|olympics|games)\s+(the\s+(year\s+)?)?|[-–—])$", re.I
)
COPYRIGHT_RE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–—]\s*)?((?:19|20)\d{2})(?!\d)", re.I)


def _past_years(doc: Doc) -> list[tuple[int, float, str]]:
    """(year, strength, quote) for each year the article speaks of as past or present (read once
    per document).

    Not targets and horizons ('by 2030', 'Strategy 2050', '2022-2026'), not years in
    future-tense sentences, not the year of a full date.
    """
    if "past-years" not in doc.cache:
        doc.cache["past-years"] = list(_years_spoken_of(doc))
    return list(doc.cache["past-years"])


def _years_spoken_of(doc: Doc) -> Iterable[tuple[int, float, str]]:
    for sentence in doc.article_sentences():
        if not ANY_YEAR.search(sentence.text):
            continue
        text = blank_urls(sentence.text)
        if _may_claim_copyright(doc) and COPYRIGHT_RE.search(text):
            continue
        for match in YEAR_RE.finditer(text):
            if NOT_A_PAST_YEAR.search(text[max(0, match.start() - 25) : match.start()].rstrip(" ")) or in_full_date(text, match.start()):
                continue
            tense = tense_at(text, match.start())
            if tense != "future":
                yield int(match.group(1)), (0.4 if tense else 0.25), excerpt(text, match.start(), match.end(), 90)


def newest_year(doc: Doc) -> int:
    """The latest year the article speaks of as past or present (0 if none)."""
    if "newest-year" not in doc.cache:
        doc.cache["newest-year"] = max((year for year, _, _ in _past_years(doc)), default=0)
    return int(doc.cache["newest-year"])


def year_clues(doc: Doc) -> list[Clue]:
    """The latest year the article speaks of as past or present: published in or after it; a copyright year bounds it."""
    clues = []
    best = max(_past_years(doc), key=lambda y: (y[0], y[1]), default=None)
    if best:
        year, strength, quote = best
        first = make_date(year, 1, 1)
        if first:
            clues.append(Clue("year-mention", "derived", f"'{quote}' -> latest year spoken of as past or present: published in {year} or later", lo=first, strength=strength, group="years"))
    copyright_years = [int(m.group(1)) for line in doc.lines for m in COPYRIGHT_RE.finditer(line)] if _may_claim_copyright(doc) else []
    if copyright_years:
        last = make_date(max(copyright_years), 12, 31)
        if last:
            clues.append(Clue("copyright", "derived", f"'© {max(copyright_years)}' -> published in {max(copyright_years)} or earlier", hi=last, strength=0.3, group="copyright"))
    return clues


def _may_claim_copyright(doc: Doc) -> bool:
    """Whether a line or sentence of the page may hold a copyright notice (a quick test before COPYRIGHT_RE)."""
    if "copyright" not in doc.cache:
        lowered = "\n".join([*doc.lines, *(s.text for s in doc.sentences)]).lower()
        doc.cache["copyright"] = "©" in lowered or "(c)" in lowered or "copyright" in lowered
    return bool(doc.cache["copyright"])


def in_full_date(text: str, at: int) -> bool:
    return any(m.start <= at < m.end for m in full_dates(text))

