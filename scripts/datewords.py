"""Words for reading dates (month names, weekdays, number words, ordinals), from ``datewords.yaml``.

Shared by the date extractor and the events calendar's ordinal matching; each list lives
once, in the data file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import paths, yamlio

WORDS_FILE = paths.SCRIPTS / "datewords.yaml"


def _load(path: Path = WORDS_FILE) -> dict[str, Any]:
    data = yamlio.load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of word lists")
    return data


def _numbered(rows: list[list[str]]) -> dict[str, int]:
    """{word: position from 1} for a list of synonym rows (January first, Monday first...)."""
    return {str(word): number for number, row in enumerate(rows, start=1) for word in row}


def _numbers(mapping: dict[str, Any]) -> dict[str, int]:
    return {str(word): int(value) for word, value in mapping.items()}


_DATA = _load()

MONTHS_BY_LANGUAGE: dict[str, dict[str, int]] = {language: _numbered(rows) for language, rows in _DATA["months"].items()}
MONTHS: dict[str, int] = {word: number for names in MONTHS_BY_LANGUAGE.values() for word, number in names.items()}
ENGLISH_MONTHS: dict[str, int] = MONTHS_BY_LANGUAGE["english"]
WEEKDAYS: dict[str, int] = {word: number - 1 for word, number in _numbered(_DATA["weekdays"]).items()}  # Monday = 0
WEEKDAY_NAMES: tuple[str, ...] = tuple(str(row[0]) for row in _DATA["weekdays"])
CARDINALS: dict[str, int] = _numbers(_DATA["cardinals"])
ORDINALS: dict[str, int] = _numbers(_DATA["ordinals"])
EDITION_WORDS: dict[str, int] = _numbers(_DATA["edition_words"])
YEAR_WORDS: tuple[str, ...] = tuple(str(word) for word in _DATA["year_words"])
MONTH_ENDINGS: tuple[str, ...] = tuple(str(word) for word in _DATA["month_endings"])
ANNIVERSARY_WORDS_BEFORE: tuple[str, ...] = tuple(str(word) for word in _DATA["anniversary_words"]["before_event"])
ANNIVERSARY_WORDS_AFTER: tuple[str, ...] = tuple(str(word) for word in _DATA["anniversary_words"]["after_event"])
TENSE_WORDS: dict[str, tuple[str, ...]] = {tense: tuple(str(w) for w in found) for tense, found in _DATA["tense_words"].items()}
RELATIVE_WORDS: dict[str, tuple[str, ...]] = {name: tuple(str(w) for w in found) for name, found in _DATA["relative_words"].items()}


@dataclass(frozen=True)
class Holiday:
    """A holiday on a fixed day that a greeting dates a text by (``holidays`` in the data file)."""

    name: str
    cues: tuple[str, ...]  # regexes that must all match the greeting's sentence
    month: int
    day: int
    first: int  # offsets in days from the holiday: the days a greeting is sent ...
    last: int
    best: int  # ... and the day most greetings are dated
    first_year: int | None = None  # a birthday's year of birth: "the 70th birthday" is in first_year + 70


def _holiday(row: dict[str, Any]) -> Holiday:
    month, day = (int(n) for n in row["day"])
    first_year = int(row["first_year"]) if row.get("first_year") is not None else None
    return Holiday(str(row["name"]), tuple(str(c) for c in row["cues"]), month, day, int(row["first"]), int(row["last"]), int(row["best"]), first_year)


GREETING_WORDS: tuple[str, ...] = tuple(str(word) for word in _DATA["greeting_words"])
HOLIDAYS: tuple[Holiday, ...] = tuple(_holiday(row) for row in _DATA["holidays"])


@dataclass(frozen=True)
class Serial:
    """A serial numbered by volume, one volume a year (``serials`` in the data file)."""

    name: str  # regex
    first_year: int  # the year of volume 1


SERIALS: tuple[Serial, ...] = tuple(Serial(str(row["name"]), int(row["first_year"])) for row in _DATA["serials"])
