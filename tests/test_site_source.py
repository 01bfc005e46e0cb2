"""Where the site's briefings come from: validated once, remembered, regenerated only when something changed."""

from __future__ import annotations

import json
from collections import Counter
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.problems import ProblemsError
from scripts.site import generate, pages, sample
from scripts.site.source import CACHE_FILE, load_briefings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = sample.copy_project(ROOT, tmp_path / "project")
    sample.write_sample(project, hostile=False)
    return project


def load(project: Path, **options):
    return load_briefings(project / "briefings", project / "registry", project, **options)


def test_valid_briefings_are_remembered_and_not_validated_again(project: Path):
    first = load(project)
    assert first.validated == 6 and (project / CACHE_FILE).is_file()
    again = load(project)
    assert again.validated == 0
    assert again.briefings == first.briefings  # the same briefings, field for field


def test_an_edited_briefing_is_validated_again(project: Path):
    load(project)
    path = sorted((project / "briefings").glob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    again = load(project)
    assert again.validated == 1
    assert dict(again.briefings)[f"briefings/{path.name}"].reviewed


def test_a_changed_registry_validates_everything_again(project: Path):
    load(project)
    people = project / "registry" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load(project).validated == 6


def test_a_broken_briefing_stops_loading_even_with_a_cache(project: Path):
    load(project)
    path = sorted((project / "briefings").glob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("- Kazakhstan\n", "- Kazakstan Republic\n", 1), encoding="utf-8")
    with pytest.raises(ProblemsError) as error:
        load(project)
    assert any("Kazakstan Republic" in p.message for p in error.value.problems)


def test_a_corrupt_or_foreign_cache_is_ignored(project: Path):
    load(project)
    cache = project / CACHE_FILE
    cache.write_text("{not json", encoding="utf-8")
    assert load(project).validated == 6
    lines = cache.read_text(encoding="utf-8").splitlines(keepends=True)
    cache.write_text(json.dumps({"context": "someone else's"}) + "\n" + "".join(lines[1:]), encoding="utf-8")
    assert load(project).validated == 6
    name, digest, data = lines[1].split("\t", 2)  # a line whose briefing no longer validates as cached
    cache.write_text(lines[0] + f"{name}\t{digest}\t{{\"front_matter\": 1}}\n" + "".join(lines[2:]), encoding="utf-8")
    assert load(project).validated == 1


def test_parallel_validation_finds_the_same_briefings_and_problems(project: Path, monkeypatch: pytest.MonkeyPatch):
    from scripts.site import source

    monkeypatch.setattr(source, "PARALLEL_FROM", 2)
    one = load(project, cache=project / "one.json", workers=1)
    two = load(project, cache=project / "two.json", workers=2)
    assert one.briefings == two.briefings and two.validated == 6
    bad = sorted((project / "briefings").glob("*.md"))
    for path in bad[:2]:
        path.write_text(path.read_text(encoding="utf-8").replace("date_basis: ", "date_basis: sometimes", 1), encoding="utf-8")
    problems = []
    for workers in (1, 2):
        with pytest.raises(ProblemsError) as error:
            load(project, cache=project / f"bad{workers}.json", workers=workers)
        problems.append(error.value.problems)
    assert problems[0] == problems[1] and len({p.file for p in problems[0]}) == 2


def write(project: Path) -> generate.Written:
    return generate.write_site_sources(
        project, project / "docs", project / "briefings", project / "registry", title="Archive"
    )


def test_nothing_is_generated_again_when_nothing_changed(project: Path):
    first = write(project)
    assert first.written and not first.unchanged_inputs
    again = write(project)
    assert again.unchanged_inputs and not again.written and again.files == first.files
    assert "0 written, 0 deleted" in again.summary()


def test_a_change_or_a_lost_page_regenerates(project: Path):
    write(project)
    lost = project / "docs" / pages.TIMELINE
    lost.unlink()
    after_loss = write(project)
    assert not after_loss.unchanged_inputs and after_loss.written == [pages.TIMELINE]
    path = sorted((project / "briefings").glob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    after_edit = write(project)
    assert not after_edit.unchanged_inputs and after_edit.validated == 1 and after_edit.written


def test_a_generation_hashes_each_briefing_once(project: Path, monkeypatch: pytest.MonkeyPatch):
    """The fingerprint of the inputs and the validation cache share one read of every briefing."""
    reads: Counter[str] = Counter()
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        if path.parent.name == "briefings":
            reads[path.name] += 1
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    written = write(project)
    names = {p.name for p in (project / "briefings").glob("*.md")}
    assert written.validated == len(names) and set(reads) == names
    assert set(reads.values()) == {1}
    reads.clear()
    assert write(project).unchanged_inputs and set(reads.values()) == {1}  # nothing changed: read once to know it


def test_pages_command_writes_what_the_hook_writes(project: Path):
    result = subprocess.run([sys.executable, "-m", "scripts", "pages"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "6 briefing(s)" in result.stdout
    generated = project / "docs" / pages.GENERATED
    written = {p.relative_to(project / "docs").as_posix(): p.read_text(encoding="utf-8")
               for p in generated.rglob("*") if p.is_file()}
    assert {pages.FEED, pages.EXPORT, pages.HOME_INCLUDE, pages.TIMELINE} <= set(written)
    from scripts.registry import load_registry
    from scripts.site.archive import build_archive

    loaded = load(project)
    archive = build_archive(loaded.briefings, load_registry(project / "registry"))
    expected = generate.generated_pages(archive, methodology=(project / "docs" / "methodology.md").is_file())
    assert {k: v for k, v in written.items() if k in expected} == expected


def test_pages_command_reports_problems_and_writes_nothing(project: Path):
    path = sorted((project / "briefings").glob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("date: '", "date: 'x", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts", "pages"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"briefings/{path.name}:" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "docs" / pages.GENERATED).exists()
