"""Decide which pages exist, where they live, and what each one shows.

Turns validated data into plain view objects that the templates only lay out.
Paths are Markdown source paths under `content/`; with MkDocs' directory URLs
`leiden-2026/thema/wonen.md` is served at `leiden-2026/thema/wonen/`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .load import ElectionData, SiteData
from .models import Actor, Position, Proposal, Source, Statement, Theme
from .quotes import QuoteLocation
from .sourcetext import Paragraph, SourceText
from .validate import ProposalKey

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
STANCE_LABELS = {"eens": "Eens", "neutraal": "Neutraal", "oneens": "Oneens", "geen standpunt": "Geen standpunt"}


def url_of(path: str) -> str:
    """The site-relative URL of a Markdown source path ('a/b.md' -> 'a/b/', 'a/index.md' -> 'a/')."""
    if path.endswith("index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


@dataclass
class ProposalView:
    proposal: Proposal
    actor: Actor
    theme: Theme
    source: Source
    location: QuoteLocation
    path: str
    source_path: str
    statements: list[tuple[Statement, Position]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"{self.actor.id}--{self.proposal.id}"

    @property
    def context_url(self) -> str:
        return f"{url_of(self.source_path)}#{self.location.paragraph}"


@dataclass
class PositionView:
    actor: Actor
    stance: str  # eens / neutraal / oneens / geen standpunt
    explanation: str | None
    proposals: list[ProposalView]

    @property
    def label(self) -> str:
        return STANCE_LABELS[self.stance]


@dataclass
class StatementView:
    statement: Statement
    number: int
    theme: Theme
    path: str
    positions: list[PositionView]


@dataclass
class SourceParagraph:
    paragraph: Paragraph
    text: str
    new_page: bool
    quoted_by: list[ProposalView]


@dataclass
class SourceView:
    source: Source
    text: SourceText
    actors: list[Actor]
    path: str
    proposals: list[ProposalView] = field(default_factory=list)

    def paragraphs(self) -> list[SourceParagraph]:
        by_paragraph: dict[str, list[ProposalView]] = defaultdict(list)
        for view in self.proposals:
            by_paragraph[view.location.paragraph].append(view)
        shown, page = [], 1
        for paragraph in self.text.paragraphs:
            new_page = paragraph.page != page
            page = paragraph.page
            shown.append(SourceParagraph(paragraph, self.text.paragraph_text(paragraph), new_page, by_paragraph[paragraph.anchor]))
        return shown


@dataclass(frozen=True)
class CoverageRow:
    theme: Theme
    counts: list[int]  # proposals per actor, in the election's actor order
    statements: int


@dataclass(frozen=True)
class Coverage:
    """How many proposals each actor has per theme: the method page's table and `watwilwie coverage`."""

    actors: list[Actor]
    rows: list[CoverageRow]
    totals: list[int]
    statements: int


@dataclass
class ElectionView:
    data: ElectionData
    themes: list[Theme]  # themes with at least one proposal, in the shared order
    actors: list[Actor]
    proposals: list[ProposalView]
    statements: list[StatementView]
    sources: list[SourceView]
    elsewhere: dict[str, list[tuple[ElectionData, ProposalView]]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def election(self):
        return self.data.election

    def path(self, *parts: str) -> str:
        return "/".join((self.id, *parts))

    def theme_path(self, theme: Theme) -> str:
        return self.path("thema", f"{theme.id}.md")

    def actor_path(self, actor: Actor) -> str:
        return self.path("wie", f"{actor.id}.md")

    def proposals_of(self, actor: Actor | None = None, theme: Theme | None = None) -> list[ProposalView]:
        return list(self._grouped.get((actor.id if actor else None, theme.id if theme else None), []))

    @cached_property
    def _grouped(self) -> dict[tuple[str | None, str | None], list[ProposalView]]:
        """Proposals by (actor, theme), either may be None for all; every page asks, so group once."""
        groups: dict[tuple[str | None, str | None], list[ProposalView]] = defaultdict(list)
        for view in self.proposals:
            for key in ((None, None), (view.actor.id, None), (None, view.theme.id), (view.actor.id, view.theme.id)):
                groups[key].append(view)
        return groups

    def coverage(self) -> Coverage:
        counts = Counter((view.actor.id, view.theme.id) for view in self.proposals)
        statements = Counter(view.theme.id for view in self.statements)
        rows = [
            CoverageRow(theme, [counts[(actor.id, theme.id)] for actor in self.actors], statements[theme.id])
            for theme in self.themes
        ]
        totals = [sum(counts[(actor.id, theme.id)] for theme in self.themes) for actor in self.actors]
        return Coverage(list(self.actors), rows, totals, len(self.statements))

    def without_position(self) -> list[tuple[StatementView, list[Actor]]]:
        """Per statement, the stemhulp actors whose document takes no position on it."""
        wanted = set(self.election.stemhulp.actors)
        return [
            (view, [pos.actor for pos in view.positions if pos.stance == "geen standpunt" and pos.actor.id in wanted])
            for view in self.statements
        ]

    def statements_on(self, theme: Theme) -> list[StatementView]:
        return [view for view in self.statements if view.theme.id == theme.id]

    def themes_of(self, actor: Actor) -> list[Theme]:
        used = {view.theme.id for view in self.proposals_of(actor)}
        return [theme for theme in self.themes if theme.id in used]

    @property
    def stemhulp_actors(self) -> list[Actor]:
        wanted = self.election.stemhulp.actors
        return [actor for actor in self.actors if actor.id in wanted]


@dataclass
class SiteView:
    themes: list[Theme]
    elections: list[ElectionView]


def plan(site: SiteData, locations: dict[ProposalKey, QuoteLocation]) -> SiteView:
    themes = {theme.id: theme for theme in site.themes}
    elections = [_plan_election(data, site.themes, themes, locations) for data in site.elections]
    _link_same_parties(elections)
    return SiteView(site.themes, elections)


def _plan_election(data: ElectionData, theme_order, themes, locations) -> ElectionView:
    actors = {actor.id: actor for actor in data.actors}
    sources = {
        source_id: SourceView(
            source,
            data.texts[source_id],
            [a for a in data.actors if source_id in a.sources],
            f"{data.id}/bron/{source_id}.md",
        )
        for source_id, source in data.sources.items()
        if source_id in data.texts
    }
    proposals = []
    for proposal in data.proposals:
        actor = actors[proposal.actor]
        source_id = proposal.source or actor.sources[0]
        view = ProposalView(
            proposal=proposal,
            actor=actor,
            theme=themes[proposal.theme],
            source=data.sources[source_id],
            location=locations[(data.id, actor.id, proposal.id)],
            path=f"{data.id}/wie/{actor.id}/{proposal.id}.md",
            source_path=sources[source_id].path,
        )
        proposals.append(view)
        sources[source_id].proposals.append(view)
    actor_order = {actor.id: i for i, actor in enumerate(data.actors)}
    theme_rank = {theme.id: i for i, theme in enumerate(theme_order)}
    proposals.sort(key=lambda v: (theme_rank[v.theme.id], actor_order[v.actor.id], v.location.start))
    by_key = {(v.actor.id, v.proposal.id): v for v in proposals}
    statements = []
    for number, statement in enumerate(data.statements, start=1):
        positions = []
        for actor in data.actors:
            position = statement.positions.get(actor.id)
            if position is None:
                positions.append(PositionView(actor, "geen standpunt", None, []))
                continue
            cited = [by_key[(actor.id, pid)] for pid in position.proposals]
            for view in cited:
                view.statements.append((statement, position))
            positions.append(PositionView(actor, position.position, position.explanation, cited))
        statements.append(StatementView(statement, number, themes[statement.theme], f"{data.id}/stelling/{statement.id}.md", positions))
    used = {v.theme.id for v in proposals} | {s.theme.id for s in statements}
    return ElectionView(
        data=data,
        themes=[t for t in theme_order if t.id in used],
        actors=list(data.actors),
        proposals=proposals,
        statements=statements,
        sources=list(sources.values()),
    )


MAX_ELSEWHERE = 3  # other elections shown per party, so a theme page stays the same size as more municipalities join


def _link_same_parties(elections: list[ElectionView]) -> None:
    """For each election, the proposals of the same party (by `party`) in other elections, per theme.

    At most MAX_ELSEWHERE other elections per party, the nearest in the site's order:
    with a party in every municipality, listing all of them would make every theme
    page, and the whole build, grow with the square of the number of elections.
    """
    runs_in: dict[str, list[int]] = defaultdict(list)
    for number, election in enumerate(elections):
        for party in sorted({a.party for a in election.actors if a.party}):
            runs_in[party].append(number)
    for number, election in enumerate(elections):
        shown: dict[int, set[str]] = defaultdict(set)  # other election -> parties shown from it
        for party in {a.party for a in election.actors if a.party}:
            others = [other for other in runs_in[party] if other != number]
            for other in sorted(others, key=lambda other: (abs(other - number), other))[:MAX_ELSEWHERE]:
                shown[other].add(party)
        for other in sorted(shown):
            for view in elections[other].proposals:
                if view.actor.party in shown[other]:
                    election.elsewhere.setdefault(view.theme.id, []).append((elections[other].data, view))
