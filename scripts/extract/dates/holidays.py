"""Greetings for a holiday: a message congratulating on New Year, Nowruz or an independence day is
written on the holiday or the few days before it (the holidays and their days are data:
``holidays`` and ``greeting_words`` in ``scripts/datewords.yaml``).

Only the headline and the first sentences of the article are read: a greeting there is what the
article is about; one further down may be an aside. The holiday gives the day and month; the
year is the one printed in the greeting ("Happy New Year 2026"), else the one the other clues
point to (the occurrence nearest their provisional estimate, or the only one inside the window
their strong bounds allow). Without a year there is no clue: a greeting alone never guesses one.
"""

from __future__ import annotations

import datetime as dt
import re

from ...datewords import GREETING_WORDS, HOLIDAYS, ORDINALS, Holiday
from .clue import Clue, excerpt, make_date
from .doc import Doc

LEAD_SENTENCES = 3  # the headline and this many sentences of the article are where a greeting dates it
NEAREST_DAYS = 200  # an estimate further than this from every occurrence of the holiday gives it no year
WEIGHT = 0.45
YEAR_REACH = 8  # characters either side of the holiday's name where a year is the holiday's

GREETING = re.compile(r"\b(?:" + "|".join(GREETING_WORDS) + r")(?!\w)", re.I)
HOLIDAY_CUES: tuple[tuple[Holiday, tuple[re.Pattern[str], ...]], ...] = tuple(
    (holiday, tuple(re.compile(r"(?<!\w)(?:" + cue + r")(?!\w)", re.I) for cue in holiday.cues)) for holiday in HOLIDAYS
)
YEAR = re.compile(r"(?<![\d.,/-])((?:19|20)\d{2})(?![\d%])")
NUMBERED = re.compile(  # "his 70th birthday", "70-летие", "the seventieth birthday": the number just before the name
    r"(?:(?<!\d)(?P<n>\d{1,3})(?:st|nd|rd|th|-?(?:летием|летия|летие|летию|y[oi]sh\w*|жас\w*))?|(?P<w>"
    + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"))\W{1,3}(?:\w+\W{1,3})?$", re.I)


def holiday_clues(doc: Doc, anchor: dt.date | None, bounds: tuple[dt.date, dt.date] | None) -> list[Clue]:
    """A greeting for a holiday in the lead: the days around the holiday, in the year printed with it or the
    one that ``anchor`` (the provisional estimate) or ``bounds`` (the strong bounds' window) give."""
    for sentence in doc.article_sentences():
        if sentence.rank > LEAD_SENTENCES:
            break
        if not GREETING.search(sentence.text):
            continue
        for holiday, cues in HOLIDAY_CUES:
            found = [cue.search(sentence.text) for cue in cues]
            if all(found):
                name = found[0]
                assert name is not None
                clue = _greeting(holiday, sentence.text, _own_year(holiday, sentence.text, name.start(), name.end()), anchor, bounds)
                if clue is not None:
                    return [clue]
    return []


def _own_year(holiday: Holiday, sentence: str, start: int, end: int) -> tuple[int, str] | None:
    """The year the greeting itself gives, and how: printed beside the holiday's name, or a birthday's number."""
    printed = _year_beside(sentence, start, end)
    if printed is not None:
        return printed, f"the year printed with it ({printed})"
    numbered = _numbered_year(holiday, sentence[:start])
    if numbered is not None:
        return numbered, f"its number and the year of birth ({holiday.first_year})"
    return None


def _year_beside(sentence: str, start: int, end: int) -> int | None:
    """A year printed next to the holiday's name ("New Year 2026", "2024 Nowruz"), if one."""
    found = {int(m.group(1)) for m in YEAR.finditer(sentence[max(0, start - YEAR_REACH) : end + YEAR_REACH])}
    return found.pop() if len(found) == 1 else None


def _numbered_year(holiday: Holiday, before: str) -> int | None:
    """The year a numbered birthday falls in ("his 70th birthday" of a man born in 1952: 2022)."""
    if holiday.first_year is None:
        return None
    match = NUMBERED.search(before[-40:])
    if match is None:
        return None
    number = int(match.group("n")) if match.group("n") else ORDINALS.get(match.group("w").lower(), 0)
    return holiday.first_year + number if 0 < number < 120 else None


def _greeting(holiday: Holiday, sentence: str, own: tuple[int, str] | None, anchor: dt.date | None, bounds: tuple[dt.date, dt.date] | None) -> Clue | None:
    quote = excerpt(sentence, 0, None, 110)
    if own is not None:
        year, how = own
    elif anchor is not None:
        year = min(range(anchor.year - 1, anchor.year + 2), key=lambda y: abs((_day(holiday, y) - anchor).days))
        if abs((_day(holiday, year) - anchor).days) > NEAREST_DAYS:
            return None
        how = "the occurrence nearest the other clues"
    elif bounds is not None:
        lo, hi = bounds
        years = [y for y in range(lo.year - 1, hi.year + 2) if _overlaps(holiday, y, lo, hi)]
        if len(years) != 1:
            return None
        year, how = years[0], "the only occurrence inside the bounds of the other clues"
    else:
        return None
    day = _day(holiday, year)
    first, last = day + dt.timedelta(days=holiday.first), day + dt.timedelta(days=holiday.last)
    best = day + dt.timedelta(days=holiday.best)
    evidence = f"'{quote}' -> a greeting for {holiday.name} ({day.isoformat()}, year from {how}): written on or shortly before it"
    return Clue("holiday", "derived", evidence, best, WEIGHT, group="holiday", window=(first, last))


def _day(holiday: Holiday, year: int) -> dt.date:
    day = make_date(year, holiday.month, holiday.day)
    return day if day is not None else dt.date(year, holiday.month, 28)


def _overlaps(holiday: Holiday, year: int, lo: dt.date, hi: dt.date) -> bool:
    day = _day(holiday, year)
    return day + dt.timedelta(days=holiday.first) <= hi and day + dt.timedelta(days=holiday.last) >= lo
