"""``check``: validate the registry, the seeds' headers and every briefing; report all problems.

Every problem is one line ``FILE:LINE: FIELD: what is wrong - what would be right``,
all of them in one run, exit status 1 if any; nothing is ever written.

``python -m scripts check`` checks this repository. To check another tree
(tests, a fork), ``python -m scripts.check --root DIR`` or ``--briefings DIR
--registry DIR`` point it elsewhere.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import paths
from .problems import Problem, ProblemsError
from .registry import Registry, load_registry
from .validate import briefing_paths, display_name, stray_files, validate_all, validate_file


def _registry(directory: Path) -> tuple[Registry | None, list[Problem]]:
    try:
        return load_registry(directory), []
    except ProblemsError as error:
        return None, list(error.problems)


def events_problems(registry_dir: Path, registry: Registry | None) -> list[Problem]:
    """Problems of ``events.yaml``, through scripts/events.py when it offers a checking loader."""
    path = registry_dir / "events.yaml"
    if not path.exists():
        return []
    try:
        from . import events  # another module's loader; optional
    except ImportError:
        return []
    loader = getattr(events, "load_events", None)
    if loader is None:
        return []
    try:
        try:
            loader(path, registry=registry)
        except TypeError:
            loader(path)
    except ProblemsError as error:
        return list(error.problems)
    return []


def seed_file_problems(seeds_dir: Path) -> list[Problem]:
    """Problems of the raw articles: encoding, emptiness, their optional header."""
    from .seed import candidates, read_seed

    problems: list[Problem] = []
    for path in candidates(seeds_dir):
        try:
            read_seed(path)
        except ProblemsError as error:
            problems += error.problems
    return problems


def collect_problems(
    files: list[Path] | None = None,
    *,
    briefings_dir: Path | None = None,
    registry_dir: Path | None = None,
    root: Path | None = None,
) -> list[Problem]:
    """Every problem in the registry, the seeds and the given briefings (default: all of them).

    ``root`` is the tree whose ``seeds/``, ``briefings/`` and ``registry/`` are
    checked (default: this repository); ``briefings_dir`` and ``registry_dir``
    override the last two.
    """
    return _collect(files, briefings_dir, registry_dir, root)[0]


def _collect(
    files: list[Path] | None, briefings_dir: Path | None, registry_dir: Path | None, root: Path | None
) -> tuple[list[Problem], bool]:
    """(every problem, whether the briefings could be checked: not when the registry is broken)."""
    root = root or paths.ROOT
    briefings_dir = briefings_dir or root / "briefings"
    registry_dir = registry_dir or root / "registry"
    registry, problems = _registry(registry_dir)
    problems += events_problems(registry_dir, registry)
    if files is None:
        problems += seed_file_problems(root / "seeds")
        problems += stray_files(briefings_dir, root)
    if registry is not None and files is not None:
        for path in files:
            problems += validate_file(path, registry, root)[1]
    elif registry is not None:
        problems += validate_all(briefings_dir, registry, root)[1]
    return sorted({_relative_to(problem, root) for problem in problems}), registry is not None


def _relative_to(problem: Problem, root: Path) -> Problem:
    """Name files inside ``root`` relative to it (other modules name them from this repository)."""
    path = Path(problem.file)
    if not path.is_absolute():
        return problem
    shown = display_name(path, root)
    return problem if shown == problem.file else replace(problem, file=shown)


def report(problems: list[Problem], checked: int, registry_ok: bool = True, out: TextIO = sys.stderr) -> None:
    """Print every problem, then a summary a person can act on."""
    for problem in problems:
        print(f"error: {problem}", file=out)
    files = len({p.file for p in problems})
    checked_text = f"{checked} briefing(s) checked" if registry_ok else (
        "briefings NOT checked: the registry has problems, fix them first"
    )
    print(
        f"{len(problems)} problem(s) in {files} file(s) ({checked_text}); nothing was changed.\n"
        "Each line says FILE:LINE: FIELD: what is wrong - and what would be right.",
        file=out,
    )


def run_check(args: argparse.Namespace) -> int:
    """The ``check`` command: exit status 0 when everything is valid, 1 otherwise."""
    root = Path(args.root) if getattr(args, "root", None) else None
    briefings_dir = Path(args.briefings) if getattr(args, "briefings", None) else None
    registry_dir = Path(args.registry) if getattr(args, "registry", None) else None
    files = [Path(p) for p in getattr(args, "paths", None) or []] or None
    if files:
        missing = [p for p in files if not p.is_file()]
        for path in missing:
            print(f"error: {path}: no such file", file=sys.stderr)
        if missing:
            return 1
    problems, registry_ok = _collect(files, briefings_dir, registry_dir, root)
    base = root or paths.ROOT
    checked = len(files) if files else len(briefing_paths(briefings_dir or base / "briefings"))
    if problems:
        report(problems, checked, registry_ok)
        return 1
    registry_name = display_name(registry_dir or base / "registry", base)
    print(f"ok: {checked} briefing(s), the seeds and the registry ({registry_name}/) are valid.")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``check`` options (also usable by ``scripts/cli.py``)."""
    parser.add_argument("paths", nargs="*", metavar="FILE", help="briefings to check (default: all)")
    parser.add_argument("--root", metavar="DIR", help="tree holding seeds/, briefings/, registry/ (default: this repository)")
    parser.add_argument("--briefings", metavar="DIR", help="briefing directory (default: ROOT/briefings)")
    parser.add_argument("--registry", metavar="DIR", help="registry directory (default: ROOT/registry)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.check",
        description="Validate the registry, the seeds' headers and every briefing; report every problem "
        "with file and line; exit status 1 if any. Writes nothing.",
    )
    add_arguments(parser)
    try:
        return run_check(parser.parse_args(argv))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
