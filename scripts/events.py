"""The events calendar (``registry/events.yaml``): dated events of Central Asia and its
neighbours, with the phrases ("cues") that name them in a sentence.

The date extractor uses it to date articles that report an event as current or
recent, to count the days of a war ("the 447th day of the war") or the years of
an anniversary, and to bound a publication date ("President Tokayev" cannot be
written before 2019-03-20; "President Nazarbayev says" was probably written
before 2019-03-19).
The file format is documented in ``registry/EVENTS.md``.

``python -m scripts.events`` checks the file and prints every problem.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterator

from . import paths, yamlio
from .datewords import EDITION_WORDS, ORDINALS
from .literals import LiteralIndex, conjunction
from .problems import Problem, ProblemsError

EVENTS_FILE = paths.REGISTRY / "events.yaml"

KINDS: tuple[str, ...] = (
    "summit",
    "meeting",
    "forum",
    "visit",
    "election",
    "referendum",
    "inauguration",
    "term",
    "war",
    "conflict",
    "unrest",
    "attack",
    "death",
    "agreement",
    "disaster",
    "founding",
    "accession",
    "suspension",
    "sanctions",
    "other",
)
FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "start",
    "end",
    "ongoing",
    "place",
    "countries",
    "url",
    "ordinal",
    "ordinal_cue",
    "cues",
    "since_start",
    "since_end",
    "until_end",
    "counted",
    "day_cues",
    "note",
)
REQUIRED: tuple[str, ...] = ("id", "name", "kind", "start")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FLAGS = re.IGNORECASE

ORDINAL_WORDS: dict[str, int] = ORDINALS | EDITION_WORDS  # 'the second summit', 'the inaugural summit'
_ORDINAL_TOKEN = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)\b|\b(" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")\b",
    FLAGS,
)


def _search(regex: re.Pattern[str], text: str, memo: dict[str, Any] | None) -> re.Match[str] | None:
    if memo is None:
        return regex.search(text)
    if regex.pattern not in memo:
        memo[regex.pattern] = regex.search(text)
    return memo[regex.pattern]  # type: ignore[no-any-return]


def _ordinal_value(token: re.Match[str]) -> int:
    return int(token.group(1)) if token.group(1) else ORDINAL_WORDS[token.group(2).lower()]


def _ordinal_before(before: str) -> int | None:
    """The ordinal ending ``before`` (at most three words from its end), e.g. 'the 22nd meeting of the'."""
    tokens = list(_ORDINAL_TOKEN.finditer(before))
    if not tokens:
        return None
    gap = before[tokens[-1].end() :]
    if len(re.findall(r"[\w'’-]+", gap)) > 3 or re.search(r"[.;:!?]", gap):
        return None
    return _ordinal_value(tokens[-1])


def _ordinal_after(after: str) -> int | None:
    """An apposition right after the name: ', the first of its kind', ' (the second)'."""
    match = re.match(r"^\s*[,(–—-]\s*(?:the\s+)?", after)
    token = _ORDINAL_TOKEN.match(after, match.end()) if match else None
    return _ordinal_value(token) if token else None


@dataclass(frozen=True)
class Event:
    """One dated event; ``end`` is None while it is ongoing (a war, a term of office)."""

    id: str
    name: str
    kind: str
    start: dt.date
    end: dt.date | None
    place: str | None = None
    ordinal: int | None = None
    ordinal_cue: re.Pattern[str] | None = None
    cues: tuple[tuple[re.Pattern[str], ...], ...] = ()
    since_start: tuple[re.Pattern[str], ...] = ()
    since_end: tuple[re.Pattern[str], ...] = ()
    until_end: tuple[re.Pattern[str], ...] = ()  # phrases written while it lasted ("President Nazarbayev")
    counted: str | None = None  # None | "yes" | "default": "day N of <this>" counts from start
    day_cues: tuple[re.Pattern[str], ...] = ()
    file: str = ""
    line: int = 0

    @property
    def days(self) -> int | None:
        """Length in days (inclusive), None while ongoing."""
        return None if self.end is None else (self.end - self.start).days + 1

    def span(self) -> str:
        """'2023-05-18..2023-05-19', '2022-02-24..' or '2016-09-02'."""
        if self.end is None:
            return f"{self.start.isoformat()}.."
        if self.end == self.start:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def cue_match(self, sentence: str, memo: dict[str, Any] | None = None) -> re.Match[str] | None:
        """The first-regex match of the first cue whose regexes all match ``sentence``.

        ``memo`` (one per sentence) shares the searches of regexes that many events use.
        """
        for cue in self.cues:
            first = _search(cue[0], sentence, memo)
            if first and all(_search(regex, sentence, memo) for regex in cue[1:]):
                return first
        return None

    def cue_spread(self, sentence: str) -> int | None:
        """How many characters the tightest matching cue spans in ``sentence`` (None: no cue matches).

        When one sentence could name several editions, the tightest reading is the likelier one.
        """
        spreads = []
        for cue in self.cues:
            found = [regex.search(sentence) for regex in cue]
            if all(found):
                spreads.append(max(m.end() for m in found if m) - min(m.start() for m in found if m))
        return min(spreads) if spreads else None

    def ordinals_in(self, sentence: str, memo: dict[str, Any] | None = None) -> list[tuple[int, re.Match[str]]]:
        """(ordinal, match) for each mention of this event's series that carries an ordinal.

        The ordinal stands before the series name ("the second China-Central Asia
        summit", "the 22nd meeting of the SCO Council") or right after it ("this
        China-Central Asia summit, the first of its kind").
        """
        if self.ordinal_cue is None:
            return []
        key = "ordinals:" + self.ordinal_cue.pattern
        if memo is not None and key in memo:
            return memo[key]  # type: ignore[no-any-return]
        found = []
        for match in self.ordinal_cue.finditer(sentence):
            number = _ordinal_before(sentence[max(0, match.start() - 40) : match.start()])
            if number is None:
                number = _ordinal_after(sentence[match.end() : match.end() + 30])
            if number is not None:
                found.append((number, match))
        if memo is not None:
            memo[key] = found
        return found

    def match(self, sentence: str, memo: dict[str, Any] | None = None) -> re.Match[str] | None:
        """Where ``sentence`` names this event, or None.

        A cue or "<ordinal> <ordinal_cue>" names it; a sentence that numbers the
        series only with other ordinals ("the second China-Central Asia summit")
        does not name this edition even when a cue matches.
        """
        ordinals = self.ordinals_in(sentence, memo)
        for number, found in ordinals:
            if number == self.ordinal:
                return found
        if ordinals and self.ordinal is not None:
            return None
        return self.cue_match(sentence, memo)


@dataclass(frozen=True)
class Calendar:
    """The events, with indexes that find the few whose cues may match a sentence.

    With thousands of events, a sentence is only matched against the events whose cues'
    literal words it contains (see :mod:`scripts.literals`); the result is the same as
    matching every event.
    """

    events: tuple[Event, ...]

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def get(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def counted(self) -> tuple[Event, ...]:
        """Events whose days are counted ("day 447 of the war"), the default first."""
        found = [e for e in self.events if e.counted]
        return tuple(sorted(found, key=lambda e: e.counted != "default"))

    @cached_property
    def _naming_index(self) -> LiteralIndex[int]:
        """Each event under each of its cues (all regexes in one sentence) and its ordinal cue."""
        return LiteralIndex.build(
            (number, conjunction(patterns))
            for number, event in enumerate(self.events)
            for patterns in (*event.cues, *([(event.ordinal_cue,)] if event.ordinal_cue is not None else []))
        )

    @cached_property
    def _phrase_index(self) -> LiteralIndex[int]:
        """Each event under each of its since_start, since_end and until_end phrases."""
        return LiteralIndex.build(
            (number, conjunction([regex]))
            for number, event in enumerate(self.events)
            for regex in (*event.since_start, *event.since_end, *event.until_end)
        )

    def named_in(self, sentence: str) -> list[tuple[Event, re.Match[str]]]:
        """Every event the sentence names, with where (in calendar order)."""
        found = []
        memo: dict[str, Any] = {}
        for number in sorted(self._naming_index.candidates(sentence)):
            event = self.events[number]
            where = event.match(sentence, memo)
            if where is not None:
                found.append((event, where))
        return found

    def with_phrases_in(self, text: str) -> list[Event]:
        """The events (in calendar order) whose since_start, since_end or until_end phrases may
        occur in ``text``: every event with a phrase that does occur is among them."""
        return [self.events[number] for number in sorted(self._phrase_index.candidates(text))]


# --- loading and checking -------------------------------------------------------------


def _date_value(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _item_line(lines: list[str], from_line: int, text: str) -> int:
    """The line (1-based, at or after ``from_line``) whose text contains ``text``, else ``from_line``."""
    for index in range(max(from_line - 1, 0), min(len(lines), from_line + 60)):
        if text and text in lines[index]:
            return index + 1
    return from_line


def _compile(pattern: Any, where: int, field: str, file: str, lines: list[str]) -> tuple[re.Pattern[str] | None, list[Problem]]:
    if not isinstance(pattern, str) or not pattern.strip():
        return None, [Problem(file, where, "a cue must be a non-empty string (a regular expression)", field)]
    if re.search(r"\\\\[bdswBDSW]", pattern):
        line = _item_line(lines, where, pattern)
        return None, [Problem(file, line, f"{pattern!r} has a doubled backslash: in single quotes write one ('\\b', not '\\\\b')", field)]
    try:
        return re.compile(pattern, FLAGS), []
    except re.error as error:
        line = _item_line(lines, where, pattern)
        return None, [Problem(file, line, f"invalid regular expression {pattern!r}: {error}", field)]


def _regex_list(entry: dict[str, Any], field: str, file: str, lines: list[str]) -> tuple[tuple[re.Pattern[str], ...], list[Problem]]:
    value = entry.get(field)
    where = yamlio.line_of(entry, field)
    if value is None:
        return (), []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        return (), [Problem(file, where, "must be a non-empty list of regular expressions", field)]
    compiled, problems = [], []
    for pattern in value:
        regex, found = _compile(pattern, where, field, file, lines)
        problems += found
        if regex is not None:
            compiled.append(regex)
    return tuple(compiled), problems


def _cues(entry: dict[str, Any], file: str, lines: list[str]) -> tuple[tuple[tuple[re.Pattern[str], ...], ...], list[Problem]]:
    value = entry.get("cues")
    where = yamlio.line_of(entry, "cues")
    if value is None:
        return (), []
    if not isinstance(value, list) or not value:
        return (), [Problem(file, where, "must be a list of cues; a cue is a list of regular expressions", "cues")]
    cues, problems = [], []
    for cue in value:
        patterns = [cue] if isinstance(cue, str) else cue
        if not isinstance(patterns, list) or not patterns:
            problems.append(Problem(file, where, "each cue must be a non-empty list of regular expressions", "cues"))
            continue
        compiled = []
        for pattern in patterns:
            regex, found = _compile(pattern, where, "cues", file, lines)
            problems += found
            if regex is not None:
                compiled.append(regex)
        if len(compiled) == len(patterns):
            cues.append(tuple(compiled))
    return tuple(cues), problems


def _shape_problems(entry: Any, file: str) -> list[Problem]:
    """Missing or unknown fields, wrong kinds of values (not dates or regexes)."""
    line = yamlio.line_of(entry)
    if not isinstance(entry, dict):
        return [Problem(file, line, "each event must be a mapping ('- id: ...')")]
    problems = [
        Problem(file, line, f"missing required field '{name}'", name) for name in REQUIRED if entry.get(name) in (None, "")
    ]
    for key in entry:
        if key not in FIELDS:
            problems.append(Problem(file, yamlio.line_of(entry, key), f"unknown field '{key}' (allowed: {', '.join(FIELDS)})", str(key)))
    if isinstance(entry.get("id"), str) and not ID_PATTERN.match(entry["id"]):
        problems.append(Problem(file, yamlio.line_of(entry, "id"), f"id '{entry['id']}' must be lower-case words joined by '-'", "id"))
    if entry.get("kind") is not None and entry.get("kind") not in KINDS:
        problems.append(Problem(file, yamlio.line_of(entry, "kind"), f"'{entry.get('kind')}' is not one of {', '.join(KINDS)}", "kind"))
    ordinal = entry.get("ordinal")
    if ordinal is not None and (not isinstance(ordinal, int) or isinstance(ordinal, bool) or ordinal < 1):
        problems.append(Problem(file, yamlio.line_of(entry, "ordinal"), "must be a positive whole number", "ordinal"))
    if entry.get("counted") not in (None, True, False, "default"):
        problems.append(Problem(file, yamlio.line_of(entry, "counted"), "must be true or 'default'", "counted"))
    if entry.get("ongoing") not in (None, True, False):
        problems.append(Problem(file, yamlio.line_of(entry, "ongoing"), "must be true or false", "ongoing"))
    for key in ("name", "place", "note", "url"):
        if entry.get(key) is not None and not isinstance(entry.get(key), str):
            problems.append(Problem(file, yamlio.line_of(entry, key), "must be text", key))
    return problems


def _dates(entry: dict[str, Any], file: str) -> tuple[dt.date | None, dt.date | None, list[Problem]]:
    """start, end (None while ongoing) and their problems."""
    problems = []
    start = _date_value(entry.get("start"))
    if entry.get("start") is not None and start is None:
        problems.append(Problem(file, yamlio.line_of(entry, "start"), f"'{entry.get('start')}' is not a real date (YYYY-MM-DD)", "start"))
    end = _date_value(entry.get("end")) if entry.get("end") is not None else start
    if entry.get("end") is not None and end is None:
        problems.append(Problem(file, yamlio.line_of(entry, "end"), f"'{entry.get('end')}' is not a real date (YYYY-MM-DD)", "end"))
    if entry.get("ongoing") is True:
        if entry.get("end") is not None:
            problems.append(Problem(file, yamlio.line_of(entry, "ongoing"), "an ongoing event has no 'end'", "ongoing"))
        end = None
    if start and end and end < start:
        problems.append(Problem(file, yamlio.line_of(entry, "end"), f"end {end.isoformat()} is before start {start.isoformat()}", "end"))
    return start, end, problems


def _event_from_entry(entry: dict[str, Any], file: str, lines: list[str]) -> tuple[Event | None, list[Problem]]:
    problems = _shape_problems(entry, file)
    if not isinstance(entry, dict):
        return None, problems
    start, end, found = _dates(entry, file)
    problems += found
    cues, found = _cues(entry, file, lines)
    problems += found
    lists: dict[str, tuple[re.Pattern[str], ...]] = {}
    for field in ("since_start", "since_end", "until_end", "day_cues"):
        lists[field], found = _regex_list(entry, field, file, lines)
        problems += found
    ordinal_cue = None
    if entry.get("ordinal_cue") is not None:
        ordinal_cue, found = _compile(entry["ordinal_cue"], yamlio.line_of(entry, "ordinal_cue"), "ordinal_cue", file, lines)
        problems += found
    if lists["until_end"] and entry.get("ongoing") is True:
        problems.append(Problem(file, yamlio.line_of(entry, "until_end"), "an ongoing event has no end for 'until_end'", "until_end"))
    if problems or start is None:
        return None, problems
    counted = entry.get("counted")
    event = Event(
        id=str(entry["id"]),
        name=str(entry["name"]),
        kind=str(entry["kind"]),
        start=start,
        end=end,
        place=entry.get("place"),
        ordinal=entry.get("ordinal"),
        ordinal_cue=ordinal_cue,
        cues=cues,
        since_start=lists["since_start"],
        since_end=lists["since_end"],
        until_end=lists["until_end"],
        counted="default" if counted == "default" else ("yes" if counted is True else None),
        day_cues=lists["day_cues"],
        file=file,
        line=yamlio.line_of(entry),
    )
    return event, []


def _invalid_date_lines(text: str, file: str) -> list[Problem]:
    """Unquoted impossible dates (2023-02-30), which the YAML reader itself cannot build."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = re.match(r"^\s*(?:-\s+)?([\w-]+)\s*:\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*(?:#.*)?$", line)
        if not found:
            continue
        try:
            dt.date(int(found.group(2)), int(found.group(3)), int(found.group(4)))
        except ValueError as error:
            value = f"{found.group(2)}-{found.group(3)}-{found.group(4)}"
            problems.append(Problem(file, number, f"'{value}' is not a real date ({error})", found.group(1)))
    return problems


def parse_events(text: str, file: str = "registry/events.yaml") -> Calendar:
    """Read and check a calendar's YAML text; raise :class:`ProblemsError` listing every problem."""
    problems = _invalid_date_lines(text, file)
    if problems:
        raise ProblemsError(problems)
    try:
        entries = yamlio.load(text) or []
    except yamlio.YamlError as error:
        raise ProblemsError([Problem(file, error.line or 1, error.message)]) from None
    except ValueError as error:  # a value YAML cannot construct
        raise ProblemsError([Problem(file, 1, f"unreadable value: {error}")]) from None
    if not isinstance(entries, list):
        raise ProblemsError([Problem(file, 1, "the calendar must be a YAML list of events ('- id: ...')")])
    lines = text.splitlines()
    events: list[Event] = []
    seen: dict[str, int] = {}
    for entry in entries:
        event, found = _event_from_entry(entry, file, lines)
        problems += found
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(entry_id, str):
            line = yamlio.line_of(entry, "id")
            if entry_id in seen:
                problems.append(Problem(file, line, f"duplicate id '{entry_id}' (first on line {seen[entry_id]})", "id"))
                continue
            seen[entry_id] = line
        if event is not None:
            events.append(event)
    defaults = [e for e in events if e.counted == "default"]
    for extra in defaults[1:]:
        problems.append(Problem(file, extra.line, f"only one event may be counted: default (also '{defaults[0].id}')", "counted"))
    if problems:
        raise ProblemsError(problems)
    return Calendar(tuple(events))


def load_events(path: Path = EVENTS_FILE, registry: object | None = None) -> Calendar:
    """Read and check ``events.yaml`` (``registry`` is accepted for the checker's sake, unused)."""
    file = paths.relative(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemsError([Problem(file, 1, "no such file")]) from None
    except UnicodeDecodeError as error:
        raise ProblemsError([Problem(file, 1, f"not UTF-8 text ({error.reason} at byte {error.start})")]) from None
    return parse_events(text, file)


load_calendar = load_events


@lru_cache(maxsize=4)
def default_calendar(path: Path = EVENTS_FILE) -> Calendar:
    """The repository's calendar, loaded once per process."""
    return load_events(path)


def main(argv: list[str] | None = None) -> int:
    """Check the calendar; print every problem; exit status 1 if any."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else EVENTS_FILE
    try:
        calendar = load_events(path)
    except ProblemsError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"ok: {len(calendar)} events in {paths.relative(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
