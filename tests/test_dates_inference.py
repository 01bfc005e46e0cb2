"""Publication dates inferred from partial evidence: year-less dates, anniversaries, bounds on both
sides, the article's lead behind page furniture. Short made-up texts and small calendars."""

from __future__ import annotations

import pytest

from scripts.events import parse_events
from scripts.extract.dates import extract_date
from scripts.extract.dates.tense import qualifier_at, tense_at

CALENDAR = parse_events("""\
- id: alpha-presidency
  name: Alpha as President
  kind: term
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2012-05-07
  ongoing: true
  since_start: ['President Alpha']
- id: testland-union-decision-2013
  name: Testland decides to join the Customs Union
  kind: other
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2013-09-03
  cues: [['Testland', 'Customs Union', 'join']]
- id: pipeline-launch-2018
  name: Works on the Testland section of the pipeline launched
  kind: other
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2018-02-23
  cues: [['pipeline', 'Testland section', 'launch|inaugurat']]
- id: neutrality-1995
  name: Testland's neutrality recognised
  kind: founding
  place: Testville, Ruritania
  url: https://example.org/event
  start: 1995-12-12
  cues: [['neutrality', 'Testland']]
- id: council-founding-2009
  name: The Test Council is founded
  kind: founding
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2009-10-03
  cues: [['Test Council', 'founding|founded|anniversary']]
""")


def test_the_lead_is_counted_from_the_article_not_from_the_furniture_above_it() -> None:
    widget = "".join(f"  • CUR{n}/USD = 0.0{n} 0%\n" for n in range(12))
    text = widget + "\nWorks begin\n\nLeaders have inaugurated the start of work on the Testland section of the pipeline in the west.\n"
    result = extract_date(text, events=CALENDAR)
    assert result.basis == "event" and result.date == "2018-02-24"  # a past-tense report in the lead: the day after


def test_a_line_that_is_only_a_date_is_a_stamp_even_when_it_looks_like_a_menu_item() -> None:
    text = (
        "The Courier logo\n\nPresident Alpha welcomes the decision\n\nTuesday, September 24\n"
        "It is known that on September 3, during a visit to the capital, Testland announced it would join the Customs Union.\n"
    )
    result = extract_date(text, events=CALENDAR)
    assert (result.date, result.basis) == ("2013-09-24", "derived")  # the Tuesday after the decision
    assert "printed without a year" in result.evidence


def test_a_dateline_with_a_stray_bracket_is_still_a_dateline() -> None:
    text = "ASHGABAT, December 22 ( -- The president accepted congratulations on the 16th anniversary of the neutrality of Testland."
    result = extract_date(text, events=CALENDAR)
    assert (result.date, result.basis) == ("2011-12-22", "derived") and "printed without a year" in result.evidence


def test_a_weekday_in_the_lead_prefers_years_but_does_not_overrule_a_printed_date() -> None:
    # 25 October was a Thursday in 2018, a Friday in 2013: the lead's Thursday is the day of the event, not the report
    text = "25.10.2013, 11:57\nCAPITAL, October 25. /AGENCY/. The council approved the draft decision in Minsk Thursday.\n"
    result = extract_date(text, events=CALENDAR)
    assert result.date == "2013-10-25"
    partial = [c for c in result.candidates if c.kind == "dateline-partial"]
    assert partial and partial[0].date == "2013-10-25"


def test_an_anniversary_named_after_the_first_word_of_the_event() -> None:
    text = "Marking Neutrality Day, the president congratulated everyone on the 30th anniversary of the permanent neutrality of Testland."
    result = extract_date(text, events=CALENDAR)
    assert result.basis == "derived" and "2025-12-09" <= result.date <= "2025-12-15"


def test_an_anniversary_still_to_come_only_bounds_the_date() -> None:
    text = "Testland will join the summit for the 10th anniversary of the Test Council to be hosted by its neighbour in October."
    result = extract_date(text, events=CALENDAR)
    assert result.date is None  # no day is suggested ...
    kinds = {(c.kind, c.earliest, c.latest) for c in result.candidates}
    assert ("anniversary", None, "2019-10-03") in kinds  # ... but it is before the anniversary
    assert ("anniversary", "2018-10-02", None) in kinds  # and not long before it
    assert not any(c.kind == "event" and c.latest == "2009-10-03" for c in result.candidates)  # a founding is never to come


def test_a_year_less_date_in_the_lead_takes_the_year_the_bounds_allow() -> None:
    text = (
        "The two ministers signed a cooperation deal on Aug. 5 that will last for two years.\n"
        "Testland will join the summit for the 10th anniversary of the Test Council to be hosted by its neighbour in October."
    )
    result = extract_date(text, events=CALENDAR)
    assert result.date == "2019-08-06" and result.basis == "derived"  # after 5 August, the only one between the bounds
    assert result.date_range is not None and result.date_range[0] == "2019-08-05"


def test_a_year_less_date_is_not_placed_when_the_bounds_allow_several_years() -> None:
    result = extract_date("President Alpha signed a deal on Aug. 5 with the neighbours.", events=CALENDAR)
    assert result.date is None


@pytest.mark.parametrize(
    ("sentence", "date_word", "expected"),
    [
        ("The ministers signed a cooperation deal in Ankara on Aug. 5 that will last until 2021.", "Aug. 5", "past"),
        ("The ministers will sign a deal on Aug. 5, officials said.", "Aug. 5", "future"),
        ("The summit which will be held on May 3 was planned long ago.", "May 3", "future"),
    ],
)
def test_the_tense_of_a_date_is_not_that_of_a_relative_clause_after_it(sentence: str, date_word: str, expected: str) -> None:
    assert tense_at(sentence, sentence.index(date_word)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "last"),
    [
        ("The UN declared the country neutral sixteen years ago on December 12, 1995, the president recalled.", "2011-12-12", "2012-12-11"),
        ("The treaty, signed on 12 May 2021, two years ago, remains in force.", "2023-05-12", "2024-05-11"),
        ("The border was closed three weeks ago, on 1 March 2022, officials said.", "2022-03-22", "2022-03-23"),
    ],
)
def test_a_printed_date_some_time_ago_dates_the_article_that_long_after(sentence: str, expected: str, last: str) -> None:
    result = extract_date(sentence, events=CALENDAR)
    assert (result.date, result.basis) == (expected, "derived")
    assert result.date_range is not None and result.date_range[1] == last  # 'sixteen years ago' holds for a year


# --- editions of a recurring summit named without a year: the other clues decide ---------------

EDITIONS_TEXT = """\
- id: union-name
  name: The Union takes its present name
  kind: other
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2021-11-12
  since_start: ['Organization of Testic States']
  cues: [['renamed', 'Organization of Testic States']]
""" + "".join(f"""\
- id: union-summit-{day[:4]}
  name: Union summit, Bishkek ({day[:4]})
  kind: summit
  place: Bishkek, Kyrgyzstan
  url: https://example.org/event
  start: {day}
  cues: [['Testic', 'summit', 'Bishkek']]
""" for day in ("2012-08-23", "2018-05-10", "2024-11-06"))
EDITIONS = parse_events(EDITIONS_TEXT)


def test_a_name_the_union_took_later_tells_the_edition() -> None:
    text = "The president will be in Bishkek on 5-6 November for the summit of the Organization of Testic States."
    result = extract_date(text, events=EDITIONS)
    assert result.date == "2024-11-05" and result.basis == "event"  # the day before the 2024 edition


@pytest.mark.parametrize(
    "text",
    [
        "On Wednesday, leaders of the Testic states gathered in Bishkek for their summit.",
        "Leaders of the Testic states gathered in Bishkek for their summit. Their talks on Wednesday were about trade.",
    ],
)
def test_a_weekday_tells_the_edition(text: str) -> None:
    # 23 Aug 2012 and 10 May 2018 were Thursdays, 6 Nov 2024 a Wednesday
    result = extract_date(text, events=EDITIONS)
    assert result.date == "2024-11-07" and "Wednesday" in result.evidence  # reported the day after


def test_editions_nothing_tells_apart_give_a_window_or_no_date() -> None:
    two = parse_events(EDITIONS_TEXT.split("- id: union-summit-2024")[0])
    result = extract_date("Leaders of the Testic states gathered in Bishkek for their summit.", events=two)
    assert result.date == "2012-08-24" and result.precision == "year"  # the first, but the window spans both ...
    assert result.date_range == ("2012-08-23", "2018-05-11") and "as likely: 2018-05-11" in result.evidence  # ... and says so
    three = extract_date("Leaders of the Testic states gathered in Bishkek for their summit.", events=EDITIONS)
    assert three.date is None  # three editions alike: no date


def test_a_relative_year_of_alternative_editions_bounds_with_their_envelope() -> None:
    text = "BISHKEK, 3 May 2019 (Agency) -- Trade grew after last year's Testic summit in Bishkek, the ministry said."
    result = extract_date(text, events=EDITIONS)
    assert (result.date, result.basis) == ("2019-05-03", "stated") and result.confidence >= 0.8
    bounds = [c for c in result.candidates if c.kind == "relative-year"]
    assert len(bounds) == 1 and (bounds[0].earliest, bounds[0].latest) == ("2013-01-01", "2025-12-31")


def test_an_edition_dated_by_its_year_rules_out_the_other_editions() -> None:
    # the year names one edition: the editions held there in other years are not readings of it
    text = "Leaders met at the 2018 Testic summit, which was held in Bishkek."
    result = extract_date(text, events=EDITIONS)
    assert (result.date, result.basis) == ("2018-05-11", "event")
    assert not any("2012-08-23" in c.evidence or "2024-11-06" in c.evidence for c in result.candidates)


# --- anniversaries in the region's languages: the number before the event (Russian) or after it ------

NEUTRALITY = parse_events("""\
- id: testland-neutrality-1995
  name: Testland's neutrality recognised
  kind: founding
  place: Testville, Ruritania
  url: https://example.org/event
  start: 1995-12-12
  cues: [['нейтралитет|neutrality|betaraflig', 'Тестланд|Testland']]
""")


@pytest.mark.parametrize(
    ("text", "anniversary"),
    [
        ("В столице прошло заседание Совета старейшин, посвящённое 20-летию обретения Тестландом статуса нейтралитета.", "2015-12-12"),
        ("Президент поздравил народ с 30-летием нейтралитета Тестланда.", "2025-12-12"),
        ("Poytaxtda Testland betarafligining 25 yilligi keng nishonlandi.", "2020-12-12"),
    ],
)
def test_an_anniversary_numbered_in_the_region_s_languages(text: str, anniversary: str) -> None:
    result = extract_date(text, events=NEUTRALITY)
    assert result.basis == "derived" and result.date == anniversary and "anniversary" in result.evidence


def test_a_number_that_is_no_anniversary_counts_nothing() -> None:
    result = extract_date("Тестланд и 20 стран обсудили статус нейтралитета.", events=NEUTRALITY)
    assert not any(c.kind == "anniversary" for c in result.candidates)


# --- the tense and relative time words of the region's languages ------------------------------------

@pytest.mark.parametrize(
    ("sentence", "date_word", "expected"),
    [
        ("Заседание Совета глав государств состоится 21 июля в Чолпон-Ате.", "21 июля", "future"),
        ("Форум прошёл 12 декабря в Ашхабаде.", "12 декабря", "past"),
        ("Президент вернулся на родину 18 декабря.", "18 декабря", "past"),
        ("21-iyul kuni Cho‘lponotada Maslahat uchrashuvi bo‘lib o‘tadi.", "21-iyul", "future"),
        ("Материал канала о финале 5 мая.", "5 мая", None),  # nouns in -ал are no verbs
    ],
)
def test_the_tense_of_a_date_in_the_region_s_languages(sentence: str, date_word: str, expected: str | None) -> None:
    assert tense_at(sentence, sentence.index(date_word)) == expected


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("В прошлом году саммит прошёл в столице.", "last-year"),
        ("Вчера саммит прошёл в столице.", "yesterday"),
        ("Saммит bugun poytaxtda bo‘lib o‘tmoqda.", "today"),
        ("Саммит прошёл в столице.", None),
    ],
)
def test_relative_time_words_of_the_region_s_languages(sentence: str, qualifier: str | None) -> None:
    assert qualifier_at(sentence, sentence.index("аммит") if "аммит" in sentence else 0) == qualifier


def test_a_date_still_to_come_in_russian_only_bounds_the_publication() -> None:
    result = extract_date("Итоговое заседание форума состоится 21 июля 2022 года в Чолпон-Ате.", events=CALENDAR)
    bounds = [c for c in result.candidates if c.kind == "date-mention" and c.latest == "2022-07-21"]
    assert bounds and result.date != "2022-07-22"  # published before it, not the day after


# --- an event placed by its bare year is history --------------------------------------------------

def test_an_event_placed_by_its_bare_year_gives_no_day() -> None:
    text = "Such ceremonies, like the launch of the pipeline's Testland section in 2018, drew crowds."
    result = extract_date(text, events=CALENDAR)
    assert not any(c.kind == "event" and c.date for c in result.candidates)  # only a bound: written in or after 2018
    news = extract_date("Such ceremonies, like the launch of the pipeline's Testland section, drew crowds.", events=CALENDAR)
    assert any(c.kind == "event" and c.date == "2018-02-24" for c in news.candidates)  # without the year: news of it


# --- the anniversary of a printed date, without a calendar event ------------------------------------

@pytest.mark.parametrize(
    ("text", "expected", "date_range"),
    [
        ("The nation marks the 30th anniversary of the referendum held on 21 September 1991.", "2021-09-21", ("2021-09-18", "2021-09-24")),
        ("Today marks the third anniversary of the army's victory in the April 2016 clashes.", "2019-04-01", ("2019-04-01", "2019-04-30")),
        ("В столице прошло заседание к 20-летию резолюции, принятой 12 декабря 1995 года.", "2015-12-12", ("2015-12-09", "2015-12-15")),
    ],
)
def test_the_anniversary_of_a_printed_date_dates_the_article(text: str, expected: str, date_range: tuple[str, str]) -> None:
    result = extract_date(text, events=CALENDAR)
    assert (result.date, result.basis, result.date_range) == (expected, "derived", date_range) and "anniversary" in result.evidence


def test_an_anniversary_of_a_printed_date_still_to_come_only_bounds() -> None:
    result = extract_date("The city is preparing for the 10th anniversary of the treaty signed on 5 May 2016.", events=CALENDAR)
    kinds = {(c.kind, c.earliest, c.latest) for c in result.candidates}
    assert ("anniversary", None, "2026-05-05") in kinds and ("anniversary", "2025-05-05", None) in kinds
    assert not any(c.kind == "anniversary" and c.date for c in result.candidates)


def test_an_anniversary_said_to_be_near_dates_the_article_shortly_before_it() -> None:
    text = "Preparations for the 30th anniversary of the neutrality of Testland are approaching the finish line."
    result = extract_date(text, events=CALENDAR)
    assert result.basis == "derived" and "2025-11-28" <= result.date <= "2025-12-11"
    assert result.date_range is not None and result.date_range[1] <= "2025-12-11"


@pytest.mark.parametrize(
    ("sentence", "at", "expected"),
    [
        ("The council today welcomed the decision to hold the summit in Testville on 1 and 2 December 2010.", "1 and 2 December", "future"),
        ("The ministers adopted a decision on the holding of the summit in Testville on 1 December 2010.", "1 December", "future"),
        ("On 3 August, the ministers adopted a decision on the holding of the summit in Testville in December.", "3 August", "past"),
    ],
)
def test_a_date_the_summit_is_decided_for_is_still_to_come(sentence: str, at: str, expected: str) -> None:
    assert tense_at(sentence, sentence.index(at)) == expected


def test_an_anniversary_said_to_be_near_in_russian() -> None:
    text = "Подготовка к празднованию 30-летия нейтралитета Тестланда приближается к финишу."
    result = extract_date(text, events=NEUTRALITY)
    assert result.date is not None and "2025-11-28" <= result.date <= "2025-12-11"


TWO_SUMMITS = parse_events("""\
- id: alpha-summit-2023
  name: Alpha summit, Oldtown
  kind: summit
  place: Oldtown, Ruritania
  url: https://example.org/event
  start: 2023-05-18
  end: 2023-05-19
  cues: [['summit', 'Oldtown']]
- id: beta-summit-2023
  name: Beta summit, Newtown
  kind: summit
  place: Newtown, Ruritania
  url: https://example.org/event
  start: 2023-09-19
  cues: [['summit with the Beta president', 'Newtown']]
- id: alpha-summit-2019
  name: Alpha summit, Oldtown (earlier)
  kind: summit
  place: Oldtown, Ruritania
  url: https://example.org/event
  start: 2019-06-14
  cues: [['summit', 'Oldtown']]
""")


def test_two_events_a_sentence_names_by_different_words_are_both_past_not_alternatives() -> None:
    text = "Testland has been in the spotlight: a showy summit in Oldtown, a historic summit with the Beta president in Newtown."
    result = extract_date(text, events=TWO_SUMMITS)
    assert result.date is not None and result.date >= "2023-09-19"  # after both, not after either


def test_events_a_sentence_names_by_the_same_words_are_alternative_readings() -> None:
    text = "Testland hosted a showy summit in Oldtown."
    result = extract_date(text, events=TWO_SUMMITS)
    assert result.date in (None, "2019-06-15", "2023-05-20")
    assert any("other event" in c.evidence for c in result.candidates)  # one mention, two readings


def test_a_weekday_in_a_wire_report_is_its_publication_day() -> None:
    lead = "the president on Thursday left for the summit in Oldtown, where leaders met."
    wire = extract_date(f"Leaders gather\nALMATY (Testnews) – In Testland, {lead}", events=TWO_SUMMITS)
    paper = extract_date(f"Leaders gather\nIn Testland, {lead}", events=TWO_SUMMITS)
    assert wire.date == "2023-05-18" and "wire report" in (wire.evidence or "")  # Thursday, put out that day
    assert paper.date == "2023-05-19"  # a paper's report of Thursday comes out the next day
