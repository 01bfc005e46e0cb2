"""read_seed: the optional YAML header of a raw article, and every way a seed can be unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.paths import SEEDS
from scripts.problems import ProblemsError
from scripts.seed import HEADER_KEYS, Seed, read_seed

ARTICLE = "Uzbekistan and Kazakhstan signed a treaty.\n\nTashkent welcomed it.\n"
HEADER = """\
---
outlet: Kun.uz
url: https://kun.uz/en/news/2024/05/01/treaty
date: 2024-05-01
title: "Uzbekistan and Kazakhstan sign: a treaty"
---
"""


def write(tmp_path: Path, content: str | bytes, name: str = "seed.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ProblemsError) as raised:
        read_seed(path)
    return [f"{p.line}: {p.field or '-'}: {p.message}" for p in raised.value.problems]


def test_header_is_read_and_removed_from_the_text(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + ARTICLE)
    seed = read_seed(path)
    assert isinstance(seed, Seed)
    assert seed.header == {
        "outlet": "Kun.uz",
        "url": "https://kun.uz/en/news/2024/05/01/treaty",
        "date": "2024-05-01",
        "title": "Uzbekistan and Kazakhstan sign: a treaty",
    }
    assert seed.text == ARTICLE
    assert seed.header_lines == 6
    assert seed.raw == path.read_bytes()
    assert seed.path == path
    # line n of the text is line n + header_lines of the file
    file_lines = path.read_text(encoding="utf-8").split("\n")
    assert file_lines[seed.header_lines + 2] == seed.text.split("\n")[2] == "Tashkent welcomed it."


def test_no_header(tmp_path: Path) -> None:
    seed = read_seed(write(tmp_path, ARTICLE))
    assert (seed.header, seed.header_lines, seed.text) == ({}, 0, ARTICLE)


def test_partial_header_and_blank_values(tmp_path: Path) -> None:
    seed = read_seed(write(tmp_path, "---\noutlet: Kun.uz\nurl:\ntitle: ''\n---\n" + ARTICLE))
    assert seed.header == {"outlet": "Kun.uz"}
    assert seed.header_lines == 5


def test_numbers_are_text_in_title_and_outlet(tmp_path: Path) -> None:
    seed = read_seed(write(tmp_path, "---\ntitle: 1984\noutlet: 24.kg\n---\n" + ARTICLE))
    assert seed.header == {"title": "1984", "outlet": "24.kg"}


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    content = ("\ufeff" + HEADER + ARTICLE).replace("\n", "\r\n").encode("utf-8")
    seed = read_seed(write(tmp_path, content))
    assert seed.header["date"] == "2024-05-01"
    assert seed.text == ARTICLE
    assert "\r" not in seed.text
    assert seed.header_lines == 6
    assert seed.raw == content


def test_lone_cr_is_normalised(tmp_path: Path) -> None:
    assert read_seed(write(tmp_path, "line one\rline two\r")).text == "line one\nline two\n"


def test_not_utf8_names_the_byte(tmp_path: Path) -> None:
    path = write(tmp_path, "First line\nCaf\u00e9 society\n".encode("latin-1"))
    assert problems_of(path) == [
        "2: -: not UTF-8 text: byte 0xe9 at line 2, column 4 (offset 14) cannot be read (it looks like "
        "Windows-1251/1252 or Latin-1); save the file as UTF-8"
    ]


def test_binary(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00")) == [
        "1: -: binary file (it contains NUL bytes), not a seed (the article as UTF-8 text): remove it or save it as text"
    ]


@pytest.mark.parametrize("content", ["", "   \n\n\t\n", "\ufeff\n"])
def test_empty_or_whitespace(tmp_path: Path, content: str) -> None:
    assert problems_of(write(tmp_path, content)) == ["1: -: the seed is empty: paste the article's text into it"]


def test_header_without_article(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, HEADER + "\n  \n")) == [
        "6: -: the seed has a header but no article: paste the text after the second '---'"
    ]


def test_unclosed_header(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "---\noutlet: Kun.uz\n" + ARTICLE)) == [
        "1: -: the header that starts on line 1 is never closed: add a line '---' after it"
    ]


def test_header_yaml_error(tmp_path: Path) -> None:
    path = write(tmp_path, "---\noutlet: Kun.uz\ntitle: Russia: the view\n---\n" + ARTICLE)
    assert problems_of(path) == [
        "3: -: header: YAML syntax error: an unexpected ':' - if a value contains ': ', put it in quotes "
        "(title: \"Russia: a view\"); otherwise the line above may lack its ':' or be indented differently"
    ]


def test_every_header_problem_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "---\nsource: Kun.uz\ndate: 2023-02-30\nurl: kun.uz/en/news\ntitel: Treaty\ntitle: [a, b]\n"
        "outlet: Kun.uz\noutlet: Gazeta.uz\n---\n" + ARTICLE,
    )
    assert problems_of(path) == [
        "2: source: unknown field 'source' - the header has only: outlet, url, date, title",
        "3: date: date 2023-02-30 is not a real date: fix the day",
        "4: url: url must start with http:// or https://: write https://kun.uz/en/news",
        "5: titel: unknown field 'titel' - did you mean 'title'?",
        "6: title: title must be text, got a list",
        "8: outlet: 'outlet' is given twice (first on line 7): keep one - otherwise the second silently replaces "
        "the first",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("date: 1 May 2024", "date must be written YYYY-MM-DD, e.g. 2023-05-20 (or null when unknown), got '1 May 2024'"),
        ("date: 2024-05-01 10:30:00", "date must be a day without a time: write 2024-05-01"),
        ("date: 2024-13-01", "date 2024-13-01 is not a real date: fix the day"),
        ("url: ftp://kun.uz/file", "url must be a web address starting with http:// or https://, got 'ftp://kun.uz/file'"),
        ("url: javascript:alert(1)",
         "url must be a web address starting with http:// or https://, got 'javascript:alert(1)'"),
        ("url: https://kun.uz/a b", "url must be one web address without spaces, got 'https://kun.uz/a b'"),
        ("url: \"https://kun.uz/a'onmouseover='x\"", "url must be a web address starting with http:// or https://, "
         "got 'https://kun.uz/a'onmouseover='x'"),
        ("date: 2999-01-01", "date 2999-01-01 is in the future: check the year"),
        ("title: " + "x" * 301, "title is 301 characters long; the limit is 300: shorten it"),
        ("url: 'https://'", "url must be a web address starting with http:// or https://, got 'https://'"),
    ],
)
def test_bad_dates_and_urls(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path, f"---\n{line}\n---\n" + ARTICLE)
    [problem] = problems_of(path)
    assert problem.split(": ", 2)[2] == message
    assert problem.startswith("2: ")


def test_header_must_be_a_mapping(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "---\n- Kun.uz\n---\n" + ARTICLE))
    assert problem.startswith("2: -: the header must be 'key: value' lines")


def test_problems_name_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "---\ndate: soon\n---\n" + ARTICLE, name="2024-05-01-kun.txt")
    with pytest.raises(ProblemsError) as raised:
        read_seed(path)
    assert raised.value.problems[0].file.endswith("2024-05-01-kun.txt")
    assert str(raised.value.problems[0]).endswith(":2: date: date must be written YYYY-MM-DD, e.g. 2023-05-20 "
                                                  "(or null when unknown), got 'soon'")


def test_header_keys_are_the_documented_ones() -> None:
    assert HEADER_KEYS == ("outlet", "url", "date", "title")


def test_the_archive_seeds_read_without_header() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        seed = read_seed(path)
        assert seed.header_lines == 0 and seed.header == {}
        assert seed.text.strip()
