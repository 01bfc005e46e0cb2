"""MkDocs hooks (``hooks:`` in mkdocs.yml): generate the archive's pages before each build.

* ``on_config``: drop optional nav pages that do not exist yet (Methodology), and
  point the home page's snippet include at ``docs/generated/includes/`` (absolute,
  so a build started from another directory finds it too).
* ``on_pre_build``: the generation of ``python -m scripts pages``: validate briefings/
  and registry/ (a clear ``file:line: message`` list stops the build), then write the
  pages, the feed and the export - not as a file each under ``docs/generated/``, but
  into one bundle (:mod:`scripts.site.bundle`); only the home page's include is
  written under ``docs/generated/`` (when it changed, so ``mkdocs serve`` does not
  loop). Nothing changed since the last build: the last bundle serves again.
* ``on_files``: hand MkDocs the bundle's files as virtual files, read when MkDocs
  renders or copies each one, in place of any copy under ``docs/generated/`` (which
  ``python -m scripts pages`` writes for Zensical).
* ``on_post_build``: close the bundle.
* ``on_serve``: rebuild when briefings or the registry change.

``BRIEFINGS_DIR`` and ``REGISTRY_DIR`` (environment) override where briefings
and the registry are read from; by default, next to mkdocs.yml.
"""

from __future__ import annotations

import logging
import os
import resource
import sys
import time
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; make `scripts` importable
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from scripts.problems import Problem, ProblemsError  # noqa: E402
from scripts.site import generate, pages  # noqa: E402
from scripts.site.bundle import Bundle  # noqa: E402

log = logging.getLogger("mkdocs.hooks.site")

# Pages listed in the nav that another developer may not have written yet.
OPTIONAL_PAGES = frozenset({"methodology.md"})
SNIPPETS = "pymdownx.snippets"
GENERATION_TIME = "generated in {wall:.2f} s (CPU {cpu:.2f} s)"


def project_dirs(config: MkDocsConfig) -> tuple[Path, Path, Path]:
    """(project root, briefings dir, registry dir)."""
    root = Path(config.config_file_path).resolve().parent
    briefings = Path(os.environ.get("BRIEFINGS_DIR") or root / "briefings").resolve()
    registry = Path(os.environ.get("REGISTRY_DIR") or root / "registry").resolve()
    return root, briefings, registry


def drop_missing_optional(nav: Any, docs_dir: Path) -> Any:
    """The nav without entries pointing at optional pages that do not exist."""
    if isinstance(nav, list):
        kept = [drop_missing_optional(item, docs_dir) for item in nav]
        return [item for item in kept if item is not None]
    if isinstance(nav, dict):
        entries = {key: drop_missing_optional(value, docs_dir) for key, value in nav.items()}
        return {key: value for key, value in entries.items() if value is not None} or None
    if isinstance(nav, str) and nav in OPTIONAL_PAGES and not (docs_dir / nav).is_file():
        return None
    return nav


def problem_report(problems: list[Problem]) -> str:
    lines = "\n".join(f"  {problem}" for problem in problems)
    return (
        f"the site was not built: {len(problems)} problem(s) in the briefings or the registry:\n{lines}\n"
        "Fix them and build again ('python -m scripts check' lists them too)."
    )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs_dir = Path(config.docs_dir)
    if config.nav is not None:
        config.nav = drop_missing_optional(config.nav, docs_dir)
    if SNIPPETS in config.markdown_extensions:
        options = config.mdx_configs.setdefault(SNIPPETS, {})
        options["base_path"] = [str(docs_dir / pages.GENERATED / "includes")]
        options["check_paths"] = True
    return config


def cpu_seconds() -> float:
    """CPU time of this process and of the child processes it has waited for (the validation workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


GENERATED_BY = "scripts/site/hooks.py"


class BundledFile(File):
    """A generated file that MkDocs reads from the bundle when it renders or copies it."""

    def __init__(self, src_uri: str, config: MkDocsConfig, bundle: Bundle) -> None:
        super().__init__(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        self.generated_by = GENERATED_BY  # no "edit this page": it is written from briefings/
        self._bundle = bundle

    @property
    def content_bytes(self) -> bytes:
        if self._content is not None:  # set by a plugin
            return self._content.encode() if isinstance(self._content, str) else self._content
        return self._bundle.read(self.src_uri)

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._content = value

    @property
    def content_string(self) -> str:
        if isinstance(self._content, str):
            return self._content
        return self.content_bytes.decode("utf-8-sig")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self._content = value

    def copy_file(self, dirty: bool = False) -> None:
        output = Path(self.abs_dest_path)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(self.content_bytes)

    def is_modified(self) -> bool:
        return True


_bundle: Bundle | None = None  # the bundle of the build under way


def _close_bundle() -> None:
    global _bundle
    if _bundle is not None:
        _bundle.close()
        _bundle = None


def on_pre_build(config: MkDocsConfig) -> None:
    global _bundle
    _close_bundle()
    root, briefings_dir, registry_dir = project_dirs(config)
    start, start_cpu = time.perf_counter(), cpu_seconds()
    try:
        written, _bundle = generate.bundle_site_sources(
            root,
            Path(config.docs_dir),
            briefings_dir,
            registry_dir,
            title=config.site_name,
            directory_urls=config.use_directory_urls,
            site_url=config.site_url or None,
        )
    except ProblemsError as error:
        raise PluginError(problem_report(error.problems)) from None
    # The time is what the generation adds to MkDocs' own work (the benchmark reads it: scripts/bench/run.py).
    log.info(f"{written.summary()}; {GENERATION_TIME.format(wall=time.perf_counter() - start, cpu=cpu_seconds() - start_cpu)}")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The bundle's files in place of whatever lies under docs/generated/ (but the include, read from disk)."""
    if _bundle is None:
        return files
    prefix = pages.GENERATED + "/"
    for file in [f for f in files if f.src_uri.startswith(prefix) and f.src_uri not in generate.ON_DISK]:
        files.remove(file)
    for name in _bundle.files:
        if name not in generate.ON_DISK:
            files.append(BundledFile(name, config, _bundle))
    return Files(sorted(files, key=walk_order))  # the order MkDocs reads docs/ in: the same site, byte for byte


def walk_order(file: File) -> tuple[tuple[str, ...], tuple[bool, str]]:
    """Where MkDocs' walk of docs_dir meets the file: folders depth first, sorted; in a folder, index first."""
    path = PurePosixPath(file.src_uri)
    return path.parent.parts, (path.stem not in ("index", "README"), path.name)


def on_post_build(config: MkDocsConfig) -> None:
    _close_bundle()


def on_build_error(error: Exception) -> None:
    _close_bundle()


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    _, briefings_dir, registry_dir = project_dirs(config)
    for directory in (briefings_dir, registry_dir):
        if directory.is_dir():
            server.watch(str(directory))
    return server
