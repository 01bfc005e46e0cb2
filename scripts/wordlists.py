"""Word lists and line patterns kept as data (``scripts/extract/data/*.yaml``), each list in one place.

Extraction code reads its vocabularies through :func:`words` and :func:`table`;
the YAML files say what each list is for.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from . import paths, yamlio

DATA = paths.SCRIPTS / "extract" / "data"


@lru_cache(maxsize=None)
def _file(name: str) -> dict[str, Any]:
    data = yamlio.load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{DATA / name}.yaml: expected a mapping of lists")
    return data


def table(name: str, key: str) -> Any:
    """The entry ``key`` of ``data/NAME.yaml`` as written (a list or a mapping)."""
    return _file(name)[key]


@lru_cache(maxsize=None)
def words(name: str, key: str) -> frozenset[str]:
    """The list ``key`` of ``data/NAME.yaml`` as a set of strings (a bare yes/no/on/off is refused)."""
    entries = table(name, key)
    odd = [w for w in entries if isinstance(w, bool) or not isinstance(w, (str, int))]
    if odd:
        raise ValueError(f"{DATA / name}.yaml: {key}: {odd} are not words (quote on, no, yes, off)")
    return frozenset(str(w) for w in entries)
