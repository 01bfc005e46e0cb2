"""Check briefings against the registry and the seeds: names, dates, seed, file name. Reports every problem.

Reading a briefing file (safe YAML with lines, its JSON Schema, the body) is
:mod:`scripts.briefing`'s; this module adds the cross-checks that need the
registry and the seeds, never raises on bad input, and says for every problem
what is wrong and what would be right.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from . import briefing as briefing_format
from . import fileio, paths, seed as seed_format, yamlio
from .model import Briefing
from .problems import Problem
from .registry import ACTOR_FILES, Registry
from .schemas import node_line, printable, shorten, where
from .suggest import did_you_mean

PLACEHOLDER = briefing_format.PLACEHOLDER
BODY_PLACEHOLDER = re.compile(r"^\s*(?:[-*>]\s+)?TODO\b")
IGNORED_FILES = {"readme.md", ".gitkeep", ".gitignore"}
KIND_OF_FIELD = {"countries": "country", "people": "person", "organisations": "organisation"}
FIELD_OF_KIND = {kind: field for field, kind in KIND_OF_FIELD.items()}
KIND_LABEL = {"country": "country", "person": "person", "organisation": "organisation", "group": "group"}


@lru_cache(maxsize=64)
def _resolved(directory: Path) -> Path:
    """``directory`` resolved, once per process (the root and the seeds folder of every briefing checked)."""
    return directory.resolve()


def display_name(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` (or the repository) when inside it, escaped for a terminal.

    A file is named where it is: its folder resolved (once per folder), then its own name, so a
    symbolic link is shown as the link, never as what it points to."""
    try:
        located = _resolved(path.parent) / path.name
    except OSError:
        return printable(paths.relative(path))
    try:
        shown = located.relative_to(_resolved(root)).as_posix()
    except ValueError:
        shown = located.as_posix() if path.is_symlink() else paths.relative(path)
    return printable(shown)


# -- dates -------------------------------------------------------------------


def real_date_problem(text: str) -> str | None:
    """Why a YYYY-MM-DD string is not a real day, or None when it is one."""
    try:
        dt.date.fromisoformat(text)
        return None
    except ValueError:
        pass
    year, month, day = (int(x) for x in text.split("-"))
    if year < 1:
        return f"'{text}' is not a real date: there is no year 0"
    if not 1 <= month <= 12:
        return f"'{text}' is not a real date: there is no month {month}"
    days = 31 if month == 12 else (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days
    month_name = dt.date(2000, month, 1).strftime("%B")
    return f"'{text}' is not a real date: {month_name} {year} has {days} days"


def date_problems(data: dict[str, Any], file: str, today: dt.date | None = None) -> list[Problem]:
    """A real day, not in the future, and consistent with date_basis."""
    value = data.get("date")
    line = yamlio.line_of(data, "date")
    basis = data.get("date_basis")
    problems = []
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        return []  # the schema check says "a day without a time"
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        why = real_date_problem(value)
        if why:
            return [Problem(file, line, f"{why}: fix the day", "date")]
        day = dt.date.fromisoformat(value)
    if day is not None and day > (today or dt.date.today()):
        problems.append(Problem(file, line, f"date {day.isoformat()} is in the future: check the year", "date"))
    if value is None and "date" in data and basis in ("stated", "derived", "event"):
        problems.append(
            Problem(
                file,
                yamlio.line_of(data, "date_basis"),
                f"date is empty but date_basis is '{basis}': give the date, or set date_basis: unknown",
                "date_basis",
            )
        )
    problems += _date_range_problems(data, day, file)
    if day is not None and basis == "unknown":
        problems.append(
            Problem(
                file,
                yamlio.line_of(data, "date_basis"),
                "date_basis is 'unknown' but a date is given: say how it was found "
                "(stated, derived or event), or set date: null",
                "date_basis",
            )
        )
    return problems


def _date_range_problems(data: dict[str, Any], day: dt.date | None, file: str) -> list[Problem]:
    """date_range holds two real days, earliest first, with the date inside them."""
    window = data.get("date_range")
    if not isinstance(window, list) or len(window) != 2:
        return []  # absent, or the schema check explains its shape
    line = yamlio.line_of(data, "date_range")
    bounds: list[dt.date] = []
    for value in window:
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        why = real_date_problem(text) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) else None
        if why:
            return [Problem(file, line, f"{why}: fix the day", "date_range")]
        if isinstance(value, dt.date):
            bounds.append(value)
        elif re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            bounds.append(dt.date.fromisoformat(text))
    if len(bounds) != 2:
        return []
    low, high = bounds
    if high < low:
        return [Problem(file, line, f"date_range ends ({high}) before it starts ({low}): write the earliest day first",
                        "date_range")]
    if day is not None and not low <= day <= high:
        return [Problem(file, line, f"date {day} is outside date_range [{low}, {high}]: widen the range or fix the date",
                        "date_range")]
    if day is None:
        return [Problem(file, line, "date_range is given but date is empty: give the best day inside it as date",
                        "date_range")]
    return []


# -- registry names ----------------------------------------------------------


def _registry_file(kind: str) -> str:
    return f"registry/{ACTOR_FILES.get(kind, 'people.yaml')}"


def unknown_name_message(name: str, kind: str | None, registry: Registry) -> str:
    """What is wrong with a name the registry does not know as ``kind``, and what would be right."""
    label = KIND_LABEL.get(kind or "", "actor")
    resolved = registry.resolve(name)
    if resolved is not None and (kind is None or resolved.kind == kind or resolved.kind == "group"):
        if resolved.name == name:
            return f"'{name}' is a {KIND_LABEL[resolved.kind]}, not a {label}"
        return f"unknown {label} '{name}' - it is a spelling of '{resolved.name}': use the canonical name"
    if resolved is not None:
        target = FIELD_OF_KIND.get(resolved.kind)
        place = f"put '{resolved.name}' in {target}" if target else f"'{resolved.name}' is a {resolved.kind}"
        if resolved.name == name:
            return f"'{name}' is a {KIND_LABEL[resolved.kind]}, not a {label}: move it to {target}"
        return f"'{name}' is a spelling of '{resolved.name}', a {KIND_LABEL[resolved.kind]}, not a {label}: {place}"
    suggestions = registry.suggest(name, kind)
    if suggestions:
        hint = suggestions[0]
        hinted = registry.get(hint)
        return (
            f"unknown {label} '{name}' - did you mean '{hint}'? use that name, or if '{name}' is another "
            f"spelling of it, add the spelling to the registry's aliases of '{hint}' in "
            f"{_registry_file(hinted.kind if hinted else kind or 'person')}"
        )
    if kind == "country":
        return f"unknown country '{name}': use a country's name as it is in registry/countries.yaml"
    if kind in ("person", "organisation"):
        return (
            f"unknown {label} '{name}': add it to {_registry_file(kind)}, or list it under unregistered "
            f"(name: {name}, kind: {kind})"
        )
    return f"unknown actor '{name}': use a name from registry/ or one listed in this briefing"


def name_problems(data: dict[str, Any], file: str, registry: Registry, skip: frozenset[str] = frozenset()) -> list[Problem]:
    """Every actor named must be canonical in the registry or listed in ``unregistered``.

    Fields in ``skip`` (those whose form the schema already refused) are not looked at.
    """
    unregistered: dict[str, str] = {}
    entries = data.get("unregistered")
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            unregistered[entry["name"]] = str(entry.get("kind"))
    problems: list[Problem] = []
    for field, kind in KIND_OF_FIELD.items():
        names = data.get(field)
        if not isinstance(names, list) or field in skip:
            continue
        for index, name in enumerate(names):
            if not isinstance(name, str) or not name.strip():
                continue  # the schema check reports it
            actor = registry.get(name)
            if actor is not None and actor.kind == kind:
                continue
            if kind != "country" and unregistered.get(name) == kind:
                continue
            line = yamlio.item_line(names, index, yamlio.line_of(data, field))
            problems.append(Problem(file, line, unknown_name_message(name, kind, registry), field))
    if "stance" not in skip:
        problems += _stance_name_problems(data, file, registry, unregistered)
    problems += _unregistered_problems(entries, data, file, registry)
    return problems


def _stance_name_problems(
    data: dict[str, Any], file: str, registry: Registry, unregistered: dict[str, str]
) -> list[Problem]:
    stance = data.get("stance")
    if not isinstance(stance, dict):
        return []
    named: set[str] = set()
    for field in KIND_OF_FIELD:
        values = data.get(field)
        if isinstance(values, list):
            named |= {v for v in values if isinstance(v, str)}
    problems = []
    for key in stance:
        name = str(key)
        line = yamlio.line_of(stance, name)
        actor = registry.get(name)
        if name in unregistered or (actor is not None and actor.kind == "group"):
            continue
        if actor is not None:
            if name not in named:
                target = FIELD_OF_KIND.get(actor.kind, "countries")
                problems.append(
                    Problem(
                        file,
                        line,
                        f"stance of '{name}', but '{name}' is not in {target}: add it there, or drop the stance",
                        "stance",
                    )
                )
            continue
        if name in named:
            continue  # unknown name already reported where it is listed
        problems.append(Problem(file, line, unknown_name_message(name, None, registry), "stance"))
    return problems


def _unregistered_problems(entries: Any, data: dict[str, Any], file: str, registry: Registry) -> list[Problem]:
    if not isinstance(entries, list):
        return []
    problems = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        country = entry.get("country")
        if isinstance(country, str) and country.strip():
            actor = registry.get(country)
            if actor is None or actor.kind != "country":
                message = unknown_name_message(country, "country", registry)
                problems.append(
                    Problem(file, yamlio.line_of(entry, "country"), f"unregistered '{entry.get('name')}': {message}",
                            "unregistered.country")
                )
    return problems


# -- seed ----------------------------------------------------------------------


def seed_problems(data: dict[str, Any], file: str, root: Path = paths.ROOT) -> list[Problem]:
    """The seed is a file in ``root/seeds`` and its SHA-256 is the one recorded."""
    source = data.get("source")
    if not isinstance(source, dict) or not isinstance(source.get("seed"), str):
        return []
    seed = source["seed"]
    line = yamlio.line_of(source, "seed")
    if not seed_format.REFERENCE.fullmatch(seed):
        return []  # the schema check explains the form
    seeds_dir = _resolved(root / "seeds")
    seed_path = seeds_dir / PurePosixPath(seed).name  # the form above: one name in seeds/, no '..'
    if seed_path.is_symlink():
        seed_path = seed_path.resolve()
    if seeds_dir not in seed_path.parents:
        return [Problem(file, line, f"seed '{seed}' leads outside seeds/ (through a link): use a file in seeds/",
                        "source.seed")]
    if not seed_path.is_file():
        names = sorted(p.name for p in seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []
        hint = did_you_mean(PurePosixPath(seed).name, names, cutoff=0.7)
        hint = hint.replace("did you mean '", "did you mean 'seeds/") if hint else ": copy the article there or fix the path"
        return [Problem(file, line, f"seed file '{seed}' does not exist{hint}", "source.seed")]
    recorded = source.get("sha256")
    if isinstance(recorded, str) and re.fullmatch(r"[0-9a-f]{64}", recorded):
        raw, _ = fileio.read_regular(root / seed, seed, seed_format.max_bytes(), "a seed")
        actual = hashlib.sha256(raw).hexdigest() if raw is not None else None
        if actual is not None and actual != recorded:
            return [
                Problem(
                    file,
                    yamlio.line_of(source, "sha256"),
                    f"source.sha256 does not match {seed} (the seed changed after drafting): "
                    f"check the briefing still fits it, then set sha256: {actual}",
                    "source.sha256",
                )
            ]
    return []


# -- placeholders ------------------------------------------------------------


def _strings(value: Any, path: list[Any]) -> list[tuple[list[Any], str]]:
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, [*path, k])]
    if isinstance(value, list):
        return [s for i, v in enumerate(value) for s in _strings(v, [*path, i])]
    return []


def placeholder_problems(data: dict[str, Any], body: str, body_line: int, file: str) -> list[Problem]:
    """Template values ('TODO: ...') left in the front matter or the body."""
    problems = []
    for path, text in _strings(data, []):
        if PLACEHOLDER.match(text):
            problems.append(
                Problem(file, node_line(data, path, 2), f"{where(path)} is still the placeholder "
                        f"'{shorten(text)}': replace it", ".".join(str(p) for p in path) or None)
            )
    for index, line in enumerate(body.split("\n")):
        if BODY_PLACEHOLDER.match(line):
            problems.append(
                Problem(file, body_line + index, f"the text still has the placeholder '{shorten(line)}': replace it")
            )
    return problems


# -- file name ---------------------------------------------------------------


def filename_problems(name: str, data: Any, file: str) -> list[Problem]:
    """The name is ``YYYY-MM-DD-slug.md`` (``undated-slug.md``) and its date is the briefing's."""
    match = briefing_format.FILE_NAME.match(name)
    suggestion = briefing_format.expected_filename(data)
    rename = f": rename it to {suggestion}" if suggestion else ""
    if not match:
        return [
            Problem(
                file,
                1,
                f"file name '{shorten(name, 120)}' is not YYYY-MM-DD-slug.md (the date, then lowercase words joined by '-')"
                + (rename or ", e.g. 2023-05-20-china-central-asia-summit.md"),
            )
        ]
    prefix = match.group("prefix")
    if prefix != "undated":
        why = real_date_problem(prefix)
        if why:
            return [Problem(file, 1, f"file name date {why}{rename}")]
    if not isinstance(data, dict) or "date" not in data:
        return []
    date = data.get("date")
    date_text = date.isoformat() if isinstance(date, dt.date) else date
    if date is None and prefix != "undated":
        return [Problem(file, 1, f"file name starts with {prefix} but date is empty: set date: {prefix}, "
                        f"or rename the file to undated-...md", "date")]
    if (isinstance(date_text, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", date_text)
            and real_date_problem(date_text) is None and date_text != prefix):
        fixed = shorten(name.replace(prefix, date_text, 1), 120)
        return [
            Problem(
                file,
                yamlio.line_of(data, "date"),
                f"file name starts with {prefix} but date is {date_text}: rename the file to {fixed} "
                "(or fix the date)",
                "date",
            )
        ]
    return []


# -- whole files -------------------------------------------------------------


def check_read(read: briefing_format.BriefingText, file: str, registry: Registry, root: Path,
               filename: str | None) -> tuple[Briefing | None, list[Problem]]:
    """The cross-checks of a briefing already read; the briefing when there is no problem."""
    problems = list(read.problems)
    data = read.data
    if filename is not None:
        problems += filename_problems(filename, data, file)
    if data is None:
        return None, sorted(set(problems))
    problems += date_problems(data, file)
    refused = frozenset(p.field.split(".")[0] for p in read.problems if p.field)
    problems += name_problems(data, file, registry, refused)
    problems += seed_problems(data, file, root)
    problems += placeholder_problems(data, read.body, read.body_line, file)
    problems = sorted(set(problems))
    if problems:
        return None, problems
    return briefing_format.from_front_matter(data, read.body), []


def validate_text(
    text: str, file: str, registry: Registry, root: Path = paths.ROOT
) -> tuple[Briefing | None, list[Problem]]:
    """Validate one briefing's text; return the briefing (if valid) and its problems."""
    return check_read(briefing_format.read_text(text, file), file, registry, root, None)


def validate_file(path: Path, registry: Registry, root: Path = paths.ROOT) -> tuple[Briefing | None, list[Problem]]:
    """Validate one briefing file, its name included; never raises on bad content."""
    file = display_name(path, root)
    return check_read(briefing_format.read_file(path, file), file, registry, root, path.name)


def briefing_paths(directory: Path = paths.BRIEFINGS) -> list[Path]:
    return sorted(p for p in directory.glob("*.md") if p.name.lower() != "readme.md")


def stray_files(directory: Path = paths.BRIEFINGS, root: Path = paths.ROOT) -> list[Problem]:
    """Files in the briefings directory that are not briefings (e.g. 'x.markdown', 'x.MD')."""
    problems = []
    for path in sorted(directory.iterdir()) if directory.is_dir() else []:
        if path.name.startswith(".") or path.name.lower() in IGNORED_FILES or path.suffix == ".md":
            continue
        what = "a folder" if path.is_dir() else "not a briefing"
        problems.append(
            Problem(display_name(path, root), 1, f"{what} in {directory.name}/, which holds only YYYY-MM-DD-slug.md "
                    "files: rename it to end in .md, or move it out")
        )
    return problems


def validate_all(
    directory: Path = paths.BRIEFINGS, registry: Registry | None = None, root: Path = paths.ROOT
) -> tuple[list[tuple[Path, Briefing]], list[Problem]]:
    """Validate every briefing in ``directory``; return the good ones and every problem.

    Beyond each file's own problems: two briefings drafted from one seed, and
    temporary files left by an interrupted write.
    """
    from .registry import default_registry

    registry = registry or default_registry()
    good: list[tuple[Path, Briefing]] = []
    problems: list[Problem] = []
    by_seed: dict[str, list[tuple[str, int]]] = {}
    for path in briefing_paths(directory):
        file = display_name(path, root)
        read = briefing_format.read_file(path, file)
        seed = briefing_format.seed_of(read.data)
        if seed is not None:
            by_seed.setdefault(seed, []).append((file, node_line(read.data, ["source", "seed"], 1)))
        briefing, found = check_read(read, file, registry, root, path.name)
        problems += found
        if briefing is not None:
            good.append((path, briefing))
    problems += same_seed_problems(by_seed)
    problems += [
        Problem(display_name(tmp, root), 1, "a temporary file left by an interrupted write: delete it")
        for tmp in fileio.temp_files(directory)
    ]
    return good, sorted(problems)


def same_seed_problems(by_seed: dict[str, list[tuple[str, int]]]) -> list[Problem]:
    """Every briefing but the first of a seed that has several."""
    problems = []
    for seed, files in sorted(by_seed.items()):
        first = files[0][0]
        for file, line in files[1:]:
            problems.append(
                Problem(file, line, f"{seed} already has a briefing, {first}: keep one of them (merge your edits "
                        "into it and delete the other)", "source.seed")
            )
    return problems
