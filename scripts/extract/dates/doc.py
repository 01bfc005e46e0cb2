"""The date extractor's view of the shared document model (:mod:`scripts.extract.document`).

Dates are read from every line of the page, furniture included (a stamp, a live-blog
promo's "447th day of the war", an "Original article: <url>" footer), so the view keeps
each line's raw text with its zone, and splits lines the article does not keep into
sentences with the same splitter (:func:`scripts.textutil.sentence_spans`). Lines in
``RELATED_ZONES`` hold other stories' headlines and dates: nothing in them dates this
article. A date in a menu (a widget's "rates as of ...", another story's headline) or a
caption (when the photo was taken) is not a publication date either. ``place`` tells
where a line stands: ``head`` (above the article's prose), ``body`` or ``tail`` (below it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from functools import lru_cache

from ...clean import URL
from ...textutil import sentence_spans
from ..document import Document, build_document

RELATED_ZONES = ("related-links",)
NOT_PUBLICATION_ZONES = ("related-links", "menu", "caption")
LEAD_ZONES = ("headline", "standfirst")  # with the kept lines, where the article's lead is counted


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # index into Doc.lines
    index: int  # position among the sentences outside RELATED_ZONES
    zone: str  # the document zone of its line
    place: str  # head | body | tail
    rank: int = 0  # position in the article's own text (headline, standfirst, prose); furniture: its index


@dataclass(frozen=True)
class Doc:
    document: Document
    lines: tuple[str, ...]  # raw text of each line of the document
    zones: tuple[str, ...]
    reasons: tuple[str, ...]  # why the line has its zone ('publication stamp', 'photo credit', ...)
    places: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    urls: tuple[tuple[int, str], ...]  # (line index, url)
    cache: dict[Any, Any] = field(default_factory=dict, compare=False)  # work shared by the clue readers

    @property
    def text(self) -> str:
        return self.document.raw

    def related(self, line: int) -> bool:
        """Whether line ``line`` belongs to other stories (related links, menus)."""
        return self.zones[line] in RELATED_ZONES

    def may_print_publication(self, line: int) -> bool:
        """Whether a date printed on line ``line`` may be the article's publication date."""
        return self.zones[line] not in NOT_PUBLICATION_ZONES

    def article_sentences(self) -> tuple[Sentence, ...]:
        """The sentences outside RELATED_ZONES (found once per document)."""
        found = self.cache.get("article-sentences")
        if found is None:
            found = self.cache["article-sentences"] = tuple(s for s in self.sentences if s.zone not in RELATED_ZONES)
        return found


def _places(document: Document) -> list[str]:
    kept = [i for i, line in enumerate(document.lines) if line.kept]
    if not kept:
        return ["body"] * len(document.lines)
    return ["head" if i < kept[0] else "tail" if i > kept[-1] else "body" for i in range(len(document.lines))]


def date_view(source: str | Document) -> Doc:
    """The date extractor's view of a raw text or of its document model."""
    document = source if isinstance(source, Document) else build_document(source)
    places = _places(document)
    by_line: dict[int, list[str]] = {}
    for sentence in document.sentences:
        by_line.setdefault(sentence.line, []).append(sentence.text)
    sentences: list[Sentence] = []
    index = own = 0
    for number, line in enumerate(document.lines):
        raw = line.raw.strip()
        if not raw:
            continue
        parts = by_line.get(line.number) if line.kept else None
        if not parts:
            parts = [" ".join(raw[a:b].split()) for a, b in sentence_spans(raw)]
        article = line.kept or line.zone in LEAD_ZONES
        for part in parts:
            sentences.append(Sentence(part, number, index, line.zone, places[number], own if article else index))
            if line.zone not in RELATED_ZONES:
                index += 1
            own += article
    entry = {n: i for i, line in enumerate(document.lines) for n in line.numbers}
    urls = tuple((entry.get(link.line, 0), link.url) for link in document.urls)
    return Doc(
        document,
        tuple(line.raw for line in document.lines),
        tuple(line.zone for line in document.lines),
        tuple(line.reason for line in document.lines),
        tuple(places),
        tuple(sentences),
        urls,
    )


def sentence_at(doc: Doc, line: int, snippet: str) -> str:
    """The sentence of line ``line`` that contains ``snippet`` (the whole line if none does)."""
    for sentence in doc.sentences:
        if sentence.line == line and snippet in sentence.text:
            return sentence.text
    return " ".join(doc.lines[line].split())


@lru_cache(maxsize=4096)
def blank_urls(line: str) -> str:
    """``line`` with its URLs blanked out (same length), so their digits are not read as dates."""
    return URL.sub(lambda m: " " * len(m.group(0)), line) if "/" in line or "www" in line.lower() else line
