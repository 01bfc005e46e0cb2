"""MkDocs hooks (``hooks:`` in mkdocs.yml): generate the archive's pages before each build.

* ``on_config``: drop optional nav pages that do not exist yet (Methodology), and
  point the home page's snippet include at ``docs/generated/includes/`` (absolute,
  so a build started from another directory finds it too).
* ``on_pre_build``: the same as ``python -m scripts pages``: validate briefings/ and
  registry/ (a clear ``file:line: message`` list stops the build), then write the
  pages, the feed and the export into ``docs/generated/`` - only those that
  changed - and delete stale ones, so ``mkdocs serve`` does not loop.
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; make `scripts` importable
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

from scripts.problems import Problem, ProblemsError  # noqa: E402
from scripts.site import generate, pages  # noqa: E402

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


def on_pre_build(config: MkDocsConfig) -> None:
    root, briefings_dir, registry_dir = project_dirs(config)
    start, start_cpu = time.perf_counter(), cpu_seconds()
    try:
        written = generate.write_site_sources(
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


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    _, briefings_dir, registry_dir = project_dirs(config)
    for directory in (briefings_dir, registry_dir):
        if directory.is_dir():
            server.watch(str(directory))
    return server
