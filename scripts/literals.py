"""Which of many regular expressions could match a text, found without running them.

Every match of ``President (Joe )?Biden`` contains "president " and "biden"; every match
of ``\\bSCO\\b|Shanghai Cooperation`` contains "sco" or "shanghai cooperation". A
:class:`LiteralIndex` keeps, for each key (an event, say), one such set of literal strings,
and gives back the keys whose literals occur in a text: only their regexes need running.

The filter is conservative: a key it leaves out cannot match (literals and text are
compared in lower case, so case-insensitive regexes are covered); a regex it cannot
analyse (no literal every match must contain) is always kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, Hashable, Iterable, TypeVar

try:  # the standard library's own regex parser (private, stable across 3.11-3.13)
    import re._parser as _sre  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - another Python: no filtering, every regex runs
    _sre = None

Key = TypeVar("Key", bound=Hashable)
GRAM = 3  # literals are bucketed by a run of GRAM word characters they contain
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4)
def _text_grams(lowered: str) -> frozenset[str]:
    """The grams of a text (kept for the few indexes that read the same article)."""
    return _grams(set(_WORD.findall(lowered)))


def _grams(words: Iterable[str]) -> frozenset[str]:
    """Every run of GRAM characters inside one of ``words``."""
    return frozenset(word[i : i + GRAM] for word in words for i in range(len(word) - GRAM + 1))
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective requirement: the longest shortest literal, then the fewest literals."""
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


def _required(items: Any) -> list[frozenset[str]]:
    """Requirements that every match of the parsed ``items`` meets, each a set of lower-case
    strings one of which the match contains (an empty list: none known)."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(value))
        elif name == "AT":
            continue  # \b, ^, $: zero width, the literals on either side stay adjacent
        elif name == "SUBPATTERN":
            flush()
            found += _required(value[-1])
        elif name == "BRANCH":
            flush()
            branches = [_best(_required(branch)) for branch in value[1]]
            if all(branches):
                found.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif name in _REPEATS:
            flush()
            if value[0] >= 1:
                found += _required(value[2])
        else:  # classes, '.', lookarounds, back-references: no literal, and the run breaks
            flush()
    flush()
    return [r for r in found if r and all(lit.strip() for lit in r)]  # a bare space selects nothing


def required_literals(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Requirements every match of ``pattern`` meets: sets of lower-case strings, one string of
    each set in the match (empty: none known, any text may match)."""
    return _literals_of(pattern.pattern, pattern.flags)


@lru_cache(maxsize=None)
def _literals_of(pattern: str, flags: int) -> tuple[frozenset[str], ...]:
    """Calendars repeat patterns (an organisation's name, a year) across many events: parse each once."""
    if _sre is None:
        return ()
    try:
        return tuple(dict.fromkeys(_required(_sre.parse(pattern, flags))))
    except Exception:  # noqa: BLE001 - an unusual pattern is simply not filtered
        return ()




def conjunction(patterns: Iterable[re.Pattern[str]]) -> tuple[frozenset[str], ...]:
    """The requirements of regexes that must all match one text."""
    return tuple(dict.fromkeys(r for p in patterns for r in required_literals(p)))


@dataclass(frozen=True)
class LiteralIndex(Generic[Key]):
    """Keys, each with alternatives (any may match) that are conjunctions of requirements.

    A text is read once for every literal of every requirement (through the first GRAM
    characters, so only literals that may be there are looked for). Each alternative is
    filed under its *gate*, the requirement whose literals are rarest in the index; the
    alternatives of the gates found are kept when their other requirements are met too.
    """

    always: tuple[Key, ...]
    buckets: dict[str, tuple[tuple[str, frozenset[str]], ...]]  # a gram -> (literal, every gram of it)
    short: tuple[str, ...]  # literals without GRAM word characters in a row
    gated: dict[str, tuple[int, ...]]  # gate literal -> alternatives
    alternatives: tuple[tuple[Key, tuple[frozenset[str], ...]], ...]  # key, requirements besides the gate

    @classmethod
    def build(cls, alternatives: Iterable[tuple[Key, tuple[frozenset[str], ...]]]) -> "LiteralIndex[Key]":
        listed = list(alternatives)
        frequency: dict[str, int] = {}
        for _, requirements in listed:
            for literal in {lit for requirement in requirements for lit in requirement}:
                frequency[literal] = frequency.get(literal, 0) + 1
        always: list[Key] = []
        gated: dict[str, list[int]] = {}
        rest: list[tuple[Key, tuple[frozenset[str], ...]]] = []
        for key, requirements in listed:
            if not requirements:
                always.append(key)
                continue
            gate = min(requirements, key=lambda r: (max(0, 4 - min(map(len, r))), sum(frequency[lit] for lit in r), sorted(r)))
            for literal in gate:
                gated.setdefault(literal, []).append(len(rest))
            rest.append((key, tuple(r for r in requirements if r is not gate)))
        buckets: dict[str, list[tuple[str, frozenset[str]]]] = {}
        short: list[str] = []
        grams_of = {literal: _grams(_WORD.findall(literal)) for literal in frequency}
        shared: dict[str, int] = {}
        for grams in grams_of.values():
            for gram in grams:
                shared[gram] = shared.get(gram, 0) + 1
        for literal in sorted(frequency):
            grams = grams_of[literal]
            if grams:  # filed under its rarest gram: few literals are read for a common one
                buckets.setdefault(min(grams, key=lambda g: (shared[g], g)), []).append((literal, grams))
            else:
                short.append(literal)
        return cls(
            always=tuple(dict.fromkeys(always)),
            buckets={gram: tuple(literals) for gram, literals in buckets.items()},
            short=tuple(short),
            gated={literal: tuple(numbers) for literal, numbers in gated.items()},
            alternatives=tuple(rest),
        )

    def present(self, lowered: str, among: frozenset[str] | None = None) -> set[str]:
        """The index's literals that occur in ``lowered`` (a lower-cased text); with ``among`` (the
        literals of a larger text this one is part of), only those are looked for."""
        if among is not None:
            return {literal for literal in among if literal in lowered}
        # every run of GRAM word characters of a literal lies inside a word of the text
        grams = _text_grams(lowered)
        found = {literal for gram in grams & self.buckets.keys() for literal, needs in self.buckets[gram] if needs <= grams and literal in lowered}
        return found | {literal for literal in self.short if literal in lowered}

    def relevant(self, text: str) -> frozenset[str]:
        """The literals of ``text`` (a whole document) that belong to alternatives it may match: the
        only ones worth looking for in its parts (``among`` of :meth:`candidates`)."""
        present = self.present(text.lower())
        useful: set[str] = set()
        for gate in present & self.gated.keys():
            for number in self.gated[gate]:
                _, requirements = self.alternatives[number]
                if all(not requirement.isdisjoint(present) for requirement in requirements):
                    useful.add(gate)
                    useful.update(*requirements)
        return frozenset(useful & present)

    def candidates(self, text: str, among: frozenset[str] | None = None) -> set[Key]:
        """The keys whose regexes may match ``text`` (every key that can is among them). ``among``:
        the literals present in a document ``text`` is part of (:meth:`present` of the whole), so
        that each of its sentences is read only for those."""
        present = self.present(text.lower(), among)
        found: set[Key] = set(self.always)
        for literal in present & self.gated.keys():
            for number in self.gated[literal]:
                key, requirements = self.alternatives[number]
                if key not in found and all(not requirement.isdisjoint(present) for requirement in requirements):
                    found.add(key)
        return found
