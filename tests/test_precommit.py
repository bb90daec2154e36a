"""The pre-commit hooks: a YAML formatter that keeps the curated files as they are, and the data check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.yamlfile import read_yaml

from helpers import ROOT

BIN = Path(sys.executable).parent
MESSY = """\
actor:   partij-a
proposals:
    -   id: sociale-huur
        theme: wonen   
        title: "1.000 nieuwe sociale huurwoningen"


        quote: >-
            We bouwen in deze periode 1.000 nieuwe
            sociale huurwoningen.
"""


def yamlfmt(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([BIN / "yamlfmt", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.content
def test_the_curated_data_is_already_formatted():
    result = yamlfmt("-lint", "site-data", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_formatter_tidies_layout_and_keeps_every_value(tmp_path):
    shutil.copy(ROOT / ".yamlfmt.yaml", tmp_path)
    messy = tmp_path / "partij-a.yml"
    messy.write_text(MESSY, encoding="utf-8")
    before = yaml.safe_load(MESSY)
    assert yamlfmt("partij-a.yml", cwd=tmp_path).returncode == 0
    assert messy.read_text(encoding="utf-8") == (
        "actor: partij-a\n"
        "proposals:\n"
        "  - id: sociale-huur\n"
        "    theme: wonen\n"
        '    title: "1.000 nieuwe sociale huurwoningen"\n'
        "\n"
        "    quote: >-\n"
        "      We bouwen in deze periode 1.000 nieuwe\n"
        "      sociale huurwoningen.\n"
    )
    assert read_yaml(messy, "partij-a.yml") == before


def test_pre_commit_formats_and_stops_a_misspelt_theme(tmp_path):
    """A real `pre-commit run` in a throwaway repository that shares this project's code and venv."""
    for name in ("Makefile", ".venv", "generator", "templates", "mkdocs.yml", "schema"):
        (tmp_path / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    os.utime(tmp_path / "pyproject.toml", (0, 0))  # make keeps the shared .venv as it is
    for name in (".pre-commit-config.yaml", ".yamlfmt.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "site-data", tmp_path / "site-data")
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "start"], cwd=tmp_path, check=True)

    file = tmp_path / "site-data" / "leiden-2026" / "proposals" / "asdl.yml"
    lines = file.read_text(encoding="utf-8").split("\n")
    number = lines.index("    theme: wonen")
    lines[number] = "    theme:    woonen"
    file.write_text("\n".join(lines), encoding="utf-8")
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(ROOT / ".cache" / "pre-commit")}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run([BIN / "pre-commit", "run"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "files were modified by this hook" in result.stdout
    assert f"site-data/leiden-2026/proposals/asdl.yml:{number + 1}: onbekend thema 'woonen' — bedoelde je 'wonen'?" in result.stdout
    assert file.read_text(encoding="utf-8").split("\n")[number] == "    theme: woonen"
