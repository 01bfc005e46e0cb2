"""``new``: write a briefing by hand from a template.

``python -m scripts new --title T --date YYYY-MM-DD --url URL --outlet NAME``
writes ``briefings/YYYY-MM-DD-slug.md`` and prints its path. Flags not given
are asked for on a terminal (never when standard input is not one); what is
still unknown becomes an obvious ``TODO: ...`` placeholder that ``check``
rejects until a person replaces it. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from . import paths
from .problems import Problem, ProblemsError
from .slugs import slugify
from .write import SCHEMA_COMMENT

PLACEHOLDER_SLUG = "new-briefing"


def quote(value: str | None) -> str:
    """A YAML scalar for ``value``: JSON's double-quoted string is valid YAML."""
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def check_date(value: str) -> str:
    """``value`` as YYYY-MM-DD, or :class:`ValueError` saying what would be right."""
    text = value.strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValueError(f"--date must be YYYY-MM-DD, e.g. 2024-05-01, got '{value}'")
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--date {text} is not a real date") from None
    return text


def check_url(value: str) -> str:
    text = value.strip()
    parts = urlsplit(text)
    if re.search(r"\s", text) or parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"--url must start with http:// or https://, got '{value}'")
    return text


def render_template(title: str | None, date: str | None, url: str | None, outlet: str | None) -> str:
    """The briefing file: front matter with comments, then the body's sections."""
    basis = "stated" if date else "unknown"
    evidence = quote("TODO: the words in the article that give the date, e.g. its dateline") if date else "null"
    lines = [
        "---",
        SCHEMA_COMMENT.rstrip("\n"),
        "# Written by hand (python -m scripts new). Replace every TODO, then run: python -m scripts check",
        f"title: {quote(title or 'TODO: the headline of the article')}",
        f"date: {date or 'null'}  # YYYY-MM-DD, or null when the article gives no clue",
        f"date_basis: {basis}  # stated | derived | event | unknown (see CONTRIBUTING.md)",
        f"date_evidence: {evidence}",
        "source:",
        f"  outlet: {quote(outlet)}",
        f"  url: {quote(url)}",
        "  seed: null  # no raw article in seeds/: the text is below",
        "  sha256: null",
        "countries: []  # canonical names from registry/countries.yaml, e.g. [Kazakhstan, China]",
        "people: []  # canonical names from registry/people.yaml",
        "organisations: []  # canonical names from registry/organisations.yaml",
        "stance: {}  # the article's attitude to its main actors, e.g. {Russia: critical, China: neutral}",
        f"thesis: {quote('TODO: one sentence - what the article argues')}",
        f"summary: {quote('TODO: two or three sentences - what the article says')}",
        "reviewed: false  # set to true once someone has checked it against the article",
        "---",
        "",
        "## Summary",
        "",
        "TODO: the summary again, as a paragraph.",
        "",
        "## Key points",
        "",
        "- TODO: the main points, one per line (delete this section if there are none)",
        "",
        "## Article",
        "",
        "TODO: paste the article's text here, without the page's menus, share buttons or 'Read also' lists.",
        "",
    ]
    return "\n".join(lines)


def target_path(directory: Path, title: str | None, date: str | None) -> Path:
    slug = slugify(title, max_length=50) if title else PLACEHOLDER_SLUG
    return directory / f"{date or 'undated'}-{slug}.md"


def _ask(label: str, current: str | None, interactive: bool) -> str | None:
    if current is not None or not interactive:
        return current
    try:
        answer = input(f"{label} (leave empty if unknown): ").strip()
    except EOFError:
        return None
    return answer or None


def _checked(value: str | None, check: Callable[[str], str]) -> str | None:
    return check(value) if value is not None and value.strip() else None


def create_briefing(
    directory: Path,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Path:
    """Write a new briefing from the template and return its path.

    Raises :class:`ValueError` for a bad date or URL and :class:`ProblemsError`
    when the file already exists (it is left as it was).
    """
    date = _checked(date, check_date)
    url = _checked(url, check_url)
    title = " ".join(title.split()) if title and title.strip() else None
    outlet = " ".join(outlet.split()) if outlet and outlet.strip() else None
    path = target_path(directory, title, date)
    directory.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(render_template(title, date, url, outlet))
    except FileExistsError:
        raise ProblemsError(
            [Problem(paths.relative(path), 1, "already exists and was not changed: edit it, or choose another "
                     "--title or --date")]
        ) from None
    return path


def run_new(args: argparse.Namespace) -> int:
    """The ``new`` command: prints the path of the briefing written."""
    interactive = sys.stdin.isatty() and not getattr(args, "no_input", False)
    title = _ask("Title", args.title, interactive)
    date = _ask("Date, YYYY-MM-DD", args.date, interactive)
    url = _ask("URL", args.url, interactive)
    outlet = _ask("Outlet", args.outlet, interactive)
    directory = Path(args.briefings) if getattr(args, "briefings", None) else paths.BRIEFINGS
    try:
        path = create_briefing(directory, title, date, url, outlet)
    except ValueError as error:
        print(f"error: {error}; nothing was written.", file=sys.stderr)
        return 2
    print(paths.relative(path))
    if not date:
        print("note: no date yet; once you set one, rename the file to YYYY-MM-DD-...md (check will remind you)",
              file=sys.stderr)
    print("next: replace every TODO in it, then run: python -m scripts check", file=sys.stderr)
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", help="the article's headline")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="publication date")
    parser.add_argument("--url", help="address of the original article (http:// or https://)")
    parser.add_argument("--outlet", help="who published it, e.g. Kun.uz")
    parser.add_argument("--briefings", metavar="DIR", help="briefing directory (default: briefings/)")
    parser.add_argument("--no-input", action="store_true", help="never ask; leave placeholders for what is missing")
