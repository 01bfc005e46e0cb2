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
import sys
from pathlib import Path

from . import briefing as briefing_format
from . import paths, schemas
from . import seed as seed_format
from .problems import Problem, ProblemsError

PLACEHOLDER_SLUG = "new-briefing"


def flag_problems(title: str | None, date: str | None, url: str | None, outlet: str | None) -> list[str]:
    """What is wrong with the flags: the rules of a seed's header (one schema), plus a real, past date."""
    given = {"title": title, "date": date, "url": url, "outlet": outlet}
    data = {key: value for key, value in given.items() if value is not None}
    messages = [f"--{p.message}" for p in schemas.problems(data, seed_format.SCHEMA_NAME, "flags")]
    if date and not any(m.startswith("--date") for m in messages):
        why = seed_format.date_problem(date, dt.date.today())
        messages += [f"--{why}"] if why else []
    return messages


def target_path(directory: Path, title: str | None, date: str | None) -> Path:
    return directory / briefing_format.filename_for(date, title or PLACEHOLDER_SLUG)


def _ask(label: str, current: str | None, interactive: bool) -> str | None:
    if current is not None or not interactive:
        return current
    try:
        answer = input(f"{label} (leave empty if unknown): ").strip()
    except EOFError:
        return None
    return answer or None


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
    date = date.strip() if date and date.strip() else None
    url = url.strip() if url and url.strip() else None
    title = " ".join(title.split()) if title and title.strip() else None
    outlet = " ".join(outlet.split()) if outlet and outlet.strip() else None
    problems = flag_problems(title, date, url, outlet)
    if problems:
        raise ValueError("; ".join(problems))
    path = target_path(directory, title, date)
    directory.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(briefing_format.template(title, date, url, outlet))
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
