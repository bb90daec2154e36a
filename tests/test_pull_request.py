"""What a reviewer sees on a pull request: the coverage table and the pages a change touches."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PIL import Image
from test_editor_errors import edit

from generator.build import generate
from generator.editor.cli import coverage_text
from generator.editor.github import MAX_SCREENSHOTS, PageChanges, Preview, coverage_markdown, page_changes, run_url, summary, text_diff
from generator.editor.schema import write_schemas
from generator.settings import Settings

from helpers import ROOT, make_data, run

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
    table = html[html.index('<table class="wvw-coverage wvw-stack">') : html.index("</table>")]
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
    assert out.startswith("## Wat wil wie? — controle geslaagd\n\n### Wat er inhoudelijk verandert (1)\n")
    assert "\n### Verkiezingen Testdorp 2026\n\n| Thema | Partij A | Raad B | Stellingen |" in out
    assert "**Gewijzigd** (" in out
    assert "- `/testdorp-2026/wie/raad-b/dertig-overal/` · [nieuwe versie](http://localhost:8000/testdorp-2026/wie/raad-b/dertig-overal/)" in out
    assert "[online (oude versie)](https://watwilwie.github.io/watwilwie/testdorp-2026/wie/raad-b/dertig-overal/)" in out
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


# -- what a reviewer reads: the content before and after, and where to see the pages ---------

def changed_head(tmp_path: Path) -> tuple[Path, Path]:
    """A base and a pull request: one title, one quote and one position changed, one proposal added."""
    base = make_data(tmp_path / "base")
    head = make_data(tmp_path)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    edit(head, PROPOSALS, "title: 30 km/u binnen de singels", "title: Binnen de singels 30 km/u")
    edit(head, PROPOSALS, "quote: Binnen de singels wordt 30 km/u de norm.", "quote: Binnen de singels wordt 30 km/u de norm. We onderzoeken een autoluwe binnenstad.")
    edit(head, "testdorp-2026/statements.yml", "position: eens\n      proposals: [dertig-overal]", "position: neutraal\n      proposals: [dertig-overal]\n      explanation: Alleen in woonwijken.")
    edit(head, "testdorp-2026/proposals/raad-b.yml", "proposals:\n", "proposals:\n  - id: meer-huur\n    theme: wonen\n    title: Meer sociale huur ```<b>\n    quote: En meer sociale huurwoningen.\n")
    return base, head


def test_summary_shows_each_changed_quote_title_and_position_before_and_after(tmp_path):
    base, _ = changed_head(tmp_path)
    out = run("summary", "--base", str(base), cwd=tmp_path).stdout
    assert "### Wat er inhoudelijk verandert (3)\n" in out
    assert out.index("`raad-b/meer-huur`") < out.index("`partij-a/dertig-kmu`") < out.index("`dertig-kmu-overal`")  # the order of the site
    assert (
        "**Gewijzigd: voorstel `partij-a/dertig-kmu`** (Testdorp 2026): Binnen de singels 30 km/u\n\n"
        "```diff\n"
        "@@ Titel @@\n"
        "- 30 km/u binnen de singels\n"
        "+ Binnen de singels 30 km/u\n"
        "@@ Citaat @@\n"
        "  Binnen de singels wordt 30 km/u de norm.\n"
        "+ We onderzoeken een autoluwe binnenstad.\n"
        "```\n"
    ) in out
    # Editor text cannot close the fence or become HTML: the fence is longer than any backtick run in it.
    assert (
        "**Nieuw: voorstel `raad-b/meer-huur`** (Testdorp 2026): Meer sociale huur \\`\\`\\`&lt;b&gt;\n\n"
        "````diff\n"
        "@@ Titel @@\n"
        "+ Meer sociale huur ```<b>\n"
        "@@ Citaat @@\n"
        "+ En meer sociale huurwoningen.\n"
        "````\n"
    ) in out
    assert (
        "**Gewijzigd: stelling `dertig-kmu-overal`** (Testdorp 2026): In de hele stad wordt 30 km/u de norm\\.\n\n"
        "```diff\n"
        "@@ Standpunt van Raad B @@\n"
        "- eens (voorstellen: dertig-overal)\n"
        "+ neutraal: Alleen in woonwijken. (voorstellen: dertig-overal)\n"
        "```\n"
    ) in out
    assert "sociale-huur`" not in out  # unchanged proposals are not listed


def test_text_diff_keeps_a_sentence_per_line_with_one_line_of_context():
    before = "Eén. Twee is lang. Drie. Vier. Vijf."
    after = "Eén. Twee is heel lang. Drie. Vier. Vijf."
    assert text_diff(before, after) == ["  Eén.", "- Twee is lang.", "+ Twee is heel lang.", "  Drie."]
    assert text_diff(None, "Nieuw.") == ["+ Nieuw."]
    assert text_diff("Weg. Ook weg.", None) == ["- Weg.", "- Ook weg."]
    far = text_diff("A. B. C. D. E. F.", "A2. B. C. D. E. F2.")
    assert far == ["- A.", "+ A2.", "  B.", "  …", "  E.", "- F.", "+ F2."]


def test_summary_links_each_page_inside_the_artifact_and_labels_the_live_site_as_old(tmp_path):
    base, _ = changed_head(tmp_path)
    plan = tmp_path / "voorbeeld" / "plan.tsv"
    result = run("summary", "--base", str(base), "--schermafbeeldingen", str(plan), cwd=tmp_path)
    out = result.stdout
    assert "1. Open deze run en klik onderaan bij **Artifacts** op `voorbeeld`" in out
    assert "typ `python3 -m http.server 8000`. Dan werken de links **nieuwe versie** hieronder" in out
    assert "de links **online** gaan naar de site zoals hij nu is, dus de oude versie, zonder deze wijziging." in out
    new_page = "testdorp-2026/wie/raad-b/meer-huur/"
    assert f"- `/{new_page}` · [nieuwe versie](http://localhost:8000/{new_page}) · foto `schermafbeeldingen/01-testdorp-2026-wie-raad-b-meer-huur.png`\n" in out
    changed = "testdorp-2026/wie/partij-a/dertig-kmu/"
    assert (
        f"- `/{changed}` · [nieuwe versie](http://localhost:8000/{changed}) · foto `schermafbeeldingen/02-testdorp-2026-wie-partij-a-dertig-kmu.png`"
        f" · [online (oude versie)](https://watwilwie.github.io/watwilwie/{changed})\n"
    ) in out
    # The pages of the changed items come first, in the order of the content changes; at most ten.
    lines = plan.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == [
        f"01-testdorp-2026-wie-raad-b-meer-huur.png\t{new_page}",
        f"02-testdorp-2026-wie-partij-a-dertig-kmu.png\t{changed}",
        "03-testdorp-2026-stelling-dertig-kmu-overal.png\ttestdorp-2026/stelling/dertig-kmu-overal/",
    ]
    assert len(lines) == MAX_SCREENSHOTS and len({line.split("\t")[1] for line in lines}) == MAX_SCREENSHOTS


def test_the_run_link_comes_from_github_actions_variables():
    environ = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "watwilwie/watwilwie", "GITHUB_RUN_ID": "42"}
    assert run_url(environ) == "https://github.com/watwilwie/watwilwie/actions/runs/42"
    assert run_url({}) is None
    text = summary(rendered_site(), PageChanges(["a.md"], [], []), "https://x.example/", preview=Preview(run_url(environ), {}))
    assert "1. Open [deze run](https://github.com/watwilwie/watwilwie/actions/runs/42) en klik" in text
    assert "foto" not in text and "staan foto's" not in text


def rendered_site():
    return generate(Settings(data_dir=make_data(Path(tempfile.mkdtemp())), content_dir=Path(tempfile.mkdtemp()))).site


def test_a_data_change_that_outdates_the_schemas_is_noted_not_blocked(tmp_path):
    base, head = changed_head(tmp_path)
    (tmp_path / "schema").mkdir()
    write_schemas(tmp_path, head)
    fresh = run("summary", "--base", str(base), cwd=tmp_path)
    assert "loopt achter" not in fresh.stdout
    edit(head, "testdorp-2026/actors.yml", "- id: raad-b", "- id: raad-c")
    edit(head, "testdorp-2026/actors.yml", "- id: raad-c", "- id: raad-b\n  name: Raad B2\n  kind: adviesraad\n  description: Nog een raad.\n  sources: [advies-b]\n- id: raad-c")
    stale = run("summary", "--base", str(base), cwd=tmp_path)
    assert stale.returncode == 0
    assert "De hulp voor editors in `schema/` loopt achter op de gegevens (3 bestand(en)). Dat houdt niets tegen: een beheerder draait later `make schema`." in stale.stdout


# -- the screenshots: the tool the workflow runs, against a real build -------------------------

TOOL = ROOT / "tools" / "preview" / "screenshots.py"


def screenshots(plan: Path, site: Path, out: Path) -> subprocess.CompletedProcess:
    """The tool as the workflow runs it, in its own process (the tests' browser holds this one's event loop)."""
    return subprocess.run([sys.executable, str(TOOL), str(plan), "--site", str(site), "--out", str(out)], capture_output=True, text=True, timeout=300)


def test_screenshots_of_the_planned_pages_at_phone_width(mini_site, tmp_path):
    plan = tmp_path / "plan.tsv"
    plan.write_text("01-stelling.png\ttestdorp-2026/stelling/dertig-kmu-overal/\n02-voorstel.png\ttestdorp-2026/wie/raad-b/vreemde-tekens/\n", encoding="utf-8")
    out = tmp_path / "schermafbeeldingen"
    result = screenshots(plan, mini_site, out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"2 schermafbeelding(en) in {out}/\n"
    assert sorted(p.name for p in out.iterdir()) == ["01-stelling.png", "02-voorstel.png"]
    for png in out.iterdir():
        with Image.open(png) as image:
            assert image.width == 360 and 300 < image.height <= 12 * 780
            assert len(image.convert("RGB").getcolors(maxcolors=100_000) or []) > 20, f"{png.name} looks blank"


def test_a_missing_page_is_reported_and_fails_the_step(mini_site, tmp_path):
    plan = tmp_path / "plan.tsv"
    plan.write_text("01-weg.png\ttestdorp-2026/wie/partij-a/bestaat-niet/\n", encoding="utf-8")
    result = screenshots(plan, mini_site, tmp_path / "uit")
    assert result.returncode == 1
    assert "Geen schermafbeelding van /testdorp-2026/wie/partij-a/bestaat-niet/: status 404" in result.stderr


def test_a_plan_names_only_png_files_in_the_output_folder(tmp_path):
    spec = importlib.util.spec_from_file_location("screenshots", TOOL)
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool  # dataclasses look their module up
    spec.loader.exec_module(tool)
    plan = tmp_path / "plan.tsv"
    plan.write_text("01-a.png\tleiden-2026/\n\n02-b.png\t/methode/\n", encoding="utf-8")
    assert tool.read_plan(plan) == [tool.Shot("01-a.png", "leiden-2026/"), tool.Shot("02-b.png", "methode/")]
    plan.write_text("../x.png\tindex/\n", encoding="utf-8")
    with pytest.raises(ValueError, match="is geen bestandsnaam van een PNG"):
        tool.read_plan(plan)
