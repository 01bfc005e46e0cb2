"""The one model of a briefing, used by ingest, check, extract and the site.

How a briefing is stored (front matter and body, file name, fingerprint) is
:mod:`scripts.briefing`'s: the only place that reads and writes briefing files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

DateBasis = Literal["stated", "derived", "event", "unknown"]
DatePrecision = Literal["day", "month", "year"]
Stance = Literal["supportive", "neutral", "critical"]

STANCES: tuple[str, ...] = ("supportive", "neutral", "critical")  # as in the schema


@dataclass(frozen=True)
class Source:
    outlet: str | None
    url: str | None
    seed: str | None  # repository-relative path of the raw article, e.g. seeds/000_x.txt
    sha256: str | None  # of the seed file's bytes


@dataclass(frozen=True)
class Figure:
    """An amount, percentage or count, with the sentence it comes from."""

    value: str
    sentence: str


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None


@dataclass(frozen=True)
class Unregistered:
    """An actor the registry does not know yet, vouched for in the briefing."""

    name: str
    kind: str  # person | organisation
    country: str | None = None
    note: str | None = None


@dataclass
class Briefing:
    title: str
    date: str | None  # YYYY-MM-DD
    date_basis: str
    date_evidence: str | None
    source: Source
    # How precisely the evidence fixes the date, and the window it allows (None: exact day).
    date_precision: str | None = None
    date_range: tuple[str, str] | None = None
    countries: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    stance: dict[str, str] = field(default_factory=dict)
    thesis: str = ""
    summary: str = ""
    reviewed: bool = False
    unregistered: list[Unregistered] = field(default_factory=list)
    # What a reviewer should look at: weak fields, unknown names, removed lines.
    review: dict[str, Any] = field(default_factory=dict)
    # Field name -> the evidence that produced it (strings, or actor -> string).
    evidence: dict[str, Any] = field(default_factory=dict)
    # Body parts.
    key_points: list[str] = field(default_factory=list)
    key_figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    text: str = ""
