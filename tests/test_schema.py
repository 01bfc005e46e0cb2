"""The committed JSON Schema is valid draft-07 (what editors support) and every briefing conforms."""

import json

import jsonschema

from scripts.briefing import read_text
from scripts import paths, yamlio
from scripts.validate import briefing_paths


def test_schema_is_valid_draft_07():
    schema = json.loads(paths.SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("http://json-schema.org/draft-07")
    jsonschema.Draft7Validator.check_schema(schema)


def test_every_committed_briefing_conforms_to_the_schema():
    validator = jsonschema.Draft7Validator(json.loads(paths.SCHEMA.read_text(encoding="utf-8")))
    files = briefing_paths()
    assert files, "the archive has briefings"
    for path in files:
        data = yamlio.plain(read_text(path.read_text(encoding="utf-8"), path.name).data)
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], f"{path.name}: {errors}"


def test_schema_rejects_what_check_must_reject():
    validator = jsonschema.Draft7Validator(json.loads(paths.SCHEMA.read_text(encoding="utf-8")))
    path = briefing_paths()[0]
    data = yamlio.plain(read_text(path.read_text(encoding="utf-8"), path.name).data)
    for field, bad in (("date_basis", "guessed"), ("stance", {"Russia": "hostile"}), ("countries", "Russia"),
                       ("source", {**data["source"], "url": "javascript:alert(1)"})):
        assert list(validator.iter_errors({**data, field: bad})), field
    assert list(validator.iter_errors({k: v for k, v in data.items() if k != "thesis"}))


# -- the fast gate (fastjsonschema) gives jsonschema's verdict -------------------------

import copy  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from scripts import schemas  # noqa: E402
from scripts.events import EVENTS_FILE  # noqa: E402
from scripts.registry import ACTOR_FILES, SCHEMA_OF_KIND  # noqa: E402

VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=False), st.text(max_size=30),
              st.sampled_from(["", "x" * 400, "2024-02-30", "2024-01-01", "supportive", "neutral", "Russia",
                               "https://example.org/a", "javascript:alert(1)", "seeds/x.txt", "stated", "day"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _front_matters():
    return [yamlio.plain(read_text(p.read_text(encoding="utf-8"), p.name).data) for p in briefing_paths()]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_fast_gate_agrees_with_jsonschema_on_altered_front_matter(data):
    """Any one place of a real front matter replaced, deleted or added to: the same verdict either way."""
    front = copy.deepcopy(data.draw(st.sampled_from(_FRONT_MATTERS)))
    place = data.draw(st.sampled_from(list(_paths(front))[1:]))
    *parents, last = place
    holder = front
    for part in parents:
        holder = holder[part]
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "delete":
        del holder[last]
    elif action == "add" and isinstance(holder, dict):
        holder[data.draw(st.text(max_size=12))] = data.draw(VALUES)
    else:
        holder[last] = data.draw(VALUES)
    assert schemas.is_valid("briefing", front) == schemas.validator("briefing").is_valid(front)


_FRONT_MATTERS = _front_matters()


@pytest.mark.parametrize("kind", sorted(ACTOR_FILES))
def test_the_fast_gate_passes_every_registry_file(kind):
    """The committed data is valid by the gate (else every load would pay jsonschema too)."""
    entries = yamlio.plain(yamlio.load((paths.REGISTRY / ACTOR_FILES[kind]).read_text(encoding="utf-8")))
    schemas.fast_check(SCHEMA_OF_KIND[kind])(entries)  # raises JsonSchemaException if refused


def test_the_fast_gate_passes_the_calendar():
    schemas.fast_check("events")(yamlio.plain(yamlio.load(EVENTS_FILE.read_text(encoding="utf-8"))))


def test_a_schema_referring_outside_its_folder_is_refused():
    with pytest.raises(ValueError, match="may only refer"):
        schemas._local_schema("https://example.org/evil.schema.json")
