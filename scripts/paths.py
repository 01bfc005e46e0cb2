"""Where things live in the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"  # the code, and the word lists beside it (modules compiled by scripts/accel.py find them here)
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
