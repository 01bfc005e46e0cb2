"""Read a raw article from ``seeds/``, with its optional header of what the contributor knows.

A seed may start with a small YAML header; its values win over extraction::

    ---
    outlet: Kun.uz
    url: https://kun.uz/en/news/2024/05/01/...
    date: 2024-05-01
    title: Uzbekistan and Kazakhstan sign ...
    ---
    <the article as copy-pasted>

:func:`read_seed` returns the article text without the header (newlines
normalised to ``\\n``, a UTF-8 byte-order mark dropped) and the header as
strings, or raises :class:`ProblemsError` naming the file and line of every
problem. Line ``n`` of ``Seed.text`` is line ``n + header_lines`` of the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import paths, yamlio, yamllines
from .problems import Problem, ProblemsError

HEADER_KEYS: tuple[str, ...] = ("outlet", "url", "date", "title")
HEADER_EXAMPLE = "---\noutlet: Kun.uz\nurl: https://kun.uz/...\ndate: 2024-05-01\ntitle: ...\n---"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Seed:
    path: Path
    raw: bytes
    text: str  # the article without the header, newlines as \n
    header: dict[str, str] = field(default_factory=dict)  # only outlet, url, date (YYYY-MM-DD), title
    header_lines: int = 0  # lines the header took (both '---' lines included)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_seed(raw: bytes, file: str) -> str:
    """The seed's text; raises :class:`ProblemsError` for binary or non-UTF-8 bytes."""
    if b"\x00" in raw:
        raise ProblemsError([Problem(file, 1, "binary file (it contains NUL bytes): a seed is the article as UTF-8 text")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start]
        raise ProblemsError(
            [
                Problem(
                    file,
                    line,
                    f"not UTF-8 text: byte 0x{byte:02x} at line {line}, column {column} (offset {error.start}) "
                    "cannot be read; save the article as UTF-8",
                )
            ]
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def split_header(text: str) -> tuple[str, str, int] | None:
    """(header YAML, article, header line count) when ``text`` starts with a '---' header."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]) + "\n", "\n".join(lines[index + 1 :]), index + 1
    return None


def _date_value(value: object, file: str, line: int) -> tuple[str | None, list[Problem]]:
    if isinstance(value, dt.datetime):
        return None, [Problem(file, line, f"date must be a day without a time: write {value.date().isoformat()}", "date")]
    if isinstance(value, dt.date):
        return value.isoformat(), []
    text = str(value).strip()
    if _DATE.fullmatch(text):
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            return None, [Problem(file, line, f"date {text} is not a real date: fix the day", "date")]
        return text, []
    return None, [Problem(file, line, f"date must be written YYYY-MM-DD, e.g. 2024-05-01, got '{text}'", "date")]


def _url_value(value: object, file: str, line: int) -> tuple[str | None, list[Problem]]:
    text = str(value).strip()
    parts = urlsplit(text) if not re.search(r"\s", text) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        hint = f": write https://{text}" if re.match(r"^[a-z0-9.-]+\.[a-z]{2,}(/|$)", text, re.I) else ""
        return None, [
            Problem(file, line, f"url must be a web address starting with http:// or https://, got '{text}'{hint}", "url")
        ]
    return text, []


def _text_value(key: str, value: object, file: str, line: int) -> tuple[str | None, list[Problem]]:
    if isinstance(value, (list, dict, bool)):
        got = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else str(value).lower()
        return None, [Problem(file, line, f"{key} must be text, got {got}", key)]
    text = " ".join(str(value).split())
    if not text:
        return None, []
    return text, []


def parse_header(yaml_text: str, file: str) -> dict[str, str]:
    """Check and convert the header's YAML; raises :class:`ProblemsError` listing every problem."""
    try:
        loaded = yamllines.load(yaml_text, first_line=2)
    except yamlio.YamlError as error:
        raise ProblemsError([Problem(file, error.line or 2, f"header: {error.message}")]) from None
    problems = [
        Problem(file, d.line, f"header gives '{d.key}' twice (first on line {d.first_line}): keep one", d.key)
        for d in loaded.duplicates
    ]
    data = loaded.data
    if data is None:
        if problems:
            raise ProblemsError(problems)
        return {}
    if not isinstance(data, dict):
        raise ProblemsError([Problem(file, 2, f"the header must be 'key: value' lines, like:\n{HEADER_EXAMPLE}")])
    header: dict[str, str] = {}
    for key, value in data.items():
        line = yamlio.line_of(data, str(key), 2)
        if key not in HEADER_KEYS:
            close = difflib.get_close_matches(str(key).casefold(), HEADER_KEYS, n=1, cutoff=0.6)
            hint = f" - did you mean '{close[0]}'?" if close else ""
            problems.append(
                Problem(file, line, f"unknown header key '{key}'{hint} (a header has only {', '.join(HEADER_KEYS)})",
                        str(key))
            )
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            continue  # left blank: unknown, extraction decides
        if key == "date":
            converted, found = _date_value(value, file, line)
        elif key == "url":
            converted, found = _url_value(value, file, line)
        else:
            converted, found = _text_value(str(key), value, file, line)
        problems += found
        if converted is not None:
            header[str(key)] = converted
    if problems:
        raise ProblemsError(problems)
    return header


def read_seed(path: Path) -> Seed:
    """Read ``path``; raise :class:`ProblemsError` (file and line) when it cannot be used."""
    file = paths.relative(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProblemsError([Problem(file, 1, f"cannot be read: {error.strerror or error}")]) from None
    text = normalise_newlines(decode_seed(raw, file))
    if not text.strip():
        raise ProblemsError([Problem(file, 1, "the seed is empty: paste the article's text into it")])
    parts = split_header(text)
    if parts is None:
        if text.split("\n", 1)[0].rstrip() == "---":
            raise ProblemsError(
                [Problem(file, 1, "the header that starts on line 1 is never closed: add a line '---' after it")]
            )
        return Seed(path=path, raw=raw, text=text, header={}, header_lines=0)
    yaml_text, article, header_lines = parts
    header = parse_header(yaml_text, file)
    if not article.strip():
        raise ProblemsError(
            [Problem(file, header_lines, "the seed has a header but no article: paste the text after the second '---'")]
        )
    return Seed(path=path, raw=raw, text=article, header=header, header_lines=header_lines)
