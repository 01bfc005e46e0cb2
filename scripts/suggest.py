"""The one "did you mean" of the project: the closest known word to a misspelt one.

RapidFuzz's normalised Indel similarity (the measure of :mod:`difflib`'s
``ratio``, computed in C) compares case-folded words; it stays fast on the
registry's thousands of names.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process, utils


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice most similar to ``word`` (similarity in 0..1, at least ``cutoff``), or None.

    Ties go to the earliest choice, so the answer is deterministic.
    """
    options = list(dict.fromkeys(str(c) for c in choices))
    if not options or not str(word).strip():
        return None
    found = process.extractOne(
        str(word), options, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=cutoff * 100
    )
    return found[0] if found else None


def closest_many(word: str, choices: Iterable[str], limit: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to ``limit`` choices most similar to ``word``, best first."""
    options = list(dict.fromkeys(str(c) for c in choices))
    if not options or not str(word).strip():
        return []
    found = process.extract(
        str(word), options, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=cutoff * 100, limit=limit
    )
    return [choice for choice, _, _ in found]


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """" - did you mean 'x'?" or ''."""
    best = closest(word, choices, cutoff)
    return f" - did you mean '{best}'?" if best is not None else ""
