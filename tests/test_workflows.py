"""The GitHub Actions workflows and the pre-commit configuration are valid and call the README's commands."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
PINNED = re.compile(r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+@v[0-9]+$")  # owner/repo@vN (a major version)
# Keys GitHub Actions accepts at the top of a workflow, in a job and in a step.
WORKFLOW_KEYS = {"name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"}
JOB_KEYS = {
    "name", "needs", "permissions", "if", "runs-on", "environment", "concurrency", "outputs", "env",
    "defaults", "steps", "timeout-minutes", "strategy", "continue-on-error", "container", "services", "uses",
    "with", "secrets",
}
STEP_KEYS = {"id", "if", "name", "uses", "run", "shell", "with", "env", "continue-on-error", "timeout-minutes",
             "working-directory"}
EVENTS = {"push", "pull_request", "pull_request_target", "workflow_dispatch", "schedule", "release",
          "workflow_call", "merge_group"}


def load_workflow(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: a workflow is a mapping"
    if True in data:  # YAML 1.1 reads the key `on` as true; GitHub reads it as "on"
        data["on"] = data.pop(True)
    return data


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    on = workflow["on"]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {event: None for event in on}
    return on


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_lines(workflow: dict[str, Any]) -> list[str]:
    return [line.strip() for step in steps(workflow) if "run" in step for line in str(step["run"]).splitlines()]


def uses(workflow: dict[str, Any]) -> list[str]:
    return [step["uses"] for step in steps(workflow) if "uses" in step]


def make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z0-9_.-]+):", text, re.MULTILINE))


@pytest.fixture(scope="module")
def ci() -> dict[str, Any]:
    return load_workflow(WORKFLOWS / "ci.yml")


@pytest.fixture(scope="module")
def pages() -> dict[str, Any]:
    return load_workflow(WORKFLOWS / "pages.yml")


def test_there_are_workflows() -> None:
    assert {p.name for p in workflow_files()} >= {"ci.yml", "pages.yml"}


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_workflow_has_the_structure_github_requires(path: Path) -> None:
    workflow = load_workflow(path)
    assert set(workflow) <= WORKFLOW_KEYS, set(workflow) - WORKFLOW_KEYS
    assert "on" in workflow and "jobs" in workflow
    assert set(triggers(workflow)) <= EVENTS
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict) and jobs
    for job_id, job in jobs.items():
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", job_id), job_id
        assert isinstance(job, dict) and set(job) <= JOB_KEYS, (job_id, set(job) - JOB_KEYS)
        assert isinstance(job.get("runs-on"), (str, list)), f"{job_id}: runs-on"
        for need in [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", []):
            assert need in jobs, f"{job_id} needs unknown job {need}"
        assert isinstance(job.get("steps"), list) and job["steps"], f"{job_id}: steps"
        ids = [step.get("id") for step in job["steps"] if step.get("id")]
        assert len(ids) == len(set(ids))
        for step in job["steps"]:
            assert isinstance(step, dict) and set(step) <= STEP_KEYS, step
            assert ("run" in step) != ("uses" in step), f"{job_id}: a step has exactly one of run or uses: {step}"
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"pin to a major version: {step['uses']}"
            else:
                assert isinstance(step["run"], str) and step["run"].strip()


def test_pull_requests_run_the_readme_commands(ci: dict[str, Any]) -> None:
    assert "pull_request" in triggers(ci)
    lines = run_lines(ci)
    assert "make test" in lines
    assert "make site" in lines  # = ingest + python -m scripts check + mkdocs build --strict
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    site_recipe = re.search(r"^site:.*\n((?:\t.*\n)*)", makefile, re.MULTILINE)
    assert site_recipe and "check" in site_recipe.group(0) and "mkdocs build --strict" in site_recipe.group(0)
    assert ci["permissions"] == {"contents": "read"}


def test_chromium_comes_from_debian(ci: dict[str, Any], pages: dict[str, Any]) -> None:
    for workflow in (ci, pages):
        build = next(job for job in workflow["jobs"].values() if "make test" in str(job.get("steps")))
        assert str(build.get("container", "")).startswith("python:3.11-bookworm")
        assert any(re.search(r"apt-get install -y .*\bchromium\b", line) for line in run_lines(workflow))


def test_main_deploys_to_github_pages_with_the_official_actions(pages: dict[str, Any]) -> None:
    on = triggers(pages)
    assert on["push"]["branches"] == ["main"]
    assert "make site" in run_lines(pages) and "make test" in run_lines(pages)
    actions = [u.split("@")[0] for u in uses(pages)]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in actions
    upload = next(s for s in steps(pages) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    deploy = pages["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in deploy["environment"]["url"]
    assert any(s.get("id") == "deployment" for s in deploy["steps"])
    assert pages["permissions"] == {"contents": "read"}


def test_make_commands_in_workflows_exist() -> None:
    targets = make_targets()
    for path in workflow_files():
        for line in run_lines(load_workflow(path)):
            for target in re.findall(r"^make ((?:[A-Za-z0-9_.-]+ ?)+)", line):
                for name in target.split():
                    assert name in targets, f"{path.name}: make {name} is not a Makefile target"


def test_pre_commit_runs_check() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert isinstance(config, dict) and isinstance(config["repos"], list)
    [local] = [repo for repo in config["repos"] if repo["repo"] == "local"]
    [hook] = local["hooks"]
    assert set(hook) <= {"id", "name", "entry", "language", "pass_filenames", "files", "types", "always_run",
                         "stages", "description", "exclude"}
    assert hook["id"] and hook["name"]
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    assert hook["entry"].endswith("python -m scripts check")
    assert re.compile(hook["files"]).search("briefings/2023-05-20-x.md")
    assert re.compile(hook["files"]).search("registry/people.yaml")
