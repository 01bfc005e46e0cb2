"""``evaluate``: accuracy of extraction against hand-annotated metadata.

The gold file is a YAML list in the format of ``shared/expected/seeds.yaml``.
Names on both sides are resolved through the registry, so "CSTO",
"Collective Security Treaty Organization (CSTO)" and the canonical name all
match. Borderline countries count neither for nor against.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import paths, yamlio
from .clean import similarity
from .extract import draft_briefing
from .extract.entities import skeleton
from .model import Briefing
from .problems import Problem, ProblemsError
from .registry import Registry, default_registry, fold
from .write import render_body


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def name_variants(text: str) -> list[str]:
    """'Collective Security Treaty Organization (CSTO)' -> the full string, the name, 'CSTO'."""
    text = re.sub(r"\((?:[^()]*\b(?:boilerplate|only|unnamed)\b[^()]*)\)", "", str(text)).strip()
    variants = [text]
    outside = re.sub(r"\([^)]*\)", "", text).strip(" ,;")
    variants.append(outside)
    for inner in re.findall(r"\(([^)]*)\)", text):
        for part in re.split(r"[=,;]|\bas printed\b|'", inner):
            part = part.strip(" '\"=")
            if len(part) >= 2:
                variants.append(part)
    return [v for v in dict.fromkeys(variants) if v]


def canonical(text: str, registry: Registry) -> str:
    """The registry name ``text`` refers to, else the name without its parenthetical notes."""
    variants = name_variants(text)
    for variant in variants:
        actor = registry.resolve(variant)
        if actor is not None:
            return actor.name
    return variants[1] if len(variants) > 1 else text


def names_match(gold: str, predicted: str, registry: Registry) -> bool:
    """Same actor: same canonical name, same folded text, or the same person/organisation spelt apart."""
    if canonical(gold, registry) == canonical(predicted, registry):
        return True
    for variant in name_variants(gold):
        if fold(variant) == fold(predicted) or similarity(variant, predicted) >= 0.75:
            return True
        g, p = variant.split(), predicted.split()
        if len(g) >= 2 and len(p) >= 2 and skeleton(g[-1]) == skeleton(p[-1]) and g[0][0].lower() == p[0][0].lower():
            return True
    return False


def compare(gold: Iterable[str], predicted: Iterable[str], match: Callable[[str, str], bool], ignore: Iterable[str] = ()) -> Counts:
    counts = Counts()
    remaining = list(predicted)
    for g in gold:
        hit = next((p for p in remaining if match(g, p)), None)
        if hit is None:
            counts.fn += 1
            counts.misses.append(g)
        else:
            counts.tp += 1
            remaining.remove(hit)
    ignored = list(ignore)
    for p in remaining:
        if any(match(i, p) for i in ignored):
            continue
        counts.fp += 1
        counts.extras.append(p)
    return counts


def _add(total: Counts, part: Counts, label: str) -> None:
    total.tp += part.tp
    total.fp += part.fp
    total.fn += part.fn
    total.misses += [f"{label}: {m}" for m in part.misses]
    total.extras += [f"{label}: {e}" for e in part.extras]


def _gold_names(entries: list[Any]) -> tuple[list[str], list[str]]:
    """(names to find, names that must not be extracted) from a gold people/organisations list."""
    wanted, forbidden = [], []
    for entry in entries or []:
        name = entry.get("name") if isinstance(entry, dict) else str(entry)
        boilerplate = (isinstance(entry, dict) and entry.get("boilerplate_only")) or "boilerplate only" in str(entry)
        (forbidden if boilerplate else wanted).append(str(name))
    return wanted, forbidden


@dataclass
class Report:
    fields: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in ("countries", "people", "organisations")})
    dates_in_range: int = 0
    dates_total: int = 0
    date_misses: list[str] = field(default_factory=list)
    titles_recovered: int = 0
    titles_total: int = 0
    stance_equal: int = 0
    stance_total: int = 0
    stance_swaps: list[str] = field(default_factory=list)
    stance_misses: list[str] = field(default_factory=list)
    boilerplate_leaks: list[str] = field(default_factory=list)
    boilerplate_actors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            k: {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "f1": round(c.f1, 3), "misses": c.misses, "extras": c.extras}
            for k, c in self.fields.items()
        }
        data["dates"] = {"in_range": self.dates_in_range, "total": self.dates_total, "misses": self.date_misses}
        data["titles"] = {"recovered": self.titles_recovered, "total": self.titles_total}
        data["stance"] = {
            "equal": self.stance_equal,
            "total": self.stance_total,
            "share_equal": round(self.stance_equal / self.stance_total, 3) if self.stance_total else 1.0,
            "swaps": self.stance_swaps,
            "misses": self.stance_misses,
        }
        data["boilerplate_leaks"] = self.boilerplate_leaks
        data["boilerplate_actors_extracted"] = self.boilerplate_actors
        return data


def score_one(gold: dict[str, Any], briefing: Briefing, registry: Registry, report: Report) -> None:
    label = Path(str(gold["file"])).name
    match = lambda g, p: names_match(g, p, registry)  # noqa: E731
    borderline = [canonical(b, registry) for b in gold.get("countries_borderline") or []]
    _add(report.fields["countries"], compare(gold.get("countries") or [], briefing.countries, match, borderline), label)
    for field_name in ("people", "organisations"):
        wanted, forbidden = _gold_names(gold.get(field_name) or [])
        predicted = getattr(briefing, field_name)
        _add(report.fields[field_name], compare(wanted, predicted, match), label)
        for name in forbidden:
            if any(match(name, p) for p in predicted):
                report.boilerplate_actors.append(f"{label}: {name}")
    low, high = (str(d) for d in gold.get("date_range") or [gold.get("date"), gold.get("date")])
    report.dates_total += 1
    if briefing.date and low <= briefing.date <= high:
        report.dates_in_range += 1
    else:
        report.date_misses.append(f"{label}: got {briefing.date} ({briefing.date_basis}), expected {low}..{high}")
    if gold.get("title"):
        report.titles_total += 1
        if similarity(str(gold["title"]), briefing.title) >= 0.8:
            report.titles_recovered += 1
    stance_gold = {k: v for k, v in (gold.get("stance") or {}).items() if k != "thesis"}
    predicted_stance = {canonical(k, registry): v for k, v in briefing.stance.items()}
    for actor, expected in stance_gold.items():
        got = predicted_stance.get(canonical(actor, registry), "neutral")
        report.stance_total += 1
        if got == expected:
            report.stance_equal += 1
        elif {got, expected} == {"supportive", "critical"}:
            report.stance_swaps.append(f"{label}: {actor} expected {expected}, got {got}")
        else:
            report.stance_misses.append(f"{label}: {actor} expected {expected}, got {got}")
    body = render_body(briefing)
    for line in gold.get("boilerplate_lines") or []:
        if str(line) in body:
            report.boilerplate_leaks.append(f"{label}: {line}")


def load_gold(path: Path) -> list[dict[str, Any]]:
    file = paths.relative(path)
    try:
        data = yamlio.load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProblemsError([Problem(file, 1, "no such file")]) from None
    except yamlio.YamlError as error:
        raise ProblemsError([Problem(file, error.line or 1, error.message)]) from None
    if not isinstance(data, list) or not all(isinstance(e, dict) and "file" in e for e in data):
        raise ProblemsError([Problem(file, 1, "expected a YAML list of entries with 'file'")])
    return data


def seed_path(entry_file: str, gold_path: Path) -> Path:
    """The seed an entry names: relative to the working directory, the repository, or the gold file."""
    for base in (Path.cwd(), paths.ROOT, gold_path.parent, gold_path.parent.parent):
        candidate = base / entry_file
        if candidate.is_file():
            return candidate
    return paths.ROOT / entry_file


def evaluate(gold_path: Path, registry: Registry | None = None) -> Report:
    registry = registry or default_registry()
    report = Report()
    for entry in load_gold(gold_path):
        briefing = draft_briefing(seed_path(str(entry["file"]), gold_path), registry)
        score_one(entry, briefing, registry, report)
    return report


def format_report(report: Report, details: bool) -> str:
    lines = [f"{'field':<15}{'precision':>10}{'recall':>8}{'F1':>7}"]
    for name, counts in report.fields.items():
        lines.append(f"{name:<15}{counts.precision:>10.3f}{counts.recall:>8.3f}{counts.f1:>7.3f}")
        if details:
            lines += [f"    missed  {m}" for m in counts.misses] + [f"    extra   {e}" for e in counts.extras]
    lines.append(f"dates in range: {report.dates_in_range}/{report.dates_total}")
    lines += [f"    {m}" for m in report.date_misses] if details else []
    lines.append(f"printed headlines recovered: {report.titles_recovered}/{report.titles_total}")
    share = report.stance_equal / report.stance_total if report.stance_total else 1.0
    lines.append(f"stance labels equal: {report.stance_equal}/{report.stance_total} ({share:.0%}); "
                 f"supportive<->critical swaps: {len(report.stance_swaps)}")
    lines += [f"    SWAP {s}" for s in report.stance_swaps]
    lines += [f"    {m}" for m in report.stance_misses] if details else []
    lines.append(f"boilerplate lines in bodies: {len(report.boilerplate_leaks)}; "
                 f"boilerplate-only actors extracted: {len(report.boilerplate_actors)}")
    lines += [f"    {b}" for b in report.boilerplate_leaks + report.boilerplate_actors]
    return "\n".join(lines)


def run_evaluate(args: argparse.Namespace) -> int:
    report = evaluate(Path(args.gold))
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, args.details))
    return 0
