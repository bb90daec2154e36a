"""The JSON Schemas for editors' tools: generated from the models, committed, and pointed to by every YAML file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, FormatChecker

from generator.build import check
from generator.editor.schema import FILE_KINDS, MODELINE_PREFIX, json_schema, kind_of, modeline, schema_files
from generator.yamlfile import read_yaml

from conftest import ROOT, make_data

DATA = ROOT / "site-data"


def validator(kind_name: str) -> Draft7Validator:
    kind = next(k for k in FILE_KINDS if k.name == kind_name)
    return Draft7Validator(json_schema(kind), format_checker=FormatChecker())


def test_committed_schemas_match_the_models():
    for relative, text in schema_files(ROOT / "site-data").items():
        committed = ROOT / relative
        assert committed.exists(), f"{relative} ontbreekt: draai 'make schema' en commit het"
        assert committed.read_text(encoding="utf-8") == text, f"{relative} loopt achter op generator/models.py: draai 'make schema'"
    stray = {f"schema/{p.name}" for p in (ROOT / "schema").glob("*.json")} - set(schema_files())
    assert not stray, f"schema-bestanden zonder model: {stray}"


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


def test_the_real_data_satisfies_the_schemas():
    for path in sorted(DATA.rglob("*.yml")):
        kind = kind_of(path.relative_to(DATA).as_posix())
        errors = [e.message for e in validator(kind.name).iter_errors(read_yaml(path, str(path)))]
        assert errors == [], f"{path}: {errors[:3]}"


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
        "# yaml-language-server: $schema=../../../schema/proposals.schema.json"
    )
