"""Extraction: a raw seed becomes a drafted :class:`~scripts.model.Briefing`.

    seed text --build_document--> Document (zoned lines, article text, sentences) --extract--> Briefing

Every extractor reads the one :class:`~scripts.extract.document.Document`.

Each field records the evidence that produced it in ``Briefing.evidence``;
what a reviewer should look at goes in ``Briefing.review``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ..briefing import front_matter
from ..model import Briefing, Source
from ..problems import ProblemsError
from ..registry import Registry, default_registry
from ..seed import read_seed, reference
from ..textutil import Sentence
from .dates import extract_date
from .document import Document, build_document
from .entities import EntityResult, extract_entities
from .figures import extract_figures, extract_quotes
from .outlets import credited_outlets, publisher
from .stance import extract_stance
from .summary import extract_summary
from .title import extract_title

WEAK_DATE_CONFIDENCE = 0.6
LEAD_ZONES = ("standfirst", "body")  # a made title comes from the first sentence of these
SUMMARY_ZONES = ("standfirst", "body", "subheading")  # captions describe a photo, not the article


def _actor_weights(entities: EntityResult, main: list[str]) -> dict[int, float]:
    weights: dict[int, float] = {}
    for m in entities.mentions:
        if m.actor in main and m.implied_by is None:
            weights[m.sentence] = min(weights.get(m.sentence, 0.0) + 0.4, 1.2)
    return weights


def draft_from_text(text: str, seed: str | None, sha256: str | None, registry: Registry, header: dict[str, str] | None = None) -> Briefing:
    """Draft a briefing from a seed's article text (pure: no I/O)."""
    return draft_from_document(build_document(text), seed, sha256, registry, header)


def draft_from_document(doc: Document, seed: str | None, sha256: str | None, registry: Registry, header: dict[str, str] | None = None) -> Briefing:
    """Draft a briefing from the document model of a seed (pure: no I/O)."""
    header = header or {}
    sentences = list(doc.sentences)
    headline = [Sentence(doc.headline, -1, len(sentences) + len(doc.captions), 0, len(doc.headline), 0, "headline")] if doc.headline else []
    entities = extract_entities(sentences + list(doc.captions) + headline, registry)
    lead = next((s.text for s in sentences if s.zone in LEAD_ZONES), sentences[0].text if sentences else None)
    title, title_evidence = extract_title(doc.headline, lead)
    url = header.get("url") or doc.source_url
    dated = extract_date(doc, url=url)
    filed_under = [line.text for line in doc.lines if line.zone == "byline" or line.reason == "breadcrumb"]
    stance = extract_stance(sentences, entities, doc.headline, registry, filed_under)
    lead_sentences = [s for s in sentences if s.zone in SUMMARY_ZONES]
    summary, thesis, key_points = extract_summary(lead_sentences, _actor_weights(entities, stance.main_actors))
    outlet, outlet_evidence = publisher(doc, registry, url)
    credits = credited_outlets(doc, registry)

    evidence: dict[str, object] = {"title": title_evidence}
    date, basis, date_evidence = dated.date, dated.basis, dated.evidence
    date_precision, date_range = dated.precision, dated.date_range
    if header.get("title"):
        title, evidence["title"] = header["title"], "given in the seed's header"
    if header.get("date"):
        date, basis, date_evidence = header["date"], "stated", "given in the seed's header"
        date_precision, date_range = None, None
    if header.get("outlet"):
        outlet, outlet_evidence = header["outlet"], "given in the seed's header"
    evidence.update(
        {
            "date": f"{basis} (confidence {dated.confidence:.2f}): {date_evidence}" if date else "no date clue",
            "outlet": outlet_evidence,
            "countries": entities.evidence["countries"],
            "people": entities.evidence["people"],
            "organisations": entities.evidence["organisations"],
            "stance": stance.evidence,
            "thesis": "the sentence that best shares the article's vocabulary and main actors",
        }
    )
    review: dict[str, object] = {}
    weak = []
    if basis == "unknown" or dated.confidence < WEAK_DATE_CONFIDENCE:
        weak.append(f"date: {basis}, confidence {dated.confidence:.2f}")
    if not doc.headline and not header.get("title"):
        weak.append("title: made from the lead (the text has no headline)")
    if outlet is None:
        weak.append("source.outlet: not found in the text")
    polar = [a for a, label in stance.labels.items() if label != "neutral"]
    if polar:
        weak.append("stance: check " + ", ".join(f"{a} ({stance.labels[a]})" for a in polar))
    if weak:
        review["check"] = weak
    if entities.unregistered:
        review["unknown_names"] = [f"{u.name} ({u.kind})" for u in entities.unregistered]
    if doc.removed:
        review["removed"] = [f"line {r.line}, {r.reason}: {r.text[:100]}" for r in doc.removed]

    organisations = list(entities.organisations)
    org_evidence = dict(entities.evidence["organisations"])
    for credit in credits:  # outlets credited around the article are organisations of it too
        if credit.outlet not in organisations:
            organisations.append(credit.outlet)
            org_evidence[credit.outlet] = f"credited outside the article text: {credit.evidence} (line {credit.line})"
    if outlet and registry.get(outlet) and outlet not in organisations:
        organisations.append(outlet)  # the publishing outlet is an organisation of the article too
        org_evidence[outlet] = f"the publishing outlet: {outlet_evidence}"
    evidence["organisations"] = dict(sorted(org_evidence.items()))

    return Briefing(
        title=title,
        date=date,
        date_basis=basis,
        date_evidence=date_evidence,
        date_precision=date_precision,
        date_range=date_range,
        source=Source(outlet=outlet, url=url, seed=seed, sha256=sha256),
        countries=entities.countries,
        people=entities.people,
        organisations=organisations,
        stance=stance.labels,
        thesis=thesis,
        summary=summary,
        unregistered=entities.unregistered,
        review=review,
        evidence=evidence,
        key_points=key_points,
        key_figures=extract_figures(sentences),
        quotes=extract_quotes(sentences, entities.mentions),
        text=doc.text,
    )


def draft_briefing(path: Path, registry: Registry | None = None) -> Briefing:
    """Draft the briefing of one seed file."""
    registry = registry or default_registry()
    seed = read_seed(path)
    return draft_from_text(seed.text, reference(path), seed.sha256, registry, seed.header)


def extract_record(briefing: Briefing) -> dict[str, object]:
    """The stable ``extract --json`` view: front-matter fields, names as lists, no review fields."""
    record = front_matter(briefing)
    record.pop("review", None)
    record.pop("reviewed", None)
    record["unregistered"] = [vars(u) for u in briefing.unregistered]
    return record


def run_extract(args: argparse.Namespace) -> int:
    """``extract FILE... [--json]``: one JSON object per file, errors on stderr."""
    registry = default_registry()
    status = 0
    for name in args.files:
        path = Path(name)
        try:
            briefing = draft_briefing(path, registry)
        except ProblemsError as error:
            for problem in error.problems:
                print(f"error: {problem}", file=sys.stderr)
            status = 1
            continue
        record = {"file": name, **extract_record(briefing)}
        if not args.evidence:
            record.pop("evidence", None)
        if args.json:
            print(json.dumps(record, ensure_ascii=False, sort_keys=False))
        else:
            print(f"{name}\n  title: {briefing.title}\n  date: {briefing.date} ({briefing.date_basis})")
            for field in ("countries", "people", "organisations"):
                print(f"  {field}: {', '.join(getattr(briefing, field)) or '-'}")
            print("  stance: " + ", ".join(f"{a}={s}" for a, s in briefing.stance.items()))
    return status
