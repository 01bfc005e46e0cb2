"""The clues a text gives about its publication date, and the result shown to reviewers.

A :class:`Clue` is a *point* (a publication date it suggests, with a prior weight)
and/or a *bound* (published not before / not after a date, with a strength). A point
may carry the *window* of days it allows (a past-tense report of a summit: from its
last day to a couple of weeks later, best the day after); without one it is exact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

BASIS_RANK = {"stated": 0, "derived": 1, "event": 2, "unknown": 3}
EARLIEST = dt.date(1990, 1, 1)
LATEST = dt.date(2035, 12, 31)  # plausibility window for decoded ids and printed dates


@dataclass(frozen=True)
class DateCandidate:
    """One clue found in the text, as reviewers see it.

    ``date`` is the publication date the clue suggests (None for a pure bound);
    ``earliest``/``latest`` the bound it sets; ``score`` the support after
    weighing it against every other clue (0 for pure bounds).
    """

    date: str | None
    basis: str
    kind: str
    evidence: str
    weight: float
    score: float = 0.0
    earliest: str | None = None
    latest: str | None = None


@dataclass(frozen=True)
class DateResult:
    """The best day, how it was found, and the window of days the evidence allows.

    ``date_range`` is [earliest, latest] (None when the evidence fixes the day);
    ``precision`` is day, month or year: how narrow that window is.
    """

    date: str | None  # YYYY-MM-DD
    basis: str  # "stated" | "derived" | "event" | "unknown"
    evidence: str | None
    confidence: float  # 0..1
    candidates: tuple[DateCandidate, ...] = ()
    date_range: tuple[str, str] | None = None
    precision: str | None = None  # day | month | year; None when there is no date


@dataclass(frozen=True)
class Clue:
    kind: str
    basis: str
    evidence: str
    date: dt.date | None = None  # suggested publication date (a point)
    weight: float = 0.0  # prior weight as a point
    lo: dt.date | None = None  # bound: published on or after
    hi: dt.date | None = None  # bound: published on or before
    strength: float = 0.0  # weight as a bound
    tolerance: int = 0  # days of slack before the bound penalises
    group: str = ""  # clues of one source do not support or penalise each other
    alt: str = ""  # points that are alternative readings of one mention share their support
    window: tuple[dt.date, dt.date] | None = None  # days a point allows (None: exactly its date)

    @property
    def is_point(self) -> bool:
        return self.date is not None and self.weight > 0

    @property
    def is_bound(self) -> bool:
        return (self.lo is not None or self.hi is not None) and self.strength > 0


@dataclass(frozen=True)
class Scored:
    clue: Clue
    score: float

    @property
    def date(self) -> dt.date:
        assert self.clue.date is not None
        return self.clue.date


def days(day: dt.date, first: int, last: int) -> tuple[dt.date, dt.date]:
    """The window from ``first`` to ``last`` days after ``day`` (negative: before)."""
    return day + dt.timedelta(days=first), day + dt.timedelta(days=last)


def excerpt(text: str, start: int = 0, end: int | None = None, width: int = 110) -> str:
    """A short excerpt of ``text`` around ``start:end`` in whole words, whitespace collapsed."""
    end = len(text) if end is None else end
    if end - start >= width:
        lo, hi = start, start + width
    else:
        pad = (width - (end - start)) // 2
        lo, hi = max(0, start - pad), min(len(text), end + pad)
    while 0 < lo < start and not text[lo - 1].isspace():
        lo += 1  # do not start inside a word
    while max(start, end - 1) < hi < len(text) and not text[hi].isspace():
        hi -= 1  # do not end inside a word
    snippet = ("…" if lo > 0 else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")
    return " ".join(snippet.split())


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if EARLIEST <= value <= LATEST else None


def add_years(day: dt.date, years: int) -> dt.date | None:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28) if day.month == 2 else None


def add_months(day: dt.date, months: int) -> dt.date | None:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for dom in (day.day, 30, 29, 28):
        if (moved := make_date(year, month, dom)) is not None:
            return moved
    return None

