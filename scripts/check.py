"""``check``: validate the registry and every briefing, report all problems."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths
from .problems import Problem, ProblemsError
from .registry import Registry, load_registry
from .validate import briefing_paths, validate_file


def collect_problems(files: list[Path] | None = None) -> list[Problem]:
    """Every problem in the registry and the given briefings (default: all)."""
    try:
        registry = load_registry()
    except ProblemsError as error:
        registry = None
        problems = list(error.problems)
    else:
        problems = []
    for path in files if files is not None else briefing_paths():
        if registry is None:
            break
        problems += validate_file(path, registry)[1]
    return sorted(problems)


def run_check(args: argparse.Namespace) -> int:
    files = [Path(p) for p in args.paths] or None
    if files:
        missing = [p for p in files if not p.is_file()]
        for path in missing:
            print(f"error: {path}: no such file", file=sys.stderr)
        if missing:
            return 1
    problems = collect_problems(files)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    checked = len(files) if files else len(briefing_paths())
    if problems:
        print(f"{len(problems)} problem(s) in {checked} briefing(s) and the registry.", file=sys.stderr)
        return 1
    print(f"ok: {checked} briefing(s) and the registry ({paths.relative(paths.REGISTRY)}/) are valid.")
    return 0
