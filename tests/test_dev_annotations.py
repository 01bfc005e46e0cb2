"""The development corpus's annotations are well formed (tests/data/dev/README.md).

The annotations are committed; the texts are not. Checks of the annotations alone always run;
checks against the texts run for the texts that are present.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
from pathlib import Path

import pytest

from scripts import yamlio
from scripts.model import STANCES
from tests.helpers import DATA

DEV = DATA / "dev"
ROOT = DATA.parent.parent
GENRES = {"wire report", "official readout", "news", "interview", "opinion", "analysis", "feature"}
PRECISIONS = {"day", "approx-day", "month", "year"}
REQUIRED = ("id", "file", "url", "outlet", "year", "genre", "sha256", "source", "completeness", "title",
            "date", "date_precision", "date_range", "date_basis", "countries", "main_countries", "people",
            "organisations", "stance", "boilerplate_lines")


def load_entries() -> list[dict]:
    return yamlio.load((DEV / "annotations.yaml").read_text(encoding="utf-8"))


ENTRIES = load_entries()


def as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def test_ids_are_unique_and_name_their_files():
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) == len(set(ids))
    for entry in ENTRIES:
        assert re.fullmatch(r"dev-\d{3}-[a-z0-9-]+", entry["id"]), entry["id"]
        assert entry["file"] == f"tests/data/dev/texts/{entry['id']}.txt"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_entry_has_every_field_in_its_form(entry):
    missing = [k for k in REQUIRED if k not in entry]
    assert not missing, missing
    assert entry["genre"] in GENRES
    assert entry["date_precision"] in PRECISIONS
    assert re.fullmatch(r"[0-9a-f]{64}", entry["sha256"])
    assert entry["url"].startswith(("http://", "https://")) and entry["source"]["url"] == entry["url"]
    assert entry["title"] or entry.get("title_basis"), "a missing headline needs title_basis"
    for label in (v for k, v in entry["stance"].items() if k != "thesis"):
        assert label in STANCES
    assert entry["stance"].get("thesis")
    assert set(entry["main_countries"]) <= set(entry["countries"])


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_date_lies_in_its_window_and_gives_the_year(entry):
    low, high = (as_date(d) for d in entry["date_range"])
    date = as_date(entry["date"])
    assert low <= date <= high
    assert entry["year"] == date.year
    assert dt.date(2010, 1, 1) <= date <= dt.date(2026, 12, 31)


def test_corpus_spans_years_outlets_and_genres():
    assert len({e["year"] for e in ENTRIES}) >= 8
    assert len({e["outlet"] for e in ENTRIES}) >= 16
    assert {e["genre"] for e in ENTRIES} == GENRES


def present_texts() -> list[tuple[dict, str]]:
    found = []
    for entry in ENTRIES:
        path = ROOT / entry["file"]
        if path.is_file():
            found.append((entry, path.read_bytes()))
    return found


def test_present_texts_are_the_annotated_copies_and_hold_their_fragments():
    texts = present_texts()
    if not texts:
        pytest.skip("no text of the development corpus here (see tests/data/dev/README.md)")
    for entry, raw in texts:
        assert hashlib.sha256(raw).hexdigest() == entry["sha256"], entry["id"]
        text = raw.decode("utf-8")
        if entry["title"]:
            assert entry["title"] in text, entry["id"]
        for line in entry["boilerplate_lines"]:
            assert str(line) in text, (entry["id"], line)
        for person in entry["people"]:
            forms = [person["name"], *person.get("mentions", [])]
            assert any(form in text for form in forms), (entry["id"], forms)


def test_the_texts_folder_is_ignored_by_git():
    folders = {str(Path(e["file"]).parent) for e in ENTRIES}
    assert folders == {"tests/data/dev/texts"}
    result = subprocess.run(["git", "check-ignore", "-q", "tests/data/dev/texts"], cwd=ROOT, check=False)
    assert result.returncode == 0, "tests/data/dev/texts must be git-ignored (the texts are not ours)"
