"""Summary, thesis and key points: extractive, from the sentences that carry the article."""

from __future__ import annotations

import math
import re
from collections import Counter

from ..textutil import Sentence
from ..wordlists import words

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def content_words(text: str) -> list[str]:
    stopwords = words("language", "stopwords")
    return [w for w in map(str.lower, _WORD.findall(text)) if len(w) > 2 and w not in stopwords]


def _is_body_sentence(sentence: Sentence) -> bool:
    words = sentence.text.split()
    return len(words) >= 8 and sentence.text[-1:] in ".!?\"”" and not sentence.text.startswith(("“", '"'))


def rank_sentences(sentences: list[Sentence], actor_weight: dict[int, float] | None = None) -> list[tuple[float, Sentence]]:
    """Score sentences by shared vocabulary with the whole text, position and actor mentions.

    A sentence's centrality is summed with ``math.fsum``, exact whatever the order of its set of words
    (which changes with the hash seed of each run): sentences that tie stay tied, and the earlier one
    ranks first in every run."""
    vocabularies = [set(content_words(s.text)) for s in sentences]
    frequencies = Counter(w for words in vocabularies for w in words)
    weights = {w: math.log1p(count) for w, count in frequencies.items()}
    ranked = []
    for s, words in zip(sentences, vocabularies):
        if not _is_body_sentence(s):
            continue
        centrality = math.fsum(weights[w] for w in words) / math.sqrt(len(words) + 1)
        position = 1.5 if s.paragraph == 0 else (0.6 if s.paragraph <= 2 else 0.0)
        actors = (actor_weight or {}).get(s.index, 0.0)
        ranked.append((centrality + position + actors, s))
    return sorted(ranked, key=lambda item: (-item[0], item[1].index))


def extract_summary(sentences: list[Sentence], actor_weight: dict[int, float] | None = None, max_chars: int = 700) -> tuple[str, str, list[str]]:
    """(summary, thesis, key points)."""
    ranked = rank_sentences(sentences, actor_weight)
    if not ranked:
        text = " ".join(s.text for s in sentences)[:max_chars]
        return text, text[:300], []
    thesis = ranked[0][1].text
    chosen: list[Sentence] = []
    total = 0
    for _, s in ranked:
        if total + len(s.text) > max_chars and chosen:
            continue
        chosen.append(s)
        total += len(s.text) + 1
        if len(chosen) == 3:
            break
    summary = " ".join(s.text for s in sorted(chosen, key=lambda s: s.index))
    used = {s.index for s in chosen}
    points = [s.text for _, s in ranked if s.index not in used][:4]
    return summary, thesis, points
