"""Properties that hold for any input (Hypothesis), each bounded in examples so the suite stays fast.

* a briefing written by :func:`scripts.briefing.render` reads back as the same briefing, valid;
* a slug is always safe, short and never empty;
* the seed reader, given any bytes, returns a seed or a ProblemsError - never a traceback;
* the document model and the whole drafting, given any text, never fail and always give a briefing
  whose front matter is valid.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts import briefing as briefing_format
from scripts.extract import draft_from_text
from scripts.extract.document import build_document
from scripts.model import Briefing, Figure, Quote, Source, Unregistered
from scripts.problems import ProblemsError
from scripts.registry import default_registry
from scripts.seed import read_seed
from scripts.slugs import is_safe_slug, slugify

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])

# Any character a YAML file can hold (no surrogates), with the ones that stress quoting over-represented.
ANY_CHAR = st.one_of(
    st.characters(blacklist_categories=("Cs",)),
    st.sampled_from(list(":#'\"&*!|>%@`{}[],-?<> \\\u00e9\u0416\u4e2d\u202e\x1b\u2028")),
)
ONE_LINE = st.text(ANY_CHAR.filter(lambda c: c not in "\n\r\x85\u2028\u2029" and c.isprintable()), max_size=60)
# Words, and the tokens that mean something at the start of a Markdown line or in a body section.
WORD = st.one_of(
    st.text(st.sampled_from(string.ascii_letters + "éЖ中&<>*#`_-'\"!"), min_size=1, max_size=12),
    st.sampled_from(["##", "#", "-", "*", ">", "—", "**x**:", "&amp;", "<script>", "1.", "---", "...", "\\", "\\#", "\\*"]),
)
PARAGRAPH = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
ARTICLE = st.lists(PARAGRAPH, min_size=1, max_size=5).map("\n\n".join)
NAME = st.text(st.sampled_from(string.ascii_letters + " é'-"), min_size=1, max_size=30).map(lambda s: " ".join(s.split()))
DAY = st.dates().map(lambda d: d.isoformat()).filter(lambda d: d <= "2026-11-27")


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    date = draw(st.one_of(st.none(), DAY))
    names = draw(st.lists(NAME.filter(bool), max_size=5, unique=True))
    return Briefing(
        title=draw(ONE_LINE.map(str.strip).filter(bool)),
        date=date,
        date_basis=draw(st.sampled_from(["stated", "derived", "event"])) if date else "unknown",
        date_evidence=draw(st.one_of(st.none(), ONE_LINE)),
        source=Source(
            outlet=draw(st.one_of(st.none(), NAME)),
            url=draw(st.one_of(st.none(), st.just("https://example.org/a?b=1&c=%20"))),
            seed=None,
            sha256=None,
        ),
        people=names,
        stance={name: draw(st.sampled_from(["supportive", "neutral", "critical"])) for name in names[:2]},
        thesis=draw(ONE_LINE),
        summary=draw(st.text(ANY_CHAR, max_size=200)),
        reviewed=draw(st.booleans()),
        unregistered=[Unregistered(name=n, kind="person") for n in names if len(n) >= 2],
        key_points=draw(st.lists(PARAGRAPH, max_size=3)),
        key_figures=[Figure(value=v, sentence=s) for v, s in draw(st.lists(st.tuples(WORD, PARAGRAPH), max_size=2))],
        quotes=[Quote(text=t, speaker=s) for t, s in draw(st.lists(st.tuples(PARAGRAPH, st.one_of(st.none(), NAME.filter(bool))), max_size=2))],
        text=draw(ARTICLE),
    )


@FAST
@given(briefings())
def test_a_rendered_briefing_reads_back_the_same_and_valid(original: Briefing) -> None:
    text = briefing_format.render(original)
    read = briefing_format.read_text(text, "x.md")
    assert read.problems == []
    assert briefing_format.from_front_matter(read.data, read.body) == original
    assert briefing_format.is_machine_draft(text) and briefing_format.is_protected(text) == original.reviewed
    assert briefing_format.render(briefing_format.from_front_matter(read.data, read.body)) == text  # deterministic


@FAST
@given(st.text(ANY_CHAR, max_size=200), st.integers(min_value=1, max_value=100))
def test_slugs_are_always_safe_short_and_never_empty(text: str, length: int) -> None:
    slug = slugify(text, max_length=length)
    assert is_safe_slug(slug) and slug.isascii()
    assert len(slug) <= max(length, len("untitled"))
    assert slugify(text, max_length=length) == slug


@SLOW
@given(st.binary(max_size=3000))
def test_the_seed_reader_never_fails_with_a_traceback(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("seeds") / "x.txt"
    path.write_bytes(raw)
    try:
        seed = read_seed(path)
    except ProblemsError as error:
        assert error.problems and all(p.line >= 1 for p in error.problems)
    else:
        assert seed.text.strip() and "\r" not in seed.text


@SLOW
@given(st.text(ANY_CHAR, max_size=1500))
def test_the_document_model_takes_any_text(text: str) -> None:
    document = build_document(text)
    for sentence in document.sentences:
        assert document.text[sentence.start:sentence.end] == sentence.text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(ONE_LINE, PARAGRAPH, st.just(""), st.just("Share on Facebook"), st.just("Read also:")),
                min_size=1, max_size=25).map("\n".join))
def test_any_text_drafts_a_briefing_whose_front_matter_is_valid(text: str) -> None:
    drafted = draft_from_text(text, None, None, default_registry())
    read = briefing_format.read_text(briefing_format.render(drafted), "x.md")
    assert read.problems == [], read.problems


def test_the_committed_briefings_read_back_as_they_are_written() -> None:
    for path in sorted(Path(briefing_format.__file__).resolve().parents[1].joinpath("briefings").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        read = briefing_format.read_text(text, path.name)
        assert read.problems == []
        if briefing_format.is_machine_draft(text):
            assert briefing_format.render(briefing_format.from_front_matter(read.data, read.body)) == text, path.name
