"""The document model every extractor reads: built once per seed from its raw text.

    raw text --normalize--> lines with zones (clean.classify_lines)
             --> article text, sentences with offsets, headline, dateline, removed lines, URLs

* ``lines``: every line of the seed (hard-wrapped paragraphs joined into one
  entry), with its 1-based ``number``, ``raw`` text, ``zone`` (headline,
  standfirst, dateline, byline, stamp, body, subheading, caption,
  related-links, menu, footer, furniture, blank), the ``reason`` for it,
  whether the article ``kept`` it, and what was ``cut`` from it (a dateline,
  a stamp, a glued photo credit).
* ``text``: the article: kept lines as paragraphs separated by blank lines.
* ``sentences``: every sentence of ``text`` with its ``start``/``end`` offsets in
  ``text``, its paragraph, its seed ``line`` and that line's ``zone``.
* ``captions``: sentences of photo captions, which are not the article's text but name
  its actors (offsets are in the caption; ``paragraph`` is -1).
* ``headline``, ``dateline`` (place, printed date, outlet), ``removed`` (what
  ``review.removed`` shows) and ``urls`` (every URL with its line and zone).

:func:`build_document` is pure: no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..clean import Dateline, Line, Removal, classify_lines, normalize, removals, repair_line, urls_in
from ..textutil import Sentence, sentence_spans

ARTICLE_ZONES = ("standfirst", "body", "subheading", "caption")
# Zones whose URLs name the article's own page ("Original article: <url>"), not other stories.
SOURCE_URL_ZONES = ("footer", "furniture", "stamp", "byline", "menu")


@dataclass(frozen=True)
class Link:
    url: str
    line: int  # 1-based line of the seed
    zone: str


@dataclass(frozen=True)
class Document:
    raw: str  # the seed's text, normalised (NFC, \n line ends, no zero-width or non-breaking spaces)
    lines: tuple[Line, ...]
    text: str
    sentences: tuple[Sentence, ...]
    headline: str | None
    dateline: Dateline | None
    captions: tuple[Sentence, ...]  # sentences of photo captions: not the article, but they name its actors
    removed: tuple[Removal, ...]
    urls: tuple[Link, ...]

    def zone_lines(self, *zones: str) -> list[Line]:
        """The lines in any of ``zones``, in order."""
        return [line for line in self.lines if line.zone in zones]

    def line(self, number: int) -> Line | None:
        """The entry holding seed line ``number`` (1-based)."""
        return next((line for line in self.lines if number in line.numbers), None)

    @property
    def source_url(self) -> str | None:
        """The first URL printed in the page's own furniture ('Original article: ...'), if any."""
        for link in self.urls:
            if link.zone in SOURCE_URL_ZONES:
                return link.url
        return None


def _caption_text(line: Line) -> str:
    """A caption line without the credit cut from it."""
    text = " ".join(line.raw.split())
    for piece, reason in line.cuts:
        if reason == "photo credit":
            text = text.replace(piece, " ")
    return repair_line(text)


def build_document(raw: str) -> Document:
    """The document model of one seed's text (the text after its header)."""
    normalised = normalize(raw)
    lines, headline, dateline = classify_lines(normalised)
    paragraphs: list[tuple[Line, str]] = [(line, line.text) for line in lines if line.kept and line.text]
    text_parts: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    for p_index, (line, paragraph) in enumerate(paragraphs):
        for a, b in sentence_spans(paragraph):
            sentences.append(Sentence(paragraph[a:b], p_index, len(sentences), offset + a, offset + b, line.number, line.zone))
        text_parts.append(paragraph)
        offset += len(paragraph) + 2
    captions: list[Sentence] = []
    for line in lines:
        if line.zone == "caption":
            caption = _caption_text(line)
            for a, b in sentence_spans(caption):
                captions.append(Sentence(caption[a:b], -1, len(sentences) + len(captions), a, b, line.number, "caption"))
    urls = [Link(url, line.number, line.zone) for line in lines for url in urls_in(line.raw)]
    return Document(
        raw=normalised,
        lines=tuple(lines),
        text="\n\n".join(text_parts),
        sentences=tuple(sentences),
        headline=repair_line(headline) if headline else None,
        dateline=dateline,
        captions=tuple(captions),
        removed=tuple(removals(lines)),
        urls=tuple(urls),
    )
