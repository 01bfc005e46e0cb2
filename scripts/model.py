"""The one model of a briefing, used by ingest, check, extract and the site.

A briefing file is YAML front matter (the fields below, in this order) and a
Markdown body (summary, key points, key figures, quotes, cleaned article).
The JSON Schema in ``docs/schemas/briefing.schema.json`` describes the front
matter; :meth:`Briefing.front_matter` gives the order files are written in.
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

    def front_matter(self) -> dict[str, Any]:
        """The front matter as plain data, keys in the order files are written in."""
        data: dict[str, Any] = {
            "title": self.title,
            "date": self.date,
            "date_basis": self.date_basis,
        }
        if self.date_precision and self.date_precision != "day":
            data["date_precision"] = self.date_precision
        if self.date_range:
            data["date_range"] = list(self.date_range)
        data |= {
            "date_evidence": self.date_evidence,
            "source": {
                "outlet": self.source.outlet,
                "url": self.source.url,
                "seed": self.source.seed,
                "sha256": self.source.sha256,
            },
            "countries": list(self.countries),
            "people": list(self.people),
            "organisations": list(self.organisations),
            "stance": dict(self.stance),
            "thesis": self.thesis,
            "summary": self.summary,
            "reviewed": self.reviewed,
        }
        if self.unregistered:
            data["unregistered"] = [
                {k: v for k, v in vars(u).items() if v is not None} for u in self.unregistered
            ]
        if self.review:
            data["review"] = self.review
        if self.evidence:
            data["evidence"] = self.evidence
        return data

    def extract_record(self) -> dict[str, Any]:
        """The stable ``extract --json`` view: front-matter fields, names as lists."""
        record = self.front_matter()
        record.pop("review", None)
        record.pop("reviewed", None)
        record["unregistered"] = [vars(u) for u in self.unregistered]
        return record


def briefing_from_front_matter(data: dict[str, Any], body: str = "") -> Briefing:
    """Build a :class:`Briefing` from validated front matter (see ``validate``)."""
    source = data.get("source") or {}
    window = data.get("date_range")
    return Briefing(
        title=str(data.get("title") or ""),
        date=str(data["date"]) if data.get("date") else None,
        date_basis=str(data.get("date_basis") or "unknown"),
        date_evidence=data.get("date_evidence"),
        date_precision=data.get("date_precision"),
        date_range=(str(window[0]), str(window[1])) if isinstance(window, list) and len(window) == 2 else None,
        source=Source(
            outlet=source.get("outlet"),
            url=source.get("url"),
            seed=source.get("seed"),
            sha256=source.get("sha256"),
        ),
        countries=list(data.get("countries") or []),
        people=list(data.get("people") or []),
        organisations=list(data.get("organisations") or []),
        stance=dict(data.get("stance") or {}),
        thesis=str(data.get("thesis") or ""),
        summary=str(data.get("summary") or ""),
        reviewed=bool(data.get("reviewed", False)),
        unregistered=[
            Unregistered(
                name=str(u.get("name")),
                kind=str(u.get("kind")),
                country=u.get("country"),
                note=u.get("note"),
            )
            for u in data.get("unregistered") or []
            if isinstance(u, dict)
        ],
        review=dict(data.get("review") or {}),
        evidence=dict(data.get("evidence") or {}),
        text=body,
    )
