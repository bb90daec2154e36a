"""JSON Schemas of the files in `site-data/`, generated from the models.

The models stay the one source of truth: `watwilwie schema` (`make schema`)
writes one schema per kind of file into `schema/`, and a test fails when the
committed files differ from what the models produce. Each YAML file names its
schema in a first-line comment that the YAML extension of VS Code (and other
editors using yaml-language-server) reads, so editors get field names
completed, Dutch hover help and errors while they type.

yaml-language-server understands JSON Schema draft 7, so the schemas are
written in that dialect (`definitions`, not `$defs`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from ..models import Actor, Election, Located, ProposalFile, Redirect, Source, Statement, Theme

SCHEMA_DIR = "schema"
MODELINE_PREFIX = "# yaml-language-server: $schema="
DRAFT = "http://json-schema.org/draft-07/schema#"


@dataclass(frozen=True)
class FileKind:
    """One kind of YAML file an editor writes, and the model it holds."""

    name: str  # schema file: schema/<name>.schema.json
    pattern: str  # path under site-data/
    model: type[Located]
    is_list: bool  # the file is a list of items ("- id: …")
    implied_id: bool  # the id is the folder or file name, never written
    description: str  # Dutch, shown by editors

    @property
    def schema_path(self) -> str:
        return f"{SCHEMA_DIR}/{self.name}.schema.json"


FILE_KINDS = (
    FileKind("themes", "themes.yml", Theme, True, False, "De thema's van alle verkiezingen (site-data/themes.yml)."),
    FileKind("election", "*/election.yml", Election, False, True, "Eén verkiezing. Het id is de naam van de map."),
    FileKind("actors", "*/actors.yml", Actor, True, False, "De partijen en organisaties van één verkiezing."),
    FileKind("source", "*/bronnen/*.yml", Source, False, True, "Gegevens van één brondocument. De tekst staat ernaast als .txt met dezelfde naam."),
    FileKind("proposals", "*/proposals/*.yml", ProposalFile, False, False, "De voorstellen van één actor, met letterlijke citaten."),
    FileKind("statements", "*/statements.yml", Statement, True, False, "De stellingen van de stemhulp, met het standpunt van elke actor."),
    FileKind("redirects", "*/redirects.yml", Redirect, True, False, "Oude adressen die naar een nieuwe pagina leiden. Verwijder nooit een regel."),
)


class _Draft7(GenerateJsonSchema):
    def str_schema(self, schema) -> dict[str, Any]:
        # The models accept a number where text is expected (`period: 2026`).
        result = super().str_schema(schema)
        result["type"] = ["string", "number"]
        return result


def kind_of(relative: str) -> FileKind | None:
    """The kind of a YAML file, from its path under `site-data/` ('leiden-2026/actors.yml')."""
    return next((kind for kind in FILE_KINDS if fnmatch(relative, kind.pattern) and relative.count("/") == kind.pattern.count("/")), None)


def json_schema(kind: FileKind, themes: Sequence[Theme] = ()) -> dict[str, Any]:
    """The schema of one kind of file; with `themes`, theme and topic ids are offered as choices."""
    target = list[kind.model] if kind.is_list else kind.model  # type: ignore[name-defined]
    schema = TypeAdapter(target).json_schema(schema_generator=_Draft7, ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    if themes:
        _offer_ids(definitions, themes)
    if kind.implied_id:
        _drop_field(schema, "id")
    for node in (schema, *definitions.values()):
        _close_maps(node)
        _wrap_refs(node)
    schema.pop("title", None)
    result = {
        "$schema": DRAFT,
        "$comment": "Gegenereerd uit generator/models.py met 'make schema'. Niet met de hand wijzigen.",
        "title": f"site-data/{kind.pattern}",
        "description": kind.description,
        **schema,
    }
    if definitions:
        result["definitions"] = definitions
    _strip_titles(result, top=True)
    return result


def _offer_ids(definitions: dict[str, Any], themes: Sequence[Theme]) -> None:
    """Theme and topic ids as enums (with the Dutch names as descriptions), so an editor's autocompletion offers them."""
    theme_ids = [theme.id for theme in themes]
    theme_names = [theme.name for theme in themes]
    topics = [(topic.id, f"{theme.name}: {topic.question}") for theme in themes for topic in theme.topics]
    for name in ("Proposal", "Statement"):
        properties = definitions.get(name, {}).get("properties", {})
        if "theme" in properties:
            properties["theme"].update(enum=theme_ids, enumDescriptions=theme_names)
        if "topic" in properties and topics:
            properties["topic"]["anyOf"] = [
                {**option, "enum": [t for t, _ in topics], "enumDescriptions": [d for _, d in topics]} if option.get("type") != "null" else option
                for option in properties["topic"].get("anyOf", [])
            ]


def render(kind: FileKind, themes: Sequence[Theme] = ()) -> str:
    return json.dumps(json_schema(kind, themes), indent=2, ensure_ascii=False) + "\n"


def schema_files(data_dir: Path | None = None) -> dict[str, str]:
    """Every schema file, by its path in the repository; theme and topic ids from `data_dir`/themes.yml."""
    themes: Sequence[Theme] = _themes(data_dir) if data_dir else ()
    return {kind.schema_path: render(kind, themes) for kind in FILE_KINDS}


def _themes(data_dir: Path) -> list[Theme]:
    from ..load import Loader

    loader = Loader(data_dir)
    return loader.read_list(data_dir / "themes.yml", Theme)


def write_schemas(root: Path, data_dir: Path | None = None) -> list[str]:
    """Write the schema files under `root`; return those that changed."""
    changed = []
    for relative, text in schema_files(data_dir).items():
        path = root / relative
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        changed.append(relative)
    return changed


def modeline(yaml_file: Path, data_dir: Path, root: Path) -> str | None:
    """The first-line comment that points `yaml_file` to its schema; None for an unknown kind of file."""
    kind = kind_of(yaml_file.relative_to(data_dir).as_posix())
    if kind is None:
        return None
    return MODELINE_PREFIX + Path(os.path.relpath(root / kind.schema_path, yaml_file.parent)).as_posix()


def add_modelines(data_dir: Path, root: Path) -> list[Path]:
    """Give every YAML file under `data_dir` its schema comment as first line; return the files changed."""
    changed = []
    for path in sorted(data_dir.rglob("*.yml")):
        wanted = modeline(path, data_dir, root)
        if wanted is None:
            continue
        text = path.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        if first == wanted:
            continue
        path.write_text(wanted + "\n" + (rest if first.startswith(MODELINE_PREFIX) else text), encoding="utf-8")
        changed.append(path)
    return changed


def _drop_field(schema: dict, name: str) -> None:
    schema["properties"].pop(name, None)
    if name in schema.get("required", []):
        schema["required"].remove(name)


def _close_maps(schema: dict) -> None:
    """A map with keys of a given form (actor ids in `positions`) allows no other keys."""
    for value in schema.get("properties", {}).values():
        if "patternProperties" in value:
            value.setdefault("additionalProperties", False)


def _wrap_refs(schema: dict) -> None:
    """Draft 7 ignores keywords beside `$ref`; wrap the reference so a field's description still shows."""
    for value in schema.get("properties", {}).values():
        if "$ref" in value and len(value) > 1:
            value["allOf"] = [{"$ref": value.pop("$ref")}]


_DATA_KEYWORDS = {"default", "enum", "const", "examples"}


def _strip_titles(node: Any, top: bool = False) -> None:
    """Drop pydantic's English field titles ('Short Name'); the Dutch descriptions say it better."""
    if isinstance(node, dict):
        if not top and isinstance(node.get("title"), str):
            del node["title"]
        for key, value in node.items():
            if key in {"properties", "patternProperties", "definitions"}:
                for child in value.values():
                    _strip_titles(child)
            elif key not in _DATA_KEYWORDS:
                _strip_titles(value)
    elif isinstance(node, list):
        for item in node:
            _strip_titles(item)
