"""The literal prefilter: what every match of a regex must contain, and an index that never
leaves out a regex that matches."""

from __future__ import annotations

import re

import pytest

from scripts.literals import LiteralIndex, conjunction, required_literals


def literals(pattern: str) -> list[set[str]]:
    return [set(r) for r in required_literals(re.compile(pattern, re.IGNORECASE))]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bSCO\b|Shanghai Cooperation", [{"sco", "shanghai cooperation"}]),
        (r"(?<!vice )President (Joe )?Biden", [{"president "}, {"biden"}]),
        (r"Xi['’`]?\s?an", [{"xi"}, {"an"}]),
        (r"(full[- ]scale|large[- ]scale).{0,30}(invasion|war)", [{"large", "scale"}, {"invasion", "war"}]),
        (r"summits?", [{"summit"}]),
        (r"(?<!\d)2015(?!\d)", [{"2015"}]),
        (r"(?:heads? )+of state", [{"head"}, {"of state"}]),
    ],
)
def test_required_literals(pattern: str, expected: list[set[str]]) -> None:
    assert sorted(literals(pattern), key=sorted) == sorted(expected, key=sorted)


@pytest.mark.parametrize("pattern", [r".*", r"\d{4}", r"[A-Z]\w+", r"(a|.)", r"x?"])
def test_no_requirement_when_any_text_may_match(pattern: str) -> None:
    assert literals(pattern) == []


def test_index_keeps_every_key_whose_regexes_match() -> None:
    cues = {
        "sco-2015": [r"\bSCO\b|Shanghai Cooperation", r"summit", r"Ufa"],
        "sco-2016": [r"\bSCO\b|Shanghai Cooperation", r"summit", r"Tashkent"],
        "anything": [r"\d{4}"],
        "xian": [r"summit", r"Xi['’]?an"],
    }
    compiled = {key: [re.compile(p, re.IGNORECASE) for p in patterns] for key, patterns in cues.items()}
    index = LiteralIndex.build((key, conjunction(patterns)) for key, patterns in compiled.items())
    texts = [
        "The SCO summit in UFA opened.",
        "Leaders of the Shanghai Cooperation Organisation met in Tashkent for a summit.",
        "A summit in Xi’an.",
        "Nothing to see here.",
        "Tashkent hosted no summit.",
    ]
    for text in texts:
        matching = {key for key, patterns in compiled.items() if all(p.search(text) for p in patterns)}
        found = index.candidates(text)
        assert matching <= found, text
    assert index.candidates("The SCO summit in UFA opened.") == {"sco-2015", "anything"}
    assert index.candidates("Tashkent hosted no summit.") == {"anything"}
