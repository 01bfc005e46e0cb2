"""Dates the evidence gives only as a window, and greetings for holidays: short made-up texts and a
small calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts.events import parse_events
from scripts.extract.dates import extract_date
from scripts.extract.dates.clue import Clue
from scripts.extract.dates.combine import resolve

CALENDAR = parse_events("""\
- id: gamma-presidency
  name: Gamma as President
  kind: term
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2015-03-01
  ongoing: true
  since_start: ['President Gamma']
- id: alpha-presidency
  name: Alpha as President
  kind: term
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2012-05-07
  ongoing: true
  since_start: ['President Alpha']
- id: neutrality-1995
  name: Testland's neutrality recognised
  kind: founding
  place: Testville, Ruritania
  url: https://example.org/event
  start: 1995-12-12
  cues: [['neutrality', 'Testland']]
- id: council-founding-1996
  name: The Test Council is founded
  kind: founding
  place: Testville, Ruritania
  url: https://example.org/event
  start: 1996-03-01
  cues: [['Test Council', 'founding|founded|anniversary']]
""")


def test_a_window_of_months_between_strong_bounds_gives_its_middle_day_as_a_window() -> None:
    text = "President Gamma said Testland will hold a parade for the 20th anniversary of its neutrality."
    result = extract_date(text, events=CALENDAR)
    assert result.date_range == ("2015-03-01", "2015-12-12") and result.precision == "year"
    assert result.date == "2015-07-22" and result.basis != "stated" and "middle day" in (result.evidence or "")


def test_a_window_of_years_gives_no_date() -> None:
    since = Clue("title", "derived", "President Alpha -> since 2012-05-07", lo=dt.date(2012, 5, 7), strength=0.7, group="a")
    until = Clue("event", "event", "the summit still to come", hi=dt.date(2013, 6, 1), strength=0.55, group="b")
    assert resolve([since, until]) is None  # 390 days: too wide to name a day
    narrower = Clue("event", "event", "the summit still to come", hi=dt.date(2013, 5, 1), strength=0.55, group="b")
    best = resolve([since, narrower])
    assert best is not None and best.date == dt.date(2012, 11, 2) and best.clue.window == (dt.date(2012, 5, 7), dt.date(2013, 5, 1))


@pytest.mark.parametrize(
    ("text", "expected", "window"),
    [
        ("Alpha wishes Testland a Happy New Year 2026\n\nPresident Alpha sent New Year greetings to the people of Testland.",
         "2025-12-31", ("2025-12-25", "2026-01-01")),
        ("Президент поздравил народ с Новым годом 2024\n\nОн пожелал всем мира.", "2023-12-31", ("2023-12-25", "2024-01-01")),
        ("Alpha congratulates Testland on Navruz 2019\n\nThe president sent warm wishes to the nation.", "2019-03-21", ("2019-03-18", "2019-03-22")),
        ("President Gamma congratulated the people of Kazakhstan on Independence Day 2015.", "2015-12-16", ("2015-12-14", "2015-12-16")),
    ],
)
def test_a_greeting_for_a_holiday_dates_the_text_shortly_before_it(text: str, expected: str, window: tuple[str, str]) -> None:
    result = extract_date(text, events=CALENDAR)
    assert (result.date, result.basis, result.date_range) == (expected, "derived", window)
    assert "greeting for" in (result.evidence or "")


def test_a_greeting_takes_its_year_from_the_other_clues() -> None:
    text = ("Alpha wishes Testland a Happy New Year\n\n"
            "President Gamma sent New Year greetings to the people of Testland, ahead of the 20th anniversary of its neutrality.")
    result = extract_date(text, events=CALENDAR)
    assert not any(c.kind == "holiday" for c in result.candidates)  # 2015-03-01 .. 2015-12-12 holds no New Year: no guess
    council = extract_date(text.replace("its neutrality", "the Test Council"), events=CALENDAR)  # 2015-03-01 .. 2016-03-01
    assert (council.date, council.basis, council.date_range) == ("2015-12-31", "derived", ("2015-12-25", "2016-01-01"))


@pytest.mark.parametrize(
    "text",
    [
        "Alpha wishes Testland a Happy New Year\n\nPresident Alpha sent New Year greetings to the people of Testland.",  # no year anywhere
        "Traffic grew\n\nRoads were busy during the New Year 2026 holidays, the police said.",  # no greeting
        "Trade grew\n\nExports rose, officials said. Imports fell. Prices held. Wages grew. Rents rose. Later he wished them a happy New Year 2026.",  # not the lead
    ],
)
def test_no_greeting_or_no_year_gives_no_holiday_date(text: str) -> None:
    result = extract_date(text, events=CALENDAR)
    assert not any(c.kind == "holiday" for c in result.candidates)


@pytest.mark.parametrize(
    ("text", "bounded"),
    [
        ("Türkiye will keep supporting the region, the minister said.", True),
        ("The minister arrived in Türkiye on a working visit.", True),
        ("The Türkiye Maarif Vakfı runs schools in the region.", False),  # a Turkish proper name, older than the circular
        ("Türkiye Cumhuriyeti ile Kazakistan arasında anlaşma imzalandı.", False),  # a text in Turkish
    ],
)
def test_the_name_turkiye_in_english_bounds_the_date_by_the_circular_that_adopted_it(text: str, bounded: bool) -> None:
    from scripts.events import default_calendar

    result = extract_date(text, events=default_calendar())
    assert any(c.kind == "title" and c.earliest == "2021-12-04" for c in result.candidates) is bounded


def test_the_volume_of_a_yearly_serial_gives_the_year_and_a_cited_day_the_rest() -> None:
    text = ("Moscow and its bases\n\nPublication: Eurasia Daily Monitor Volume: 9 Issue: 144\n\n"
            "Talks on the base went on (Interfax, July 5). The lease ends soon, officials said (RIA Novosti, July 17).")
    result = extract_date(text, events=CALENDAR)
    assert any(c.kind == "serial-volume" and (c.earliest, c.latest) == ("2012-01-01", "2012-12-31") for c in result.candidates)
    assert (result.date, result.basis) == ("2012-07-18", "derived")  # the day after the latest date cited, in 2012


@pytest.mark.parametrize(
    "text",
    [
        "Trade volume 9 percent higher, the Eurasia Daily Monitor reported.",  # a volume of trade, not of the serial
        "Publication: Some Weekly Volume: 9 Issue: 144\n\nThe lease ends soon (RIA Novosti, July 17).",  # a serial the data does not know
    ],
)
def test_a_volume_of_an_unknown_serial_or_of_something_else_gives_no_year(text: str) -> None:
    result = extract_date(text, events=CALENDAR)
    assert not any(c.kind == "serial-volume" for c in result.candidates)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tokayev congratulates Putin on his 70th birthday\n\nThe president sent warm wishes to his Russian counterpart.", "2022-10-07"),
        ("Mirziyoyev congratulated Xi Jinping on his seventieth birthday\n\nHe wished him health.", "2023-06-15"),
    ],
)
def test_a_numbered_birthday_greeting_gives_its_year_from_the_year_of_birth(text: str, expected: str) -> None:
    result = extract_date(text, events=CALENDAR)
    assert (result.date, result.basis) == (expected, "derived") and "year of birth" in (result.evidence or "")


def test_a_birthday_greeting_without_a_number_or_a_year_gives_no_date() -> None:
    assert extract_date("Mirziyoyev congratulated Xi Jinping on his birthday\n\nHe wished him health.", events=CALENDAR).date is None


TOUR = parse_events("""\
- id: alpha-tour-2016
  name: Alpha's state visits to Testland and Otherland
  kind: visit
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2016-12-12
  end: 2016-12-18
  cues: [['Alpha', 'Testland', 'Otherland']]
- id: testland-unrest-2016
  name: Unrest in Testland
  kind: unrest
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2016-12-12
  end: 2016-12-18
  cues: [['protests', 'Testland']]
""")


def test_a_tour_of_several_days_reported_in_the_past_tense_is_reported_when_over() -> None:
    result = extract_date("Alpha returned home\n\nAlpha paid state visits to Testland and Otherland, officials said.", events=TOUR)
    assert result.date == "2016-12-19" and "the day after" in (result.evidence or "")


def test_unrest_of_several_days_reported_in_the_past_tense_may_be_reported_while_it_lasts() -> None:
    result = extract_date("Police held hundreds\n\nThe protests in Testland turned violent, officials said.", events=TOUR)
    assert result.date == "2016-12-13" and "after it began" in (result.evidence or "")


@pytest.mark.parametrize(
    ("text", "bounded"),
    [
        ("The Founder of Peace and National Unity – Leader of the Nation, President Emomali Rahmon met the envoys.", True),
        ("Основатель мира и национального единства — Лидер нации, Президент Эмомали Рахмон вернулся.", True),
        ("Elbasy, the Leader of the Nation Nursultan Nazarbayev, met the envoys.", False),  # Kazakhstan's title of 2010
    ],
)
def test_rahmon_s_title_of_december_2015_bounds_the_date(text: str, bounded: bool) -> None:
    from scripts.events import default_calendar

    result = extract_date(text, events=default_calendar())
    assert any(c.kind == "title" and c.earliest == "2015-12-09" for c in result.candidates) is bounded
