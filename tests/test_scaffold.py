"""``python -m scripts new``: a briefing written by hand from a template."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.briefing import read_text
from scripts.problems import ProblemsError
from scripts.scaffold import create_briefing

REPO = Path(__file__).resolve().parent.parent
COUNTRIES = "- name: Uzbekistan\n  iso: UZ\n- name: Kazakhstan\n  iso: KZ\n"
FILLED = {
    "date_evidence": 'date_evidence: "dateline: Tashkent, 1 May 2024"',
    "thesis": 'thesis: "The two neighbours settle their border for good."',
    "summary": 'summary: "Uzbekistan and Kazakhstan signed a treaty."',
}


def run(*args: str, stdin: str | None = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.check", "--root", str(root)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    (tmp_path / "registry").mkdir()
    (tmp_path / "briefings").mkdir()
    (tmp_path / "registry" / "countries.yaml").write_text(COUNTRIES, encoding="utf-8")
    return tmp_path


def fill(text: str) -> str:
    """What a person does: replace every placeholder."""
    for field, line in FILLED.items():
        text = re.sub(rf"^{field}: .*$", line, text, count=1, flags=re.MULTILINE)
    text = text.replace("TODO: the summary again, as a paragraph.", "Uzbekistan and Kazakhstan signed a treaty.")
    text = re.sub(r"^- TODO: .*$", "- The border is settled.", text, flags=re.MULTILINE)
    text = re.sub(r"^TODO: paste .*$", "Tashkent and Astana signed the treaty on Wednesday.", text, flags=re.MULTILINE)
    text = text.replace("countries: []", "countries: [Uzbekistan, Kazakhstan]")
    return text.replace("stance: {}", "stance: {Uzbekistan: supportive}")


def test_new_with_flags_writes_prints_and_asks_nothing(root: Path) -> None:
    result = run(
        "new", "--title", 'Uzbekistan and Kazakhstan sign: a "treaty"', "--date", "2024-05-01",
        "--url", "https://kun.uz/en/news/2024/05/01/treaty", "--outlet", "Kun.uz",
        "--briefings", str(root / "briefings"),
        stdin=None,
    )
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path == root / "briefings" / "2024-05-01-uzbekistan-and-kazakhstan-sign-a-treaty.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../docs/schemas/briefing.schema.json\n")
    data = read_text(text, path.name).data
    assert data["title"] == 'Uzbekistan and Kazakhstan sign: a "treaty"'
    assert str(data["date"]) == "2024-05-01"
    assert data["source"]["url"] == "https://kun.uz/en/news/2024/05/01/treaty"
    assert data["source"]["outlet"] == "Kun.uz"
    assert "(leave empty if unknown)" not in result.stdout + result.stderr


def test_placeholders_are_rejected_by_check_until_filled(root: Path) -> None:
    path = create_briefing(root / "briefings", "Uzbekistan and Kazakhstan sign a treaty", "2024-05-01",
                           "https://kun.uz/x", "Kun.uz")
    result = check(root)
    assert result.returncode == 1
    placeholders = [line for line in result.stderr.splitlines() if "placeholder" in line]
    assert len(placeholders) == 5, result.stderr
    assert {line.split(":")[3].strip() for line in placeholders} >= {"date_evidence", "thesis", "summary"}
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = check(root)
    assert result.returncode == 0, result.stderr
    assert "ok: 1 briefing(s)" in result.stdout


def test_without_flags_and_without_a_terminal_everything_is_a_placeholder(root: Path) -> None:
    result = run("new", "--briefings", str(root / "briefings"), stdin="")
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.name == "undated-new-briefing.md"
    text = path.read_text(encoding="utf-8")
    data = read_text(text, path.name).data
    assert data["title"] == "TODO: the headline of the article"
    assert data["date"] is None and data["date_basis"] == "unknown"
    lines = check(root).stderr
    assert "title: title is still the placeholder 'TODO: the headline of the article': replace it" in lines


def test_refuses_to_overwrite(root: Path) -> None:
    args = ("new", "--title", "Same", "--date", "2024-05-01", "--briefings", str(root / "briefings"))
    first = run(*args)
    path = Path(first.stdout.strip())
    path.write_text("edited by a person\n", encoding="utf-8")
    second = run(*args)
    assert second.returncode == 1
    assert "already exists and was not changed" in second.stderr
    assert path.read_text(encoding="utf-8") == "edited by a person\n"
    with pytest.raises(ProblemsError):
        create_briefing(root / "briefings", "Same", "2024-05-01")


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--date", "2024-02-30", "error: --date 2024-02-30 is not a real date: fix the day; nothing was written."),
        ("--date", "1 May 2024", "error: --date must be written YYYY-MM-DD, e.g. 2023-05-20 (or null when unknown), "
         "got '1 May 2024'; nothing was written."),
        ("--url", "kun.uz/x", "error: --url must start with http:// or https://: write https://kun.uz/x; nothing was "
         "written."),
        ("--date", "2999-01-01", "error: --date 2999-01-01 is in the future: check the year; nothing was written."),
        ("--title", "x" * 301, "error: --title is 301 characters long; the limit is 300: shorten it; nothing was "
         "written."),
    ],
)
def test_bad_flags_write_nothing(root: Path, flag: str, value: str, message: str) -> None:
    result = run("new", "--title", "T", flag, value, "--briefings", str(root / "briefings"))
    assert result.returncode == 2
    assert result.stderr.strip() == message
    assert list((root / "briefings").iterdir()) == []


def test_title_with_yaml_specials_round_trips(root: Path) -> None:
    title = "Rahmon: 'we want respect' # not a comment - [really] & *more*"
    path = create_briefing(root / "briefings", title, "2022-10-18", None, None)
    from scripts.briefing import read_text

    assert read_text(path.read_text(encoding="utf-8"), "x.md").data["title"] == title


def test_new_is_in_the_cli_help() -> None:
    result = run("--help")
    assert "new" in result.stdout
    assert shutil.which(sys.executable)
