"""The article's stance toward its main actors, with the sentences and the reading that produced it.

Each sentence is scanned for cues from ``stance_lexicon.yaml``. A cue counts for the
actor it is about: an action cue for the actor doing it (the actor before it in the
clause, or after 'by'/'from' when the deed is passive), a state cue for the nearest
actor, an object cue for the actor it judges. Negation flips a cue; a cue naming the
topic of talks ("discussed prospects of strategic partnership") is no judgement.

A cue counts as much as the words it stands in are the article's own voice
(``stance_voice``): in full in the outlet's narration, its headline and standfirst, and
in the first-person words of a transcript, speech or interview; little when relayed
from officials (a report that relays praise stays neutral), more when relayed from an
expert the article quotes to make its case.

Labels are conservative: an actor is neutral unless the evidence is both strong and
one-sided, because calling a critical article supportive (or the reverse) is the
costly mistake.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Collection, Mapping, Sequence

from .. import paths, yamlio
from ..registry import Registry
from ..textutil import Sentence
from .entities import EntityResult, Mention
from .stance_voice import (
    OWN,
    SentenceVoice,
    Voice,
    WordIndex,
    word_at,
    hedge_factor,
    headline_voice,
    read_genre,
    is_topic,
    sentence_voices,
    voice_weight,
    zone_weight,
)

LEXICON_PATH = paths.SCRIPTS / "extract" / "stance_lexicon.yaml"
NEGATIONS = re.compile(
    r"\b(?:not|no|never|neither|nor|without|n't|cannot|hardly|barely|scarcely|little|lack of|lacks?)\b"
    r"(?:\W+\w+){0,2}\W*$",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(
    r"[;:]|\b(?:but|while|whereas|however|although)\b|, (?:and|which|who)\b"
    r"|\b(?:showed|shows|shown|proved|proves|means|meant|suggests|indicates|clear|obvious|evident|fact)\s+that\b"
)  # a new clause: after a contrast, a relative pronoun, or a complement ('... showed that the bloc is weak')
SCARE_QUOTE = re.compile(r"[\"“«]([^\"”»]{2,40})[\"”»]")
MIN_SCORE = 3.0  # total evidence needed for a polar label
MIN_MARGIN = 0.5  # share of the evidence that must point one way, beyond the other
MAX_MAIN_ACTORS = 6
MAX_EVIDENCE = 2  # sentences kept as evidence per actor
# Organisations an article takes a stance toward (not outlets, companies or projects).
STANCE_ORG_KINDS = {"alliance", "intergovernmental", "armed-group", "party", "government", "format"}
GROUP_KINDS = ("group",)  # actors that take 'their'


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    weight: float  # > 0 supportive, < 0 critical
    kind: str  # action | state | object | epithet (a state cue in the narrator's register)
    text: str


@dataclass(frozen=True)
class Targeting:
    """How cues find their actor (the `targeting` section of the lexicon)."""

    passive_before: re.Pattern[str]
    from_doer_before: re.Pattern[str]
    agent_after: re.Pattern[str]
    object_before: re.Pattern[str]
    other_agents: re.Pattern[str]
    own_agents: re.Pattern[str]
    bilateral: re.Pattern[str]
    own_side: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon_data() -> dict[str, Any]:
    data: dict[str, Any] = yamlio.load(LEXICON_PATH.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def lexicon() -> tuple[Cue, ...]:
    data = _lexicon_data()
    cues = []
    for polarity, sign in (("critical", -1.0), ("supportive", 1.0)):
        for kind, entries in data[polarity].items():
            for text, weight in entries.items():
                pattern = re.compile(rf"(?<![\w-])(?:{text})(?![\w-])", re.IGNORECASE)  # whole words
                cues.append(Cue(pattern, sign * float(weight), kind, text))
    return tuple(cues)


@lru_cache(maxsize=1)
def cue_index() -> WordIndex[Cue]:
    """The lexicon indexed by the word starts each cue needs, so a sentence is searched only for cues it may hold."""
    return WordIndex((cue.pattern, cue) for cue in lexicon())


def _words(items: Sequence[str]) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def targeting() -> Targeting:
    data = _lexicon_data()["targeting"]
    agents = _words(data["other_agents"])
    return Targeting(
        passive_before=re.compile(str(data["passive_before"]), re.IGNORECASE),
        from_doer_before=re.compile(str(data["from_doer_before"]), re.IGNORECASE),
        agent_after=re.compile(str(data["agent_after"]), re.IGNORECASE),
        object_before=re.compile(str(data["object_before"]), re.IGNORECASE),
        other_agents=re.compile(rf"\b(?:{agents})\b", re.IGNORECASE),
        own_agents=re.compile(rf"^\W*(?:\w+\W+)?(?:{agents})\W*$", re.IGNORECASE),
        bilateral=re.compile(rf"(?<![\w-])(?:{'|'.join(data['bilateral'])})(?![\w-])", re.IGNORECASE),
        own_side=re.compile(rf"(?<![\w-])(?:{'|'.join(data['own_side'])})(?![\w-])", re.IGNORECASE),
    )


@dataclass
class StanceResult:
    labels: dict[str, str]
    scores: dict[str, float]
    evidence: dict[str, str]  # actor -> the label's reading and its strongest sentences
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
        surfaces: dict[str, set[str]] = defaultdict(set)
        for m in entities.mentions:
            if m.actor in counts and m.implied_by is None:
                surfaces[m.actor].add(m.surface)
        for actor in list(counts):
            spelled = actor.split()[0] in headline  # "Russia" in "Russian-Style"
            if spelled or any(word_at(headline, s) for s in surfaces[actor]):
                counts[actor] += 2  # named in the headline: what the article is about
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
_LIST = re.compile(r"^\W*(?:and|or|,|as well as)\W*(?:the\W+)?$", re.IGNORECASE)  # "China and Russia", not "X with Y"
_ATTRIBUTIVE_GAP = re.compile(r"^\s*(?:(?:for|of|to)\s+)?(?:the\s+)?$", re.IGNORECASE)
_POSSESSIVE_GAP = re.compile(r"^(?:['’]s)?\s*(?:\w+\s+)?$")
_OBJECT_GAP = re.compile(r"^\s*(?:\w+\s+){0,3}?$")
# A quality named in the subject, its bearer after the copula: "the occupant country is Russia", "the aggressor was Moscow".
_COPULA_GAP = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:is|was|are|were|remains|remained|has been|had been)\s+(?:clearly\s+|obviously\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _coordinated(first: Mention, mentions: list[Mention], text: str, joiner: re.Pattern[str] = _COORDINATION) -> list[Mention]:
    """``first`` and the actors joined to it by 'and', 'with' or commas ("the U.S. and Japan")."""
    group = [first]
    ordered = sorted(mentions, key=lambda m: m.start)
    position = ordered.index(first)
    for step in (-1, 1):
        k = position
        while 0 <= k + step < len(ordered):
            a, b = (ordered[k + step], ordered[k]) if step < 0 else (ordered[k], ordered[k + step])
            if not joiner.match(text[a.end : b.start]):
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
    """True when the mention is the object of a deed, a verb or a preposition ("harms Russian interests",
    "to counter China", "in Kazakhstan"), not the doer of what follows."""
    lead = text[max(0, mention.start - 25) : mention.start]
    return _action_just_before().search(lead) is not None or targeting().object_before.search(lead) is not None


def _agent_after(end: int, c_end: int, after: list[Mention], text: str, passive: bool, from_doer: bool) -> tuple[bool, list[Mention]]:
    """Whether a doer is named by 'by' (or 'from', after 'subjected to') after a deed, and the actor it is, if any."""
    match = targeting().agent_after.match(text[end:c_end])
    if not match or (match.group(1).lower() == "from" and not from_doer):
        return False, []
    agent_start = end + match.end()
    if not passive and re.match(r"\w+ing\b", text[agent_start:]):
        return False, []  # "threatens Kazakhstan by cutting gas": a means, not a doer
    return True, [m for m in after if agent_start <= m.start <= agent_start + 12][:1]


def _action_targets(start: int, end: int, c_end: int, before: list[Mention], after: list[Mention], text: str) -> list[Mention]:
    """The doer of the deed at [start, end): named after 'by' ('from') when there is one, else the actor before it."""
    rules = targeting()
    lead = text[max(0, start - 40) : start]
    passive = rules.passive_before.search(lead) is not None
    named, doer = _agent_after(end, c_end, after, text, passive, rules.from_doer_before.search(lead) is not None)
    if named or passive:
        return doer  # "shelled by Armenia"; "fortifications of the Armenians were destroyed": they suffered it
    if before and _POSSESSIVE_GAP.match(text[before[-1].end : start]):
        return [before[-1]]  # "Russia's aggression", "Russian aggression"
    objects = {id(m) for first in before if _is_object(first, text) for m in _coordinated(first, before, text, _LIST)}
    agents = [m for m in before if id(m) not in objects]
    if not agents:
        return []
    gap = text[agents[-1].end : start]
    if rules.other_agents.search(gap) and not rules.own_agents.match(gap):
        return []  # "... vigilant to external forces hoping to exploit": the forces act, not the actor
    return _coordinated(agents[-1], before, text)


def _targets(cue: Cue, start: int, end: int, mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions a cue at [start, end) is about (at most one actor each)."""
    c_start, c_end = _clause_bounds(text, start)
    in_clause = [m for m in mentions if c_start <= m.start < c_end]
    before = [m for m in in_clause if m.end <= start]
    after = [m for m in in_clause if m.start >= end]
    if cue.kind == "object":
        return _coordinated(after[0], after, text) if after and _OBJECT_GAP.match(text[end : after[0].start]) else []
    if cue.kind == "action":
        return _action_targets(start, end, c_end, before, after, text)
    if before and _POSSESSIVE_GAP.match(text[before[-1].end : start]):
        return [before[-1]]  # "Russia's weakness", "Russian imperialism"
    if after and _ATTRIBUTIVE_GAP.match(text[end : after[0].start]):
        return [after[0]]  # "waning Russian influence", "a humiliation for Russia"
    if after and _COPULA_GAP.match(text[end : after[0].start]):
        return _coordinated(after[0], after, text)  # "the occupant country is Russia": not the actor before
    if before:
        return _coordinated(before[-1], before, text)
    return after[:1]


_PRONOUN = re.compile(r"\b(it|its|they|their)\b", re.IGNORECASE)
_EXPLETIVE_IT = re.compile(
    r"^it\s+(?:is|was|will be|would be|has been|had been|seems|seemed|appears|appeared|remains|became|becomes)\s+"
    r"(?:(?:\w+\s+){0,3}?(?:that|to|for|whether)\b|(?:an?|the|not|no|this|that)\b)",
    re.IGNORECASE,
)  # 'it is clear that', 'it is too early to', 'it was an organised aggression': not an actor
_SUBJECT_LEAD = re.compile(r"^\W*(?:[\w-]+\W+){0,4}$")


def sentence_subject(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The actor(s) a sentence opens with as its subject ('Secondly, the CSTO could not ...'), or []."""
    ordered = sorted(mentions, key=lambda m: m.start)
    if not ordered:
        return []
    first = ordered[0]
    lead = text[: first.start]
    if not _SUBJECT_LEAD.match(lead) or targeting().object_before.search(lead):
        return []
    return _coordinated(first, ordered, text, _LIST)


def _antecedent_targets(
    cue: Cue, start: int, mentions: list[Mention], text: str, antecedent: Sequence[Mention], kinds: Mapping[str, str]
) -> tuple[list[str], str]:
    """The actor a pronoun before the cue stands for ('And it could not resolve ...', 'its policy is hypocrisy'):
    the subject the sentence or the one before opened with, when number agrees; none for 'it is clear that'."""
    if cue.kind == "object" or not antecedent:
        return [], ""
    c_start, _ = _clause_bounds(text, start)
    if any(c_start <= m.start < start for m in mentions):
        return [], ""  # the clause names its own actor
    lead = text[c_start:start]
    pronouns = list(_PRONOUN.finditer(lead))
    if not pronouns:
        return [], ""
    pronoun = pronouns[-1].group(1)
    if pronoun.lower() == "it" and _EXPLETIVE_IT.match(lead[pronouns[-1].start() :]):
        return [], ""
    if cue.kind == "action" and targeting().passive_before.search(text[max(0, start - 40) : start]):
        return [], ""
    if cue.kind == "action" and targeting().agent_after.match(text[start:]):
        return [], ""  # 'waged by overseas forces': the doer is named, and is no actor
    plural = len(antecedent) > 1 or kinds.get(antecedent[0].actor) in GROUP_KINDS
    if (pronoun.lower() in ("they", "their")) != plural:
        return [], ""
    return [m.actor for m in antecedent], pronoun


def _cue_label(cue: str, voice: Voice, zone: str, hedged: bool, factor: float) -> str:
    """The cue as evidence shows it: 'dead', 'friendship (relayed from official, x0.15)', 'shaken (headline, x1.5)'."""
    if voice.kind == "own" and factor == 1.0:
        return cue
    reading = [voice.label] if voice.kind != "own" else [zone] if zone_weight(zone) != 1.0 else []
    reading += ["hedged"] if hedged else []
    return f"{cue} ({', '.join(reading + [f'x{factor:.2g}'])})"


def score_sentence(
    sentence: Sentence,
    mentions: list[Mention],
    voice: SentenceVoice = OWN,
    implicit: Sequence[str] = (),
    kinds: Mapping[str, str] | None = None,
    own_weight: float = 1.0,
    antecedent: Sequence[Mention] = (),
) -> dict[str, list[tuple[float, str]]]:
    """Cue weights per actor in one sentence, with the cue text (and, unless it is the outlet's own, its voice).

    ``implicit``: the actors a state cue is about when the sentence names none ("our relations").
    ``kinds``: actor -> kind, so that 'their' owns a group's scare quote and 'its' a single actor's.
    ``own_weight``: how much the outlet's own words weigh (more in an opinion piece).
    ``antecedent``: the subject of the previous sentence, for 'it'/'they' in this one.
    """
    text = sentence.text
    zone_factor = zone_weight(sentence.zone)
    found: dict[str, list[tuple[float, str]]] = defaultdict(list)
    matches = sorted(
        cue_index().finditer(text),
        key=lambda item: (-(item[0].end() - item[0].start()), item[0].start()),
    )
    taken: list[tuple[int, int]] = []
    subject: list[Mention] | None = None  # the sentence's opening subject, found when a pronoun needs it
    for match, cue in matches:
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue  # "good and stable" counts once, not again as "stable"
        taken.append((match.start(), match.end()))
        if is_topic(text, match.start()):
            continue  # "discussed prospects of strategic partnership" judges nothing
        where = voice.at(match.start(), match.end(), text)
        if cue.kind == "epithet" and where.kind == "relayed" and not voice.quoted(match.start(), match.end()):
            where = Voice("own")  # the honorific register is the narrator's, even in reported speech
        hedge = hedge_factor(text, _clause_bounds(text, match.start())[0], match.start())
        factor = voice_weight(where) * zone_factor * hedge * (own_weight if where.kind == "own" else 1.0)
        weight = cue.weight * factor
        if NEGATIONS.search(text[max(0, match.start() - 30) : match.start()]):
            weight = -weight * 0.5
        targets = [m.actor for m in _targets(cue, match.start(), match.end(), mentions, text)]
        if not mentions and cue.kind in ("state", "epithet"):
            targets = list(implicit)
        label = _cue_label(match.group(), where, sentence.zone, hedge < 1.0, factor)
        if not targets:
            subject = sentence_subject(text, mentions) if subject is None else subject
            here = [m for m in subject if m.end <= _clause_bounds(text, match.start())[0]]
            targets, pronoun = _antecedent_targets(cue, match.start(), mentions, text, here or antecedent, kinds or {})
            label += f" (via '{pronoun}')" if targets else ""
        for actor in dict.fromkeys(targets):
            found[actor].append((weight, label))
    for actor, weight, label in _scare_quotes(text, mentions, voice, zone_factor, kinds or {}):
        found[actor].append((weight, label))
    return found


def _scare_quotes(
    text: str, mentions: list[Mention], voice: SentenceVoice, zone_factor: float, kinds: Mapping[str, str]
) -> list[tuple[str, float, str]]:
    """Short phrases in quotation marks owned by an actor ('its “sphere of influence”'): mildly critical."""
    found = []
    for match in SCARE_QUOTE.finditer(text):
        inner = match.group(1)
        lead = text[max(0, match.start() - 40) : match.start()]
        owner = re.search(r"\b(its|their)\s+(?:\w+\s+){0,3}$", lead)
        before = [m for m in mentions if m.end <= match.start()]
        if len(inner.split()) > 4 or not owner or not before:
            continue
        last = before[-1]
        plural = kinds.get(last.actor) in GROUP_KINDS or len(_coordinated(last, before, text)) > 1
        if (owner.group(1).lower() == "their") != plural:
            continue  # 'their “color revolution”' after Kazakhstan is someone else's
        where = voice.at(match.start() + 1, match.end() - 1, text)
        factor = voice_weight(where) * zone_factor
        found.append((last.actor, -0.5 * factor, f"its “{inner}” (scare quotes)"))
    return found


def _categories(entities: EntityResult, registry: Registry | None) -> dict[str, str]:
    """Registry category (official, analyst, ...) of every person the article names."""
    if registry is None:
        return {}
    found = {}
    for m in entities.mentions:
        if m.kind == "person":
            actor = registry.get(m.actor)
            if actor is not None and actor.category:
                found[m.actor] = actor.category
    return found


def _implicit_actors(text: str, voice: SentenceVoice, countries: list[str]) -> list[str]:
    """Whom a sentence naming no main actor is about: 'our relations' -> the two main countries."""
    rules = targeting()
    if len(countries) >= 2 and rules.bilateral.search(text):
        return countries[:2]
    if countries and rules.own_side.search(text) and not voice.attributed:
        return countries[:1]
    return []


def extract_stance(
    sentences: Sequence[Sentence],
    entities: EntityResult,
    headline: str | None = None,
    registry: Registry | None = None,
    page: Sequence[str] = (),
) -> StanceResult:
    """Each main actor's label, with the sentences and the voice (own, first-person, relayed) behind it.

    ``page``: lines by which the page files the article (breadcrumbs, bylines), for its genre.
    """
    actors = main_actors(entities, headline)
    targets = _stance_actors(entities)  # a cue goes to the nearest of these; only main actors get a label
    kinds = {m.actor: m.kind for m in entities.mentions}
    countries = [a for a in actors if kinds.get(a) == "country"]
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in entities.mentions:
        by_sentence[m.sentence].append(m)
    categories = _categories(entities, registry)
    voices = sentence_voices(sentences, by_sentence, categories)
    genre = read_genre(sentences, voices, headline, page)
    people = {m.surface: categories.get(m.actor, "") for m in entities.mentions if m.kind == "person"}
    positive: dict[str, float] = defaultdict(float)
    negative: dict[str, float] = defaultdict(float)
    best: dict[str, list[tuple[float, str]]] = defaultdict(list)
    scored: list[tuple[Sentence, list[Mention], SentenceVoice]] = []
    if headline:
        head = Sentence(headline, -1, -1, zone="headline")
        scored.append((head, _headline_mentions(headline, entities, targets), headline_voice(headline, people)))
    for sentence in sentences:
        mentions = [m for m in by_sentence.get(sentence.index, []) if m.actor in targets]
        scored.append((sentence, mentions, voices.get(sentence.index, OWN)))
    previous: tuple[int, list[Mention]] = (-2, [])  # (paragraph, subject) of the sentence before
    for sentence, mentions, voice in scored:
        implicit = _implicit_actors(sentence.text, voice, countries) if not mentions else []
        antecedent = previous[1] if previous[0] == sentence.paragraph else []
        cues_by_actor = score_sentence(sentence, mentions, voice, implicit, kinds, genre.own_weight, antecedent)
        if sentence.index >= 0:
            previous = (sentence.paragraph, sentence_subject(sentence.text, mentions) or (antecedent if not mentions else []))
        for actor, cues in cues_by_actor.items():
            total = sum(w for w, _ in cues)
            if total > 0:
                positive[actor] += total
            else:
                negative[actor] += -total
            best[actor].append((abs(total), f"{sentence.text} [{', '.join(c for _, c in cues)}]"))
    labels, scores, evidence = {}, {}, {}
    for actor in actors:
        label, score = _label(positive[actor], negative[actor])
        labels[actor] = label
        scores[actor] = round(score, 2)
        top = sorted(best[actor], key=lambda item: -item[0])[:MAX_EVIDENCE]
        evidence[actor] = (
            f"{label}: +{positive[actor]:.1f}/-{negative[actor]:.1f}; " + " | ".join(t for _, t in top)
            if top
            else "neutral: no stance cues"
        ) + f" [read as {genre.name}: {genre.evidence}]"
    return StanceResult(labels=labels, scores=scores, evidence=evidence, main_actors=actors)


def _stance_actors(entities: EntityResult) -> set[str]:
    """Every actor a stance cue can be about: countries, groups and the organisations of STANCE_ORG_KINDS.

    Cues are matched to the nearest of these, main actor or not, so that 'the Russian-led bloc is weak'
    is not pinned on a main actor named earlier in the sentence.
    """
    return {
        m.actor for m in entities.mentions
        if m.kind in ("country", "group") or (m.kind == "organisation" and m.org_kind in STANCE_ORG_KINDS)
    }


def _label(positive: float, negative: float) -> tuple[str, float]:
    """A polar label only for strong, one-sided evidence; neutral when unsure."""
    total = positive + negative
    score = positive - negative
    if total >= MIN_SCORE and abs(score) / total >= MIN_MARGIN and abs(score) >= MIN_SCORE * 0.8:
        return ("supportive" if score > 0 else "critical"), score
    return "neutral", score


def _headline_mentions(headline: str, entities: EntityResult, actors: Collection[str]) -> list[Mention]:
    found = []
    for actor in actors:
        for surface in {m.surface for m in entities.mentions if m.actor == actor}:
            for start in word_at(headline, surface):
                found.append(Mention(actor, "country", surface, "headline", -1, start, start + len(surface)))
    return sorted(found, key=lambda m: m.start)
