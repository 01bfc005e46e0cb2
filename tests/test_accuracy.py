"""Issue #2's accuracy thresholds on the five seeds (development set: tests/data/expected_seeds.yaml,
a copy of shared/expected/seeds.yaml). The scores come from the real registry and extractor."""

import pytest

from scripts.evaluate import evaluate
from tests.helpers import DATA


@pytest.fixture(scope="module")
def report():
    return evaluate(DATA / "expected_seeds.yaml")


def test_countries_f1(report):
    assert report.fields["countries"].f1 >= 0.97, report.fields["countries"].misses + report.fields["countries"].extras


def test_people_f1(report):
    assert report.fields["people"].f1 >= 0.95, report.fields["people"].misses + report.fields["people"].extras


def test_organisations_f1(report):
    counts = report.fields["organisations"]
    assert counts.f1 >= 0.85, counts.misses + counts.extras


def test_every_date_inside_its_range(report):
    assert report.dates_in_range == report.dates_total == 5, report.date_misses


def test_printed_headlines_recovered(report):
    assert report.titles_total == 2
    assert report.titles_recovered == 2


def test_stance_no_swaps_and_mostly_equal(report):
    assert report.stance_swaps == []
    assert report.stance_equal / report.stance_total >= 0.8, report.stance_misses


def test_no_boilerplate_in_bodies_and_no_boilerplate_only_actor(report):
    assert report.boilerplate_leaks == []
    assert report.boilerplate_actors == []
