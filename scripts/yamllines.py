"""A forgiving YAML reader for validation: it finds every problem instead of the first.

:func:`scripts.yamlio.load` is the strict reader the pipeline uses (it stops at
the first duplicate key). ``check`` and the seed-header reader use this one so
that a person sees all their mistakes in one run:

* mappings are :class:`yamlio.LineMap` (lines of each key), lists are
  :class:`LineList` (line of each item);
* a duplicate key is recorded in ``duplicates`` (the later value wins) rather
  than raised;
* an impossible date such as ``2023-02-30`` stays the text ``"2023-02-30"``
  (PyYAML would raise a bare ``ValueError``) so the date check can explain it.

It is still a ``SafeLoader``: no arbitrary Python objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .yamlio import LineMap, YamlError


class LineList(list):
    """A list that remembers the 1-based line of each item."""

    line: int = 0
    item_lines: list[int]


@dataclass(frozen=True)
class Duplicate:
    key: str
    line: int
    first_line: int


@dataclass
class Loaded:
    data: Any
    duplicates: list[Duplicate] = field(default_factory=list)


class _Loader(yaml.SafeLoader):
    def __init__(self, stream: str, first_line: int = 1) -> None:
        super().__init__(stream)
        self.duplicates: list[Duplicate] = []
        self.offset = first_line  # mark lines are 0-based: line = mark + offset

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            line = self.peek_event().start_mark.line + self.offset
            raise YamlError("an alias ('*name') is not allowed here: write the value out in full", line)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:  # type: ignore[override]
        self.flatten_mapping(node)
        result = LineMap()
        result.line = node.start_mark.line + self.offset
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + self.offset
            try:
                hash(key)
            except TypeError:
                raise YamlError("a key must be a plain word, not a list or mapping", line) from None
            if key in result:
                self.duplicates.append(Duplicate(str(key), line, result.key_lines.get(str(key), line)))
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[str(key)] = line
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:  # type: ignore[override]
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + self.offset
        result.item_lines = [child.start_mark.line + self.offset for child in node.value]
        return result

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return str(node.value)  # e.g. 2023-02-30: checked (and explained) later


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


_HINTS: tuple[tuple[str, str], ...] = (
    (
        "could not find expected ':'",
        "a line here is not 'field: value' - is a ':' missing, or does a value run onto the next line?",
    ),
    (
        "mapping values are not allowed here",
        "an unexpected ':' - if a value contains ': ', put it in quotes (title: \"Russia: a view\"); "
        "otherwise the line above may lack its ':' or be indented differently",
    ),
    (
        "found character '\\t' that cannot start any token",
        "a tab character: YAML indents with spaces only",
    ),
    ("while parsing a flow sequence", "a list in [brackets] is not closed with ']' (or an item needs quotes)"),
    ("while parsing a flow mapping", "a mapping in {braces} is not closed with '}' (or a value needs quotes)"),
    ("found undefined alias", "a value starts with '*': put it in quotes"),
    ("could not determine a constructor", "a tag such as '!!python/...' is not allowed: write plain values"),
    ("found unknown escape character", "a backslash inside double quotes: use single quotes or write \\\\"),
    ("found unexpected end of stream", "a quote is opened but never closed"),
    ("while scanning a quoted scalar", "a quote is opened but never closed"),
    ("expected <block end>, but found", "the indentation is inconsistent: align this line with the fields above it"),
    ("did not find expected key", "the indentation is inconsistent: align this line with the fields above it"),
    ("did not find expected '-' indicator", "a list item must start with '- ' at the same indentation as the others"),
    ("found character '@' that cannot start any token", "a value starts with '@': put it in quotes"),
    ("found character '`' that cannot start any token", "a value starts with '`': put it in quotes"),
    ("found character '%' that cannot start any token", "a value starts with '%': put it in quotes"),
)


def explain_syntax_error(problem: str) -> str:
    """A plain-language reading of a PyYAML error message."""
    for needle, hint in _HINTS:
        if needle in problem:
            return hint
    return problem


def _error_line(error: yaml.MarkedYAMLError, text: str) -> int:
    """The 0-based line a person should look at (where an unclosed thing was opened)."""
    problem = error.problem or ""
    end = len(text.rstrip())
    context = error.context_mark if error.context_mark is not None and error.context_mark.index < end else None
    at_end = error.problem_mark is not None and error.problem_mark.index >= end
    if context is not None and (
        at_end or "could not find expected ':'" in problem or "found unexpected end of stream" in problem
    ):
        return context.line
    if at_end:
        return text[:end].count("\n")  # the last line that has something on it
    mark = error.problem_mark or error.context_mark
    return mark.line if mark else 0


def load(text: str, first_line: int = 1) -> Loaded:
    """Parse one YAML document whose first line is line ``first_line`` of its file.

    Every line recorded (keys, items, duplicates, errors) is a line of the file.
    Raises :class:`YamlError` with a readable message.
    """
    loader: _Loader | None = None
    try:
        loader = _Loader(text, first_line)
        data = loader.get_single_data()
    except YamlError:
        raise
    except yaml.MarkedYAMLError as error:
        problem = " ".join(filter(None, [error.context, error.problem]))
        raise YamlError(f"YAML syntax error: {explain_syntax_error(problem)}", _error_line(error, text) + first_line) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + first_line
        raise YamlError(
            f"a control character (U+{error.character:04X}) that YAML does not allow: delete it", line
        ) from None
    except yaml.YAMLError as error:
        raise YamlError(f"YAML error: {error}", first_line) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Loaded(data, loader.duplicates)


def item_line(value: Any, index: int, default: int) -> int:
    """The line of item ``index`` of a list read by :func:`load`."""
    if isinstance(value, LineList) and index < len(value.item_lines):
        return value.item_lines[index]
    return default
