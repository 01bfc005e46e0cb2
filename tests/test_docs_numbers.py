"""The accuracy the docs publish is the accuracy `evaluate` measures now (docs stay true)."""

import re

import pytest

from scripts.evaluate import evaluate
from scripts.paths import DOCS
from tests.helpers import DATA


@pytest.fixture(scope="module")
def report():
    return evaluate(DATA / "expected_seeds.yaml")


def test_methodology_table_matches_evaluate(report):
    text = (DOCS / "methodology.md").read_text(encoding="utf-8")
    for field, counts in report.fields.items():
        row = re.search(rf"^\| {field} \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$", text, re.MULTILINE)
        assert row, f"no row for {field} in docs/methodology.md"
        published = tuple(float(x) for x in row.groups())
        measured = (round(counts.precision, 3), round(counts.recall, 3), round(counts.f1, 3))
        assert published == measured, f"{field}: page says {published}, evaluate says {measured}: update the page"


def test_methodology_dates_and_stance_match_evaluate(report):
    text = (DOCS / "methodology.md").read_text(encoding="utf-8")
    assert f"Dates: {report.dates_in_range} of {report.dates_total} inside" in text
    assert f"Stance: {report.stance_equal} of {report.stance_total} labels equal" in text
