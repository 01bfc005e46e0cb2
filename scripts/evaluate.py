"""``evaluate``: accuracy of extraction against hand-annotated metadata.

The gold file is a YAML list in the format of ``shared/expected/seeds.yaml``
(the five seeds, or the development corpus in ``tests/data/dev/annotations.yaml``).
Names on both sides are resolved through the registry, so "CSTO",
"Collective Security Treaty Organization (CSTO)" and the canonical name all
match. Borderline countries count neither for nor against.

Per field: countries, people and organisations (precision, recall, F1); dates
inside the annotated window, and dates marked ``stated`` that fall outside it;
printed headlines recovered, and titles made of page furniture; stance labels
(neutral against polar is a near miss at half credit, supportive against
critical a swap); boilerplate lines that reach a briefing's body. Entries
whose text file is missing are skipped with one note, never scored as failures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import datewords, paths, yamlio
from .clean import similarity
from .extract import draft_briefing
from .extract.entities import skeleton
from .model import Briefing
from .problems import Problem, ProblemsError
from .registry import Registry, default_registry, fold
from .briefing import render_body


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
    wanted: list[str] = []
    forbidden: list[str] = []
    for entry in entries or []:
        name = entry.get("name") if isinstance(entry, dict) else str(entry)
        boilerplate = (isinstance(entry, dict) and entry.get("boilerplate_only")) or "boilerplate only" in str(entry)
        (forbidden if boilerplate else wanted).append(str(name))
    return wanted, forbidden


FURNITURE_PATH = Path(__file__).with_name("evaluate_furniture.yaml")
TITLE_MATCH = 0.8  # word-set similarity at which a drafted title is the printed headline
NEAR_MISS_CREDIT = 0.5  # stance: neutral against polar (or polar against neutral)
POLAR = {"supportive", "critical"}
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class FurnitureShapes:
    """What a title must never be: shapes it must not start with, and page-chrome words."""

    leading: tuple[tuple[str, re.Pattern[str]], ...]
    chrome_words: frozenset[str]


def alternatives(words: Iterable[str]) -> str:
    """A case-insensitive regex group of ``words``, longest first (so 'sept' wins over 'sep')."""
    return "(?i:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=None)
def load_furniture_shapes(path: Path = FURNITURE_PATH) -> FurnitureShapes:
    """The furniture shapes of ``evaluate_furniture.yaml`` (see its header)."""
    data = yamlio.load(path.read_text(encoding="utf-8"))
    names = {"month": alternatives(datewords.MONTHS), "weekday": alternatives(datewords.WEEKDAYS)}
    leading = tuple(
        (str(kind), re.compile(str(pattern).replace("{month}", names["month"]).replace("{weekday}", names["weekday"])))
        for kind, pattern in data["leading"].items()
    )
    return FurnitureShapes(leading, frozenset(str(w).casefold() for w in data["chrome_words"]))


def title_words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


def furniture_title_reason(title: str, gold: dict[str, Any], shapes: FurnitureShapes) -> str | None:
    """Why a drafted ``title`` is page furniture rather than a headline, or None.

    The printed headline (when the annotation gives one) is never furniture, even
    where a boilerplate line repeats it (an image's alt text, a share widget).
    """
    stripped = " ".join(title.split())
    printed = gold.get("title")
    if printed and similarity(str(printed), stripped) >= TITLE_MATCH:
        return None
    if not stripped:
        return "is empty"
    if not WORD.search(stripped):
        return "no words: only digits, dates or symbols"
    folded = fold(stripped)
    boilerplate = [" ".join(str(line).split()) for line in gold.get("boilerplate_lines") or []]
    for line in boilerplate:
        line_folded = fold(line)
        if not line_folded:
            continue
        if folded == line_folded or similarity(line, stripped) >= TITLE_MATCH:
            return f"is the boilerplate line {line!r}"
        if len(line_folded) >= 12 and line_folded in folded:
            return f"contains the boilerplate line {line!r}"
        if len(folded) >= 4 and folded in line_folded:
            return f"is part of the boilerplate line {line!r}"
    for kind, pattern in shapes.leading:
        if pattern.match(stripped):
            return f"starts with a {kind}"
    furniture_words = set(shapes.chrome_words)
    for line in boilerplate:
        furniture_words |= title_words(line)
    if title_words(stripped) <= furniture_words:
        return "made only of page-furniture words"
    return None


def stance_credit(expected: str, got: str) -> float:
    """1 for the same label, half for neutral against polar, 0 for a supportive/critical swap."""
    if got == expected:
        return 1.0
    if {got, expected} == POLAR:
        return 0.0
    return NEAR_MISS_CREDIT


@dataclass
class Report:
    fields: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in ("countries", "people", "organisations")})
    entries: int = 0
    scored: int = 0
    missing: list[str] = field(default_factory=list)  # entries whose text file does not exist
    unreadable: list[str] = field(default_factory=list)  # texts that exist but could not be drafted
    changed: list[str] = field(default_factory=list)  # texts whose sha256 differs from the annotation
    help_file: str | None = None  # where to read how to rebuild missing texts
    dates_in_range: int = 0
    dates_total: int = 0
    date_misses: list[str] = field(default_factory=list)
    stated_wrong: list[str] = field(default_factory=list)
    titles_recovered: int = 0
    titles_total: int = 0
    title_misses: list[str] = field(default_factory=list)
    furniture_titles: list[str] = field(default_factory=list)
    stance_equal: int = 0
    stance_near: int = 0
    stance_total: int = 0
    stance_swaps: list[str] = field(default_factory=list)
    stance_misses: list[str] = field(default_factory=list)
    boilerplate_leaks: list[str] = field(default_factory=list)
    boilerplate_actors: list[str] = field(default_factory=list)

    @property
    def stance_score(self) -> float:
        """Share of stance labels right, neutral-vs-polar near misses at half credit."""
        if not self.stance_total:
            return 1.0
        return (self.stance_equal + NEAR_MISS_CREDIT * self.stance_near) / self.stance_total

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "entries": self.entries,
            "scored": self.scored,
            "skipped": {"missing_text": self.missing, "unreadable": self.unreadable, "help": self.help_file},
            "changed_texts": self.changed,
        }
        data |= {
            k: {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "f1": round(c.f1, 3), "misses": c.misses, "extras": c.extras}
            for k, c in self.fields.items()
        }
        data["dates"] = {
            "in_range": self.dates_in_range,
            "total": self.dates_total,
            "stated_but_wrong": self.stated_wrong,
            "misses": self.date_misses,
        }
        data["titles"] = {
            "recovered": self.titles_recovered,
            "total": self.titles_total,
            "misses": self.title_misses,
            "furniture": self.furniture_titles,
        }
        data["stance"] = {
            "equal": self.stance_equal,
            "near_misses": self.stance_near,
            "total": self.stance_total,
            "share_equal": round(self.stance_equal / self.stance_total, 3) if self.stance_total else 1.0,
            "score": round(self.stance_score, 3),
            "swaps": self.stance_swaps,
            "misses": self.stance_misses,
        }
        data["boilerplate_leaks"] = self.boilerplate_leaks
        data["boilerplate_actors_extracted"] = self.boilerplate_actors
        return data


def entry_label(gold: dict[str, Any]) -> str:
    return str(gold.get("id") or Path(str(gold["file"])).name)


def gold_window(gold: dict[str, Any]) -> tuple[str, str]:
    """The annotated dates that count as right: ``date_range``, else the ``date`` itself."""
    window = gold.get("date_range") or [gold.get("date"), gold.get("date")]
    return str(window[0]), str(window[1])


def score_dates(gold: dict[str, Any], briefing: Briefing, label: str, report: Report) -> None:
    low, high = gold_window(gold)
    report.dates_total += 1
    if briefing.date and low <= briefing.date <= high:
        report.dates_in_range += 1
        return
    report.date_misses.append(f"{label}: got {briefing.date} ({briefing.date_basis}), expected {low}..{high}")
    if briefing.date_basis == "stated":
        report.stated_wrong.append(f"{label}: {briefing.date} marked stated, expected {low}..{high} ({briefing.date_evidence})")


def score_title(gold: dict[str, Any], briefing: Briefing, label: str, report: Report) -> None:
    if gold.get("title"):
        report.titles_total += 1
        if similarity(str(gold["title"]), briefing.title) >= TITLE_MATCH:
            report.titles_recovered += 1
        else:
            report.title_misses.append(f"{label}: got {briefing.title!r}, expected {gold['title']!r}")
    reason = furniture_title_reason(briefing.title, gold, load_furniture_shapes())
    if reason:
        report.furniture_titles.append(f"{label}: {briefing.title!r} {reason}")


def score_stance(gold: dict[str, Any], briefing: Briefing, registry: Registry, label: str, report: Report) -> None:
    stance_gold = {k: v for k, v in (gold.get("stance") or {}).items() if k != "thesis"}
    predicted = {canonical(k, registry): v for k, v in briefing.stance.items()}
    for actor, expected in stance_gold.items():
        got = predicted.get(canonical(actor, registry), "neutral")
        report.stance_total += 1
        credit = stance_credit(str(expected), got)
        if credit == 1.0:
            report.stance_equal += 1
        elif credit == 0.0:
            report.stance_swaps.append(f"{label}: {actor} expected {expected}, got {got}")
        else:
            report.stance_near += 1
            report.stance_misses.append(f"{label}: {actor} expected {expected}, got {got}")


def score_one(gold: dict[str, Any], briefing: Briefing, registry: Registry, report: Report) -> None:
    label = entry_label(gold)
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
    score_dates(gold, briefing, label, report)
    score_title(gold, briefing, label, report)
    score_stance(gold, briefing, registry, label, report)
    body = render_body(briefing)
    for line in gold.get("boilerplate_lines") or []:
        if str(line) in body:
            report.boilerplate_leaks.append(f"{label}: {line}")
    report.scored += 1


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


def rebuild_help(gold_path: Path) -> str | None:
    """The README next to the gold file, which says how to rebuild texts that are not in git."""
    readme = gold_path.parent / "README.md"
    return paths.relative(readme) if readme.is_file() else None


def about_the_text(error: ProblemsError, path: Path) -> bool:
    """Whether every problem is in the text itself (else it is in the registry, calendar...)."""
    names = {paths.relative(path), path.as_posix(), path.name}
    return all(problem.file in names for problem in error.problems)


def evaluate(gold_path: Path, registry: Registry | None = None) -> Report:
    """Score every entry whose text exists; note the others instead of failing on them."""
    registry = registry or default_registry()
    report = Report(help_file=rebuild_help(gold_path))
    for entry in load_gold(gold_path):
        report.entries += 1
        label = entry_label(entry)
        path = seed_path(str(entry["file"]), gold_path)
        if not path.is_file():
            report.missing.append(f"{label}: {entry['file']}")
            continue
        expected_sha = entry.get("sha256")
        if expected_sha and hashlib.sha256(path.read_bytes()).hexdigest() != str(expected_sha):
            report.changed.append(f"{label}: {entry['file']}")
        try:
            briefing = draft_briefing(path, registry)
        except ProblemsError as error:
            if not about_the_text(error, path):
                raise  # the registry or calendar is broken: one error, not one per text
            report.unreadable.append(f"{label}: {error}")
            continue
        except (OSError, UnicodeDecodeError) as error:
            report.unreadable.append(f"{label}: {error}")
            continue
        score_one(entry, briefing, registry, report)
    return report


def skipped_note(report: Report) -> str | None:
    """One message for every entry that could not be scored, saying how to get the texts."""
    if not report.missing and not report.unreadable:
        return None
    lines = []
    if report.missing:
        example = report.missing[0].split(": ", 1)[1]
        lines.append(
            f"note: {len(report.missing)} of {report.entries} texts are missing (for example {example}); "
            "those entries were skipped, not scored."
        )
        lines.append(
            f"      The texts are not in git: {report.help_file} says how to link or rebuild them."
            if report.help_file
            else "      The texts are not in git: rebuild them from the URLs in the annotations."
        )
    if report.unreadable:
        lines.append(f"note: {len(report.unreadable)} texts could not be read and were skipped:")
        lines += [f"      {u}" for u in report.unreadable]
    return "\n".join(lines)


def format_report(report: Report, details: bool) -> str:
    if not report.scored:
        return f"scored 0 of {report.entries} entries: no scores"
    lines = [f"scored {report.scored} of {report.entries} entries"]
    if report.changed:
        lines.append(f"warning: {len(report.changed)} texts differ from the annotated copy (sha256): "
                     + ", ".join(c.split(":")[0] for c in report.changed))
    lines.append(f"{'field':<15}{'precision':>10}{'recall':>8}{'F1':>7}")
    for name, counts in report.fields.items():
        lines.append(f"{name:<15}{counts.precision:>10.3f}{counts.recall:>8.3f}{counts.f1:>7.3f}")
        if details:
            lines += [f"    missed  {m}" for m in counts.misses] + [f"    extra   {e}" for e in counts.extras]
    lines.append(f"dates right (inside date_range): {report.dates_in_range}/{report.dates_total}; "
                 f"stated but wrong: {len(report.stated_wrong)}")
    lines += [f"    STATED {s}" for s in report.stated_wrong]
    lines += [f"    {m}" for m in report.date_misses] if details else []
    lines.append(f"printed headlines recovered: {report.titles_recovered}/{report.titles_total}; "
                 f"furniture titles: {len(report.furniture_titles)}")
    lines += [f"    FURNITURE {f}" for f in report.furniture_titles]
    lines += [f"    {m}" for m in report.title_misses] if details else []
    lines.append(f"stance: {report.stance_score:.0%} ({report.stance_equal} equal, {report.stance_near} "
                 f"neutral-vs-polar at half credit, of {report.stance_total}); "
                 f"supportive<->critical swaps: {len(report.stance_swaps)}")
    lines += [f"    SWAP {s}" for s in report.stance_swaps]
    lines += [f"    {m}" for m in report.stance_misses] if details else []
    lines.append(f"boilerplate lines in bodies: {len(report.boilerplate_leaks)}; "
                 f"boilerplate-only actors extracted: {len(report.boilerplate_actors)}")
    lines += [f"    {b}" for b in report.boilerplate_leaks + report.boilerplate_actors] if details else []
    return "\n".join(lines)


def run_evaluate(args: argparse.Namespace) -> int:
    """Print the scores; exit 1 only when no entry could be scored."""
    report = evaluate(Path(args.gold))
    note = skipped_note(report)
    if note:
        print(note, file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, args.details))
    return 0 if report.scored or not report.entries else 1
