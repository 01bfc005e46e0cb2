"""The ingest command end to end, in a temporary project (real registry, temporary seeds/briefings)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.paths import ROOT

SEED = ROOT / "seeds" / "001_43d77263dc444d28.txt"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "briefings").mkdir()
    (tmp_path / "seeds" / SEED.name).write_bytes(SEED.read_bytes())
    return tmp_path


def ingest(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run("ingest", "--seeds", str(project / "seeds"), "--briefings", str(project / "briefings"), *extra)


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_ingest_drafts_once_and_is_idempotent(project: Path):
    first = ingest(project)
    assert first.returncode == 0, first.stderr
    files = snapshot(project / "briefings")
    assert len(files) == 1
    name = next(iter(files))
    assert name.startswith("2023-05-") and name.endswith(".md")
    second = ingest(project)
    assert second.returncode == 0 and "nothing to do" in second.stdout
    assert snapshot(project / "briefings") == files


def test_hand_edited_briefing_survives_ingest_and_force(project: Path):
    ingest(project)
    path = next((project / "briefings").iterdir())
    edited = path.read_text(encoding="utf-8").replace("stance:\n", "stance:\n  Japan: neutral\n", 1)
    path.write_text(edited, encoding="utf-8")
    assert ingest(project).returncode == 0
    assert path.read_text(encoding="utf-8") == edited
    forced = ingest(project, "--force", str(project / "seeds" / SEED.name))
    assert forced.returncode == 1
    assert "refused" in forced.stderr and "-  Japan: neutral" in forced.stdout  # the diff is shown
    assert path.read_text(encoding="utf-8") == edited
    consented = ingest(project, "--force", str(project / "seeds" / SEED.name), "--overwrite-edited")
    assert consented.returncode == 0
    assert "Japan: neutral" not in next((project / "briefings").iterdir()).read_text(encoding="utf-8")


def test_reviewed_briefing_is_protected_even_if_otherwise_untouched(project: Path):
    ingest(project)
    path = next((project / "briefings").iterdir())
    text = path.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true")
    path.write_text(text, encoding="utf-8")
    assert ingest(project, "--force", str(project / "seeds" / SEED.name)).returncode == 1
    assert path.read_text(encoding="utf-8") == text


def test_force_on_untouched_draft_redrafts_without_asking(project: Path):
    ingest(project)
    before = snapshot(project / "briefings")
    result = ingest(project, "--force", str(project / "seeds" / SEED.name))
    assert result.returncode == 0 and "unchanged" in result.stdout
    assert snapshot(project / "briefings") == before


def _many_seeds(project: Path, count: int) -> None:
    """``count`` distinct seeds (enough for ingest to read and draft them on its worker pool)."""
    text = SEED.read_text(encoding="utf-8")
    for index in range(count):
        (project / "seeds" / f"copy-{index:02d}.txt").write_text(f"{text}\nNote {index} of the editors.\n",
                                                                encoding="utf-8")


@pytest.mark.parametrize("good_seeds", [0, 10], ids=["alone", "among many, read on the worker pool"])
def test_bad_seeds_are_all_reported_and_nothing_is_written(project: Path, good_seeds: int):
    _many_seeds(project, good_seeds)
    (project / "seeds" / "empty.txt").write_text("  \n", encoding="utf-8")
    (project / "seeds" / "latin1.txt").write_bytes("Tashkent said caf\xe9 prices rose.\n".encode("latin-1"))
    result = ingest(project)
    assert result.returncode == 1
    assert "empty.txt:1" in result.stderr and "latin1.txt:1" in result.stderr
    assert "Traceback" not in result.stderr
    assert list((project / "briefings").iterdir()) == []


def test_extract_json_is_one_object_per_file_with_the_stable_fields():
    import json

    result = run("extract", str(SEED), str(ROOT / "seeds" / "004_38efaf17c46e61f5.txt"), "--json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == [str(SEED), str(ROOT / "seeds" / "004_38efaf17c46e61f5.txt")]
    for record in records:
        assert {"title", "date", "date_basis", "date_evidence", "source", "countries", "people", "organisations",
                "stance", "thesis", "summary"} <= set(record)
        assert all(isinstance(name, str) for name in record["people"] + record["organisations"])


def test_extract_reports_a_missing_file_without_traceback():
    result = run("extract", "no/such/file.txt", "--json")
    assert result.returncode == 1 and "no/such/file.txt" in result.stderr and "Traceback" not in result.stderr


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("ingest", "extract", "check", "evaluate", "new"):
        assert command in result.stdout


def test_a_run_indexes_its_drafts_without_reading_them_again(project: Path, tmp_path_factory, monkeypatch):
    import json

    from scripts import ingest as ingest_module

    other = ROOT / "seeds" / "002_f61aea6a88730801.txt"
    (project / "seeds" / other.name).write_bytes(other.read_bytes())
    monkeypatch.setattr(ingest_module, "CACHE", tmp_path_factory.mktemp("cache"))
    original = ingest_module._read_known
    reads: list[str] = []
    monkeypatch.setattr(ingest_module, "_read_known", lambda path: reads.append(path.name) or original(path))
    briefings = project / "briefings"
    assert ingest_module.run_batch(project / "seeds", briefings, quiet=True, check_only=False, workers=1) == 0
    assert reads == []  # the index was refreshed from what the run drafted
    index = json.loads(ingest_module.index_path(briefings).read_text(encoding="utf-8"))
    assert sorted(index) == sorted(p.name for p in briefings.glob("*.md")) and len(index) == 2
    for name, (_, _, seed, sha256) in index.items():  # and it says what reading the files says
        assert ingest_module.Known(seed, sha256) == original(briefings / name)
        assert seed in {f"seeds/{SEED.name}", f"seeds/{other.name}"} and len(sha256) == 64


def test_force_takes_several_seeds_at_once(project: Path):
    other = ROOT / "seeds" / "002_f61aea6a88730801.txt"
    (project / "seeds" / other.name).write_bytes(other.read_bytes())
    assert ingest(project).returncode == 0
    seeds = [str(project / "seeds" / SEED.name), str(project / "seeds" / other.name)]
    result = ingest(project, "--force", *seeds)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("unchanged: ") == 2, result.stdout


DRAFT_DIGESTS = """
import hashlib, sys, tempfile
from pathlib import Path
from scripts.bench.corpus import write_corpus
from scripts.briefing import render
from scripts.extract import draft_briefing
from scripts.registry import default_registry
root = Path(tempfile.mkdtemp())
corpus = write_corpus(root, int(sys.argv[1]), default_registry(), briefings=False)
for seed in corpus.seeds:
    print(seed.name, hashlib.sha256(render(draft_briefing(seed)).encode()).hexdigest())
"""


def test_drafts_do_not_depend_on_the_interpreters_hash_seed():
    """Set and dict order of strings changes with PYTHONHASHSEED; the drafts must not (the synthetic
    articles repeat sentences of equal weight, where an order-dependent float sum picked a different summary)."""
    digests = []
    for hash_seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-c", DRAFT_DIGESTS, "60"], cwd=ROOT, capture_output=True, text=True,
                                env={**os.environ, "PYTHONHASHSEED": hash_seed}, check=True)
        digests.append(result.stdout.splitlines())
    assert len(digests[0]) == 60
    assert digests[0] == digests[1]



def test_check_reads_every_seed_and_writes_nothing(project: Path):
    _many_seeds(project, 9)
    result = ingest(project, "--check")
    assert result.returncode == 0, result.stderr
    assert "ok: 10 seed(s) to draft, all readable; nothing was written" in result.stdout
    assert list((project / "briefings").iterdir()) == []
    (project / "seeds" / "empty.txt").write_text("", encoding="utf-8")
    refused = ingest(project, "--check")
    assert refused.returncode == 1 and "empty.txt:1" in refused.stderr


@pytest.mark.parametrize("folder", [ROOT / "seeds", ROOT, Path("/tmp/elsewhere"), Path("seeds"), Path("../x")])
def test_progress_lines_name_files_as_paths_relative_does(folder: Path) -> None:
    from scripts import paths
    from scripts.ingest import _shown_folder

    file = folder / "a.txt"
    assert _shown_folder(folder) + file.name == paths.relative(file)


def test_a_batch_gives_the_garbage_collector_back_as_it_found_it(tmp_path: Path) -> None:
    import gc

    from scripts.ingest import run_batch

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Astana, 18 June 2024. The presidents of Kazakhstan and Uzbekistan met.\n", encoding="utf-8")
    before = gc.get_threshold()
    assert run_batch(seeds, tmp_path / "briefings", quiet=True, check_only=False, workers=1) == 0
    assert list((tmp_path / "briefings").glob("*.md"))  # it drafted, so it warmed up and tuned the collector
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
