"""The site's Dutch words in one place: labels of kinds and stances, dates and counts."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import pyphen

from .models import Actor

KIND_LABELS = {
    "partij": "Partij",
    "coalitie": "Coalitieakkoord",
    "adviesraad": "Adviesraad",
    "overheid": "Overheid",
}
KIND_NOTES = {
    "partij": "Een partij op het stembiljet. Dit is haar verkiezingsprogramma.",
    "coalitie": "Geen partij op het stembiljet: dit zijn de afspraken van het college dat tot 2026 bestuurde.",
    "adviesraad": "Geen partij op het stembiljet: dit is een advies aan de nieuwe gemeenteraad en het nieuwe college.",
    "overheid": "Geen partij op het stembiljet: dit is beleid van de gemeenten zelf.",
}
NOT_ON_BALLOT_NOTE = "Een partij die bij deze verkiezing niet op het stembiljet staat. Dit is haar programma."


def kind_note(actor: Actor) -> str:
    """One sentence on what kind of document an actor's source is, and whether you can vote for it."""
    if actor.kind == "partij" and not actor.on_ballot:
        return NOT_ON_BALLOT_NOTE
    return KIND_NOTES[actor.kind]


STANCE_LABELS = {"eens": "Eens", "neutraal": "Neutraal", "oneens": "Oneens", "geen standpunt": "Geen standpunt"}
SOURCE_KINDS = {
    "verkiezingsprogramma": "het verkiezingsprogramma",
    "coalitieakkoord": "het coalitieakkoord",
    "advies": "het advies",
    "toekomstvisie": "de toekomstvisie",
    "overig": "het brondocument",
}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def dutch_date(date: dt.date) -> str:
    """'18 maart 2026'."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


LONG_WORD = re.compile(r"\w{10,}")


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def hyphenate(text: str) -> str:
    """Long words get soft hyphens at Dutch syllable breaks, so a heading on a phone wraps as 'gemeente-
    raadsverkiezingen' and never mid-syllable, in every browser (not all have a Dutch dictionary)."""
    return LONG_WORD.sub(lambda match: _dictionary().inserted(match.group(), hyphen="\u00ad"), text)


def percent(value: int | None) -> str:
    """'54 %', or '—' where there is no percentage (too few positions to compare)."""
    return "—" if value is None else f"{value} %"


def aantal(count: int, single: str, plural: str) -> str:
    """'1 voorstel', '3 voorstellen'."""
    return f"{count} {single if count == 1 else plural}"
