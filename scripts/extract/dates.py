"""Publication date of a raw article, with the clue it comes from.

The whole raw text is read, page furniture included (a "447th day of the war"
live-blog line or an "Original article: <url>" footer is often the best clue).
Every clue becomes a :class:`Clue`: a *point* (a publication date it suggests,
with a prior weight) and/or a *bound* (publication not before / not after a
date, with a strength). Points are scored against the bounds of the other
clues and against each other; the best-supported point wins.

Clue types (``DateCandidate.kind``):

* printed dates: ``published-label``, ``updated-label``, ``dateline``,
  ``date-line`` (a line that is only a date), ``dateline-partial`` (no year);
  dates inside sentences are ``date-mention`` bounds (past tense: published
  after; future tense: before) and the latest past one is a weak point.
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
  January events", "six months into the invasion", "three days before the summit".
* bounds only: ``relative-year`` ("last year" + a dated event), ``title``
  (``since_start``/``since_end``/``until_end`` of the calendar: "President
  Tokayev" cannot be written before 2019-03-20), ``date-mention`` of a month
  ("in January 2022"), ``year-mention``, ``copyright``, ``url-month``.

When no clue suggests a day, a window of at most 60 days set by strong bounds
gives its first day; otherwise the result is ``unknown``. Where a clue only
fixes a range, the earliest plausible publication day is taken: the day after
an event reported in the past tense, the day before one still to come.

Time zones: ByteDance ids of Chinese platforms (Toutiao, Douyin, Xigua) and
China Daily ids are read in Beijing time (UTC+8), the date the platform itself
prints; Twitter/X, Bluesky and TikTok ids in UTC (the poster's zone is unknown).

The function is pure: no network, no clock (today's date is never used).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Iterable

from ..events import ORDINAL_WORDS, Calendar, Event, default_calendar

BASIS_RANK = {"stated": 0, "derived": 1, "event": 2, "unknown": 3}
EARLIEST = dt.date(1990, 1, 1)
LATEST = dt.date(2035, 12, 31)  # plausibility window for decoded ids and printed dates
BEIJING = dt.timezone(dt.timedelta(hours=8))
RECENT_LAG_DAYS = 3  # "the recent X": the earliest plausible day a writer calls X recent
SHORT_EVENT_DAYS = 14  # longer events (wars, terms, expos) only bound the date


# --- public API ------------------------------------------------------------------------


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
    date: str | None  # YYYY-MM-DD
    basis: str  # "stated" | "derived" | "event" | "unknown"
    evidence: str | None
    confidence: float  # 0..1
    candidates: tuple[DateCandidate, ...] = ()


def extract_date(text: str, *, url: str | None = None, events: Calendar | None = None) -> DateResult:
    """The publication date of the raw article ``text`` (see the module docstring)."""
    calendar = events if events is not None else default_calendar()
    doc = _document(text)
    clues = _collect(doc, url, calendar)
    estimate = _resolve(clues)
    anchor = estimate.date if estimate and estimate.score >= 0.25 else None
    others = [c.date for c in clues if c.is_point and c.date is not None]
    clues += _partial_clues(doc, anchor, _lower_bound(clues), others)
    best = _resolve(clues)
    if best is not None and best.clue not in clues:
        clues.append(best.clue)  # the window of _range_only, shown to reviewers
    return _result(best, clues)


# --- internal clue ---------------------------------------------------------------------


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


# --- the document: lines, zones, sentences ---------------------------------------------

RELATED_HEADER = re.compile(
    r"^\W{0,3}(read also|also read|see also|related( articles| news| stories| posts| materials)?|read more|more on (this|the topic)"
    r"|latest news|most read|most popular|popular|recommended|you may (also )?like|other news|more news|news feed|more stories"
    r"|читайте также|по теме|citește și)\W{0,3}$",
    re.IGNORECASE,
)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"”»’']?\s+(?=[\"“«‘'(]?[A-ZА-ЯЁ0-9])")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'“”«»]+|\b(?:[a-z0-9-]+\.)+(?:com|cn|ru|ua|kz|uz|kg|tj|tm|ro|net|org|info|news|app)/[^\s<>\"'“”«»]*", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # index into Doc.lines
    index: int  # position among the article's sentences (related-links block excluded)
    zone: str  # head | body | tail | related


@dataclass(frozen=True)
class Doc:
    text: str
    lines: tuple[str, ...]
    zones: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    urls: tuple[tuple[int, str], ...]  # (line index, url)

    def article_sentences(self) -> Iterable[Sentence]:
        return (s for s in self.sentences if s.zone != "related")


def _zones(lines: list[str]) -> list[str]:
    """head (first 4 non-empty lines), tail (last 4), related (after a 'Read also' header), body."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    zones = ["body"] * len(lines)
    for i in filled[:4]:
        zones[i] = "head"
    for i in filled[-4:]:
        zones[i] = "tail"
    related = False
    for i in filled:
        line = lines[i].strip()
        if RELATED_HEADER.match(line) or re.match(r"^(read also|see also|related|also read)\s*:", line, re.IGNORECASE):
            related = True
        elif related and len(line) > 300:
            related = False
        if related:
            zones[i] = "related"
    return zones


def _document(text: str) -> Doc:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    zones = _zones(lines)
    sentences: list[Sentence] = []
    urls: list[tuple[int, str]] = []
    index = 0
    for number, line in enumerate(lines):
        for found in URL_RE.finditer(line):
            urls.append((number, found.group(0).rstrip(".,;)]")))
        stripped = line.strip()
        if not stripped:
            continue
        for part in SENTENCE_SPLIT.split(stripped):
            if part.strip():
                sentences.append(Sentence(part.strip(), number, index, zones[number]))
                if zones[number] != "related":
                    index += 1
    return Doc(text, tuple(lines), tuple(zones), tuple(sentences), tuple(urls))


def _quote(text: str, start: int = 0, end: int | None = None, width: int = 110) -> str:
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


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# --- tense and relative expressions ----------------------------------------------------

FUTURE_RE = re.compile(
    r"\b((?:will|shall|won't)(?: not)?(?: be)?(?: [a-z]+ed\b| [a-z]+)?|(?:is|are) (?:scheduled|expected|set|due|planned|slated|going|poised) to|(?:is|are) (?:due|scheduled|slated|planned|set) (?:on|for|in)|(?:is|are) to (?:be|take|hold|host|meet|visit|attend|sign)"
    r"|to be held|to take place|upcoming|forthcoming|ahead of|in the run-up to|on the eve of|plans? to|intends? to|preparations? for"
    r"|would (?:be held|take place|host|hold|visit|attend|meet|bring)|next (?:week|month|year)|tomorrow)\b",
    re.IGNORECASE,
)
PRESENT_RE = re.compile(
    r"\b((?:is|are) (?:currently |now )?(?:being held|taking place|under ?way|holding|hosting|meeting|attending|participating|visiting|in progress|going on|ongoing|gathering)"
    r"|currently|today|this morning|tonight|right now|kicks? off|opens? today|is held|are held"
    r"|continues|continue|(?:is|are) continuing|goes on|persists|rages|(?:is|are) raging)\b",
    re.IGNORECASE,
)
PAST_RE = re.compile(
    r"\b((?:was|were|had been|has been|have been) (?:\w+ )?(?:held|hosted|convened|organi[sz]ed|signed|concluded|adopted|attended|elected|killed|announced)"
    r"|took place|held|met|said|signed|attended|visited|ended|concluded|following|after|last (?:week|month|year)|yesterday|recent(?:ly)?"
    r"|earlier|ago|has|have|had|was|were|did|became|won|rose|grew|fell|made|took|gave|went|came|saw|got|led|left|paid|sent|spent|built|sold|told|brought|bought|lost|began|spoke|wrote|knew|broke)\b",
    re.IGNORECASE,
)
# A regular past tense ('reached', 'discussed'): used only when a sentence has no clearer marker,
# since many -ed words are adjectives ('unprecedented', 'so-called', 'landlocked').
REGULAR_PAST_RE = re.compile(
    r"\b(?!(?:need|based|related|called|named|united|limited|detailed|advanced|expected|scheduled|planned|supposed|used|unprecedented|landlocked|armed|concerned|interested|involved|alleged|proposed|so-called)\b)[a-z]{3,}ed\b",
    re.IGNORECASE,
)
_TENSES = (("future", FUTURE_RE), ("present", PRESENT_RE), ("past", PAST_RE))


def _tense(sentence: str, at: int | None = None) -> str | None:
    """future | present | past | None; with ``at``, the tense marker nearest to that position."""
    found: list[tuple[int, int, str]] = []
    spans: list[tuple[int, int]] = []
    for priority, (name, regex) in enumerate(_TENSES):
        for match in regex.finditer(sentence):
            if any(s <= match.start() and match.end() <= e for s, e in spans):
                continue  # 'held' inside 'will be held'
            spans.append(match.span())
            distance = 0 if at is None else min(abs(match.start() - at), abs(match.end() - at))
            found.append((distance if at is not None else priority, priority, name))
    if not found:
        return "past" if REGULAR_PAST_RE.search(sentence) else None
    return min(found)[2]


QUALIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("today", re.compile(r"\b(today|this morning|tonight|currently|right now|is (?:currently )?being held|(?:is|are) (?:currently )?taking place|under ?way)\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
    ("this-week", re.compile(r"\bthis week\b", re.I)),
    ("last-week", re.compile(r"\blast week\b", re.I)),
    ("next-week", re.compile(r"\bnext week\b", re.I)),
    ("recent", re.compile(r"\b(recent(?:ly)?|the other day|just (?:ended|concluded|wrapped up))\b", re.I)),
    ("last-year", re.compile(r"\b(last year|a year ago)\b", re.I)),
    ("this-year", re.compile(r"\bthis year\b", re.I)),
    ("next-year", re.compile(r"\bnext year\b", re.I)),
    ("two-years-ago", re.compile(r"\b(the year before last|two years ago|the previous year|the year before)\b", re.I)),
)


CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas|as|which|who|where)\b", re.IGNORECASE)


def _qualifier(sentence: str, at: int) -> str | None:
    """The relative time expression nearest to position ``at`` in the same clause of ``sentence``."""
    best: tuple[int, str] | None = None
    for name, regex in QUALIFIERS:
        for match in regex.finditer(sentence):
            if name == "two-years-ago" and match.group(0).lower() in ("the previous year", "the year before"):
                if not re.search(r"\blast year\b", sentence[: match.start()], re.I):
                    continue  # "the previous year" means two years back only after a "last year"
            between = sentence[min(match.end(), at) : max(match.start(), at)]
            if CLAUSE_BREAK.search(between):
                continue
            distance = min(abs(match.start() - at), abs(match.end() - at))
            if match.end() <= at:
                distance -= 1  # prefer the expression before the mention
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


# --- printed dates ---------------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan январь января янв січень січня ianuarie ian yanvar",
        "february feb february февраль февраля фев лютий лютого februarie fevral",
        "march mar март марта березень березня martie mart",
        "april apr апрель апреля квітень квітня aprilie aprel",
        "may май мая травень травня mai",
        "june jun июнь июня червень червня iunie iyun",
        "july jul июль июля липень липня iulie iyul",
        "august aug август августа серпень серпня avgust",
        "september sep sept сентябрь сентября сен вересень вересня septembrie sentyabr",
        "october oct октябрь октября окт жовтень жовтня octombrie oktyabr",
        "november nov ноябрь ноября листопад листопада noiembrie noyabr",
        "december dec декабрь декабря дек грудень грудня decembrie dekabr",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number
ENGLISH_MONTHS = {
    name: number
    for name, number in MONTHS.items()
    if name.isascii() and name in "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
}
WEEKDAYS = {name: i for i, names in enumerate(
    ["monday mon", "tuesday tue tues", "wednesday wed", "thursday thu thur thurs", "friday fri", "saturday sat", "sunday sun"]
) for name in names.split()}
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_EN = "(?:" + "|".join(sorted((m.capitalize() for m in ENGLISH_MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"

FULL_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cjk", re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日")),
    ("iso", re.compile(r"(?<![\d./-])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d]|[-/.]\d)")),
    ("dmy-text", re.compile(rf"(?<![\w.]){_WEEKDAY}(?<!\d){_DAY}(?:\s+of)?[\s\-./,]*(?P<m>{_MONTH})[\s\-./,]*{_YEAR}", re.IGNORECASE)),
    ("mdy-text", re.compile(rf"(?<![\w.]){_WEEKDAY}(?P<m>{_MONTH})\s*{_DAY},?\s*{_YEAR}", re.IGNORECASE)),
    ("numeric", re.compile(r"(?<![\d./-])(?P<d>[0-3]?\d)(?P<sep>[./-])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d]|[-/.]\d)")),
)
PARTIAL_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?<![\w.]){_WEEKDAY}(?P<m>{_MONTH_EN})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![\d,.]?\d)(?!\s*,?\s*(?:19|20)\d{{2}})"),
    re.compile(rf"(?<![\w.]){_WEEKDAY}(?<![\d,.])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_EN})(?![\w])(?!\.?,?\s*(?:19|20)\d{{2}})"),
)
LABEL_RE = re.compile(
    r"(?P<label>first published|published|posted|publication date|date of publication|last updated|last modified|updated|modified|created|released|issued|date"
    r"|опубликовано|обновлено|дата публикации|дата|publicat|actualizat|发布时间|发布|发表|更新)\b\s*(?:on|at)?\s*[:：\-–—|]?\s*$",
    re.IGNORECASE,
)
TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:GMT|UTC|MSK|ALMT|EET|EEST|CET|CEST|Z)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?", re.IGNORECASE)
DATELINE_STOP = {"on", "in", "by", "from", "since", "until", "as", "at", "of", "before", "after", "the", "and", "for", "to", "during", "between", "till"}


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    day: dt.date | None  # None for a partial date (no year)
    month: int
    dom: int
    weekday: int | None
    ambiguous: bool = False  # 03/04/2023: day and month could be swapped


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if EARLIEST <= value <= LATEST else None


def _month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def _weekday_number(match: re.Match[str]) -> int | None:
    name = match.groupdict().get("wd")
    return WEEKDAYS.get(name.lower()) if name else None


def _full_dates(line: str) -> list[DateMatch]:
    """Every complete date (with a year) in ``line``, left to right, without overlaps."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, regex in FULL_DATE_PATTERNS:
        for match in regex.finditer(line):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            month = int(match.group("m")) if match.group("m").isdigit() else _month_number(match.group("m"))
            if month is None:
                continue
            year, dom, ambiguous = int(match.group("y")), int(match.group("d")), False
            if kind == "numeric" and match.group("sep") == "/":
                if month > 12 and dom <= 12:
                    month, dom = dom, month  # US order: 05/18/2023
                elif dom <= 12 and month <= 12 and dom != month:
                    ambiguous = True
            day = _make_date(year, month, dom)
            if day is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(DateMatch(match.start(), match.end(), day, month, dom, _weekday_number(match), ambiguous))
    return sorted(found, key=lambda m: m.start)


def _partial_dates(line: str, taken: list[DateMatch]) -> list[DateMatch]:
    """Month-and-day dates without a year ("May 18", "18 May"), outside the full dates."""
    found: list[DateMatch] = []
    for regex in PARTIAL_DATE_PATTERNS:
        for match in regex.finditer(line):
            if any(match.start() < t.end and t.start < match.end() for t in [*taken, *found]):
                continue
            month, dom = _month_number(match.group("m")), int(match.group("d"))
            if month is None or not 1 <= dom <= 31 or _make_date(2000, month, dom) is None:
                continue
            found.append(DateMatch(match.start(), match.end(), None, month, dom, _weekday_number(match)))
    return found


def _residue(line: str, match: DateMatch) -> str:
    """What is left of a line once the date, times, weekdays, labels and separators are removed."""
    rest = line[: match.start] + " " + line[match.end :]
    rest = TIME_RE.sub(" ", rest)
    rest = re.sub(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", " ", rest, flags=re.I)
    rest = re.sub(LABEL_RE.pattern.replace(r"\s*$", ""), " ", rest, flags=re.I)
    rest = re.sub(r"\b(year|y\.|г\.|yil|at|on|by|updated|views?|comments?|\d+)\b", " ", rest, flags=re.I)
    return re.sub(r"[\s|/•·,:;–—\-()\[\]]+", " ", rest).strip()


def _is_dateline(line: str, match: DateMatch) -> bool:
    """'ALMATY, May 18 (Reuters) -', 'Tashkent, 18 May 2023 (Kun.uz)', '18 May 2023 - ...' at a line start."""
    before, after = line[: match.start], line[match.end :]
    if before.strip():
        place = before.strip().rstrip(",.–—-: ").strip()
        words = re.findall(r"[^\s,]+", place)
        if not words or len(words) > 5 or words[0].lower() in DATELINE_STOP:
            return False
        if not all(w[0].isupper() or w.startswith("(") for w in words):
            return False
        if not before.rstrip().endswith((",", ".", "-", "–", "—")):
            return False
    return bool(re.match(r"^\s*(\([^)]{1,40}\)|/[^/\n]{1,20}/|\[[^\]]{1,30}\])?\s*([.,]\s|[-–—:]|[.,]?\s*$)", after)) or bool(
        re.match(r"^\s*\([^)]{1,40}\)", after)
    )


def _role(line: str, match: DateMatch, zone: str) -> tuple[str, float]:
    """How a date stands in its line: (kind, weight as a publication date) or ('date-mention', 0)."""
    before = TIME_RE.sub(" ", line[max(0, match.start - 40) : match.start])
    before = re.sub(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[,\s]*$", "", before.rstrip(), flags=re.I)
    label = LABEL_RE.search(before.rstrip(" ,"))
    related = zone == "related"
    if re.search(r"\d\s*(?:[-–—]|and|&|to)\s*$", line[max(0, match.start - 6) : match.start]) or re.match(r"^\s*(?:[-–—]|and|&|to)\s*\d", line[match.end :]):
        return "date-mention", 0.0  # one end of a range of days: an event's dates
    if re.search(r"\(@\w+\)\s*$", line[: match.start]):
        return "date-mention", 0.0  # the date of an embedded post: '— Name (@handle) May 18, 2023'
    if label:
        updated = label.group("label").lower() in ("updated", "last updated", "modified", "last modified", "обновлено", "actualizat", "更新")
        return ("updated-label", 0.8) if updated else ("published-label", 0.3 if related else 0.95)
    if related:
        return "date-mention", 0.0
    if _is_dateline(line, match):
        return "dateline", 0.9
    residue = _residue(line, match)
    if len(residue) <= 40 and len(residue.split()) <= 6 and not re.search(r"[.!?]\s*$", residue):
        return "date-line", {"head": 0.85, "tail": 0.75}.get(zone, 0.6)
    return "date-mention", 0.0


def _sentence_at(doc: Doc, line: int, offset: int) -> str:
    """The sentence of line ``line`` that contains character ``offset``."""
    text = doc.lines[line]
    starts = [0] + [m.end() for m in SENTENCE_SPLIT.finditer(text)]
    start = max(s for s in starts if s <= offset)
    following = [s for s in starts if s > offset]
    return text[start : following[0] if following else len(text)].strip()


def _blank_urls(line: str) -> str:
    return URL_RE.sub(lambda m: " " * len(m.group(0)), line)


def _printed_clues(doc: Doc) -> list[Clue]:
    """Full printed dates: publication lines (points) and dates mentioned in sentences (bounds)."""
    clues: list[Clue] = []
    latest_past: tuple[dt.date, str] | None = None
    earliest_future: tuple[dt.date, str] | None = None
    for number, raw in enumerate(doc.lines):
        line = _blank_urls(raw)
        zone = doc.zones[number]
        for match in _full_dates(line):
            assert match.day is not None
            kind, weight = _role(line, match, zone)
            quote = _quote(raw, match.start, match.end, 90)
            if weight:
                if match.ambiguous:
                    weight *= 0.8
                if match.weekday is not None and match.weekday != match.day.weekday():
                    weight *= 0.5
                what = {"published-label": "publication line", "updated-label": "'updated' line (publication on or before)",
                        "dateline": "dateline", "date-line": "date line"}[kind]
                clues.append(Clue(kind, "stated", f"'{quote}' -> {what}", match.day, weight, group=f"line{number}"))
                if kind == "updated-label":
                    clues.append(Clue(kind, "stated", f"'{quote}' -> updated, so published on or before", hi=match.day, strength=0.6, group=f"line{number}"))
                continue
            if zone == "related":
                continue
            sentence = _sentence_at(doc, number, match.start)
            offset = max(0, sentence.find(raw[match.start : match.end]))
            tense = _tense(sentence, offset) or "past"
            if tense == "future":
                clues.append(Clue("date-mention", "derived", f"'{quote}' (future tense) -> published before", hi=match.day, strength=0.5, group=f"line{number}"))
                if earliest_future is None or match.day < earliest_future[0]:
                    earliest_future = (match.day, quote)
            else:
                clues.append(Clue("date-mention", "derived", f"'{quote}' ({tense} tense) -> published on or after", lo=match.day, strength=0.5, group=f"line{number}"))
                if latest_past is None or match.day > latest_past[0]:
                    latest_past = (match.day, quote)
    clues += _month_year_clues(doc)
    newest_year = _newest_year(doc)
    if latest_past and latest_past[0].year >= newest_year:
        day, quote = latest_past
        clues.append(Clue("date-mention", "derived", f"'{quote}' -> latest date reported as past, published the day after", day + dt.timedelta(days=1), 0.3, group="mention-past"))
    if earliest_future and earliest_future[0].year >= newest_year:
        day, quote = earliest_future
        clues.append(Clue("date-mention", "derived", f"'{quote}' -> earliest date reported as future, published the day before", day - dt.timedelta(days=1), 0.2, group="mention-future"))
    return clues


MONTH_YEAR_RE = re.compile(rf"(?<![\w.])(?P<m>{_MONTH})\s*,?\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}})(?!\d)", re.IGNORECASE)


def _month_year_clues(doc: Doc) -> list[Clue]:
    """'in January 2022' (past: published on or after the 1st) / 'in May 2026 ... will' (future: before its end)."""
    clues: list[Clue] = []
    for sentence in doc.article_sentences():
        text = _blank_urls(sentence.text)
        taken = _full_dates(text)
        for match in MONTH_YEAR_RE.finditer(text):
            if any(t.start <= match.start() < t.end for t in taken):
                continue
            month = _month_number(match.group("m"))
            first = _make_date(int(match.group("y")), month, 1) if month else None
            if first is None or (month == 5 and match.group("m").islower()):
                continue
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            tense = _tense(text, match.start())
            quote = _quote(text, match.start(), match.end(), 90)
            if tense == "future":
                clues.append(Clue("date-mention", "derived", f"'{quote}' (future tense) -> published before the end of {first:%B %Y}", hi=last, strength=0.4, group=f"line{sentence.line}"))
            elif tense is not None:
                clues.append(Clue("date-mention", "derived", f"'{quote}' ({tense} tense) -> published in {first:%B %Y} or later", lo=first, strength=0.4, group=f"line{sentence.line}"))
    return clues


def _nearest_year(month: int, dom: int, anchor: dt.date, direction: str) -> dt.date | None:
    """The date (month, dom) nearest ``anchor``: 'before' (on or before anchor+1), 'after', or 'near'."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _make_date(y, month, dom))]
    if direction == "before":
        options = [d for d in options if d <= anchor + dt.timedelta(days=1)]
    elif direction == "after":
        options = [d for d in options if d >= anchor - dt.timedelta(days=1)]
    options = [d for d in options if abs((d - anchor).days) <= 250]
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def _partial_clues(doc: Doc, anchor: dt.date | None, floor: dt.date | None, others: list[dt.date]) -> list[Clue]:
    """Dates without a year, placed in the year that fits ``anchor`` (the provisional estimate);
    a dateline's year may also come from the nearest other clue or from ``floor``."""
    clues: list[Clue] = []
    lead = _lead_weekdays(doc)
    for number, raw in enumerate(doc.lines):
        line = _blank_urls(raw)
        zone = doc.zones[number]
        if zone == "related":
            continue
        full = _full_dates(line)
        for match in _partial_dates(line, full):
            quote = _quote(raw, match.start, match.end, 90)
            kind, weight = _role(line, match, zone)
            if weight:
                clue = _partial_publication(match, anchor, floor, lead, quote, weight, number, others)
                if clue:
                    clues.append(clue)
                continue
            if anchor is None:
                continue
            sentence = _sentence_at(doc, number, match.start)
            tense = _tense(sentence, max(0, sentence.find(raw[match.start : match.end]))) or "past"
            day = _nearest_year(match.month, match.dom, anchor, "after" if tense == "future" else "before")
            if day is None:
                continue
            year_note = f"year {day.year} from the other clues"
            if tense == "future":
                clues.append(Clue("date-mention", "derived", f"'{quote}' (future tense, {year_note}) -> published before", hi=day, strength=0.4, group=f"line{number}"))
            else:
                clues.append(Clue("date-mention", "derived", f"'{quote}' ({tense} tense, {year_note}) -> published on or after", lo=day, strength=0.4, group=f"line{number}"))
    return clues


def _lead_weekdays(doc: Doc) -> set[int]:
    """Weekdays named in the first sentences ("said on Thursday"): a wire dateline is usually that day."""
    found: set[int] = set()
    for sentence in list(doc.article_sentences())[:4]:
        for match in WEEKDAY_MENTION.finditer(sentence.text):
            found.add(WEEKDAYS[match.group("wd").lower()])
    return found


def _partial_publication(match: DateMatch, anchor: dt.date | None, floor: dt.date | None, lead: set[int], quote: str, weight: float,
                         number: int, others: list[dt.date]) -> Clue | None:
    """A dateline or date line without a year, its year from the other clues.

    Near ``anchor`` when there is one; else within a month of another clue's date
    (one of several readings of an event); else the first year from ``floor`` on,
    preferring years in which the date falls on the weekday printed with it or
    named in the lead ("ALMATY, May 18 (Reuters) - ... said on Thursday").
    """
    near = [d for o in others for y in (o.year - 1, o.year, o.year + 1) if (d := _make_date(y, match.month, match.dom)) and abs((d - o).days) <= 31]
    if anchor is None and near:
        anchor = min(near, key=lambda d: min(abs((d - o).days) for o in others))
    if anchor is not None:
        options = [d for y in range(anchor.year - 1, anchor.year + 2) if (d := _make_date(y, match.month, match.dom)) and abs((d - anchor).days) <= 250]
    elif floor is not None:
        options = [d for y in range(floor.year, floor.year + 12) if (d := _make_date(y, match.month, match.dom)) and d >= floor]
    else:
        return None
    if match.weekday is not None:
        options = [d for d in options if d.weekday() == match.weekday]
        how = "weekday printed with it"
    elif lead and any(d.weekday() in lead for d in options):
        options = [d for d in options if d.weekday() in lead]
        how = "weekday named in the lead"
    else:
        how = "nearest to the other clues" if anchor else "first year the other clues allow"
        weight *= 1.0 if anchor else 0.5
    if not options:
        return None
    day = min(options, key=lambda d: abs((d - anchor).days)) if anchor else min(options)
    return Clue("dateline-partial", "stated", f"'{quote}' -> printed without a year; {day.year} ({how})", day, weight * 0.8, group=f"line{number}")


# --- URLs and ids ----------------------------------------------------------------------

SOURCE_LABEL = re.compile(
    r"(original(?: article| link| source| text| post)?|source|via|read the original|link|оригинал|источник|джерело|sursa|来源|原文)\s*[:：\-–—]?\s*$",
    re.IGNORECASE,
)
_UY, _UM, _UD = r"(?P<y>(?:19|20)\d{2})", r"(?P<m>0?[1-9]|1[0-2])", r"(?P<d>0?[1-9]|[12]\d|3[01])"
_UEND = r"(?=[/_.\-?#]|$)"
URL_DAY_PATTERNS = (
    re.compile(rf"/{_UY}[/_-]{_UM}[/_-]{_UD}{_UEND}"),  # /2023/05/18/, /2023-05-18/, /2023_05_18_
    re.compile(rf"[-_]{_UY}-{_UM}-{_UD}{_UEND}"),  # reuters.com/world/slug-2023-05-18/
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.\-?#]|$|[A-Z]\d)"),  # /20230518/, qq.com/a/20230518A01
    re.compile(rf"/{_UY}-{_UM}/{_UD}/"),  # xinhuanet.com/2023-05/18/
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])/"),  # people.com.cn/n1/2023/0518/
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])/(?P<d>0[1-9]|[12]\d|3[01])/"),  # chinadaily.com.cn/a/202305/18/
    re.compile(rf"/{_UD}/{_UM}/{_UY}/"),  # rbc.ru/politics/18/05/2023/
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(?P<d>0?[1-9]|[12]\d|3[01])/", re.I),  # theguardian.com/world/2023/may/18/
)
URL_MONTH_PATTERNS = (
    re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(?!\d)"),
    re.compile(r"globaltimes\.cn/page/((?:19|20)\d{2})(0[1-9]|1[0-2])/"),
)
UPLOADS_RE = re.compile(r"/uploads/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
TWITTER_EPOCH_MS = 1288834974657


def _bytedance(value: str) -> dt.datetime | None:
    """ByteDance item ids (Toutiao, Douyin, Xigua, TikTok): the top 32 bits are Unix seconds."""
    return _from_seconds(int(value) >> 32)


def _twitter(value: str) -> dt.datetime | None:
    """Twitter/X snowflake: milliseconds = (id >> 22) + 1288834974657 (from 4 Nov 2010)."""
    moment = _from_seconds(((int(value) >> 22) + TWITTER_EPOCH_MS) / 1000)
    return moment if moment and moment >= dt.datetime(2010, 11, 10, tzinfo=dt.timezone.utc) else None


def _bluesky(value: str) -> dt.datetime | None:
    """Bluesky TID: 13 base32-sortable characters, the top 53 bits microseconds since 1970."""
    alphabet = "234567abcdefghijklmnopqrstuvwxyz"
    number = 0
    for char in value:
        number = number * 32 + alphabet.index(char)
    return _from_seconds((number >> 10) / 1_000_000)


def _object_id(value: str) -> dt.datetime | None:
    """A 24-hex-digit (MongoDB-style) id, as in China Daily's WS... ids: the first 8 digits are Unix seconds."""
    return _from_seconds(int(value[:8], 16))


def _from_seconds(seconds: float) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return moment if dt.datetime(2010, 1, 1, tzinfo=dt.timezone.utc) <= moment <= dt.datetime(2035, 12, 31, tzinfo=dt.timezone.utc) else None


ID_DECODERS: tuple[tuple[str, re.Pattern[str], object, dt.tzinfo, str], ...] = (
    ("Toutiao", re.compile(r"(?:toutiao|toutiaocdn|snssdk)\.com/(?:article/|group/|item/|w/a?|a|i)(\d{16,20})", re.I), _bytedance, BEIJING, "Beijing"),
    ("Xigua", re.compile(r"ixigua\.com/(?:i)?(\d{16,20})", re.I), _bytedance, BEIJING, "Beijing"),
    ("Douyin", re.compile(r"douyin\.com/(?:video|note)/(\d{16,20})", re.I), _bytedance, BEIJING, "Beijing"),
    ("TikTok", re.compile(r"tiktok\.com/@[^/\s]+/(?:video|photo)/(\d{16,20})", re.I), _bytedance, dt.timezone.utc, "UTC"),
    ("Twitter/X", re.compile(r"(?<![\w.-])(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:[A-Za-z0-9_]{1,20}|i/web)/status(?:es)?/(\d{10,20})", re.I), _twitter, dt.timezone.utc, "UTC"),
    ("Bluesky", re.compile(r"bsky\.app/profile/[^/\s]+/post/([2-7a-z]{13})\b"), _bluesky, dt.timezone.utc, "UTC"),
    ("China Daily", re.compile(r"chinadaily\.com\.cn/\S*?WS([0-9a-f]{24})", re.I), _object_id, BEIJING, "Beijing"),
)
# Platforms whose link, when it is not labelled as the source, is usually the article itself.
SELF_PLATFORMS = {"Toutiao", "Xigua", "Douyin", "China Daily"}


def _url_context(doc: Doc, url: str) -> tuple[bool, int | None]:
    """(labelled as the source, line) of ``url`` in the text; (False, None) when absent."""
    for number, found in doc.urls:
        if found == url or url.startswith(found) or found.startswith(url):
            line = doc.lines[number]
            before = line[: line.find(found)] if found in line else ""
            return bool(SOURCE_LABEL.search(before.strip()) or (not before.strip() and number > 0 and SOURCE_LABEL.search(doc.lines[number - 1].strip()))), number
    return False, None


def _link_clues(doc: Doc, url: str | None) -> list[Clue]:
    """Dates in URL paths and timestamps in ids: the source URL, links labelled as the source, other links."""
    links: list[tuple[str, str]] = []  # (url, role): source | labelled | link
    if url:
        labelled, where = _url_context(doc, url)
        links.append((url, "source" if where is None or labelled else "link-source"))
    for number, found in doc.urls:
        if url and (found == url or url.startswith(found) or found.startswith(url)):
            continue
        labelled, _ = _url_context(doc, found)
        links.append((found, "labelled" if labelled else ("related" if doc.zones[number] == "related" else "link")))
    clues: list[Clue] = []
    for link, role in dict.fromkeys(links):
        clues += _id_clues(link, role)
        clues += _url_date_clues(link, role)
    return clues


def _id_clues(link: str, role: str) -> list[Clue]:
    clues = []
    for name, regex, decode, zone, zone_name in ID_DECODERS:
        for match in regex.finditer(link):
            moment = decode(match.group(1))  # type: ignore[operator]
            if moment is None:
                continue
            local = moment.astimezone(zone)
            shown = f"{moment:%Y-%m-%d %H:%M} UTC" + (f" ({local:%Y-%m-%d %H:%M} {zone_name})" if zone_name != "UTC" else "")
            quote = _quote(link, match.start(), match.end(), 70)
            evidence = f"'{quote}' -> {name} id timestamp {shown}"
            day = local.date()
            own = role in ("source", "labelled") or (role in ("link", "link-source") and name in SELF_PLATFORMS)
            if own:
                weight = 0.9 if role in ("source", "labelled") else 0.8
                clues.append(Clue("id-timestamp", "derived", evidence + " = the article's own id", day, weight, group=f"id:{link}"))
            elif role != "related":
                clues.append(Clue("id-timestamp", "derived", evidence + " -> a linked post, so published on or after", lo=day, strength=0.5, group=f"id:{link}"))
                clues.append(Clue("id-timestamp", "derived", evidence + " -> a linked post, published soon after", day, 0.3, group=f"id:{link}"))
    return clues


def _url_date_clues(link: str, role: str) -> list[Clue]:
    clues: list[Clue] = []
    quote = _quote(link, 0, None, 110)
    for regex in URL_DAY_PATTERNS:
        match = regex.search(link)
        month = (int(match.group("m")) if match.group("m").isdigit() else _month_number(match.group("m"))) if match else None
        day = _make_date(int(match.group("y")), month, int(match.group("d"))) if match and month else None
        if day is None:
            continue
        if role in ("source", "labelled"):
            clues.append(Clue("url-date", "stated", f"'{quote}' -> date in the source URL", day, 0.9 if role == "source" else 0.85, group=f"url:{link}"))
        elif role == "link-source":
            clues.append(Clue("url-date", "stated", f"'{quote}' -> date in the URL (a link in the text)", day, 0.6, group=f"url:{link}"))
        elif role == "link":
            clues.append(Clue("url-date", "derived", f"'{quote}' -> a linked article's date, so published on or after", lo=day, strength=0.4, group=f"url:{link}"))
        return clues
    for regex in URL_MONTH_PATTERNS:
        match = regex.search(link)
        first = _make_date(int(match.group(1)), int(match.group(2)), 1) if match else None
        if first is None or role not in ("source", "labelled", "link-source"):
            continue
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        clues.append(Clue("url-month", "stated", f"'{quote}' -> month in the source URL", lo=first, hi=last, strength=0.6, group=f"url:{link}"))
        return clues
    match = UPLOADS_RE.search(link)
    first = _make_date(int(match.group(1)), int(match.group(2)), 1) if match else None
    if first is not None and role != "related":
        clues.append(Clue("url-month", "derived", f"'{quote}' -> an uploaded file of that month, so published on or after", lo=first, strength=0.4, group=f"url:{link}"))
    return clues


# --- days of a war ---------------------------------------------------------------------

_NUM = r"\d{1,3}(?:[,  ]\d{3})+|\d{1,5}"
_SUFFIX = r"(?:-?(?:st|nd|rd|th)|-?й|-?го)?"
WAR_WORDS = re.compile(
    r"\b(war|invasion|aggression|special military operation|SMO|hostilities|fighting|resistance|occupation|full[- ]scale|offensive|bombardment|shelling|siege|conflict)\b",
    re.IGNORECASE,
)
STRONG_WAR_WORDS = re.compile(r"\b(war|invasion|aggression|special military operation|full[- ]scale)\b", re.IGNORECASE)
_SPELLED = (
    r"(?P<w>(?:(?:one|two|three|four|five|six|seven|eight|nine)[\s-]+)?(?:hundredth|thousandth)|"
    + "|".join(sorted((w for w in ORDINAL_WORDS if w not in ("inaugural", "first-ever")), key=len, reverse=True))
    + ")"
)
WAR_DAY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("nth", re.compile(rf"\b(?P<n>{_NUM}){_SUFFIX}\s+day\s+(?P<rel>of|since|after|into|in)\b(?P<ctx>[^.!?\n]{{0,90}})", re.I)),
    ("nth", re.compile(rf"\b{_SPELLED}\s+day\s+(?P<rel>of|since|after|into|in)\b(?P<ctx>[^.!?\n]{{0,90}})", re.I)),
    ("day-n", re.compile(rf"\bday\s+(?:No\.?\s*|number\s+|#)?(?P<n>{_NUM})\b(?!\s*(?:%|percent))(?P<ctx>\s+(?:of|since|into|in)\b[^.!?\n]{{0,90}})", re.I)),
    ("title", re.compile(rf"(?P<ctx>[^.!?\n]{{0,90}}?\b(?:war|invasion|aggression)\b[^.!?\n]{{0,40}}?)[,:–—-]\s*day\s+(?P<n>{_NUM})\b", re.I)),
    ("n-days", re.compile(rf"\b(?P<n>{_NUM})\s+days?\s+(?P<rel>of|since|after|into)\s+(?P<ctx>[^.!?\n]{{0,90}})", re.I)),
    ("lasted", re.compile(rf"(?P<ctx>\b(?:war|invasion|aggression)\b[^.!?\n]{{0,60}}?)\b(?:has been (?:going on|raging|lasting|continuing|under way)|has (?:lasted|continued|raged|gone on)|(?:has )?entered its|is in its)\s+(?:for\s+)?(?P<n>{_NUM}){_SUFFIX}\s+days?", re.I)),
)
LIVE_RE = re.compile(r"\b(follow|latest|live|today|now|marks?|enters?|entered|begins?|began|has begun|continues|is the|current|ongoing|updates?)\b", re.I)
NARRATIVE_RE = re.compile(r"\b(on the (?:\w+ )?(?:\d+\w*|first|second|third) day|was|were|captured|had|recalled)\b", re.I)


def _spelled_number(text: str) -> int | None:
    text = text.lower().replace("-", " ")
    units = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
    words = text.split()
    if words[-1] in ("hundredth", "thousandth"):
        scale = 100 if words[-1] == "hundredth" else 1000
        return units.get(words[0], 1) * scale if len(words) == 2 else scale
    return ORDINAL_WORDS.get(text)


def _which_war(context: str, doc_text: str, calendar: Calendar) -> Event | None:
    """The counted event (war) a day count refers to: by its day_cues in the context, then in the text."""
    counted = calendar.counted()
    if not counted:
        return None
    for scope in (context, doc_text):
        scores = [(sum(bool(r.search(scope)) for r in e.day_cues), -i, e) for i, e in enumerate(counted)]
        best = max(scores, key=lambda s: (s[0], s[1]))
        if best[0] > 0:
            return best[2]
    return counted[0] if counted[0].counted == "default" and STRONG_WAR_WORDS.search(context) else None


def _war_day_clues(doc: Doc, calendar: Calendar) -> list[Clue]:
    clues: list[Clue] = []
    seen: set[tuple[int, int]] = set()
    for sentence in doc.sentences:
        if sentence.zone == "related":
            continue
        for kind, regex in WAR_DAY_PATTERNS:
            for match in regex.finditer(sentence.text):
                clue = _war_day(match, kind, sentence, doc, calendar)
                if clue is None or (sentence.line, match.start()) in seen:
                    continue
                seen.add((sentence.line, match.start()))
                clues.append(clue)
    return clues


def _war_phrase(text: str, match: re.Match[str]) -> str:
    """The day count and its war, e.g. '447th day of the war in Ukraine' (at most 120 characters)."""
    core = match.group(0)
    war = WAR_WORDS.search(core, match.start("ctx") - match.start()) if "ctx" in match.groupdict() and match.start("ctx") >= match.start() else None
    war = war or WAR_WORDS.search(core)
    stop = war.end() if war else len(core)
    tail = re.match(r"(?:\s+(?:Russian\s+)?(?:war|invasion|aggression|military invasion))?(?:\s+(?:in|against|on|of|with)\s+(?:the\s+)?[\w'’-]+)?", core[stop:], re.I)
    if match.groupdict().get("n") and match.start("n") - match.start() > stop:  # 'war: day 447'
        stop = match.end("n") - match.start()
    elif tail:
        stop += tail.end()
    return " ".join(core[:stop].split())[:120]


def _war_day(match: re.Match[str], kind: str, sentence: Sentence, doc: Doc, calendar: Calendar) -> Clue | None:
    groups = match.groupdict()
    context = groups.get("ctx") or ""
    if not WAR_WORDS.search(context[:70] if kind in ("nth", "day-n", "n-days") else context):
        return None
    number = int(re.sub(r"\D", "", groups["n"])) if groups.get("n") else _spelled_number(groups.get("w") or "")
    if not number or number > 20000:
        return None
    war = _which_war(sentence.text, doc.text, calendar)
    if war is None:
        return None
    rel = (groups.get("rel") or "of").lower()
    offset = number if (kind == "lasted" and "entered" not in match.group(0).lower() and "its" not in match.group(0).lower()) or (kind == "n-days" and rel in ("since", "after", "into")) else number - 1
    day = war.start + dt.timedelta(days=offset)
    if war.end is not None and day > war.end + dt.timedelta(days=1):
        return None
    live = LIVE_RE.search(sentence.text) or sentence.zone in ("head", "tail") and len(sentence.text) < 160
    weight = 0.9 if live else (0.45 if NARRATIVE_RE.search(sentence.text) else 0.7)
    how = f"day 1 = {war.start.isoformat()} ({war.name}), day {number} = {day.isoformat()}" if offset == number - 1 else f"{number} days after {war.start.isoformat()} ({war.name}) = {day.isoformat()}"
    quote = _war_phrase(sentence.text, match)
    return Clue("war-day", "derived", f"'{quote}' -> {how}", day, weight, group=f"war{sentence.line}")


# --- calendar events, weekdays, relative years, titles ---------------------------------


@dataclass(frozen=True)
class Mention:
    sentence: Sentence
    event: Event
    at: int  # position of the cue in the sentence
    fit: float = 1.0  # 1 for the tightest reading of the sentence, less for looser ones


def _mentions(doc: Doc, calendar: Calendar) -> list[list[Mention]]:
    """Calendar events named in each sentence of the article (terms of office excluded)."""
    found = []
    for sentence in doc.article_sentences():
        named = [(e, m) for e, m in calendar.named_in(sentence.text) if e.kind != "term"]
        if not named:
            continue
        spreads = [e.cue_spread(sentence.text) or len(m.group(0)) for e, m in named]
        tightest = max(1, min(spreads))
        found.append([Mention(sentence, e, m.start(), (tightest / max(1, spread)) ** 0.5) for (e, m), spread in zip(named, spreads)])
    return found


def _is_short(event: Event) -> bool:
    return event.days is not None and event.days <= SHORT_EVENT_DAYS


def _week_monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _event_estimate(event: Event, tense: str | None, qualifier: str | None) -> tuple[dt.date, float, str] | None:
    """(publication date, weight, how) for an event reported as current or recent."""
    assert event.end is not None
    one = dt.timedelta(days=1)
    if qualifier == "yesterday":
        return event.end + one, 0.6, "reported as yesterday's: the day after"
    if qualifier == "tomorrow":
        return event.start - one, 0.6, "reported as tomorrow's: the day before"
    if qualifier == "this-week":
        if tense == "past":
            return event.end + one, 0.5, "reported this week in the past tense: the day after"
        return event.start - one, 0.4, "reported as this week's, not yet over: the day before it opens"
    if qualifier == "today" or tense == "present":
        main_day = event.start + dt.timedelta(days=(event.days or 1) // 2)
        return main_day, 0.6, "reported as under way: its main (middle) day" if event.days and event.days > 1 else "reported as under way"
    if qualifier == "last-week":
        return _week_monday(event.end) + dt.timedelta(days=7), 0.45, "reported as last week's: the Monday after"
    if qualifier == "next-week":
        return _week_monday(event.start) - dt.timedelta(days=7), 0.35, "reported as next week's: the Monday of the week before"
    if qualifier == "recent":
        return event.end + dt.timedelta(days=RECENT_LAG_DAYS), 0.45, f"reported as recent: {RECENT_LAG_DAYS} days after"
    if tense == "future":
        return event.start - one, 0.35, "reported as coming: the day before"
    if (event.days or 1) > 3:  # unrest, fighting: a past-tense report may be of its first days
        return event.start + one, 0.45, "reported in the past tense: the day after it began"
    return event.end + one, 0.45, "reported in the past tense: the day after"


def _envelope_bound(group: list[Mention], tense: str | None, qualifier: str | None) -> Clue:
    """The bound a sentence sets through the event(s) it names; alternatives give their envelope."""
    events = [m.event for m in group]
    first = group[0]
    quote = _quote(first.sentence.text, first.at, first.at + 40, 100)
    names = events[0].name + (f" (or {len(events) - 1} other event(s))" if len(events) > 1 else "")
    spans = ", ".join(e.span() for e in events[:3])
    strength = 0.55 / len(events) ** 0.5
    key = f"event:{first.sentence.line}:{first.sentence.index}"
    starts = [e.start for e in events]
    ends = [e.end for e in events if e.end is not None]
    if tense == "future":
        return Clue("event", "event", f"'{quote}' -> {names} ({spans}) still to come: published before", hi=max(starts), strength=strength, tolerance=1, group=key)
    if qualifier == "this-week":
        lo = _week_monday(min(starts))
        hi = _week_monday(max(ends or starts)) + dt.timedelta(days=6)
        return Clue("event", "event", f"'{quote}' -> {names} ({spans}) this week: published that week", lo=lo, hi=hi, strength=strength, group=key)
    if tense == "present" and all(_is_short(e) for e in events):
        return Clue("event", "event", f"'{quote}' -> {names} ({spans}) under way", lo=min(starts), hi=max(ends), strength=strength, tolerance=1, group=key)
    return Clue("event", "event", f"'{quote}' -> {names} ({spans}) has begun: published on or after", lo=min(starts), strength=strength, group=key)


def _year_bounds(mention: Mention, qualifier: str | None, quote: str) -> list[Clue]:
    shift = {"last-year": 1, "this-year": 0, "next-year": -1, "two-years-ago": 2}.get(qualifier or "")
    if shift is None:
        return []
    year = mention.event.start.year + shift
    first, last = _make_date(year, 1, 1), _make_date(year, 12, 31)
    if first is None or last is None:
        return []
    words = {1: "last year", 0: "this year", -1: "next year", 2: "two years before"}[shift]
    return [Clue("relative-year", "derived", f"'{quote}' -> {mention.event.name} ({mention.event.start.year}) was '{words}': published in {year}",
                 lo=first, hi=last, strength=0.5, group=f"year:{mention.sentence.line}:{mention.event.id}")]


def _event_clues(doc: Doc, calendar: Calendar) -> tuple[list[Clue], list[tuple[Event, float]]]:
    """Bounds (and, when reported as current or recent, points) from calendar events; and the anchors."""
    sentences = _mentions(doc, calendar)
    counts: dict[str, int] = {}
    for group in sentences:
        for mention in group:
            counts[mention.event.id] = counts.get(mention.event.id, 0) + 1
    clues: list[Clue] = []
    anchors: dict[str, tuple[Event, float]] = {}
    newest = _newest_year(doc)
    for group in sentences:
        short = [m for m in group if _is_short(m.event)]
        for subset in ([m for m in group if not _is_short(m.event)], short):
            if subset:
                first = subset[0]
                clues.append(_envelope_bound(subset, _tense(first.sentence.text, first.at), _qualifier(first.sentence.text, first.at)))
        alt = f"alt:{group[0].sentence.line}:{group[0].sentence.index}" if len(short) > 1 else ""
        for mention in group:
            text, event = mention.sentence.text, mention.event
            tense, qualifier = _tense(text, mention.at), _qualifier(text, mention.at)
            quote = _quote(text, mention.at, mention.at + 40, 100)
            clues += _year_bounds(mention, qualifier, quote)
            anniversary = _anniversary(mention, quote)
            if anniversary is not None:
                clues.append(replace(anniversary, weight=anniversary.weight * mention.fit, alt=alt))
                continue
            if not _is_short(event) or event.kind == "founding":
                continue
            salient = mention.sentence.index < 5 or counts[event.id] > 1 or tense == "present" or qualifier in (
                "today", "yesterday", "tomorrow", "this-week", "last-week", "next-week", "recent")
            if not salient:
                continue
            if event.end is not None and event.end.year < newest and tense in ("past", None) and qualifier not in ("yesterday", "last-week", "this-week"):
                continue  # the article speaks of later years: a past event in it is background
            day, weight, how = _event_estimate(event, tense, qualifier) or (None, 0.0, "")
            if day is None:
                continue
            key = f"event:{mention.sentence.line}:{mention.sentence.index}"
            weight *= mention.fit
            clues.append(Clue("event", "event", f"'{quote}' -> {event.name} ({event.span()}), {how}", day, weight, group=key, alt=alt))
            share = weight / max(1, len(short))
            if share > anchors.get(event.id, (event, 0.0))[1]:
                anchors[event.id] = (event, share)
    return clues, sorted(anchors.values(), key=lambda a: -a[1])


_COUNT_WORDS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50}
_ANNIVERSARY_ORDINALS = ORDINAL_WORDS | {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "hundredth": 100}
ANNIVERSARY_RE = re.compile(
    r"\b(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<w>" + "|".join(sorted(_ANNIVERSARY_ORDINALS, key=len, reverse=True)) + r"))\s+anniversary\s+of\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?)"
OFFSET_BEFORE_RE = re.compile(  # 'two years since <event>', 'six months into <the war>', 'three days before <the summit>'
    rf"\b{_COUNT}\s+(?:and\s+a\s+half\s+)?{_UNIT}\s+(?:have\s+|has\s+)?(?:passed\s+|gone\s+by\s+)?(?P<rel>since|after|into|before|ahead\s+of)\b[^.;]{{0,60}}$",
    re.IGNORECASE,
)
OFFSET_AFTER_RE = re.compile(rf"^[^.;]{{0,60}}?\b{_COUNT}\s+{_UNIT}\s+(?P<rel>ago|earlier)\b", re.IGNORECASE)  # '<event>, two years ago'


def _add_years(day: dt.date, years: int) -> dt.date | None:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28) if day.month == 2 else None


def _add_months(day: dt.date, months: int) -> dt.date | None:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for dom in (day.day, 30, 29, 28):
        if (moved := _make_date(year, month, dom)) is not None:
            return moved
    return None


def _offset_day(event: Event, count: int, unit: str, rel: str) -> dt.date | None:
    """``count`` units after (or, for 'before', ahead of) the event: years and months from its
    start (anniversary-style), days and weeks from its end (or its start for 'before'/'into')."""
    unit = unit.lower().rstrip("s")
    sign = -1 if rel.lower().startswith(("before", "ahead")) else 1
    base = event.start if unit in ("year", "month") or sign < 0 or rel.lower() == "into" or event.end is None else event.end
    if unit == "year":
        return _add_years(base, sign * count)
    if unit == "month":
        return _add_months(base, sign * count)
    return base + dt.timedelta(days=sign * count * (7 if unit == "week" else 1))


def _anniversary(mention: Mention, quote: str) -> Clue | None:
    """'the 30th anniversary of <event>', 'two years since <event>', '<event> three days ago': a date counted from it."""
    text = mention.sentence.text
    before = text[max(0, mention.at - 90) : mention.at]
    match = ANNIVERSARY_RE.search(before)
    if match:
        years = int(match.group("n")) if match.group("n") else _ANNIVERSARY_ORDINALS[match.group("w").lower()]
        day, weight, how = _add_years(mention.event.start, years), 0.45, f"{years}th anniversary"
        if not 0 < years <= 100:
            return None
    else:
        match = OFFSET_BEFORE_RE.search(before) or OFFSET_AFTER_RE.search(text[mention.at : mention.at + 120])
        if not match:
            return None
        count_text = match.group("n").lower()
        count = int(count_text) if count_text.isdigit() else _COUNT_WORDS[count_text]
        rel = "after" if match.group("rel").lower() in ("ago", "earlier") else match.group("rel")
        if not 0 < count <= 400:
            return None
        day, weight = _offset_day(mention.event, count, match.group("unit"), rel), 0.35
        how = f"{count} {match.group('unit').lower()} {' '.join(rel.lower().split())}"
    if day is None:
        return None
    return Clue("anniversary", "derived", f"'{quote}' -> {how} {mention.event.name} ({mention.event.span()}) = {day.isoformat()}",
                day, weight, group=f"anniversary:{mention.sentence.line}:{mention.event.id}")


WEEKDAY_MENTION = re.compile(
    r"(?<!last )(?<!next )(?<!this )(?<!every )\b(?:on |late on |early on |earlier on )?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!,?\s+(?:\d|[A-Z][a-z]+ \d))"
)


def _weekday_clues(doc: Doc, anchors: list[tuple[Event, float]], calendar: Calendar) -> list[Clue]:
    """'On Friday, Xi met ...': the Friday of the article's event (in its sentence, else the main one)."""
    clues: list[Clue] = []
    for sentence in doc.article_sentences():
        for match in WEEKDAY_MENTION.finditer(sentence.text):
            own = [(e, 1.0) for e, _ in calendar.named_in(sentence.text) if e.end is not None and (e.days or 99) <= 7]
            for event, anchor_weight in (own or anchors[:1]):
                clue = _weekday_clue(sentence, match, event, min(1.0, anchor_weight * 2))
                if clue:
                    clues.append(clue)
    return clues


def _weekday_clue(sentence: Sentence, match: re.Match[str], event: Event, anchor_weight: float) -> Clue | None:
    assert event.end is not None
    weekday = WEEKDAYS[match.group("wd").lower()]
    options = [event.start + dt.timedelta(days=k) for k in range(-3, (event.end - event.start).days + 4)]
    options = [d for d in options if d.weekday() == weekday]
    if not options:
        return None
    day = min(options, key=lambda d: 0 if event.start <= d <= event.end else min(abs((d - event.start).days), abs((d - event.end).days)))
    inside = event.start <= day <= event.end
    tense = _tense(sentence.text, match.start()) or "past"
    shift = {"past": 1, "present": 0, "future": -1}[tense]
    weight = (0.65 if inside else 0.3) * anchor_weight
    when = {1: "published the day after", 0: "published that day", -1: "published the day before"}[shift]
    quote = _quote(sentence.text, match.start(), match.end() + 50, 100)
    return Clue("weekday", "derived", f"'{quote}' -> {match.group('wd')} of {event.name} ({event.span()}) = {day.isoformat()}, {when}",
                day + dt.timedelta(days=shift), weight, group=f"weekday:{sentence.line}")


def _around(text: str, at: int) -> str:
    """The sentence of ``text`` (joined lines) around position ``at``."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    return text[start : min(ends) if ends else len(text)]


HISTORICAL_TITLE = re.compile(r"\b(former|formerly|then|ex|late|first|previous|previously|predecessor|known as|renamed|called)[\s-]+(\w+\s+){0,2}$|\(\s*$", re.IGNORECASE)


def _title_clues(doc: Doc, calendar: Calendar) -> list[Clue]:
    """Phrases that date the writing: 'President Tokayev' (not before 2019-03-20), 'former Prime
    Minister Kishida' (not before 2024-10-01), 'President Nazarbayev' (probably not after 2019-03-19)."""
    text = "\n".join(line for line, zone in zip(doc.lines, doc.zones) if zone != "related")
    clues: list[Clue] = []
    for event in calendar:
        for regexes, day, how in ((event.since_start, event.start, "since"), (event.since_end, event.end, "after")):
            if day is None:
                continue
            for regex in regexes:
                match = regex.search(text)
                if match:
                    quote = _quote(text, match.start(), match.end(), 70)
                    clues.append(Clue("title", "derived", f"'{quote}' -> written {how} {day.isoformat()} ({event.name})", lo=day, strength=0.7, group=f"title:{event.id}"))
                    break
        if event.end is not None:
            current = [m for regex in event.until_end for m in regex.finditer(text)
                       if not HISTORICAL_TITLE.search(text[max(0, m.start() - 25) : m.start()]) and _tense(_around(text, m.start()), None) in ("present", "future")]
            if current:
                quote = _quote(text, current[0].start(), current[0].end(), 70)
                clues.append(Clue("title", "derived", f"'{quote}' -> probably written by {event.end.isoformat()} ({event.name})",
                                  hi=event.end, strength=0.35, tolerance=30, group=f"title-until:{event.id}"))
    return clues


# --- years ------------------------------------------------------------------------------

YEAR_RE = re.compile(r"(?<![\d$€£¥.,/#-])((?:19|20)\d{2})(?![\d%]|\s*[-–—]\s*\d)")
NOT_A_PAST_YEAR = re.compile(
    r"(\b(by|until|till|through|to|before|horizon|vision|strategy|program|programme|plan|agenda|concept|target|goal|expo|olympics|games)\s+(the\s+(year\s+)?)?|[-–—])$", re.I
)
COPYRIGHT_RE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–—]\s*)?((?:19|20)\d{2})(?!\d)", re.I)


def _past_years(doc: Doc) -> Iterable[tuple[int, float, str]]:
    """(year, strength, quote) for each year the article speaks of as past or present.

    Not targets and horizons ('by 2030', 'Strategy 2050', '2022-2026'), not years in
    future-tense sentences, not the year of a full date.
    """
    for sentence in doc.article_sentences():
        text = _blank_urls(sentence.text)
        if COPYRIGHT_RE.search(text):
            continue
        for match in YEAR_RE.finditer(text):
            if NOT_A_PAST_YEAR.search(text[max(0, match.start() - 25) : match.start()].rstrip(" ")) or _in_full_date(text, match.start()):
                continue
            tense = _tense(text, match.start())
            if tense != "future":
                yield int(match.group(1)), (0.4 if tense else 0.25), _quote(text, match.start(), match.end(), 90)


def _newest_year(doc: Doc) -> int:
    """The latest year the article speaks of as past or present (0 if none)."""
    return max((year for year, _, _ in _past_years(doc)), default=0)


def _year_clues(doc: Doc) -> list[Clue]:
    """The latest year the article speaks of as past or present: published in or after it; a copyright year bounds it."""
    clues = []
    best = max(_past_years(doc), key=lambda y: (y[0], y[1]), default=None)
    if best:
        year, strength, quote = best
        first = _make_date(year, 1, 1)
        if first:
            clues.append(Clue("year-mention", "derived", f"'{quote}' -> latest year spoken of as past or present: published in {year} or later", lo=first, strength=strength, group="years"))
    copyright_years = [int(m.group(1)) for line in doc.lines for m in COPYRIGHT_RE.finditer(line)]
    if copyright_years:
        last = _make_date(max(copyright_years), 12, 31)
        if last:
            clues.append(Clue("copyright", "derived", f"'© {max(copyright_years)}' -> published in {max(copyright_years)} or earlier", hi=last, strength=0.3, group="copyright"))
    return clues


def _in_full_date(text: str, at: int) -> bool:
    return any(m.start <= at < m.end for m in _full_dates(text))


# --- combining --------------------------------------------------------------------------


def _collect(doc: Doc, url: str | None, calendar: Calendar) -> list[Clue]:
    event_clues, anchors = _event_clues(doc, calendar)
    return [
        *_printed_clues(doc),
        *_link_clues(doc, url),
        *_war_day_clues(doc, calendar),
        *event_clues,
        *_weekday_clues(doc, anchors, calendar),
        *_title_clues(doc, calendar),
        *_year_clues(doc),
    ]


def _violation(point: dt.date, bound: Clue) -> int:
    """Days by which ``point`` falls outside ``bound`` beyond its tolerance (0 = inside)."""
    slack = dt.timedelta(days=bound.tolerance)
    if bound.lo is not None and point < bound.lo - slack:
        return (bound.lo - slack - point).days
    if bound.hi is not None and point > bound.hi + slack:
        return (point - bound.hi - slack).days
    return 0


def _score(point: Clue, clues: list[Clue]) -> float:
    """A point's weight, lowered by each bound it breaks and raised by other points that agree."""
    assert point.date is not None
    score = point.weight
    for bound in clues:
        if bound.is_bound and bound.group != point.group:
            days = _violation(point.date, bound)
            if days:
                score *= 1 - bound.strength * min(1.0, 0.4 + days / 10)
    for other in clues:
        if other.is_point and other.group != point.group and other.date is not None and abs((other.date - point.date).days) <= 1:
            score = 1 - (1 - score) * (1 - 0.25 * other.weight)
    return score


def _scores(clues: list[Clue]) -> dict[int, float]:
    """Every point's score; alternative readings of one mention share theirs by how well each fits."""
    raw = {id(c): _score(c, clues) for c in clues if c.is_point}
    totals: dict[str, float] = {}
    for clue in clues:
        if clue.is_point and clue.alt:
            totals[clue.alt] = totals.get(clue.alt, 0.0) + raw[id(clue)]
    for clue in clues:
        if clue.is_point and clue.alt and totals[clue.alt] > 0:
            raw[id(clue)] *= raw[id(clue)] / totals[clue.alt]
    return raw


def _resolve(clues: list[Clue]) -> Scored | None:
    points = [c for c in clues if c.is_point]
    if not points:
        return _range_only(clues)
    scores = _scores(clues)
    scored = [Scored(p, scores[id(p)]) for p in points]
    return max(scored, key=lambda s: (round(s.score, 6), -BASIS_RANK[s.clue.basis], s.clue.weight, -s.date.toordinal()))


def _range_only(clues: list[Clue]) -> Scored | None:
    """No clue suggests a day: the earliest day of a narrow window set by strong bounds."""
    los = [c for c in clues if c.is_bound and c.lo is not None and c.strength >= 0.5]
    his = [c for c in clues if c.is_bound and c.hi is not None and c.strength >= 0.5]
    if not los or not his:
        return None
    lo = max(los, key=lambda c: c.lo)  # type: ignore[arg-type,return-value]
    hi = min(his, key=lambda c: c.hi)  # type: ignore[arg-type,return-value]
    assert lo.lo is not None and hi.hi is not None
    width = (hi.hi - lo.lo).days
    if not 0 <= width <= 60:
        return None
    why = lo.evidence if lo is hi else f"{lo.evidence}; {hi.evidence}"
    weight = round(0.3 * (1 - width / 90), 3)
    clue = Clue(lo.kind, lo.basis if lo.basis != "stated" else "derived", f"{why} -> the window's first day", lo.lo, weight, group="range")
    return Scored(clue, weight)


def _lower_bound(clues: list[Clue]) -> dt.date | None:
    """The latest strong 'on or after' bound, as a provisional anchor for dates without a year."""
    los = [c.lo for c in clues if c.is_bound and c.lo is not None and c.strength >= 0.4]
    return max(los) if los else None


def _supporting(best: Scored, clues: list[Clue]) -> str:
    """A short note of the other kinds of clue that agree with the chosen date."""
    kinds = {c.kind for c in clues if c.is_point and c.group != best.clue.group and c.date is not None and abs((c.date - best.date).days) <= 1}
    kinds.discard(best.clue.kind)
    return f"; agrees with {', '.join(sorted(kinds))}" if kinds else ""


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _result(best: Scored | None, clues: list[Clue]) -> DateResult:
    scores = _scores(clues)
    candidates = [
        DateCandidate(_iso(c.date) if c.is_point else None, c.basis, c.kind, _clip(c.evidence), round(c.weight if c.is_point else c.strength, 3),
                      round(scores.get(id(c), 0.0), 3), _iso(c.lo), _iso(c.hi))
        for c in clues
    ]
    candidates.sort(key=lambda c: (c.date is None, -c.score, -c.weight, c.kind, c.date or "", c.evidence))
    if best is None:
        return DateResult(None, "unknown", None, 0.0, tuple(candidates))
    evidence = _clip(best.clue.evidence + _supporting(best, clues))
    confidence = round(max(0.05, min(0.99, best.score)), 2)
    return DateResult(best.date.isoformat(), best.clue.basis, evidence, confidence, tuple(candidates))
