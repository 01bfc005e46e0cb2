"""The JSON Schemas of every input (``docs/schemas/``) and the one translator of their errors.

Each kind of file is read the same way: safe YAML with lines (:mod:`scripts.yamlio`),
then its schema (here), then the cross-checks of its own module. The schemas are
the contract editors use too (``.vscode/settings.json`` points at them); they also
hold each file's limits under ``x-limits`` (bytes, nesting depth), and per field an
``x-example`` that the messages quote when the field is missing.

Messages say where (``FILE:LINE``), what is wrong and what would be right, and
quote values shortened and escaped (no 5 MB echo, no terminal escape sequences).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import referencing
from referencing.jsonschema import DRAFT7

from . import paths, yamlio
from .problems import Problem
from .suggest import did_you_mean

SCHEMAS = paths.DOCS / "schemas"

TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping (field: value lines)",
    "boolean": "true or false",
    "null": "empty (null)",
    "integer": "a whole number",
    "number": "a number",
}


@dataclass(frozen=True)
class Limits:
    """How big a file of one kind may be before it is read at all."""

    max_bytes: int = yamlio.MAX_BYTES
    max_depth: int = yamlio.MAX_DEPTH


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    """The schema ``docs/schemas/NAME.schema.json``."""
    data: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _registry() -> referencing.Registry:
    """Every schema of the folder under its ``$id`` (its file name), so one may refer to another."""
    resources = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, referencing.Resource.from_contents(contents, default_specification=DRAFT7)))
    return referencing.Registry().with_resources(resources)


@lru_cache(maxsize=None)
def validator(name: str) -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema(name))
    return cls(schema(name), registry=_registry())


def _local_schema(uri: str) -> dict[str, Any]:
    """A ``$ref`` to another schema of the folder ('briefing.schema.json#/...'): never a download."""
    file = uri.split("#", 1)[0].rsplit("/", 1)[-1]
    if not file.endswith(".schema.json") or not (SCHEMAS / file).is_file():
        raise ValueError(f"a schema may only refer to the schemas of {SCHEMAS}: {uri}")
    return schema(file.removesuffix(".schema.json"))


@lru_cache(maxsize=None)
def fast_check(name: str) -> Any:
    """Schema ``name`` compiled to Python by fastjsonschema: a quick yes/no before the reference validator.

    Valid data (nearly all of an archive) is known valid ten times faster than by jsonschema;
    data it refuses goes through :func:`validator`, whose errors the messages are made from.
    """
    handlers = {scheme: _local_schema for scheme in ("", "file", "http", "https")}
    return fastjsonschema.compile(schema(name), handlers=handlers, use_default=False, use_formats=False)


def is_valid(name: str, plain: Any) -> bool:
    """Whether JSON-like ``plain`` data meets schema ``name`` (fast; the same verdict as jsonschema)."""
    try:
        fast_check(name)(plain)
    except fastjsonschema.JsonSchemaException:
        return validator(name).is_valid(plain)  # never trust a refusal alone: the reference decides
    return True


def limits(name: str) -> Limits:
    """The ``x-limits`` of a schema (defaults where it gives none)."""
    given = schema(name).get("x-limits") or {}
    return Limits(
        max_bytes=int(given.get("max_bytes", yamlio.MAX_BYTES)), max_depth=int(given.get("max_depth", yamlio.MAX_DEPTH))
    )


# -- quoting values ------------------------------------------------------------


def printable(text: str) -> str:
    """``text`` with control and formatting characters shown as escapes (no terminal tricks)."""
    out = []
    for char in text:
        if char.isprintable() and char not in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
            out.append(char)
        else:
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
    return "".join(out)


def shorten(text: str, limit: int = 40) -> str:
    """One line of at most ``limit`` characters, escaped, for quoting a value in a message."""
    text = " ".join(str(text)[: limit * 4].split())
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def describe(value: Any) -> str:
    """How a person would name what they wrote: 'a number', 'a list', "'neutrall'"."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"a number ({shorten(str(value), 30)})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"a date ({value.isoformat()})"
    if isinstance(value, bytes):
        return "binary data (a !!binary tag)"
    return f"'{shorten(str(value), 80)}'"


def or_list(words: list[str] | tuple[str, ...]) -> str:
    """'a, b or c'."""
    words = [str(w) for w in words]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


# -- places in a document ------------------------------------------------------


def node_line(data: Any, path: list[Any], default: int) -> int:
    """Best line for a path into loaded YAML (keys and list items)."""
    line = default
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            line = yamlio.line_of(node, str(part), line)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            line = yamlio.item_line(node, part, line)
            node = node[part]
        else:
            break
    return line


def field_label(path: list[Any]) -> str | None:
    return ".".join(shorten(str(p), 60) for p in path) or None


def where(path: list[Any], root: str = "the front matter") -> str:
    """Plain words for a place in a document: "stance of 'Russia'", 'countries item 2'."""
    if len(path) == 2 and path[0] == "stance":
        return f"stance of '{shorten(str(path[1]), 60)}'"
    words: list[str] = []
    for part in path:
        if isinstance(part, int):
            words.append(f"item {part + 1}")
        else:
            words.append(("." if words and not words[-1].startswith("item") else "") + shorten(str(part), 60))
    return " ".join(words).replace(" .", ".").strip(".") or root


# -- messages ------------------------------------------------------------------


def _example(error: jsonschema.ValidationError, name: str) -> str:
    schema: Any = error.schema
    properties = (schema.get("properties") or {}) if isinstance(schema, dict) else {}
    return str((properties.get(name) or {}).get("x-example") or f"{name}: ...")


def _pattern_message(path: list[Any], value: str, own: dict[str, Any]) -> str:
    """What a string that fails its pattern should look like (``x-hint``/``x-message`` of its schema)."""
    name = path[-1] if path else ""
    place = where(path)
    shown = shorten(value)
    if own.get("x-message"):
        return f"{place} {own['x-message']}"
    if name in ("date", "start", "end") or (len(path) >= 2 and path[-2] == "date_range"):
        if re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]", value):
            return f"{place} must be a day without a time: write {value[:10]}"
        unknown = " (or null when unknown)" if name == "date" else ""
        return f"{place} must be written YYYY-MM-DD, e.g. 2023-05-20{unknown}, got '{shown}'"
    if name == "url":
        if re.search(r"\s", value.strip()):
            return f"{place} must be one web address without spaces, got '{shown}'"
        if re.match(r"^[a-z0-9.-]+\.[a-z]{2,}(/|$)", value, re.IGNORECASE):
            return f"{place} must start with http:// or https://: write https://{shorten(value, 60)}"
        return f"{place} must be a web address starting with http:// or https://, got '{shown}'"
    if own.get("x-hint"):
        return f"{place} {own['x-hint']}, got '{shown}'"
    return f"{place} has the wrong form: '{shown}'"


def _type_message(path: list[Any], expected: Any, value: Any, own: dict[str, Any]) -> str:
    expected = [expected] if isinstance(expected, str) else list(expected)
    words = own.get("x-type-words") or or_list([TYPE_WORDS.get(t, t) for t in expected])
    place = where(path)
    message = f"{place} must be {words}, got {describe(value)}"
    if "string" in expected and isinstance(value, bool):
        message += " (YAML reads an unquoted no, yes, on or off as true or false): put the value in quotes"
    elif "string" in expected and isinstance(value, (int, float, dt.date)):
        message += f" - put it in quotes: \"{shorten(str(value), 30)}\""
    if "array" in expected and isinstance(value, str) and path:
        message = f"{place} must be {words}, got {describe(value)} - write {path[-1]}: [{shorten(value, 60)}]"
    return message


def _one_of_message(error: jsonschema.ValidationError, path: list[Any]) -> str:
    """'text of a given form, or null' (date, url, seed, sha256...)."""
    value = error.instance
    if isinstance(value, str):
        for sub in error.context or []:
            if sub.validator == "maxLength":
                return f"{where(path)} is {len(value):,} characters long; the limit is {sub.validator_value:,}: shorten it"
        for sub in error.context or []:
            if sub.validator == "pattern":
                return _pattern_message(path, value, sub.schema if isinstance(sub.schema, dict) else {})
    options: Any = error.validator_value
    types = [s.get("type") for s in options if isinstance(s, dict) and "type" in s]
    return _type_message(path, types, value, {})


def _enum_message(path: list[Any], allowed: list[Any], value: Any, explain: str | None) -> str:
    place = where(path)
    shown = f"'{shorten(value)}'" if isinstance(value, str) else describe(value)
    hint = did_you_mean(value, [str(a) for a in allowed]) if isinstance(value, str) else ""
    tail = f" ({explain})" if explain else ""
    return f"{place} is {shown}: use {or_list([str(a) for a in allowed])}{hint}{tail}"


def _extra_fields(
    error: jsonschema.ValidationError, data: Any, path: list[Any], file: str, root: str, full: list[Any]
) -> list[Problem]:
    """One problem per unknown field, each on its own line, with a suggestion."""
    schema: Any = error.schema
    allowed = list((schema.get("properties") or {}).keys()) if isinstance(schema, dict) else []
    problems = []
    instance: Any = error.instance
    for key in instance:
        if key in allowed:
            continue
        hint = did_you_mean(str(key), allowed)
        place = root if not path else where(path, root)
        fix = hint or f" - {place} has only: {', '.join(allowed)}"
        problems.append(
            Problem(file, node_line(data, [*full, key], 1), f"unknown field '{shorten(str(key))}'{fix}",
                    field_label([*path, key]))
        )
    return problems


def _unique_message(path: list[Any], value: list[Any]) -> str:
    seen: set[str] = set()
    for item in value:
        key = json.dumps(item, sort_keys=True, default=str)
        if key in seen:
            return f"{where(path)} names '{shorten(str(item))}' twice: keep one"
        seen.add(key)
    return f"{where(path)} has repeated items: keep one of each"


def _error_problems(
    error: jsonschema.ValidationError, data: Any, file: str, default_line: int, root: str, entries: bool
) -> list[Problem]:
    full = list(error.absolute_path)
    line = node_line(data, full, default_line)
    # In a file that is a list of entries, the line says which entry: messages name the field only.
    path = full[1:] if entries and full and isinstance(full[0], int) else full
    if entries and full and isinstance(full[0], int) and not path:
        root = "an entry"
    label = field_label(path)
    kind: Any = error.validator
    value: Any = error.instance
    bound: Any = error.validator_value
    own: dict[str, Any] = dict(error.schema) if isinstance(error.schema, dict) else {}
    if kind == "required":
        problems = []
        for name in (n for n in bound if n not in value):
            owner = "" if not path else f"{where(path, root)} "
            place = f"{owner}has no '{name}'" if path else f"missing field '{name}'"
            problems.append(Problem(file, line, f"{place}: add {_example(error, name)}", field_label([*path, name])))
        return problems
    if kind == "additionalProperties":
        return _extra_fields(error, data, path, file, root, full)
    if kind == "type":
        message = _type_message(path, bound, value, own)
    elif kind == "oneOf":
        message = _one_of_message(error, path)
    elif kind == "enum":
        message = _enum_message(path, list(bound), value, own.get("x-explain"))
    elif kind == "pattern":
        message = _pattern_message(path, str(value), own)
    elif kind == "minLength":
        message = f"{where(path)} is empty: write {own.get('x-example') or 'a value'}" if not value else (
            f"{where(path)} '{shorten(str(value))}' is too short: at least {bound} characters"
        )
    elif kind == "maxLength":
        message = f"{where(path)} is {len(str(value)):,} characters long; the limit is {bound:,}: shorten it"
    elif kind == "maxItems":
        message = f"{where(path)} has {len(value):,} items; the limit is {bound:,}: keep the main ones"
    elif kind == "minItems":
        message = f"{where(path)} has {len(value)} item(s); it needs at least {bound}"
    elif kind == "maxProperties":
        message = f"{where(path)} has {len(value):,} entries; the limit is {bound:,}: keep the main ones"
    elif kind == "uniqueItems":
        message = _unique_message(path, value)
    elif kind == "propertyNames":
        limit = (bound or {}).get("maxLength", 120) if isinstance(bound, dict) else 120
        message = f"{where(path)} has a name that is empty or longer than {limit} characters"
    elif kind in ("minimum", "maximum"):
        message = f"{where(path)} is {describe(value)}: it must be at {'least' if kind == 'minimum' else 'most'} {bound}"
    else:
        message = f"{where(path)}: {shorten(error.message, 160)}"
    return [Problem(file, line, message, label)]


def errors_by_entry(data: Any, name: str, file: str, *, default_line: int = 1, root: str = "the file",
                    entries: bool = False) -> dict[int | None, list[Problem]]:
    """The problems of :func:`problems`, grouped by the list entry they are in (None: the whole file)."""
    plain = yamlio.plain(data)
    if is_valid(name, plain):
        return {}
    found: dict[int | None, list[Problem]] = {}
    errors = sorted(validator(name).iter_errors(plain), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        where_in = error.absolute_path[0] if error.absolute_path and isinstance(error.absolute_path[0], int) else None
        found.setdefault(where_in, []).extend(_error_problems(error, data, file, default_line, root, entries))
    # One 'required' error per missing field, each listing them all: say each once.
    return {key: list(dict.fromkeys(value)) for key, value in found.items()}


def problems(data: Any, name: str, file: str, *, default_line: int = 1, root: str = "the front matter",
             entries: bool = False) -> list[Problem]:
    """Every way ``data`` (as loaded by :mod:`yamlio`) breaks schema ``name``, in plain words.

    ``entries``: the file is a list of entries (registry, calendar) and messages name fields, not items.
    """
    grouped = errors_by_entry(data, name, file, default_line=default_line, root=root, entries=entries)
    return [problem for key in sorted(grouped, key=lambda k: -1 if k is None else k) for problem in grouped[key]]


def duplicate_problems(duplicates: list[yamlio.Duplicate], file: str) -> list[Problem]:
    """Keys given twice in one mapping."""
    return [
        Problem(
            file,
            d.line,
            f"'{shorten(d.key)}' is given twice (first on line {d.first_line}): keep one - "
            "otherwise the second silently replaces the first",
            shorten(d.key),
        )
        for d in duplicates
    ]


def load(text: str, name: str, file: str, first_line: int = 1, root: str = "the file") -> tuple[Any, list[Problem]]:
    """Safe YAML with lines, then schema ``name``: (data or None, every problem)."""
    bounds = limits(name)
    try:
        loaded = yamlio.load_checked(text, first_line, max_bytes=bounds.max_bytes, max_depth=bounds.max_depth)
    except yamlio.YamlError as error:
        return None, [Problem(file, error.line or first_line, error.message)]
    found = duplicate_problems(loaded.duplicates, file)
    return loaded.data, found + problems(loaded.data, name, file, default_line=first_line, root=root)


def load_entries(path: Path, name: str, file: str) -> tuple[list[Any], dict[int | None, list[Problem]]]:
    """A file that is a list of entries (registry, calendar): the entries and the problems of each.

    The file is read as a regular file within the schema's size limit, then safe YAML with
    lines, then schema ``name``. Problems of the file as a whole are under ``None``.
    """
    from . import fileio

    bounds = limits(name)
    raw, found = fileio.read_regular(path, file, bounds.max_bytes, f"{file}")
    text = None
    if raw is not None:
        text, found = fileio.decode_utf8(raw, file, "a YAML file")
    if text is None:
        return [], {None: found}
    try:
        loaded = yamlio.load_checked(text, 1, max_bytes=bounds.max_bytes, max_depth=bounds.max_depth)
    except yamlio.YamlError as error:
        return [], {None: [Problem(file, error.line or 1, error.message)]}
    data = loaded.data if loaded.data is not None else []
    grouped = errors_by_entry(data, name, file, entries=True)
    if loaded.duplicates:
        grouped.setdefault(None, []).extend(duplicate_problems(loaded.duplicates, file))
    return (data if isinstance(data, list) else []), grouped
