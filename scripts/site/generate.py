"""Assemble the generated files: one generation, two ways to hand them over.

* :func:`write_site_sources` (``python -m scripts pages``) keeps ``docs/generated/``
  in step with them, a file per page, for any engine that renders ``docs/`` with
  ``mkdocs.yml`` (Zensical, or bare MkDocs);
* :func:`bundle_site_sources` (the MkDocs hook) writes them into one bundle
  (:mod:`.bundle`) that MkDocs reads page by page: the same pages, without creating
  a file for each.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from ..fileio import atomic_write
from . import feeds, pages
from .archive import Archive, build_archive
from .bundle import BUNDLE_FILE, Bundle, open_bundle, write_bundle
from .source import inputs_fingerprint, load_briefings, read_inputs
from .workers import installed_workers, worker_sources

# Environment switch for measuring what full-text search costs (docs/performance.md).
FULL_TEXT_SEARCH_ENV = "SEARCH_FULL_TEXT"


def iter_generated_pages(
    archive: Archive, *, methodology: bool = False, full_text_search: bool = False
) -> Iterator[tuple[str, str]]:
    """(docs-relative path, Markdown) of every generated page, one at a time (the archive's pages never all in memory)."""
    yield pages.HOME_INCLUDE, pages.home_include(archive, methodology=methodology)
    for entry in archive.entries:
        yield pages.briefing_path(entry), pages.briefing_page(archive, entry, full_text_search=full_text_search)
    for actor in archive.actors.values():
        yield from pages.actor_pages(archive, actor).items()
    for kind in ("country", "person", "organisation"):
        yield from pages.actor_index_pages(archive, kind).items()
    yield pages.TIMELINE, pages.timeline_page(archive)
    yield pages.STANCE, pages.stance_page(archive)
    for year in archive.by_year:
        yield from pages.year_pages(archive, year).items()
        yield from pages.stance_year_pages(archive, year).items()
    yield pages.CONNECTIONS, pages.connections_page(archive)
    yield pages.DATA, pages.data_page(archive)


def generated_pages(archive: Archive, *, methodology: bool = False, full_text_search: bool = False) -> dict[str, str]:
    """Docs-relative path -> Markdown, for every generated page (sorted by path)."""
    return dict(sorted(iter_generated_pages(archive, methodology=methodology, full_text_search=full_text_search)))


def extra_files(
    archive: Archive, *, title: str, directory_urls: bool = False, site_url: str | None = None
) -> dict[str, str]:
    """Docs-relative path -> content of the non-page outputs (feed and export), written beside the pages."""

    def url_of(src: str) -> str:
        return feeds.page_url(src, directory_urls)

    return {
        pages.FEED: feeds.atom_feed(archive, url_of, title=title, site_url=site_url),
        pages.EXPORT: feeds.json_export(archive, url_of),
    }


def managed_only(files: Iterable[tuple[str, str]], managed: str = pages.GENERATED) -> Iterator[tuple[str, str]]:
    """The files, each checked to be under ``managed/`` (ValueError at the first that is not)."""
    for path, content in files:
        if not path.startswith(managed + "/"):
            raise ValueError(f"{path} is outside {managed}/")
        yield path, content


def write_files(docs_dir: Path, files: Iterable[tuple[str, str]], managed: str = pages.GENERATED) -> tuple[list[str], set[str]]:
    """Write each file under ``docs_dir`` (only those that changed); return (written, every path)."""
    written: list[str] = []
    seen: set[str] = set()
    for path, content in managed_only(files, managed):
        if path in seen:
            raise ValueError(f"{path} is generated twice")
        seen.add(path)
        if atomic_write(docs_dir / path, content):
            written.append(path)
    return written, seen


def delete_stale(docs_dir: Path, keep: set[str], managed: str = pages.GENERATED) -> list[str]:
    """Delete the files under ``docs_dir/managed`` not in ``keep``, and empty folders; return the deleted paths."""
    root = docs_dir / managed
    deleted = []
    if root.is_dir():
        for item in sorted(root.rglob("*"), reverse=True):
            relative = item.relative_to(docs_dir).as_posix()
            if item.is_file() and relative not in keep:
                item.unlink()
                deleted.append(relative)
            elif item.is_dir() and not any(item.iterdir()):
                item.rmdir()
    return sorted(deleted)


def sync_directory(docs_dir: Path, files: dict[str, str], managed: str = pages.GENERATED) -> tuple[list[str], list[str]]:
    """Write ``files`` under ``docs_dir`` (only those that changed) and delete stale files in ``managed``.

    Returns (written, deleted) docs-relative paths. Unchanged files are not
    touched, so ``mkdocs serve`` sees no change and does not rebuild in a loop.
    """
    written, seen = write_files(docs_dir, files.items(), managed)
    return written, delete_stale(docs_dir, seen, managed)


MANIFEST_FILE = Path("build") / "cache" / "site-pages.json"


@dataclass(frozen=True)
class Written:
    """What one generation did."""

    briefings: int
    actors: int
    files: int
    written: list[str]
    deleted: list[str]
    validated: int  # briefings validated (the others came from the cache)
    unchanged_inputs: bool = False  # nothing the pages depend on changed: nothing was generated
    bundle: bool = False  # the files went into one bundle (the MkDocs hook), not one file each

    def summary(self) -> str:
        if self.bundle:
            how = "inputs unchanged since the last generation" if self.unchanged_inputs else (
                f"archive: {self.briefings} briefing(s), {self.actors} actor(s); "
                f"{self.validated} validated, {self.briefings - self.validated} from the cache"
            )
            return (
                f"{how}; {self.files} generated file(s) in {BUNDLE_FILE.as_posix()}, "
                f"{len(self.written)} written to {pages.GENERATED}/"
            )
        how = (
            "inputs unchanged since the last generation"
            if self.unchanged_inputs
            else f"{self.validated} validated, {self.briefings - self.validated} from the cache"
        )
        return (
            f"archive: {self.briefings} briefing(s), {self.actors} actor(s); {how}; "
            f"{self.files} generated file(s), {len(self.written)} written, {len(self.deleted)} deleted"
        )


@dataclass(frozen=True)
class Manifest:
    """The fingerprint of the inputs of the last generation and the files it left (size, mtime)."""

    fingerprint: str
    briefings: int
    actors: int
    files: dict[str, list[int]]

    @staticmethod
    def read(path: Path) -> Manifest | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return Manifest(str(data["fingerprint"]), int(data["briefings"]), int(data["actors"]), dict(data["files"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @staticmethod
    def of(fingerprint: str, briefings: int, actors: int, docs_dir: Path, paths: list[str]) -> Manifest:
        return Manifest(fingerprint, briefings, actors, {p: _stamp(docs_dir / p) for p in paths})

    def write(self, path: Path) -> None:
        atomic_write(path, json.dumps(vars(self), separators=(",", ":"), sort_keys=True))

    def intact(self, docs_dir: Path, managed: str = pages.GENERATED) -> bool:
        """Every file it lists is still there, unchanged, and there is no other."""
        root = docs_dir / managed
        present = {p.relative_to(docs_dir).as_posix() for p in root.rglob("*") if p.is_file()} if root.is_dir() else set()
        return present == set(self.files) and all(_stamp(docs_dir / p) == stamp for p, stamp in self.files.items())


def _stamp(path: Path) -> list[int]:
    try:
        stat = path.stat()
    except OSError:
        return [-1, -1]
    return [stat.st_size, stat.st_mtime_ns]


def full_text_search() -> bool:
    return os.environ.get(FULL_TEXT_SEARCH_ENV, "").strip().lower() in ("1", "true", "yes")


SiteFiles = tuple[Archive, int, Iterator[tuple[str, str]]]  # the archive, briefings validated, every file


def _generation(
    root: Path, docs_dir: Path, briefings_dir: Path, registry_dir: Path, *, title: str, directory_urls: bool,
    site_url: str | None,
) -> tuple[str, Callable[[], SiteFiles]]:
    """(fingerprint of everything the generated files depend on, how to make them).

    Making them validates (raising ProblemsError), builds the archive and yields the files one at a time.
    """
    methodology = (docs_dir / "methodology.md").is_file()
    full_text = full_text_search()
    workers = ",".join(w.name for w in installed_workers())  # a new engine version brings a new worker
    settings = f"{methodology} {full_text} {directory_urls} {site_url} {title} {docs_dir.resolve()} {workers}"
    inputs = read_inputs(briefings_dir, registry_dir)  # each briefing read and hashed once, for both
    fingerprint = inputs_fingerprint(briefings_dir, registry_dir, root, settings, inputs=inputs)

    def make() -> SiteFiles:
        loaded = load_briefings(briefings_dir, registry_dir, root, inputs=inputs)
        archive = build_archive(loaded.briefings, loaded.registry)
        files = chain(
            iter_generated_pages(archive, methodology=methodology, full_text_search=full_text),
            extra_files(archive, title=title, directory_urls=directory_urls, site_url=site_url).items(),
            worker_sources().items(),
        )
        return archive, loaded.validated, files

    return fingerprint, make


def write_site_sources(
    root: Path,
    docs_dir: Path,
    briefings_dir: Path,
    registry_dir: Path,
    *,
    title: str,
    directory_urls: bool = False,
    site_url: str | None = None,
) -> Written:
    """Validate the briefings and write every generated page, the feed and the export under ``docs_dir/generated``.

    When nothing they depend on changed since the last generation and its files are intact,
    nothing is read or written. Raises :class:`~scripts.problems.ProblemsError` (nothing
    written) when a briefing or the registry is invalid.
    """
    fingerprint, make = _generation(
        root, docs_dir, briefings_dir, registry_dir, title=title, directory_urls=directory_urls, site_url=site_url
    )
    manifest_path = root / MANIFEST_FILE
    last = Manifest.read(manifest_path)
    if last is not None and last.fingerprint == fingerprint and last.intact(docs_dir):
        return Written(last.briefings, last.actors, len(last.files), [], [], 0, unchanged_inputs=True)

    archive, validated, files = make()
    written, paths = write_files(docs_dir, files)
    deleted = delete_stale(docs_dir, paths)
    Manifest.of(fingerprint, len(archive.entries), len(archive.actors), docs_dir, sorted(paths)).write(manifest_path)
    return Written(len(archive.entries), len(archive.actors), len(paths), written, deleted, validated)


# Files an engine reads from disk itself, never from the bundle: the home page's include (pymdownx.snippets).
ON_DISK = frozenset({pages.HOME_INCLUDE})


def bundle_site_sources(
    root: Path,
    docs_dir: Path,
    briefings_dir: Path,
    registry_dir: Path,
    *,
    title: str,
    directory_urls: bool = False,
    site_url: str | None = None,
) -> tuple[Written, Bundle]:
    """What the MkDocs hook does: every generated file into one bundle (``build/cache/site-pages.bundle``),
    read by MkDocs page by page, and only :data:`ON_DISK` under ``docs_dir/generated``.

    The bundle of the last generation is used again when nothing it depends on changed. The caller
    closes the bundle. Raises :class:`~scripts.problems.ProblemsError` (nothing written) when a
    briefing or the registry is invalid.
    """
    fingerprint, make = _generation(
        root, docs_dir, briefings_dir, registry_dir, title=title, directory_urls=directory_urls, site_url=site_url
    )
    path = root / BUNDLE_FILE
    last = open_bundle(path)
    if last is not None and last.fingerprint == fingerprint and ON_DISK <= set(last.files):
        written = _write_on_disk(docs_dir, last)
        return Written(0, 0, len(last.files), written, [], 0, unchanged_inputs=True, bundle=True), last
    if last is not None:
        last.close()
    archive, validated, files = make()
    bundle = write_bundle(path, fingerprint, managed_only(files))
    written = _write_on_disk(docs_dir, bundle)
    return Written(len(archive.entries), len(archive.actors), len(bundle.files), written, [], validated, bundle=True), bundle


def _write_on_disk(docs_dir: Path, bundle: Bundle) -> list[str]:
    """Write the :data:`ON_DISK` files of the bundle under ``docs_dir`` (those that changed); return them."""
    return [name for name in sorted(ON_DISK) if atomic_write(docs_dir / name, bundle.read(name).decode("utf-8"))]


def run_pages(args: argparse.Namespace) -> int:
    """The ``pages`` command: generate docs/generated/ for ``mkdocs build`` or ``zensical build``."""
    from .. import paths

    root = Path(args.root).resolve() if args.root else paths.ROOT
    config = site_config(root / "mkdocs.yml")
    written = write_site_sources(
        root,
        root / config.get("docs_dir", "docs"),
        Path(args.briefings) if args.briefings else root / "briefings",
        Path(args.registry) if args.registry else root / "registry",
        title=str(config.get("site_name") or "Briefing archive"),
        directory_urls=False,  # the offline plugin turns directory URLs off, in MkDocs and Zensical alike
        site_url=config.get("site_url") or None,
    )
    if not args.quiet:
        print(written.summary())
    return 0


def site_config(path: Path) -> dict[str, Any]:
    """The few plain settings of mkdocs.yml the pages need (its ``!!python`` tags, if any, are not read)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 (safe loader subclass)
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}
