"""Text primitives shared by the cleaner and the extractors: the one sentence splitter, tokens, and case folding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from typing import NamedTuple

from .wordlists import words

_INITIALS = re.compile(r"(?:[^\W\d_]\.){0,3}[^\W\d_]")
_LAST_WORD = re.compile(r"([\w.]+)$")
_SENTENCE_END = re.compile(r"""([.!?…]+["”’»)\]]*)(\s+)(?=["“«(\[]?[A-Z0-9А-ЯЁ])""")


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``paragraph``, whitespace excluded (abbreviation-aware, no model)."""
    abbreviations = words("language", "abbreviations")
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        last_word = _last_word(paragraph, start, match.start(1)) if match.group(1) == "." else None
        if last_word:
            word = last_word.group(1).lower().rstrip(".")
            if word in abbreviations or _INITIALS.fullmatch(word):
                continue  # 'Dr. Smith', 'B. Gundogdyev', 'M.J. Akbar'
        spans.append(_trimmed(paragraph, start, match.end(1)))
        start = match.end()
    spans.append(_trimmed(paragraph, start, len(paragraph)))
    return [(a, b) for a, b in spans if b > a]


LAST_WORD_REACH = 64  # characters read back for the word before a full stop, unless it is longer


def _last_word(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_LAST_WORD.search(text[start:end])``, reading only the end of that span (not the sentence from its start)."""
    pos = max(start, end - LAST_WORD_REACH)
    found = _LAST_WORD.search(text, pos, end)
    if found is not None and found.start() == pos and pos > start:
        return _LAST_WORD.search(text, start, end)  # the word may begin further back
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, as strings."""
    return [paragraph[a:b] for a, b in sentence_spans(paragraph)]


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs (blank-line separated) of cleaned text."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article text.

    ``start``/``end`` are offsets in the text it was split from (``Document.text``);
    ``line`` is the 1-based line of the seed it comes from (0 when not known) and
    ``zone`` that line's zone (body, standfirst, subheading, caption).
    """

    text: str
    paragraph: int  # 0-based paragraph index
    index: int  # 0-based sentence index in the document
    start: int = 0
    end: int = 0
    line: int = 0
    zone: str = "body"


def sentences_of(text: str) -> list[Sentence]:
    """Every sentence of a cleaned text (paragraphs separated by blank lines), with offsets in ``text``."""
    result: list[Sentence] = []
    for p_index, match in enumerate(re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)):
        paragraph = match.group()
        for a, b in sentence_spans(paragraph):
            sentence = " ".join(paragraph[a:b].split())
            result.append(Sentence(sentence, p_index, len(result), match.start() + a, match.start() + b))
    return result


# Letters re.IGNORECASE matches to a-z besides A-Z: folded first, so that every letter stays one letter.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})
_TO_FOLD = re.compile("[" + "".join(map(chr, _FOLD)) + "]")  # str.translate reads every character in Python: found first
_WORD_RUN_SPLIT = re.compile(r"(\w+)")  # split() keeps the runs of word characters


def fold_case(text: str) -> str:
    """``text`` in lower case as re.IGNORECASE compares it to a-z, one character for one (offsets stay)."""
    if not text.isascii() and _TO_FOLD.search(text):
        text = text.translate(_FOLD)
    return text.lower()


@lru_cache(maxsize=4096)  # a sentence is read for its words by the entities, then by the stance (word_positions)
def folded_parts(text: str) -> tuple[str, ...]:
    """``fold_case(text)`` cut into its runs of word characters and what lies between them:
    gap, run, gap, run, ..., gap (the gaps may be empty)."""
    return tuple(_WORD_RUN_SPLIT.split(fold_case(text)))


@lru_cache(maxsize=4096)
def folded_words(text: str) -> frozenset[str]:
    """The runs of word characters of ``text``, case-folded: ``r"\bword\b"`` with re.IGNORECASE matches ``text``
    for a ``word`` of word characters exactly when it is one of them."""
    return frozenset(folded_parts(text)[1::2])


class Token(NamedTuple):
    """A token and its character offsets (a named tuple: an article has hundreds, made fast)."""

    text: str
    start: int
    end: int


# Words with inner punctuation stay whole: U.S, C5+1, Xi'an, Nur-Sultan, RFE/RL, Kun.uz, 24.kg.
_TOKEN = re.compile(r"\w+(?:[.\-/+&'’]\w+)*|[^\w\s]")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # split() keeps the tokens: gap, token, gap, token, ..., gap
_APOSTROPHES = "'’"
_new_token = tuple.__new__  # Token's own __new__ is a Python function: ~770 tokens an article are made directly


def tokenize(text: str) -> list[Token]:
    """Tokens with character offsets; possessive 's is split off ("Russia's" -> Russia, 's)."""
    parts = _TOKEN_SPLIT.split(text)
    ends = list(accumulate(map(len, parts)))  # where each gap and each token ends
    tokens = list(map(_new_token, repeat(Token), zip(parts[1::2], ends[0::2], ends[1::2])))
    if "'s" in text or "’s" in text:
        _split_possessives(tokens)
    return tokens


def _split_possessives(tokens: list[Token]) -> None:
    """Split "Russia's" into Russia and 's, in place (the base has a word character before the apostrophe: _TOKEN)."""
    for k in range(len(tokens) - 1, -1, -1):
        word, start, end = tokens[k]
        if word[-1] == "s" and len(word) > 3 and word[-2] in _APOSTROPHES:
            tokens[k : k + 1] = [_new_token(Token, (word[:-2], start, end - 2)), _new_token(Token, (word[-2:], end - 2, end))]
