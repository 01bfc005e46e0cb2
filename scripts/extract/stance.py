"""The article's stance toward its main actors, with the sentences that support it.

Each sentence is scanned for cues from ``stance_lexicon.yaml``. A cue counts
for the actor it is about: an action cue for the actor doing it (the actor
before it in the clause), a state cue for the nearest actor. Negation flips
a cue. Short phrases in scare quotes next to an actor count as mildly
critical. Labels are conservative: an actor is neutral unless the evidence
is both strong and one-sided, because calling a critical article supportive
(or the reverse) is the costly mistake.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import yamlio
from ..textutil import Sentence
from .entities import EntityResult, Mention

LEXICON_PATH = Path(__file__).with_name("stance_lexicon.yaml")
NEGATIONS = re.compile(
    r"\b(?:not|no|never|neither|nor|without|n't|cannot|hardly|barely|scarcely|little|lack of|lacks?)\b"
    r"(?:\W+\w+){0,2}\W*$",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|while|whereas|however|although)\b|, (?:and|which|who)\b")
SCARE_QUOTE = re.compile(r"[\"“«]([^\"”»]{2,40})[\"”»]")
MIN_SCORE = 3.0  # total evidence needed for a polar label
MIN_MARGIN = 0.5  # share of the evidence that must point one way, beyond the other
MAX_MAIN_ACTORS = 6
# Organisations an article takes a stance toward (not outlets, companies or projects).
STANCE_ORG_KINDS = {"alliance", "intergovernmental", "armed-group", "party", "government", "format"}


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    weight: float  # > 0 supportive, < 0 critical
    kind: str  # action | state
    text: str


@lru_cache(maxsize=1)
def lexicon() -> tuple[Cue, ...]:
    data = yamlio.load(LEXICON_PATH.read_text(encoding="utf-8"))
    cues = []
    for polarity, sign in (("critical", -1.0), ("supportive", 1.0)):
        for kind, entries in data[polarity].items():
            for text, weight in entries.items():
                pattern = re.compile(rf"(?<![\w-]){text}(?![\w-])", re.IGNORECASE)
                cues.append(Cue(pattern, sign * float(weight), kind, text))
    return tuple(cues)


@dataclass
class StanceResult:
    labels: dict[str, str]
    scores: dict[str, float]
    evidence: dict[str, str]  # actor -> the strongest supporting sentence(s)
    main_actors: list[str]


def main_actors(entities: EntityResult, headline: str | None) -> list[str]:
    """Countries, groups and alliances the article is mostly about."""
    counts: dict[str, float] = defaultdict(float)
    stance_organisations = {
        m.actor for m in entities.mentions
        if m.kind == "organisation" and m.how in ("name", "alias", "acronym") and m.org_kind in STANCE_ORG_KINDS
    }
    for m in entities.mentions:
        if m.kind in ("country", "group") or (m.kind == "organisation" and m.actor in stance_organisations):
            counts[m.actor] += 1.0 if m.implied_by is None else 0.5
    if headline:
        for actor in list(counts):
            if actor.split()[0] in headline:
                counts[actor] += 2
    ranked = sorted(counts, key=lambda a: (-counts[a], a))
    keep = [a for a in ranked if counts[a] >= 2]
    orgs = {m.actor for m in entities.mentions if m.kind == "organisation"}
    keep = [a for a in keep if a not in orgs or counts[a] >= 3]
    return keep[:MAX_MAIN_ACTORS]


def _clause_bounds(text: str, position: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for match in CLAUSE_BREAK.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


_COORDINATION = re.compile(r"^\W*(?:and|or|with|,|as well as|together with)\W*(?:the\W+)?$", re.IGNORECASE)
_ATTRIBUTIVE_GAP = re.compile(r"^\s*(?:(?:for|of|to)\s+)?(?:the\s+)?$", re.IGNORECASE)
_POSSESSIVE_GAP = re.compile(r"^(?:['’]s)?\s*(?:\w+\s+)?$")


def _coordinated(first: Mention, mentions: list[Mention], text: str) -> list[Mention]:
    """``first`` and the actors joined to it by 'and', 'with' or commas ("the U.S. and Japan")."""
    group = [first]
    ordered = sorted(mentions, key=lambda m: m.start)
    position = ordered.index(first)
    for step in (-1, 1):
        k = position
        while 0 <= k + step < len(ordered):
            a, b = (ordered[k + step], ordered[k]) if step < 0 else (ordered[k], ordered[k + step])
            if not _COORDINATION.match(text[a.end : b.start]):
                break
            k += step
            group.append(ordered[k])
    return group


@lru_cache(maxsize=1)
def _action_just_before() -> re.Pattern[str]:
    """Any action cue followed by at most one word, at the end of a text."""
    actions = "|".join(f"(?:{c.pattern.pattern})" for c in lexicon() if c.kind == "action")
    return re.compile(rf"(?:{actions})\W+(?:\w+\W+)?$", re.IGNORECASE)


def _is_object(mention: Mention, text: str) -> bool:
    """True when an action cue comes just before the mention ("harms Russian interests")."""
    return _action_just_before().search(text[max(0, mention.start - 25) : mention.start]) is not None


def _targets(cue: Cue, start: int, end: int, mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions a cue at [start, end) is about (at most one actor each)."""
    c_start, c_end = _clause_bounds(text, start)
    in_clause = [m for m in mentions if c_start <= m.start < c_end]
    before = [m for m in in_clause if m.end <= start]
    after = [m for m in in_clause if m.start >= end]
    if before and _POSSESSIVE_GAP.match(text[before[-1].end : start]):
        return [before[-1]]  # "Russia's aggression", "Russian aggression"
    if cue.kind == "action":
        agents = [m for m in before if not _is_object(m, text)]
        return _coordinated(agents[-1], before, text) if agents else []
    if after and _ATTRIBUTIVE_GAP.match(text[end : after[0].start]):
        return [after[0]]  # "waning Russian influence", "a humiliation for Russia"
    if before:
        return _coordinated(before[-1], before, text)
    return after[:1]


def score_sentence(sentence: Sentence, mentions: list[Mention]) -> dict[str, list[tuple[float, str]]]:
    """Cue weights per actor in one sentence, with the cue text."""
    text = sentence.text
    found: dict[str, list[tuple[float, str]]] = defaultdict(list)
    matches = sorted(
        ((match, cue) for cue in lexicon() for match in cue.pattern.finditer(text)),
        key=lambda item: (-(item[0].end() - item[0].start()), item[0].start()),
    )
    taken: list[tuple[int, int]] = []
    for match, cue in matches:
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue  # "good and stable" counts once, not again as "stable"
        taken.append((match.start(), match.end()))
        weight = cue.weight
        if NEGATIONS.search(text[max(0, match.start() - 30) : match.start()]):
            weight = -weight * 0.5
        for actor in dict.fromkeys(m.actor for m in _targets(cue, match.start(), match.end(), mentions, text)):
            found[actor].append((weight, match.group()))
    for match in SCARE_QUOTE.finditer(text):
        inner = match.group(1)
        lead = text[max(0, match.start() - 40) : match.start()]
        owner = re.search(r"\b(?:its|their)\s+(?:\w+\s+){0,3}$", lead)
        if len(inner.split()) <= 4 and owner:
            before = [m for m in mentions if m.end <= match.start()]
            if before:
                found[before[-1].actor].append((-0.5, f"its “{inner}” (scare quotes)"))
    return found


def extract_stance(sentences: list[Sentence], entities: EntityResult, headline: str | None = None) -> StanceResult:
    actors = main_actors(entities, headline)
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in entities.mentions:
        by_sentence[m.sentence].append(m)
    positive: dict[str, float] = defaultdict(float)
    negative: dict[str, float] = defaultdict(float)
    best: dict[str, list[tuple[float, str]]] = defaultdict(list)
    all_sentences = list(sentences)
    if headline:
        all_sentences.insert(0, Sentence(headline, -1, -1))
    for sentence in all_sentences:
        mentions = [m for m in by_sentence.get(sentence.index, []) if m.actor in actors]
        if sentence.index == -1:
            mentions = _headline_mentions(headline or "", entities, actors)
        for actor, cues in score_sentence(sentence, mentions).items():
            total = sum(w for w, _ in cues)
            if total > 0:
                positive[actor] += total
            else:
                negative[actor] += -total
            best[actor].append((abs(total), f"{sentence.text} [{', '.join(c for _, c in cues)}]"))
    labels, scores, evidence = {}, {}, {}
    for actor in actors:
        pos, neg = positive[actor], negative[actor]
        total = pos + neg
        score = pos - neg
        label = "neutral"
        if total >= MIN_SCORE and abs(score) / total >= MIN_MARGIN and abs(score) >= MIN_SCORE * 0.8:
            label = "supportive" if score > 0 else "critical"
        labels[actor] = label
        scores[actor] = round(score, 2)
        top = sorted(best[actor], key=lambda item: -item[0])[:2]
        evidence[actor] = (
            f"{label}: +{pos:.1f}/-{neg:.1f}; " + " | ".join(t for _, t in top) if top else "neutral: no stance cues"
        )
    return StanceResult(labels=labels, scores=scores, evidence=evidence, main_actors=actors)


def _headline_mentions(headline: str, entities: EntityResult, actors: list[str]) -> list[Mention]:
    found = []
    for actor in actors:
        for surface in {m.surface for m in entities.mentions if m.actor == actor}:
            for match in re.finditer(rf"\b{re.escape(surface)}\b", headline):
                found.append(Mention(actor, "country", surface, "headline", -1, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)
