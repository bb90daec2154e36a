"""What the pages show: plain view objects built by `plan`, which templates only lay out.

A view holds the validated models plus everything a template would otherwise
compute: paths, lists per actor or topic, neighbours, counts and labels.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from . import urls
from .dutch import STANCE_LABELS, aantal
from .history import Change, Commit, ElectionHistory, ItemHistory
from .load import ElectionData
from .models import Actor, Election, Position, Proposal, Source, Statement, Term, Theme, Topic
from .quotes import Paragraph, QuoteLocation, SourceText
from .stemhulp.balance import Balance, balance


@dataclass
class ProposalView:
    proposal: Proposal
    actor: Actor
    theme: Theme
    topic: Topic | None
    source: Source
    location: QuoteLocation
    path: str
    source_path: str
    theme_path: str
    topic_path: str | None  # the page of its topic, if it has one
    # The statements whose positions cite this proposal, filled in when statements are planned.
    statements: list[tuple[StatementView, PositionView]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"{self.actor.id}--{self.proposal.id}"

    @property
    def context_url(self) -> str:
        return f"{urls.url_of(self.source_path)}#{self.location.paragraph}"


@dataclass
class PositionView:
    actor: Actor
    stance: str  # eens / neutraal / oneens / geen standpunt
    explanation: str | None
    proposals: list[ProposalView]
    position: Position | None = None  # None: the statement gives this actor no position

    @property
    def label(self) -> str:
        return STANCE_LABELS[self.stance]

    @property
    def css(self) -> str:
        """The stance as a class name part: 'geen-standpunt'."""
        return self.stance.replace(" ", "-")

    @property
    def stated(self) -> bool:
        return self.stance != "geen standpunt"


@dataclass
class StatementView:
    statement: Statement
    number: int
    theme: Theme
    path: str
    positions: list[PositionView]
    previous: StatementView | None = None
    next: StatementView | None = None


@dataclass
class ActorLine:
    """One actor's proposals on a topic (or, untagged, on a theme); empty: the document is silent."""

    actor: Actor
    proposals: list[ProposalView]


@dataclass
class OtherElectionLine:
    """The same party in another election, on the same topic or theme: for comparison only."""

    election: Election
    actor: Actor
    proposals: list[ProposalView]


@dataclass
class TopicView:
    topic: Topic
    theme: Theme
    path: str
    lines: list[ActorLine]  # every actor of the election, in its order
    elsewhere: list[OtherElectionLine] = field(default_factory=list)
    previous: TopicView | None = None  # the neighbouring topics of the same theme
    next: TopicView | None = None

    @property
    def answered(self) -> list[ActorLine]:
        return [line for line in self.lines if line.proposals]

    @property
    def silent(self) -> list[ActorLine]:
        return [line for line in self.lines if not line.proposals]

    @property
    def count(self) -> int:
        return sum(len(line.proposals) for line in self.lines)


@dataclass
class ThemeView:
    theme: Theme
    path: str
    topics: list[TopicView]  # topics with at least one proposal in this election
    untagged: list[ActorLine]  # per actor, the proposals without a topic ("Ook genoemd"); only actors with some
    statements: list[StatementView]
    elsewhere: list[OtherElectionLine] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(topic.count for topic in self.topics) + sum(len(line.proposals) for line in self.untagged)

    def groups_of(self, actor: Actor) -> list[tuple[TopicView | None, list[ProposalView]]]:
        """An actor's proposals on this theme, by topic in the theme's order; untagged ones last (topic None)."""
        groups: list[tuple[TopicView | None, list[ProposalView]]] = []
        for topic in self.topics:
            groups += [(topic, line.proposals) for line in topic.lines if line.actor.id == actor.id and line.proposals]
        groups += [(None, line.proposals) for line in self.untagged if line.actor.id == actor.id]
        return groups


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
class TopicRow:
    theme: Theme
    topic: Topic
    counts: list[int]  # proposals per actor on this topic, in the election's actor order


@dataclass(frozen=True)
class Coverage:
    """How many proposals each actor has per theme and topic: the method page's tables and `watwilwie coverage`."""

    actors: list[Actor]
    rows: list[CoverageRow]
    totals: list[int]
    statements: int
    topics: list[TopicRow]
    untagged: list[ProposalView]  # proposals without a topic, in theme and actor order


@dataclass(frozen=True)
class ChangeEntry:
    """One change to one proposal or statement: a line on the changes page, an entry in the feed."""

    change: Change
    kind: str  # what changed: 'Voorstel van Volt', 'Stelling'
    title: str  # its title or statement text, as it is now (or was, when it was removed)
    url: str | None  # site-relative: its page, or its old address that leads on; None: removed, nowhere to go
    anchor: str  # its id on the changes page


@dataclass(frozen=True)
class CommitChanges:
    commit: Commit
    entries: list[ChangeEntry]


@dataclass
class ChangesView:
    """An election's change log (`history`), as its changes page, its feed and each item's page show it."""

    log: ElectionHistory
    path: str
    feed_path: str
    commits: list[CommitChanges]  # newest first; only commits that changed something

    @property
    def entries(self) -> list[ChangeEntry]:
        return [entry for group in self.commits for entry in group.entries]

    @property
    def days(self) -> list[tuple[dt.date, list[CommitChanges]]]:
        days: list[tuple[dt.date, list[CommitChanges]]] = []
        for group in self.commits:
            if days and days[-1][0] == group.commit.date:
                days[-1][1].append(group)
            else:
                days.append((group.commit.date, [group]))
        return days

    def of_proposal(self, view: ProposalView) -> ItemHistory | None:
        return self._shown(self.log.proposals.get((view.actor.id, view.proposal.id)))

    def of_statement(self, view: StatementView) -> ItemHistory | None:
        return self._shown(self.log.statements.get(view.statement.id))

    @staticmethod
    def _shown(history: ItemHistory | None) -> ItemHistory | None:
        """None for an item the last commit removed: a page shown from uncommitted data has no committed history."""
        return None if history is None or history.removed else history


@dataclass
class ElectionView:
    data: ElectionData
    themes: list[ThemeView]  # themes with at least one proposal or statement, in the shared order
    actors: list[Actor]
    proposals: list[ProposalView]
    statements: list[StatementView]
    sources: list[SourceView]
    has_stemhulp: bool = False
    status: str = ""  # 'De verkiezing was op 18 maart 2026.', from the build date

    @property
    def ballot(self) -> list[Actor]:
        """The parties on this election's ballot that the site covers."""
        return [actor for actor in self.actors if actor.on_ballot]

    @property
    def scope(self) -> str:
        """What the site covers, counted from the data: '1 partij en 3 documenten ter vergelijking'."""
        return self.scope_of(self.actors)

    def scope_of(self, actors: list[Actor]) -> str:
        parties = [actor for actor in actors if actor.on_ballot]
        others = len(actors) - len(parties)
        text = aantal(len(parties), "partij", "partijen") if parties else "geen partij van het stembiljet"
        return text + (f" en {aantal(others, 'document', 'documenten')} ter vergelijking" if others else "")

    @property
    def complete(self) -> bool:
        """Every list on the ballot is on the site (known only when election.yml names the lists)."""
        return bool(self.election.ballot) and not self.missing_lists

    @property
    def missing_lists(self) -> list[str]:
        """Lists on the ballot (as election.yml names them) that the site does not cover yet."""
        covered = {actor.name.casefold() for actor in self.ballot} | {actor.label.casefold() for actor in self.ballot}
        return [name for name in self.election.ballot if name.casefold() not in covered]
    changes: ChangesView | None = None  # None: no history known (no git repository)

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def election(self) -> Election:
        return self.data.election

    @property
    def label(self) -> str:
        """'Leiden 2026': the city and year, for titles and cards."""
        return f"{self.election.municipality} {self.election.date.year}"

    # Paths of the election's pages (see `urls`).
    @property
    def path(self) -> str:
        return urls.election(self.id)

    @property
    def themes_path(self) -> str:
        return urls.themes(self.id)

    @property
    def actors_path(self) -> str:
        return urls.actors(self.id)

    @property
    def statements_path(self) -> str:
        return urls.statements(self.id)

    @property
    def compare_path(self) -> str:
        return urls.compare(self.id)

    @property
    def stemhulp_path(self) -> str:
        return urls.stemhulp(self.id)

    @property
    def sources_path(self) -> str:
        return urls.sources(self.id)

    @property
    def data_json_path(self) -> str:
        return urls.data_json(self.id)

    @property
    def csv_path(self) -> str:
        return urls.proposals_csv(self.id)

    @property
    def datapackage_path(self) -> str:
        return urls.datapackage(self.id)

    def theme_path(self, theme: Theme) -> str:
        return urls.theme(self.id, theme.id)

    def actor_path(self, actor: Actor) -> str:
        return urls.actor(self.id, actor.id)

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

    def theme_view(self, theme: Theme) -> ThemeView:
        return next(view for view in self.themes if view.theme.id == theme.id)

    def themes_of(self, actor: Actor) -> list[ThemeView]:
        """The themes on which `actor` has proposals."""
        return [view for view in self.themes if self.proposals_of(actor, view.theme)]

    def actors_on(self, theme: Theme) -> list[Actor]:
        return [actor for actor in self.actors if self.proposals_of(actor, theme)]

    def positions_of(self, actor: Actor) -> list[tuple[StatementView, PositionView]]:
        """The statements on which `actor` has a position, with that position."""
        return [(s, pos) for s in self.statements for pos in s.positions if pos.actor.id == actor.id and pos.stated]

    @cached_property
    def balance(self) -> Balance:
        """How well the stemhulp's statements separate the actors (the editorial lint's figures)."""
        return balance(self.data)

    @property
    def stemhulp_actors(self) -> list[Actor]:
        wanted = self.election.stemhulp.actors
        return [actor for actor in self.actors if actor.id in wanted]

    def coverage(self) -> Coverage:
        counts = Counter((view.actor.id, view.theme.id) for view in self.proposals)
        statements = Counter(view.theme.id for view in self.statements)
        themes = [view.theme for view in self.themes]
        rows = [CoverageRow(theme, [counts[(actor.id, theme.id)] for actor in self.actors], statements[theme.id]) for theme in themes]
        totals = [sum(counts[(actor.id, theme.id)] for theme in themes) for actor in self.actors]
        topics = [
            TopicRow(view.theme, topic.topic, [len(line.proposals) for line in topic.lines])
            for view in self.themes
            for topic in view.topics
        ]
        untagged = [proposal for proposal in self.proposals if proposal.topic is None]
        return Coverage(list(self.actors), rows, totals, len(self.statements), topics, untagged)

    def without_position(self) -> list[tuple[StatementView, list[Actor]]]:
        """Per statement, the stemhulp actors whose document takes no position on it."""
        wanted = set(self.election.stemhulp.actors)
        return [(view, [pos.actor for pos in view.positions if not pos.stated and pos.actor.id in wanted]) for view in self.statements]


@dataclass
class SiteView:
    themes: list[Theme]
    elections: list[ElectionView]
    terms: list[Term] = field(default_factory=list)  # the glossary, in alphabetical order
