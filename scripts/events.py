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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]  # the parser re itself uses
from re import _parser as sre_parse
from typing import Any, Iterator, Sequence

from . import cuescan, paths, schemas, yamlio
from .datewords import EDITION_WORDS, ORDINALS
from .literals import LiteralIndex, conjunction
from .problems import Problem, ProblemsError

EVENTS_FILE = paths.REGISTRY / "events.yaml"

SCHEMA_NAME = "events"
# The contract of an event is its JSON Schema (docs/schemas/events.schema.json); these come from it.
KINDS: tuple[str, ...] = tuple(schemas.schema(SCHEMA_NAME)["items"]["properties"]["kind"]["enum"])
FIELDS: tuple[str, ...] = tuple(schemas.schema(SCHEMA_NAME)["items"]["properties"])
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
    return memo[regex.pattern]


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

    def cue_spans(self, sentence: str) -> frozenset[tuple[int, int]]:
        """Where the regexes of the tightest cue that matches ``sentence`` match it (empty: no cue
        matches). Two events whose spans share none are named by different words of the sentence."""
        best: tuple[int, frozenset[tuple[int, int]]] | None = None
        for cue in self.cues:
            found = [regex.search(sentence) for regex in cue]
            if all(found):
                spans = frozenset(m.span() for m in found if m)
                spread = max(end for _, end in spans) - min(start for start, _ in spans)
                if best is None or spread < best[0]:
                    best = (spread, spans)
        return best[1] if best else frozenset()

    def cue_positions(self, sentence: str) -> list[int]:
        """Where each regex of every cue that matches ``sentence`` matches it (sorted starts): the
        places a phrase about the event may refer to ('the 30th anniversary of permanent neutrality')."""
        found: set[int] = set()
        for cue in self.cues:
            matches = [list(regex.finditer(sentence)) for regex in cue]
            if all(matches):
                found.update(m.start() for ms in matches for m in ms)
        return sorted(found)

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
            return memo[key]
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


@dataclass
class _Built:
    """What a :class:`Calendar` works out from its events when first needed (an explicit slot, not
    ``functools.cached_property``, which a module compiled by ``scripts/accel.py`` cannot keep)."""

    horizon: int | None = None
    counted: tuple[Event, ...] | None = None
    naming_index: LiteralIndex[int] | None = None
    phrase_index: LiteralIndex[int] | None = None
    naming_scanner: cuescan.Scanner[int] | None = None
    phrase_scanner: cuescan.Scanner[int] | None = None


@dataclass(frozen=True)
class Calendar:
    """The events, with indexes that find the few whose cues may match a sentence.

    With thousands of events, a sentence is only matched against the events whose cues'
    literal words it contains (see :mod:`scripts.literals`); the result is the same as
    matching every event.
    """

    events: tuple[Event, ...]
    _lazy: _Built = field(default_factory=lambda: _Built(), init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def get(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def horizon(self) -> int:
        """The calendar's present: the year after its latest event (a date without a year is not
        placed later; no clock is read)."""
        return self._horizon

    @property
    def _horizon(self) -> int:
        if self._lazy.horizon is None:
            self._lazy.horizon = max((e.end or e.start for e in self.events), default=dt.date(2000, 1, 1)).year + 1
        return self._lazy.horizon

    def counted(self) -> tuple[Event, ...]:
        """Events whose days are counted ("day 447 of the war"), the default first."""
        return self._counted

    @property
    def _counted(self) -> tuple[Event, ...]:
        if self._lazy.counted is None:
            found = [e for e in self.events if e.counted]
            self._lazy.counted = tuple(sorted(found, key=lambda e: e.counted != "default"))
        return self._lazy.counted

    @property
    def _naming_index(self) -> LiteralIndex[int]:
        """Each event under each of its cues (all regexes in one sentence) and its ordinal cue."""
        if self._lazy.naming_index is None:
            self._lazy.naming_index = LiteralIndex.build(
                (number, conjunction(patterns))
                for number, event in enumerate(self.events)
                for patterns in (*event.cues, *([(event.ordinal_cue,)] if event.ordinal_cue is not None else []))
            )
        return self._lazy.naming_index

    @property
    def _phrase_index(self) -> LiteralIndex[int]:
        """Each event under each of its since_start, since_end and until_end phrases."""
        if self._lazy.phrase_index is None:
            self._lazy.phrase_index = LiteralIndex.build(
                (number, conjunction([regex]))
                for number, event in enumerate(self.events)
                for regex in (*event.since_start, *event.since_end, *event.until_end)
            )
        return self._lazy.phrase_index

    @property
    def _naming_scanner(self) -> cuescan.Scanner[int]:
        if self._lazy.naming_scanner is None:
            self._lazy.naming_scanner = cuescan.Scanner.of(self._naming_index)
        return self._lazy.naming_scanner

    @property
    def _phrase_scanner(self) -> cuescan.Scanner[int]:
        if self._lazy.phrase_scanner is None:
            self._lazy.phrase_scanner = cuescan.Scanner.of(self._phrase_index)
        return self._lazy.phrase_scanner

    def cue_words_in(self, text: str) -> frozenset[str]:
        """The literal words of the calendar's cues that occur in ``text`` (a whole article): pass
        them to :meth:`named_in` for each of its sentences, which are then read only for those."""
        return self._naming_index.relevant(text)

    def named_in(self, sentence: str, among: frozenset[str] | None = None) -> list[tuple[Event, re.Match[str]]]:
        """Every event the sentence names, with where (in calendar order). ``among``: the
        :meth:`cue_words_in` of the article the sentence is part of."""
        found = []
        memo: dict[str, Any] = {}
        for number in sorted(self._naming_index.candidates(sentence, among)):
            event = self.events[number]
            where = event.match(sentence, memo)
            if where is not None:
                found.append((event, where))
        return found

    def named_in_sentences(self, sentences: Sequence[str]) -> list[list[tuple[Event, re.Match[str]]]]:
        """:meth:`named_in` of each of the sentences of one article, the article read once for the
        cues' literal words (:mod:`scripts.cuescan`)."""
        named = []
        for sentence, numbers in zip(sentences, cuescan.candidates_by_part(self._naming_scanner, sentences)):
            memo: dict[str, Any] = {}
            found = []
            for number in sorted(numbers):
                where = self.events[number].match(sentence, memo)
                if where is not None:
                    found.append((self.events[number], where))
            named.append(found)
        return named

    def with_phrases_in(self, text: str) -> list[Event]:
        """The events (in calendar order) whose since_start, since_end or until_end phrases may
        occur in ``text``: every event with a phrase that does occur is among them."""
        return [self.events[number] for number in sorted(cuescan.candidates(self._phrase_scanner, text))]


# --- loading and checking -------------------------------------------------------------
# The file is read like every input: safe YAML with lines, then its JSON Schema
# (docs/schemas/events.schema.json: fields, kinds, forms, limits), then the checks
# below: real dates in order, regular expressions that compile and cannot blow up,
# unique ids, one default war.

MAX_REGEX_LENGTH = 400


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


def _unbounded(node: Any) -> bool:
    """True when a parsed regex node repeats without bound ('+', '*', '{n,}')."""
    return node[0] in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and node[1][1] == sre_constants.MAXREPEAT


def _nested_repeat(items: Any, inside: bool = False) -> bool:
    """True when an unbounded repeat holds another (``(a+)+``, ``(\\w+\\s?)*``): catastrophic backtracking."""
    for op, arg in items:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            unbounded = arg[1] == sre_constants.MAXREPEAT
            if unbounded and inside:
                return True
            if _nested_repeat(arg[2], inside or unbounded):
                return True
        elif op == sre_constants.SUBPATTERN:
            if _nested_repeat(arg[3], inside):
                return True
        elif op == sre_constants.BRANCH:
            if any(_nested_repeat(branch, inside) for branch in arg[1]):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if _nested_repeat(arg[1], inside):
                return True
    return False


@lru_cache(maxsize=None)
def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` may not be a cue, or None: it must compile and must not backtrack without bound."""
    if re.search(r"\\\\[bdswBDSW]", pattern):
        return f"{pattern!r} has a doubled backslash: in single quotes write one ('\\b', not '\\\\b')"
    try:
        parsed = sre_parse.parse(pattern, FLAGS)
    except re.error as error:
        return f"invalid regular expression {pattern!r}: {error}"
    if _nested_repeat(list(parsed)):
        return (f"{pattern!r} repeats a repetition ('(a+)+'), which can take forever on some sentences: "
                "write the inner part without '+' or '*'")
    return None


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    """One compiled pattern per distinct cue (the calendar repeats many: 'Astana|Nur-Sultan')."""
    return re.compile(pattern, FLAGS)


@dataclass
class _Reader:
    """Compiles the regular expressions of one calendar file, collecting the problems."""

    file: str
    problems: list[Problem]

    def regex(self, pattern: str, line: int, field: str) -> re.Pattern[str] | None:
        why = regex_problem(pattern)
        if why is not None:
            self.problems.append(Problem(self.file, line, why, field))
            return None
        return _compiled(pattern)

    def regexes(self, entry: dict[str, Any], field: str) -> tuple[re.Pattern[str], ...] | None:
        """The compiled list ``field`` (None when one of them is refused)."""
        patterns = entry.get(field) or []
        compiled = [self.regex(p, yamlio.item_line(patterns, i, yamlio.line_of(entry, field)), field)
                    for i, p in enumerate(patterns)]
        return None if None in compiled else tuple(c for c in compiled if c is not None)

    def cues(self, entry: dict[str, Any]) -> tuple[tuple[re.Pattern[str], ...], ...] | None:
        value = entry.get("cues") or []
        out = []
        for index, cue in enumerate(value):
            line = yamlio.item_line(value, index, yamlio.line_of(entry, "cues"))
            patterns = [cue] if isinstance(cue, str) else cue
            compiled = [self.regex(p, line, "cues") for p in patterns]
            if None in compiled:
                return None
            out.append(tuple(c for c in compiled if c is not None))
        return tuple(out)


def _event_from_entry(entry: dict[str, Any], reader: _Reader) -> Event | None:
    """The :class:`Event` of a schema-valid entry, or None (its problems told to ``reader``)."""
    file = reader.file
    before = len(reader.problems)
    start = _date_value(entry.get("start"))
    end = _date_value(entry.get("end")) if entry.get("end") is not None else start
    for key, value in (("start", start), ("end", end)):
        if entry.get(key) is not None and value is None:
            reader.problems.append(Problem(file, yamlio.line_of(entry, key), f"'{entry.get(key)}' is not a real date "
                                           "(YYYY-MM-DD)", key))
    if entry.get("ongoing") is True:
        if entry.get("end") is not None:
            reader.problems.append(Problem(file, yamlio.line_of(entry, "ongoing"), "an ongoing event has no 'end'", "ongoing"))
        if entry.get("until_end"):
            reader.problems.append(Problem(file, yamlio.line_of(entry, "until_end"),
                                           "an ongoing event has no end for 'until_end'", "until_end"))
        end = None
    if start and end and end < start:
        reader.problems.append(Problem(file, yamlio.line_of(entry, "end"), f"end {end.isoformat()} is before start "
                                       f"{start.isoformat()}", "end"))
    cues = reader.cues(entry)
    lists = {field: reader.regexes(entry, field) for field in ("since_start", "since_end", "until_end", "day_cues")}
    ordinal_cue = None
    if entry.get("ordinal_cue") is not None:
        ordinal_cue = reader.regex(entry["ordinal_cue"], yamlio.line_of(entry, "ordinal_cue"), "ordinal_cue")
    if len(reader.problems) > before or start is None or cues is None or None in lists.values():
        return None
    counted = entry.get("counted")
    return Event(
        id=str(entry["id"]),
        name=str(entry["name"]),
        kind=str(entry["kind"]),
        start=start,
        end=end,
        place=entry.get("place"),
        ordinal=entry.get("ordinal"),
        ordinal_cue=ordinal_cue,
        cues=cues,
        since_start=lists["since_start"] or (),
        since_end=lists["since_end"] or (),
        until_end=lists["until_end"] or (),
        counted="default" if counted == "default" else ("yes" if counted is True else None),
        day_cues=lists["day_cues"] or (),
        file=file,
        line=yamlio.line_of(entry),
    )


def _calendar(entries: list[Any], grouped: dict[int | None, list[Problem]], file: str) -> Calendar:
    """Check the entries the schema accepted; raise :class:`ProblemsError` listing every problem."""
    reader = _Reader(file, [p for found in grouped.values() for p in found])
    events: list[Event] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if grouped.get(index):
            continue
        line = yamlio.line_of(entry, "id")
        if entry["id"] in seen:
            reader.problems.append(Problem(file, line, f"duplicate id '{entry['id']}' (first on line {seen[entry['id']]})",
                                           "id"))
            continue
        seen[entry["id"]] = line
        event = _event_from_entry(entry, reader)
        if event is not None:
            events.append(event)
    defaults = [e for e in events if e.counted == "default"]
    for extra in defaults[1:]:
        reader.problems.append(Problem(file, extra.line, f"only one event may be counted: default (also "
                                       f"'{defaults[0].id}')", "counted"))
    if reader.problems:
        raise ProblemsError(reader.problems)
    return Calendar(tuple(events))


def parse_events(text: str, file: str = "registry/events.yaml") -> Calendar:
    """Read and check a calendar's YAML text; raise :class:`ProblemsError` listing every problem."""
    bounds = schemas.limits(SCHEMA_NAME)
    try:
        loaded = yamlio.load_checked(text, 1, max_bytes=bounds.max_bytes, max_depth=bounds.max_depth)
    except yamlio.YamlError as error:
        raise ProblemsError([Problem(file, error.line or 1, error.message)]) from None
    data = loaded.data if loaded.data is not None else []
    grouped = schemas.errors_by_entry(data, SCHEMA_NAME, file, entries=True)
    if loaded.duplicates:
        grouped.setdefault(None, []).extend(schemas.duplicate_problems(loaded.duplicates, file))
    return _calendar(data if isinstance(data, list) else [], grouped, file)


def load_events(path: Path = EVENTS_FILE, registry: object | None = None) -> Calendar:
    """Read and check ``events.yaml`` (``registry`` is accepted for the checker's sake, unused)."""
    file = paths.relative(path)
    entries, grouped = schemas.load_entries(path, SCHEMA_NAME, file)
    return _calendar(entries, grouped, file)


load_calendar = load_events


_DEFAULT_CALENDARS: dict[Path, Calendar] = {}


def default_calendar(path: Path = EVENTS_FILE) -> Calendar:
    """The repository's calendar, loaded once per process (or given by :mod:`scripts.warmstart`)."""
    if path not in _DEFAULT_CALENDARS:
        _DEFAULT_CALENDARS[path] = load_events(path)
    return _DEFAULT_CALENDARS[path]


def default_calendar_loaded(path: Path = EVENTS_FILE) -> bool:
    return path in _DEFAULT_CALENDARS


def use_as_default_calendar(calendar: Calendar, path: Path = EVENTS_FILE) -> None:
    """Make ``calendar`` (read from a cache of ``path``) what :func:`default_calendar` returns."""
    _DEFAULT_CALENDARS[path] = calendar


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
