"""``ingest``: draft a briefing for every seed that has none; never touch an existing one.

All seeds are read and drafted first; if any is bad (empty, not UTF-8, bad
header), every problem is reported and nothing is written. ``--force SEED``
redrafts one briefing and prints the diff, and refuses to overwrite a
briefing a person edited (or marked ``reviewed: true``) unless told to.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .extract import draft_briefing, seed_reference
from .model import Briefing
from .problems import Problem, ProblemsError
from .registry import default_registry
from .write import atomic_write, briefing_filename, is_protected, render_briefing

_SEED_LINE = re.compile(r"^  seed: ['\"]?(seeds/[^'\"\n]+)['\"]?\s*$", re.MULTILINE)


def seeds_in(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.txt") if p.is_file())


def briefings_by_seed(directory: Path) -> dict[str, Path]:
    """Map seed path (``seeds/x.txt``) -> the briefing that was drafted from it."""
    found: dict[str, Path] = {}
    for path in sorted(directory.glob("*.md")):
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:20_000]
        except OSError:
            continue
        match = _SEED_LINE.search(head)
        if match:
            found.setdefault(match.group(1), path)
    return found


def unique_path(directory: Path, filename: str, taken: set[Path]) -> Path:
    """``filename`` in ``directory``, with -2, -3... if another briefing has it."""
    path = directory / filename
    stem = path.stem
    counter = 2
    while path.exists() or path in taken:
        path = directory / f"{stem}-{counter}.md"
        counter += 1
    return path


@dataclass
class Plan:
    seed: Path
    briefing: Briefing
    target: Path
    text: str


def unified_diff(old: str, new: str, old_name: str, new_name: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), old_name, new_name))


def progress(enabled: bool, index: int, total: int, message: str) -> None:
    if enabled:
        print(f"[{index}/{total}] {message}", file=sys.stderr, flush=True)


def plan_new(seed_dir: Path, briefing_dir: Path, quiet: bool) -> tuple[list[Plan], list[Problem]]:
    """Draft (in memory) a briefing for each seed that has none."""
    existing = briefings_by_seed(briefing_dir)
    registry = default_registry()
    todo = [s for s in seeds_in(seed_dir) if seed_reference(s) not in existing]
    plans: list[Plan] = []
    problems: list[Problem] = []
    taken: set[Path] = set()
    for index, seed in enumerate(todo, 1):
        progress(not quiet and len(todo) > 1, index, len(todo), f"drafting {paths.relative(seed)}")
        try:
            briefing = draft_briefing(seed, registry)
        except ProblemsError as error:
            problems += error.problems
            continue
        target = unique_path(briefing_dir, briefing_filename(briefing), taken)
        taken.add(target)
        plans.append(Plan(seed, briefing, target, render_briefing(briefing)))
    return plans, problems


def force_redraft(seed: Path, briefing_dir: Path, overwrite_edited: bool) -> int:
    """Redraft the briefing of ``seed``, print the diff, refuse to overwrite a person's edits."""
    if not seed.is_file():
        print(f"error: {seed}: no such seed file", file=sys.stderr)
        return 1
    existing = briefings_by_seed(briefing_dir).get(seed_reference(seed) or "")
    briefing = draft_briefing(seed, default_registry())
    text = render_briefing(briefing)
    if existing is None:
        target = unique_path(briefing_dir, briefing_filename(briefing), set())
        atomic_write(target, text)
        print(f"drafted {paths.relative(target)} (no earlier briefing)")
        return 0
    old = existing.read_text(encoding="utf-8")
    target = existing if existing.name == briefing_filename(briefing) else unique_path(
        briefing_dir, briefing_filename(briefing), set()
    )
    diff = unified_diff(old, text, paths.relative(existing), paths.relative(target))
    if not diff:
        print(f"unchanged: {paths.relative(existing)}")
        return 0
    sys.stdout.write(diff)
    if is_protected(old) and not overwrite_edited:
        print(
            f"refused: {paths.relative(existing)} was edited by a person or marked reviewed: true; "
            "the diff above is what a redraft would change. Re-run with --overwrite-edited to replace it.",
            file=sys.stderr,
        )
        return 1
    atomic_write(target, text)
    if target != existing:
        existing.unlink()
    print(f"redrafted {paths.relative(target)}")
    return 0


def run_ingest(args: argparse.Namespace) -> int:
    seed_dir = Path(args.seeds) if args.seeds else paths.SEEDS
    briefing_dir = Path(args.briefings) if args.briefings else paths.BRIEFINGS
    if args.force:
        return max(force_redraft(Path(seed), briefing_dir, args.overwrite_edited) for seed in args.force)
    plans, problems = plan_new(seed_dir, briefing_dir, args.quiet)
    if problems:
        raise ProblemsError(problems)
    for plan in plans:
        atomic_write(plan.target, plan.text)
        print(f"drafted {paths.relative(plan.target)} from {paths.relative(plan.seed)}")
    if not plans:
        print(f"nothing to do: every seed in {paths.relative(seed_dir)}/ has a briefing")
    return 0
