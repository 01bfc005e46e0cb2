"""Safe YAML in and deterministic YAML out, with line numbers for error messages.

Everything in this project reads YAML through :func:`load`, which uses
``yaml.SafeLoader`` (no arbitrary objects) and rejects duplicate keys.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml


class YamlError(ValueError):
    """A YAML document could not be read; ``line`` is 1-based."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class LineMap(dict):
    """A mapping that remembers the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


# libyaml's parser when PyYAML was built with it (much faster), else the pure-Python one;
# either way only the safe constructors are used.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader that records line numbers and refuses duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:  # type: ignore[override]
        self.flatten_mapping(node)
        result = LineMap()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise YamlError("a mapping key must be a plain value", key_node.start_mark.line + 1)
            if key in result:
                raise YamlError(
                    f"duplicate key '{key}' (first on line {result.key_lines.get(str(key), '?')})",
                    key_node.start_mark.line + 1,
                )
            result[key] = self.construct_object(value_node, deep=deep)
            result.key_lines[str(key)] = key_node.start_mark.line + 1
        return result


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    """Dates as usual, but an impossible one (2023-02-30) is a YamlError with its line."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as error:
        raise YamlError(f"'{node.value}' is not a real date ({error})", node.start_mark.line + 1) from None


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load(text: str, first_line: int = 1) -> Any:
    """Parse one YAML document safely; errors carry a line offset by ``first_line - 1``."""
    try:
        return _shift_lines(yaml.load(text, Loader=_Loader), first_line - 1)  # noqa: S506 - safe constructors only
    except YamlError as error:
        raise YamlError(error.message, (error.line or 1) + first_line - 1) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        problem = " ".join(filter(None, [error.context, error.problem]))
        raise YamlError(f"YAML syntax error: {problem}", line) from None
    except yaml.YAMLError as error:
        raise YamlError(f"YAML error: {error}", first_line) from None


def _shift_lines(value: Any, offset: int) -> Any:
    """Move recorded line numbers by ``offset`` (for YAML embedded in a larger file)."""
    if offset == 0:
        return value
    if isinstance(value, LineMap):
        value.line += offset
        value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
    if isinstance(value, dict):
        for item in value.values():
            _shift_lines(item, offset)
    elif isinstance(value, list):
        for item in value:
            _shift_lines(item, offset)
    return value


def line_of(mapping: Any, key: str | None = None, default: int = 1) -> int:
    """The line of ``mapping`` (or of ``key`` in it) when it came from :func:`load`."""
    if isinstance(mapping, LineMap):
        if key is not None and key in mapping.key_lines:
            return mapping.key_lines[key]
        return mapping.line or default
    return default


def plain(value: Any) -> Any:
    """Turn loaded YAML into plain JSON-like data (dates become ISO strings)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class _Dumper(yaml.SafeDumper):
    """Block style lists indented under their key, multi-line strings as literals."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(data: Any) -> str:
    """Deterministic YAML: keys in the given order, Unicode kept, no line folding."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split into its YAML front matter and its body."""

    data: Any
    body: str
    yaml_text: str
    body_line: int  # 1-based line where the body starts


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (yaml_text, body, body_line) or None when there is no ``---`` block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None


def read_front_matter(text: str) -> FrontMatter:
    """Parse a Markdown file with YAML front matter; raises :class:`YamlError`."""
    parts = split_front_matter(text)
    if parts is None:
        raise YamlError("no front matter: the file must start with a '---' line and close it with another", 1)
    yaml_text, body, body_line = parts
    data = load(yaml_text, first_line=2)
    if not isinstance(data, dict):
        raise YamlError("front matter must be a mapping of field: value", 2)
    return FrontMatter(data=data, body=body, yaml_text=yaml_text, body_line=body_line)
