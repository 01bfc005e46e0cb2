"""Outlets named by the page around the article: datelines, bylines, credits, the site's name.

"MOSCOW, April 17. /TASS/.", "ASTANA, May 5 (Xinhua) --", "By Trend", "Photo ITAR-TASS",
"Photo: Sergey Bobylev / TASS / Profimedia Images", "AT News" under the headline: each names
an outlet (a wire, a photo agency, the publisher) that is an organisation of the briefing. In
these slots a name may drop its "news agency" ("Trend" for Trend News Agency), which the
registry cannot list as a spelling of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from ..registry import Actor, Registry
from ..textutil import Sentence, sentences_of
from .document import Document
from .entities import extract_entities

# Reasons of lines (and of pieces cut from lines) that credit an outlet.
CREDIT_REASONS = ("photo credit", "byline", "source line", "copyright notice", "live-blog promo", "dateline", "label", "publication stamp")
# Page furniture that names the publisher (not a relayed source such as "— Reuters" in a headline).
PUBLISHER_REASONS = ("live-blog promo", "copyright notice", "source line", "bare link", "subscription prompt")
_CREDIT_LABEL = re.compile(
    r"^\W*(?:photos?|images?|foto|фото|source|credit|copyright|©|\(c\)|by|text|video|reporting by|publication|published (?:in|by))\b\W*",
    re.IGNORECASE,
)
_CREDIT_SPLIT = re.compile(r"\s*(?:/|\||;|,|\bvia\b|\band\b|\bfor\b|\s[-–—]\s)\s*")
SLOT_SUFFIXES = ("", " news agency", " agency", " news", " newspaper")


@dataclass(frozen=True)
class Credit:
    outlet: str  # canonical registry name
    line: int
    evidence: str


_LOGO = re.compile(r"\s+logo$", re.IGNORECASE)  # 'DAWN.COM Logo', 'The messenger logo'
_PLACE_PREFIX = re.compile(r"^[A-Z][A-Z .'-]+?\s*[-–—]\s*(?=[A-Z])")  # 'ANKARA-Anadolu Agency', 'BAKU - Trend'
_DOMAIN = re.compile(r"^([\w-]+)\.(?:[a-z]{2}|com|net|org|info|news)$", re.IGNORECASE)  # 'Shana.ir' -> 'Shana'


def _outlet(name: str, registry: Registry) -> Actor | None:
    """The outlet a credit slot names: the name itself, or it with the 'news agency' it dropped, without a
    'logo' after it, a dateline's place before it ('ANKARA-Anadolu Agency') or its web domain ('Shana.ir')."""
    name = re.sub(r"[«»\"“”]", "", name).strip(" .:()'")
    if len(name) < 2:
        return None
    name = _LOGO.sub("", name)
    forms = [name, _PLACE_PREFIX.sub("", name)]
    domain = _DOMAIN.match(name)
    forms += [domain.group(1)] if domain else []
    for form in dict.fromkeys(forms):
        for suffix in SLOT_SUFFIXES:
            actor = registry.resolve(form + suffix)
            if actor is not None and actor.kind == "organisation" and actor.org_kind == "outlet":
                return actor
    if _INITIALS.match(name):  # 'MNA' in 'MNA/Shana.ir': the initials of one outlet's name (Mehr News Agency)
        named = _outlet_initials(registry).get(name, [])
        return named[0] if len(named) == 1 else None
    return None


_INITIALS = re.compile(r"^[A-Z]{2,6}$")
_INITIALS_CACHE: dict[int, tuple[Registry, dict[str, list[Actor]]]] = {}


def _outlet_initials(registry: Registry) -> dict[str, list[Actor]]:
    """Outlets by the initials of their names' words ('Mehr News Agency' -> 'MNA'), built once per registry."""
    cached = _INITIALS_CACHE.get(id(registry))
    if cached is None or cached[0] is not registry:
        index: dict[str, list[Actor]] = {}
        for actor in registry.of_kind("organisation"):
            words = [w for w in re.split(r"[\s-]+", actor.name) if w[:1].isupper()]
            if actor.org_kind == "outlet" and len(words) >= 2:
                index.setdefault("".join(w[0] for w in words), []).append(actor)
        cached = (registry, index)
        _INITIALS_CACHE[id(registry)] = cached
    return cached[1]


def _outlets_in(text: str, registry: Registry) -> list[Actor]:
    """Outlets in a credit: each slash- or comma-separated piece, or a registry outlet named inside it."""
    found: list[Actor] = []
    for piece in _CREDIT_SPLIT.split(_CREDIT_LABEL.sub("", text)):
        actor = _outlet(_CREDIT_LABEL.sub("", piece), registry)
        if actor is None:
            for sentence in sentences_of(piece):
                actor = next(reversed(_outlets_named(sentence, registry)), actor)  # the last one named
        if actor is not None and actor not in found:
            found.append(actor)
    return found


NAMED_CACHE_SIZE = 4096  # sentences remembered (emptied when full)
_named_cache: tuple[Registry | None, dict[str, tuple[Actor, ...]]] = (None, {})  # for one registry at a time


def _outlets_named(sentence: Sentence, registry: Registry) -> tuple[Actor, ...]:
    """The outlets the entities of a lone sentence name, in order; a credit or furniture line recurs on a site's
    every page, so each text is read once per registry (what a lone sentence of the body names depends on its text only)."""
    global _named_cache
    if _named_cache[0] is not registry:
        _named_cache = (registry, {})  # another registry: start afresh, and let the last one go
    named = _named_cache[1]
    found = named.get(sentence.text)
    if found is None:
        actors = (registry.get(m.actor) for m in extract_entities([sentence], registry).mentions)
        found = tuple(a for a in actors if a is not None and a.org_kind == "outlet")
        if len(named) >= NAMED_CACHE_SIZE:
            named.clear()
        named[sentence.text] = found
    return found


SOURCE_LINE_ZONES = ("footer", "furniture", "byline")


def _source_line(text: str, registry: Registry) -> list[Actor]:
    """A short line of outlets only ('MNA/Shana.ir', 'Xinhua / TASS'): every piece an outlet, or nothing."""
    pieces = [p for p in re.split(r"\s*[/|,]\s*", text.strip()) if p]
    if not pieces or len(pieces) > 4 or len(text) > 60:
        return []
    actors = [_outlet(piece, registry) for piece in pieces]
    return [a for a in actors if a is not None] if all(actors) else []


def credited_outlets(doc: Document, registry: Registry) -> list[Credit]:
    """Outlets credited by the dateline, bylines, photo and source credits, and the site name by the headline."""
    credits: list[Credit] = []

    def add(actors: list[Actor], line: int, evidence: str) -> None:
        for actor in actors:
            if all(c.outlet != actor.name for c in credits):
                credits.append(Credit(actor.name, line, evidence))

    if doc.dateline and doc.dateline.outlet:
        add(_outlets_in(doc.dateline.outlet, registry), doc.dateline.line, f"dateline '{doc.dateline.text}'")
    headline = next((line.number for line in doc.lines if line.zone == "headline"), None)
    for line in doc.lines:
        for piece, reason in line.cuts:
            if reason in CREDIT_REASONS and reason != "dateline":
                add(_outlets_in(piece, registry), line.number, f"{reason} '{piece[:80]}'")
        if not line.kept and line.reason in CREDIT_REASONS:
            add(_outlets_in(line.text, registry), line.number, f"{line.reason} '{line.text[:80]}'")
        if line.zone == "headline" and line.reason.startswith("page title"):  # 'Title | Section | DW'
            parts = [_outlet(part, registry) for part in line.text.split(" | ")[1:]]
            add([a for a in parts if a is not None], line.number, f"the page title '{line.text[:80]}'")
        if not line.kept and line.zone in SOURCE_LINE_ZONES and _source_line(line.text, registry):  # 'MNA/Shana.ir'
            add(_source_line(line.text, registry), line.number, f"source line '{line.text[:80]}'")
        near_headline = headline is not None and 0 < abs(line.number - headline) <= 4
        if near_headline and line.zone in ("menu", "byline") and len(line.text.split()) <= 4:
            actor = _outlet(line.text, registry)
            if actor is not None:
                add([actor], line.number, f"the site's name by the headline '{line.text}'")
    return credits


def publisher(doc: Document, registry: Registry, url: str | None) -> tuple[str | None, str]:
    """The publishing outlet: from page furniture (e.g. 'LIVETEXT on HOTNEWS.RO'), the dateline, or the URL's site."""
    furniture = " ".join(r.text for r in doc.removed if r.reason in PUBLISHER_REASONS)
    for sentence in sentences_of(furniture):
        named = _outlets_named(sentence, registry)
        if named:
            return named[0].name, f"named in page furniture: '{sentence.text[:120]}'"
    if doc.dateline and doc.dateline.outlet:
        outlets = _outlets_in(doc.dateline.outlet, registry)
        if outlets:
            return outlets[0].name, f"dateline: '{doc.dateline.text}'"
    site = next((c for c in credited_outlets(doc, registry) if c.evidence.startswith("the site's name")), None)
    if site is not None:
        return site.outlet, site.evidence
    if url:
        host = (urlparse(url).hostname or "").removeprefix("www.")
        actor = _outlets_by_site(registry).get(host.split(".")[0]) if host else None
        if actor is not None:
            return actor.name, f"site of the URL {url}"
    return None, "no outlet named outside the article text"


_SITES_CACHE: dict[int, tuple[Registry, dict[str, Actor]]] = {}


def _outlets_by_site(registry: Registry) -> dict[str, Actor]:
    """Outlets by the first part of a site name any spelling gives ('kun' for Kun.uz), the registry's first
    outlet for each, built once per registry."""
    cached = _SITES_CACHE.get(id(registry))
    if cached is None or cached[0] is not registry:
        index: dict[str, Actor] = {}
        for actor in registry.of_kind("organisation"):
            if actor.org_kind == "outlet":
                for spelling in actor.spellings:
                    index.setdefault(spelling.lower().split(".")[0], actor)
        cached = (registry, index)
        _SITES_CACHE[id(registry)] = cached
    return cached[1]
