"""Copies of the search workers' code as strings, for ``docs/assets/javascripts/search-shim.js``.

From a file:// page, Chromium starts a worker only from a blob: URL, and a page
can read another file only by running it as a script. So each installed
engine's search worker is written, as a JavaScript string, into
``generated/workers/<worker file>.source.js``; the shim loads it and starts the
worker on its own thread instead of the page's. (On a site built by MkDocs the
shim starts the archive's own engine, ``archive-search.js``, instead; the copies
serve Zensical's worker.)
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from .pages import GENERATED

ENGINES = ("material", "zensical")  # packages whose templates ship assets/javascripts/workers/
WORKERS = Path("templates") / "assets" / "javascripts" / "workers"


def installed_workers() -> list[Path]:
    """The search worker scripts of every installed engine, by name."""
    found: list[Path] = []
    for engine in ENGINES:
        spec = importlib.util.find_spec(engine)
        if spec is None or not spec.submodule_search_locations:
            continue
        folder = Path(list(spec.submodule_search_locations)[0]) / WORKERS
        found += sorted(folder.glob("*.js")) if folder.is_dir() else []
    return found


def source_script(worker: Path) -> str:
    """A script that stores the worker's code, as a string, under its file name."""
    code = worker.read_text(encoding="utf-8")
    key = json.dumps(worker.name)
    # json.dumps escapes quotes and control characters; "</" is escaped too, though this is never inline.
    text = json.dumps(code).replace("</", "<\\/")
    return f"(window.__workerSources = window.__workerSources || {{}})[{key}] = {text};\n"


def worker_sources() -> dict[str, str]:
    """Docs-relative path -> script, for every installed search worker."""
    return {f"{GENERATED}/workers/{w.name}.source.js": source_script(w) for w in installed_workers()}
