"""Tense and relative time expressions around a position in a sentence."""

from __future__ import annotations

import re
from functools import lru_cache

from ...datewords import RELATIVE_WORDS, TENSE_WORDS
from ...wordlists import words


def _region(name: str, table: dict[str, tuple[str, ...]] = TENSE_WORDS) -> str:
    """'|' and the region's words for ``name`` (datewords.yaml), to join an English alternation."""
    found = table.get(name, ())
    return "|" + "|".join(found) if found else ""


FUTURE_RE = re.compile(
    r"\b((?:will|shall|won't)(?: not)?(?: be)?(?: [a-z]+ed\b| [a-z]+)?|(?:is|are) (?:scheduled|expected|set|due|planned|slated|going|poised) to|(?:is|are) (?:due|scheduled|slated|planned|set) (?:on|for|in)|(?:is|are) to (?:be|take|hold|host|meet|visit|attend|sign)"
    r"|to be held|to take place|to hold|decisions? (?:on|about|regarding) (?:the )?holding|upcoming|forthcoming|ahead of|in the run-up to|on the eve of|plans? to|intends? to|preparations? for|preparing for|prepares? for"
    r"|would(?: not)? (?:be held|take place|take part|participate|host|hold|visit|attend|meet|bring|travel|arrive|sign|open|pay|go|come|discuss)"
    r"|next (?:week|month|year)|later this (?:week|month|year)|tomorrow" + _region("future") + r")\b",
    re.IGNORECASE,
)
PRESENT_RE = re.compile(
    r"\b((?:is|are) (?:currently |now )?(?:being held|taking place|under ?way|holding|hosting|meeting|attending|participating|visiting|in progress|going on|ongoing|gathering)"
    r"|currently|today|this morning|tonight|right now|kicks? off|opens? today|is held|are held|arrives|(?:is|are) (?:on|paying) (?:an? )?(?:\w+ )?visit"
    r"|continues|continue|(?:is|are) continuing|goes on|persists|rages|(?:is|are) raging" + _region("present") + r")\b",
    re.IGNORECASE,
)
PAST_RE = re.compile(
    r"\b((?:was|were|had been|has been|have been) (?:\w+ )?(?:held|hosted|convened|organi[sz]ed|signed|concluded|adopted|attended|elected|killed|announced)"
    r"|took place|held|met|said|signed|attended|visited|ended|concluded|adopted|approved|decided|agreed|following|after|last (?:week|month|year)|yesterday|recent(?:ly)?"
    r"|earlier|ago|has|have|had|was|were|did|became|won|rose|grew|fell|made|took|gave|went|came|saw|got|led|left|paid|sent|spent|built|sold|told|brought|bought|lost|began|spoke|wrote|knew|broke" + _region("past") + r")\b",
    re.IGNORECASE,
)
# A regular past tense ('reached', 'discussed'): used only when a sentence has no clearer marker,
# since many -ed words are adjectives ('unprecedented', 'so-called', 'landlocked').
REGULAR_PAST_RE = re.compile(
    r"\b(?!(?:need|based|related|called|named|united|limited|detailed|advanced|expected|scheduled|planned|supposed|used|unprecedented|landlocked|armed|concerned|interested|involved|alleged|proposed|so-called)\b)[a-z]{3,}ed\b" + _region("past_regular") + r"\b",
    re.IGNORECASE,
)
_TENSES = (("future", FUTURE_RE), ("present", PRESENT_RE), ("past", PAST_RE))
RELATIVE_CLAUSE = re.compile(r"\b(?:that|which|who|whose|whom)\b", re.IGNORECASE)


def tense_at(sentence: str, at: int | None = None) -> str | None:
    """future | present | past | None; with ``at``, the tense marker nearest to that position.

    The verb of a report ('Zakharova said ...', '..., the ministry told reporters') gives the
    tense of the reporting, not of the event: it counts only when no other marker does.
    """
    markers = _tense_markers(sentence)
    if not markers:
        return "past" if REGULAR_PAST_RE.search(sentence) else None
    found: list[tuple[int, int, str, bool]] = []
    for start, end, priority, name, speech in markers:
        distance = 0 if at is None else min(abs(start - at), abs(end - at))
        if at is not None and start > at and RELATIVE_CLAUSE.search(sentence, at, start):
            distance += len(sentence)  # the verb of a clause about something else ('... on Aug. 5 that will last')
        found.append((distance if at is not None else priority, priority, name, speech))
    events = [f for f in found if not f[3]]
    return min(events or found)[2]


@lru_cache(maxsize=2048)
def _tense_markers(sentence: str) -> tuple[tuple[int, int, int, str, bool], ...]:
    """The sentence's tense markers (start, end, priority, tense, is a verb of speech), read once
    however many positions are asked about; a marker inside another ('held' in 'will be held') is
    left out."""
    found: list[tuple[int, int, int, str, bool]] = []
    for priority, (name, regex) in enumerate(_TENSES):
        for match in regex.finditer(sentence):
            if any(start <= match.start() and match.end() <= end for start, end, *_ in found):
                continue
            found.append((match.start(), match.end(), priority, name, match.group(0).lower() in speech_verbs()))
    return tuple(found)


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Verbs that report speech ('said', 'told', 'announced'), from the shared word list."""
    return words("language", "speech_verbs")


QUALIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("today", re.compile(r"\b(today|this morning|tonight|currently|right now|is (?:currently )?being held|(?:is|are) (?:currently )?taking place|under ?way" + _region("today", RELATIVE_WORDS) + r")\b", re.I)),
    ("yesterday", re.compile(r"\b(yesterday" + _region("yesterday", RELATIVE_WORDS) + r")\b", re.I)),
    ("tomorrow", re.compile(r"\b(tomorrow" + _region("tomorrow", RELATIVE_WORDS) + r")\b", re.I)),
    ("this-week", re.compile(r"\b(this week" + _region("this-week", RELATIVE_WORDS) + r")\b", re.I)),
    ("last-week", re.compile(r"\b(last week" + _region("last-week", RELATIVE_WORDS) + r")\b", re.I)),
    ("next-week", re.compile(r"\b(next week" + _region("next-week", RELATIVE_WORDS) + r")\b", re.I)),
    ("recent", re.compile(r"\b(recent(?:ly)?|the other day|just (?:ended|concluded|wrapped up)" + _region("recent", RELATIVE_WORDS) + r")\b", re.I)),
    ("last-year", re.compile(r"\b(last year|a year ago" + _region("last-year", RELATIVE_WORDS) + r")\b", re.I)),
    ("this-year", re.compile(r"\b(this year" + _region("this-year", RELATIVE_WORDS) + r")\b", re.I)),
    ("next-year", re.compile(r"\b(next year" + _region("next-year", RELATIVE_WORDS) + r")\b", re.I)),
    ("two-years-ago", re.compile(r"\b(the year before last|two years ago|the previous year|the year before)\b", re.I)),
)


NEAR_RE = re.compile(r"(?<!\w)(?:" + "|".join(RELATIVE_WORDS.get("near", ())) + r")(?!\w)", re.IGNORECASE)


def says_near(sentence: str) -> bool:
    """Whether the sentence says something coming is near ('on the eve of', 'approaching', 'накануне')."""
    return NEAR_RE.search(sentence) is not None


CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas|as|which|who|where)\b", re.IGNORECASE)


def qualifier_at(sentence: str, at: int) -> str | None:
    """The relative time expression nearest to position ``at`` in the same clause of ``sentence``."""
    best: tuple[int, str] | None = None
    for start, end, name in _qualifiers(sentence):
        between = sentence[min(end, at) : max(start, at)]
        if CLAUSE_BREAK.search(between):
            continue
        distance = min(abs(start - at), abs(end - at))
        if end <= at:
            distance -= 1  # prefer the expression before the mention
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


@lru_cache(maxsize=2048)
def _qualifiers(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Every relative time expression of the sentence (start, end, name), read once per sentence."""
    found: list[tuple[int, int, str]] = []
    for name, regex in QUALIFIERS:
        for match in regex.finditer(sentence):
            if name == "two-years-ago" and match.group(0).lower() in ("the previous year", "the year before"):
                if not re.search(r"\blast year\b", sentence[: match.start()], re.I):
                    continue  # "the previous year" means two years back only after a "last year"
            found.append((match.start(), match.end(), name))
    return tuple(found)
