"""Where the site gets its briefings: validated once, in parallel, and remembered.

The site never parses or validates a briefing itself: :func:`validated` calls
the pipeline's own validator (the one seam below; when the briefing format
moves to its own module, only ``_validate_file`` changes). Two things make a
large archive cheap to rebuild:

* **A cache of validated briefings** (``build/cache/site-briefings.jsonl``): a
  file whose bytes, seed and context are unchanged since it was last found
  valid is not read again by YAML and JSON Schema. The context is everything
  validation depends on besides the file: the registry's and the schemas'
  bytes and the validating code's source; when any changes, everything is
  validated again. Only valid briefings are remembered; any problem stops the
  build exactly as without the cache. The cache is JSON (never pickle): a
  stale or hand-edited cache can at worst cost a revalidation.
* **Both cores** for what must be validated: files are split between worker
  processes when there are many of them.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..briefing import from_front_matter, front_matter, render_body
from ..model import Briefing
from ..problems import Problem, ProblemsError
from ..registry import Registry, load_registry

CACHE_FILE = Path("build") / "cache" / "site-briefings.jsonl"
CACHE_VERSION = 1
PARALLEL_FROM = 400  # files to validate before worker processes pay for themselves
# The validating code: a change to any of these modules revalidates every briefing.
VALIDATING_MODULES = (
    "model", "briefing", "validate", "registry", "yamlio", "schemas", "seed", "fileio", "suggest", "slugs", "paths",
    "problems",
)


# -- the seam: how one briefing file is validated ---------------------------------


def _validate_file(path: Path, registry: Registry, root: Path) -> tuple[Briefing | None, list[Problem]]:
    from ..validate import validate_file

    return validate_file(path, registry, root)


def _briefing_paths(directory: Path) -> list[Path]:
    from ..validate import briefing_paths

    return briefing_paths(directory)


def _display_name(path: Path, root: Path) -> str:
    from ..validate import display_name

    return display_name(path, root)


# -- fingerprints -------------------------------------------------------------------


def _digest(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def context_fingerprint(registry_dir: Path, schema_dir: Path) -> str:
    """What validation depends on besides the briefing and its seed."""
    package = Path(__file__).resolve().parents[1]
    files = sorted(registry_dir.glob("*.yaml")) + sorted(schema_dir.glob("*.json"))
    files += [package / f"{name}.py" for name in VALIDATING_MODULES]
    parts = [f"{CACHE_VERSION} {sys.version_info[:2]}".encode()]
    for path in files:
        if path.is_file():
            parts += [path.name.encode(), path.read_bytes()]
    return _digest(parts)


@dataclass(frozen=True)
class Inputs:
    """The briefing files and what validation depends on, read once for a generation: its
    fingerprint (:func:`inputs_fingerprint`) and the validation cache (:func:`load_briefings`)
    both use them, so each file is read and hashed once before it is validated."""

    paths: list[Path]  # the briefing files, sorted
    digests: dict[Path, str | None]  # path -> SHA-256 of its bytes (through a link), None when unreadable
    links: frozenset[Path]  # the paths that are symbolic links (the validator refuses them)
    context: str  # :func:`context_fingerprint`


def read_inputs(briefings_dir: Path, registry_dir: Path) -> Inputs:
    """The :class:`Inputs` of ``briefings_dir`` against the registry in ``registry_dir``."""
    paths = _briefing_paths(briefings_dir)
    digests: dict[Path, str | None] = {}
    for path in paths:
        try:
            digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            digests[path] = None
    links = frozenset(path for path in paths if path.is_symlink())
    schema_dir = Path(__file__).resolve().parents[2] / "docs" / "schemas"
    return Inputs(paths, digests, links, context_fingerprint(registry_dir, schema_dir))


def inputs_fingerprint(briefings_dir: Path, registry_dir: Path, root: Path, *extra: str, inputs: Inputs | None = None) -> str:
    """Everything the generated pages depend on: the briefings' and seeds' files, the registry,
    the schemas, the code (validation and site) and ``extra`` settings. Cheap: bytes of the
    briefings, sizes and times of the seeds. ``inputs``: :func:`read_inputs`, when read already."""
    package = Path(__file__).resolve().parents[1]
    inputs = inputs or read_inputs(briefings_dir, registry_dir)
    parts = [inputs.context.encode(), *(e.encode() for e in extra)]
    for path in sorted((package / "site").glob("*.py")):
        parts += [path.name.encode(), path.read_bytes()]
    for path in inputs.paths:
        content = inputs.digests[path]
        parts += [path.name.encode(), b"link" if path in inputs.links else b"file", (content or "unreadable").encode()]
    seeds = root / "seeds"
    for path in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        stat = path.stat()
        parts.append(f"{path.name} {stat.st_size} {stat.st_mtime_ns}".encode())
    return _digest(parts)


def _seed_stamp(root: Path, briefing: Briefing) -> list[Any] | None:
    """(size, mtime) of the briefing's seed, so a changed seed is validated again."""
    if not briefing.source.seed:
        return None
    try:
        stat = (root / briefing.source.seed).stat()
    except OSError:
        return ["missing"]
    return [stat.st_size, stat.st_mtime_ns]


# -- the cache ----------------------------------------------------------------------
# JSON Lines: a first line {"context": ...}, then "name<TAB>sha256<TAB>{...}" per briefing, so a
# run parses only the lines of unchanged files and never holds the whole cache as one string.


def read_cache(path: Path, context: str, digests: dict[str, str], root: Path) -> dict[str, Briefing]:
    """The remembered briefings whose file (``digests``: name -> sha256) and seed are unchanged."""
    found: dict[str, Briefing] = {}
    try:
        with path.open(encoding="utf-8") as lines:
            header = json.loads(next(lines, "{}"))
            if not isinstance(header, dict) or header.get("context") != context:
                return {}
            for line in lines:
                name, digest, data = (line.rstrip("\n").split("\t", 2) + ["", ""])[:3]
                if digests.get(name) != digest or name in found:
                    continue
                briefing = _remembered(data, root)
                if briefing is not None:
                    found[name] = briefing
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return found


def write_cache(path: Path, context: str, briefings: dict[str, tuple[str, Briefing]], root: Path) -> None:
    """Write the cache (name -> (sha256, briefing)) line by line to a temporary file, then rename it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps({"context": context}) + "\n")
            for name, (digest, briefing) in sorted(briefings.items()):
                # Keys keep their order: evidence is shown in the order it was written.
                item = {"seed": _seed_stamp(root, briefing), "front_matter": front_matter(briefing),
                        "body": render_body(briefing)}
                out.write(f"{name}\t{digest}\t{json.dumps(item, ensure_ascii=False, separators=(',', ':'))}\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remembered(data: str, root: Path) -> Briefing | None:
    try:
        item = json.loads(data)
        briefing = from_front_matter(item["front_matter"], item["body"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return briefing if _seed_stamp(root, briefing) == item.get("seed") else None


# -- validation, in parallel when it pays ---------------------------------------------

_worker_registry: Registry | None = None


def _init_worker(registry: Registry) -> None:
    """Each worker is forked with the registry already loaded (nothing read or pickled again)."""
    global _worker_registry
    _worker_registry = registry


def _validate_chunk(paths: list[str], root: str) -> list[tuple[str, Briefing | None, list[Problem]]]:
    assert _worker_registry is not None
    out = []
    for name in paths:
        briefing, problems = _validate_file(Path(name), _worker_registry, Path(root))
        out.append((name, briefing, problems))
    return out


CHUNK = 100  # files a worker validates per task: small, so results come back in small parts


def _validate_many(
    paths: list[Path], registry: Registry, root: Path, workers: int
) -> Iterator[tuple[Path, tuple[Briefing | None, list[Problem]]]]:
    """(path, (briefing or None, problems)) for every path, in order; on several processes when many."""
    if workers < 2 or len(paths) < PARALLEL_FROM:
        for path in paths:
            yield path, _validate_file(path, registry, root)
        return
    chunks = [[str(p) for p in paths[i : i + CHUNK]] for i in range(0, len(paths), CHUNK)]
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=fork, initializer=_init_worker, initargs=(registry,)) as pool:
        for chunk in pool.map(_validate_chunk, chunks, [str(root)] * len(chunks)):
            for name, briefing, problems in chunk:
                yield Path(name), (briefing, problems)


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True)
class Loaded:
    registry: Registry
    briefings: list[tuple[str, Briefing]]  # (display name, briefing), sorted by name
    validated: int  # files validated in this run (the rest came from the cache)


def load_briefings(
    briefings_dir: Path,
    registry_dir: Path,
    root: Path,
    *,
    cache: Path | None = None,
    workers: int | None = None,
    inputs: Inputs | None = None,
) -> Loaded:
    """The registry and every valid briefing; raise :class:`ProblemsError` listing every problem.

    ``cache`` (default ``root/build/cache/site-briefings.jsonl``; pass a path
    to move it) remembers valid briefings between runs. ``inputs``: :func:`read_inputs`, when read already.
    """
    registry = load_registry(registry_dir)  # raises ProblemsError itself
    cache_path = cache if cache is not None else root / CACHE_FILE
    inputs = inputs or read_inputs(briefings_dir, registry_dir)
    context, paths = inputs.context, inputs.paths
    folder = _display_name(briefings_dir, root)  # resolved once, not once per file
    names = {path: f"{folder}/{path.name}" for path in paths}
    digests: dict[str, str] = {}
    for path in paths:
        digest = inputs.digests[path]
        if digest is not None and path not in inputs.links:  # a link is never from the cache: the validator refuses it
            digests[names[path]] = digest  # an unreadable file: the validator says why
    good = read_cache(cache_path, context, digests, root)
    to_validate = [path for path in paths if names[path] not in good]

    problems: list[Problem] = []
    for path, (briefing, found) in _validate_many(to_validate, registry, root, workers or default_workers()):
        problems += found
        if briefing is not None and not found:
            good[names[path]] = briefing
    if problems:
        raise ProblemsError(problems)
    if to_validate or len(good) != _cached_count(cache_path):
        write_cache(cache_path, context, {n: (digests[n], b) for n, b in good.items() if n in digests}, root)
    return Loaded(registry, sorted(good.items()), len(to_validate))


def _cached_count(path: Path) -> int:
    """Briefings in the cache file (its lines but the first), -1 when unreadable."""
    try:
        with path.open("rb") as lines:
            return sum(1 for _ in lines) - 1
    except OSError:
        return -1
