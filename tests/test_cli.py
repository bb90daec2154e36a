"""The command line as an editor and CI use it: exit codes, messages, and no half-built site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, make_data, make_project


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_check_passes_on_the_real_data():
    result = run("check", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "alle citaten gevonden" in result.stdout


def test_misspelled_theme_in_a_copy_of_the_real_data(tmp_path):
    make_project(tmp_path)
    file = tmp_path / "site-data" / "leiden-2026" / "proposals" / "volt-leiden.yml"
    lines = file.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.strip() == "theme: wonen")
    lines[number] = lines[number].replace("wonen", "wonne")
    file.write_text("\n".join(lines), encoding="utf-8")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert f"site-data/leiden-2026/proposals/volt-leiden.yml:{number + 1}: onbekend thema 'wonne' — bedoelde je 'wonen'?" in result.stderr
    assert "1 fout(en) gevonden" in result.stderr


def test_invalid_data_builds_nothing_and_keeps_the_previous_site(tmp_path):
    make_data(tmp_path)
    make_project(tmp_path, data=tmp_path / "site-data")
    first = run("build", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    index = tmp_path / "site" / "testdorp-2026" / "index.html"
    before = index.read_text(encoding="utf-8")
    generated = (tmp_path / "content" / ".generated").read_text(encoding="utf-8")

    statements = tmp_path / "site-data" / "testdorp-2026" / "statements.yml"
    statements.write_text(statements.read_text(encoding="utf-8").replace("theme: mobiliteit", "theme: fiets"), encoding="utf-8")
    second = run("build", cwd=tmp_path)
    assert second.returncode == 1
    assert "site-data/testdorp-2026/statements.yml:2: onbekend thema 'fiets'" in second.stderr
    assert index.read_text(encoding="utf-8") == before
    assert (tmp_path / "content" / ".generated").read_text(encoding="utf-8") == generated


def test_mkdocs_build_stops_on_invalid_data(tmp_path):
    make_data(tmp_path)
    make_project(tmp_path, data=tmp_path / "site-data")
    actors = tmp_path / "site-data" / "testdorp-2026" / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("kind: partij", "kind: party"), encoding="utf-8")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "site-data/testdorp-2026/actors.yml:3: kind: 'party' is geen geldige waarde — bedoelde je 'partij'?" in result.stderr
    assert not (tmp_path / "site").exists()


def test_generate_writes_only_changed_files_and_removes_stale_ones(tmp_path):
    make_data(tmp_path)
    first = run("generate", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    page = tmp_path / "content" / "testdorp-2026" / "wie" / "partij-a" / "sociale-huur.md"
    assert page.exists()
    second = run("generate", cwd=tmp_path)
    assert "(0 gewijzigd)" in second.stdout
    proposals = tmp_path / "site-data" / "testdorp-2026" / "proposals" / "partij-a.yml"
    proposals.write_text(proposals.read_text(encoding="utf-8").replace("id: sociale-huur", "id: sociale-huurwoningen"), encoding="utf-8")
    third = run("generate", cwd=tmp_path)
    assert third.returncode == 0, third.stderr
    assert not page.exists()
    assert (page.parent / "sociale-huurwoningen.md").exists()


def test_coverage_reports_proposals_per_theme_and_missing_positions(tmp_path):
    make_data(tmp_path)
    statements = tmp_path / "site-data" / "testdorp-2026" / "statements.yml"
    text = statements.read_text(encoding="utf-8")
    statements.write_text(text.replace("      position: eens\n      proposals: [dertig-overal]\n", "      position: geen standpunt\n"), encoding="utf-8")
    result = run("coverage", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["Thema", "Partij", "A", "Raad", "B", "Stellingen"]
    assert lines[2].split() == ["Wonen", "1", "1", "0"]
    assert lines[3].split() == ["Verkeer", "1", "1", "1"]
    assert "  1. In de hele stad wordt 30 km/u de norm." in lines
    assert "     standpunt: 1 van 2; geen standpunt: Raad B" in lines


def test_method_page_lists_who_has_no_position(real_site):
    html = (real_site / "methode" / "index.html").read_text(encoding="utf-8")
    assert "wie heeft per stelling geen standpunt?" in html
    assert html.count('class="wvw-coverage') >= 2
