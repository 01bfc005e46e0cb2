"""The one YAML reader and writer of the project: safe, bounded, with line numbers.

Every YAML file or block (briefing front matter, seed headers, the registry,
the events calendar, word lists) is read through :func:`load` or
:func:`load_checked`:

* only plain data (libyaml's safe parser when available, safe constructors
  only): no tags that build objects, no anchors or aliases (``&a``/``*a``),
  so no "billion laughs";
* bounded: the text's size and its nesting depth are checked *before* the
  document is composed (a 400-deep ``[[[...]]]`` is a :class:`YamlError`,
  never a RecursionError or a crash of the C parser);
* every mapping is a :class:`LineMap` and every list a :class:`LineList`
  that remember the 1-based line of each key and item in the *file*
  (``first_line`` says where the YAML starts in it);
* an impossible date (``2023-02-30``, ``0000-01-01``) stays text, so the
  date checks can explain it.

:func:`load` refuses a duplicate key; :func:`load_checked` records every
duplicate so that ``check`` can report all of them in one run.
:func:`dump` writes deterministic YAML (keys in the given order, Unicode kept).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_BYTES = 8_000_000  # default size limit; the schemas set tighter ones per kind of file
MAX_DEPTH = 32  # default nesting limit (mappings and lists); no file of ours needs more than 6


class YamlError(ValueError):
    """A YAML document could not be read; ``line`` is 1-based in the file."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class LineMap(dict):
    """A mapping that remembers the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    """A list that remembers the 1-based line of itself and of each item."""

    line: int = 0
    item_lines: list[int]


@dataclass(frozen=True)
class Duplicate:
    """A key given twice in one mapping (the later value wins in the data)."""

    key: str
    line: int
    first_line: int


@dataclass
class Loaded:
    data: Any
    duplicates: list[Duplicate] = field(default_factory=list)


# libyaml's parser when PyYAML was built with it (several times faster), else the pure-Python one;
# either way only the safe constructors are used.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COLLECTION_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_COLLECTION_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_SPECIAL_KEYS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")  # keys PyYAML's flatten_mapping rewrites


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """Safe loader recording lines (shifted by ``offset``) and duplicate keys."""

    def __init__(self, stream: str, offset: int) -> None:
        super().__init__(stream)
        self.offset = offset
        self.duplicates: list[Duplicate] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:
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

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + self.offset
        result.item_lines = [child.start_mark.line + self.offset for child in node.value]
        return result

    def construct_plain(self, node: yaml.Node) -> Any:
        """The data of a composed document without aliases: what ``construct_document`` gives, by a direct walk
        of the plain strings, mappings and lists that front matter consists of (the rest, such as numbers,
        dates, merge keys and refused tags, goes through PyYAML's constructors)."""
        if type(node) is yaml.ScalarNode and node.tag == _STR:
            return node.value
        if type(node) is yaml.MappingNode and node.tag == _MAP and all(
            type(key) is yaml.ScalarNode and key.tag not in _SPECIAL_KEYS for key, _ in node.value
        ):
            result = LineMap()
            result.line = node.start_mark.line + self.offset
            lines: dict[str, int] = {}
            result.key_lines = lines
            for key_node, value_node in node.value:
                key = self.construct_plain(key_node)
                line = key_node.start_mark.line + self.offset
                if key in result:
                    self.duplicates.append(Duplicate(str(key), line, lines.get(str(key), line)))
                result[key] = self.construct_plain(value_node)
                lines[str(key)] = line
            return result
        if type(node) is yaml.SequenceNode and node.tag == _SEQ:
            items = LineList(map(self.construct_plain, node.value))
            items.line = node.start_mark.line + self.offset
            items.item_lines = [child.start_mark.line + self.offset for child in node.value]
            return items
        return self.construct_object(node, deep=True)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return str(node.value)  # 2023-02-30, 0000-01-01: the date checks explain it


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


_HINTS: tuple[tuple[str, str], ...] = (
    (
        "could not find expected ':'",
        "a line here is not 'field: value' - is a ':' missing, or does a value run onto the next line?",
    ),
    (
        "mapping values are not allowed",
        "an unexpected ':' - if a value contains ': ', put it in quotes (title: \"Russia: a view\"); "
        "otherwise the line above may lack its ':' or be indented differently",
    ),
    ("found character '\\t' that cannot start any token", "a tab character: YAML indents with spaces only"),
    ("found a tab character", "a tab character: YAML indents with spaces only"),
    ("found character that cannot start any token", "a character that cannot start a value (a tab, '@', '`' or '%'?): "
     "indent with spaces, and put a value that starts with '@', '`' or '%' in quotes"),
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
    ("expected a single document", "only one YAML document is allowed: remove the extra '---' line"),
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


def _check_shape(text: str, first_line: int, max_depth: int) -> None:
    """Refuse aliases and deep nesting from the event stream, before anything is composed."""
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        line = (event.start_mark.line if event.start_mark is not None else 0) + first_line
        if isinstance(event, yaml.AliasEvent):
            raise YamlError(
                "an alias ('*name') is not allowed here: write the value out in full "
                "(a value that starts with '*' or '&' needs quotes)",
                line,
            )
        if isinstance(event, _COLLECTION_START):
            depth += 1
            if depth > max_depth:
                raise YamlError(
                    f"lists and mappings are nested more than {max_depth} levels deep here: "
                    "no field of this file needs that",
                    line,
                )
        elif isinstance(event, _COLLECTION_END):
            depth -= 1


# Every list or mapping opens with a character of its own ('-', ':', '?', '[' or '{'), so a text with
# fewer of them cannot nest deeper than that; libyaml composes this depth without a second thought.
_INDICATORS = "-:?[{"
_COMPOSE_SAFELY = 2_000


def _may_nest_deeper_than(text: str, depth: int) -> bool:
    return sum(text.count(char) for char in _INDICATORS) > depth


def _check_node_depth(root: yaml.Node, first_line: int, max_depth: int) -> None:
    """The depth check of :func:`_check_shape`, on a composed document (no aliases in it)."""
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, yaml.CollectionNode):
            continue
        if depth > max_depth:
            raise YamlError(
                f"lists and mappings are nested more than {max_depth} levels deep here: "
                "no field of this file needs that",
                node.start_mark.line + first_line,
            )
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
        stack.extend((child, depth + 1) for child in reversed(children))


def load_checked(text: str, first_line: int = 1, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Loaded:
    """Read one YAML document whose first line is line ``first_line`` of its file; keep every duplicate key.

    Raises :class:`YamlError` (with a line of the file and a readable message) for anything
    that is not plain, bounded YAML.
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise YamlError(f"{size:,} bytes of YAML: the limit for this file is {max_bytes:,}", first_line)
    loader: _Loader | None = None
    # The event pass is exact but slow; without a '*' there is no alias, and with few indicators the
    # document is shallow enough to compose first and measure its depth on the nodes.
    streamed = "*" in text or _may_nest_deeper_than(text, _COMPOSE_SAFELY)
    try:
        if streamed:
            _check_shape(text, first_line, max_depth)
        loader = _Loader(text, first_line)
        node = loader.get_single_node()
        if node is not None and not streamed:
            _check_node_depth(node, first_line, max_depth)
        if node is None:
            data = None
        elif streamed:
            data = loader.construct_document(node)
        else:
            data = loader.construct_plain(node)  # composed without aliases: a direct walk
    except YamlError:
        raise
    except yaml.MarkedYAMLError as error:
        problem = " ".join(filter(None, [error.context, error.problem]))
        raise YamlError(
            f"YAML syntax error: {explain_syntax_error(problem)}", _error_line(error, text) + first_line
        ) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + first_line
        raise YamlError(f"a control character (U+{error.character:04X}) that YAML does not allow: delete it", line) from None
    except yaml.YAMLError as error:
        raise YamlError(f"YAML error: {str(error)[:200]}", first_line) from None
    except RecursionError:  # a safety net: _check_shape bounds the depth first
        raise YamlError(f"nested too deeply (more than {max_depth} levels)", first_line) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Loaded(data, loader.duplicates if loader is not None else [])


def load(text: str, first_line: int = 1, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Like :func:`load_checked`, but a duplicate key is a :class:`YamlError`; returns the data."""
    loaded = load_checked(text, first_line, max_bytes=max_bytes, max_depth=max_depth)
    if loaded.duplicates:
        first = loaded.duplicates[0]
        raise YamlError(f"duplicate key '{first.key}' (first on line {first.first_line})", first.line)
    return loaded.data


def line_of(mapping: Any, key: str | None = None, default: int = 1) -> int:
    """The line of ``mapping`` (or of ``key`` in it) when it came from :func:`load`."""
    if isinstance(mapping, LineMap):
        if key is not None and key in mapping.key_lines:
            return mapping.key_lines[key]
        return mapping.line or default
    return default


def item_line(value: Any, index: int, default: int) -> int:
    """The line of item ``index`` of a list read by :func:`load`."""
    if isinstance(value, LineList) and index < len(value.item_lines):
        return value.item_lines[index]
    return default


def plain(value: Any) -> Any:
    """Turn loaded YAML into plain JSON-like data (dates become ISO strings)."""
    if type(value) is str:  # most values: one test, not three
        return value
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


_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")  # line breaks to YAML that a plain or literal value would lose


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if any(c in value for c in _OTHER_BREAKS) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(LineMap, yaml.representer.SafeRepresenter.represent_dict)
_Dumper.add_representer(LineList, yaml.representer.SafeRepresenter.represent_list)


def dump(data: Any) -> str:
    """Deterministic YAML: keys in the given order, Unicode kept, no line folding.

    Plain data (mappings of lists, mappings and one-line strings, the shape of
    a briefing's front matter) is written by :func:`_fast_dump`, byte for byte
    what PyYAML writes, in a tenth of the time; anything else by PyYAML itself.
    """
    try:
        return _fast_dump(data)
    except _NotFast:
        return _pyyaml_dump(data)


def _pyyaml_dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )


# -- the fast writer ----------------------------------------------------------------
# PyYAML's emitter (yaml/emitter.py, analyze_scalar and choose_scalar_style) writes a
# one-line printable string plain unless an indicator or the resolver forbids it, and
# single-quoted otherwise; :func:`_fast_dump` applies the same rules to the strings it
# takes and leaves every other case (line breaks, tabs, control characters, floats,
# lists of lists, long keys) to PyYAML. tests/test_yamlio.py compares the two.


class _NotFast(Exception):
    """The data has a shape or a value :func:`_fast_dump` leaves to PyYAML."""


# One line of characters PyYAML prints as they are (allow_unicode): no line break
# (\x85, \u2028, \u2029 included), no tab or control character, no BOM.
_PRINTABLE_LINE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]*")
# Whatever keeps PyYAML from writing a printable line plain in block context.
_NOT_PLAIN = re.compile(r"^(?:---|\.\.\.|[#,\[\]{}&*!|>'\"%@`]|[?:-](?: |$)| )|.:(?: |$)| #| $")
_LONGEST = 100_000  # PyYAML folds plain lines longer than its width (10**6); stay far below
_SIMPLE_KEY = 128  # PyYAML writes longer keys as complex keys ("? key")
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"


def _scalar(value: Any, is_key: bool = False) -> str:
    if isinstance(value, str):
        if len(value) > _LONGEST or (is_key and not 0 < len(value) < _SIMPLE_KEY):
            raise _NotFast
        if _PRINTABLE_LINE.fullmatch(value) is None:
            raise _NotFast
        if value and _NOT_PLAIN.search(value) is None and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG:
            return value
        return "'" + value.replace("'", "''") + "'"
    if is_key:
        raise _NotFast
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return str(value)
    raise _NotFast


def _value(value: Any, indent: int) -> list[str]:
    """The lines of a mapping's value or a list's item: ``[" scalar"]``, or the block below."""
    if isinstance(value, (dict, list)):
        if not value:
            return [" {}" if isinstance(value, dict) else " []"]
        return ["", *_block(value, indent)]
    return [" " + _scalar(value)]


def _block(value: dict[Any, Any] | list[Any], indent: int) -> list[str]:
    """The lines of a non-empty mapping or list in block style at ``indent``."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            first, *rest = _value(item, indent + 2)
            lines += [f"{pad}{_scalar(key, True)}:{first}", *rest]
        return lines
    for item in value:
        if isinstance(item, list) and item:
            raise _NotFast  # PyYAML's "- - x": left to it
        if isinstance(item, dict) and item:
            first, *rest = _block(item, indent + 2)
            lines += [f"{pad}- {first[indent + 2:]}", *rest]
        else:
            lines.append(f"{pad}-{_value(item, indent + 2)[0]}")
    return lines


def _fast_dump(data: Any) -> str:
    if not isinstance(data, dict) or not data:
        raise _NotFast
    return "\n".join(_block(data, 0)) + "\n"
