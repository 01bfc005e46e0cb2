"""Publication date of a raw article, with the clue it comes from.

The whole raw text is read, page furniture included (a "447th day of the war"
live-blog line or an "Original article: <url>" footer is often the best clue).
Every clue becomes a :class:`Clue`: a *point* (a publication date it suggests,
with a prior weight) and/or a *bound* (publication not before / not after a
date, with a strength). Points are scored against the bounds of the other
clues and against each other; the best-supported point wins.

Clue types (``DateCandidate.kind``):

* printed dates: ``published-label``, ``updated-label``, ``dateline``,
  ``date-line`` (a line that is only a date, or a date printed one part per
  line), ``dateline-partial`` (no year); dates inside sentences are
  ``date-mention`` bounds (past tense: published after; future tense: before)
  and the latest past one is a weak point. A stamp in a menu or a block of
  other stories is never ``stated``; the stamps of a list are not the article's.
  Month names and date forms of the region's languages are in ``datewords.yaml``
  ("2022-yil 20-iyul", "2022 жылғы 20 шілде", "20 Temmuz 2022").
* ``url-date``: /2023/05/18/-style dates in the source URL or in a URL the
  text labels as its source ("Original article: ...").
* ``id-timestamp``: ids that carry their creation time (Toutiao/Douyin/Xigua/
  TikTok item ids, Twitter/X status ids, Bluesky post ids, China Daily ids).
* ``war-day``: "the 447th day of the war" counted from the war's start (day 1),
  the war recognised through the calendar's ``day_cues``.
* ``event``: an event of ``registry/events.yaml`` reported as current or recent
  ("is currently being held", "the recent CIS summit in Kazakhstan", a past-tense
  report in the lead); otherwise only a bound.
* ``weekday``: "On Friday, Xi met ..." anchored to the article's event.
* ``anniversary``: "the 30th anniversary of independence", "two years since the
  January events", "six months into the invasion", "three days before the summit",
  "sixteen years ago on December 12, 1995", "the third anniversary of ... in April 2016"
  (of a printed date: a day, or a month as a window), "к 20-летию нейтралитета";
  an anniversary still to come only bounds.
* ``holiday``: a greeting for a fixed-day holiday in the lead ("sent New Year greetings"): the days
  before the holiday, in the year printed with it or the one the other clues give.
* bounds only: ``serial-volume`` (a yearly volume of a serial: "Eurasia Daily Monitor Volume: 9"),
  ``relative-year`` ("last year" + a dated event), ``title``
  (``since_start``/``since_end``/``until_end`` of the calendar: "President
  Tokayev" cannot be written before 2019-03-20), ``date-mention`` of a month
  ("in January 2022"), ``year-mention``, ``copyright``, ``url-month``.

When no clue suggests a day, a window of at most 60 days set by strong bounds
gives its first day, a window of up to a year its middle day (precision "year");
otherwise the result is ``unknown``. Where a clue only
fixes a range, the earliest plausible publication day is taken: the day after
an event reported in the past tense, the day before one still to come.

Time zones: ByteDance ids of Chinese platforms (Toutiao, Douyin, Xigua) and
China Daily ids are read in Beijing time (UTC+8), the date the platform itself
prints; Twitter/X, Bluesky and TikTok ids in UTC (the poster's zone is unknown).

The function is pure: no network, no clock (today's date is never used).

Modules: ``doc`` (lines, zones, sentences), ``tense``, ``forms`` (how dates are written),
``printed``, ``holidays``, ``serials``, ``links``, ``wardays``, ``event_clues``, ``years``, ``combine`` (weighing the
clues), ``clue`` (the clue and result types). Word lists are in ``scripts/datewords.yaml``.
"""

from __future__ import annotations

from ...events import Calendar, default_calendar
from .clue import Clue, DateCandidate, DateResult
from .combine import resolve, result
from ..document import Document
from .doc import Doc, date_view
from .event_clues import event_clues, title_clues, weekday_clues
from .links import link_clues
from .holidays import holiday_clues
from .printed import bounded_window, partial_clues, printed_clues
from .serials import serial_clues
from .wardays import war_day_clues
from .years import year_clues

__all__ = ["DateCandidate", "DateResult", "extract_date"]


def extract_date(source: str | Document, *, url: str | None = None, events: Calendar | None = None) -> DateResult:
    """The publication date of a raw article (its text, or its document model; see the module docstring)."""
    calendar = events if events is not None else default_calendar()
    doc = date_view(source)
    clues = collect(doc, url, calendar)
    estimate = resolve(clues)
    anchor = estimate.date if estimate and estimate.score >= 0.25 else None
    clues += [*partial_clues(doc, anchor, clues, calendar.horizon()),
              *holiday_clues(doc, anchor, bounded_window(clues) if anchor is None else None)]
    best = resolve(clues)
    if best is not None and best.clue not in clues:
        clues.append(best.clue)  # the window of combine.range_only, shown to reviewers
    return result(best, clues)


def collect(doc: Doc, url: str | None, calendar: Calendar) -> list[Clue]:
    """Every clue of the text except dates without a year (which need a provisional estimate)."""
    from_events, anchors = event_clues(doc, calendar)
    return [
        *printed_clues(doc),
        *link_clues(doc, url),
        *war_day_clues(doc, calendar),
        *from_events,
        *weekday_clues(doc, anchors, calendar),
        *title_clues(doc, calendar),
        *year_clues(doc),
        *serial_clues(doc),
    ]

