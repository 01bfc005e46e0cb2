"""Validate briefings: schema, registry names, seed, dates. Reports every problem.

``check`` reads every briefing, collects every problem with file, line and
field, and never raises on bad input.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from . import paths, yamlio
from .model import Briefing, briefing_from_front_matter
from .problems import Problem
from .registry import Registry


@lru_cache(maxsize=1)
def schema_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(paths.SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _field_line(data: Any, path: list[Any], default: int) -> int:
    """Best line for a JSON-pointer-like path into loaded front matter."""
    line = default
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            line = yamlio.line_of(node, str(part), line)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            break
    return line


def schema_problems(data: dict[str, Any], file: str) -> list[Problem]:
    problems = []
    plain = yamlio.plain(data)
    for error in sorted(schema_validator().iter_errors(plain), key=lambda e: list(map(str, e.path))):
        path = list(error.path)
        field = ".".join(str(p) for p in path) or None
        message = error.message
        if error.validator == "required":
            missing = message.split("'")[1] if "'" in message else message
            message = f"missing required field '{missing}'"
        elif error.validator == "additionalProperties" and not path:
            message = f"{error.message} (allowed fields: see docs/schemas/briefing.schema.json)"
        problems.append(Problem(file, _field_line(data, path, 2), message, field))
    return problems


def date_problems(data: dict[str, Any], file: str) -> list[Problem]:
    value = data.get("date")
    if value is None or isinstance(value, dt.date):
        return []
    if isinstance(value, str):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return [Problem(file, yamlio.line_of(data, "date"), f"'{value}' is not a real date (YYYY-MM-DD)", "date")]
    return []


def name_problems(data: dict[str, Any], file: str, registry: Registry) -> list[Problem]:
    """Every actor named must be canonical in the registry or listed in ``unregistered``."""
    unregistered = {
        str(u.get("name")): str(u.get("kind")) for u in data.get("unregistered") or [] if isinstance(u, dict)
    }
    expected_kind = {"countries": "country", "people": "person", "organisations": "organisation"}
    problems = []
    for field, kind in expected_kind.items():
        names = data.get(field)
        if not isinstance(names, list):
            continue
        for name in names:
            if not isinstance(name, str):
                continue
            actor = registry.get(name)
            if actor is not None and actor.kind == kind:
                continue
            if kind != "country" and unregistered.get(name) == kind:
                continue
            problems.append(Problem(file, yamlio.line_of(data, field), _unknown_message(name, kind, registry), field))
    stance = data.get("stance")
    if isinstance(stance, dict):
        named = set(data.get("countries") or []) | set(data.get("people") or []) | set(data.get("organisations") or [])
        for actor_name in stance:
            actor = registry.get(str(actor_name))
            if actor is None and str(actor_name) not in unregistered and str(actor_name) not in named:
                problems.append(
                    Problem(
                        file,
                        yamlio.line_of(stance, str(actor_name)),
                        _unknown_message(str(actor_name), None, registry),
                        "stance",
                    )
                )
    return problems


def _unknown_message(name: str, kind: str | None, registry: Registry) -> str:
    label = {"country": "country", "person": "person", "organisation": "organisation", None: "actor"}[kind]
    suggestions = registry.suggest(name, kind)
    if suggestions:
        hint = suggestions[0]
        if registry.resolve(name) is not None:
            return f"'{name}' is a spelling of '{hint}': use the canonical name '{hint}'"
        return (
            f"unknown {label} '{name}' - did you mean '{hint}'? "
            f"If it is a spelling of '{hint}', add it to that entry's aliases in registry/"
        )
    where = "registry/countries.yaml" if kind == "country" else "registry/ (or list it under 'unregistered')"
    return f"unknown {label} '{name}': add it to {where}"


def seed_problems(data: dict[str, Any], file: str, root: Path = paths.ROOT) -> list[Problem]:
    source = data.get("source")
    if not isinstance(source, dict) or not isinstance(source.get("seed"), str):
        return []
    seed = source["seed"]
    line = yamlio.line_of(source, "seed")
    seed_path = (root / seed).resolve()
    if root.resolve() / "seeds" not in seed_path.parents:
        return [Problem(file, line, f"seed '{seed}' is outside seeds/", "source.seed")]
    if not seed_path.is_file():
        return [Problem(file, line, f"seed file '{seed}' does not exist", "source.seed")]
    return []


def validate_text(text: str, file: str, registry: Registry, root: Path = paths.ROOT) -> tuple[Briefing | None, list[Problem]]:
    """Validate one briefing's text; return the briefing (if readable) and its problems."""
    try:
        front = yamlio.read_front_matter(text)
    except yamlio.YamlError as error:
        return None, [Problem(file, error.line or 1, error.message)]
    data = front.data
    problems = schema_problems(data, file)
    problems += date_problems(data, file)
    problems += name_problems(data, file, registry)
    problems += seed_problems(data, file, root)
    if problems:
        return None, problems
    return briefing_from_front_matter(yamlio.plain(data), front.body), []


def validate_file(path: Path, registry: Registry, root: Path = paths.ROOT) -> tuple[Briefing | None, list[Problem]]:
    file = paths.relative(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(file, 1, f"not UTF-8 text ({error.reason} at byte {error.start}); save it as UTF-8")]
    return validate_text(text, file, registry, root)


def briefing_paths(directory: Path = paths.BRIEFINGS) -> list[Path]:
    return sorted(p for p in directory.glob("*.md") if p.name.lower() != "readme.md")


def validate_all(directory: Path = paths.BRIEFINGS, registry: Registry | None = None) -> tuple[list[tuple[Path, Briefing]], list[Problem]]:
    """Validate every briefing in ``directory``; return the good ones and every problem."""
    from .registry import default_registry

    registry = registry or default_registry()
    good: list[tuple[Path, Briefing]] = []
    problems: list[Problem] = []
    for path in briefing_paths(directory):
        briefing, found = validate_file(path, registry)
        problems += found
        if briefing is not None:
            good.append((path, briefing))
    return good, sorted(problems)
