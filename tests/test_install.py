"""An editor's first `make check` on a fresh clone installs the runtime only, not the test tools."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import ROOT


@pytest.mark.slow
def test_make_check_in_a_fresh_clone_installs_no_test_tools(tmp_path):
    """A real clone and a new venv: about a minute with pip's cache warm, more when pip downloads."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VIRTUAL_ENV", "PYTHON", "GITHUB_"))}
    # The venv is made from this Python (3.11+), as `make` would with python3 on an editor's machine.
    result = subprocess.run(["make", "check", f"PYTHON={sys.executable}"], cwd=clone, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Alles in orde:" in result.stdout
    venv_python = clone / ".venv" / "bin" / "python"
    probe = "import importlib.util as u; print(*(bool(u.find_spec(m)) for m in ('mkdocs', 'pydantic', 'pytest', 'playwright', 'zizmor', 'hypothesis')))"
    found = subprocess.run([venv_python, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert found == ["True", "True", "False", "False", "False", "False"]
    assert not (clone / ".venv" / "bin" / "pytest").exists()
    assert (clone / ".venv" / ".installed").exists() and not (clone / ".venv" / ".installed-test").exists()
