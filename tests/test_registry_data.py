"""The registry DATA in registry/*.yaml: it loads cleanly and is complete and unambiguous.

These tests check the real files (not fixtures): coverage (every UN member, every
Central Asian head of state since 2010), the spellings the press uses resolving to
the right actor, and the rules that keep matching safe (no common words as short
forms or acronyms, no demonym shared by two countries, well-formed dates).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from scripts import paths, yamlio
from scripts.registry import (
    ORGANISATION_KINDS,
    PERSON_CATEGORIES,
    Registry,
    fold,
    institution_spellings,
    load_registry,
)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _raw(filename: str) -> list[dict]:
    return yamlio.load((paths.REGISTRY / filename).read_text(encoding="utf-8"))


def _explicit(registry: Registry, kind: str):
    """Actors of ``kind`` written in the YAML files (not generated from institutions.yaml)."""
    return [a for a in registry.of_kind(kind) if not a.file.endswith("institutions.yaml")]


# -- loading and size -----------------------------------------------------------


def test_registry_loads_without_problems(registry: Registry) -> None:
    counts = Counter(a.kind for a in registry.actors.values())
    assert counts["country"] >= 190
    assert len(_explicit(registry, "person")) >= 400
    assert len(_explicit(registry, "organisation")) >= 300
    assert 5 <= counts["group"] <= 10


def test_organisation_kinds_are_covered(registry: Registry) -> None:
    kinds = Counter(a.org_kind for a in _explicit(registry, "organisation"))
    assert kinds["outlet"] >= 80
    assert kinds["think-tank"] >= 40
    assert kinds["company"] >= 30
    assert kinds["format"] >= 10
    assert kinds["party"] >= 10
    assert kinds["armed-group"] >= 10
    assert set(kinds) <= set(ORGANISATION_KINDS)


# -- countries ------------------------------------------------------------------

UN_SAMPLE = [
    "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Afghanistan", "Russia",
    "China", "Mongolia", "Iran", "Azerbaijan", "Armenia", "Georgia", "Turkey", "Ukraine", "Belarus",
    "Moldova", "United States", "United Kingdom", "Japan", "South Korea", "North Korea", "India",
    "Pakistan", "Czech Republic", "Vietnam", "Laos", "Syria", "Ivory Coast", "DR Congo",
    "Republic of the Congo", "Eswatini", "Timor-Leste", "Micronesia", "Saint Vincent and the Grenadines",
    "Taiwan", "Kosovo", "Palestine", "Vatican",
]


def test_every_country_has_a_unique_iso_code_and_a_region(registry: Registry) -> None:
    countries = registry.of_kind("country")
    assert len(countries) >= 190
    isos = [c.iso for c in countries]
    assert all(isinstance(i, str) and re.fullmatch(r"[A-Z]{2}", i) for i in isos), isos
    assert len(set(isos)) == len(isos), [i for i, n in Counter(isos).items() if n > 1]
    raw = _raw("countries.yaml")
    assert all(entry.get("region") for entry in raw), [e["name"] for e in raw if not e.get("region")]


@pytest.mark.parametrize("name", UN_SAMPLE)
def test_country_present_under_its_press_name(registry: Registry, name: str) -> None:
    actor = registry.get(name)
    assert actor is not None and actor.kind == "country"


def test_no_historical_or_ambiguous_country_forms(registry: Registry) -> None:
    for form in ("USSR", "Soviet Union", "Soviet", "Turkic", "Slavic", "Central Asian", "Caucasian", "Arab",
                 "Persian", "Korean", "Congolese", "Dominican", "Korea", "Congo", "Guinean Republic"):
        actor = registry.resolve(form)
        assert actor is None or actor.kind != "country", (form, actor and actor.name)
    # Brussels names the EU and NATO as often as Belgium: no country claims it.
    assert all("Brussels" not in c.metonyms for c in registry.of_kind("country"))


def test_demonyms_and_aliases_belong_to_one_country(registry: Registry) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for country in registry.of_kind("country"):
        for form in country.spellings:
            owners[fold(form)].add(country.name)
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert not shared


# -- people ---------------------------------------------------------------------

CENTRAL_ASIAN_HEADS_OF_STATE = {
    "Nursultan Nazarbayev": "Kazakhstan",
    "Kassym-Jomart Tokayev": "Kazakhstan",
    "Kurmanbek Bakiyev": "Kyrgyzstan",
    "Roza Otunbayeva": "Kyrgyzstan",
    "Almazbek Atambayev": "Kyrgyzstan",
    "Sooronbay Jeenbekov": "Kyrgyzstan",
    "Talant Mamytov": "Kyrgyzstan",
    "Sadyr Japarov": "Kyrgyzstan",
    "Emomali Rahmon": "Tajikistan",
    "Gurbanguly Berdimuhamedov": "Turkmenistan",
    "Serdar Berdimuhamedov": "Turkmenistan",
    "Islam Karimov": "Uzbekistan",
    "Shavkat Mirziyoyev": "Uzbekistan",
}


@pytest.mark.parametrize("name,country", sorted(CENTRAL_ASIAN_HEADS_OF_STATE.items()))
def test_central_asian_heads_of_state_since_2010(registry: Registry, name: str, country: str) -> None:
    person = registry.get(name)
    assert person is not None and person.kind == "person"
    assert person.country == country
    assert any(f"President of {country}" in role.title for role in person.roles), person.roles


def test_current_central_asian_presidents_are_in_office(registry: Registry) -> None:
    for name in ("Kassym-Jomart Tokayev", "Sadyr Japarov", "Emomali Rahmon", "Serdar Berdimuhamedov",
                 "Shavkat Mirziyoyev"):
        person = registry.get(name)
        presidencies = [r for r in person.roles if r.title.startswith("President of")]
        assert presidencies and presidencies[-1].end is None, name


def test_every_person_has_a_category_and_a_known_country(registry: Registry) -> None:
    countries = {c.name for c in registry.of_kind("country")}
    for person in registry.of_kind("person"):
        assert person.category in PERSON_CATEGORIES, person.name
        assert person.country is None or person.country in countries, person.name


def test_officials_have_roles(registry: Registry) -> None:
    missing = [p.name for p in registry.of_kind("person") if p.category in ("official", "military") and not p.roles]
    assert not missing


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def test_role_dates_are_well_formed_and_ordered(registry: Registry) -> None:
    for person in registry.of_kind("person"):
        for role in person.roles:
            assert role.title.strip(), person.name
            for value in (role.start, role.end):
                assert value is None or _DATE.match(value), (person.name, role)
            if role.start and role.end:
                assert role.start[:4] <= role.end[:4], (person.name, role)
                assert role.end[:4] <= "2030", (person.name, role)


# Common English words (and surnames that are common words) that must never be a
# short form or an acronym on their own.
COMMON_WORDS = {
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "go", "he", "if", "in", "is",
    "it", "me", "no", "not", "of", "on", "or", "so", "the", "to", "up", "us", "we", "who", "will", "with",
    "all", "any", "art", "bill", "bird", "black", "blank", "bond", "brown", "bush", "car", "care", "cash", "chase",
    "cook", "cooper", "day", "dawn", "fair", "field", "fisher", "ford", "frank", "gates", "grant", "green",
    "grey", "gray", "hall", "hill", "hope", "hunter", "king", "lee", "lemon", "little", "long", "march", "mark",
    "may", "miller", "mint", "moon", "nash", "page", "power", "price", "rats", "report", "rice", "rose", "sage",
    "shell", "small", "smith", "star", "starr", "stone", "sullivan", "sun", "time", "tip", "total", "trend",
    "waltz", "ward", "white", "wood", "young", "kim", "li", "wang", "xi", "hu", "ma", "han", "lin", "lu",
    "zhang", "zhao", "chen", "liu", "sharif", "khan", "aliyev", "berdimuhamedov", "clinton", "singh", "dar",
    "pap", "nsa", "cpc", "pti", "eec", "ec", "ep", "au", "gknb", "kgb", "sa", "ca",
}


def test_no_short_form_is_a_common_word_or_lowercase(registry: Registry) -> None:
    for person in registry.of_kind("person"):
        for short in person.short:
            assert fold(short) not in COMMON_WORDS, (person.name, short)
            assert any(c.isupper() for c in short), (person.name, short)
            assert short[0].isupper() or " " in short or "-" in short, (person.name, short)


def test_no_acronym_is_a_common_word(registry: Registry) -> None:
    for org in registry.of_kind("organisation"):
        for acronym in org.acronyms:
            assert fold(acronym) not in COMMON_WORDS, (org.name, acronym)
            assert any(c.isupper() for c in acronym), (org.name, acronym)


SHARED_SURNAME_EXCEPTIONS = {"japarov"}  # President Sadyr Japarov; ex-premier Akylbek Japarov has no short form


def test_short_forms_are_not_another_persons_surname(registry: Registry) -> None:
    surnames: dict[str, set[str]] = defaultdict(set)
    for person in registry.of_kind("person"):
        surnames[fold(person.name.split()[-1])].add(person.name)
    for person in registry.of_kind("person"):
        for short in person.short:
            others = surnames.get(fold(short), set()) - {person.name}
            if fold(short) in SHARED_SURNAME_EXCEPTIONS:
                continue
            assert not others, (person.name, short, others)


def test_people_sharing_a_surname_have_no_bare_surname_short(registry: Registry) -> None:
    for surname in ("aliyev", "berdimuhamedov", "sharif", "clinton", "bush", "khan", "singh", "sargsyan"):
        assert registry.resolve(surname) is None, surname


# -- resolving the spellings the press uses ----------------------------------------

RESOLVES = {
    "Rakhmon": "Emomali Rahmon",
    "Zhaparov": "Sadyr Japarov",
    "Japarov": "Sadyr Japarov",
    "Tokaev": "Kassym-Jomart Tokayev",
    "Kassym-Zhomart Tokayev": "Kassym-Jomart Tokayev",
    "Mirziyoyev": "Shavkat Mirziyoyev",
    "Mykhailo Galuzin": "Mikhail Galuzin",
    "Anthony Blinken": "Antony Blinken",
    "Sergey Lavrov": "Sergei Lavrov",
    "Zelenskyy": "Volodymyr Zelensky",
    "Gurbanguly Berdymukhamedov": "Gurbanguly Berdimuhamedov",
    "Serdar Berdymukhamedov": "Serdar Berdimuhamedov",
    "the Celestial Empire": "China",
    "the Kremlin": "Russia",
    "Kremlin": "Russia",
    "Nur-Sultan": "Kazakhstan",
    "Akorda": "Kazakhstan",
    "Kirghizia": "Kyrgyzstan",
    "Turkmenia": "Turkmenistan",
    "Tadjikistan": "Tajikistan",
    "Türkiye": "Turkey",
    "Turkiye": "Turkey",
    "the U.S.": "United States",
    "RF": "Russia",
    "PRC": "China",
    "Great Britain": "United Kingdom",
    "Commonwealth of Nations of Independent States": "Commonwealth of Independent States",
    "CIS": "Commonwealth of Independent States",
    "Turkic Council": "Organization of Turkic States",
    "Turkic Union": "Organization of Turkic States",
    "Eurasian Union": "Eurasian Economic Union",
    "EEU": "Eurasian Economic Union",
    "CSTO": "Collective Security Treaty Organization",
    "C5 + 1": "C5+1",
    "One Belt One Road": "Belt and Road Initiative",
    "Middle Corridor": "Trans-Caspian International Transport Route",
    "PMC Wagner": "Wagner Group",
    "ISKP": "Islamic State Khorasan Province",
    "State Department": "US State Department",
    "the Pentagon": "Pentagon",
    "KNB": "National Security Committee of Kazakhstan",
    "Nur Otan": "Amanat",
    "RFE/RL": "Radio Free Europe/Radio Liberty",
    "Espresso TV": "Espreso TV",
    "HOTNEWS.RO": "HotNews.ro",
    "Valdai Club": "Valdai Discussion Club",
    "Central Asian countries": "Central Asian states",
    "Western countries": "the West",
    "Russian Foreign Ministry": "Ministry of Foreign Affairs of Russia",
    "Kazakh Defence Ministry": "Ministry of Defence of Kazakhstan",
    "US Embassy": "Embassy of United States",
}


@pytest.mark.parametrize("form,expected", sorted(RESOLVES.items()))
def test_press_spellings_resolve(registry: Registry, form: str, expected: str) -> None:
    actor = registry.resolve(form)
    assert actor is not None, form
    assert actor.name == expected


def test_ambiguous_forms_name_no_actor(registry: Registry) -> None:
    for form in ("GKNB", "CPC", "IS", "Aliyev", "Xi", "Korean", "Congo", "Brussels", "Trend", "Shell"):
        assert registry.resolve(form) is None, form


# -- groups and institutions ----------------------------------------------------


def test_groups_list_countries(registry: Registry) -> None:
    for group in registry.of_kind("group"):
        assert group.members, group.name
        for member in group.members:
            assert registry.get(member).kind == "country", (group.name, member)
    assert set(registry.get("Central Asian states").members) == {
        "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"}


def test_institution_types_are_well_formed() -> None:
    entries = _raw("institutions.yaml")
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    for entry in entries:
        assert set(entry) <= {"name", "kind", "forms", "note"}, entry["name"]
        assert entry.get("kind", "government") in ORGANISATION_KINDS
        forms = entry["forms"]
        assert forms and forms[0] == entry["name"], entry["name"]
        assert len({fold(f) for f in forms}) == len(forms), entry["name"]
    for required in ("Ministry of Foreign Affairs", "Ministry of Defence", "Ministry of Internal Affairs",
                     "Central Bank", "Embassy", "General Staff", "Armed Forces", "Presidential Administration"):
        assert required in names


def test_explicit_organisations_do_not_duplicate_generated_institutions(registry: Registry) -> None:
    """No organisations.yaml entry may carry a spelling institutions.yaml generates for some country."""
    generated: dict[str, str] = {}
    for entry in _raw("institutions.yaml"):
        for country in registry.of_kind("country"):
            for form in entry["forms"]:
                for spelling in institution_spellings(form, country):
                    generated[fold(spelling)] = f"{entry['name']} of {country.name}"
            generated[fold(f"{entry['name']} of {country.name}")] = f"{entry['name']} of {country.name}"
    clashes = [(org.name, form, generated[fold(form)])
               for org in _explicit(registry, "organisation")
               for form in org.spellings if fold(form) in generated]
    assert not clashes
