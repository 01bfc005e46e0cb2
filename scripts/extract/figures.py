"""Key figures (amounts, percentages, counts) and quotes with their speakers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..model import Figure, Quote
from ..textutil import Sentence
from ..wordlists import words
from .entities import Mention

_CURRENCY = r"(?:\$|US\$|USD|€|EUR|£|¥|₽|yuan|rubles?|roubles?|tenge|soms?|sums?|somoni|manats?|dollars?|euros?|RMB)"
_SCALE = r"(?:thousand|million|billion|trillion|mln|bln|bn|tn|m|k)"
_NUMBER = r"\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
FIGURE = re.compile(
    rf"(?:{_CURRENCY}\s?(?:{_NUMBER})(?:\s?{_SCALE})?\b(?:\s?{_CURRENCY})?"
    rf"|(?:{_NUMBER})\s?{_SCALE}?\s?{_CURRENCY}(?![a-z])"
    rf"|(?:{_NUMBER})\s?(?:%|per ?cent\b|percent\b)"
    rf"|(?:{_NUMBER})(?:\s{_SCALE})?\s(?:[a-z-]+\s){{0,2}}(?:documents|agreements|deals|contracts|people|troops|soldiers|"
    rf"migrants|workers|tons|tonnes|barrels|cubic meters|kilometers|km|projects|companies|countries|states|members|"
    rf"votes|seats|days|years|minutes|hours|cases|deaths|victims|refugees|visits|meetings|flights|trains|cars|jobs)\b)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
FIGURE_REACH = 8  # a figure starts at most this far before its first digit: 'roubles' and a space


def figures_in(text: str) -> Iterator[re.Match[str]]:
    """What ``FIGURE.finditer(text)`` finds, with FIGURE tried only where a figure can start: every figure holds
    a digit, at most FIGURE_REACH characters after its start (not at every character of the text)."""
    tried = 0  # FIGURE is tried at no position before this one again
    for digit in _DIGIT.finditer(text):
        for start in range(max(tried, digit.start() - FIGURE_REACH), digit.start() + 1):
            match = FIGURE.match(text, start)
            if match:
                yield match
                tried = match.end()
                break
        else:
            tried = max(tried, digit.start() + 1)
_OPENING_MARKS = ('"', "“", "«")  # every QUOTE and ATTRIBUTED_QUOTE opens with one
_YEAR_ONLY = re.compile(r"^(?:19|20)\d{2}$")
# An opening mark never follows a letter and a closing mark never precedes one (straight quotes are ambiguous).
QUOTE = re.compile(r"(?<!\w)[\"“«](?=\S)([^\"“”«»]{20,}?)(?<=\S)[\"”»](?!\w)")
# A quote closed right before its speech verb, whatever inner quotes it holds:
# “... its role as a “big brother,” said Kazakh political scientist ...
ATTRIBUTED_QUOTE = re.compile(
    r"(?<!\w)[\"“«](?=\S)(.{20,}?)[\"”»]\s*[,–—-]?\s*(?:(?:he|she|they|the expert|the analyst)\s+)?"
    r"(?:said|says|adds|added|notes|noted|concludes|concluded|told|stressed|emphasized|explained|argued|believes)\b"
)


@lru_cache(maxsize=1)
def _speech() -> re.Pattern[str]:
    """A speech verb of ``data/language.yaml`` or 'according to'."""
    verbs = "|".join(sorted(words("language", "speech_verbs")))
    return re.compile(rf"\b(?:{verbs}|according to)\b", re.IGNORECASE)


_PRONOUN_SPEAKER = re.compile(r"\b(?:he|she)\s+(?:said|says|adds|added|notes|noted|concludes|concluded|told|stressed|emphasized|explained)\b", re.IGNORECASE)


def extract_figures(sentences: list[Sentence], limit: int = 8) -> list[Figure]:
    figures: list[Figure] = []
    seen: set[str] = set()
    for s in sentences:
        if not _DIGIT.search(s.text):
            continue  # every figure holds a digit: most sentences need no search for one
        for match in figures_in(s.text):
            value = match.group().strip(" ,.")
            if _YEAR_ONLY.match(value) or value.lower() in seen:
                continue
            seen.add(value.lower())
            figures.append(Figure(value=value, sentence=s.text))
            if len(figures) >= limit:
                return figures
    return figures


def _speaker(sentence: Sentence, quote_span: tuple[int, int], people: list[Mention], last_person: str | None) -> str | None:
    """The person a quote is attributed to: named next to a speech verb, or 'he said' after the last named person."""
    outside = [m for m in people if not (quote_span[0] <= m.start < quote_span[1])]
    if outside and _speech().search(sentence.text):
        return min(outside, key=lambda m: min(abs(m.start - quote_span[1]), abs(quote_span[0] - m.end))).actor
    if _PRONOUN_SPEAKER.search(sentence.text[quote_span[1] :]) or _PRONOUN_SPEAKER.search(sentence.text[: quote_span[0]]):
        return last_person
    if outside:
        return outside[0].actor
    return None


def extract_quotes(sentences: list[Sentence], mentions: list[Mention], limit: int = 6) -> list[Quote]:
    """Direct quotes of at least a few words, with the speaker when the text names one."""
    people_by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "person" and m.implied_by is None:
            people_by_sentence.setdefault(m.sentence, []).append(m)
    paragraphs: dict[int, list[Sentence]] = {}
    for s in sentences:
        paragraphs.setdefault(s.paragraph, []).append(s)
    quotes: list[Quote] = []
    last_person: str | None = None
    for _, group in sorted(paragraphs.items()):
        text = " ".join(s.text for s in group)
        offsets, position = [], 0
        for s in group:
            offsets.append(position)
            position += len(s.text) + 1
        people = [
            Mention(m.actor, m.kind, m.surface, m.how, m.sentence, m.start + offsets[i], m.end + offsets[i])
            for i, s in enumerate(group)
            for m in people_by_sentence.get(s.index, [])
        ]
        merged = Sentence(text, group[0].paragraph, group[0].index)
        quoted = any(mark in text for mark in _OPENING_MARKS)
        attributed = list(ATTRIBUTED_QUOTE.finditer(text)) if quoted else []
        plain = [m for m in QUOTE.finditer(text) if not any(a.start() <= m.start() < a.end() for a in attributed)] if quoted else []
        for match in sorted(attributed + plain, key=lambda m: m.start()):
            if len(match.group(1).split()) < 5:
                continue
            speaker = _speaker(merged, (match.start(1) - 1, match.end(1) + 1), people, last_person)
            quotes.append(Quote(text=match.group(1).strip(), speaker=speaker))
            if len(quotes) >= limit:
                return quotes
        if people:
            last_person = people[-1].actor
    return quotes
