"""Stage: find every proposal's quote in its source, with page, section and paragraph.

A quote that is not in its source is a problem that names the closest passage
and the words that differ, so an editor sees at once what to correct.
"""

from __future__ import annotations

from dataclasses import dataclass

from .load import SiteData
from .models import Proposal, ProposalKey
from .problems import Problem
from .quotes import QuoteLocation, SourceText, closest_passage, locate


@dataclass
class Located:
    problems: list[Problem]
    locations: dict[ProposalKey, QuoteLocation]


def locate_quotes(site: SiteData, sources: dict[ProposalKey, str]) -> Located:
    """Locate the quote of every proposal whose source is known (`sources`, from validation)."""
    problems: list[Problem] = []
    locations: dict[ProposalKey, QuoteLocation] = {}
    for data in site.elections:
        for proposal in data.proposals:
            key = (data.id, proposal.actor, proposal.id)
            source_id = sources.get(key)
            if source_id is None:
                continue
            text = data.texts[source_id]
            found = locate(proposal.quote, text)
            if found:
                locations[key] = found
            else:
                problems.append(quote_not_found(proposal, source_id, text))
    return Located(problems, locations)


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
