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
