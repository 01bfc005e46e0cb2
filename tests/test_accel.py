"""The compiled drafting modules (scripts/accel.py): used only when current, and the same drafts."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import accel, paths

ROOT = paths.ROOT


def _copy_sources(dest: Path) -> Path:
    shutil.copytree(ROOT / "scripts", dest / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def test_the_key_changes_with_any_source_and_not_with_data(tmp_path: Path) -> None:
    root = _copy_sources(tmp_path)
    before = accel.key(root)
    assert accel.key(root) == before  # the same sources, the same key
    (root / "scripts" / "extract" / "datawords.yaml").write_text("x: 1\n", encoding="utf-8")
    assert accel.key(root) == before  # word lists are read at run time, not compiled in
    source = root / "scripts" / "site" / "charts.py"  # not itself compiled: the compiled modules may call it
    source.write_text(source.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert accel.key(root) != before


def test_without_a_current_build_the_sources_run(tmp_path: Path) -> None:
    root = _copy_sources(tmp_path)
    assert accel.built(root) is None
    stale = accel.accel_root(root) / "0123456789abcdef0123"  # a build of other code
    stale.mkdir(parents=True)
    (stale / accel.MANIFEST).write_text("{}", encoding="utf-8")
    finders = list(sys.meta_path)
    assert accel.activate(root) == ""
    assert sys.meta_path == finders


@pytest.mark.parametrize("manifest", [
    {"scripts.textutil": "../../../evil.so"},  # a path out of the build's folder
    {"scripts.textutil": "missing.so"},  # a file that is not there
    ["scripts.textutil"],  # not a mapping
])
def test_a_manifest_that_names_anything_but_its_own_files_is_not_loaded(tmp_path: Path, manifest: object) -> None:
    root = _copy_sources(tmp_path)
    folder = accel.accel_root(root) / accel.key(root)
    folder.mkdir(parents=True)
    (folder / accel.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert accel.built(root) is None


def test_a_build_with_its_files_is_found(tmp_path: Path) -> None:
    root = _copy_sources(tmp_path)
    folder = accel.accel_root(root) / accel.key(root)
    folder.mkdir(parents=True)
    (folder / "scripts.textutil.so").write_bytes(b"")
    (folder / accel.MANIFEST).write_text(json.dumps({"scripts.textutil": "scripts.textutil.so"}), encoding="utf-8")
    assert accel.built(root) == {"scripts.textutil": folder / "scripts.textutil.so"}


def test_a_build_killed_midway_leaves_nothing_for_long(tmp_path: Path) -> None:
    folder = tmp_path / "accel"
    killed, running = folder / "building-killed", folder / "building-running"
    for path in (killed, running):
        (path / "src").mkdir(parents=True)
    os.utime(killed, (1_000_000.0, 1_000_000.0))  # long ago
    (folder / "building-file").write_text("", encoding="utf-8")  # not a folder: left alone
    assert accel.remove_abandoned(folder, now=running.stat().st_mtime + 60) == [killed]
    assert not killed.exists() and running.is_dir() and (folder / "building-file").exists()


def _has_compiler() -> bool:
    return shutil.which(os.environ.get("CC", "cc")) is not None and importlib.util.find_spec("mypyc") is not None


def _ingest(seeds: Path, out: Path, env: dict[str, str]) -> None:
    done = subprocess.run([sys.executable, "-m", "scripts", "ingest", "--quiet", "--jobs", "2", "--seeds", str(seeds),
                           "--briefings", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(not _has_compiler(), reason="no C compiler or mypyc: the sources run (what this test compares with)")
def test_compiled_drafting_writes_the_same_briefings_byte_for_byte(tmp_path: Path) -> None:
    # Builds the current code into build/accel/ (about two minutes, once per version: `make site` and `make bench`
    # then find it), then drafts the seeds and the test corpus both ways.
    assert accel.build(ROOT).is_dir()
    from scripts.bench.corpus import write_corpus
    from scripts.registry import default_registry

    write_corpus(tmp_path, 30, default_registry(), briefings=False)  # synthetic seeds, every registry spelling
    seeds = tmp_path / "seeds"
    for folder in (ROOT / "seeds", ROOT / "tests" / "data" / "dev" / "texts"):  # real ones (the dev texts when here)
        for seed in sorted(folder.glob("*.txt"))[:40]:
            shutil.copy(seed, seeds / seed.name)
    env = {**os.environ, "BRIEFING_ARCHIVE_CACHE": str(tmp_path / "cache")}
    _ingest(seeds, tmp_path / "compiled", env)
    _ingest(seeds, tmp_path / "interpreted", {**env, accel.OFF_ENV: "1"})
    compiled = sorted(p.name for p in (tmp_path / "compiled").glob("*.md"))
    assert len(compiled) == len(list(seeds.glob("*.txt")))
    assert compiled == sorted(p.name for p in (tmp_path / "interpreted").glob("*.md"))
    for name in compiled:
        assert (tmp_path / "compiled" / name).read_bytes() == (tmp_path / "interpreted" / name).read_bytes(), name
    check = subprocess.run([sys.executable, "-c", "import sys; from scripts import accel; accel.activate(); "
                            "import scripts.extract.entities as e; print(e.__file__)"],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "build/accel/" in check.stdout, check.stdout + check.stderr  # the comparison above did run compiled code
