"""Whose words a sentence carries: the outlet's own, a first-person speaker's, or words it relays.

Stance is the article's own voice. A report that relays a minister's praise of a partner
("Tokayev highlighted the dynamic development of cooperation, said the President") is
neutral; the same praise in the first person on the leader's own site (a transcript,
a speech, a press conference) or in the outlet's narration is the text's stance. This
module reads, per sentence of the document model:

* quotation spans (tracked across the sentences of a paragraph, curly, straight and
  angle quotes); a short quote inside the outlet's own sentence is a scare quote or a
  term, and stays the outlet's;
* attribution: speech verbs, readout verbs ("highlighted", "underlined"), "according to",
  a transcript's speaker label ("President of Russia Vladimir Putin:", "Q:");
* the speaker's kind (official, expert, unknown), from the role words around the
  attribution, the registry's category of a named person, or the paragraph's and
  previous speaker;
* first person: unattributed "we/our/I" is the text's own speaker.

:func:`voice_weight` turns that into how much a cue at a position counts.
Data (verbs, roles, weights) live in ``stance_voice.yaml``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, Iterable, Mapping, MutableMapping, Sequence, TypeVar

from .. import paths, yamlio
from ..textutil import Sentence, folded_parts
from ..wordlists import words
from .entities import Mention

_LITERAL_START = re.compile(r"[a-z'’ -]+", re.IGNORECASE)
# Lookbehinds that make a pattern start where a run of word characters starts, and lookaheads that end a word.
_BOUNDED = ("(?<!\\w)", "(?<![\\w-])", "(?<![\\w'’-])")
_WORD_END = ("(?!\\w)", "(?![\\w")
MAX_EXPANSIONS = 1000  # spelled-out alternatives of one pattern, beyond which it is searched for everywhere


def word_keys(pattern: str) -> frozenset[str] | None:
    """The first letters (up to 3, lower case) of the word where a match of ``pattern`` starts, or None if unknown.

    Only a pattern that starts with a lookbehind forbidding a word character before it ('(?<![\\w-])aggression')
    has them: most cues and verbs then start with a literal word ('aggression', 'invade[sd]?',
    '(?:well|clearly) aware'), so a text without a word starting 'agg', 'inv', 'wel' or 'cle' holds no match.
    """
    bound = next((b for b in _BOUNDED if pattern.startswith(b)), None)
    if bound is None or len(_top_level_alternatives(pattern)) > 1:
        return None  # no lookbehind, or one that binds only the first alternative
    alternatives = _leading_expansions(pattern[len(bound) :])
    if alternatives is None:
        return None
    keys = set()
    for alternative in alternatives:
        run = _LITERAL_START.match(alternative)
        literal = run.group() if run else ""
        after = alternative[len(literal) :]
        if literal and after[:1] in ("?", "*", "{"):
            literal = literal[:-1]  # 'invade[sd]?' needs 'invade'; 'arrogan(?:t|ce)' needs 'arrogan'
        first_word = re.split(r"[ '’-]", literal)[0]
        # ended by a space, hyphen or apostrophe, or by a lookahead that ends a word, not by a metacharacter
        whole_word = len(first_word) < len(literal) or (first_word == literal and after.startswith(_WORD_END))
        if not first_word or (len(first_word) < 3 and not whole_word):
            return None
        keys.add(first_word[:3].lower())
    return frozenset(keys)


def narrowed(pattern: re.Pattern[str]) -> dict[str, re.Pattern[str]]:
    """For an alternation at a word start ('(?<![\\w-])(?:said|stressed|according to)(?![\\w-])'): by each
    :func:`word_keys` key, the same pattern with only the alternatives whose matches start with that key, in
    their order ('(?<![\\w-])(?:stressed)(?![\\w-])' for 'str'). Where a word starts with that key no other
    alternative can match, so the narrowed pattern matches there exactly as the whole one does.
    Empty when ``pattern`` is not such an alternation, or one of its alternatives has no keys."""
    source = pattern.pattern
    bound = next((b for b in _BOUNDED if source.startswith(b)), "")
    body = source[len(bound) :]
    close = _closing_paren(body) if bound and body.startswith("(?:") else None
    if close is None or body[close + 1 : close + 2] in ("?", "*", "+", "{"):
        return {}
    alternatives, tail = _top_level_alternatives(body[3:close]), body[close + 1 :]
    by_key: dict[str, list[str]] = defaultdict(list)
    for alternative in alternatives:
        keys = word_keys(f"{bound}(?:{alternative}){tail}")
        if keys is None or len(alternatives) < 2:
            return {}
        for key in keys:
            by_key[key].append(alternative)
    return {key: re.compile(f"{bound}(?:{'|'.join(group)}){tail}", pattern.flags) for key, group in by_key.items()}


def _leading_expansions(pattern: str) -> list[str] | None:
    """``pattern``'s top-level alternatives with any leading group spelled out ('(?:more )?serious' gives
    'more serious' and 'serious'), or None when a leading group is not a plain or optional '(?:...)'."""
    done: list[str] = []
    todo = _top_level_alternatives(pattern)
    while todo:
        alternative = todo.pop()
        if not alternative.startswith("("):
            done.append(alternative)
            continue
        close = _closing_paren(alternative)
        if not alternative.startswith("(?:") or close is None:
            return None
        inner, rest = alternative[3:close], alternative[close + 1 :]
        quantifier = rest[:1]
        if quantifier in ("+", "{"):
            return None
        if quantifier in ("?", "*"):
            rest = rest[1:].removeprefix("?")  # a lazy '??' is optional too
            todo.append(rest)
        todo.extend(part + rest for part in _top_level_alternatives(inner))
        if len(done) + len(todo) > MAX_EXPANSIONS:
            return None
    return done


def _closing_paren(pattern: str) -> int | None:
    """Where the parenthesis opening ``pattern`` closes (escapes and character classes skipped), or None."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at the '|' that are outside parentheses and character classes."""
    parts, depth, current, escaped, in_class = [], 0, "", False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += char
    parts.append(current)
    return parts


@lru_cache(maxsize=4096)  # an article's sentences are read for their voice, then for their cues
def word_positions(text: str) -> dict[str, list[int]]:
    """Where each run of word characters of ``text`` starts ('ex-head' has 'ex' and 'head', “'dead'” has 'dead'),
    by its first three letters in lower case."""
    parts = folded_parts(text)  # gap, run, gap, run, ..., gap
    positions: dict[str, list[int]] = {}
    start = len(parts[0])
    for i in range(1, len(parts), 2):  # by index, not zip and accumulate: compiled, a plain loop is quicker
        run = parts[i]
        starts = positions.get(run[:3])
        if starts is None:
            positions[run[:3]] = [start]
        else:
            starts.append(start)
        start += len(run) + len(parts[i + 1])
    return positions


T = TypeVar("T")
_Found = tuple[int, int, re.Match[str], T]  # (start, pattern order, match, item)


class WordIndex(Generic[T]):
    """Patterns, each with an item, indexed by the word starts their matches need (:func:`word_keys`).

    A pattern that starts with a lookbehind forbidding a word character before it ('(?<![\\w-])aggression')
    can only match where a run of word characters starts, so it is tried there (an anchored match) and
    only where that run starts with one of its keys, instead of being searched for in the whole text.
    Other patterns are searched for everywhere. The results are exactly those of ``re`` (the same spans;
    a long alternation is tried at a word as its alternatives that can start there: :func:`narrowed`).
    """

    def __init__(self, entries: Iterable[tuple[re.Pattern[str], T]]) -> None:
        self._by_key: dict[str, list[tuple[int, re.Pattern[str], T]]] = {}  # a plain dict (not a defaultdict): compiled, its look-ups take the quick path
        self._always: list[tuple[int, re.Pattern[str], T]] = []
        for order, (pattern, item) in enumerate(entries):
            keys = word_keys(pattern.pattern)
            if keys is None:
                self._always.append((order, pattern, item))
                continue
            by_key = narrowed(pattern)
            for key in keys:
                self._by_key.setdefault(key, []).append((order, by_key.get(key, pattern), item))

    def _anchored(self, text: str) -> list[_Found[T]]:
        """Every match of an indexed pattern at a word start of ``text`` whose first letters are one of its keys."""
        found = []
        positions, by_key = word_positions(text), self._by_key
        for key in positions.keys() & by_key.keys():
            for order, pattern, item in by_key[key]:
                for start in positions[key]:
                    match = pattern.match(text, start)
                    if match:
                        found.append((start, order, match, item))
        return found

    def finditer(self, text: str) -> list[tuple[re.Match[str], T]]:
        """What ``pattern.finditer(text)`` finds for each pattern, by position, then the patterns' order."""
        anchored = self._anchored(text)
        if not anchored and not self._always:
            return []  # most sentences: nothing to order
        found = [(m.start(), order, m, item) for order, pattern, item in self._always for m in pattern.finditer(text)]
        ends: dict[int, int] = {}
        for start, order, match, item in sorted(anchored, key=lambda f: (f[1], f[0])):
            if start >= ends.get(order, 0):  # a pattern's matches do not overlap
                found.append((start, order, match, item))
                ends[order] = max(match.end(), start + 1)
        return [(f[2], f[3]) for f in sorted(found, key=lambda f: (f[0], f[1]))]

    def found_in(self, text: str) -> bool:
        """True when one of the patterns matches somewhere in ``text``."""
        positions = word_positions(text)
        for key in positions.keys() & self._by_key.keys():
            for _, pattern, _ in self._by_key[key]:
                if any(pattern.match(text, start) for start in positions[key]):
                    return True
        return any(pattern.search(text) for _, pattern, _ in self._always)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what re's \w matches


def word_at(haystack: str, needle: str) -> list[int]:
    """Where ``needle`` occurs in ``haystack`` with no word character either side (as ``(?<!\\w)needle(?!\\w)``)."""
    found, start = [], haystack.find(needle) if needle else -1
    while start >= 0:
        end = start + len(needle)
        if (start == 0 or not _is_word_char(haystack[start - 1])) and (end == len(haystack) or not _is_word_char(haystack[end])):
            found.append(start)
        start = haystack.find(needle, start + 1)
    return found


VOICE_PATH = paths.SCRIPTS / "extract" / "stance_voice.yaml"
OPENING = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"'}
_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(set(OPENING) | set(OPENING.values())))) + "]")
_WORD = re.compile(r"[\w'’-]+")
_PRONOUN_SPEAKER = re.compile(r"\b(?:he|she|they|it|who|which|this)\s+(?:has\s+|had\s+|have\s+|also\s+|then\s+)*$", re.IGNORECASE)


@dataclass(frozen=True)
class VoiceData:
    attribution: WordIndex[None]  # a verb or phrase that attributes words to a speaker
    noun_like: WordIndex[None]  # speech verbs that attribute only after a pronoun
    roles: tuple[tuple[str, WordIndex[None]], ...]  # (kind, role words) pairs
    former: re.Pattern[str]
    first_person: WordIndex[None]
    speaker_label: re.Pattern[str]
    topic: re.Pattern[str]
    topic_window: int
    weights: Mapping[str, float]
    zone_weights: Mapping[str, float]
    hedge: re.Pattern[str]
    hedges: WordIndex[None]  # the same, to find in whole sentences
    hedge_factor: float
    short_quote_words: int


def _alternation(items: Sequence[str]) -> str:
    return "|".join(f"(?:{item})" for item in sorted(items, key=len, reverse=True))


def _indexed(pattern: str) -> WordIndex[None]:
    return WordIndex([(re.compile(pattern, re.IGNORECASE), None)])


@lru_cache(maxsize=1)
def voice_data() -> VoiceData:
    data: dict[str, Any] = yamlio.load(VOICE_PATH.read_text(encoding="utf-8"))
    noun_like = {str(w) for w in data["noun_like"]}
    speech = [re.escape(w) for w in sorted(words("language", "speech_verbs")) if w not in noun_like]
    verbs = _alternation([*speech, *data["attribution_verbs"]])
    phrases = _alternation(data["attribution_phrases"])
    roles = tuple(
        (kind, _indexed(rf"(?<!\w)(?:{_alternation(data['speaker_roles'][kind])})(?![\w-])")) for kind in ("official", "expert")
    )
    former = _alternation([re.escape(w) for w in data["speaker_roles"]["former"]])
    first = _alternation([re.escape(w) for w in data["first_person"]])
    hedges = rf"(?<![\w-])(?:{_alternation(data['hedges'])})(?![\w-])"
    return VoiceData(
        attribution=_indexed(rf"(?<![\w-])(?:{phrases}|{verbs})(?![\w-])"),
        noun_like=_indexed(rf"(?<![\w-])(?:{_alternation([re.escape(w) for w in sorted(noun_like)])})(?![\w-])"),
        roles=roles,
        former=re.compile(rf"(?<![\w])(?:{former})(?:\s+|-)?(?:\w+\s+){{0,1}}$", re.IGNORECASE),
        first_person=_indexed(rf"(?<![\w'’-])(?:{first})(?![\w'’-])"),
        speaker_label=re.compile(str(data["speaker_label"])),
        topic=re.compile(rf"(?<![\w-])(?:{_alternation(data['topic_before_cue'])})(?![\w-])", re.IGNORECASE),
        topic_window=int(data["topic_window_words"]),
        weights={str(k): float(v) for k, v in data["speaker_weights"].items()},
        zone_weights={str(k): float(v) for k, v in data["zone_weights"].items()},
        hedge=re.compile(hedges, re.IGNORECASE),
        hedges=_indexed(hedges),
        hedge_factor=float(data["hedge_factor"]),
        short_quote_words=int(data["short_quote_words"]),
    )


@dataclass(frozen=True)
class Voice:
    """Whose words a cue is in: ``kind`` own | first-person | relayed; ``speaker`` for relayed words."""

    kind: str
    speaker: str = "own"  # official | expert | unknown (relayed), own, first-person

    @property
    def label(self) -> str:
        return self.kind if self.kind != "relayed" else f"relayed from {self.speaker}"


@dataclass(frozen=True)
class SentenceVoice:
    """What a sentence's words are: its quotation spans, whether it names a speaker, and who."""

    quotes: tuple[tuple[int, int], ...]  # spans of the sentence's text inside quotation marks
    attributed: bool  # the sentence (or its paragraph, for first-person words) names a speaker
    first_person: bool  # first-person words outside quotation marks
    speaker: str  # official | expert | unknown: whose relayed words they are
    scope: int = 0  # where relayed words start ('..., and was accused by rights groups of ...' relays only its end)

    def quoted(self, start: int, end: int) -> bool:
        """True when [start, end) is inside quotation marks."""
        return any(a <= start and end <= b for a, b in self.quotes)

    def at(self, start: int, end: int, text: str) -> Voice:
        """The voice of the words at [start, end) of the sentence ``text``."""
        data = voice_data()
        for a, b in self.quotes:
            if a <= start and end <= b:
                short = len(_WORD.findall(text[a:b])) <= data.short_quote_words
                if short and not self.attributed:
                    return Voice("own")
                return Voice("relayed", self.speaker)
        if self.attributed and start >= self.scope:
            return Voice("relayed", self.speaker)
        if self.first_person:
            return Voice("first-person", "first-person")
        return Voice("own")


OWN = SentenceVoice((), False, False, "unknown")


def voice_weight(voice: Voice) -> float:
    """How much a cue in ``voice`` counts toward the outlet's stance."""
    weights = voice_data().weights
    return weights[voice.speaker] if voice.kind == "relayed" else weights[voice.kind]


def zone_weight(zone: str) -> float:
    return voice_data().zone_weights.get(zone, 1.0)


def quote_spans(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Spans of ``text`` inside quotation marks, and whether a quotation is still open at its end."""
    spans: list[tuple[int, int]] = []
    opener: str | None = None
    start = 0
    for mark in _QUOTE_MARK.finditer(text):  # only quotation marks can open or close a quotation
        i, char = mark.start(), mark.group()
        if opener is None:
            if char in OPENING and _opens(text, i):
                opener, start = char, i + 1
        elif char == OPENING[opener] and _closes(text, i, opener):
            spans.append((start, i))
            opener = None
    if opener is not None:
        spans.append((start, len(text)))
    return spans, opener is not None


def _opens(text: str, i: int) -> bool:
    """A quotation mark that opens: not an apostrophe, at a word's start."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "‘\"":
        return not before.isalnum() and not after.isspace()
    return True


def _closes(text: str, i: int, opener: str) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    if opener == "‘":
        return not after.isalnum()  # Russia’s is an apostrophe, not the end of a quotation
    return True


def _attribution(text: str, quotes: list[tuple[int, int]]) -> re.Match[str] | None:
    """The first attribution outside the quotation spans of ``text``."""
    data = voice_data()
    for match, _ in data.attribution.finditer(text):
        if not _inside(match.start(), quotes):
            return match
    for match, _ in data.noun_like.finditer(text):
        if not _inside(match.start(), quotes) and _PRONOUN_SPEAKER.search(text[: match.start()]):
            return match
    return None


def _relays_what_follows(attribution: re.Match[str]) -> bool:
    """'criticised by rights groups (for ...)' relays only what follows it, not the outlet's words before."""
    return attribution.group().lower().endswith(" by")


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def _role_near(text: str, position: int, quotes: list[tuple[int, int]]) -> tuple[int, str] | None:
    """(distance, kind) of the role word nearest ``position`` outside quotation marks."""
    data = voice_data()
    best: tuple[int, str] | None = None
    for kind, roles in data.roles:
        for match, _ in roles.finditer(text):
            if _inside(match.start(), quotes):
                continue
            if kind == "official" and data.former.search(text[max(0, match.start() - 16) : match.start()]):
                kind_here = "expert"  # "the ex-head of the committee": a commentator now
            else:
                kind_here = kind
            distance = min(abs(match.start() - position), abs(match.end() - position))
            if best is None or distance < best[0]:
                best = (distance, kind_here)
    return best


SPEAKER_WINDOW = 80  # characters around an attribution where its speaker is named
_PRONOUN_NEAR = re.compile(r"\b(?:he|she|they|his|her|their)\W+(?:\w+\W+)?$|^\W*(?:he|she|they)\b", re.IGNORECASE)
_SUBJECT_GAP = re.compile(r"^(?:['’]s)?\W*(?:\w+\W+){0,3}$")


def speaker_kind(
    text: str,
    position: int,
    quotes: list[tuple[int, int]],
    mentions: Sequence[Mention],
    categories: MutableMapping[str, str],
) -> str | None:
    """official | expert | unknown for the speaker named at the attribution at ``position``.

    None when the attribution names nobody ("he said", "in his opinion"): the speaker is
    then the paragraph's or the previous one. A person introduced with a role ("the
    ex-head of the committee Alnur Musayev") keeps it in ``categories`` for later
    attributions ("according to Musayev").
    """
    if _PRONOUN_NEAR.search(text[max(0, position - 20) : position]) or _PRONOUN_NEAR.match(text[position:][len(text[position:].split(" ")[0]) :]):
        return None
    candidates: list[tuple[int, str]] = []
    role = _role_near(text, position, quotes)
    if role is not None and role[0] <= SPEAKER_WINDOW:
        candidates.append(role)
    people = []
    for m in mentions:
        if _inside(m.start, quotes) or m.implied_by is not None:
            continue
        distance = min(abs(m.start - position), abs(m.end - position))
        if m.kind == "person" and distance <= SPEAKER_WINDOW:
            people.append(m)
            if m.actor in categories:
                candidates.append((distance, _category_kind(categories[m.actor])))
        elif (m.kind == "country" or m.org_kind in ("government", "intergovernmental", "alliance")) and _subject_of(m, position, text):
            candidates.append((distance, "official"))  # "Moscow said", "according to the ministry"
    if not candidates:
        return None
    kind = min(candidates)[1]
    for person in people:
        categories.setdefault(person.actor, _KIND_CATEGORY[kind])
    return kind


_KIND_CATEGORY = {"official": "official", "expert": "analyst", "unknown": "other"}


def _subject_of(mention: Mention, position: int, text: str) -> bool:
    """True when ``mention`` is the subject of the attribution at ``position`` ('Moscow said', 'according to Beijing')."""
    if mention.end <= position:
        return _SUBJECT_GAP.match(text[mention.end : position]) is not None
    return text[:mention.start].rstrip().lower().endswith(("according to", "according to the"))


def _paragraphs(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    groups: dict[int, list[Sentence]] = defaultdict(list)
    for s in sentences:
        groups[s.paragraph].append(s)
    return [sorted(group, key=lambda s: s.start) for _, group in sorted(groups.items())]


def sentence_voices(
    sentences: Sequence[Sentence],
    mentions_by_sentence: Mapping[int, Sequence[Mention]],
    categories: Mapping[str, str],
) -> dict[int, SentenceVoice]:
    """The voice of every sentence, by sentence index (a paragraph is read as a whole)."""
    data = voice_data()
    roles = dict(categories)  # people's categories, and the roles the text gives the others
    voices: dict[int, SentenceVoice] = {}
    last_speaker = "unknown"
    for group in _paragraphs(sentences):
        paragraph = " ".join(s.text for s in group)
        spans, _ = quote_spans(paragraph)
        offsets, position = [], 0
        for s in group:
            offsets.append(position)
            position += len(s.text) + 1
        label = data.speaker_label.match(group[0].text) is not None
        local: list[tuple[list[tuple[int, int]], re.Match[str] | None, bool]] = []
        for s, offset in zip(group, offsets):
            quotes = [(max(a - offset, 0), min(b - offset, len(s.text))) for a, b in spans if a < offset + len(s.text) and b > offset]
            outside = _outside(s.text, quotes)
            attribution = _attribution(s.text, quotes)
            first = data.first_person.found_in(outside)
            local.append((quotes, attribution, first))
        speakers = []
        for s, (quotes, attribution, _) in zip(group, local):
            if attribution is not None:
                kind = speaker_kind(s.text, attribution.start(), quotes, mentions_by_sentence.get(s.index, ()), roles)
                speakers.append(kind)
        paragraph_speaker = next((k for k in speakers if k is not None), None)
        if paragraph_speaker is None and (speakers or any(q for q, _, _ in local)):
            paragraph_speaker = last_speaker  # "..., he said" after a named speaker
        speaker = paragraph_speaker or last_speaker
        has_attribution = bool(speakers)
        for s, (quotes, attribution, first) in zip(group, local):
            attributed = attribution is not None or (first and has_attribution and not label)
            scope = attribution.start() if attribution is not None and _relays_what_follows(attribution) else 0
            voices[s.index] = SentenceVoice(tuple(quotes), attributed, first or label, speaker, scope)
        if paragraph_speaker is not None:
            last_speaker = paragraph_speaker
    return voices


def _outside(text: str, quotes: Sequence[tuple[int, int]]) -> str:
    """``text`` with its quotation spans blanked out."""
    for a, b in quotes:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def is_topic(text: str, start: int) -> bool:
    """True when the cue at ``start`` names the topic of talks ('discussed prospects of strategic partnership')."""
    data = voice_data()
    window = text[:start].split()[-data.topic_window :]
    return data.topic.search(" ".join(window)) is not None


@lru_cache(maxsize=1)
def _headline_speaker() -> tuple[re.Pattern[str], ...]:
    data = yamlio.load(VOICE_PATH.read_text(encoding="utf-8"))
    return tuple(re.compile(str(p)) for p in data["headline_speaker"])


def headline_voice(headline: str, people: Mapping[str, str] | None = None) -> SentenceVoice:
    """The voice of a headline: the outlet's own, unless it names a speaker ('...: spokesperson', 'Putin: ...').

    ``people``: the surface forms of people the article names -> their registry category.
    """
    quotes, _ = quote_spans(headline)
    kind: str | None = None
    for pattern in _headline_speaker():
        match = pattern.search(headline)
        if match:
            kind = _speaker_of(match.group("who"), people or {})
            if kind:
                break
    attribution = _attribution(headline, quotes)
    if kind is None and attribution is not None:
        kind = _speaker_of(headline, people or {}) or "unknown"
    if kind is None:
        return SentenceVoice(tuple(quotes), False, False, "unknown")
    return SentenceVoice(tuple(quotes), True, False, kind)


def _speaker_of(words: str, people: Mapping[str, str]) -> str | None:
    """official | expert for a headline's named speaker (a role word or a person the article names)."""
    role = _role_near(words, 0, [])
    if role is not None:
        return role[1]
    for surface, category in people.items():
        if word_at(words, surface):
            return _category_kind(category)
    return None


def _category_kind(category: str) -> str:
    """official | expert | unknown for a registry person category."""
    if category in ("official", "military"):
        return "official"
    return "expert" if category in ("analyst", "journalist") else "unknown"


def hedge_factor(text: str, clause_start: int, start: int) -> float:
    """Less than 1 when the cue at ``start`` is in a supposition or an open question ('whether China is
    taking the chance to expand its influence', 'if Russia continues to suffer setbacks')."""
    data = voice_data()
    return data.hedge_factor if data.hedge.search(text[clause_start:start]) else 1.0


@dataclass(frozen=True)
class Genre:
    """What kind of text the article is, read from the shape of its voice, and why."""

    name: str  # first-person statement | interview | opinion | official readout | report relaying statements | analysis | report
    evidence: str

    @property
    def own_weight(self) -> float:
        """How much the outlet's own words weigh: an opinion piece's thesis is its author's voice, loud."""
        return float(_genre_data()["opinion_own_weight"]) if self.name == "opinion" else 1.0


@lru_cache(maxsize=1)
def _genre_data() -> dict[str, Any]:
    data: dict[str, Any] = yamlio.load(VOICE_PATH.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _genre_patterns() -> tuple[WordIndex[None], WordIndex[None]]:
    rules = _genre_data()["genre"]
    opinion = _indexed(rf"(?<![\w-])(?:{_alternation(rules['opinion_markers'])})(?![\w-])")
    readout = _indexed(rf"(?<![\w-])(?:{_alternation(rules['readout_markers'])})(?![\w-])")
    return opinion, readout


def _relays(sentence: Sentence, voice: SentenceVoice) -> bool:
    """True when a sentence relays someone's words: attributed, or quoting more than a term."""
    longest = max((len(_WORD.findall(sentence.text[a:b])) for a, b in voice.quotes), default=0)
    return voice.attributed or longest > voice_data().short_quote_words


@lru_cache(maxsize=1)
def _section_patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str], bool], ...]:
    """(genre, its section words, the same at a headline's edge, whether anywhere in a headline will do)."""
    rules = _genre_data()["genre"]
    anywhere = set(rules["headline_anywhere"])
    found = []
    for genre, section_words in rules["section_words"].items():
        pattern = _alternation([re.escape(str(w)) for w in section_words])
        inside = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
        edge = re.compile(rf"^\W*(?:{pattern})\s*[:|–—-]|[:|–—-]\s*(?:{pattern})\W*$", re.IGNORECASE)
        found.append((str(genre), inside, edge, genre in anywhere))
    return tuple(found)


def _section_genre(headline: str | None, page: Sequence[str]) -> tuple[str, str] | None:
    """(genre, evidence) when the page files the article under a genre ('Interviews | Diplomacy', 'Opinion: ...')."""
    for genre, inside, edge, anywhere in _section_patterns():
        for line in page:
            if len(line) <= 80 and inside.search(line):
                return genre, f"filed under '{line.strip()}'"
        if headline and (edge.search(headline) or (anywhere and inside.search(headline))):
            return genre, "so labelled in its headline"
    return None


def read_genre(
    sentences: Sequence[Sentence],
    voices: Mapping[int, SentenceVoice],
    headline: str | None = None,
    page: Sequence[str] = (),
) -> Genre:
    """The article's genre: as the page files it, else from its sentences' voices (speaker labels, first
    person, questions, opinion and readout phrasing, relayed words, hedges)."""
    rules = _genre_data()["genre"]
    opinion, readout = _genre_patterns()
    data = voice_data()
    body = [s for s in sentences if s.zone in ("body", "standfirst", "subheading")]
    if not body:
        return Genre("report", "no article text")
    n = len(body)
    own = [s for s in body if not _relays(s, voices.get(s.index, OWN))]
    labels = sum(1 for s in body if data.speaker_label.match(s.text))
    first = sum(1 for s in body if voices.get(s.index, OWN).first_person and not voices.get(s.index, OWN).attributed)
    relayed = f"{n - len(own)} of {n} sentences relayed"
    filed = _section_genre(headline, page)
    if filed is not None:
        return Genre(filed[0], filed[1])
    paragraphs = _paragraphs(body)
    questions = sum(1 for p in paragraphs if len(p) == 1 and p[0].text.rstrip().endswith("?"))
    questions += sum(1 for s in body if re.match(r"^Q\s*[:.]", s.text))
    markers = sum(1 for s in own if opinion.found_in(s.text))
    own_ids = {s.index for s in own}
    rhetorical = sum(1 for p in paragraphs for s in p if len(p) > 1 and s.text.rstrip().endswith("?") and s.index in own_ids)
    rhetorical += 1 if headline and headline.rstrip().endswith("?") and not quote_spans(headline)[0] else 0
    readouts = sum(1 for s in body if readout.found_in(s.text))
    hedged = sum(1 for s in own if data.hedges.found_in(s.text))
    own_n = max(len(own), 1)
    if labels >= rules["transcript_labels"] or first / n >= rules["first_person_share"]:
        reason = f"{labels} speaker labels" if labels >= rules["transcript_labels"] else f"{first} of {n} sentences in unattributed first person"
        return Genre("first-person statement", reason)
    if questions >= rules["interview_questions"]:
        return Genre("interview", f"{questions} questions standing as paragraphs")
    if markers + rhetorical >= rules["opinion_markers_min"] and (markers + rhetorical) / own_n >= rules["opinion_share"]:
        return Genre("opinion", f"{markers} opinion phrases, {rhetorical} rhetorical questions in its own voice")
    if readouts >= rules["readout_min"]:
        return Genre("official readout", f"{readouts} sentences phrased as a readout of talks")
    if (n - len(own)) / n >= rules["relayed_share"]:
        return Genre("report relaying statements", relayed)
    if hedged / own_n >= rules["hedged_share"]:
        return Genre("analysis", f"{hedged} of {len(own)} own sentences hedged")
    return Genre("report", relayed)
