"""The date extractor's view of a raw text: lines, their zones, sentences and links.

Zones: ``head`` (first 4 non-empty lines), ``tail`` (last 4), ``related`` (after a
"Read also" header), ``body``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

RELATED_HEADER = re.compile(
    r"^\W{0,3}(read also|also read|see also|related( articles| news| stories| posts| materials)?|read more|more on (this|the topic)"
    r"|latest news|most read|most popular|popular|recommended|you may (also )?like|other news|more news|news feed|more stories"
    r"|читайте также|по теме|citește și)\W{0,3}$",
    re.IGNORECASE,
)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"”»’']?\s+(?=[\"“«‘'(]?[A-ZА-ЯЁ0-9])")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'“”«»]+|\b(?:[a-z0-9-]+\.)+(?:com|cn|ru|ua|kz|uz|kg|tj|tm|ro|net|org|info|news|app)/[^\s<>\"'“”«»]*", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # index into Doc.lines
    index: int  # position among the article's sentences (related-links block excluded)
    zone: str  # head | body | tail | related


@dataclass(frozen=True)
class Doc:
    text: str
    lines: tuple[str, ...]
    zones: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    urls: tuple[tuple[int, str], ...]  # (line index, url)

    def article_sentences(self) -> Iterable[Sentence]:
        return (s for s in self.sentences if s.zone != "related")


def _zones(lines: list[str]) -> list[str]:
    """head (first 4 non-empty lines), tail (last 4), related (after a 'Read also' header), body."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    zones = ["body"] * len(lines)
    for i in filled[:4]:
        zones[i] = "head"
    for i in filled[-4:]:
        zones[i] = "tail"
    related = False
    for i in filled:
        line = lines[i].strip()
        if RELATED_HEADER.match(line) or re.match(r"^(read also|see also|related|also read)\s*:", line, re.IGNORECASE):
            related = True
        elif related and len(line) > 300:
            related = False
        if related:
            zones[i] = "related"
    return zones


def document(text: str) -> Doc:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    zones = _zones(lines)
    sentences: list[Sentence] = []
    urls: list[tuple[int, str]] = []
    index = 0
    for number, line in enumerate(lines):
        for found in URL_RE.finditer(line):
            urls.append((number, found.group(0).rstrip(".,;)]")))
        stripped = line.strip()
        if not stripped:
            continue
        for part in SENTENCE_SPLIT.split(stripped):
            if part.strip():
                sentences.append(Sentence(part.strip(), number, index, zones[number]))
                if zones[number] != "related":
                    index += 1
    return Doc(text, tuple(lines), tuple(zones), tuple(sentences), tuple(urls))


def sentence_at(doc: Doc, line: int, offset: int) -> str:
    """The sentence of line ``line`` that contains character ``offset``."""
    text = doc.lines[line]
    starts = [0] + [m.end() for m in SENTENCE_SPLIT.finditer(text)]
    start = max(s for s in starts if s <= offset)
    following = [s for s in starts if s > offset]
    return text[start : following[0] if following else len(text)].strip()


def blank_urls(line: str) -> str:
    return URL_RE.sub(lambda m: " " * len(m.group(0)), line)

