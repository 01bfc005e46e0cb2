"""What a drafting process builds before its first article, kept between runs.

Before it drafts anything, ``ingest`` reads and checks the registry (2 MB of YAML), builds its
gazetteer (129,000 keys) and reads the calendar (2,300 events): about 4 s of CPU. Read back from
this cache they take about 0.7 s. The cache file's name is a digest of everything they are built
from (the registry folder, the code and word lists under ``scripts/``, the Python version, and
whether the drafting modules run compiled: :mod:`scripts.accel`), so any
change to them builds afresh; a cache that cannot be read is rebuilt, never an error.

The cache is a pickle, and reading a pickle runs code: it lives in the user's own cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache``, then ``briefing-archive/``), never in the repository, where
a pull request could plant one; a file another user owns is not read.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path

from . import accel, events, fileio, paths, registry
from .extract import entities

CACHE_ENV = "BRIEFING_ARCHIVE_CACHE"  # a folder for the cache (tests; a machine with a read-only home)
KEEP = 4  # caches kept in the folder (one per set of inputs: branches, worktrees)
STAMP = 1  # bump when the cached objects change shape in a way the code digest would not catch


def cache_dir() -> Path:
    """``$BRIEFING_ARCHIVE_CACHE``, else ``$XDG_CACHE_HOME/briefing-archive``, else ``~/.cache/briefing-archive``."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing-archive"


def fingerprint(registry_dir: Path = paths.REGISTRY, code_dir: Path = paths.ROOT / "scripts") -> str:
    """A digest of every file the registry, the gazetteer and the calendar are built from."""
    digest = hashlib.sha256(f"{STAMP} {sys.version} {registry_dir.resolve()} {accel.active()}".encode())  # compiled classes pickle apart
    files = sorted(registry_dir.glob("*.yaml")) + sorted(
        p for p in code_dir.rglob("*") if p.suffix in (".py", ".yaml", ".txt", ".json") and "__pycache__" not in p.parts
    )
    for path in files:
        digest.update(path.relative_to(path.parents[1]).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _read(path: Path) -> tuple[registry.Registry, entities.Gazetteer, events.Calendar] | None:
    try:
        info = path.lstat()  # the link itself, never what it points to
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            return None
        loaded = pickle.loads(path.read_bytes())  # noqa: S301 (the user's own cache, see the module's docstring)
    except Exception:  # any unreadable, truncated or stale cache is rebuilt
        return None
    if not (isinstance(loaded, tuple) and len(loaded) == 3 and isinstance(loaded[0], registry.Registry)
            and isinstance(loaded[1], entities.Gazetteer) and isinstance(loaded[2], events.Calendar)):
        return None
    return loaded


def _write(path: Path, built: tuple[registry.Registry, entities.Gazetteer, events.Calendar]) -> None:
    """Write the cache (atomically); keep the few latest of other inputs (other branches, worktrees)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        others = sorted((p for p in path.parent.glob("drafting-*.pickle") if p != path), key=lambda p: p.stat().st_mtime)
        for old in others[: max(0, len(others) - KEEP + 1)]:
            old.unlink(missing_ok=True)
        fileio.atomic_write_bytes(path, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # no cache folder (read-only home): every run builds, as before


def warm_start(warm_up: bool = True) -> registry.Registry:
    """The default registry, its gazetteer and the calendar, from the cache when it is current.

    ``warm_up`` drafts a one-line text, so that what is built lazily is built once, before workers fork
    (and, on a first run, in the cache).
    """
    from .extract import draft_from_text

    if registry.default_registry_loaded() and events.default_calendar_loaded():
        return registry.default_registry()  # started already (the registry and the calendar never change in a run)
    path = cache_dir() / f"drafting-{fingerprint()}.pickle"
    cached = _read(path)
    if cached is not None:
        found, gazetteer, calendar = cached
        registry.use_as_default_registry(found)
        entities.use_gazetteer(found, gazetteer)
        events.use_as_default_calendar(calendar)
    else:
        found = registry.default_registry()
    if warm_up:
        draft_from_text("Warm-up.", None, None, found)
    if cached is None:
        _write(path, (found, entities.gazetteer(found), events.default_calendar()))
    return found
