"""Validate briefings: schema, registry names, seed, dates, file name. Reports every problem.

``check`` reads every briefing, collects every problem with file, line and
field, says what is wrong and what would be right, and never raises on bad
input (binary files, wrong encodings, broken YAML...). Messages from
jsonschema are translated into plain language here.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema

from . import paths, yamlio, yamllines
from .model import Briefing, briefing_from_front_matter
from .problems import Problem
from .registry import ACTOR_FILES, Registry
from .slugs import slugify

FILE_NAME = re.compile(r"^(?P<prefix>[0-9]{4}-[0-9]{2}-[0-9]{2}|undated)-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
PLACEHOLDER = re.compile(r"^\s*TODO\b")
BODY_PLACEHOLDER = re.compile(r"^\s*(?:[-*>]\s+)?TODO\b")
IGNORED_FILES = {"readme.md", ".gitkeep", ".gitignore"}
KIND_OF_FIELD = {"countries": "country", "people": "person", "organisations": "organisation"}
FIELD_OF_KIND = {kind: field for field, kind in KIND_OF_FIELD.items()}
KIND_LABEL = {"country": "country", "person": "person", "organisation": "organisation", "group": "group"}

# What a missing field should look like (said in "missing field" messages).
FIELD_EXAMPLES: dict[str, str] = {
    "title": 'title: "the headline of the article"',
    "date": "date: 2023-05-20   (or date: null when the text gives no clue)",
    "date_basis": "date_basis: stated   (stated, derived, event or unknown)",
    "date_evidence": 'date_evidence: "the clue in the text"   (or null)',
    "source": "source: with outlet, url, seed and sha256 under it (null when unknown)",
    "countries": "countries: [Russia, China]   (or [] for none)",
    "people": "people: [Vladimir Putin]   (or [])",
    "organisations": "organisations: [CSTO]   (or [])",
    "stance": "stance: {Russia: critical}   (or {})",
    "thesis": 'thesis: "one sentence: what the article argues"',
    "summary": 'summary: "two or three sentences"',
    "outlet": "outlet: Kun.uz   (or null)",
    "url": "url: https://...   (or null)",
    "seed": "seed: seeds/NAME.txt   (or null for a briefing written by hand)",
    "sha256": "sha256: null   (ingest fills it in)",
    "name": 'name: "the name as printed"',
    "kind": "kind: person   (or organisation)",
}
TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping (field: value lines)",
    "boolean": "true or false",
    "null": "empty (null)",
    "integer": "a whole number",
    "number": "a number",
}


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(paths.SCHEMA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def schema_validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


# -- small helpers -----------------------------------------------------------


def describe(value: Any) -> str:
    """How a person would name what they wrote: 'a number', 'a list', "'neutrall'"."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"a date ({value.isoformat()})"
    if isinstance(value, bytes):
        return "binary data (a !!binary tag)"
    return f"'{shorten(str(value), 80)}'"


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes (no terminal tricks from file names)."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def shorten(text: str, limit: int = 40) -> str:
    """One line of at most ``limit`` characters, for quoting a value in a message."""
    text = printable(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def or_list(words: list[str] | tuple[str, ...]) -> str:
    """'a, b or c'."""
    words = [str(w) for w in words]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def did_you_mean(word: str, choices: list[str] | tuple[str, ...], cutoff: float = 0.6) -> str:
    """" - did you mean 'x'?" or ''."""
    close = difflib.get_close_matches(str(word).casefold(), [c.casefold() for c in choices], n=1, cutoff=cutoff)
    if not close:
        return ""
    original = next(c for c in choices if c.casefold() == close[0])
    return f" - did you mean '{original}'?"


def display_name(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` (or the repository) when inside it."""
    try:
        shown = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = paths.relative(path)
    if path.is_symlink():
        shown = (path.parent.resolve() / path.name).as_posix()
        try:
            shown = (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return printable(shown)


def _node_line(data: Any, path: list[Any], default: int) -> int:
    """Best line for a path into loaded front matter (keys and list items)."""
    line = default
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            line = yamlio.line_of(node, str(part), line)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            line = yamllines.item_line(node, part, line)
            node = node[part]
        else:
            break
    return line


def _field_label(path: list[Any]) -> str | None:
    return ".".join(str(p) for p in path) or None


def _where(path: list[Any]) -> str:
    """Plain words for a place in the front matter: "stance of 'Russia'", 'countries item 2'."""
    if len(path) == 2 and path[0] == "stance":
        return f"stance of '{path[1]}'"
    words = []
    for part in path:
        if isinstance(part, int):
            words.append(f"item {part + 1}")
        else:
            words.append(("." if words and not words[-1].startswith("item") else "") + str(part))
    return " ".join(words).replace(" .", ".").strip(".") or "the front matter"


# -- schema ------------------------------------------------------------------


def _pattern_message(path: list[Any], value: str) -> str:
    """What a string that fails its pattern should look like."""
    name = path[-1] if path else ""
    where = _where(path)
    if name == "date":
        if re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]", value):
            return f"date must be a day without a time: write {value[:10]}"
        return f"date must be written YYYY-MM-DD, e.g. 2023-05-20 (or null when unknown), got '{value}'"
    if name == "url":
        if re.search(r"\s", value.strip()):
            return f"{where} must be one web address without spaces, got '{value}'"
        if re.match(r"^[a-z0-9.-]+\.[a-z]{2,}(/|$)", value, re.IGNORECASE):
            return f"{where} must start with http:// or https://: write https://{value}"
        return f"{where} must be a web address starting with http:// or https://, got '{value}'"
    if name == "seed":
        return f"{where} must be a file directly in seeds/, like seeds/2024-05-01-kun-uz.txt, got '{value}'"
    if name == "sha256":
        return f"{where} must be the seed file's SHA-256 (64 lowercase hex characters) or null, got '{value}'"
    if name == "draft_sha256":
        return "draft_sha256 is written by ingest: delete this line rather than editing it"
    return f"{where} has the wrong form: '{value}'"


def _type_message(path: list[Any], expected: Any, value: Any) -> str:
    expected = [expected] if isinstance(expected, str) else list(expected)
    words = or_list([TYPE_WORDS.get(t, t) for t in expected])
    where = _where(path)
    message = f"{where} must be {words}, got {describe(value)}"
    if "string" in expected and isinstance(value, (int, float, bool, dt.date)) and not isinstance(value, list):
        message += f" - put it in quotes: \"{value if not isinstance(value, bool) else str(value).lower()}\""
    if path and path[-1] in KIND_OF_FIELD and isinstance(value, str):
        message = f"{where} must be a list of names, got {describe(value)} - write {path[-1]}: [{value}]"
    return message


def _one_of_message(error: jsonschema.ValidationError, path: list[Any]) -> str:
    """date, url, seed and sha256 are 'text of a given form, or null'."""
    value = error.instance
    if isinstance(value, str):
        for sub in error.context or []:
            if sub.validator == "pattern":
                return _pattern_message(path, value)
    types = [s.get("type") for s in error.validator_value if isinstance(s, dict) and "type" in s]
    return _type_message(path, types, value)


def _enum_message(path: list[Any], allowed: list[Any], value: Any) -> str:
    where = _where(path)
    shown = f"'{value}'" if isinstance(value, str) else describe(value)
    hint = did_you_mean(value, [str(a) for a in allowed]) if isinstance(value, str) else ""
    if path and path[0] == "stance" and len(path) == 2:
        return f"stance of '{path[1]}' is {shown}: use {or_list(allowed)}{hint}"
    if path == ["date_basis"]:
        return (
            f"date_basis is {shown}: use {or_list(allowed)}{hint} "
            "(stated: printed in the text; derived: computed from a clue; event: a dated event reported "
            "as current; unknown: no clue)"
        )
    return f"{where} is {shown}: use {or_list(allowed)}{hint}"


def _extra_fields(error: jsonschema.ValidationError, data: Any, path: list[Any], file: str) -> list[Problem]:
    """One problem per unknown field, each on its own line, with a suggestion."""
    allowed = list((error.schema.get("properties") or {}).keys())
    problems = []
    for key in error.instance:
        if key in allowed:
            continue
        full = [*path, key]
        hint = did_you_mean(str(key), allowed)
        where = "the front matter" if not path else _where(path)
        fix = hint or f" - {where} has only: {', '.join(allowed)}"
        problems.append(
            Problem(file, _node_line(data, full, 2), f"unknown field '{_field_label(full)}'{fix}", _field_label(full))
        )
    return problems


def _unique_message(path: list[Any], value: list[Any]) -> str:
    seen: set[Any] = set()
    for item in value:
        key = json.dumps(item, sort_keys=True, default=str)
        if key in seen:
            return f"{_where(path)} names '{item}' twice: keep one"
        seen.add(key)
    return f"{_where(path)} has repeated items: keep one of each"


def _schema_error_problems(error: jsonschema.ValidationError, data: Any, file: str) -> list[Problem]:
    path = list(error.absolute_path)
    line = _node_line(data, path, 2)
    label = _field_label(path)
    kind, value = error.validator, error.instance
    if kind == "required":
        missing = [name for name in error.validator_value if name not in value]
        problems = []
        for name in missing:
            owner = "" if not path else f"{_where(path)} "
            example = FIELD_EXAMPLES.get(name, f"{name}: ...")
            where = f"{owner}has no '{name}'" if path else f"missing field '{name}'"
            problems.append(Problem(file, line, f"{where}: add {example}", _field_label([*path, name])))
        return problems
    if kind == "additionalProperties":
        return _extra_fields(error, data, path, file)
    if kind == "type":
        message = _type_message(path, error.validator_value, value)
    elif kind == "oneOf":
        message = _one_of_message(error, path)
    elif kind == "enum":
        message = _enum_message(path, list(error.validator_value), value)
    elif kind == "pattern":
        message = _pattern_message(path, str(value))
    elif kind == "minLength":
        message = f"{_where(path)} is empty: write {FIELD_EXAMPLES.get(str(path[-1]) if path else '', 'a value')}"
        if len(str(value)) > 0:
            message = f"{_where(path)} '{value}' is too short: at least {error.validator_value} characters"
    elif kind == "maxLength":
        message = (
            f"{_where(path)} is {len(str(value))} characters long; the limit is {error.validator_value}: shorten it"
        )
    elif kind == "uniqueItems":
        message = _unique_message(path, value)
    elif kind == "propertyNames":
        message = f"{_where(path)} has a name that is empty or longer than 120 characters"
    else:
        message = error.message
    return [Problem(file, line, message, label)]


def schema_problems(data: dict[str, Any], file: str) -> list[Problem]:
    """Every way the front matter breaks the JSON Schema, in plain words."""
    plain = yamlio.plain(data)
    problems: list[Problem] = []
    for error in sorted(schema_validator().iter_errors(plain), key=lambda e: [str(p) for p in e.absolute_path]):
        problems += _schema_error_problems(error, data, file)
    return problems


def duplicate_problems(duplicates: list[yamllines.Duplicate], file: str) -> list[Problem]:
    return [
        Problem(
            file,
            d.line,
            f"'{d.key}' is given twice (first on line {d.first_line}): keep one - "
            "otherwise the second silently replaces the first",
            d.key,
        )
        for d in duplicates
    ]


# -- dates -------------------------------------------------------------------


def real_date_problem(text: str) -> str | None:
    """Why a YYYY-MM-DD string is not a real day, or None when it is one."""
    try:
        dt.date.fromisoformat(text)
        return None
    except ValueError:
        pass
    year, month, day = (int(x) for x in text.split("-"))
    if not 1 <= month <= 12:
        return f"'{text}' is not a real date: there is no month {month}"
    if month == 12:
        days = 31
    else:
        days = (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days
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
        return (
            f"unknown {label} '{name}' - did you mean '{hint}'? use that name, or if '{name}' is another "
            f"spelling of it, add the spelling to the registry's aliases of '{hint}' in "
            f"{_registry_file(registry.get(hint).kind if registry.get(hint) else kind or 'person')}"
        )
    if kind == "country":
        return f"unknown country '{name}': use a country's name as it is in registry/countries.yaml"
    if kind in ("person", "organisation"):
        return (
            f"unknown {label} '{name}': add it to {_registry_file(kind)}, or list it under unregistered "
            f"(name: {name}, kind: {kind})"
        )
    return f"unknown actor '{name}': use a name from registry/ or one listed in this briefing"


def name_problems(data: dict[str, Any], file: str, registry: Registry) -> list[Problem]:
    """Every actor named must be canonical in the registry or listed in ``unregistered``."""
    unregistered: dict[str, str] = {}
    entries = data.get("unregistered")
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            unregistered[entry["name"]] = str(entry.get("kind"))
    problems: list[Problem] = []
    for field, kind in KIND_OF_FIELD.items():
        names = data.get(field)
        if not isinstance(names, list):
            continue
        for index, name in enumerate(names):
            if not isinstance(name, str) or not name.strip():
                continue  # the schema check reports it
            actor = registry.get(name)
            if actor is not None and actor.kind == kind:
                continue
            if kind != "country" and unregistered.get(name) == kind:
                continue
            line = yamllines.item_line(names, index, yamlio.line_of(data, field))
            problems.append(Problem(file, line, unknown_name_message(name, kind, registry), field))
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
    if not re.fullmatch(r"seeds/[A-Za-z0-9][A-Za-z0-9._-]*\.txt", seed):
        return []  # the schema check explains the form
    seeds_dir = (root / "seeds").resolve()
    seed_path = (root / seed).resolve()
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
        actual = hashlib.sha256(seed_path.read_bytes()).hexdigest()
        if actual != recorded:
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
                Problem(file, _node_line(data, path, 2), f"{_where(path)} is still the placeholder "
                        f"'{shorten(text)}': replace it", _field_label(path))
            )
    for index, line in enumerate(body.split("\n")):
        if BODY_PLACEHOLDER.match(line):
            problems.append(
                Problem(file, body_line + index, f"the text still has the placeholder '{shorten(line)}': replace it")
            )
    return problems


# -- file name ---------------------------------------------------------------


def expected_filename(data: Any) -> str | None:
    """``YYYY-MM-DD-slug.md`` for this front matter (None when it lacks a usable title)."""
    if not isinstance(data, dict) or not isinstance(data.get("title"), str) or PLACEHOLDER.match(data["title"]):
        return None
    date = data.get("date")
    prefix = date.isoformat() if isinstance(date, dt.date) else date if isinstance(date, str) else "undated"
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}|undated", prefix):
        return None
    return f"{prefix}-{slugify(data['title'], max_length=50)}.md"


def filename_problems(name: str, data: Any, file: str) -> list[Problem]:
    """The name is ``YYYY-MM-DD-slug.md`` (``undated-slug.md``) and its date is the briefing's."""
    match = FILE_NAME.match(name)
    suggestion = expected_filename(data)
    rename = f": rename it to {suggestion}" if suggestion else ""
    if not match:
        return [
            Problem(
                file,
                1,
                f"file name '{printable(name)}' is not YYYY-MM-DD-slug.md (the date, then lowercase words joined by '-')"
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
    real = isinstance(date_text, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", date_text) is not None
    if real and real_date_problem(date_text) is None and date_text != prefix:
        fixed = printable(name.replace(prefix, date_text, 1))
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


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file, or the problem that stops it being read."""
    if b"\x00" in raw:
        return None, [Problem(file, 1, "binary file (it contains NUL bytes), not a Markdown briefing: remove it")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start]
        guess = " (it looks like Windows-1252 or Latin-1)" if 0x80 <= byte <= 0xFF else ""
        return None, [
            Problem(
                file,
                line,
                f"not UTF-8 text: byte 0x{byte:02x} at line {line}, column {column} cannot be read{guess}; "
                "save the file as UTF-8",
            )
        ]


def _key_on_line(text: str, line: int) -> str | None:
    """The field named on ``line`` of ``text`` ('title: ...' -> 'title'), if any."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    match = re.match(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_ .-]*?)\s*:(\s|$)", lines[line - 1])
    return match.group(1) if match else None


def _read(text: str, file: str) -> tuple[Any, str, int, list[Problem]]:
    """(front matter data, body, body line, problems); data is None when unreadable."""
    problems: list[Problem] = []
    if text.startswith("\ufeff"):
        problems.append(Problem(file, 1, "the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"))
        text = text[1:]
    if not text.strip():
        problems.append(
            Problem(file, 1, "the file is empty: a briefing starts with front matter between two '---' lines "
                    "(python -m scripts new writes one)")
        )
        return None, "", 1, problems
    parts = yamlio.split_front_matter(text)
    if parts is None:
        first = text.splitlines()[0].strip() if text.splitlines() else ""
        if first == "---":
            message = "the front matter is never closed: add a line '---' after its last field"
        else:
            message = "no front matter: the file must start with a line '---', then the fields, then another '---'"
        return None, "", 1, [*problems, Problem(file, 1, message)]
    yaml_text, body, body_line = parts
    try:
        loaded = yamllines.load(yaml_text, first_line=2)
    except yamlio.YamlError as error:
        line = error.line or 2
        return None, body, body_line, [*problems, Problem(file, line, error.message, _key_on_line(text, line))]
    problems += duplicate_problems(loaded.duplicates, file)
    if loaded.data is None:
        return None, body, body_line, [*problems, Problem(file, 2, "the front matter is empty: add the fields "
                                                          "(python -m scripts new writes a template)")]
    if not isinstance(loaded.data, dict):
        return None, body, body_line, [*problems, Problem(file, 2, f"the front matter must be 'field: value' lines, "
                                                          f"got {describe(loaded.data)}")]
    return loaded.data, body, body_line, problems


def _validate(
    text: str, file: str, registry: Registry, root: Path, filename: str | None
) -> tuple[Briefing | None, list[Problem]]:
    data, body, body_line, problems = _read(text, file)
    if filename is not None:
        problems += filename_problems(filename, data, file)
    if data is None:
        return None, sorted(set(problems))
    problems += schema_problems(data, file)
    problems += date_problems(data, file)
    problems += name_problems(data, file, registry)
    problems += seed_problems(data, file, root)
    problems += placeholder_problems(data, body, body_line, file)
    problems = sorted(set(problems))
    if problems:
        return None, problems
    return briefing_from_front_matter(yamlio.plain(data), body), []


def validate_text(
    text: str, file: str, registry: Registry, root: Path = paths.ROOT
) -> tuple[Briefing | None, list[Problem]]:
    """Validate one briefing's text; return the briefing (if valid) and its problems."""
    return _validate(text, file, registry, root, None)


def validate_file(path: Path, registry: Registry, root: Path = paths.ROOT) -> tuple[Briefing | None, list[Problem]]:
    """Validate one briefing file, its name included; never raises on bad content."""
    file = display_name(path, root)
    if path.is_symlink():
        return None, [Problem(file, 1, "a symbolic link, not a file: a briefing must be a regular file in briefings/")]
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(file, 1, f"cannot be read: {error.strerror or error}")]
    text, problems = decode(raw, file)
    if text is None:
        return None, problems
    return _validate(text, file, registry, root, path.name)


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
    """Validate every briefing in ``directory``; return the good ones and every problem."""
    from .registry import default_registry

    registry = registry or default_registry()
    good: list[tuple[Path, Briefing]] = []
    problems: list[Problem] = []
    for path in briefing_paths(directory):
        briefing, found = validate_file(path, registry, root)
        problems += found
        if briefing is not None:
            good.append((path, briefing))
    return good, sorted(problems)

