"""The JSON Schemas for editors' tools: generated from the models, committed, and pointed to by every YAML file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator, FormatChecker

from generator.build import check
from generator.editor.schema import FILE_KINDS, MODELINE_PREFIX, json_schema, kind_of, modeline, schema_files
from generator.yamlfile import read_yaml

from helpers import ROOT, make_data

DATA = ROOT / "site-data"


def validator(kind_name: str) -> Draft7Validator:
    kind = next(k for k in FILE_KINDS if k.name == kind_name)
    return Draft7Validator(json_schema(kind), format_checker=FormatChecker())


def test_committed_schemas_match_the_models_and_the_data():
    wanted = schema_files(ROOT / "site-data")
    for relative, text in wanted.items():
        committed = ROOT / relative
        assert committed.exists(), f"{relative} ontbreekt: draai 'make schema' en commit het"
        assert committed.read_text(encoding="utf-8") == text, f"{relative} loopt achter op generator/models.py of site-data/: draai 'make schema'"
    stray = {p.relative_to(ROOT).as_posix() for p in (ROOT / "schema").rglob("*.json")} - set(wanted)
    assert not stray, f"schema-bestanden zonder model of verkiezing: {stray}"


def test_schemas_are_draft_7_with_dutch_help_and_no_english_titles():
    for kind in FILE_KINDS:
        schema = json_schema(kind)
        Draft7Validator.check_schema(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert "$defs" not in json.dumps(schema)
        text = json.dumps(schema)
        assert '"title": "Id"' not in text and '"title": "Short Name"' not in text


def test_fields_that_editors_never_write_are_not_offered():
    proposal = json_schema(next(k for k in FILE_KINDS if k.name == "proposals"))["definitions"]["Proposal"]
    assert set(proposal["properties"]) == {"id", "theme", "topic", "title", "quote", "source"}
    assert proposal["additionalProperties"] is False
    election = json_schema(next(k for k in FILE_KINDS if k.name == "election"))
    assert "id" not in election["properties"] and "id" not in election["required"]
    assert election["properties"]["date"]["description"] == "Datum van de verkiezing, zoals 2026-03-18."


@pytest.mark.content
def test_every_yaml_file_points_to_its_schema_on_the_first_line():
    files = sorted(DATA.rglob("*.yml"))
    assert len(files) >= 10
    for path in files:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        wanted = modeline(path, DATA, ROOT)
        assert wanted is not None, f"{path}: onbekend soort bestand"
        assert first == wanted, f"{path.relative_to(ROOT)}: zet '{wanted}' op de eerste regel (of draai 'make schema')"
        target = (path.parent / first.removeprefix(MODELINE_PREFIX)).resolve()
        assert target.exists(), f"{path}: {target} bestaat niet"


@pytest.mark.content
def test_the_real_data_satisfies_the_schemas_its_files_name():
    files = sorted(DATA.rglob("*.yml"))
    for path in files:
        errors = [e.message for e in named_schema(path).iter_errors(read_yaml(path, str(path)))]
        assert errors == [], f"{path}: {errors[:3]}"
    assert {kind_of(p.relative_to(DATA).as_posix()).name for p in files} == {kind.name for kind in FILE_KINDS}


def named_schema(path: Path) -> Draft7Validator:
    """The validator of the schema that the file's first line names, as the editor's YAML extension finds it."""
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    return Draft7Validator(json.loads((path.parent / first.removeprefix(MODELINE_PREFIX)).read_text(encoding="utf-8")), format_checker=FormatChecker())


def committed(relative: str) -> dict:
    return json.loads((ROOT / "schema" / relative).read_text(encoding="utf-8"))


def enum_of(node: dict) -> list[str]:
    return next(option for option in node.get("anyOf", [node]) if "enum" in option)["enum"]


def test_each_election_offers_its_own_actors_and_sources():
    leiden = committed("leiden-2026/proposals.schema.json")
    assert enum_of(leiden["properties"]["actor"]) == ["volt-leiden", "coalitie-leiden", "asdl", "leidse-regio"]
    assert "volt-leiden-2026-2030" in enum_of(leiden["properties"]["source"])
    assert "volt-den-haag-2026-2030" not in enum_of(leiden["properties"]["source"])
    assert enum_of(committed("den-haag-2026/proposals.schema.json")["properties"]["actor"]) == ["volt-den-haag"]
    actor = leiden["properties"]["actor"]
    assert actor["enumDescriptions"][0] == "Volt Leiden (doet mee in de stemhulp)"
    assert actor["errorMessage"].startswith("Onbekende actor.")
    positions = committed("leiden-2026/statements.schema.json")["definitions"]["Statement"]["properties"]["positions"]
    assert list(positions["properties"]) == ["volt-leiden", "coalitie-leiden", "asdl", "leidse-regio"]
    assert positions["properties"]["asdl"] == {"description": "Adviesraad Sociaal Domein Leiden (doet mee in de stemhulp)", "allOf": [{"$ref": "#/definitions/Position"}]}
    assert positions["additionalProperties"] is False
    assert enum_of(committed("leiden-2026/election.schema.json")["definitions"]["Stemhulp"]["properties"]["actors"]["items"])[0] == "volt-leiden"
    assert "asdl-bouwstenen-2026" in enum_of(committed("leiden-2026/actors.schema.json")["definitions"]["Actor"]["properties"]["sources"]["items"])


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("leiden-2026/statements.yml", "  positions:\n    volt-leiden:", "  positions:\n    volt-den-haag:"),
        ("leiden-2026/proposals/volt-leiden.yml", "actor: volt-leiden", "actor: volt-den-haag"),
        ("leiden-2026/proposals/volt-leiden.yml", "    theme: europa-regio", "    theme: europa"),
        ("leiden-2026/proposals/volt-leiden.yml", "    topic: intimidatie-op-straat", "    topic: intimidatie"),
        ("leiden-2026/actors.yml", "  sources: [volt-leiden-2026-2030]", "  sources: [volt-den-haag-2026-2030]"),
    ],
)
def test_an_id_from_another_election_or_a_typo_is_refused(tmp_path, file, old, new):
    path = DATA / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    valid = named_schema(path)
    assert valid.is_valid(read_yaml(path, file))
    changed = tmp_path / path.name
    changed.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert not valid.is_valid(read_yaml(changed, file))


@pytest.mark.parametrize(
    ("file", "line", "typed", "kind", "message", "hint"),
    [
        ("testdorp-2026/bronnen/advies-b.yml", 'period: "2026"', "period: 2026", "source",
         "period: hier hoort tekst, maar YAML leest 2026 als een getal", "zet de waarde tussen aanhalingstekens: period: '2026'"),
        ("testdorp-2026/proposals/partij-a.yml", "title: 30 km/u binnen de singels", "title: 1.10", "proposals",
         "title: hier hoort tekst, maar YAML leest dit als het getal 1.1", "zet de tekst tussen aanhalingstekens, precies zoals je hem bedoelt (zonder aanhalingstekens laat YAML nullen weg)"),
        ("testdorp-2026/actors.yml", "name: Raad B", "name: 50", "actors",
         "name: hier hoort tekst, maar YAML leest 50 als een getal", "zet de waarde tussen aanhalingstekens: name: '50'"),
    ],
)
def test_a_number_where_text_belongs_is_refused_by_schema_and_check_in_dutch(tmp_path, file, line, typed, kind, message, hint):
    data = make_data(tmp_path)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert line in text
    path.write_text(text.replace(line, typed, 1), encoding="utf-8")
    errors = list(validator(kind).iter_errors(read_yaml(path, file)))
    assert [e.validator for e in errors] == ["type"]
    assert errors[0].schema["errorMessage"].startswith("Hier hoort tekst. Is het een getal of ja/nee?")
    typed_line = next(n for n, written in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if written.strip() == typed)
    assert [(p.line, p.message, p.hint) for p in check(data).problems] == [(typed_line, message, hint)]


def test_ids_and_fixed_values_have_dutch_messages_and_descriptions():
    proposal = committed("leiden-2026/proposals.schema.json")["definitions"]["Proposal"]["properties"]
    assert proposal["id"]["patternErrorMessage"] == "Een id bestaat uit kleine letters zonder accenten, cijfers en enkele streepjes, zoals 'sociale-huur'."
    assert proposal["theme"]["errorMessage"] == "Onbekend thema. Kies er een uit de lijst (Ctrl+Spatie toont ze met uitleg)."
    assert proposal["theme"]["enumDescriptions"][proposal["theme"]["enum"].index("financien")] == "Financiën en belastingen"
    assert proposal["title"]["type"] == "string"
    position = committed("leiden-2026/statements.schema.json")["definitions"]["Position"]["properties"]["position"]
    assert position["enumDescriptions"][0].startswith("Eens: ") and len(position["enumDescriptions"]) == 4
    actor = committed("leiden-2026/actors.schema.json")["definitions"]["Actor"]["properties"]
    assert actor["colour"]["anyOf"][0]["patternErrorMessage"].startswith("Schrijf een kleur als '#502379'")
    assert actor["website"]["anyOf"][0]["patternErrorMessage"].startswith("Een webadres begint met https://")
    assert committed("themes.schema.json")["definitions"]["Theme"]["properties"]["icon"]["patternErrorMessage"] == "Schrijf een icoon als 'material/home-city'."
    text = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "schema").rglob("*.json"))
    assert '"number"' not in text
    for message in re.findall(r'"(?:errorMessage|patternErrorMessage)": "([^"]*)"', text):
        assert not re.search(r"\b(the|is not|must|should)\b", message), message


@pytest.mark.parametrize(
    ("file", "old", "new", "kind"),
    [
        ("testdorp-2026/proposals/partij-a.yml", "    title: 1.000", "    titel: 1.000", "proposals"),
        ("testdorp-2026/proposals/partij-a.yml", "id: sociale-huur", "id: Sociale Huur", "proposals"),
        ("testdorp-2026/actors.yml", "kind: adviesraad", "kind: adviesraaf", "actors"),
        ("testdorp-2026/election.yml", "municipality: Testdorp\n", "", "election"),
        ("testdorp-2026/statements.yml", "position: eens", "position: mwah", "statements"),
        ("testdorp-2026/bronnen/advies-b.yml", "hyphenation: hard", "hyphenation: zacht", "source"),
        ("themes.yml", "icon: material/home-city", "icon: Huis", "themes"),
    ],
)
def test_the_schema_and_the_check_reject_the_same_mistakes(tmp_path, file, old, new, kind):
    data = make_data(tmp_path)
    path = data / file
    assert validator(kind).is_valid(read_yaml(path, file))
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert not validator(kind).is_valid(read_yaml(path, file))
    problems = check(data).problems
    assert any(p.file.endswith(file) for p in problems)


def test_kind_of_knows_every_place_and_nothing_else():
    assert kind_of("themes.yml").name == "themes"
    assert kind_of("leiden-2026/bronnen/x.yml").name == "source"
    assert kind_of("leiden-2026/proposals/volt.yml").name == "proposals"
    assert kind_of("leiden-2026/statements.yml").name == "statements"
    assert kind_of("leiden-2026/notes.yml") is None
    assert kind_of("leiden-2026/proposals/old/x.yml") is None
    assert modeline(Path("/r/site-data/a/proposals/b.yml"), Path("/r/site-data"), Path("/r")) == (
        "# yaml-language-server: $schema=../../../schema/a/proposals.schema.json"
    )
    assert modeline(Path("/r/site-data/a/bronnen/b.yml"), Path("/r/site-data"), Path("/r")) == "# yaml-language-server: $schema=../../../schema/source.schema.json"
    assert modeline(Path("/r/site-data/themes.yml"), Path("/r/site-data"), Path("/r")) == "# yaml-language-server: $schema=../schema/themes.schema.json"


def test_vs_code_recommends_the_yaml_extension_and_writes_yaml_as_the_data_wants():
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["files.eol"] == "\n"
    yaml_settings = settings["[yaml]"]
    assert yaml_settings["editor.insertSpaces"] is True and yaml_settings["editor.tabSize"] == 2
    assert yaml_settings["files.trimTrailingWhitespace"] is True
    formatter = yaml.safe_load((ROOT / ".yamlfmt.yaml").read_text(encoding="utf-8"))["formatter"]
    assert formatter["trim_trailing_whitespace"] is True and formatter.get("indent", 2) == yaml_settings["editor.tabSize"]
