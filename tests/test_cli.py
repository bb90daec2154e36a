"""The command line as an editor and CI use it: exit codes, messages, and no half-built site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import ROOT, make_data, make_project, run


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


# -- one entry path: one validation, the data you name, generate == build ----------------------

def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".generated"}


def test_generate_writes_exactly_what_build_publishes(tmp_path):
    make_data(tmp_path)
    make_project(tmp_path, data=tmp_path / "site-data")
    assert run("--content", "generated", "generate", cwd=tmp_path).returncode == 0
    assert run("build", cwd=tmp_path).returncode == 0
    generated, built = files_of(tmp_path / "generated"), files_of(tmp_path / "content")
    built = {name: data for name, data in built.items() if not name.startswith("assets/")}  # hand-written, beside the generated pages
    assert generated.keys() == built.keys() and len(generated) > 30
    assert [name for name in generated if generated[name] != built[name]] == []


def test_build_builds_the_data_it_was_given(tmp_path):
    make_project(tmp_path, data=make_data(tmp_path / "elders").parent / "site-data")  # the project's own site-data/ is absent
    (tmp_path / "mkdocs.yml").write_text((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("--data", str(tmp_path / "elders" / "site-data"), "build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "testdorp-2026" / "index.html").is_file()
    assert not (tmp_path / "site" / "leiden-2026").exists()


def test_a_build_validates_the_data_once(tmp_path, monkeypatch):
    import generator.build

    calls = []
    real_validate = generator.build.validate
    monkeypatch.setattr(generator.build, "validate", lambda site: calls.append(site) or real_validate(site))
    make_data(tmp_path)
    make_project(tmp_path, data=tmp_path / "site-data")
    assert run("build", cwd=tmp_path).returncode == 0
    assert len(calls) == 1


# -- the architecture: data flows one way ------------------------------------------------------

STAGES = [  # lower stages never import higher ones
    {"problems", "files", "colours", "quotes", "icons"},
    {"yamlfile", "yamlerrors", "models", "dutch", "escape", "urls"},
    {"messages", "committed", "load"},
    {"stemhulp.matching", "stemhulp.balance", "validate", "locate", "gitdates", "history"},
    {"views", "glossary", "settings"},
    {"plan"},
    {"render", "opendata", "feed", "stemhulp.quiz", "sharecards"},
    {"build"},
    {"engine", "editor"},
    {"cli"},
]
SPLIT = {"stemhulp"}  # subpackages whose modules sit in different stages
CORE = {name for stage in STAGES[:7] for name in stage} - {"sharecards"}


def module_name(parts: list[str] | tuple[str, ...]) -> str:
    """'stemhulp.quiz' for a module of a split subpackage, else the top-level name ('quotes', 'plan')."""
    parts = [part.removesuffix(".py") for part in parts if part != "__init__.py"] or ["__init__"]
    return ".".join(parts[:2]) if parts[0] in SPLIT and len(parts) > 1 else parts[0]


def imports_of(path: Path) -> set[str]:
    """The generator modules that `path` imports, named as in STAGES."""
    import ast

    package = list(path.relative_to(ROOT / "generator").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            if node.module:
                found.add(module_name(base + node.module.split(".")))
            else:
                found |= {module_name([*base, alias.name]) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator."):
            found.add(module_name(node.module.split(".")[1:]))
    return found


def test_no_stage_imports_a_later_one_and_the_core_never_imports_editor_tools_or_share_cards():
    rank = {name: number for number, stage in enumerate(STAGES) for name in stage}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        module = module_name(path.relative_to(ROOT / "generator").parts)
        if module in {"__init__", "stemhulp"}:
            continue
        assert module in rank, f"{module}: give it a place in STAGES"
        for imported in imports_of(path) - {module, "stemhulp"}:
            assert imported in rank, f"{path.relative_to(ROOT)}: {imported} has no place in STAGES"
            assert rank[imported] <= rank[module], f"{path.relative_to(ROOT)} imports the later stage {imported}"
            if module in CORE:
                assert imported not in {"editor", "sharecards", "engine"}, f"{module} imports {imported}"
