"""The drafting start-up cache: read back when current, rebuilt when not, never a way in for a pickle."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import briefing, events, paths, registry, warmstart
from scripts.extract import draft_briefing, entities


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and a process that has loaded nothing yet (restored afterwards)."""
    monkeypatch.setenv(warmstart.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(registry, "_DEFAULT_REGISTRIES", {})
    monkeypatch.setattr(events, "_DEFAULT_CALENDARS", {})
    monkeypatch.setattr(entities, "_GAZETTEERS", {})
    return tmp_path / "cache"


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_DEFAULT_REGISTRIES", {})
    monkeypatch.setattr(events, "_DEFAULT_CALENDARS", {})
    monkeypatch.setattr(entities, "_GAZETTEERS", {})


def test_a_second_start_reads_the_cache_and_drafts_the_same(cache: Path, monkeypatch: pytest.MonkeyPatch):
    seed = sorted(paths.SEEDS.glob("*.txt"))[0]
    warmstart.warm_start(warm_up=False)
    cold = briefing.render(draft_briefing(seed))
    assert len(list(cache.glob("drafting-*.pickle"))) == 1

    _forget(monkeypatch)

    def never(*args, **kwargs):
        raise AssertionError("built again although the cache is current")

    monkeypatch.setattr(registry, "load_registry", never)
    monkeypatch.setattr(events, "load_events", never)
    monkeypatch.setattr(entities, "build_gazetteer", never)
    warmstart.warm_start(warm_up=False)
    assert briefing.render(draft_briefing(seed)) == cold


class _Planted:
    """A pickle that creates a file when it is read: what a planted cache would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong shape", "symlink"])
def test_a_damaged_or_linked_cache_is_not_used(tmp_path: Path, damage: str):
    import pickle

    path, marker = tmp_path / "drafting-x.pickle", tmp_path / "ran"
    payload = pickle.dumps((1, 2, 3))
    if damage == "garbage":
        path.write_bytes(b"not a pickle")
    elif damage == "truncated":
        path.write_bytes(payload[:5])
    elif damage == "wrong shape":
        path.write_bytes(payload)
    else:
        planted = tmp_path / "planted.pickle"
        planted.write_bytes(pickle.dumps(_Planted(marker)))
        path.symlink_to(planted)
    assert warmstart._read(path) is None
    assert not marker.exists()  # a linked pickle is never even unpickled


def test_a_damaged_cache_is_built_again_and_replaced(cache: Path, monkeypatch: pytest.MonkeyPatch):
    path = cache / f"drafting-{warmstart.fingerprint()}.pickle"
    cache.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    found = warmstart.warm_start(warm_up=False)
    assert "Russia" in found.actors
    assert warmstart._read(path) is not None


def test_any_change_to_the_registry_or_the_code_gives_another_cache(tmp_path: Path):
    registry_copy = shutil.copytree(paths.REGISTRY, tmp_path / "registry")
    code_copy = shutil.copytree(paths.ROOT / "scripts", tmp_path / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    first = warmstart.fingerprint(registry_copy, code_copy)
    assert warmstart.fingerprint(registry_copy, code_copy) == first
    people = registry_copy / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = warmstart.fingerprint(registry_copy, code_copy)
    wordlist = next(code_copy.rglob("*.yaml"))
    wordlist.write_text(wordlist.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = warmstart.fingerprint(registry_copy, code_copy)
    assert len({first, second, third}) == 3


def test_the_cache_lives_outside_the_repository(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv(warmstart.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert warmstart.cache_dir() == tmp_path / "briefing-archive"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert warmstart.cache_dir() == Path.home() / ".cache" / "briefing-archive"
