"""Where things live in the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BRIEFINGS = ROOT / "briefings"
REGISTRY = ROOT / "registry"
DOCS = ROOT / "docs"
SCHEMA = DOCS / "schemas" / "briefing.schema.json"


def relative(path: Path) -> str:
    """``path`` relative to the repository root when inside it, in POSIX form."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()
