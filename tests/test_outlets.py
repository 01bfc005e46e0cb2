"""Outlets credited around the article (datelines, bylines, photo credits) are organisations of it."""

from scripts.extract.document import build_document
from scripts.extract.outlets import credited_outlets, publisher
from scripts.registry import default_registry
from tests.helpers import fixture_registry


def credited(text: str, registry=None) -> list[str]:
    return [c.outlet for c in credited_outlets(build_document(text), registry or fixture_registry())]


def test_wire_datelines_credit_their_agency():
    assert credited("Lavrov to visit Tashkent next week\n\nMOSCOW, April 17. /TASS/. Russia's top diplomat will visit Tashkent.\n") == ["TASS"]
    assert credited("ASTANA, May 5 (Xinhua) -- Kazakhstan will host the summit of the organisation next year.\n") == ["Xinhua"]


def test_photo_credits_and_bylines_credit_agencies():
    text = (
        "Presidents sign a treaty in Astana\n\nBy Reuters\n\n"
        "The presidents signed a treaty on Monday in Astana after two days of talks.\n\n"
        "Presidents at the talksPhoto: Ivan Petrov / TASS\n\n"
        "The treaty enters into force next year, the foreign ministry said.\n"
    )
    assert credited(text) == ["Reuters", "TASS"]


def test_a_name_in_the_text_is_not_a_credit():
    text = "Russia and China met in Astana\n\nThe Kremlin told Reuters that the talks in Astana went well on Monday.\n"
    assert credited(text) == []


def test_a_credit_slot_may_drop_news_agency_and_the_site_name_under_the_headline_counts():
    registry = default_registry()
    assert "Trend News Agency" in credited("Baku and Astana discuss transit\n\nBy Trend\n\nThe sides discussed the Middle Corridor on Monday in Baku.\n", registry)
    doc = build_document(
        "Heart of Asia conference opens in Dushanbe\n\nAT News\n\n"
        "KABUL: The Heart of Asia conference began its ninth session on Monday in Dushanbe.\n"
    )
    assert publisher(doc, registry, None)[0] == "Afghanistan Times"


def test_a_publication_stamp_and_a_page_title_name_their_outlet():
    registry = default_registry()
    stamped = (
        "Agreement signed on the trans-Afghan railway\n\n"
        "ISLAMABAD: An agreement between Pakistan, Uzbekistan and Afghanistan was signed on Tuesday.\n\n"
        "The railway will run through Mazar-i-Sharif and Kabul to Peshawar.\n\n"
        "Published in Kazakhstanskaya Pravda, July 19th, 2023\n"
    )
    assert "Kazakhstanskaya Pravda" in credited(stamped, registry)
    titled = (
        "Tajikistan: the migrant workers come home | Reporter - On Location | DW | 22.04.2015\n"
        "Russia's economic crisis is hitting many of the migrant workers from Central Asia, who are going home.\n"
        "For many years, Jamshed worked on building sites in Russia to support his family in Khujand.\n"
    )
    assert credited(titled, registry) == ["Deutsche Welle"]


def test_a_source_line_of_outlets_a_place_before_an_agency_and_a_logo_credit_them():
    text = (
        "REUTERS.COM Logo\n\nIran and Turkmenistan move to deepen gas cooperation\n\nANKARA-TASS\n\n"
        "The ministers met on Tuesday in Tehran and discussed a gas swap to Turkey via Iran.\n\n"
        "Xinhua/Tass.ru\n"
    )
    assert credited(text) == ["Reuters", "TASS", "Xinhua"]
    no_credit = "Iran and Turkmenistan move to deepen gas cooperation\n\nThe ministers met on Tuesday in Tehran.\n\nTehran/Ashgabat\n"
    assert credited(no_credit) == []


def test_an_outlets_short_name_before_a_verb_of_reporting():
    from scripts.extract.entities import extract_entities
    from tests.helpers import sentences

    registry = default_registry()
    reported = extract_entities(sentences("The army is ready, the minister said in Baku, Trend reports on June 18."), registry)
    assert "Trend News Agency" in reported.organisations
    assert extract_entities(sentences("The Trend continues, analysts say."), registry).organisations == []


def test_a_credit_by_initials_names_the_one_outlet_they_abbreviate():
    text = (
        "Iran and Turkmenistan move to deepen gas cooperation\n\n"
        "The oil minister met the Turkmen foreign minister in Tehran on Tuesday and discussed gas swaps.\n\n"
        "MNA/Shana.ir\n"
    )
    assert credited(text, default_registry()) == ["Mehr News Agency", "Shana"]


def test_a_credit_repeated_on_another_page_is_read_once_per_registry(monkeypatch):
    from scripts.extract import outlets

    runs: list[str] = []
    extract = outlets.extract_entities

    def counted(sentences, registry):
        runs.append(sentences[0].text)
        return extract(sentences, registry)

    monkeypatch.setattr(outlets, "extract_entities", counted)
    page = "Presidents meet in Astana\n\nThe presidents met on Monday in Astana for two days of talks.\n\nPhoto: pool picture via the TASS agency\n"
    first, second = fixture_registry(), fixture_registry()
    assert credited(page, first) == credited(page, first) == ["TASS"]
    assert runs and len(runs) == len(set(runs))  # the second page read nothing again
    assert credited(page, second) == ["TASS"] and len(runs) == 2 * len(set(runs))  # another registry reads afresh
