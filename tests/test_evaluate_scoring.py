"""`evaluate`'s per-field scoring (dates, titles, stance, skipped texts) on tiny made-up inputs."""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import pytest

from scripts.evaluate import (
    Report,
    evaluate,
    furniture_title_reason,
    load_furniture_shapes,
    run_evaluate,
    score_dates,
    score_stance,
    score_title,
    skipped_note,
    stance_credit,
)
from scripts.model import Briefing, Source
from scripts.problems import Problem, ProblemsError
from tests.helpers import fixture_registry

ARTICLE = """Neighbours agree to reopen border crossing

Home | News | Politics

TASHKENT, March 4, 2019 -- The governments of Uzbekistan and Kazakhstan agreed on Monday to reopen
a border crossing closed for repairs, officials said.

Read also: Cotton harvest ends early
"""


def briefing(title: str = "A title", date: str | None = "2019-03-04", basis: str = "derived", **stance: str) -> Briefing:
    return Briefing(
        title=title,
        date=date,
        date_basis=basis,
        date_evidence="made-up evidence",
        source=Source(outlet=None, url=None, seed=None, sha256=None),
        stance=dict(stance),
    )


@pytest.fixture(scope="module")
def shapes():
    return load_furniture_shapes()


# --- titles ------------------------------------------------------------------------------


def test_printed_headline_is_never_furniture_even_when_a_boilerplate_line_repeats_it(shapes):
    gold = {"title": "Neighbours agree to reopen border crossing",
            "boilerplate_lines": ["Image of 'Neighbours agree to reopen border crossing'"]}
    assert furniture_title_reason("Neighbours agree to reopen border crossing", gold, shapes) is None


@pytest.mark.parametrize(
    "title, boilerplate, expected_words",
    [
        ("Cotton harvest ends early", ["Read also: Cotton harvest ends early"], "boilerplate line"),
        ("Read also: Cotton harvest ends early and more", ["Read also: Cotton harvest ends early"], "boilerplate line"),
        ("Politics", ["MainPolitics"], "part of the boilerplate line"),
    ],
)
def test_titles_taken_from_boilerplate_lines_are_furniture(shapes, title, boilerplate, expected_words):
    reason = furniture_title_reason(title, {"title": None, "boilerplate_lines": boilerplate}, shapes)
    assert reason is not None and expected_words in reason


@pytest.mark.parametrize(
    "title, kind",
    [
        ("TASHKENT, March 4, 2019 -- The governments of Uzbekistan and Kazakhstan agreed", "dateline"),
        ("OSH (Example Agency) -- Residents of the town gathered", "dateline"),
        ("Samarkand, March 4 (EXAMPLE) The ministers met", "dateline"),
        ("By Staff Reporter", "byline"),
        ("2019-03-04 | Politics", "date stamp"),
        ("4 March 2019, 16:02 Talks held", "stamp"),
        ("Saturday, 17 May Talks held", "weekday"),
        ("USD 84.80", "currency ticker"),
        ("Photo: Example Press Service", "photo credit"),
        ("Page last updated at 10:02", "updated stamp"),
    ],
)
def test_titles_starting_with_a_dateline_byline_or_stamp_are_furniture(shapes, title, kind):
    reason = furniture_title_reason(title, {"title": None, "boilerplate_lines": []}, shapes)
    assert reason is not None and kind in reason


@pytest.mark.parametrize("title", ["", "14:35", "USD 84.80", "...", "Share | Print | Comments (0)", "All news"])
def test_titles_without_words_or_of_chrome_words_only_are_furniture(shapes, title):
    assert furniture_title_reason(title, {"title": None, "boilerplate_lines": []}, shapes) is not None


@pytest.mark.parametrize(
    "title",
    [
        "Uzbekistan and Kazakhstan agree to reopen a border crossing",
        "CSTO leaders meet in Minsk",
        "Kazakhstan: a new foreign policy concept",
        "By-election in Osh postponed",
    ],
)
def test_ordinary_headlines_and_lead_titles_are_not_furniture(shapes, title):
    gold = {"title": None, "boilerplate_lines": ["Read also: Cotton harvest ends early", "Home | News | Politics"]}
    assert furniture_title_reason(title, gold, shapes) is None


def test_score_title_counts_recovered_headlines_and_furniture_titles():
    report = Report()
    gold = {"id": "x", "file": "x.txt", "title": "Neighbours agree to reopen border crossing",
            "boilerplate_lines": ["Home | News | Politics"]}
    score_title(gold, briefing("Neighbours agree to reopen border crossing"), "x", report)
    score_title(gold, briefing("Home | News | Politics"), "y", report)
    assert (report.titles_recovered, report.titles_total) == (1, 2)
    assert len(report.furniture_titles) == 1 and report.furniture_titles[0].startswith("y:")
    assert len(report.title_misses) == 1


# --- dates -------------------------------------------------------------------------------


def test_a_date_inside_the_window_is_right():
    report = Report()
    score_dates({"date": "2019-03-04", "date_range": ["2019-03-04", "2019-03-05"]}, briefing(date="2019-03-05"), "a", report)
    assert (report.dates_in_range, report.dates_total, report.stated_wrong) == (1, 1, [])


def test_a_stated_date_outside_the_window_is_counted_as_stated_but_wrong():
    report = Report()
    gold = {"date": "2019-03-04", "date_range": ["2019-03-04", "2019-03-05"]}
    score_dates(gold, briefing(date="2025-08-29", basis="stated"), "a", report)
    score_dates(gold, briefing(date="2019-02-01", basis="derived"), "b", report)
    score_dates(gold, briefing(date=None, basis="unknown"), "c", report)
    assert report.dates_in_range == 0 and report.dates_total == 3
    assert len(report.date_misses) == 3
    assert [s.split(":")[0] for s in report.stated_wrong] == ["a"]


def test_without_a_window_only_the_annotated_day_is_right():
    report = Report()
    score_dates({"date": "2019-03-04"}, briefing(date="2019-03-05"), "a", report)
    assert report.dates_in_range == 0


# --- stance ------------------------------------------------------------------------------


def test_stance_credit_gives_half_for_neutral_against_polar_and_nothing_for_a_swap():
    assert stance_credit("critical", "critical") == 1.0
    assert stance_credit("critical", "neutral") == 0.5
    assert stance_credit("neutral", "supportive") == 0.5
    assert stance_credit("critical", "supportive") == 0.0


def test_stance_score_counts_near_misses_at_half_and_lists_swaps():
    registry = fixture_registry()
    report = Report()
    gold = {"stance": {"Russia": "critical", "China": "neutral", "Kazakhstan": "supportive", "thesis": "made up"}}
    score_stance(gold, briefing(Russia="critical", China="critical", Kazakhstan="critical"), registry, "a", report)
    assert (report.stance_equal, report.stance_near, report.stance_total) == (1, 1, 3)
    assert report.stance_score == pytest.approx(1.5 / 3)
    assert len(report.stance_swaps) == 1 and "Kazakhstan" in report.stance_swaps[0]


def test_an_actor_the_draft_gives_no_stance_counts_as_neutral():
    report = Report()
    score_stance({"stance": {"Russia": "neutral"}}, briefing(), fixture_registry(), "a", report)
    assert report.stance_equal == 1


# --- missing and changed texts -----------------------------------------------------------


def write_gold(directory: Path, entries: list[dict]) -> Path:
    gold = directory / "annotations.yaml"
    gold.write_text(json.dumps(entries), encoding="utf-8")  # JSON is YAML
    return gold


def entry(file: str, **extra) -> dict:
    return {"id": Path(file).stem, "file": file, "title": "Neighbours agree to reopen border crossing",
            "date": "2019-03-04", "date_range": ["2019-03-04", "2019-03-05"], "countries": ["Uzbekistan", "Kazakhstan"],
            "boilerplate_lines": ["Home | News | Politics", "Read also: Cotton harvest ends early"], **extra}


def test_entries_whose_text_is_missing_are_skipped_with_a_note_pointing_at_the_readme(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "present.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "README.md").write_text("how to rebuild the texts", encoding="utf-8")
    gold = write_gold(tmp_path, [entry(str(tmp_path / "texts" / "present.txt")),
                                 entry(str(tmp_path / "texts" / "gone.txt")),
                                 entry(str(tmp_path / "texts" / "gone-too.txt"))])
    report = evaluate(gold, fixture_registry())
    assert (report.entries, report.scored, len(report.missing)) == (3, 1, 2)
    assert report.dates_total == 1 and report.titles_total == 1  # the missing ones are not failures
    note = skipped_note(report)
    assert note is not None and "2 of 3 texts are missing" in note and "README.md" in note


def test_a_text_that_differs_from_the_annotated_copy_is_flagged(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    right = hashlib.sha256(text.read_bytes()).hexdigest()
    gold = write_gold(tmp_path, [entry(str(text), sha256=right), entry(str(text), id="b", sha256="0" * 64)])
    report = evaluate(gold, fixture_registry())
    assert report.scored == 2
    assert [c.split(":")[0] for c in report.changed] == ["b"]


def test_run_evaluate_with_every_text_missing_says_so_once_and_exits_1(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("scripts.evaluate.default_registry", fixture_registry)
    gold = write_gold(tmp_path, [entry("nowhere/one.txt"), entry("nowhere/two.txt")])
    status = run_evaluate(argparse.Namespace(gold=str(gold), json=False, details=False))
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err.count("texts are missing") == 1 and "2 of 2" in captured.err
    assert "Traceback" not in captured.err
    assert "scored 0 of 2 entries" in captured.out
    assert "precision" not in captured.out  # no table of empty scores that reads like perfect ones


def test_run_evaluate_json_reports_every_field(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("scripts.evaluate.default_registry", fixture_registry)
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    gold = write_gold(tmp_path, [entry(str(text)), entry("nowhere/two.txt")])
    status = run_evaluate(argparse.Namespace(gold=str(gold), json=True, details=False))
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["scored"] == 1 and len(data["skipped"]["missing_text"]) == 1
    for key in ("countries", "people", "organisations"):
        assert set(data[key]) >= {"precision", "recall", "f1", "misses", "extras"}
    assert set(data["dates"]) >= {"in_range", "total", "stated_but_wrong"}
    assert set(data["titles"]) >= {"recovered", "total", "furniture"}
    assert set(data["stance"]) >= {"equal", "near_misses", "score", "swaps"}
    assert "boilerplate_leaks" in data


def test_a_broken_registry_is_one_error_not_a_skipped_text_per_entry(tmp_path, monkeypatch):
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    gold = write_gold(tmp_path, [entry(str(text)), entry(str(text), id="b")])

    def broken_calendar(path, registry):
        raise ProblemsError([Problem("registry/events.yaml", 12, "duplicate id 'x'")])

    monkeypatch.setattr("scripts.evaluate.draft_briefing", broken_calendar)
    with pytest.raises(ProblemsError) as error:
        evaluate(gold, fixture_registry())
    assert "registry/events.yaml:12" in str(error.value)


def test_a_text_that_cannot_be_read_is_skipped_with_its_problem(tmp_path, monkeypatch):
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    gold = write_gold(tmp_path, [entry(str(text))])

    def bad_header(path, registry):
        raise ProblemsError([Problem(path.as_posix(), 2, "unknown header key 'foo'")])

    monkeypatch.setattr("scripts.evaluate.draft_briefing", bad_header)
    report = evaluate(gold, fixture_registry())
    assert report.scored == 0 and len(report.unreadable) == 1 and "unknown header key" in report.unreadable[0]
