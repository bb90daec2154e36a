"""Stage: find every proposal's quote in its source, with page, section and paragraph.

A quote that is not in its source is a problem that names the closest passage
and the words that differ, so an editor sees at once what to correct. A quote
found only as pasted (see `quotes.paste`) is kept as the site shows it, and
quotation marks around it give the editor a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from .load import SiteData
from .models import Proposal, ProposalKey
from .problems import Note, Problem
from .quotes import QuoteLocation, SourceText, closest_passage, find_quote


@dataclass
class Located:
    problems: list[Problem]
    locations: dict[ProposalKey, QuoteLocation]
    notes: list[Note]


def locate_quotes(site: SiteData, sources: dict[ProposalKey, str]) -> Located:
    """Locate the quote of every proposal whose source is known (`sources`, from validation)."""
    problems: list[Problem] = []
    notes: list[Note] = []
    locations: dict[ProposalKey, QuoteLocation] = {}
    for data in site.elections:
        for index, proposal in enumerate(data.proposals):
            key = (data.id, proposal.actor, proposal.id)
            source_id = sources.get(key)
            if source_id is None:
                continue
            text = data.texts[source_id]
            found = find_quote(proposal.quote, text)
            if found is None:
                problems.append(quote_not_found(proposal, source_id, text))
                continue
            locations[key] = found.location
            if found.quote != proposal.quote:
                data.proposals[index] = _shown_as(proposal, found.quote)
            if found.unquoted:
                file, line = proposal.where("quote")
                notes.append(Note(file, line, "het citaat staat tussen aanhalingstekens; de site laat ze weg", "haal de aanhalingstekens aan het begin en eind van het citaat weg"))
    return Located(problems, locations, notes)


def _shown_as(proposal: Proposal, quote: str) -> Proposal:
    """The proposal with its quote as the site shows it, still pointing at the editor's lines."""
    shown = proposal.model_copy(update={"quote": quote})
    shown.place(*proposal.where(), proposal._field_lines)
    return shown


def quote_not_found(proposal: Proposal, source_id: str, text: SourceText) -> Problem:
    file, line = proposal.where("quote")
    near = closest_passage(proposal.quote, text)
    message = f"citaat niet gevonden in bron '{source_id}'"
    if near is None:
        return Problem(file, line, message, "kopieer het citaat letterlijk uit de brontekst")
    differs = ""
    if near.missing or near.instead:
        differs = f"; in het citaat staat «{' '.join(near.missing) or '—'}», in de bron «{' '.join(near.instead) or '—'}»"
    return Problem(file, line, message, f"meest gelijkende passage (brontekst regel {near.line}): «{near.passage}»{differs}")
