"""Which literal words of a :class:`~scripts.literals.LiteralIndex` an article holds, and in which
of its sentences, found by reading the article's words once.

``LiteralIndex.candidates`` reads a text for every literal that may be in it. An article of
~60 sentences read so, sentence after sentence, for a calendar of thousands of cues, costs
milliseconds. Here:

* a literal made of word characters only ("summit", "tokayev", "eu") occurs in a text exactly when
  it is inside one of the text's words; which literals are inside a word is worked out once per
  distinct word and remembered (the press reuses its vocabulary), so an article costs a look-up
  per distinct word;
* a literal with other characters ("president ", "nur-sultan", "u.s.") is looked for in the text
  only when its longest run of word characters is inside one of the words; one with no word
  character at all ("%") is always looked for;
* each literal found that the article's alternatives need is located with ``str.find`` and given
  to the sentences it occurs in; a sentence's keys are those whose requirements its literals meet.

The result is exactly that of ``index.candidates(sentence, index.relevant(article))``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Generic, Hashable, Sequence, TypeVar

from mypy_extensions import mypyc_attr

from .literals import GRAM, LiteralIndex

Key = TypeVar("Key", bound=Hashable)
_WORD = re.compile(r"\w+")
WORD_CACHE = 200_000  # distinct pieces and words remembered per scanner (then forgotten all at once)


def _literals(index: LiteralIndex[Key]) -> set[str]:
    return {literal for bucket in index.buckets.values() for literal, _ in bucket} | set(index.short)


@mypyc_attr(native_class=False)  # compiled (scripts/accel.py), a generic frozen dataclass stays a Python class
@dataclass(frozen=True, eq=False)
class Scanner(Generic[Key]):
    """A :class:`LiteralIndex` with its literals filed by the runs of word characters they hold."""

    index: LiteralIndex[Key]
    by_gram: dict[str, tuple[str, ...]]  # the first GRAM characters of a run -> the runs
    short_runs: frozenset[str]  # runs shorter than GRAM
    plain: frozenset[str]  # literals of word characters only: each is its own run
    checked: dict[str, tuple[str, ...]]  # a run -> the literals with other characters it is the longest run of
    runs: dict[str, frozenset[str]]  # a literal with other characters than word ones -> its runs
    unkeyed: tuple[str, ...]  # literals without a word character: always looked for
    cache: dict[str, frozenset[str]] = field(default_factory=dict)  # a piece of text between spaces -> the runs inside its words
    word_cache: dict[str, frozenset[str]] = field(default_factory=dict)  # a word -> the runs inside it

    @classmethod
    def of(cls, index: LiteralIndex[Key]) -> "Scanner[Key]":
        plain: set[str] = set()
        checked: dict[str, list[str]] = {}
        runs: dict[str, frozenset[str]] = {}
        unkeyed = []
        for literal in sorted(_literals(index)):
            found = _WORD.findall(literal)
            if not found:
                unkeyed.append(literal)
            elif found == [literal]:
                plain.add(literal)
            else:
                runs[literal] = frozenset(found)
                checked.setdefault(max(found, key=len), []).append(literal)
        every_run = {run for found in runs.values() for run in found} | plain
        by_gram: dict[str, list[str]] = {}
        for run in sorted(every_run):
            if len(run) >= GRAM:
                by_gram.setdefault(run[:GRAM], []).append(run)
        return cls(index, {g: tuple(r) for g, r in by_gram.items()}, frozenset(r for r in every_run if len(r) < GRAM),
                   frozenset(plain), {r: tuple(ls) for r, ls in checked.items()}, runs, tuple(unkeyed))

    def in_word(self, word: str) -> frozenset[str]:
        """The runs of the literals that are inside ``word``."""
        inside = [run for i in range(len(word) - GRAM + 1) for run in self.by_gram.get(word[i : i + GRAM], ()) if word.startswith(run, i)]
        pieces = {word[i : i + size] for size in range(1, GRAM) for i in range(len(word) - size + 1)}
        return frozenset(inside).union(pieces & self.short_runs)

    def _in_word_remembered(self, word: str) -> frozenset[str]:
        """:meth:`in_word`, worked out once per distinct word (new pieces of text, such as links and
        numbers, are mostly made of words seen before)."""
        runs = self.word_cache.get(word)
        if runs is None:
            runs = self.word_cache[word] = self.in_word(word)
        return runs

    def runs_in(self, lowered: str) -> set[str]:
        """The runs of the literals that are inside the words of ``lowered``. The text is cut at its
        white space (quicker than into words), and what each piece holds is remembered."""
        pieces = set(lowered.split())
        cache = self.cache
        new = pieces.difference(cache)
        if new:
            if len(cache) + len(new) > WORD_CACHE or len(self.word_cache) > WORD_CACHE:
                cache.clear()
                self.word_cache.clear()
                new = pieces
            for piece in new:
                cache[piece] = frozenset().union(*map(self._in_word_remembered, _WORD.findall(piece)))
        return set().union(*map(cache.__getitem__, pieces))

    def present(self, lowered: str) -> set[str]:
        """The literals of the index that occur in ``lowered`` (a lower-cased text)."""
        runs = self.runs_in(lowered)
        found = runs & self.plain
        for run in runs & self.checked.keys():
            for literal in self.checked[run]:
                if self.runs[literal] <= runs and literal in lowered:
                    found.add(literal)
        return found | {literal for literal in self.unkeyed if literal in lowered}


def _satisfied(index: LiteralIndex[Key], literals: set[str], among: dict[str, list[int]] | None = None) -> dict[str, list[int]]:
    """The alternatives (numbers, by gate) whose requirements ``literals`` meet; ``among``: only
    those of these (the ones a larger text meets)."""
    gates = among if among is not None else index.gated
    met: dict[str, list[int]] = {}
    alternatives = index.alternatives
    for gate in literals & gates.keys():
        for number in gates[gate]:
            for requirement in alternatives[number][1]:
                if requirement.isdisjoint(literals):
                    break
            else:
                met.setdefault(gate, []).append(number)
    return met


def _keys(index: LiteralIndex[Key], met: dict[str, list[int]]) -> set[Key]:
    return set(index.always) | {index.alternatives[number][0] for numbers in met.values() for number in numbers}


def candidates(scanner: Scanner[Key], text: str) -> set[Key]:
    """The keys whose regexes may match ``text`` (those of ``index.candidates(text)``)."""
    return _keys(scanner.index, _satisfied(scanner.index, scanner.present(text.lower())))


def _located(literals: set[str], parts: list[str], joined: str) -> list[set[str]]:
    """For each of the ``parts`` that ``joined`` strings together (with one character between), the
    ``literals`` inside it."""
    starts, ends, offset = [], [], 0
    for part in parts:
        starts.append(offset)
        ends.append(offset + len(part))
        offset += len(part) + 1
    found: list[set[str]] = [set() for _ in parts]
    for literal in literals:
        if len(literal) < GRAM:  # frequent: looked for in each part rather than at each occurrence
            for number, part in enumerate(parts):
                if literal in part:
                    found[number].add(literal)
            continue
        at = joined.find(literal)
        while at >= 0:
            number = bisect_right(starts, at) - 1
            if at + len(literal) <= ends[number]:
                found[number].add(literal)
            at = joined.find(literal, at + 1)
    return found


def candidates_by_part(scanner: Scanner[Key], parts: Sequence[str]) -> list[set[Key]]:
    """For each of ``parts`` (the sentences of one article), the keys whose regexes may match it."""
    index = scanner.index
    lowered = [part.lower() for part in parts]
    joined = "\n".join(lowered)
    present = scanner.present(joined)
    live = _satisfied(index, present)  # what the article as a whole may name
    useful = set(live)
    for numbers in live.values():
        for number in numbers:
            for requirement in index.alternatives[number][1]:
                useful.update(requirement & present)
    always = set(index.always)
    return [_keys(index, _satisfied(index, literals, live)) if literals & live.keys() else set(always)
            for literals in _located(useful, lowered, joined)]
