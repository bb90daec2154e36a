"""What a reviewer sees on a pull request: the coverage table and the pages a change touches."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from test_cli import run
from test_editor_errors import edit

from generator.build import generate
from generator.editor.cli import coverage_text
from generator.editor.github import coverage_markdown, page_changes
from generator.settings import Settings

from conftest import ROOT, make_data

PROPOSALS = "testdorp-2026/proposals/partij-a.yml"


def rendered(data: Path):
    result = generate(Settings(data_dir=data, content_dir=data.parent / "content"))
    assert result.problems == []
    return result


def test_coverage_counts_proposals_per_actor_and_theme(data_dir):
    election = rendered(data_dir).plan.site.elections[0]
    coverage = election.coverage()
    assert [a.id for a in coverage.actors] == ["partij-a", "raad-b"]
    assert [(row.theme.id, row.counts, row.statements) for row in coverage.rows] == [("wonen", [1, 1], 0), ("mobiliteit", [1, 1], 1)]
    assert (coverage.totals, coverage.statements) == ([2, 2], 1)
    assert coverage_text(election) == (
        "Thema    Partij A  Raad B  Stellingen\n"
        "Wonen           1       1           0\n"
        "Verkeer         1       1           1\n"
        "Totaal          2       2           1"
    )


def test_the_method_page_shows_the_same_coverage(mini_site):
    html = (mini_site / "methode" / "index.html").read_text(encoding="utf-8")
    table = html[html.index('<table class="wvw-coverage">') : html.index("</table>")]
    rows = [re.sub(r"<[^>]+>", " ", row).split() for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
    assert rows[1:] == [["Wonen", "1", "1", "0"], ["Verkeer", "1", "1", "1"], ["Totaal", "2", "2", "1"]]


def test_coverage_as_markdown_escapes_editor_text(data_dir):
    edit(data_dir, "themes.yml", "name: Verkeer", "name: 'Fiets | <b>auto</b>'")
    table = coverage_markdown(rendered(data_dir).plan.site.elections[0])
    assert table.split("\n")[:2] == ["| Thema | Partij A | Raad B | Stellingen |", "| --- | --: | --: | --: |"]
    assert "| Fiets \\| &lt;b&gt;auto&lt;/b&gt; | 1 | 1 | 1 |" in table
    assert "\n| **Totaal** | **2** | **2** | **1** |\n" in table
    assert table.endswith("| 1\\. In de hele stad wordt 30 km/u de norm\\. | — |")


def test_changed_pages_between_base_and_pull_request(tmp_path):
    base = make_data(tmp_path / "base")
    head = make_data(tmp_path / "head")
    edit(head, PROPOSALS, "title: 30 km/u binnen de singels", "title: Binnen de singels 30 km/u")
    edit(head, PROPOSALS, "proposals:\n", "proposals:\n  - id: autoluwe-binnenstad\n    theme: mobiliteit\n    title: Autoluw\n    quote: We onderzoeken een autoluwe binnenstad.\n")
    changes = page_changes(rendered(base).files, rendered(head).files)
    assert changes.added == ["testdorp-2026/wie/partij-a/autoluwe-binnenstad.md"]
    assert changes.removed == []
    assert "testdorp-2026/wie/partij-a/dertig-kmu.md" in changes.changed
    assert "testdorp-2026/thema/mobiliteit.md" in changes.changed
    assert "testdorp-2026/wie/partij-a/sociale-huur.md" not in changes.changed


def test_summary_command_for_the_job_summary(tmp_path):
    base = make_data(tmp_path / "base")
    head = make_data(tmp_path)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (head / "testdorp-2026" / "proposals" / "raad-b.yml").write_text(
        (base / "testdorp-2026" / "proposals" / "raad-b.yml").read_text(encoding="utf-8").replace("title: 30 km/u in de hele stad", "title: Overal 30 km/u"),
        encoding="utf-8",
    )
    result = run("summary", "--base", str(base), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("## Wat wil wie? — controle geslaagd\n\n### Verkiezingen Testdorp 2026\n\n| Thema | Partij A | Raad B | Stellingen |")
    assert "**Gewijzigd** (" in out
    assert "- [`/testdorp-2026/wie/raad-b/dertig-overal/`](https://watwilwie.github.io/watwilwie/testdorp-2026/wie/raad-b/dertig-overal/)" in out
    assert "**Nieuw**" not in out and "**Verwijderd**" not in out

    same = run("summary", "--base", str(tmp_path / "site-data"), cwd=tmp_path)
    assert "Geen enkele pagina verandert." in same.stdout
    unknown = run("summary", "--base", str(tmp_path / "nergens"), cwd=tmp_path)
    assert "De vorige versie kon niet worden vergeleken." in unknown.stdout


def test_summary_lists_the_errors_when_the_data_is_invalid(data_dir):
    edit(data_dir, PROPOSALS, "theme: wonen", "theme: <b>woonen</b>")
    result = run("summary", cwd=data_dir.parent)
    assert result.returncode == 0
    assert result.stdout.startswith("## Wat wil wie? — 1 fout(en) in de gegevens\n\nEr is niets gebouwd. Verbeter deze regels:\n\n")
    assert "- `site-data/testdorp-2026/proposals/partij-a.yml:4`: theme: '&lt;b&gt;woonen&lt;/b&gt;' is geen geldige id" in result.stdout
