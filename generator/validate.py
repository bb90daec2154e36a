"""Checks that span files: unique ids, references, topics, stemhulp positions and their balance.

Runs completely and returns every problem; nothing is written while any remain.
Also decides which source each proposal quotes, for the next stage (`locate`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .committed import REVISIONS, committed_items
from .icons import icon_file
from .load import ElectionData, SiteData
from .models import Actor, Located, Proposal, ProposalKey, Source, Statement, Theme, Topic
from .problems import Problem
from .stemhulp.balance import lint
from .urls import CHANGES, RESERVED_ELECTION_IDS, RESERVED_ITEM_IDS


@dataclass
class Validated:
    """The result of validation: problems, and the source each valid proposal quotes."""

    problems: list[Problem]
    sources: dict[ProposalKey, str]


def suggestion(value: str, options: Iterable[str], cutoff: float = 0.6) -> str:
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=cutoff)
    return f"bedoelde je '{close[0]}'?" if close else ""


def problem_at(item: Located, field: str | None, message: str, hint: str = "") -> Problem:
    file, line = item.where(field)
    return Problem(file, line, message, hint)


def _unknown(item: Located, field: str | None, what: str, value: str, options: Iterable[str]) -> Problem:
    """`what` names the kind with its article-fitting adjective, e.g. 'onbekend thema'."""
    options = sorted(options)
    listing = f"kies uit: {', '.join(options[:12])}{' …' if len(options) > 12 else ''}" if options else "er is nog niets om uit te kiezen; voeg het eerst toe"
    hint = suggestion(value, options) or listing
    return problem_at(item, field, f"{what} '{value}'", hint)


# Actor ids of one election share their ending ('-leiden'): only a near-typo is a suggestion.
ACTOR_CUTOFF = 0.8


def _unknown_actor(item: Located, field: str | None, actor_id: str, actors: Iterable[str]) -> Problem:
    options = sorted(actors)
    hint = suggestion(actor_id, options, ACTOR_CUTOFF) or f"'{actor_id}' staat niet in actors.yml; kies uit: {', '.join(options) or '(nog geen actoren)'}"
    return problem_at(item, field, f"onbekende actor '{actor_id}'", hint)


_ARTICLE = {"voorstel": "het", "thema": "het", "onderwerp": "het", "actor": "de", "stelling": "de", "oud adres": "het"}


def _duplicates(items: Iterable[Located], kind: str, base: Path, key=lambda item: item.id) -> list[Problem]:
    """One problem per repeated id, on the item the editor added (see `_added`), never on the published one."""
    seen: dict[str, Located] = {}
    problems = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen[k] = item
            continue
        new, old, published = _added(seen[k], item, base)
        new_file, _ = new.where("id")
        old_file, old_line = old.where("id")
        name = k[-1] if isinstance(k, tuple) else k
        article = _ARTICLE.get(kind, "het")
        this = "dit" if article == "het" else "deze"
        where = f"regel {old_line}" if old_file == new_file else f"{old_file}:{old_line}"
        if published:
            hint = f"geef {this} nieuwe {kind} een ander id; {article} {kind} op {where} staat al online: verander dat id nooit"
        else:
            hint = f"geef {this} {kind} een ander id; een id moet uniek zijn"
        problems.append(problem_at(new, "id", f"{kind} '{name}' bestaat al ({old_file}:{old_line})", hint))
    return problems


def _added(first: Located, second: Located, base: Path) -> tuple[Located, Located, bool]:
    """(new, old, whether old is in a commit): the one the last commit does not hold is new; else the later one."""
    for revision in REVISIONS:
        scores = [_likeness_in_commit(item, base, revision) for item in (first, second)]
        if scores[0] != scores[1]:
            old, new = (first, second) if scores[0] > scores[1] else (second, first)
            return new, old, True
    return second, first, False


def _likeness_in_commit(item: Located, base: Path, revision: str) -> int:
    """How many fields the item shares with its namesake in the commit; -1 when the commit has no such id."""
    file, _ = item.where()
    committed = committed_items(base / file, revision, str(getattr(item, "id", "")))
    if not committed:
        return -1
    return max(sum(1 for field, value in old.items() if field != "id" and _same(getattr(item, field, None), value)) for old in committed)


def _same(current: object, committed: object) -> bool:
    if isinstance(committed, (dict, list)) or current is None:
        return False
    return str(current).strip() == str(committed).strip()


def _reserved(site: SiteData) -> list[Problem]:
    """Ids that would become the path of a page the site already has."""
    problems = []
    for data in site.elections:
        if data.id in RESERVED_ELECTION_IDS:
            problems.append(problem_at(data.election, "id", f"de map '{data.id}' botst met een map van de site zelf", "geef de map een andere naam, zoals 'leiden-2026'"))
    items: list[Theme | Topic | Actor | Source | Proposal | Statement] = [*site.themes, *(topic for theme in site.themes for topic in theme.topics)]
    for d in site.elections:
        items += [*d.actors, *d.sources.values(), *d.proposals, *d.statements]
    for item in items:
        if item.id in RESERVED_ITEM_IDS:
            problems.append(problem_at(item, "id", f"'{item.id}' kan geen id zijn: zo heet de overzichtspagina", "kies een andere id"))
    return problems


def validate(site: SiteData) -> Validated:
    topics = [topic for theme in site.themes for topic in theme.topics]
    base = site.root.parent  # the files' shown paths are relative to it
    problems = _duplicates(site.themes, "thema", base) + _duplicates(topics, "onderwerp", base) + _reserved(site)
    problems += [
        problem_at(theme, "icon", f"icoon '{theme.icon}' niet gevonden", f"zet {theme.icon}.svg in templates/icons/, of kies een icoon dat daar al staat")
        for theme in site.themes
        if not icon_file(theme.icon).exists()
    ]
    sources: dict[ProposalKey, str] = {}
    themes = {theme.id: theme for theme in site.themes}
    for data in site.elections:
        # An unreadable themes.yml is reported; every theme reference would only repeat it.
        unchecked = set(themes) | {proposal.theme for proposal in data.proposals} | {s.theme for s in data.statements} if site.themes_unreadable else set()
        found = _check_election(data, themes, sources, site.broken_themes | unchecked)
        # The balance of a stemhulp only means something once its references hold.
        problems += found or lint(data)
    return Validated(problems, sources)


def _check_topic(proposal: Proposal, themes: dict[str, Theme]) -> list[Problem]:
    """A proposal's topic exists and belongs to the proposal's own theme."""
    theme = themes.get(proposal.theme)
    if proposal.topic is None or theme is None:
        return []
    if any(topic.id == proposal.topic for topic in theme.topics):
        return []
    own = [topic.id for topic in theme.topics]
    owner = next((t for t in themes.values() for topic in t.topics if topic.id == proposal.topic), None)
    if owner is not None:
        choices = f"kies een onderwerp van '{theme.id}': {', '.join(own)}" if own else f"thema '{theme.id}' heeft nog geen onderwerpen; laat 'topic:' weg"
        return [problem_at(proposal, "topic", f"onderwerp '{proposal.topic}' hoort bij thema '{owner.id}', niet bij '{theme.id}'", f"{choices}, of verander het thema in '{owner.id}'")]
    if not own:
        return [problem_at(proposal, "topic", f"onbekend onderwerp '{proposal.topic}'", f"thema '{theme.id}' heeft nog geen onderwerpen in site-data/themes.yml; laat 'topic:' weg of voeg het onderwerp daar toe")]
    return [_unknown(proposal, "topic", "onbekend onderwerp", proposal.topic, own)]


def _check_election(data: ElectionData, themes: dict[str, Theme], sources: dict[ProposalKey, str], broken_themes: set[str]) -> list[Problem]:
    """Check one election; references to items that failed to load are not reported twice."""
    broken = data.broken | broken_themes
    if "actors" in data.unreadable:  # reported already; which actors exist is unknown
        broken |= {p.actor for p in data.proposals} | {a for s in data.statements for a in s.positions} | set(data.election.stemhulp.actors)
    if "proposals" in data.unreadable:  # likewise for the proposals
        broken |= {pid for s in data.statements for position in s.positions.values() for pid in position.proposals}
    base = data.folder.parent.parent
    problems = _duplicates(data.actors, "actor", base)
    problems += _duplicates(data.proposals, "voorstel", base, key=lambda p: (p.actor, p.id))
    problems += _duplicates(data.statements, "stelling", base)
    actors = {actor.id: actor for actor in data.actors}
    for actor in data.actors:
        if actor.on_ballot and actor.kind != "partij":
            problems.append(problem_at(actor, "on_ballot", f"alleen een partij kan op het stembiljet staan, geen {actor.kind}", "verwijder 'on_ballot: true', of verander 'kind' in 'partij'"))
        for source in actor.sources:
            if source not in data.sources and source not in broken:
                problems.append(_unknown(actor, "sources", "onbekende bron", source, data.sources))
    for actor_id in data.election.stemhulp.actors:
        if actor_id not in actors and actor_id not in broken:
            problems.append(_unknown_actor(data.election.stemhulp, "actors", actor_id, actors))
    proposals_by_actor: dict[str, set[str]] = {}
    for proposal in data.proposals:
        if proposal.actor not in actors and proposal.actor not in broken:
            problems += _check_proposal(data, proposal, themes, actors, sources, broken)
            broken |= {proposal.actor} | {p.id for p in data.proposals if p.actor == proposal.actor}  # once per actor
            continue
        proposals_by_actor.setdefault(proposal.actor, set()).add(proposal.id)
        problems += _check_proposal(data, proposal, themes, actors, sources, broken)
    for statement in data.statements:
        problems += _check_statement(statement, themes, actors, proposals_by_actor, broken)
    return problems + _check_redirects(data)


def _check_redirects(data: ElectionData) -> list[Problem]:
    """An old address must not be a page of the site, and must lead to one."""
    pages = election_pages(data)
    problems = _duplicates(data.redirects, "oud adres", data.folder.parent.parent)
    for redirect in data.redirects:
        if redirect.from_ in pages or redirect.from_ == CHANGES:
            problems.append(problem_at(redirect, "from", f"'{redirect.from_}' is een pagina van de site; die kan niet doorverwijzen", "verwijder deze regel, of kies het adres dat niet meer bestaat"))
        if redirect.to not in pages:
            problems.append(_unknown(redirect, "to", "onbekende pagina", redirect.to, sorted(pages)))
    return problems


def election_pages(data: ElectionData) -> set[str]:
    """The addresses (below the election's folder) of the pages an election's data makes."""
    pages = {"", "thema", "wie", "stelling", "vergelijk", "stemhulp", "bron"}
    pages |= {f"thema/{p.theme}" for p in data.proposals} | {f"thema/{s.theme}" for s in data.statements}
    pages |= {f"thema/{p.theme}/{p.topic}" for p in data.proposals if p.topic}
    pages |= {f"wie/{a.id}" for a in data.actors} | {f"wie/{p.actor}/{p.id}" for p in data.proposals}
    pages |= {f"stelling/{s.id}" for s in data.statements} | {f"bron/{source}" for source in data.sources}
    return pages


def _check_proposal(data, proposal, themes, actors, sources, broken) -> list[Problem]:
    problems = []
    if proposal.theme not in themes and proposal.theme not in broken:
        problems.append(_unknown(proposal, "theme", "onbekend thema", proposal.theme, themes))
    problems += _check_topic(proposal, themes)
    actor = actors.get(proposal.actor)
    if actor is None:
        if proposal.actor in broken:
            return problems
        problems.append(replace(_unknown_actor(proposal, None, proposal.actor, actors), line=1))  # the file's 'actor:' line
        return problems
    source_id = proposal.source or (actor.sources[0] if len(actor.sources) == 1 else None)
    if source_id is None:
        problems.append(problem_at(proposal, None, "bij dit voorstel staat geen bron", f"voeg 'source:' toe; {actor.id} heeft meer dan één bron"))
        return problems
    if source_id not in actor.sources and source_id not in broken:
        problems.append(_unknown(proposal, "source", f"onbekende bron voor {actor.id}", source_id, actor.sources))
        return problems
    if source_id in data.texts:  # a missing text is reported by the loader
        sources[(data.id, proposal.actor, proposal.id)] = source_id
    return problems


def _unknown_proposal(position: Located, actor_id: str, proposal_id: str, proposals_by_actor: dict[str, set[str]]) -> Problem:
    """A statement cites a proposal its actor does not have; when another actor has it, say whose it is."""
    owners = sorted(other for other, ids in proposals_by_actor.items() if proposal_id in ids and other != actor_id)
    if not owners:
        return _unknown(position, "proposals", f"onbekend voorstel van {actor_id}", proposal_id, proposals_by_actor.get(actor_id, set()))
    return problem_at(
        position, "proposals",
        f"voorstel '{proposal_id}' is van {' en '.join(owners)}, niet van {actor_id}",
        f"zet het bij het standpunt van {owners[0]}, of noem hier een voorstel van {actor_id}",
    )


def _check_statement(statement, themes, actors, proposals_by_actor, broken) -> list[Problem]:
    problems = []
    if statement.theme not in themes and statement.theme not in broken:
        problems.append(_unknown(statement, "theme", "onbekend thema", statement.theme, themes))
    for actor_id, position in statement.positions.items():
        if actor_id not in actors:
            if actor_id in broken:
                continue
            problems.append(_unknown_actor(position, None, actor_id, actors))
            continue
        own = proposals_by_actor.get(actor_id, set())
        for proposal_id in position.proposals:
            if proposal_id not in own and proposal_id not in broken:
                problems.append(_unknown_proposal(position, actor_id, proposal_id, proposals_by_actor))
        if position.position == "geen standpunt" and position.proposals:
            problems.append(problem_at(position, "proposals", "bij 'geen standpunt' horen geen voorstellen", "verwijder de voorstellen, of kies eens, neutraal of oneens"))
        if position.position != "geen standpunt" and not position.proposals:
            problems.append(problem_at(position, "position", f"standpunt '{position.position}' zonder onderbouwing", "noem bij 'proposals' de id's van de voorstellen waaruit dit standpunt blijkt"))
    return problems
