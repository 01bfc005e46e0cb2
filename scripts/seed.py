"""The seed file format: the only place that reads and names raw articles in ``seeds/``.

A seed is the article as copy-pasted (UTF-8, any line ends), optionally
preceded by a small YAML header of what the contributor knows; its values win
over extraction (schema: ``docs/schemas/seed-header.schema.json``)::

    ---
    outlet: Kun.uz
    url: https://kun.uz/en/news/2024/05/01/...
    date: 2024-05-01
    title: Uzbekistan and Kazakhstan sign ...
    ---
    <the article as copy-pasted>

:func:`read_seed` returns a :class:`Seed` or raises
:class:`~scripts.problems.ProblemsError` naming the file and line of every
problem: a bad name, a link, folder or pipe instead of a file, too many bytes,
not UTF-8, empty, a bad header. ``ingest`` and ``check`` both call it, so they
apply the same rules. Line ``n`` of ``Seed.text`` is line ``n + header_lines``
of the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii

from . import fileio, paths, schemas
from .problems import Problem, ProblemsError

SCHEMA_NAME = "seed-header"
HEADER_KEYS: tuple[str, ...] = ("outlet", "url", "date", "title")
SUFFIX = ".txt"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.txt")
REFERENCE = re.compile(r"seeds/[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.txt")


@dataclass(frozen=True)
class Seed:
    path: Path
    raw: bytes
    text: str  # the article without the header, newlines as \n
    header: dict[str, str] = field(default_factory=dict)  # only outlet, url, date (YYYY-MM-DD), title
    header_lines: int = 0  # lines the header took (both '---' lines included)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


# -- names -----------------------------------------------------------------------


def is_seed_name(name: str) -> bool:
    """True for names a seed may have: ASCII letters, digits, '.', '_', '-', ending in .txt."""
    return NAME.fullmatch(name) is not None


def suggested_name(name: str) -> str:
    """A valid name for a seed named ``name`` ('with space.txt' -> 'with-space.txt')."""
    stem = name[: -len(SUFFIX)] if name.lower().endswith(SUFFIX) else name
    words = re.findall(r"[A-Za-z0-9._]+", anyascii(stem))
    base = "-".join(words).strip("._-")[:120] or "article"
    return f"{base}{SUFFIX}"


def reference(path: Path) -> str | None:
    """``seeds/NAME.txt`` for a validly named file in a ``seeds`` folder (a briefing's link to its seed)."""
    if path.parent.name == "seeds" and is_seed_name(path.name):
        return f"seeds/{path.name}"
    return None


def candidates(directory: Path) -> list[Path]:
    """Everything in ``directory`` that is meant as a seed (named ``*.txt``), valid or not, sorted."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.name.lower().endswith(SUFFIX) and not p.name.startswith("."))


def name_problems(path: Path, file: str) -> list[Problem]:
    if is_seed_name(path.name):
        return []
    shown = schemas.shorten(path.name, 80)
    return [
        Problem(file, 1, f"seed name '{shown}' has characters other than ASCII letters, digits, '.', '_' and '-': "
                f"rename it to {suggested_name(path.name)}")
    ]


# -- text and header -------------------------------------------------------------


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_header(text: str) -> tuple[str, str, int] | None:
    """(header YAML, article, header line count) when ``text`` starts with a '---' header."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]) + "\n", "\n".join(lines[index + 1 :]), index + 1
    return None


def date_problem(value: str, today: dt.date) -> str | None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return f"date {schemas.shorten(value)} is not a real date: fix the day"
    if day > today:
        return f"date {value} is in the future: check the year"
    return None


def parse_header(yaml_text: str, file: str, today: dt.date | None = None) -> dict[str, str]:
    """The header's values as text; raises :class:`ProblemsError` listing every problem."""
    data, problems = schemas.load(yaml_text, SCHEMA_NAME, file, first_line=2, root="the header")
    if data is not None and not isinstance(data, dict):
        raise ProblemsError([Problem(file, 2, "the header must be 'key: value' lines, like:\n"
                                     "---\noutlet: Kun.uz\nurl: https://kun.uz/...\ndate: 2024-05-01\ntitle: ...\n---")])
    header: dict[str, str] = {}
    for key, value in (data or {}).items():
        if key not in HEADER_KEYS or value is None or isinstance(value, (list, dict, bool)):
            continue
        text = value.isoformat() if isinstance(value, dt.date) else " ".join(str(value).split())
        if key == "date" and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            why = date_problem(text, today or dt.date.today())
            if why:
                problems.append(Problem(file, schemas.node_line(data, [key], 2), why, "date"))
                continue
        if text and not any(p.field == key for p in problems):
            header[str(key)] = text
    if problems:
        raise ProblemsError([_as_header_problem(p) for p in problems])
    return header


def _as_header_problem(problem: Problem) -> Problem:
    """Messages about the header say so when they would not otherwise."""
    if problem.field is None and not problem.message.startswith("header"):
        return Problem(problem.file, problem.line, f"header: {problem.message}", problem.field)
    return problem


def max_bytes() -> int:
    """The size limit of a seed file (``x-limits`` of its schema)."""
    return schemas.limits(SCHEMA_NAME).max_bytes


def read_seed(path: Path, today: dt.date | None = None) -> Seed:
    """Read ``path``; raise :class:`ProblemsError` (file and line) when it cannot be used."""
    file = paths.relative(path)
    problems = name_problems(path, file)
    raw, found = fileio.read_regular(path, file, max_bytes(), "a seed")
    if raw is None:
        raise ProblemsError(problems + found)
    decoded, found = fileio.decode_utf8(raw, file, "a seed (the article as UTF-8 text)")
    if decoded is None:
        raise ProblemsError(problems + found)
    text = normalise_newlines(decoded[1:] if decoded.startswith("\ufeff") else decoded)
    if not text.strip():
        raise ProblemsError([*problems, Problem(file, 1, "the seed is empty: paste the article's text into it")])
    parts = split_header(text)
    if parts is None:
        if text.split("\n", 1)[0].rstrip() == "---":
            problems.append(Problem(file, 1, "the header that starts on line 1 is never closed: add a line '---' after it"))
        if problems:
            raise ProblemsError(problems)
        return Seed(path=path, raw=raw, text=text, header={}, header_lines=0)
    yaml_text, article, header_lines = parts
    header: dict[str, str] = {}
    try:
        header = parse_header(yaml_text, file, today)
    except ProblemsError as error:
        problems += error.problems
    if not article.strip():
        problems.append(
            Problem(file, header_lines, "the seed has a header but no article: paste the text after the second '---'")
        )
    if problems:
        raise ProblemsError(problems)
    return Seed(path=path, raw=raw, text=article, header=header, header_lines=header_lines)
