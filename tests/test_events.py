"""The events calendar: the repository's file loads cleanly; broken files give precise problems."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from scripts import paths
from scripts.events import EVENTS_FILE, Calendar, load_events, main, parse_events
from scripts.problems import ProblemsError

GOOD_EVENT = """\
- id: test-summit-2023
  name: Test summit
  kind: summit
  start: 2023-05-18
  end: 2023-05-19
  cues:
    - ['summit', 'Testville']
  place: Testtown, Ruritania
  url: https://example.org/summit
"""


def problems_of(text: str) -> list:
    with pytest.raises(ProblemsError) as caught:
        parse_events(textwrap.dedent(text), "events.yaml")
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line of ``text`` containing ``needle``."""
    return next(i for i, line in enumerate(textwrap.dedent(text).splitlines(), start=1) if needle in line)


# --- the repository's calendar ----------------------------------------------------------


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    return load_events(EVENTS_FILE)


def test_repository_calendar_loads_without_problems(calendar: Calendar) -> None:
    assert len(calendar) >= 120


def test_every_event_can_be_recognised(calendar: Calendar) -> None:
    for event in calendar:
        assert event.cues or event.since_start or event.since_end or event.until_end or event.ordinal_cue, event.id


def test_calendar_covers_the_region(calendar: Calendar) -> None:
    kinds = {event.kind for event in calendar}
    assert {"summit", "election", "war", "unrest", "term"} <= kinds
    years = {event.start.year for event in calendar if event.kind != "term"}
    assert set(range(2010, 2026)) <= years


@pytest.mark.parametrize(
    ("event_id", "start", "end"),
    [
        ("sco-summit-2022", "2022-09-15", "2022-09-16"),
        ("china-central-asia-summit-2023", "2023-05-18", "2023-05-19"),
        ("china-central-asia-summit-2025", "2025-06-16", "2025-06-17"),
        ("russia-central-asia-summit-2022", "2022-10-14", "2022-10-14"),
        ("c5-plus-1-summit-2023", "2023-09-19", "2023-09-19"),
        ("karimov-death-2016", "2016-09-02", "2016-09-02"),
        ("nazarbayev-resignation-2019", "2019-03-19", "2019-03-19"),
        ("karakalpakstan-unrest-2022", "2022-07-01", "2022-07-02"),
        ("kyrgyz-tajik-border-clashes-2022", "2022-09-14", "2022-09-20"),
        ("second-karabakh-war", "2020-09-27", "2020-11-10"),
        ("wagner-mutiny-2023", "2023-06-23", "2023-06-24"),
    ],
)
def test_key_dates(calendar: Calendar, event_id: str, start: str, end: str) -> None:
    event = calendar.get(event_id)
    assert event is not None
    assert (event.start.isoformat(), event.end.isoformat() if event.end else None) == (start, end)


def test_the_invasion_of_ukraine_is_the_default_counted_war(calendar: Calendar) -> None:
    counted = calendar.counted()
    assert counted[0].id == "russia-ukraine-full-scale-invasion"
    assert counted[0].start == dt.date(2022, 2, 24) and counted[0].end is None
    assert sum(1 for e in counted if e.counted == "default") == 1


def test_ordinals_pick_the_edition(calendar: Calendar) -> None:
    first, second = calendar.get("china-central-asia-summit-2023"), calendar.get("china-central-asia-summit-2025")
    assert first and second
    sentence = "The second China-Central Asia Summit is currently being held in Kazakhstan."
    assert second.match(sentence) and not first.match(sentence)
    sentence = "This China-Central Asia summit, the first of its kind, will bring together the leaders."
    assert first.match(sentence) and not second.match(sentence)


@pytest.mark.parametrize(
    ("sentence", "editions"),
    [
        ("Mirziyoyev will attend the SCO summit in Tashkent.", {"sco-summit-2010", "sco-summit-2016"}),
        ("The leaders of the Organization of Turkic States will meet in Bishkek for their summit.", {"ots-summit-2012", "ots-summit-2024-11"}),
        ("A session of the CSTO Collective Security Council opened in Yerevan.", {"csto-summit-2016", "csto-summit-2022-11"}),
    ],
)
def test_a_summit_named_by_its_place_without_a_year_names_each_edition_held_there(calendar: Calendar, sentence: str, editions: set[str]) -> None:
    # the other clues of the article decide between them (EVENTS.md: alternatives)
    assert editions <= {event.id for event, _ in calendar.named_in(sentence)}


def test_cues_need_every_regex_in_one_sentence(calendar: Calendar) -> None:
    xian = calendar.get("china-central-asia-summit-2023")
    assert xian is not None
    assert xian.match("A summit of five Central Asian states was held in the city of Xi'an.")
    assert not xian.match("The summit was held in Astana.")
    assert not xian.match("Tourists love Xi'an.")


def test_title_phrases_respect_vice_president(calendar: Calendar) -> None:
    biden = calendar.get("biden-presidency")
    assert biden is not None
    assert any(r.search("President Joe Biden said") for r in biden.since_start)
    assert not any(r.search("Vice President Joe Biden said") for r in biden.since_start)


def test_checker_entry_point(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EVENTS_FILE)]) == 0
    assert "events in" in capsys.readouterr().out


# --- broken calendars: one precise problem each ------------------------------------------


def test_a_good_file_parses() -> None:
    calendar = parse_events(GOOD_EVENT)
    assert [e.id for e in calendar] == ["test-summit-2023"]
    assert calendar.events[0].match("The summit in Testville opened.")


def test_impossible_date() -> None:
    text = GOOD_EVENT.replace("start: 2023-05-18", "start: 2023-02-30")
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].line == line_of(text, "start:")
    assert "2023-02-30" in problems[0].message and problems[0].file == "events.yaml"


def test_quoted_bad_date() -> None:
    text = GOOD_EVENT.replace("end: 2023-05-19", "end: '2023-13-01'")
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].line == line_of(text, "end:") and problems[0].field == "end"


def test_end_before_start() -> None:
    text = GOOD_EVENT.replace("end: 2023-05-19", "end: 2023-05-10")
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].line == line_of(text, "end:")
    assert "before start" in problems[0].message


def test_duplicate_id() -> None:
    text = GOOD_EVENT + "\n" + GOOD_EVENT
    problems = problems_of(text)
    assert len(problems) == 1
    second_id_line = [i for i, line in enumerate(text.splitlines(), start=1) if line.startswith("- id:")][1]
    assert problems[0].line == second_id_line
    assert "duplicate id 'test-summit-2023'" in problems[0].message and "line 1" in problems[0].message


def test_invalid_regex_points_at_its_line() -> None:
    text = GOOD_EVENT + textwrap.dedent(
        """\
        - id: broken-cue
          name: Broken
          kind: summit
          place: Testville, Ruritania
          url: https://example.org/broken
          start: 2020-01-01
          cues:
            - ['fine']
            - ['summit (unclosed', 'x']
        """
    )
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].line == line_of(text, "unclosed")
    assert "invalid regular expression" in problems[0].message and problems[0].field == "cues"


def test_doubled_backslash_is_reported() -> None:
    text = GOOD_EVENT.replace("['summit', 'Testville']", "['\\\\bsummit\\\\b', 'Testville']")
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].line == line_of(text, "Testville") and "doubled backslash" in problems[0].message


@pytest.mark.parametrize(
    ("change", "needle", "message"),
    [
        (("kind: summit", "kind: picnic"), "kind:", "kind is 'picnic': use summit"),
        (("  cues:", "  colour: red\n  cues:"), "colour:", "unknown field"),
        (("  name: Test summit\n", ""), "- id:", "missing field 'name'"),
        (("id: test-summit-2023", "id: Test Summit"), "- id:", "lower-case"),
    ],
)
def test_other_shape_problems(change: tuple[str, str], needle: str, message: str) -> None:
    text = GOOD_EVENT.replace(*change)
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].line == line_of(text, needle)
    assert message in problems[0].message


def test_yaml_syntax_error_has_a_line() -> None:
    text = GOOD_EVENT + "- id: x\n  name: [unclosed\n"
    problems = problems_of(text)
    assert len(problems) == 1 and problems[0].line >= 9


def test_load_events_reports_the_file(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(GOOD_EVENT.replace("end: 2023-05-19", "end: 2023-05-01"), encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        load_events(path)
    assert caught.value.problems[0].file == paths.relative(path)
    assert str(caught.value.problems[0]).startswith(f"{paths.relative(path)}:5:")


# --- fast matching: the same events as matching every regex -------------------------------


@pytest.fixture(scope="module")
def large_calendar(calendar: Calendar) -> Calendar:
    from tests.synthetic_calendar import synthetic_events

    return Calendar(calendar.events + parse_events(synthetic_events(600)).events)


def sentences_to_match() -> list[str]:
    from scripts.extract.dates.doc import date_view

    made_up = [
        "The SCO summit in Astana opened on Thursday with leaders of ten states.",
        "Putin arrived in Dushanbe on a state visit in 2019.",
        "The second China-Central Asia Summit is currently being held in Kazakhstan.",
        "At the 22nd meeting of the SCO Council of Heads of State, Xi spoke first.",
        "Tokayev won the snap presidential election in Kazakhstan in 2022.",
        "President Joe Biden met the C5+1 leaders in New York.",
        "Nothing here names an event.",
    ]
    seeds = [s.text for path in sorted(paths.SEEDS.glob("*.txt")) for s in date_view(path.read_text(encoding="utf-8")).sentences]
    return made_up + seeds


def test_indexed_matching_finds_exactly_what_every_regex_finds(large_calendar: Calendar) -> None:
    for sentence in sentences_to_match():
        expected = [(e.id, m.span()) for e in large_calendar for m in [e.match(sentence)] if m is not None]
        assert [(e.id, m.span()) for e, m in large_calendar.named_in(sentence)] == expected, sentence


def test_phrase_index_keeps_every_event_whose_title_phrase_occurs(large_calendar: Calendar) -> None:
    text = "\n".join(sentences_to_match())
    for event in large_calendar:
        if any(r.search(text) for r in (*event.since_start, *event.since_end, *event.until_end)):
            assert event in large_calendar.with_phrases_in(text), event.id
    assert len(large_calendar.with_phrases_in("No titles here.")) < 5


@pytest.mark.parametrize(
    ("sentence", "event_id"),
    [
        ("В Ашхабаде отметили 30-летие нейтралитета Туркменистана.", "turkmenistan-neutrality-1995"),
        ("O‘zbekiston mustaqilligining 30 yilligi keng nishonlandi.", "uzbekistan-independence-1991"),
        ("Тәуелсіздіктің 30 жылдығы: Қазақстан мерекені атап өтті.", "kazakhstan-independence-1991"),
        ("Таджикистан отмечает День независимости.", "tajikistan-independence-1991"),
    ],
)
def test_founding_events_are_named_in_the_region_s_languages(calendar: Calendar, sentence: str, event_id: str) -> None:
    assert event_id in {event.id for event, _ in calendar.named_in(sentence)}


def test_a_border_treaty_needs_both_countries_and_a_treaty_on_the_border(calendar: Calendar) -> None:
    treaty = "kyrgyz-tajik-border-treaty-2025"
    assert treaty in {e.id for e, _ in calendar.named_in("Kyrgyzstan and Tajikistan signed a treaty on the state border in Bishkek.")}
    unrelated = "When I said we are ready to sign an agreement with the EU, I was told it has no common border with Kyrgyzstan."
    assert treaty not in {e.id for e, _ in calendar.named_in(unrelated)}


@pytest.mark.parametrize(
    ("sentence", "editions"),
    [
        ("21-iyul kuni Cho‘lponotada Markaziy Osiyo davlatlari rahbarlarining Maslahat uchrashuvi bo‘lib o‘tadi.", {"central-asia-consultative-meeting-2022"}),
        ("В Душанбе прошла Консультативная встреча глав государств Центральной Азии.", {"central-asia-consultative-meeting-2023"}),
        ("The Consultative Meeting in Astana gathered the five presidents.", {"central-asia-consultative-meeting-2018", "central-asia-consultative-meeting-2024"}),
        ("Azerbaijan seeks to join the region's Consultative Meeting format, as agreed in November.", set()),
    ],
)
def test_consultative_meetings_are_named_by_place_or_year_in_the_region_s_languages(calendar: Calendar, sentence: str, editions: set[str]) -> None:
    named = {e.id for e, _ in calendar.named_in(sentence) if e.id.startswith("central-asia-consultative")}
    assert named == editions


def test_an_article_read_once_names_in_each_sentence_what_each_sentence_read_alone_names(large_calendar: Calendar) -> None:
    sentences = sentences_to_match() + ["Die Ukraine-Krise, the U.S. sanctions (9/11) and 47.6% of votes: Nur-Sultan's SCO summit."]
    named = large_calendar.named_in_sentences(sentences)
    assert [[(e.id, m.span()) for e, m in found] for found in named] == [
        [(e.id, m.span()) for e, m in large_calendar.named_in(sentence)] for sentence in sentences]
    assert any(named), "the sentences name some events"


def test_the_article_scan_keeps_the_literal_index_candidates_of_each_part(large_calendar: Calendar) -> None:
    from scripts import cuescan

    index = large_calendar._naming_index
    parts = sentences_to_match() + ["Nothing", "'s 3 rk b-2 9 may, u.k. + % eu xi"]
    among = index.relevant("\n".join(parts))
    scanner = cuescan.Scanner.of(index)
    assert cuescan.candidates_by_part(scanner, parts) == [index.candidates(part, among) for part in parts]
    for part in parts:
        assert scanner.present(part.lower()) == index.present(part.lower())
        assert cuescan.candidates(scanner, part) == index.candidates(part)
