"""Load `site-data/` into the model, collecting every problem instead of stopping at the first.

Layout of `site-data/`:
    themes.yml                         shared theme list (with topics)
    begrippen.yml                      the glossary: words readers may not know (optional)
    <election>/election.yml            one folder per election; the folder name is its id
    <election>/actors.yml
    <election>/bronnen/<source>.yml    metadata of a source document ...
    <election>/bronnen/<source>.txt    ... and its text
    <election>/proposals/*.yml         proposals, one or more files per actor
    <election>/statements.yml          stemhulp statements (optional)
    <election>/redirects.yml           old addresses of renamed or removed pages (optional)
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from .messages import schema_problems
from .models import Actor, Election, Located, Proposal, ProposalFile, Redirect, Source, Statement, Term, Theme
from .problems import Note, Problem
from .quotes import SourceText
from .yamlfile import LineDict, LineList, YamlError, read_utf8, read_yaml

M = TypeVar("M", bound=Located)
MAX_TEXT_BYTES = 10_000_000  # the longest real programme is 0.15 MB of text


@dataclass
class ElectionData:
    election: Election
    folder: Path
    actors: list[Actor] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    texts: dict[str, SourceText] = field(default_factory=dict)
    proposals: list[Proposal] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    redirects: list[Redirect] = field(default_factory=list)
    # Ids written in the data but not loaded because of an error reported already:
    # references to them are not reported again.
    broken: set[str] = field(default_factory=set)
    # Kinds of file ("actors", "proposals") of which one could not be read at all:
    # which ids they hold is unknown, so references into them are not checked.
    unreadable: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        return self.election.id


@dataclass
class SiteData:
    root: Path
    themes: list[Theme]
    elections: list[ElectionData]
    terms: list[Term] = field(default_factory=list)  # the glossary
    broken_themes: set[str] = field(default_factory=set)
    themes_unreadable: bool = False


class Loader:
    """Reads files under `root`; every problem found is kept in `problems`."""

    def __init__(self, root: Path, elections: Collection[str] = ()):
        self.root = root
        self.only = set(elections)  # load only these elections (one site per election); empty: all
        self.problems: list[Problem] = []
        self.notes: list[Note] = []  # warnings: read, but perhaps not as meant
        self.broken: set[str] = set()  # ids of items that failed validation, for the current scope
        self.failed: set[Path] = set()  # files that could not be read as a whole

    def shown(self, path: Path) -> str:
        """The path as an editor sees it in the repository."""
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def load(self) -> SiteData:
        themes = self.read_list(self.root / "themes.yml", Theme)
        terms = self.read_list(self.root / "begrippen.yml", Term) if (self.root / "begrippen.yml").exists() else []
        broken_themes, self.broken = self.broken, set()
        folders = sorted(p for p in self.root.iterdir() if p.is_dir() and (p / "election.yml").exists())
        missing = sorted(self.only - {f.name for f in folders})
        for name in missing:
            hint = f"kies uit: {', '.join(f.name for f in folders[:12])}{' …' if len(folders) > 12 else ''}"
            self.problems.append(Problem(self.shown(self.root), 1, f"verkiezing '{name}' niet gevonden", hint))
        if self.only:
            folders = [f for f in folders if f.name in self.only]
        if not folders and not missing:
            self.problems.append(Problem(self.shown(self.root), 1, "geen enkele verkiezing gevonden", "maak een map met een election.yml"))
        elections = [e for e in (self.load_election(f) for f in folders) if e]
        elections.sort(key=lambda e: (e.election.order, e.id))
        return SiteData(self.root, themes, elections, terms, broken_themes, (self.root / "themes.yml") in self.failed)

    def load_election(self, folder: Path) -> ElectionData | None:
        election = self.read_one(folder / "election.yml", Election, implied_id=folder.name)
        if election is None:
            return None
        data = ElectionData(election, folder)
        self.broken = data.broken
        data.actors = self.read_list(folder / "actors.yml", Actor)
        for meta in sorted((folder / "bronnen").glob("*.yml")):
            source = self.read_one(meta, Source, implied_id=meta.stem)
            if source is None:
                data.broken.add(meta.stem)
            else:
                data.sources[source.id] = source
                text = self.read_text(meta.with_suffix(".txt"), source)
                if text:
                    data.texts[source.id] = text
        for path in sorted((folder / "proposals").glob("*.yml")):
            data.proposals.extend(self.read_proposals(path))
        statements = folder / "statements.yml"
        if statements.exists():
            data.statements = self.read_list(statements, Statement)
        redirects = folder / "redirects.yml"
        if redirects.exists():
            data.redirects = self.read_list(redirects, Redirect)
        if folder / "actors.yml" in self.failed:
            data.unreadable.add("actors")
        if any(path.parent == folder / "proposals" for path in self.failed):
            data.unreadable.add("proposals")
        return data

    def read_text(self, path: Path, source: Source) -> SourceText | None:
        if not path.exists():
            file, line = source.where()
            self.problems.append(Problem(file, line, f"de tekst van deze bron ontbreekt: {self.shown(path)}", "zet de tekst als .txt naast dit bestand, met dezelfde naam"))
            return None
        try:
            self.check_inside(path)
            raw = read_utf8(path, self.shown(path), MAX_TEXT_BYTES)
        except YamlError as error:
            self.problems.append(error.problem)
            return None
        text = SourceText(raw, source.hyphenation)
        found = text.find_section_lines([(spec.title, spec.starts) for spec in source.sections])
        for spec, section in zip(source.sections, found, strict=True):
            if section is None:
                file, line = spec.where("starts")
                self.problems.append(Problem(file, line, f"kop '{spec.starts}' niet gevonden in de tekst (na de vorige kop)", "neem de eerste woorden van de regel waar dit hoofdstuk begint, precies zoals in de tekst"))
        text.sections = [section for section in found if section]
        return text

    def read_proposals(self, path: Path) -> list[Proposal]:
        """Read a proposals file; each proposal is checked on its own, so one mistake hides no others."""
        raw = self.read_raw(path)
        if not isinstance(raw, LineDict):
            self.failed.add(path)
            if raw is not None:
                self.problems.append(Problem(self.shown(path), getattr(raw, "line", 1), "hier horen 'actor:' en 'proposals:'", "begin met 'actor: <id van de actor>' en zet daaronder 'proposals:' met de voorstellen"))
            return []
        items = raw.get("proposals")
        header = LineDict({k: v for k, v in raw.items() if k != "proposals"})
        header.line, header.key_lines = raw.line, raw.key_lines
        header["proposals"] = LineList()
        bundle = self.validate(path, header, ProposalFile)
        if not isinstance(items, LineList):
            self.failed.add(path)
            line = raw.key_lines.get("proposals", raw.line)
            self.problems.append(Problem(self.shown(path), line, "hier hoort een lijst 'proposals:' met voorstellen", "zet elk voorstel op een eigen regel met '- id: …' ervoor"))
            return []
        proposals = self.read_items(path, items, Proposal)
        if bundle is None:  # reported; references to these proposals are not reported again
            self.broken.update(proposal.id for proposal in proposals)
            return []
        placed = []
        for proposal in proposals:
            updated = proposal.model_copy(update={"actor": bundle.actor, "source": proposal.source or bundle.source})
            updated.place(*proposal.where(), proposal._field_lines)
            placed.append(updated)
        return placed

    # -- generic reading --------------------------------------------------
    def check_inside(self, path: Path) -> None:
        """Refuse a link to a file outside the data folder: its content would be published."""
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise YamlError(Problem(self.shown(path), 1, f"dit bestand is een koppeling naar een bestand buiten {self.root.name}/", "zet het bestand zelf hier neer, niet een koppeling (symlink)"))

    def read_raw(self, path: Path) -> Any:
        try:
            self.check_inside(path)
            return read_yaml(path, self.shown(path), self.notes)
        except YamlError as error:
            self.problems.append(error.problem)
            self.failed.add(path)
            return None

    def read_one(self, path: Path, model: type[M], implied_id: str | None = None) -> M | None:
        raw = self.read_raw(path)
        if raw is None:
            if path.exists() and not any(p.file == self.shown(path) for p in self.problems):
                self.problems.append(Problem(self.shown(path), 1, "dit bestand is leeg", "vul de velden in (kijk in een ander bestand van dezelfde soort), of verwijder het bestand"))
            return None
        if not isinstance(raw, LineDict):
            self.problems.append(Problem(self.shown(path), getattr(raw, "line", 1), "hier hoort een lijst van velden (naam: waarde)", "zet elk veld als 'naam: waarde' op een eigen regel, zonder '- ' ervoor"))
            return None
        if implied_id is not None:
            if "id" in raw:
                self.problems.append(Problem(self.shown(path), raw.key_lines["id"], "'id' hoort hier niet", f"het id is de naam van de map of het bestand ('{implied_id}'); verwijder deze regel"))
                return None
            raw["id"] = implied_id
            raw.key_lines["id"] = raw.line
        return self.validate(path, raw, model)

    def read_list(self, path: Path, model: type[M]) -> list[M]:
        raw = self.read_raw(path)
        if raw is None:
            return []
        if not isinstance(raw, LineList):
            self.failed.add(path)
            self.problems.append(Problem(self.shown(path), getattr(raw, "line", 1), "hier hoort een lijst, met '- ' voor elk item", "begin elk item met '- ', zoals '- id: wonen', en zet de andere velden eronder"))
            return []
        return self.read_items(path, raw, model)

    def read_items(self, path: Path, raw: LineList, model: type[M]) -> list[M]:
        items = []
        for item, line in zip(raw, raw.item_lines, strict=True):
            if not isinstance(item, LineDict):
                self.problems.append(Problem(self.shown(path), line, "elk item in deze lijst hoort velden te hebben (naam: waarde)", "schrijf het als '- id: …' en zet de andere velden eronder, twee spaties ingesprongen"))
                continue
            found = self.validate(path, item, model)
            if found:
                items.append(found)
            elif isinstance(item.get("id"), str):
                self.broken.add(item["id"])
        return items

    def validate(self, path: Path, raw: LineDict, model: type[M]) -> M | None:
        try:
            instance = model.model_validate(raw)
        except ValidationError as error:
            self.problems.extend(schema_problems(error, raw, self.shown(path), model))
            return None
        place_all(instance, raw, self.shown(path))
        return instance


def place_all(instance: Located, raw: LineDict, file: str) -> None:
    """Give a model and all models inside it their file and lines."""
    instance.place(file, raw.line, dict(raw.key_lines))
    for name in type(instance).model_fields:
        value, raw_value = getattr(instance, name), raw.get(name)
        if isinstance(value, Located) and isinstance(raw_value, LineDict):
            place_all(value, raw_value, file)
        elif isinstance(value, list) and isinstance(raw_value, LineList):
            for item, raw_item in zip(value, raw_value, strict=False):
                if isinstance(item, Located) and isinstance(raw_item, LineDict):
                    place_all(item, raw_item, file)
        elif isinstance(value, dict) and isinstance(raw_value, LineDict):
            for key, item in value.items():
                if isinstance(item, Located) and isinstance(raw_value.get(key), LineDict):
                    place_all(item, raw_value[key], file)
