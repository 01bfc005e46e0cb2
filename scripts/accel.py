"""Drafting compiled to C with mypyc, used when it is current; the same drafts, byte for byte.

Drafting is pure Python: ~15 ms of CPU per 700-word article, most of it per-word work spread over
every extractor. mypyc (part of mypy, which the project pins to type-check this code) compiles the
type-checked drafting modules (:data:`MODULES`) to C extension modules, as black and mypy ship
themselves; ingest then takes 12-15% less CPU. ``python -m scripts accel`` (``make accel``)
builds them once per version of the code, in a minute or two, into ``build/accel/<key>/``, where
the key is a digest of every source under ``scripts/``, the Python version and mypy's version.

``python -m scripts ...`` calls :func:`activate` before it imports anything else: when the build of
the current key is there, the compiled modules are imported in place of the sources; when it is not
(a changed line anywhere in ``scripts/``, another Python, no build), the sources are, as before.
Nothing else changes: ``tests/test_accel.py`` drafts the same articles both ways and compares the
bytes. ``BRIEFING_ARCHIVE_INTERPRETED=1`` turns the compiled modules off.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.abc
import importlib.machinery
import importlib.metadata
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from . import paths

# The modules drafting spends its time in. Not here: package __init__ files (kept as sources), events
# (its frozen dataclasses would not unpickle from the start-up cache, scripts/warmstart.py), literals
# (mypyc 2.4 fails on it: an internal error), and everything outside drafting.
MODULES = (
    "scripts.textutil",
    "scripts.cuescan",
    "scripts.clean",
    "scripts.datewords",
    "scripts.wordlists",
    "scripts.extract.document",
    "scripts.extract.entities",
    "scripts.extract.figures",
    "scripts.extract.outlets",
    "scripts.extract.stance",
    "scripts.extract.stance_voice",
    "scripts.extract.summary",
    "scripts.extract.title",
    "scripts.extract.dates.clue",
    "scripts.extract.dates.combine",
    "scripts.extract.dates.doc",
    "scripts.extract.dates.event_clues",
    "scripts.extract.dates.forms",
    "scripts.extract.dates.holidays",
    "scripts.extract.dates.links",
    "scripts.extract.dates.printed",
    "scripts.extract.dates.serials",
    "scripts.extract.dates.tense",
    "scripts.extract.dates.wardays",
    "scripts.extract.dates.years",
)
OFF_ENV = "BRIEFING_ARCHIVE_INTERPRETED"
MANIFEST = "manifest.json"
KEEP = 3  # builds kept (other branches, worktrees); older ones are removed when a new one is made
SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify

setup(name="briefing-archive-accel", script_args=["build_ext", "--inplace", "-j", sys.argv[2]],
      ext_modules=mypycify(sys.argv[1].split(","), opt_level="3", debug_level="0", multi_file=True))
"""

_active: str = ""  # the key of the build in use, "" when the sources are


def accel_root(root: Path = paths.ROOT) -> Path:
    return root / "build" / "accel"


def _sources(root: Path) -> list[Path]:
    code = root / "scripts"
    return sorted(p for p in code.rglob("*.py") if "__pycache__" not in p.parts)


def _mypy_version() -> str:
    try:
        return importlib.metadata.version("mypy")
    except importlib.metadata.PackageNotFoundError:
        return "none"


def key(root: Path = paths.ROOT) -> str:
    """A digest of every source under ``scripts/``, the Python version and mypy's version."""
    digest = hashlib.sha256(f"{sys.version}\0{sysconfig.get_config_var('EXT_SUFFIX')}\0{_mypy_version()}\0".encode())
    for path in _sources(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def built(root: Path = paths.ROOT, current: str | None = None) -> dict[str, Path] | None:
    """The compiled files of the current key (module name -> file), or None when not built."""
    folder = accel_root(root) / (current or key(root))
    try:
        info = folder.lstat()
        if info.st_uid != os.getuid():  # a build someone else planted is never loaded
            return None
        listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(listed, dict):
        return None
    files: dict[str, Path] = {}
    for name, file in listed.items():
        if not (isinstance(name, str) and isinstance(file, str)) or Path(file).name != file or file in ("", ".", ".."):
            return None  # a plain file name in the build's folder, nothing else
        files[name] = folder / file
    return files if all(file.is_file() for file in files.values()) else None


class _Finder(importlib.abc.MetaPathFinder):
    """Finds the compiled modules of one build (and mypyc's shared library) before the sources."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        file = self.files.get(fullname)
        return None if file is None else importlib.util.spec_from_file_location(fullname, file)


def activate(root: Path = paths.ROOT) -> str:
    """Import the compiled modules in place of the sources when the current build is there.

    Call it before any of :data:`MODULES` is imported. Returns the key in use, or "".
    """
    global _active
    if _active or os.environ.get(OFF_ENV):
        return _active
    current = key(root)
    files = built(root, current)
    if files is None or any(name in sys.modules for name in MODULES):
        return ""
    sys.meta_path.insert(0, _Finder(files))
    _active = current
    return current


def active() -> str:
    """The key of the compiled build in use, "" when drafting runs from the sources."""
    return _active


ABANDONED_AFTER = 3600  # seconds: a temporary build folder this old was left by a killed build


def remove_abandoned(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary folders of builds killed midway (``building-*``, older than an hour;
    a younger one may be another build at work). Returns those removed."""
    now = time.time() if now is None else now
    removed = []
    for old in sorted(folder.glob("building-*")):
        try:
            if old.is_dir() and not old.is_symlink() and now - old.stat().st_mtime > ABANDONED_AFTER:
                shutil.rmtree(old, ignore_errors=True)
                removed.append(old)
        except OSError:
            continue
    return removed


def _prune(folder: Path, keep: int) -> None:
    builds = sorted((p for p in folder.iterdir() if p.is_dir() and (p / MANIFEST).exists()), key=lambda p: p.stat().st_mtime)
    for old in builds[: max(0, len(builds) - keep)]:
        shutil.rmtree(old, ignore_errors=True)


def build(root: Path = paths.ROOT, jobs: int = 2, log: Path | None = None) -> Path:
    """Compile :data:`MODULES` for the current key, unless they are built; returns the build's folder.

    The sources are copied to a temporary folder and compiled there (nothing lands in ``scripts/``);
    the finished build is renamed into place, so an interrupted build leaves none. Raises
    ``RuntimeError`` with the compiler's last lines when the build fails.
    """
    current = key(root)
    target = accel_root(root) / current
    if built(root, current) is not None:
        return target
    accel_root(root).mkdir(parents=True, exist_ok=True)
    remove_abandoned(accel_root(root))
    with tempfile.TemporaryDirectory(prefix="building-", dir=accel_root(root)) as tmp:
        work = Path(tmp) / "src"
        shutil.copytree(root / "scripts", work / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.so"))
        (work / "setup_accel.py").write_text(SETUP, encoding="utf-8")
        sources = [name.replace(".", "/") + ".py" for name in MODULES]
        done = subprocess.run([sys.executable, "setup_accel.py", ",".join(sources), str(jobs)], cwd=work,
                              capture_output=True, text=True)
        if log is not None:
            log.write_text(done.stdout + done.stderr, encoding="utf-8")
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise RuntimeError(f"mypyc could not compile the drafting modules (exit {done.returncode}):\n{tail}")
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        out = Path(tmp) / "out"
        out.mkdir()
        manifest: dict[str, str] = {}
        for name in MODULES:
            compiled = work / (name.replace(".", "/") + suffix)
            shutil.move(compiled, out / (name + suffix))
            manifest[name] = name + suffix
        for shared in work.glob(f"*__mypyc{suffix}"):  # the library the modules share
            shutil.move(shared, out / shared.name)
            manifest[shared.name[: -len(suffix)]] = shared.name
        (out / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        try:
            out.rename(target)
        except OSError:  # built meanwhile by another process
            if built(root, current) is None:
                raise
    _prune(accel_root(root), KEEP)
    return target


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``accel`` options (``scripts/cli.py``)."""
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="compilers run at once (default: the cores)")
    parser.add_argument("--status", action="store_true", help="say whether the current code is built, and build nothing")


def run_accel(args: argparse.Namespace) -> int:
    """``accel [--jobs N] [--status]``."""
    current = key()
    if args.status:
        found = built(paths.ROOT, current) is not None
        print(f"accel: {'built' if found else 'not built'} for the current code ({current})")
        return 0 if found else 1
    if built(paths.ROOT, current) is not None:
        print(f"accel: the drafting modules are compiled for the current code ({paths.relative(accel_root() / current)})")
        return 0
    print(f"accel: compiling {len(MODULES)} drafting modules with mypyc (about two minutes on 2 cores) ...", flush=True)
    start = time.perf_counter()
    try:
        target = build(jobs=args.jobs)
    except (RuntimeError, OSError) as error:
        print(f"accel: {error}\naccel: ingest runs on the interpreted modules (the same drafts, slower)", file=sys.stderr)
        return 1
    print(f"accel: built {paths.relative(target)} in {time.perf_counter() - start:.0f} s")
    return 0
