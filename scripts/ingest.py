"""``ingest``: draft a briefing for every seed that has none; never touch one a person edited.

1. Take the lock of the briefing folder: a second ``ingest`` at the same time
   refuses (it would draft the same seeds twice). Temporary files an
   interrupted run left behind are removed.
2. Find the seeds to draft: those no briefing names in ``source.seed``, and
   whose text no briefing was drafted from (same SHA-256: a copy). Briefings
   are read through :mod:`scripts.briefing`; what was read is cached in
   ``.cache/ingest/`` (git-ignored), keyed by each file's size and modification time.
3. Read and check every seed to draft (:func:`scripts.seed.read_seed`): if any
   is bad, report every problem and write nothing (``--check`` stops here).
4. Draft them on every core and write each briefing as soon as it is drafted,
   atomically, in seed order. An interrupted run keeps what it finished; the
   next run goes on from there.

``--force SEED`` redrafts one briefing and prints the diff, and refuses to
overwrite a briefing a person edited (or marked ``reviewed: true``) unless told to.
"""

from __future__ import annotations

import argparse
import difflib
import fcntl
import gc
import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from . import briefing as briefing_format
from . import accel, fileio, paths
from . import seed as seed_format
from .problems import Problem, ProblemsError

CACHE = paths.ROOT / ".cache" / "ingest"
# Allocations between young collections, and young (then middle) collections between older ones; Python's
# defaults (700, 10, 10) collect ~1.4 times per article drafted: 300 synthetic articles took 415 collections and
# 0.4-0.5 ms per article of collecting with the start-up data frozen, 4 collections and 0.05 ms with these.
GC_THRESHOLDS = (20_000, 20, 20)
ACCEL_HINT_FROM = 2000  # seeds to draft; from here, compiling the drafting modules first saves time (scripts/accel.py)
PARALLEL_FROM = 8  # seeds; below this, one process is faster than starting workers
T = TypeVar("T")


@dataclass(frozen=True)
class Known:
    """What ingest needs to know of an existing briefing."""

    seed: str | None
    sha256: str | None


class LockedError(Exception):
    """Another ingest holds the lock of the briefing folder."""


@contextmanager
def folder_lock(directory: Path) -> Iterator[None]:
    """An exclusive lock on ``directory`` itself (no lock file to leave behind)."""
    directory.mkdir(parents=True, exist_ok=True)
    fd = os.open(directory, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(paths.relative(directory)) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock


# -- what exists -------------------------------------------------------------------


def _known_of(data: object) -> Known:
    """The seed and seed hash a briefing's front matter names."""
    return Known(briefing_format.seed_of(data), briefing_format.seed_sha256_of(data))


def _read_known(path: Path) -> Known:
    return _known_of(briefing_format.read_file(path, paths.relative(path)).data)


def index_path(directory: Path) -> Path:
    """Where the cache of what the briefings of ``directory`` name is kept."""
    return CACHE / f"{hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:16]}.json"


def known_briefings(directory: Path, written: Mapping[str, Known] | None = None) -> dict[str, Known]:
    """File name -> seed and seed hash of every briefing in ``directory`` (cached by size and mtime).

    ``written``: what this run just wrote, known without reading the files again."""
    index = index_path(directory)
    try:
        cached = json.loads(index.read_text(encoding="utf-8")) if index.is_file() else {}
    except (OSError, ValueError):
        cached = {}
    cached = cached if isinstance(cached, dict) else {}
    known: dict[str, Known] = {}
    fresh: dict[str, list[object]] = {}
    for entry in sorted(os.scandir(directory), key=lambda e: e.name) if directory.is_dir() else []:
        if not entry.name.endswith(".md") or not entry.is_file(follow_symlinks=False):
            continue
        info = entry.stat(follow_symlinks=False)
        stamp = [info.st_size, info.st_mtime_ns]
        row = cached.get(entry.name)
        if isinstance(row, list) and len(row) == 4 and row[:2] == stamp:
            known[entry.name] = Known(row[2], row[3])
        elif written and entry.name in written:
            known[entry.name] = written[entry.name]
        else:
            known[entry.name] = _read_known(Path(entry.path))
        fresh[entry.name] = [*stamp, known[entry.name].seed, known[entry.name].sha256]
    if fresh != cached and directory.is_dir():
        try:
            fileio.atomic_write(index, json.dumps(fresh, sort_keys=True, separators=(",", ":")))
        except OSError:
            pass  # a cache: the next run reads the briefings again
    return known


def briefings_by_seed(directory: Path) -> dict[str, Path]:
    """Map seed path (``seeds/x.txt``) -> the briefing drafted from it (the first, by name)."""
    found: dict[str, Path] = {}
    for name, info in known_briefings(directory).items():
        if info.seed is not None:
            found.setdefault(info.seed, directory / name)
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


# -- drafting ----------------------------------------------------------------------


def _draft(path: Path) -> tuple[str, str, Known]:
    """(file name, text, what it names) of the briefing of one seed (run in a worker)."""
    from .extract import draft_briefing

    drafted = draft_briefing(path)
    known = _known_of(briefing_format.front_matter(drafted))
    return briefing_format.filename(drafted), briefing_format.render(drafted), known


def _warm_up() -> None:
    """Load the registry, its gazetteer and the calendar once (from the cache when current), before workers
    fork: they share them.

    Then freeze them out of the garbage collector's reach (``gc.freeze``): they live as long as the run, and
    every full collection in every worker would otherwise walk their ~280,000 objects again (and, touching
    them, copy the memory pages the workers share). Drafting makes many short-lived containers and few
    cycles, so the collector also runs less often (:data:`GC_THRESHOLDS`, as mypy does for its own batch work).
    """
    from .warmstart import warm_start

    warm_start()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


class Workers:
    """Maps work over seeds on ``count`` forked processes when there are enough seeds, else in this one.

    The pool starts on first use, after the registry and the calendar are loaded, so that every worker
    shares them; the same pool reads the seeds and then drafts them.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self.pool: Any = None

    def map(self, function: Callable[[Path], T], items: list[Path], chunksize: int) -> Iterator[T]:
        if self.count <= 1 or len(items) < PARALLEL_FROM:
            return map(function, items)
        if self.pool is None:
            _warm_up()
            self.pool = multiprocessing.get_context("fork").Pool(self.count)
        return self.pool.imap(function, items, chunksize=chunksize)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is None:
            return
        if exc[0] is not None:
            self.pool.terminate()  # interrupted: what was written stays, the rest is not drafted
        else:
            self.pool.close()
        self.pool.join()


def drafts(seeds: list[Path], workers: Workers) -> Iterator[tuple[Path, str, str, Known]]:
    """(seed, file name, text, what it names) for every seed, in order."""
    _warm_up()
    for path, result in zip(seeds, workers.map(_draft, seeds, chunksize=4)):
        yield (path, *result)


class Progress:
    """``[i/N]`` lines on stderr: every item for short runs, every couple of seconds for long ones."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled, self.start, self.last = total, enabled and total > 1, time.monotonic(), 0.0

    def __call__(self, index: int, message: str) -> None:
        now = time.monotonic()
        if not self.enabled or (self.total > 50 and now - self.last < 2 and index != self.total):
            return
        self.last = now
        rate = index / max(now - self.start, 1e-6)
        eta = f", about {(self.total - index) / rate:.0f} s left" if self.total > 50 and index < self.total else ""
        print(f"[{index}/{self.total}] {message}{eta}", file=sys.stderr, flush=True)


@dataclass
class Plan:
    todo: list[Path]
    copies: list[tuple[Path, str]]  # (seed, briefing of a seed with the same text)


def _read_one(path: Path) -> tuple[str | None, list[Problem]]:
    """(content hash, problems) of one seed (run in a worker)."""
    try:
        return seed_format.read_seed(path).sha256, []
    except ProblemsError as error:
        return None, error.problems


def plan(seed_dir: Path, briefing_dir: Path, workers: Workers | None = None) -> tuple[Plan, list[Problem]]:
    """The seeds to draft, after reading and checking each of them; every problem found."""
    known = known_briefings(briefing_dir)
    drafted = {k.seed for k in known.values() if k.seed}
    by_hash = {k.sha256: name for name, k in known.items() if k.sha256}
    unread = [path for path in seed_format.candidates(seed_dir) if seed_format.reference(path) not in drafted]
    read = (workers or Workers(1)).map(_read_one, unread, chunksize=32)
    problems: list[Problem] = []
    result = Plan([], [])
    for path, (digest, found) in zip(unread, read):
        problems += found
        if digest is None:
            continue
        if digest in by_hash:
            result.copies.append((path, by_hash[digest]))
            continue
        by_hash[digest] = f"(this run, from {path.name})"
        result.todo.append(path)
    return result, problems


def run_batch(seed_dir: Path, briefing_dir: Path, *, quiet: bool, check_only: bool, workers: int) -> int:
    removed = fileio.temp_files(briefing_dir)
    for tmp in removed:
        tmp.unlink(missing_ok=True)
    if removed and not quiet:
        print(f"removed {len(removed)} temporary file(s) an interrupted run left in {paths.relative(briefing_dir)}/",
              file=sys.stderr)
    thresholds = gc.get_threshold()
    try:
        with Workers(1 if check_only else workers) as pool:  # --check reads seeds only: no warm-up, no pool
            return _run_batch(seed_dir, briefing_dir, quiet=quiet, check_only=check_only, pool=pool)
    finally:  # the collector as it was, for a caller that goes on (the warm-up tunes it for drafting)
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _shown_folder(directory: Path) -> str:
    """How :func:`paths.relative` shows a file in ``directory``, up to its name: ``"seeds/"``, ``""`` for the root."""
    shown = paths.relative(directory)
    return "" if shown == "." else shown.rstrip("/") + "/"


def _run_batch(seed_dir: Path, briefing_dir: Path, *, quiet: bool, check_only: bool, pool: Workers) -> int:
    todo, problems = plan(seed_dir, briefing_dir, pool)
    for path, name in todo.copies:
        print(f"skipped {paths.relative(path)}: the same text as the seed of {name}", file=sys.stderr)
    if problems:
        raise ProblemsError(problems)
    if check_only:
        print(f"ok: {len(todo.todo)} seed(s) to draft, all readable; nothing was written")
        return 0
    if not todo.todo:
        print(f"nothing to do: every seed in {paths.relative(seed_dir)}/ has a briefing")
        return 0
    if len(todo.todo) >= ACCEL_HINT_FROM and not quiet and not accel.active():
        print(f"{len(todo.todo)} seeds to draft: 'python -m scripts accel' (make accel) compiles the drafting modules "
              "in about two minutes, and ingest then drafts faster", file=sys.stderr)
    progress = Progress(len(todo.todo), not quiet)
    taken: set[Path] = set()
    written: dict[str, Known] = {}
    # Folders resolved once, not once per file (the seeds drafted and the briefings written are regular files).
    seed_folder, briefing_folder = _shown_folder(seed_dir), _shown_folder(briefing_dir)
    for index, (seed_path, name, text, known) in enumerate(drafts(todo.todo, pool), 1):
        target = unique_path(briefing_dir, name, taken)
        taken.add(target)
        fileio.atomic_write(target, text)
        written[target.name] = known
        shown_seed = seed_folder + seed_path.name
        print(f"drafted {briefing_folder}{target.name} from {shown_seed}")
        progress(index, f"drafted {shown_seed}")
    known_briefings(briefing_dir, written)  # refresh the index for the next run, without reading the drafts again
    return 0


# -- --force -----------------------------------------------------------------------


def unified_diff(old: str, new: str, old_name: str, new_name: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), old_name, new_name))


def force_redraft(seed_path: Path, briefing_dir: Path, overwrite_edited: bool) -> int:
    """Redraft the briefing of ``seed_path``, print the diff, refuse to overwrite a person's edits."""
    from .extract import draft_briefing

    seed_format.read_seed(seed_path)  # a bad seed is a ProblemsError with its file and line
    existing = briefings_by_seed(briefing_dir).get(seed_format.reference(seed_path) or "")
    drafted = draft_briefing(seed_path)
    text = briefing_format.render(drafted)
    name = briefing_format.filename(drafted)
    if existing is None:
        target = unique_path(briefing_dir, name, set())
        fileio.atomic_write(target, text)
        print(f"drafted {paths.relative(target)} (no earlier briefing)")
        return 0
    old = existing.read_text(encoding="utf-8")
    target = existing if existing.name == name else unique_path(briefing_dir, name, set())
    diff = unified_diff(old, text, paths.relative(existing), paths.relative(target))
    if not diff:
        print(f"unchanged: {paths.relative(existing)}")
        return 0
    sys.stdout.write(diff)
    if briefing_format.is_protected(old) and not overwrite_edited:
        print(
            f"refused: {paths.relative(existing)} was edited by a person or marked reviewed: true; "
            "the diff above is what a redraft would change. Re-run with --overwrite-edited to replace it.",
            file=sys.stderr,
        )
        return 1
    fileio.atomic_write(target, text)
    if target != existing:
        existing.unlink()
    print(f"redrafted {paths.relative(target)}")
    return 0


def run_ingest(args: argparse.Namespace) -> int:
    seed_dir = Path(args.seeds) if args.seeds else paths.SEEDS
    briefing_dir = Path(args.briefings) if args.briefings else paths.BRIEFINGS
    workers = max(1, int(getattr(args, "jobs", 0) or os.cpu_count() or 1))
    try:
        with folder_lock(briefing_dir):
            if args.force:
                return max(force_redraft(Path(seed), briefing_dir, args.overwrite_edited) for seed in args.force)
            return run_batch(seed_dir, briefing_dir, quiet=args.quiet, check_only=getattr(args, "check", False),
                             workers=workers)
    except LockedError as error:
        print(f"error: another ingest is running in {error}/: wait for it to finish, then run ingest again "
              "(nothing was written)", file=sys.stderr)
        return 1
