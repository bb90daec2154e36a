"""JSON Schemas of the files in `site-data/`, generated from the models and the data.

The models stay the one source of truth for the shape of a file: `watwilwie
schema` (`make schema`) writes the schemas into `schema/`, and a test fails when
the committed files differ from what the models and the data produce. Each YAML
file names its schema in a first-line comment that the YAML extension of VS Code
(and other editors using yaml-language-server) reads, so editors get field names
and ids completed, Dutch hover help and Dutch errors while they type.

The ids an editor picks from are enums with Dutch descriptions: theme and topic
ids (shared by all elections) and, per election, its actor and source ids.
Actor ids differ per election, and a modeline can name only one schema file, so
the kinds of file inside an election folder get a schema per election
(`schema/leiden-2026/proposals.schema.json`); `themes.yml` and the source
metadata, which hold no election's ids, share one schema each. (A single schema
with every election's actors would offer Den Haag's parties in Leiden; a
`propertyNames` rule cannot tell the editor which ids exist.)

Text fields accept only text: YAML reads `period: 2026` as a number and `1.10`
as 1.1, so the loader refuses numbers where text is expected, and the schema
says the same.

yaml-language-server understands JSON Schema draft 7, so the schemas are
written in that dialect (`definitions`, not `$defs`), with its extensions
`patternErrorMessage`, `errorMessage` and `enumDescriptions` for Dutch wording.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from ..models import COLOUR_PATTERN, ICON_PATTERN, SLUG_PATTERN, URL_PATTERN, Actor, Election, Located, ProposalFile, Redirect, Source, Statement, Term, Theme

if TYPE_CHECKING:
    from ..load import ElectionData, SiteData

SCHEMA_DIR = "schema"
MODELINE_PREFIX = "# yaml-language-server: $schema="
DRAFT = "http://json-schema.org/draft-07/schema#"


@dataclass(frozen=True)
class FileKind:
    """One kind of YAML file an editor writes, and the model it holds."""

    name: str  # schema file: schema/[<election>/]<name>.schema.json
    pattern: str  # path under site-data/
    model: type[Located]
    is_list: bool  # the file is a list of items ("- id: …")
    implied_id: bool  # the id is the folder or file name, never written
    description: str  # Dutch, shown by editors
    per_election: bool  # offers the election's own actor and source ids

    def schema_path(self, election: str | None = None) -> str:
        folder = f"{SCHEMA_DIR}/{election}" if self.per_election and election else SCHEMA_DIR
        return f"{folder}/{self.name}.schema.json"


FILE_KINDS = (
    FileKind("themes", "themes.yml", Theme, True, False, "De thema's van alle verkiezingen (site-data/themes.yml).", False),
    FileKind("election", "*/election.yml", Election, False, True, "Eén verkiezing. Het id is de naam van de map.", True),
    FileKind("actors", "*/actors.yml", Actor, True, False, "De partijen en organisaties van één verkiezing.", True),
    FileKind("source", "*/bronnen/*.yml", Source, False, True, "Gegevens van één brondocument. De tekst staat ernaast als .txt met dezelfde naam.", False),
    FileKind("proposals", "*/proposals/*.yml", ProposalFile, False, False, "De voorstellen van één actor, met letterlijke citaten.", True),
    FileKind("statements", "*/statements.yml", Statement, True, False, "De stellingen van de stemhulp, met het standpunt van elke actor.", True),
    FileKind("begrippen", "begrippen.yml", Term, True, False, "De begrippenlijst: moeilijke woorden uit de citaten, in gewone taal uitgelegd.", False),
    FileKind("redirects", "*/redirects.yml", Redirect, True, False, "Oude adressen die naar een nieuwe pagina leiden. Verwijder nooit een regel.", False),
)

# Dutch messages for values that do not fit (yaml-language-server shows them instead of the regex).
PATTERN_MESSAGES = {
    SLUG_PATTERN: "Een id bestaat uit kleine letters zonder accenten, cijfers en enkele streepjes, zoals 'sociale-huur'.",
    COLOUR_PATTERN: "Schrijf een kleur als '#502379': een hekje en zes tekens 0-9 of a-f.",
    URL_PATTERN: "Een webadres begint met https:// (of http://) en heeft geen spaties.",
    ICON_PATTERN: "Schrijf een icoon als 'material/home-city'.",
}
TEXT_MESSAGE = "Hier hoort tekst. Is het een getal of ja/nee? Zet het dan tussen aanhalingstekens, zoals '2026'."
CHOICE_MESSAGE = "Kies een waarde uit de lijst (Ctrl+Spatie toont ze met uitleg)."
# What each fixed value means, in the editor's words.
VALUE_DESCRIPTIONS = {
    "eens": "Eens: de actor wil dit. Noem bij 'proposals' de voorstellen waaruit het blijkt.",
    "neutraal": "Neutraal: de actor wil het deels, of met voorwaarden. Noem de voorstellen.",
    "oneens": "Oneens: de actor wil het tegenovergestelde. Noem de voorstellen.",
    "geen standpunt": "Geen standpunt: de bron zegt er niets over. Geen voorstellen noemen.",
    "partij": "Een politieke partij.",
    "coalitie": "De partijen die samen het college vormen, met hun coalitieakkoord.",
    "adviesraad": "Een raad die de gemeente adviseert, zoals een adviesraad sociaal domein.",
    "overheid": "Een overheid of samenwerking van gemeenten, met haar eigen plannen.",
    "verkiezingsprogramma": "Het programma van een partij voor deze verkiezing.",
    "coalitieakkoord": "De afspraken van de coalitie voor haar periode.",
    "advies": "Een advies aan de gemeente of de nieuwe raad.",
    "toekomstvisie": "Een visie op de lange termijn, zoals van een regio.",
    "overig": "Een ander soort document.",
    "soft": "Opgemaakte pdf: een streepje aan het eind van een regel breekt een woord af.",
    "hard": "Word-document: een streepje aan het eind van een regel hoort bij het woord.",
}


@dataclass(frozen=True)
class Choice:
    """An id an editor can pick, with the Dutch text that completion shows beside it."""

    id: str
    description: str


@dataclass(frozen=True)
class Choices:
    """The ids offered as enums: themes and topics for everyone, actors and sources per election."""

    themes: tuple[Choice, ...] = ()
    topics: tuple[Choice, ...] = ()
    actors: tuple[Choice, ...] = ()
    sources: tuple[Choice, ...] = ()


def choices_of(themes: Sequence[Theme], election: ElectionData | None = None) -> Choices:
    """The choices from the themes and, optionally, one election's loaded data."""
    theme_choices = tuple(Choice(theme.id, theme.name) for theme in themes)
    topics = tuple(Choice(topic.id, f"{theme.name}: {topic.question}") for theme in themes for topic in theme.topics)
    if election is None:
        return Choices(theme_choices, topics)
    stemhulp = set(election.election.stemhulp.actors)
    actors = tuple(Choice(a.id, a.name + (" (doet mee in de stemhulp)" if a.id in stemhulp else "")) for a in election.actors)
    sources = tuple(Choice(s.id, f"{s.title} ({s.publisher}, {s.period})") for s in election.sources.values())
    return Choices(theme_choices, topics, actors, sources)


class _Draft7(GenerateJsonSchema):
    def str_schema(self, schema) -> dict[str, Any]:
        result = super().str_schema(schema)
        result["errorMessage"] = TEXT_MESSAGE
        if result.get("pattern") in PATTERN_MESSAGES:
            result["patternErrorMessage"] = PATTERN_MESSAGES[result["pattern"]]
        return result


def kind_of(relative: str) -> FileKind | None:
    """The kind of a YAML file, from its path under `site-data/` ('leiden-2026/actors.yml')."""
    return next((kind for kind in FILE_KINDS if fnmatch(relative, kind.pattern) and relative.count("/") == kind.pattern.count("/")), None)


def json_schema(kind: FileKind, themes: Sequence[Theme] = (), election: ElectionData | None = None) -> dict[str, Any]:
    """The schema of one kind of file; with `themes` (and an election's data) its ids are offered as choices."""
    return schema_with(kind, choices_of(themes, election if kind.per_election else None))


def schema_with(kind: FileKind, choices: Choices) -> dict[str, Any]:
    target = list[kind.model] if kind.is_list else kind.model  # type: ignore[name-defined]
    schema = TypeAdapter(target).json_schema(schema_generator=_Draft7, ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    models = {**definitions, **({} if kind.is_list else {kind.model.__name__: schema})}
    _offer_ids(models, choices)
    _describe_values(schema)
    for node in definitions.values():
        _describe_values(node)
    if kind.implied_id:
        _drop_field(schema, "id")
    for node in (schema, *definitions.values()):
        _close_maps(node)
        _wrap_refs(node)
    schema.pop("title", None)
    result = {
        "$schema": DRAFT,
        "$comment": "Gegenereerd uit generator/models.py en site-data/ met 'make schema'. Niet met de hand wijzigen.",
        "title": f"site-data/{kind.pattern}",
        "description": kind.description,
        **schema,
    }
    if definitions:
        result["definitions"] = definitions
    _strip_titles(result, top=True)
    return result


def _offer_ids(models: dict[str, Any], choices: Choices) -> None:
    """Ids as enums with Dutch descriptions, so an editor's autocompletion offers them."""
    def field(model: str, name: str) -> dict[str, Any] | None:
        found: dict[str, Any] | None = models.get(model, {}).get("properties", {}).get(name)
        return found

    for model in ("Proposal", "Statement"):
        _offer(field(model, "theme"), choices.themes, "Onbekend thema")
    _offer(field("Proposal", "topic"), choices.topics, "Onbekend onderwerp")
    _offer(field("ProposalFile", "actor"), choices.actors, "Onbekende actor")
    for model in ("ProposalFile", "Proposal"):
        _offer(field(model, "source"), choices.sources, "Onbekende bron")
    sources = field("Actor", "sources")
    _offer(sources and sources.get("items"), choices.sources, "Onbekende bron")
    stemhulp = field("Stemhulp", "actors")
    _offer(stemhulp and stemhulp.get("items"), choices.actors, "Onbekende actor")
    positions = field("Statement", "positions")
    if positions is not None and choices.actors:
        reference = next(iter(positions.pop("patternProperties").values()))
        positions.pop("propertyNames", None)  # the keys are the actors offered, nothing else
        # Draft 7 ignores keywords beside `$ref`: wrap it, so each actor's name shows.
        positions["properties"] = {actor.id: {"description": actor.description, "allOf": [reference]} for actor in choices.actors}
        positions["additionalProperties"] = False


def _offer(node: dict[str, Any] | None, offered: Sequence[Choice], unknown: str) -> None:
    if node is None or not offered:
        return
    for option in node.get("anyOf", [node]):
        if option.get("type") == "null":
            continue
        option.update(
            enum=[choice.id for choice in offered],
            enumDescriptions=[choice.description for choice in offered],
            errorMessage=f"{unknown}. Kies er een uit de lijst (Ctrl+Spatie toont ze met uitleg).",
        )


def _describe_values(node: Any) -> None:
    """Dutch descriptions beside the fixed values (position, kind, hyphenation)."""
    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list) and all(value in VALUE_DESCRIPTIONS for value in values):
            node["enumDescriptions"] = [VALUE_DESCRIPTIONS[value] for value in values]
            node["errorMessage"] = CHOICE_MESSAGE
        for value in node.values():
            _describe_values(value)
    elif isinstance(node, list):
        for item in node:
            _describe_values(item)


def render(kind: FileKind, choices: Choices = Choices()) -> str:
    return json.dumps(schema_with(kind, choices), indent=2, ensure_ascii=False) + "\n"


def schema_files(data_dir: Path | None = None) -> dict[str, str]:
    """Every schema file, by its path in the repository, offering the ids of the data in `data_dir`.

    Without `data_dir`: one schema per kind, offering no ids (as for a new, empty project).
    """
    if data_dir is None:
        return {kind.schema_path(): render(kind) for kind in FILE_KINDS}
    site = _load(data_dir)
    shared = choices_of(site.themes)
    files = {kind.schema_path(): render(kind, shared) for kind in FILE_KINDS if not kind.per_election}
    for election in site.elections:
        own = choices_of(site.themes, election)
        files.update({kind.schema_path(election.id): render(kind, own) for kind in FILE_KINDS if kind.per_election})
    return files


def _load(data_dir: Path) -> SiteData:
    """Themes and elections as far as they can be read: a schema helps most while the data still has errors."""
    from ..load import Loader

    return Loader(data_dir).load()


def write_schemas(root: Path, data_dir: Path | None = None) -> list[str]:
    """Write the schema files under `root`, remove those of elections that are gone; return what changed."""
    files = schema_files(data_dir)
    changed = []
    for relative, text in files.items():
        path = root / relative
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        changed.append(relative)
    for stray in sorted((root / SCHEMA_DIR).rglob("*.schema.json")):
        relative = stray.relative_to(root).as_posix()
        if relative not in files:
            stray.unlink()
            changed.append(relative)
            if stray.parent != root / SCHEMA_DIR and not any(stray.parent.iterdir()):
                stray.parent.rmdir()
    return changed


def modeline(yaml_file: Path, data_dir: Path, root: Path) -> str | None:
    """The first-line comment that points `yaml_file` to its schema; None for an unknown kind of file."""
    relative = yaml_file.relative_to(data_dir).as_posix()
    kind = kind_of(relative)
    if kind is None:
        return None
    election = relative.split("/", 1)[0] if kind.per_election else None
    return MODELINE_PREFIX + Path(os.path.relpath(root / kind.schema_path(election), yaml_file.parent)).as_posix()


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
