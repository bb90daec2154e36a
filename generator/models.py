"""The data model: what an editor writes in `site-data/`, as typed classes.

Pydantic checks the shape of each file (types, required and unknown fields,
slugs); `validate` checks what spans files (references, quotes). Every object
remembers the file and line it came from, so an error can point there.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from .colours import DARK_CARD, TEXT_MINIMUM, visible_on

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
URL_PATTERN = r"^https?://\S+$"
ICON_PATTERN = r"^[a-z0-9-]+/[a-z0-9-]+$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
# Field descriptions are Dutch: editors read them as hover help through the JSON
# Schema (see `schema`). Say what to write, not how the code uses it.
ID = "Korte naam in kleine letters, cijfers en streepjes, zoals 'sociale-huur'. Wordt een webadres: verander hem nooit."
# Control characters and bidi overrides are invisible: they can hide text, reorder what
# a reader sees, or collide with Markdown's own placeholders. Line breaks and tabs are fine.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(text: str) -> str:
    found = _INVISIBLE.search(text)
    if found:
        raise PydanticCustomError("invisible_character", "onzichtbaar teken {code}", {"code": f"U+{ord(found.group()):04X}"})
    return text


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000), AfterValidator(_visible)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_visible)]
Colour = Annotated[str, StringConstraints(pattern=COLOUR_PATTERN)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]

ActorKind = Literal["partij", "coalitie", "adviesraad", "overheid"]
Stance = Literal["eens", "neutraal", "oneens", "geen standpunt"]
STANCES: tuple[str, ...] = ("eens", "neutraal", "oneens")
NEUTRAL_COLOUR = "#555555"  # an actor without a colour of its own
ProposalKey = tuple[str, str, str]  # (election, actor, proposal id): proposal ids are unique per actor


class Located(BaseModel):
    """A model read from a file: knows where it was written."""

    # No coercion of numbers to text: YAML reads `period: 2026` as a number and `1.10` as 1.1,
    # so an unquoted number where text belongs is an error that says to quote it.
    model_config = ConfigDict(extra="forbid", frozen=True)
    _file: str = PrivateAttr(default="")
    _line: int = PrivateAttr(default=0)
    _field_lines: dict[str, int] = PrivateAttr(default_factory=dict)

    def place(self, file: str, line: int, field_lines: dict[str, int]) -> None:
        self._file, self._line, self._field_lines = file, line, field_lines

    def where(self, field: str | None = None) -> tuple[str, int]:
        """File and line of this object, or of one of its fields."""
        return self._file, self._field_lines.get(field, self._line) if field else self._line


class Topic(Located):
    """One question within a theme that several documents answer; shared by all elections."""

    id: Slug = Field(description="Korte naam van het onderwerp, uniek over alle thema's. Wordt een webadres: verander hem nooit.")
    question: ShortText = Field(description="Korte, neutrale vraag die een inwoner stelt, zoals 'Hoeveel nieuwe woningen komen erbij?'.")
    description: Text | None = Field(default=None, description="Eén of twee zinnen: wat valt onder dit onderwerp?")


class Term(Located):
    """A word from the quotes that a reader may not know, explained in plain Dutch (site-data/begrippen.yml)."""

    id: Slug = Field(description=ID)
    term: ShortText = Field(description="Het woord zoals het in de lijst staat.")
    forms: list[ShortText] = Field(default=[], description="Andere vormen die in de teksten voorkomen, zoals meervouden. Ze tellen alleen als heel woord.")
    explanation: Text = Field(description="Een of twee korte zinnen: wat het is. Nooit wat een partij wil.")


class Theme(Located):
    id: Slug = Field(description=ID)
    name: ShortText = Field(description="Naam van het thema op de site.")
    description: Text = Field(description="Eén zin over wat onder dit thema valt.")
    icon: str = Field(default="material/tag", pattern=ICON_PATTERN, description="Icoon van Material for MkDocs, zoals 'material/home-city'.")
    topics: list[Topic] = Field(default=[], description="De onderwerpen van dit thema: vragen die de documenten beantwoorden, in de volgorde van de themapagina.")


class SectionSpec(Located):
    title: ShortText = Field(description="Titel van het hoofdstuk zoals de site hem toont, zoals '2. Wonen'.")
    starts: ShortText = Field(description="De eerste woorden van de regel waar het hoofdstuk begint, precies zoals in de tekst.")


class Source(Located):
    """Metadata of one source document; the text lies beside it as <id>.txt."""

    id: Slug = Field(description=ID)
    title: ShortText = Field(description="Titel van het document.")
    publisher: ShortText = Field(description="Wie het document uitgaf.")
    kind: Literal["verkiezingsprogramma", "coalitieakkoord", "advies", "toekomstvisie", "overig"] = Field(description="Soort document.")
    period: ShortText = Field(description="Periode waarvoor het document geldt, zoals '2026-2030'.")
    date: dt.date | None = Field(default=None, description="Datum van het document, zoals 2026-01-15.")
    url: Url | None = Field(default=None, description="Webadres van het originele document, beginnend met https://. Alleen als je het zeker weet.")
    hyphenation: Literal["soft", "hard"] = Field(
        description="soft: een streepje aan het eind van een regel breekt een woord af (opgemaakte pdf). hard: het streepje hoort bij het woord (Word-document)."
    )
    sections: list[SectionSpec] = Field(default=[], description="De hoofdstukken, in de volgorde van het document.")


class Actor(Located):
    id: Slug = Field(description=ID)
    name: ShortText = Field(description="Volledige naam.")
    short_name: ShortText | None = Field(default=None, description="Korte naam voor tabellen en knoppen, zoals 'Volt'.")
    kind: ActorKind = Field(description="partij, coalitie, adviesraad of overheid.")
    on_ballot: bool = Field(default=False, description="true als deze partij bij deze verkiezing op het stembiljet staat. Alleen die worden in de stemhulp gerangschikt.")
    description: Text = Field(description="Twee of drie zinnen: wie is dit, en wat voor document is de bron?")
    sources: list[Slug] = Field(min_length=1, description="De id's van de bronnen: de bestandsnamen in bronnen/ zonder .yml.")
    party: Slug | None = Field(default=None, description="Dezelfde partij in andere gemeenten krijgt dezelfde waarde, zoals 'volt'.")
    colour: Colour | None = Field(default=None, description="Kleur, zoals '#502379'.")
    website: Url | None = Field(default=None, description="Website, beginnend met https://.")

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def display_colour(self) -> str:
        """The actor's colour, darkened where needed so white text on it reads (4.5:1); then it is over 3:1 on a light card too."""
        return visible_on(self.colour or NEUTRAL_COLOUR, "#ffffff", TEXT_MINIMUM)

    @property
    def display_colour_dark(self) -> str:
        """The same colour, lightened where needed for 3:1 against a dark card."""
        return visible_on(self.colour or NEUTRAL_COLOUR, DARK_CARD)

    @property
    def style(self) -> str:
        """The inline style that gives an element this actor's colours (wvw.css picks the one of the scheme)."""
        return f"--wvw-actor: {self.display_colour}; --wvw-actor-dark: {self.display_colour_dark}"


class Stemhulp(Located):
    actors: list[Slug] = Field(default=[], description="De id's van de actoren die meedoen in de stemhulp.")


class Election(Located):
    id: Slug = Field(description=ID)
    name: ShortText = Field(description="Naam van de verkiezing, zoals 'Gemeenteraadsverkiezingen Leiden 2026'.")
    municipality: ShortText = Field(description="Naam van de gemeente.")
    date: dt.date = Field(description="Datum van de verkiezing, zoals 2026-03-18.")
    intro: Text = Field(description="Korte inleiding bovenaan de pagina van deze verkiezing.")
    order: int = Field(default=100, description="Plaats op de homepage en in het menu: lager komt eerst.")
    stemhulp: Stemhulp = Field(default=Stemhulp(), description="Wie er meedoet in de stemhulp.")
    ballot: list[ShortText] = Field(default=[], description="De namen van alle lijsten op het stembiljet, zoals de gemeente ze bekendmaakte. De site zegt dan welke er (nog) niet op staan.")


class Proposal(Located):
    id: Slug = Field(description="Korte id, uniek per actor. Wordt een webadres: verander hem nooit na publicatie.")
    theme: Slug = Field(description="Het id van een thema uit site-data/themes.yml.")
    topic: Slug | None = Field(default=None, description="Het id van een onderwerp van dit thema (site-data/themes.yml). Laat weg als geen onderwerp past.")
    title: ShortText = Field(description="Korte, neutrale titel: wat wordt er voorgesteld, in één regel.")
    quote: Text = Field(description="Letterlijk citaat uit de bron. Met '…' mag je een paar woorden weglaten. Zoek het met: watwilwie vind \"een paar woorden\".")
    source: Slug | None = Field(default=None, description="Alleen nodig als dit voorstel uit een andere bron komt dan de rest van het bestand.")
    actor: SkipJsonSchema[Slug] = ""  # set from the file's `actor`; editors never write it


class ProposalFile(Located):
    actor: Slug = Field(description="Het id van de actor uit actors.yml.")
    source: Slug | None = Field(default=None, description="Het id van de bron van deze voorstellen.")
    proposals: list[Proposal] = Field(description="De voorstellen, elk met '- id: …' ervoor.")


class Position(Located):
    position: Stance = Field(description="eens, neutraal, oneens of geen standpunt.")
    proposals: list[Slug] = Field(default=[], description="De id's van de voorstellen van deze actor waaruit het standpunt blijkt.")
    explanation: Text | None = Field(default=None, description="Korte, neutrale uitleg van het standpunt.")


PagePath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(?:/[a-z0-9-]+){0,2}$", max_length=200)]


class Redirect(Located):
    """An old address that leads to the page that replaced it: ids are URLs, and links to them live on."""

    from_: PagePath = Field(alias="from", description="Het oude adres binnen deze verkiezing, zoals 'stelling/oude-id'.")
    to: PagePath = Field(description="Het nieuwe adres binnen deze verkiezing, zoals 'stelling/nieuwe-id', of 'stelling' voor het overzicht.")

    @property
    def id(self) -> str:
        return self.from_


class Statement(Located):
    id: Slug = Field(description=ID)
    theme: Slug = Field(description="Het id van een thema uit site-data/themes.yml.")
    text: ShortText = Field(description="De stelling: één duidelijke, neutrale zin.")
    explanation: Text = Field(description="Neutrale uitleg: wat is de situatie nu, en wat verandert er?")
    positions: dict[Slug, Position] = Field(default={}, description="Per actor-id het standpunt. Een actor die hier niet staat, heeft 'geen standpunt'.")
