"""Publication-date extraction: each clue type on small hand-written texts, conflicts, the seeds."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from scripts import paths, yamlio
from scripts.events import parse_events
from scripts.extract.dates import DateResult, extract_date

GOLD = paths.ROOT / "tests" / "data" / "expected_seeds.yaml"  # copy of shared/expected/seeds.yaml
INVASION = dt.date(2022, 2, 24)
BEIJING = dt.timezone(dt.timedelta(hours=8))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def between(result: DateResult, first: str, last: str) -> bool:
    return result.date is not None and first <= result.date <= last


# --- printed dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Published: 18 May 2023\nKazakhstan raised fuel prices.",
        "Posted on May 18, 2023 by admin\nKazakhstan raised fuel prices.",
        "Kazakhstan raises fuel prices\n18.05.2023 10:32\nThe government said prices would rise.",
        "Kazakhstan raises fuel prices\n2023-05-18T10:32:00+05:00\nThe government said prices would rise.",
        "Kazakhstan raises fuel prices\nThursday, 18th May 2023 | 10:32\nThe government said prices would rise.",
        "Kazakhstan raises fuel prices\n18 мая 2023 года\nThe government said prices would rise.",
        "Kazakhstan raises fuel prices\n2023年5月18日\nThe government said prices would rise.",
        "Kazakhstan raises fuel prices\n05/18/2023\nThe government said prices would rise.",
        "Kazakhstan raises fuel prices\n2023-yil 18-may, 10:32\nThe government said prices would rise.",  # Uzbek, year first
        "Kazakhstan raises fuel prices\n2023 жылғы 18 мамыр\nThe government said prices would rise.",  # Kazakh
        "Kazakhstan raises fuel prices\n18 Mayıs 2023 Perşembe\nThe government said prices would rise.",  # Turkish
    ],
)
def test_printed_publication_dates(text: str) -> None:
    result = extract_date(text)
    assert (result.date, result.basis) == ("2023-05-18", "stated")
    assert result.confidence >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "Tashkent, 18 May 2023 (Kun.uz) – Uzbekistan and China signed forty agreements.",
        "ASTANA, May 18, 2023 (Xinhua) -- Kazakhstan's parliament approved the budget.",
        "BISHKEK, 18 May 2023. The Kyrgyz cabinet met to discuss energy.",
        "Ташкент, 18 мая 2023 г. Президент Узбекистана провел встречу с делегацией Китая.",
        "Toshkent, 2023-yil 18-may. Prezident Xitoy delegatsiyasi bilan uchrashdi.",
        "Aşgabat, 18 maý 2023 ý. Prezident hytaý wekiliýeti bilen duşuşdy.",
    ],
)
def test_datelines(text: str) -> None:
    result = extract_date(text)
    assert (result.date, result.basis) == ("2023-05-18", "stated")
    assert "dateline" in result.evidence


def test_a_date_inside_a_sentence_followed_by_the_word_for_year_is_no_dateline() -> None:
    result = extract_date("In Tashkent, 18 May 2023 y. was a hot day and the president held a meeting.")
    assert result.basis != "stated"


def test_dateline_without_year_takes_the_year_of_the_weekday_in_the_lead() -> None:
    # 18 May fell on a Thursday in 2017 and 2023; 'President Tokayev' rules out 2017.
    text = "ALMATY, May 18 (Reuters) - Kazakhstan's President Kassym-Jomart Tokayev said on Thursday that the country would keep its oil quota."
    result = extract_date(text)
    assert result.date == "2023-05-18" and result.basis == "derived"  # the year is inferred, not printed
    assert dt.date(2023, 5, 18).weekday() == 3


TERMS = """\
- id: alpha-presidency
  name: Alpha as President
  kind: term
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2012-05-07
  ongoing: true
  since_start: ['President Alpha']
- id: beta-presidency
  name: Beta as President
  kind: term
  place: Testville, Ruritania
  url: https://example.org/event
  start: 1991-12-10
  end: 2017-03-19
  until_end: ['President Beta']
- id: testville-summit-2024
  name: Testville summit
  kind: summit
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2024-05-18
  cues: [['summit', 'Testville']]
"""


def test_dateline_year_is_the_one_the_terms_agree_on() -> None:
    calendar = parse_events(TERMS)
    # Thursday 4 June: 2015 and 2020 after Alpha took office; only 2015 while Beta was still president
    text = "CAPITAL, June 4. /TASS/. President Alpha said on Thursday that he and President Beta will meet again."
    result = extract_date(text, events=calendar)
    assert (result.date, result.basis) == ("2015-06-04", "derived") and "2015 fits" in result.evidence


def test_a_year_less_dateline_in_russian_takes_the_year_the_terms_agree_on() -> None:
    calendar = parse_events(TERMS)
    text = "МОСКВА, 4 июня. /ТАСС/. President Alpha said on Thursday that he and President Beta will meet again."
    result = extract_date(text, events=calendar)
    assert (result.date, result.basis) == ("2015-06-04", "derived") and "printed without a year" in result.evidence


@pytest.mark.parametrize(
    ("line", "month", "dom"),
    [("20-iyul kuni Cholpon-Atada", 7, 20), ("21-iyulda bo'lib o'tadi", 7, 21), ("по 18 декабря текущего года", 12, 18), ("5 Temmuz'da Ankara'da", 7, 5)],
)
def test_year_less_dates_of_the_regions_languages_are_read(line: str, month: int, dom: int) -> None:
    from scripts.extract.dates.forms import partial_dates

    assert [(m.month, m.dom) for m in partial_dates(line, [])] == [(month, dom)]


def test_an_english_modal_is_not_a_month() -> None:
    from scripts.extract.dates.forms import partial_dates

    assert partial_dates("Of the 5 may not return, officials said.", []) == []


def test_dateline_year_two_years_fit_is_a_window() -> None:
    calendar = parse_events(TERMS)  # its latest event is of 2024: no year after 2025 is considered
    result = extract_date("CAPITAL, June 4. /TASS/. President Alpha said on Thursday that talks would go on.", events=calendar)
    assert result.date == "2015-06-04" and result.date_range == ("2015-06-04", "2020-06-04") and result.precision == "year"


def test_dateline_year_not_the_first_year_allowed_when_nothing_agrees() -> None:
    calendar = parse_events(TERMS)
    result = extract_date("CAPITAL, June 4. /TASS/. President Alpha met foreign investors.", events=calendar)
    assert result.date is None and result.basis == "unknown"  # 2012 ... 2025 all fit: no year is agreed on


def test_dateline_year_follows_the_latest_reported_fact() -> None:
    calendar = parse_events(TERMS)
    result = extract_date("CAPITAL, June 4. /TASS/. President Alpha recalled the floods of April 2019, which cost billions.", events=calendar)
    assert result.date == "2019-06-04"


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("Tuesday, 03.04.2018", "2018-04-03"),  # day first, and 3 April 2018 was a Tuesday
        ("Tue 04/03/2018", "2018-04-03"),  # 4 March 2018 was a Sunday: month first
        ("04/03/2018 (Sunday)", "2018-03-04"),
        ("05.18.2023", "2023-05-18"),  # no 18th month: month first
    ],
)
def test_the_weekday_decides_between_day_first_and_month_first(stamp: str, expected: str) -> None:
    result = extract_date(f"Kazakhstan raises fuel prices\n{stamp}\nThe government said prices would rise.")
    assert (result.date, result.basis) == (expected, "stated")


def test_an_ambiguous_numeric_date_is_read_as_the_other_clues_allow() -> None:
    plain = extract_date("Kazakhstan raises fuel prices\n10/09/2022\nThe government said prices would rise.")
    assert (plain.date, plain.basis) == ("2022-09-10", "derived")  # day first, the region's order; not 'stated'
    # reported after the Samarkand summit of 15-16 September 2022: 9 October, not 10 September
    text = "Kazakhstan raises fuel prices\n10/09/2022\nLeaders met at the 2022 SCO summit in Samarkand, which was held in Uzbekistan."
    result = extract_date(text)
    assert (result.date, result.basis) == ("2022-10-09", "derived") and "month first" in result.evidence


def test_a_weekday_that_does_not_fit_the_printed_date_is_reported() -> None:
    result = extract_date("Kazakhstan raises fuel prices\nThursday, 18 May 2022\nThe government said prices would rise.")
    assert result.date == "2022-05-18" and "it was a Wednesday" in result.evidence
    assert result.confidence < extract_date("Kazakhstan raises fuel prices\nWednesday, 18 May 2022\nPrices rise.").confidence


def test_published_beats_updated() -> None:
    text = "Title\nUpdated: 20 May 2023 14:00\nPublished: 18 May 2023 09:00\nText of the article."
    assert extract_date(text).date == "2023-05-18"


def test_event_date_inside_a_sentence_is_not_the_publication_date() -> None:
    text = "The meetings will be held on 18 May 2023 in the city of Tashkent, the ministry said."
    result = extract_date(text)
    assert result.basis != "stated"
    assert result.date is not None and result.date < "2023-05-18"
    assert any(c.latest == "2023-05-18" for c in result.candidates)


def test_past_date_inside_a_sentence_bounds_from_below() -> None:
    text = "On 15 March 2024, the president signed a decree on the new tariffs, and the ministry published it."
    result = extract_date(text)
    assert result.basis != "stated"
    assert result.date is not None and result.date >= "2024-03-15"


def test_date_in_a_related_links_block_is_ignored() -> None:
    text = "Tokayev spoke about reforms in his address.\n\nRead also:\nPutin arrives in Astana 12.10.2024\nXi visits Dushanbe 05.07.2024"
    result = extract_date(text)
    assert result.date is None and result.basis == "unknown"


def test_date_in_the_source_url() -> None:
    result = extract_date("Uzbekistan and China signed forty agreements.", url="https://kun.uz/en/news/2023/05/18/uzbekistan-china")
    assert (result.date, result.basis) == ("2023-05-18", "stated")


def test_a_widget_date_above_the_page_is_not_the_publication_date() -> None:
    # a rates widget shows the day the page was copied; the line repeating the headline carries the article's date
    text = (
        "Exchange rates on 14.02.2025\nUSD 505.12\nEUR 530.40\nSearch\n"
        "Kazakhstan 03.06.2021 Tokayev signs law on water cooperation with Uzbekistan\n"
        "Tokayev signs law on water cooperation with Uzbekistan\n\n"
        "Astana (Kazinform) -- President Kassym-Jomart Tokayev signed the law ratifying the agreement with Uzbekistan "
        "on the joint use of transboundary rivers, the Akorda press service said. The agreement sets out how the two "
        "countries share the water of the Syr Darya.\n"
    )
    result = extract_date(text)
    assert (result.date, result.basis) == ("2021-06-03", "stated")
    assert not any(c.date == "2025-02-14" or c.earliest == "2025-02-14" for c in result.candidates)


def test_a_caption_date_only_bounds_the_publication_date() -> None:
    text = (
        "Tokayev and Mirziyoyev discuss water in Astana\n\n"
        "The presidents of Kazakhstan and Uzbekistan discussed water sharing, trade and transit during talks in Astana, "
        "the Akorda press service said. They agreed to meet again before the end of the year to sign a new agreement.\n\n"
        "Kassym-Jomart Tokayev and Shavkat Mirziyoyev in Astana, 12 March 2021. Photo: Akorda\n\n"
        "The two leaders also discussed regional security and instructed their governments to prepare a roadmap.\n"
    )
    result = extract_date(text)
    assert result.basis != "stated" and result.date != "2021-03-12"
    assert any(c.kind == "caption" and c.earliest == "2021-03-12" and c.date is None for c in result.candidates)


def test_a_time_glued_to_the_year_still_reads_as_a_date() -> None:
    result = extract_date("Ministers' speeches\n\n4 February 201911:29\n\nLavrov spoke to students in Bishkek about the union state.")
    assert (result.date, result.basis) == ("2019-02-04", "stated")


def test_stamps_of_a_list_of_other_stories_are_not_the_articles() -> None:
    text = (
        "Mirziyoyev to visit Bishkek\n\n"
        "President Shavkat Mirziyoyev will pay a working visit to Kyrgyzstan to take part in the summit of the Organization "
        "of Turkic States, the presidential press service said. The talks will focus on trade, transport and water.\n\n"
        "The two presidents are also expected to discuss the construction of the China-Kyrgyzstan-Uzbekistan railway.\n\n"
        "Other news\n\n"
        "    Uzbekistan and Kazakhstan sign a deal on the Syr Darya\n    Politics 04.11.2024 09:56\n"
        "    A new ambassador to Jakarta has been appointed\n    Politics 31.10.2024 11:08\n"
        "    Tashkent metro extends its yellow line\n    Society 29.10.2024 18:40\n"
    )
    result = extract_date(text)
    assert result.basis != "stated"
    assert not {c.date for c in result.candidates} & {"2024-11-04", "2024-10-31", "2024-10-29"}


def test_a_time_glued_before_the_day_still_reads_as_a_date() -> None:
    result = extract_date("The president is disappointed. An interview\n\n13:2416 Oct, 2020\n\nThe president spoke about the truce of Saturday.")
    assert (result.date, result.basis) == ("2020-10-16", "stated")


def test_a_date_printed_one_part_per_line() -> None:
    text = "Aliyev: we are working on the Middle Corridor\n12\nMar\n2026\n11:45\nThe president spoke at the opening of the forum in Baku.\n"
    result = extract_date(text)
    assert (result.date, result.basis) == ("2026-03-12", "stated")


def test_a_labelled_stamp_in_a_menu_is_not_stated() -> None:
    # a 'date' stamp on a line of menu items may be the page's, not the article's: a clue, never 'stated'
    text = " date 2024-11-24 Images | Videos | Akorda\n\nLavrov arrives in Astana\n\nForeign Minister Sergei Lavrov arrived in Astana on a working visit to prepare the president's trip.\n"
    result = extract_date(text)
    assert result.date == "2024-11-24" and result.basis == "derived" and "other stories or menus" in result.evidence


def test_year_less_stamps_of_a_list_above_the_article_are_not_its_date() -> None:
    text = (
        "News\nDecember 5 in 60 seconds 21:00\nDecember 4 in 60 seconds 21:33\nDecember 3 in 60 seconds 21:00\nPrograms\n\n"
        "The president is disappointed with the West\n\n16 Oct, 2020\n\nThe president said the truce agreed on Saturday had been broken.\n"
    )
    result = extract_date(text)
    assert (result.date, result.basis) == ("2020-10-16", "stated")
    assert not any(c.kind == "dateline-partial" for c in result.candidates)


# --- days of a war -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Follow the latest events of the 447th day of the war in Ukraine LIVETEXT on HOTNEWS.RO.", 447),
        ("Day 447 of Russia's invasion of Ukraine: what we know", 447),
        ("Russia-Ukraine war: day 100", 100),
        ("Today is the 100th day of the full-scale invasion.", 100),
        ("Today marks the 1st day of the war in Ukraine.", 1),
        ("Ukraine marks the one thousandth day of the full-scale war.", 1000),
    ],
)
def test_war_day_counts_from_day_one(text: str, number: int) -> None:
    result = extract_date(text)
    assert result.basis == "derived"
    assert result.date == (INVASION + dt.timedelta(days=number - 1)).isoformat()


def test_war_is_recognised_from_the_context() -> None:
    gaza = extract_date("Gaza: the 100th day of the war. Israel continues its operations.")
    assert gaza.date == (dt.date(2023, 10, 7) + dt.timedelta(days=99)).isoformat()
    karabakh = extract_date("On the 20th day of the war in Karabakh, Azerbaijani forces advanced.")
    assert karabakh.date == (dt.date(2020, 9, 27) + dt.timedelta(days=19)).isoformat()


def test_war_day_uses_the_calendar_given() -> None:
    calendar = parse_events(
        textwrap.dedent(
            """\
            - id: test-war
              name: Test war
              kind: war
              place: Ruritania
              url: https://example.org/war
              start: 2011-03-01
              ongoing: true
              counted: default
              day_cues: ['Ruritania']
            """
        )
    )
    result = extract_date("It is the 10th day of the war in Ruritania.", events=calendar)
    assert result.date == "2011-03-10"


def test_a_day_count_that_is_not_a_war_is_ignored() -> None:
    result = extract_date("On the third day of the festival in Bukhara, musicians played.")
    assert result.date is None


# --- ids carrying a timestamp ------------------------------------------------------------


def bytedance_id(moment: dt.datetime) -> int:
    return (int(moment.timestamp()) << 32) | 0x5A3C1234


def test_toutiao_id_decodes_in_beijing_time() -> None:
    moment = dt.datetime(2024, 3, 1, 20, 0, tzinfo=dt.timezone.utc)  # 2 March, 04:00 in Beijing
    text = f"Commentary on Central Asia.\nOriginal article: https://www.toutiao.com/article/{bytedance_id(moment)}/"
    result = extract_date(text)
    assert result.basis == "derived"
    assert result.date == moment.astimezone(BEIJING).date().isoformat() == "2024-03-02"


@pytest.mark.parametrize("form", ["https://www.toutiao.com/a{id}/", "https://m.toutiao.com/group/{id}/", "https://www.toutiao.com/i{id}/"])
def test_toutiao_id_forms(form: str) -> None:
    moment = dt.datetime(2025, 6, 18, 1, 25, 24, tzinfo=dt.timezone.utc)
    result = extract_date("Text.", url=form.format(id=bytedance_id(moment)))
    assert result.date == "2025-06-18"


def test_seed_toutiao_id_arithmetic() -> None:
    assert 7517094387441123876 >> 32 == 1750209924
    assert dt.datetime.fromtimestamp(1750209924, tz=dt.timezone.utc).date() == dt.date(2025, 6, 18)


def test_twitter_status_id() -> None:
    moment = dt.datetime(2022, 1, 6, 9, 6, tzinfo=dt.timezone.utc)
    status = ((int(moment.timestamp() * 1000) - 1288834974657) << 22) | 4095
    result = extract_date("Tokayev's statement.", url=f"https://twitter.com/TokayevKZ/status/{status}")
    assert (result.date, result.basis) == ("2022-01-06", "derived")
    quoted = extract_date(f"Tokayev wrote on X: https://x.com/TokayevKZ/status/{status}")
    assert quoted.date is not None and quoted.date >= "2022-01-06"  # a quoted post: published on or after it


# --- events, weekdays, tense ---------------------------------------------------------------


def test_weekday_anchored_to_the_event() -> None:
    text = (
        "On Friday, Chinese President Xi Jinping met with the leaders of Kazakhstan, Tajikistan, Kyrgyzstan, "
        "Turkmenistan and Uzbekistan.\nThe group's first-ever summit was held in Xi'an, the ancient capital of China."
    )
    result = extract_date(text)
    assert result.basis == "derived"
    assert result.date == "2023-05-20"  # Friday 19 May 2023, reported the next day
    assert day("2023-05-19").weekday() == 4 and "Friday" in result.evidence


def test_past_tense_event_dates_after_it() -> None:
    result = extract_date("In China, a summit of five Central Asian states was held in the city of Xi'an.")
    assert result.basis == "event"
    assert between(result, "2023-05-19", "2023-05-22")


def test_future_tense_event_dates_before_it() -> None:
    result = extract_date("The meetings will be held in the city of Xi'an, where the leaders of the five Central Asian states will gather for the summit.")
    assert result.basis == "event"
    assert result.date is not None and result.date < "2023-05-18"


def test_event_under_way() -> None:
    result = extract_date("The second China-Central Asia Summit is currently being held in Kazakhstan.")
    assert result.basis == "event"
    assert between(result, "2025-06-16", "2025-06-17")


SUMMIT = """\
- id: testville-summit-2024
  name: Testville summit
  kind: summit
  place: Testville, Ruritania
  url: https://example.org/event
  start: 2024-05-18
  end: 2024-05-19
  cues: [['summit', 'Testville']]
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kremlin said that Putin would take part in the summit in Testville.",  # reported speech: future in the past
        "Putin's trip to the summit in Testville, Peskov said, will include talks with the hosts.",  # 'said' is the report's tense
        "President Tokayev is to take part in the summit in Testville, the Akorda said.",
        "Leaders are expected to sign a declaration at the upcoming summit in Testville.",
    ],
)
def test_a_coming_event_dates_the_article_before_it(sentence: str) -> None:
    result = extract_date(sentence, events=parse_events(SUMMIT))
    assert result.date is not None and result.date < "2024-05-18" and result.date_range is not None
    assert result.date_range[1] <= "2024-05-17"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Kremlin said on Tuesday that Putin would take part in the summit in Testville.", "2024-05-14"),  # the Tuesday before
        ("Putin said on Tuesday that the summit in Testville had been a success.", "2024-05-21"),  # the Tuesday after
        ("On Saturday, leaders gathered for the summit in Testville.", "2024-05-19"),  # the Saturday of the summit, reported next day
    ],
)
def test_a_weekday_next_to_an_event_fixes_the_day(sentence: str, expected: str) -> None:
    result = extract_date(sentence, events=parse_events(SUMMIT))
    assert result.date == expected and result.basis == "derived"


def test_a_headline_in_the_present_is_under_way() -> None:
    result = extract_date("Tokayev arrives in Testville for the summit", events=parse_events(SUMMIT))
    assert result.date is not None and "2024-05-18" <= result.date <= "2024-05-19"


def test_recent_event_is_a_few_days_back() -> None:
    result = extract_date("Rahmon scolded Putin at the recent CIS summit in Astana, where Kyrgyz President Sadyr Japarov was also present.")
    assert result.basis == "event"
    assert between(result, "2022-10-15", "2022-10-24")


def test_relative_year_bounds_the_publication_year() -> None:
    text = (
        "Second China-Central Asia summit news: the trade figures are out.\n"
        "Last year, officials met often, and the previous year, the U.S. held the C5+1 summit with Central Asian leaders in New York."
    )
    result = extract_date(text)
    bounds = [c for c in result.candidates if c.kind == "relative-year"]
    assert bounds and bounds[0].earliest == "2025-01-01" and bounds[0].latest == "2025-12-31"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine marks the second anniversary of Russia's full-scale invasion.", "2024-02-24"),
        ("Turkmenistan celebrated the 30th anniversary of its independence with a parade.", "1991-10-27"),
        ("Six months into the full-scale invasion, Kazakhstan keeps its distance from Moscow.", "2022-08-24"),
        ("Two weeks after the Wagner mutiny, Central Asian leaders remain silent.", "2023-07-08"),
        ("Three days before the SCO summit in Samarkand, Xi arrived in Astana.", "2022-09-12"),
    ],
)
def test_anniversaries_and_offsets_from_an_event(text: str, expected: str) -> None:
    result = extract_date(text)
    if expected == "1991-10-27":  # the 30th anniversary
        expected = day(expected).replace(year=2021).isoformat()
    assert (result.date, result.basis) == (expected, "derived")


def test_titles_bound_the_date_from_below() -> None:
    result = extract_date("Former Japanese Prime Minister Fumio Kishida visited Astana.")
    assert any(c.kind == "title" and c.earliest == "2024-10-01" for c in result.candidates)


def test_current_titles_bound_the_date_from_above() -> None:
    present = extract_date("President Nursultan Nazarbayev says Kazakhstan will stay neutral.")
    assert any(c.kind == "title" and c.latest == "2019-03-19" for c in present.candidates)
    narrated = extract_date("In 2015, President Nursultan Nazarbayev won his last election.")
    assert not any(c.latest == "2019-03-19" for c in narrated.candidates)  # a past-tense narration may use the old title
    former = extract_date("Former President Nursultan Nazarbayev says he is retired.")
    assert any(c.kind == "title" and c.earliest == "2019-03-19" for c in former.candidates)
    assert not any(c.latest == "2019-03-19" for c in former.candidates)


# --- windows: the days the evidence allows -------------------------------------------------


def test_a_printed_date_is_exact() -> None:
    result = extract_date("Published: 18 May 2023\nKazakhstan raised fuel prices.")
    assert (result.date, result.date_range, result.precision) == ("2023-05-18", None, "day")


def test_a_past_tense_report_of_a_summit_gives_a_window_after_it() -> None:
    result = extract_date("In China, a summit of five Central Asian states was held in the city of Xi'an.")
    assert result.date_range is not None
    first, last = result.date_range
    assert first <= "2023-05-19" <= result.date <= last and last >= "2023-05-30"
    assert result.precision in ("day", "month")


def test_yesterday_fixes_the_day() -> None:
    result = extract_date("The SCO summit in Samarkand ended yesterday with a joint declaration.")
    assert result.date == "2022-09-17" and result.date_range is None and result.precision == "day"


def test_a_weekday_of_the_event_allows_that_day_or_the_next() -> None:
    text = (
        "On Friday, Chinese President Xi Jinping met with the leaders of Kazakhstan, Tajikistan, Kyrgyzstan, "
        "Turkmenistan and Uzbekistan.\nThe group's first-ever summit was held in Xi'an, the ancient capital of China."
    )
    result = extract_date(text)
    assert (result.date, result.date_range, result.precision) == ("2023-05-20", ("2023-05-19", "2023-05-20"), "day")


def test_an_updated_stamp_is_not_the_publication_date() -> None:
    result = extract_date("Kazakhstan raises fuel prices\nUpdated: 20 May 2023 14:00\nThe government said in 2023 that prices would rise.")
    assert result.basis == "derived" and result.date == "2023-05-20"
    assert result.date_range == ("2023-01-01", "2023-05-20") and result.precision == "year"
    assert any(c.kind == "updated-label" and c.latest == "2023-05-20" for c in result.candidates)


def test_the_window_keeps_only_bounds_the_day_respects() -> None:
    # 'President Tokayev' (since 2019-03-20) narrows nothing here; the printed day stands alone
    result = extract_date("Published: 18 May 2023\nPresident Kassym-Jomart Tokayev said prices would rise.")
    assert result.date_range is None


# --- conflicts -----------------------------------------------------------------------------


def test_publication_line_beats_an_event_reference() -> None:
    result = extract_date("Published: 12 March 2021\nLeaders are preparing for the upcoming SCO summit in Samarkand.")
    assert (result.date, result.basis) == ("2021-03-12", "stated")


def test_id_timestamp_beats_a_present_tense_event() -> None:
    moment = dt.datetime(2025, 6, 18, 1, 25, tzinfo=dt.timezone.utc)
    text = f"The second China-Central Asia Summit is currently being held in Kazakhstan.\nOriginal article: https://www.toutiao.com/article/{bytedance_id(moment)}/"
    result = extract_date(text)
    assert (result.date, result.basis) == ("2025-06-18", "derived")
    assert result.confidence >= 0.85  # the summit ended the day before: within the bound's tolerance, no penalty


def test_contradicted_clue_loses() -> None:
    # a date line at the top says 2019, but the text speaks of the 2022 invasion in the past tense and of 2023
    text = "12.04.2019\nSince the full-scale invasion began, trade rose; in 2023 it reached a record."
    result = extract_date(text)
    assert result.date == "2019-04-12"  # still the only point ...
    assert result.confidence < 0.5  # ... but the bounds it breaks cost it most of its confidence


def test_war_day_beats_a_related_block_date() -> None:
    text = "Galuzin spoke at the Valdai club.\nFollow the 447th day of the war in Ukraine LIVE.\nRead also:\nNews 01.01.2020"
    assert extract_date(text).date == "2023-05-16"


# --- generic properties -------------------------------------------------------------------


def test_no_clue_is_unknown() -> None:
    result = extract_date("Central Asia is a region of great importance. Its states cooperate in many fields.")
    assert (result.date, result.basis, result.evidence, result.confidence) == (None, "unknown", None, 0.0)


def test_empty_text() -> None:
    assert extract_date("").basis == "unknown"


def test_deterministic_and_bounded_evidence() -> None:
    text = Path(paths.SEEDS / "003_f06d5f209ea89d45.txt").read_text(encoding="utf-8")
    first, second = extract_date(text), extract_date(text)
    assert first == second
    assert first.evidence is not None and len(first.evidence) <= 200
    scores = [c.score for c in first.candidates if c.date is not None]
    assert scores == sorted(scores, reverse=True)
    assert first.candidates[0].date == first.date


# --- the five seeds against the hand annotation ------------------------------------------


def gold_entries() -> list[dict]:
    return [dict(e) for e in yamlio.load(GOLD.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("entry", gold_entries(), ids=lambda e: Path(e["file"]).name)
def test_seed_date_inside_annotated_range(entry: dict) -> None:
    text = (paths.ROOT / entry["file"]).read_text(encoding="utf-8")
    result = extract_date(text)
    first, last = (str(d) for d in entry["date_range"])
    assert result.date is not None, result.candidates
    assert first <= result.date <= last, f"{result.date} not in {first}..{last}: {result.evidence}"
    assert result.basis in ("derived", "event")
