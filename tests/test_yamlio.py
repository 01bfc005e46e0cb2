"""The one YAML reader: safe, bounded, with the lines of the file."""

import time

import pytest

from scripts import yamlio


def test_duplicate_key_is_an_error_with_both_lines():
    with pytest.raises(yamlio.YamlError) as error:
        yamlio.load("title: a\ndate: 2023-01-01\ntitle: b\n")
    assert error.value.line == 3 and "first on line 1" in error.value.message


def test_load_checked_keeps_every_duplicate():
    loaded = yamlio.load_checked("a: 1\nb: 2\na: 3\nb: 4\n", first_line=2)
    assert [(d.key, d.line, d.first_line) for d in loaded.duplicates] == [("a", 4, 2), ("b", 5, 3)]
    assert loaded.data == {"a": 3, "b": 4}


@pytest.mark.parametrize("value", ["2023-02-30", "0000-01-01", "2023-13-01"])
def test_impossible_dates_stay_text_for_the_date_checks(value):
    assert yamlio.load(f"a: 1\nd: {value}\n", first_line=2)["d"] == value


def test_unsafe_tags_are_refused():
    with pytest.raises(yamlio.YamlError) as error:
        yamlio.load('x: !!python/object/apply:os.system ["echo pwned"]\n')
    assert "tag" in error.value.message


def test_lines_of_keys_and_items_are_lines_of_the_file():
    data = yamlio.load("title: x\nlist:\n  - a\n  - b\n", first_line=2)
    assert yamlio.line_of(data, "list") == 3
    assert yamlio.item_line(data["list"], 1, 0) == 5


@pytest.mark.parametrize("text", ["a: " + "[" * 400 + "]" * 400, "a: " + "{a: " * 400 + "}" * 400,
                                  "".join("  " * i + "-\n" for i in range(400)),
                                  "a: " + "[" * 2_000_000])
def test_deep_nesting_is_an_error_not_a_crash(text):
    start = time.monotonic()
    with pytest.raises(yamlio.YamlError) as error:
        yamlio.load(text, max_depth=32)
    assert "nested more than 32 levels" in error.value.message
    assert time.monotonic() - start < 5  # refused from the first levels, not after parsing everything


def test_aliases_are_refused_before_they_expand():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    with pytest.raises(yamlio.YamlError) as error:
        yamlio.load(laughs)
    assert error.value.line == 2 and "alias" in error.value.message


def test_an_anchor_alone_is_harmless():
    assert yamlio.load("a: &x 1\nb: 2\n") == {"a": 1, "b": 2}


def test_size_limit():
    with pytest.raises(yamlio.YamlError) as error:
        yamlio.load("a: " + "x" * 2000 + "\n", max_bytes=1000)
    assert "the limit for this file is 1,000" in error.value.message


def test_control_characters_are_an_error_with_their_line():
    with pytest.raises(yamlio.YamlError) as error:
        yamlio.load("a: 1\nb: x\x07y\n")
    assert error.value.line == 2 and "U+0007" in error.value.message


def test_syntax_errors_are_explained():
    with pytest.raises(yamlio.YamlError) as error:
        yamlio.load("title: Russia: the view\n")
    assert "put it in quotes" in error.value.message


def test_dump_is_deterministic_and_round_trips():
    data = {"b": [1, 2], "a": "x: y", "text": "line one\nline two"}
    assert yamlio.dump(data) == yamlio.dump(dict(data))
    assert yamlio.plain(yamlio.load(yamlio.dump(data))) == data


# -- the fast writer: byte for byte what PyYAML writes ---------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from scripts import briefing as briefing_format  # noqa: E402
from scripts.extract import draft_briefing  # noqa: E402
from scripts.paths import BRIEFINGS, SEEDS  # noqa: E402

# Characters and words that decide PyYAML's quoting: indicators, resolver words, numbers, dates.
TRICKY = st.one_of(
    st.characters(blacklist_categories=("Cs",)),
    st.sampled_from(list(":#'\"&*!|>%@`{}[],-?.~= \t\n\x85\u2028\ufeff\u00a0\u00e9\u0416\u4e2d")),
)
TRICKY_WORDS = st.sampled_from(["yes", "No", "ON", "null", "~", "true", "1", "0x1F", "1_000", "1.5e3", ".inf",
                                "2024-02-30", "2024-01-01 10:00", "<<", "=", "---", "...", "- x", "a: b", "a #b"])
TEXT = st.one_of(st.text(TRICKY, max_size=20), TRICKY_WORDS,
                 st.builds(lambda a, b: a + b, TRICKY_WORDS, st.text(TRICKY, max_size=5)))
SCALAR = st.one_of(TEXT, st.integers(-10**6, 10**6), st.booleans(), st.none())
DATA = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(TEXT, DATA, min_size=1, max_size=6))
def test_the_fast_writer_writes_what_pyyaml_writes(data):
    assert yamlio.dump(data) == yamlio._pyyaml_dump(data)


ONE_LINE = st.one_of(TRICKY_WORDS, st.text(TRICKY.filter(lambda c: c.isprintable()), max_size=20))
FRONT_MATTER_LIKE = st.recursive(
    st.one_of(ONE_LINE, st.integers(-10**6, 10**6), st.booleans(), st.none()),
    lambda inner: st.one_of(st.lists(st.one_of(st.dictionaries(ONE_LINE.filter(bool), inner, max_size=3),
                                               ONE_LINE), max_size=4),
                            st.dictionaries(ONE_LINE.filter(bool), inner, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(ONE_LINE.filter(bool), FRONT_MATTER_LIKE, min_size=1, max_size=6))
def test_one_line_text_in_mappings_and_lists_is_written_by_the_fast_writer(data):
    assert yamlio._fast_dump(data) == yamlio._pyyaml_dump(data)


def test_front_matter_of_every_briefing_and_draft_takes_the_fast_way():
    """The archive's front matter (as read, and as drafted from the seeds) never needs the slow writer."""
    front_matters = [briefing_format.read_file(path, path.name).data for path in sorted(BRIEFINGS.glob("*.md"))]
    front_matters += [briefing_format.front_matter(draft_briefing(path)) for path in sorted(SEEDS.glob("*.txt"))]
    assert len(front_matters) >= 10
    for data in front_matters:
        assert yamlio._fast_dump(data) == yamlio._pyyaml_dump(data), data["title"]


@pytest.mark.parametrize("value", ["line one\nline two", "tab\there", "bell\x07", 1.5, ("tuple",)])
def test_what_the_fast_writer_leaves_to_pyyaml_is_still_written(value):
    data = {"key": value, "list": [[1, 2]]}
    with pytest.raises(yamlio._NotFast):
        yamlio._fast_dump({"key": value})
    assert yamlio.dump(data) == yamlio._pyyaml_dump(data)


@pytest.mark.parametrize("comment", ["", "# a '*' in a comment sends the text through the event pass\n"])
def test_depth_is_refused_alike_on_composed_nodes_and_on_the_event_stream(comment):
    """Shallow-looking text is composed first and measured on its nodes; the verdict and line are the same."""
    text = comment + "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 12)) + "  " * 12 + "v: 1\n"
    with pytest.raises(yamlio.YamlError) as error:
        yamlio.load(text, 5, max_depth=8)
    assert "nested more than 8 levels" in error.value.message
    assert error.value.line == 5 + 8 + (1 if comment else 0)  # the ninth mapping opens on the ninth line
    assert yamlio.load(text, 5, max_depth=20)["a"]["k1"]["k2"]["k3"]


def test_many_indicators_send_the_text_through_the_event_pass_first(monkeypatch):
    calls = []
    monkeypatch.setattr(yamlio, "_check_shape", lambda *args: calls.append(args))
    yamlio.load("a: [" + ", ".join(["[1]"] * 2_100) + "]\n")
    yamlio.load("a: [1, 2]\n")
    assert len(calls) == 1


# -- the direct walk of composed nodes: what PyYAML's constructors give -----------------


def _both_ways(text: str) -> tuple[yamlio.Loaded, yamlio.Loaded]:
    """``text`` read by the direct walk (no '*' in it) and by PyYAML's constructors (a '*' in a comment)."""
    assert "*" not in text
    return yamlio.load_checked(text, 3), yamlio.load_checked(text + "# *\n", 3)


def _shape(value):
    """Data with every line it remembers, to compare two readings exactly."""
    if isinstance(value, dict):
        return ("map", value.line, sorted(value.key_lines.items()), [(k, _shape(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", value.line, value.item_lines, [_shape(v) for v in value])
    return (type(value).__name__, value)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(TEXT, DATA, min_size=1, max_size=6))
def test_the_direct_walk_reads_what_pyyaml_constructs(data):
    text = yamlio._pyyaml_dump(data)
    if "*" in text:
        return
    walked, constructed = _both_ways(text)
    assert _shape(walked.data) == _shape(constructed.data)


@pytest.mark.parametrize("text", [
    "a: 1\nb: 2.5\nc: true\nd: ~\ne: 2024-05-01\nf: 2024-02-30\ng: '12'\n",
    "base: &b {x: 1}\nother:\n  <<: {y: 2}\n  z: 3\n",
    "a: !!str 12\nb: !!int '7'\nc: !!binary aGVsbG8=\n",
    "a: x\nb: y\na: z\nb: w\n",
    "set: !!set {a, b}\nlist:\n- [1, [2, {k: v}]]\n- {m: [n]}\n",
    "1: one\n2024-01-01: date key\nnull: none\n",
])
def test_the_direct_walk_agrees_on_numbers_dates_merges_tags_and_duplicates(text):
    walked, constructed = _both_ways(text)
    assert _shape(walked.data) == _shape(constructed.data)
    assert walked.duplicates == constructed.duplicates


def test_the_direct_walk_refuses_what_pyyaml_refuses():
    for text in ("a: !!python/object:os.system x\n", "? [a, b]\n: c\n"):
        with pytest.raises(yamlio.YamlError) as walked:
            yamlio.load_checked(text)
        with pytest.raises(yamlio.YamlError) as constructed:
            yamlio.load_checked(text + "# *\n")
        assert (walked.value.message, walked.value.line) == (constructed.value.message, constructed.value.line)
