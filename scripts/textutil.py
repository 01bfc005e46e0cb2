"""Text primitives shared by the cleaner and the extractors: sentences and tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "jr", "sr", "vs", "etc", "inc", "ltd",
    "co", "corp", "no", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "est", "fig", "pres", "gov", "sen", "rep", "amb",
}
_SENTENCE_END = re.compile(r"""([.!?…]+["”’»)\]]*)(\s+)(?=["“«(\[]?[A-Z0-9А-ЯЁ])""")


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (abbreviation-aware, no model)."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : match.start(1)]
        last_word = re.search(r"([\w.]+)$", before)
        if match.group(1) == "." and last_word:
            word = last_word.group(1).lower().rstrip(".")
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        end = match.end(1)
        sentence = paragraph[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs (blank-line separated) of cleaned text."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # 0-based paragraph index
    index: int  # 0-based sentence index in the document


def sentences_of(text: str) -> list[Sentence]:
    """Every sentence of a cleaned text, with its paragraph index."""
    result: list[Sentence] = []
    for p_index, paragraph in enumerate(paragraphs(text)):
        for sentence in split_sentences(" ".join(paragraph.split())):
            result.append(Sentence(sentence, p_index, len(result)))
    return result


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


# Words with inner punctuation stay whole: U.S, C5+1, Xi'an, Nur-Sultan, RFE/RL, Kun.uz, 24.kg.
_TOKEN = re.compile(r"\w+(?:[.\-/+&'’]\w+)*|[^\w\s]")


def tokenize(text: str) -> list[Token]:
    """Tokens with character offsets; possessive 's is split off ("Russia's" -> Russia, 's)."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        possessive = re.match(r"^(.+?)(['’]s)$", word) if len(word) > 3 else None
        if possessive and not possessive.group(1).endswith(("'", "’")):
            base = possessive.group(1)
            tokens.append(Token(base, start, start + len(base)))
            tokens.append(Token(possessive.group(2), start + len(base), match.end()))
        else:
            tokens.append(Token(word, start, match.end()))
    return tokens

