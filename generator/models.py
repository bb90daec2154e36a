"""The data model: what an editor writes in `site-data/`, as typed classes.

Pydantic checks the shape of each file (types, required and unknown fields,
slugs); `validate` checks what spans files (references, quotes). Every object
remembers the file and line it came from, so an error can point there.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]

ActorKind = Literal["partij", "coalitie", "adviesraad", "overheid"]
Stance = Literal["eens", "neutraal", "oneens", "geen standpunt"]
STANCES: tuple[str, ...] = ("eens", "neutraal", "oneens")


class Located(BaseModel):
    """A model read from a file: knows where it was written."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)
    _file: str = PrivateAttr(default="")
    _line: int = PrivateAttr(default=0)
    _field_lines: dict[str, int] = PrivateAttr(default_factory=dict)

    def place(self, file: str, line: int, field_lines: dict[str, int]) -> None:
        self._file, self._line, self._field_lines = file, line, field_lines

    def where(self, field: str | None = None) -> tuple[str, int]:
        """File and line of this object, or of one of its fields."""
        return self._file, self._field_lines.get(field, self._line) if field else self._line


class Theme(Located):
    id: Slug
    name: ShortText
    description: Text
    icon: str = Field(default="material/tag", pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")


class SectionSpec(Located):
    title: ShortText
    starts: ShortText = Field(description="The text a line of the source starts with")


class Source(Located):
    """Metadata of one source document; the text lies beside it as <id>.txt."""

    id: Slug
    title: ShortText
    publisher: ShortText
    kind: Literal["verkiezingsprogramma", "coalitieakkoord", "advies", "toekomstvisie", "overig"]
    period: ShortText
    date: dt.date | None = None
    url: Url | None = None
    hyphenation: Literal["soft", "hard"] = Field(
        description="soft: a hyphen at a line end is a word break (typeset PDFs); hard: it is part of the word"
    )
    sections: list[SectionSpec] = []


class Actor(Located):
    id: Slug
    name: ShortText
    short_name: ShortText | None = None
    kind: ActorKind
    description: Text
    sources: list[Slug] = Field(min_length=1)
    party: Slug | None = Field(default=None, description="Links the same party across elections, e.g. 'volt'")
    colour: Colour | None = None
    website: Url | None = None

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Stemhulp(Located):
    actors: list[Slug] = []


class Election(Located):
    id: Slug
    name: ShortText
    municipality: ShortText
    date: dt.date
    intro: Text
    order: int = Field(default=100, description="Position on the home page and in the menu; lower comes first")
    stemhulp: Stemhulp = Stemhulp()


class Proposal(Located):
    id: Slug
    theme: Slug
    title: ShortText
    quote: Text
    source: Slug | None = None
    actor: Slug = ""  # set from the file's `actor`


class ProposalFile(Located):
    actor: Slug
    source: Slug | None = None
    proposals: list[Proposal]


class Position(Located):
    position: Stance
    proposals: list[Slug] = []
    explanation: Text | None = None


class Statement(Located):
    id: Slug
    theme: Slug
    text: ShortText
    explanation: Text
    positions: dict[Slug, Position] = {}
