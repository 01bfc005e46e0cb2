"""Assemble the generated files and keep ``docs/generated/`` in step with them."""

from __future__ import annotations

from pathlib import Path

from ..write import atomic_write
from . import feeds, pages
from .archive import Archive


def generated_pages(archive: Archive, *, methodology: bool = False) -> dict[str, str]:
    """Docs-relative path -> Markdown, for every generated page (sorted by path)."""
    out: dict[str, str] = {pages.HOME_INCLUDE: pages.home_include(archive, methodology=methodology)}
    for entry in archive.entries:
        out[pages.briefing_path(entry)] = pages.briefing_page(archive, entry)
    for actor in archive.actors.values():
        out[actor.page] = pages.actor_page(archive, actor)
    for kind in ("country", "person", "organisation"):
        out[pages.INDEXES[kind]] = pages.actor_index_page(archive, kind)
    years = [*archive.years(), *(["undated"] if archive.undated() else [])]
    out[pages.TIMELINE] = pages.timeline_page(archive)
    out[pages.STANCE] = pages.stance_page(archive)
    for year in years:
        out[pages.year_path(year)] = pages.year_page(archive, year)
        out[pages.stance_year_path(year)] = pages.stance_year_page(archive, year)
    out[pages.CONNECTIONS] = pages.connections_page(archive)
    out[pages.DATA] = pages.data_page(archive)
    return dict(sorted(out.items()))


def extra_files(
    archive: Archive, *, title: str, directory_urls: bool = False, site_url: str | None = None
) -> dict[str, str]:
    """Site-relative path -> content of the non-page outputs (feed and export)."""

    def url_of(src: str) -> str:
        return feeds.page_url(src, directory_urls)

    return {
        pages.FEED: feeds.atom_feed(archive, url_of, title=title, site_url=site_url),
        pages.EXPORT: feeds.json_export(archive, url_of),
    }


def sync_directory(docs_dir: Path, files: dict[str, str], managed: str = pages.GENERATED) -> tuple[list[str], list[str]]:
    """Write ``files`` under ``docs_dir`` (only those that changed) and delete stale files in ``managed``.

    Returns (written, deleted) docs-relative paths. Unchanged files are not
    touched, so ``mkdocs serve`` sees no change and does not rebuild in a loop.
    """
    root = docs_dir / managed
    for path in files:
        if not path.startswith(managed + "/"):
            raise ValueError(f"{path} is outside {managed}/")
    written = [path for path, content in files.items() if atomic_write(docs_dir / path, content)]
    deleted = []
    if root.is_dir():
        for path in sorted(root.rglob("*"), reverse=True):
            relative = path.relative_to(docs_dir).as_posix()
            if path.is_file() and relative not in files:
                path.unlink()
                deleted.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, sorted(deleted)
