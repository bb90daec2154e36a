"""The site build: a failed or interrupted build leaves the previous site as it was, and two
builds of the same data are byte for byte the same."""

from __future__ import annotations

import filecmp
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.engine import EngineError

from helpers import ROOT, build_project, make_project, many_elections

ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"}


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture
def project(tmp_path) -> Path:
    data = many_elections(tmp_path)
    make_project(tmp_path, data=data)
    build_project(tmp_path)
    return tmp_path


def test_a_failed_mkdocs_build_keeps_the_previous_site(project):
    before = files_of(project / "site")
    overrides = project / "templates" / "overrides" / "main.html"
    overrides.write_text(overrides.read_text(encoding="utf-8") + "\n{% block broken %}{{ kapot( }}{% endblock %}\n", encoding="utf-8")
    with pytest.raises(EngineError):
        build_project(project)
    assert files_of(project / "site") == before
    assert not list(project.glob(".site-*")) and not (project / "site.old").exists()


def test_a_strict_warning_keeps_the_previous_site(project):
    before = files_of(project / "site")
    (project / "content" / "assets" / "kapot.md").write_text("[nergens](bestaat-niet.md)\n", encoding="utf-8")
    with pytest.raises(EngineError):
        build_project(project)
    assert files_of(project / "site") == before


# The build in a subprocess that pauses once MkDocs has written the whole new site, before the swap:
# the moment where an interruption could do most harm, reached every time instead of by luck.
PAUSED_BUILD = """
import sys, time
from pathlib import Path
import generator.engine.mkdocs as engine
real_build = engine.build
def build_then_pause(config):
    real_build(config)
    Path("built-not-swapped").touch()
    time.sleep(60)
engine.build = build_then_pause
from generator.cli import main
sys.exit(main(["build"]))
"""


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_an_interrupted_build_keeps_the_previous_site(project, stop):
    before = files_of(project / "site")
    build = subprocess.Popen([sys.executable, "-c", PAUSED_BUILD], cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (project / "built-not-swapped").exists():
        assert build.poll() is None and time.monotonic() < deadline, "the build ended before it could be interrupted"
        time.sleep(0.02)
    assert any(staging.is_dir() and any(staging.rglob("*.html")) for staging in project.glob(".site-*"))
    build.send_signal(stop)
    build.wait(timeout=60)
    assert build.returncode != 0
    assert files_of(project / "site") == before
    if stop == signal.SIGINT:  # a clean stop also removes its half-built folder
        assert not list(project.glob(".site-*"))


def test_a_swap_stopped_halfway_is_repaired_by_the_next_build(project):
    before = files_of(project / "site")
    os.replace(project / "site", project / "site.old")  # as if killed between the two renames
    (project / "content" / "assets" / "kapot.md").write_text("[nergens](bestaat-niet.md)\n", encoding="utf-8")
    with pytest.raises(EngineError):
        build_project(project)
    assert files_of(project / "site") == before


def test_two_builds_of_the_same_data_are_identical(tmp_path):
    """In different folders, with different hash seeds and on different days (SOURCE_DATE_EPOCH
    is MkDocs' build date), as two CI runners a year apart would build."""
    sites = []
    for number in (1, 2):
        root = tmp_path / f"checkout-{number}"
        root.mkdir()
        make_project(root, data=many_elections(root))
        result = subprocess.run(
            [sys.executable, "-m", "generator.cli", "build"], cwd=root, capture_output=True, text=True,
            env={**ENV, "PYTHONHASHSEED": str(number), "SOURCE_DATE_EPOCH": str(1_700_000_000 + number * 400 * 86_400)},
        )
        assert result.returncode == 0, result.stderr
        sites.append(root / "site")
    first, second = files_of(sites[0]), files_of(sites[1])
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    assert len(first) > 100
    assert not filecmp.dircmp(sites[0], sites[1]).diff_files
