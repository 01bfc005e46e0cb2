"""How dates are written: full dates (with a year), partial dates (month and day), labels, times."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ...datewords import ANNIVERSARY_WORDS_AFTER, ANNIVERSARY_WORDS_BEFORE, CARDINALS, ENGLISH_MONTHS, MONTH_ENDINGS, MONTHS, ORDINALS, WEEKDAY_NAMES, WEEKDAYS, YEAR_WORDS
from ...wordlists import table
from .clue import make_date



def word_tree(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` where the longest alternative would (as '(?:longest|...|short)'),
    written as a tree of their shared beginnings, which the regex engine reads much faster than a long
    alternation: at each character it tries only the words that go on with it."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        parts = [re.escape(char) + branch(node[char]) for char in sorted(node) if char]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + branch(tree) + ")"


MONTH_WORD = word_tree(MONTHS) + r"\.?"
OTHER_MONTH_WORD = word_tree(m for m in MONTHS if m not in ENGLISH_MONTHS)
MONTH_ENDING = "(?:['’]?(?:" + "|".join(sorted(MONTH_ENDINGS, key=len, reverse=True)) + "))?"
YEAR_WORD = "(?:" + "|".join(sorted(YEAR_WORDS, key=len, reverse=True)) + r")\.?"
ENGLISH_MONTH_WORD = word_tree(m.capitalize() for m in ENGLISH_MONTHS) + r"\.?"
WEEKDAY_WORD = word_tree(WEEKDAYS)  # names and abbreviations
FULL_WEEKDAY = "(?:" + "|".join(WEEKDAY_NAMES) + ")"  # names only
WEEKDAY_PREFIX = rf"(?:(?P<wd>{WEEKDAY_WORD})\.?,?\s+)?"
YEAR_GROUP = r"(?P<y>(?:19|20)\d{2})(?!\d(?!\d?:\d\d))"  # a time may be glued on: "4 February 201911:29"
DAY_GROUP = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
GLUED_TIME = r"(?<=\d:\d\d)"  # a time may be glued before the day too: "13:2416 Oct, 2020"

FULL_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cjk", re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日")),
    ("iso", re.compile(r"(?<![\d./-])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d]|[-/.]\d)")),
    ("dmy-text", re.compile(rf"(?:(?<![\w.])|{GLUED_TIME}){WEEKDAY_PREFIX}(?:(?<!\d)|{GLUED_TIME}){DAY_GROUP}(?:\s+of)?[\s\-./,]*(?P<m>{MONTH_WORD})[\s\-./,]*{YEAR_GROUP}", re.IGNORECASE)),
    ("mdy-text", re.compile(rf"(?<![\w.]){WEEKDAY_PREFIX}(?P<m>{MONTH_WORD})\s*{DAY_GROUP},?\s*{YEAR_GROUP}", re.IGNORECASE)),
    ("ymd-text", re.compile(rf"(?<![\d.])(?P<y>(?:19|20)\d{{2}})[\s-]*{YEAR_WORD}[\s,]+(?P<d>[0-3]?\d)(?:-|\s+)(?P<m>{MONTH_WORD}){MONTH_ENDING}(?!\w)", re.IGNORECASE)),  # 2022-yil 20-iyul
    ("numeric", re.compile(r"(?<![\d./-])(?P<d>[0-3]?\d)(?P<sep>[./-])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d]|[-/.]\d)")),
)
ANY_YEAR = re.compile(r"(?:19|20)\d{2}")
QUICK_TEST = {  # what a match of some of FULL_DATE_PATTERNS must contain: a quick test before it
    "cjk": re.compile("年"),
    "iso": re.compile(r"(?:19|20)\d{2}[-/.][01]?\d[-/.]"),
    "mdy-text": re.compile(r"\d(?:st|nd|rd|th)?,?\s*(?:19|20)\d{2}", re.IGNORECASE),  # its day, then its year
    "ymd-text": re.compile(rf"(?:19|20)\d{{2}}[\s-]*{YEAR_WORD}", re.IGNORECASE),
    "numeric": re.compile(r"\d[./-][01]?\d[./-](?:19|20)\d{2}"),
}
WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{WEEKDAY_WORD})\.?,?\s*$", re.IGNORECASE)
WEEKDAY_AFTER = re.compile(rf"^\s*[,(]?\s*(?P<wd>{WEEKDAY_WORD})\b", re.IGNORECASE)
PARTIAL_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # day first in the region's other languages: "12 декабря", "20-iyul kuni", "5 Temmuz'da"
    re.compile(rf"(?<![\w.,]){WEEKDAY_PREFIX}(?P<d>[0-3]?\d)(?:-|\s+)(?P<m>{OTHER_MONTH_WORD}){MONTH_ENDING}(?!\w)(?!\.?,?\s*(?:19|20)\d{{2}})", re.IGNORECASE),
    re.compile(rf"(?<![\w.]){WEEKDAY_PREFIX}(?P<m>{ENGLISH_MONTH_WORD})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![\d,.]?\d)(?!\s*,?\s*(?:19|20)\d{{2}})"),
    re.compile(rf"(?<![\w.]){WEEKDAY_PREFIX}(?<![\d,.])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{ENGLISH_MONTH_WORD})(?![\w])(?!\.?,?\s*(?:19|20)\d{{2}})"),
)
_STAMPS = table("furniture", "stamp_labels")  # the page's stamp labels, one list for the cleaner and the dates
LABEL = rf"(?:(?P<updated>{_STAMPS['update stamp']})|(?P<published>{_STAMPS['publication stamp']}))"
LABEL_RE = re.compile(rf"{LABEL}\s*(?:on|at)?\s*[:：\-–—|]?\s*$", re.IGNORECASE)  # a label right before a date
TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:GMT|UTC|MSK|ALMT|EET|EEST|CET|CEST|Z)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?", re.IGNORECASE)
WIRE_DATELINE = re.compile(  # an agency's dateline without a date: 'TEHRAN (Tasnim) –', 'NEW DELHI (AP) —', 'ALMATY (Reuters) -'
    r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ'’. -]{1,30}\s*\(\s*[A-Z][\w.&’' -]{1,25}\)\s*[-–—:]+\s"
)
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


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def weekday_number(match: re.Match[str]) -> int | None:
    name = match.groupdict().get("wd")
    return WEEKDAYS.get(name.lower()) if name else None


def _weekday_beside(line: str, start: int, end: int) -> int | None:
    """A weekday printed right before or after a date ("Tuesday, 03.04.2018", "03/04/2018 (Tue)")."""
    before = WEEKDAY_BEFORE.search(line[max(0, start - 14) : start])
    after = WEEKDAY_AFTER.match(line[end : end + 14])
    found = before or after
    return WEEKDAYS.get(found.group("wd").lower()) if found else None


def _numeric_reading(dom: int, month: int, year: int, separator: str, weekday: int | None) -> tuple[int, int, bool]:
    """(day of month, month, ambiguous) of a numeric date: day first as the region writes it
    (18.05.2023), month first when the day-first reading is impossible (05.18.2023) or when the
    weekday printed beside it fits only that reading; '03/04/2023' with no weekday is ambiguous."""
    if month > 12 and dom <= 12:
        return month, dom, False
    if dom > 12 or dom == month:
        return dom, month, False
    day_first, month_first = make_date(year, month, dom), make_date(year, dom, month)
    if weekday is not None and day_first and month_first:
        fits = [reading for reading, day in (((dom, month), day_first), ((month, dom), month_first)) if day.weekday() == weekday]
        if len(fits) == 1:
            return fits[0][0], fits[0][1], False
    return dom, month, separator == "/"


def full_dates(line: str) -> list[DateMatch]:
    """Every complete date (with a year) in ``line``, left to right, without overlaps."""
    return list(_full_dates(line))


@lru_cache(maxsize=4096)
def _full_dates(line: str) -> tuple[DateMatch, ...]:
    if not ANY_YEAR.search(line):
        return ()  # every full date has a year
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, regex in FULL_DATE_PATTERNS:
        if kind in QUICK_TEST and not QUICK_TEST[kind].search(line):
            continue
        for match in regex.finditer(line):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            month = int(match.group("m")) if match.group("m").isdigit() else month_number(match.group("m"))
            if month is None:
                continue
            year, dom, ambiguous = int(match.group("y")), int(match.group("d")), False
            weekday = weekday_number(match)
            if kind == "numeric":
                weekday = _weekday_beside(line, match.start(), match.end())
                dom, month, ambiguous = _numeric_reading(dom, month, year, match.group("sep"), weekday)
            day = make_date(year, month, dom)
            if day is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(DateMatch(match.start(), match.end(), day, month, dom, weekday, ambiguous))
    return tuple(sorted(found, key=lambda m: m.start))


DIGIT = re.compile(r"\d")


def partial_dates(line: str, taken: list[DateMatch]) -> list[DateMatch]:
    """Month-and-day dates without a year ("May 18", "18 May"), outside the full dates."""
    found: list[DateMatch] = []
    if not DIGIT.search(line):
        return found  # every partial date has a day of the month
    for regex in PARTIAL_DATE_PATTERNS:
        for match in regex.finditer(line):
            if any(match.start() < t.end and t.start < match.end() for t in [*taken, *found]):
                continue
            month, dom = month_number(match.group("m")), int(match.group("d"))
            if month is None or not 1 <= dom <= 31 or make_date(2000, month, dom) is None:
                continue
            found.append(DateMatch(match.start(), match.end(), None, month, dom, weekday_number(match)))
    return found

MONTH_YEAR_RE = re.compile(rf"(?<![\w.])(?P<m>{MONTH_WORD})\s*,?\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}})(?!\d)", re.IGNORECASE)

CAPITALISED_WEEKDAY = "|".join(name.capitalize() for name in WEEKDAY_NAMES)
WEEKDAY_MENTION = re.compile(  # "said on Thursday" (a weekday in prose, not part of a printed date)
    rf"(?<!last )(?<!next )(?<!this )(?<!every )\b(?:on |late on |early on |earlier on )?(?P<wd>{CAPITALISED_WEEKDAY})\b(?!,?\s+(?:\d|[A-Z][a-z]+ \d))"
)


COUNT = r"(?P<n>\d{1,3}|" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + r")"
UNIT = r"(?P<unit>days?|weeks?|months?|years?)"
AGO_BEFORE = re.compile(rf"\b{COUNT}\s+{UNIT}\s+ago\b[^.;\d]{{0,25}}$", re.IGNORECASE)  # 'sixteen years ago on' <date>
AGO_AFTER = re.compile(rf"^[,\s]{{0,3}}(?:some\s+|about\s+|exactly\s+|almost\s+)?{COUNT}\s+{UNIT}\s+ago\b", re.IGNORECASE)  # <date>, 'two years ago'


def count_value(match: re.Match[str]) -> int:
    """The number of a COUNT group: digits or a number word."""
    text = match.group("n").lower()
    return int(text) if text.isdigit() else CARDINALS[text]


# 'the 30th anniversary of <event or date>'; the region's languages put the number before the event
# (Russian 'к 20-летию') or after it (Uzbek 'mustaqilligining 30 yilligi'): words in datewords.yaml.
ANNIVERSARY_RE = re.compile(
    r"\b(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<w>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"))\s+anniversary\s+of\b[^.;]{0,60}$",
    re.IGNORECASE,
)
ANNIVERSARY_NUMBER_BEFORE_RE = re.compile(  # Russian: 'к 20-летию <event>', '30-летие <event>'
    r"(?<![\d.])(?P<n>\d{1,3})\s?-?\s?(?:" + "|".join(map(re.escape, ANNIVERSARY_WORDS_BEFORE)) + r")\w*[^.;]{0,60}$",
    re.IGNORECASE,
)
ANNIVERSARY_NUMBER_AFTER_RE = re.compile(  # Uzbek, Kazakh, Turkmen, Turkish: '<event>ning 30 yilligi', '<event> 30. yıl dönümü'
    r"^[^.;\d]{0,50}?(?<![\d.])(?P<n>\d{1,3})\s?[-.]?\s?(?:" + "|".join(map(re.escape, ANNIVERSARY_WORDS_AFTER)) + r")",
    re.IGNORECASE,
)


def anniversary_years(match: re.Match[str]) -> int:
    """The number of years of an anniversary phrase matched by one of the ANNIVERSARY regexes."""
    groups = match.groupdict()
    return int(groups["n"]) if groups.get("n") else ORDINALS[str(groups["w"]).lower()]


def ordinal(number: int) -> str:
    """'1st', '2nd', '3rd', '11th', '22nd': how evidence numbers an anniversary."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
