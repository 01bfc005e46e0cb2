"""Editor support: the schema comment in briefings, the registry schemas and the check task for VS Code."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from scripts import schemas, yamlio
from scripts.registry import ACTOR_FILES, INSTITUTIONS_FILE, SCHEMA_OF_KIND
from scripts.validate import briefing_paths
from scripts.briefing import SCHEMA_COMMENT

REPO = Path(__file__).resolve().parent.parent
VSCODE = REPO / ".vscode"
KIND_OF_FILE = {filename: kind for kind, filename in ACTOR_FILES.items()}


def vscode_json(name: str) -> dict:
    return json.loads((VSCODE / name).read_text(encoding="utf-8"))


def registry_schemas() -> dict[str, Path]:
    """registry file name -> editor schema, from .vscode/settings.json."""
    mapping = vscode_json("settings.json")["yaml.schemas"]
    return {glob.rsplit("/", 1)[1]: (REPO / schema).resolve() for schema, glob in mapping.items()}


def test_vscode_files_are_json() -> None:
    for name in ("settings.json", "tasks.json", "extensions.json"):
        assert isinstance(vscode_json(name), dict)
    assert "redhat.vscode-yaml" in vscode_json("extensions.json")["recommendations"]


def test_editors_use_the_very_schemas_check_uses() -> None:
    schemas = registry_schemas()
    assert set(schemas) == {*ACTOR_FILES.values(), INSTITUTIONS_FILE, "events.yaml"}
    for filename, path in schemas.items():
        assert path.parent == REPO / "docs" / "schemas", filename  # one folder, no editor-only copies
        jsonschema.Draft7Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))  # YAML LS: draft-07
    for kind, filename in ACTOR_FILES.items():
        assert schemas[filename].name == f"{SCHEMA_OF_KIND[kind]}.schema.json"
    assert not (VSCODE / "schemas").exists()


@pytest.mark.parametrize("filename", sorted({*ACTOR_FILES.values(), INSTITUTIONS_FILE}))
def test_the_registry_data_satisfies_its_editor_schema(filename: str) -> None:
    path = REPO / "registry" / filename
    if not path.exists():
        pytest.skip(f"registry/{filename} not written yet")
    data = yamlio.plain(yamlio.load(path.read_text(encoding="utf-8")) or [])
    validator = schemas.validator(registry_schemas()[filename].name.removesuffix(".schema.json"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, "\n".join(errors[:20])


def test_briefings_carry_the_schema_comment_and_it_resolves() -> None:
    target = SCHEMA_COMMENT.split("$schema=", 1)[1].strip()
    for path in briefing_paths(REPO / "briefings"):
        lines = path.read_text(encoding="utf-8").split("\n", 2)
        assert lines[0] == "---" and lines[1] == SCHEMA_COMMENT.rstrip("\n"), path.name
    assert (REPO / "briefings" / target).resolve() == (REPO / "docs" / "schemas" / "briefing.schema.json")


def test_the_check_task_problem_matcher_reads_checks_output(tmp_path: Path) -> None:
    (tmp_path / "briefings").mkdir()
    (tmp_path / "registry").mkdir()
    (tmp_path / "briefings" / "2023-05-20-x.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "scripts.check", "--root", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    tasks = {task["label"]: task for task in vscode_json("tasks.json")["tasks"]}
    pattern = tasks["check: everything"]["problemMatcher"]["pattern"]
    matches = [re.match(pattern["regexp"], line) for line in result.stderr.splitlines()]
    found = [(m.group(pattern["file"]), int(m.group(pattern["line"]))) for m in matches if m]
    assert found == [("briefings/2023-05-20-x.md", 2)]
    assert tasks["check: everything"]["args"] == ["-m", "scripts", "check"]
