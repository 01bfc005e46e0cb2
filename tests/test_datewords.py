"""The date word lists (scripts/datewords.yaml): complete, consistent, one meaning per word."""

from __future__ import annotations

from scripts import datewords, yamlio


def test_every_language_names_twelve_months() -> None:
    data = yamlio.load(datewords.WORDS_FILE.read_text(encoding="utf-8"))
    for language, rows in data["months"].items():
        assert len(rows) == 12, language
        assert all(rows) and all(word == word.lower() for row in rows for word in row), language


def test_a_month_word_means_one_month_in_every_language() -> None:
    data = yamlio.load(datewords.WORDS_FILE.read_text(encoding="utf-8"))
    meanings: dict[str, set[int]] = {}
    for rows in data["months"].values():
        for number, row in enumerate(rows, start=1):
            for word in row:
                meanings.setdefault(word, set()).add(number)
    assert {word: numbers for word, numbers in meanings.items() if len(numbers) > 1} == {}
    assert datewords.MONTHS["мая"] == datewords.MONTHS["may"] == 5 and datewords.MONTHS["sept"] == 9


def test_weekdays_start_on_monday_as_python_does() -> None:
    assert [datewords.WEEKDAYS[name] for name in datewords.WEEKDAY_NAMES] == list(range(7))
    assert datewords.WEEKDAYS["thurs"] == 3 and datewords.WEEKDAY_NAMES[0] == "monday"


def test_number_words() -> None:
    assert datewords.ORDINALS["twenty-first"] == 21 and datewords.ORDINALS["hundredth"] == 100
    assert datewords.CARDINALS["a"] == 1 and datewords.CARDINALS["twenty-five"] == 25
    assert datewords.EDITION_WORDS["inaugural"] == 1
    assert not set(datewords.ORDINALS) & set(datewords.EDITION_WORDS)
