"""Reading YAML: every parse problem names file and line; duplicate keys are refused."""

from pathlib import Path

import pytest

from generator.yamlfile import LineDict, YamlError, read_yaml


def _read(tmp_path: Path, content: bytes | str):
    path = tmp_path / "x.yml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return read_yaml(path, "site-data/x.yml")


def test_values_keep_their_lines(tmp_path):
    data = _read(tmp_path, "a: 1\nlist:\n  - b: 2\n    c: drie\n")
    assert isinstance(data, LineDict)
    assert data.key_lines == {"a": 1, "list": 3}
    assert data["list"].item_lines == [3]
    assert data["list"][0].key_lines["c"] == 4


def test_duplicate_key_is_an_error_with_its_line(tmp_path):
    with pytest.raises(YamlError) as error:
        _read(tmp_path, "id: a\ntheme: wonen\ntheme: mobiliteit\n")
    assert str(error.value) == (
        "site-data/x.yml:3: dubbele sleutel 'theme' — elke sleutel mag maar één keer voorkomen; "
        "voeg de twee samen of verwijder er één"
    )


def test_tab_indentation(tmp_path):
    with pytest.raises(YamlError) as error:
        _read(tmp_path, "a:\n\t- b\n")
    assert error.value.problem.line == 2
    assert "tab" in error.value.problem.message


def test_colon_in_plain_text_gets_a_hint(tmp_path):
    with pytest.raises(YamlError) as error:
        _read(tmp_path, "- id: a\n  title: Wonen: meer huizen\n")
    problem = error.value.problem
    assert (problem.file, problem.line) == ("site-data/x.yml", 2)
    assert "aanhalingstekens" in problem.hint


def test_invalid_utf8_names_the_line(tmp_path):
    with pytest.raises(YamlError) as error:
        _read(tmp_path, b"a: 1\nb: caf\xe9\n")
    assert (error.value.problem.line, error.value.problem.message) == (2, "dit bestand is geen geldige UTF-8-tekst")


def test_dates_stay_text_and_bom_is_ignored(tmp_path):
    data = _read(tmp_path, "\ufeffdate: 2026-03-18\n")
    assert data == {"date": "2026-03-18"}


def test_unsafe_tags_are_refused(tmp_path):
    with pytest.raises(YamlError) as error:
        _read(tmp_path, "a: !!python/object/apply:os.system ['echo hi']\n")
    assert error.value.problem.line == 1
