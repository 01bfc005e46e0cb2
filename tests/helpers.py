"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

from scripts.registry import Registry, load_registry
from scripts.textutil import sentences_of

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parent / "data"


def fixture_registry() -> Registry:
    return load_registry(FIXTURES / "registry")


def sentences(text: str):
    return sentences_of(text)
