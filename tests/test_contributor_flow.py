"""End to end, as CONTRIBUTING.md tells a new contributor: a raw article becomes a reviewed briefing
on the site in three commands, and what a person edited is never overwritten without consent.

Everything runs in a copy of the project (mkdocs.yml, docs/, scripts/, the registry, the
Makefile) in a temporary directory, with the repository's .venv, through the same commands a
person types.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.site import sample
from scripts.slugs import slugify
from scripts.briefing import is_machine_draft, is_protected

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "2024-05-01-kun-uz-border-treaty.txt"
TITLE = "Uzbekistan and Kazakhstan sign a treaty on their border"
SEED = f"""\
---
outlet: Kun.uz
url: https://kun.uz/en/news/2024/05/01/border-treaty
date: 2024-05-01
title: {TITLE}
---
President Shavkat Mirziyoyev and President Kassym-Jomart Tokayev signed a treaty on the demarcation of the border between Uzbekistan and Kazakhstan in Tashkent on Wednesday.

"This is a historic day for our peoples," Tokayev said after the talks.

Share on Facebook

Trade between the two countries reached $4 billion last year, the leaders said.
"""
EDITED_SUMMARY = "Tashkent and Astana settled their common border for good; a reviewer wrote this."


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("BRIEFINGS_DIR", "REGISTRY_DIR")}
    env |= {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(list(command), cwd=project, env=env, capture_output=True, text=True, timeout=600)


def scripts(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(project, sys.executable, "-m", "scripts", *args)


def make_project(tmp_path: Path) -> Path:
    """A copy of the project a contributor could clone, sharing this repository's .venv."""
    project = sample.copy_project(ROOT, tmp_path / "project")
    shutil.copytree(ROOT / "registry", project / "registry")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)
    (project / "seeds").mkdir()
    (project / "briefings").mkdir()
    if (ROOT / ".venv").is_dir():
        (project / ".venv").symlink_to(ROOT / ".venv")
    return project


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(directory.glob("*"))}


def set_field(text: str, field: str, value: str) -> str:
    new, count = re.subn(rf"^{field}: .*$", f"{field}: {value}", text, count=1, flags=re.MULTILINE)
    assert count == 1, field
    return new


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Command 1 (copy the article into seeds/) and command 2 (make ingest)."""
    project = make_project(tmp_path_factory.mktemp("flow"))
    (project / "seeds" / SEED_NAME).write_text(SEED, encoding="utf-8")
    result = run(project, "make", "--no-print-directory", "ingest")
    assert result.returncode == 0, result.stdout + result.stderr
    [briefing] = sorted((project / "briefings").glob("*.md"))
    return project, briefing


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
class TestNewArticle:
    def test_the_draft_uses_the_seed_header_and_says_what_to_review(self, drafted: tuple[Path, Path]) -> None:
        project, briefing = drafted
        assert briefing.name.startswith("2024-05-01-")
        assert briefing.name == f"2024-05-01-{slugify(TITLE, max_length=50)}.md"
        text = briefing.read_text(encoding="utf-8")
        assert is_machine_draft(text) and not is_protected(text)
        assert text.startswith("---\n# yaml-language-server: $schema=../docs/schemas/briefing.schema.json\n")
        assert f"title: {TITLE}\n" in text
        assert "date: '2024-05-01'" in text or "date: 2024-05-01" in text
        assert "date_basis: stated\n" in text
        assert "outlet: Kun.uz\n" in text and "url: https://kun.uz/en/news/2024/05/01/border-treaty\n" in text
        assert f"seed: seeds/{SEED_NAME}\n" in text
        assert re.search(r"^countries:\n(  - .*\n)*  - Kazakhstan\n", text, re.MULTILINE)
        assert re.search(r"^countries:\n(  - .*\n)*  - Uzbekistan\n", text, re.MULTILINE)
        assert "reviewed: false\n" in text
        review = text.split("\nreview:\n", 1)[1].split("\nevidence:", 1)[0]
        assert "removed:" in review and "Share on Facebook" in review
        assert "Share on Facebook" not in text.split("\n---\n", 1)[1]  # not in the body
        assert scripts(project, "check").returncode == 0

    def test_ingest_again_changes_nothing(self, drafted: tuple[Path, Path]) -> None:
        project, _ = drafted
        before = snapshot(project / "briefings")
        result = scripts(project, "ingest")
        assert result.returncode == 0, result.stderr
        assert "nothing to do" in result.stdout
        assert snapshot(project / "briefings") == before

    def test_force_on_an_untouched_draft_needs_no_consent(self, drafted: tuple[Path, Path]) -> None:
        project, briefing = drafted
        before = briefing.read_bytes()
        result = scripts(project, "ingest", "--force", f"seeds/{SEED_NAME}")
        assert result.returncode == 0, result.stderr
        assert "unchanged" in result.stdout
        assert briefing.read_bytes() == before

    def test_reviewed_briefing_appears_on_the_site_with_its_actors_linked(self, drafted: tuple[Path, Path]) -> None:
        """The person reviews and edits, then command 3 (make site)."""
        project, briefing = drafted
        text = briefing.read_text(encoding="utf-8")
        text = set_field(text, "summary", EDITED_SUMMARY)
        text = set_field(text, "reviewed", "true")
        briefing.write_text(text, encoding="utf-8")
        assert is_protected(text)

        result = run(project, "make", "--no-print-directory", "site")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "WARNING" not in result.stderr
        assert briefing.read_text(encoding="utf-8") == text  # make site ran ingest: untouched

        page = project / "site" / "generated" / "briefings" / f"{briefing.stem}.html"
        assert page.is_file(), sorted(p.name for p in (project / "site" / "generated" / "briefings").glob("*"))
        html = page.read_text(encoding="utf-8")
        assert TITLE in html and EDITED_SUMMARY in html
        for country in ("Kazakhstan", "Uzbekistan"):
            link = f"../countries/{slugify(country)}.html"
            assert link in html, link
            assert (page.parent / link).resolve().is_file()
        home = (project / "site" / "index.html").read_text(encoding="utf-8")
        assert f"briefings/{briefing.stem}.html" in home


def draft_one(tmp_path: Path) -> tuple[Path, Path]:
    project = make_project(tmp_path)
    shutil.copy2(ROOT / "seeds" / "002_f61aea6a88730801.txt", project / "seeds" / "002_f61aea6a88730801.txt")
    result = scripts(project, "ingest", "--quiet")
    assert result.returncode == 0, result.stderr
    [briefing] = sorted((project / "briefings").glob("*.md"))
    return project, briefing


def test_a_hand_edited_briefing_survives_ingest_and_force_without_consent(tmp_path: Path) -> None:
    project, briefing = draft_one(tmp_path)
    seed = "seeds/002_f61aea6a88730801.txt"
    edited = briefing.read_text(encoding="utf-8").replace("\nthesis: ", "\nthesis: Reviewed. ", 1)
    briefing.write_text(edited, encoding="utf-8")
    assert not is_machine_draft(edited) and "reviewed: false" in edited  # edited, not marked
    before = snapshot(project / "briefings")

    assert scripts(project, "ingest").returncode == 0
    assert snapshot(project / "briefings") == before

    refused = scripts(project, "ingest", "--force", seed)
    assert refused.returncode == 1
    assert "refused" in refused.stderr and "--overwrite-edited" in refused.stderr
    assert re.search(r"^--- .*\n\+\+\+ .*\n@@", refused.stdout, re.MULTILINE), refused.stdout  # the diff
    assert "-thesis: Reviewed. " in refused.stdout
    assert snapshot(project / "briefings") == before

    replaced = scripts(project, "ingest", "--force", seed, "--overwrite-edited")
    assert replaced.returncode == 0, replaced.stderr
    [after] = sorted((project / "briefings").glob("*.md"))
    assert is_machine_draft(after.read_text(encoding="utf-8"))
    assert "Reviewed. " not in after.read_text(encoding="utf-8")


def test_marking_reviewed_alone_protects_the_briefing(tmp_path: Path) -> None:
    project, briefing = draft_one(tmp_path)
    text = set_field(briefing.read_text(encoding="utf-8"), "reviewed", "true")
    briefing.write_text(text, encoding="utf-8")
    before = snapshot(project / "briefings")
    refused = scripts(project, "ingest", "--force", "seeds/002_f61aea6a88730801.txt")
    assert refused.returncode == 1
    assert "-reviewed: true" in refused.stdout and "+reviewed: false" in refused.stdout
    assert snapshot(project / "briefings") == before
    assert scripts(project, "check").returncode == 0


def test_a_briefing_written_with_new_survives_ingest(tmp_path: Path) -> None:
    project, _ = draft_one(tmp_path)
    made = scripts(project, "new", "--title", "Talks in Astana", "--date", "2024-06-01", "--no-input")
    assert made.returncode == 0, made.stderr
    path = project / made.stdout.strip()
    before = snapshot(project / "briefings")
    assert scripts(project, "ingest").returncode == 0
    assert scripts(project, "ingest", "--force", "seeds/002_f61aea6a88730801.txt").returncode == 0
    after = snapshot(project / "briefings")
    assert after[path.name] == before[path.name]


def test_a_seed_with_a_bad_header_is_reported_and_nothing_is_written(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "seeds" / "good.txt").write_text(SEED, encoding="utf-8")
    (project / "seeds" / "bad.txt").write_text("---\ndate: 2024-02-30\nsource: Kun.uz\n---\nText.\n", encoding="utf-8")
    result = scripts(project, "ingest")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "seeds/bad.txt:2: date: date 2024-02-30 is not a real date: fix the day" in result.stderr
    assert "seeds/bad.txt:3: source: unknown field 'source' - the header has only: outlet, url, date, title" in result.stderr
    assert list((project / "briefings").iterdir()) == []
    checked = scripts(project, "check")
    assert checked.returncode == 1 and "seeds/bad.txt:2: date:" in checked.stderr
