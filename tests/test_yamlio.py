import pytest

from scripts import yamlio


def test_duplicate_key_is_an_error_with_both_lines():
    with pytest.raises(yamlio.YamlError) as error:
        yamlio.load("title: a\ndate: 2023-01-01\ntitle: b\n")
    assert error.value.line == 3 and "first on line 1" in error.value.message


def test_impossible_date_is_an_error_with_its_line():
    with pytest.raises(yamlio.YamlError) as error:
        yamlio.load("a: 1\nd: 2023-02-30\n", first_line=2)
    assert error.value.line == 3 and "2023-02-30" in error.value.message


def test_unsafe_tags_are_refused():
    with pytest.raises(yamlio.YamlError):
        yamlio.load('x: !!python/object/apply:os.system ["echo pwned"]\n')


def test_front_matter_split_and_line_numbers():
    fm = yamlio.read_front_matter("---\ntitle: x\nlist:\n  - a\n---\nBody\n")
    assert fm.data["title"] == "x" and fm.body == "Body\n" and fm.body_line == 6
    assert yamlio.line_of(fm.data, "list") == 3


def test_dump_is_deterministic_and_round_trips():
    data = {"b": [1, 2], "a": "x: y", "text": "line one\nline two"}
    assert yamlio.dump(data) == yamlio.dump(dict(data))
    assert yamlio.plain(yamlio.load(yamlio.dump(data))) == data
