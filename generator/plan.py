"""Stage: decide which pages exist, where they live and what each one shows.

`plan` turns validated, located data into view objects and the complete list
of pages (path, kind, title, description, the views its template needs) and the
site navigation. Rendering, share cards, the navigation and the sitemap scopes
all read this one list; the URL scheme itself is in `urls`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TypeVar

from . import urls
from .dutch import dutch_date
from .history import Commit, ElectionHistory, History, ItemHistory
from .load import ElectionData, SiteData
from .models import Actor, ProposalKey, Theme
from .quotes import QuoteLocation
from .views import (
    ActorLine,
    ChangeEntry,
    ChangesView,
    CommitChanges,
    ElectionView,
    OtherElectionLine,
    PositionView,
    ProposalView,
    SiteView,
    SourceView,
    StatementView,
    ThemeView,
    TopicView,
)

K = TypeVar("K")
MIN_STEMHULP_ACTORS = 2  # a quiz compares at least two actors with positions
MAX_ELSEWHERE = 3  # other elections shown per party, so a page stays the same size as more municipalities join


@dataclass(frozen=True)
class Crumb:
    title: str
    path: str


@dataclass
class Page:
    """One page of the site: a Markdown file under `content/`, rendered from `pages/<kind>.md.j2`."""

    path: str
    kind: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)  # the views the template lays out
    search: bool = True  # in the search index
    crumbs: list[Crumb] = field(default_factory=list)  # the way back up: 'Leiden 2026 › Thema's'
    data: str = ""  # the data file or folder this page shows ("laatst bijgewerkt"); empty: all data
    item: str = ""  # the proposal or statement it is about, for an error report
    feed: str | None = None  # the path of the page's Atom feed, for feed readers to discover

    @property
    def template(self) -> str:
        return f"pages/{self.kind}.md.j2"


@dataclass
class NavItem:
    """A navigation entry: a page, or a section with children."""

    title: str
    path: str | None = None
    children: list[NavItem] = field(default_factory=list)


@dataclass(frozen=True)
class Moved:
    """An old address (a folder, served as `<path>/index.html`) that sends the reader to a page."""

    path: str  # e.g. 'leiden-2026/stelling/oude-id/index.html'
    target: str  # the Markdown path of the page it leads to


@dataclass
class Plan:
    site: SiteView
    pages: list[Page]
    nav: list[NavItem]
    moved: list[Moved] = field(default_factory=list)


def plan(
    site: SiteData,
    sources: dict[ProposalKey, str],
    locations: dict[ProposalKey, QuoteLocation],
    site_name: str,
    today: dt.date | None = None,
    history: History | None = None,
) -> Plan:
    """The site's views and pages; `today` (the build date) says whether an election is still to come."""
    terms = sorted(site.terms, key=lambda term: term.term.casefold())
    view = SiteView(site.themes, [_election_view(data, site.themes, sources, locations) for data in site.elections], terms)
    for e in view.elections:
        e.status = election_status(e, today or dt.date.today())
        if history and e.id in history:
            e.changes = changes_view(e, history[e.id])
    _link_same_parties(view.elections)
    pages = [
        Page(urls.HOME, "home", site_name, "Verkiezingsprogramma's, een coalitieakkoord en adviezen, per onderwerp vergeleken. Elk voorstel is een letterlijk citaat uit de bron.", {}),
        Page(urls.METHOD, "methode", "Zo werkt deze site", "Hoe we voorstellen kiezen, citaten controleren en standpunten vastleggen.", {}),
        Page(urls.ABOUT, "about", "Over deze site", "Wie deze site maakt, hoe we onafhankelijk blijven, en hoe je een fout meldt.", {}),
        Page(urls.SEARCH, "search", "Zoeken", "Zo vind je alles op deze site: kies je gemeente en een thema.", {}, search=False),
    ]
    pages.append(Page(urls.GLOSSARY, "glossary", "Begrippen", "Moeilijke woorden uit de verkiezingsprogramma's en akkoorden, in gewone taal uitgelegd.", {}))
    for e in view.elections:
        pages += _election_pages(e)
    by_url = {urls.url_of(page.path): page.path for page in pages}
    moved = [
        Moved(f"{e.id}/{redirect.from_}/index.html", by_url[f"{e.id}/{redirect.to}/".replace("//", "/")])
        for e in view.elections
        for redirect in e.data.redirects
    ]
    return Plan(view, pages, navigation(view), moved)


def _election_pages(e: ElectionView) -> list[Page]:
    """Every page of one election, each with its breadcrumb and the data it shows."""
    folder = _folder(e)
    home = [Crumb(e.label, e.path)]
    themes, actors = [*home, Crumb("Thema's", e.themes_path)], [*home, Crumb("Partijen en organisaties", e.actors_path)]
    statements, sources = [*home, Crumb("Stellingen", e.statements_path)], [*home, Crumb("Brondocumenten", e.sources_path)]

    def page(path: str, kind: str, title: str, description: str, crumbs: list[Crumb], data: str = folder, search: bool = True, item: str = "", feed: str | None = None, **views: Any) -> Page:
        return Page(path, kind, title, description, {"e": e, **views}, search, crumbs, data, item, feed)

    pages = [
        page(e.path, "election", e.election.name, f"{e.scope}. {e.election.intro}", [], feed=e.changes.feed_path if e.changes else None),
        page(e.themes_path, "themes", "Thema's", f"Alle thema's van de {e.election.name}, met per vraag wie wat voorstelt.", home),
    ]
    for theme in e.themes:
        pages.append(page(theme.path, "theme", theme.theme.name, f"{theme.theme.description} Wie wil wat? Per vraag de voorstellen, met citaten.", themes, theme=theme))
        for topic in theme.topics:
            crumbs = [*themes, Crumb(theme.theme.name, theme.path)]
            pages.append(page(topic.path, "topic", topic.topic.question, topic_summary(topic), crumbs, theme=theme, topic=topic))
    pages.append(page(e.actors_path, "actors", "Partijen en organisaties", f"Van wie de voorstellen op deze site komen: {e.scope}.", home))
    for actor in e.actors:
        pages.append(page(e.actor_path(actor), "actor", actor.name, actor.description, actors, actor=actor))
    for proposal in e.proposals:
        crumbs = [*actors, Crumb(proposal.actor.label, e.actor_path(proposal.actor))]
        data, item = proposal.proposal.where()[0], f"{proposal.actor.id}/{proposal.proposal.id}"
        history = e.changes.of_proposal(proposal) if e.changes else None
        pages.append(page(proposal.path, "proposal", proposal.proposal.title, f"{proposal.actor.label}: {proposal.proposal.quote}", crumbs, data, item=item, view=proposal, history=history))
    if e.statements:
        pages.append(page(e.statements_path, "statements", "Stellingen", f"De stellingen van de {e.election.name}, met het standpunt van elke partij of organisatie.", home))
        pages.append(page(e.compare_path, "compare", "Standpunten vergelijken", "Alle stellingen en standpunten in één overzicht.", home))
        for statement in e.statements:
            data, item = statement.statement.where()[0], f"stelling/{statement.statement.id}"
            history = e.changes.of_statement(statement) if e.changes else None
            pages.append(page(statement.path, "statement", statement.statement.text, statement_summary(statement), statements, data, item=item, s=statement, history=history))
    with_whom = f"{e.scope_of(e.stemhulp_actors)}" if e.stemhulp_actors else "de partijen en organisaties op deze site"
    pages.append(page(e.stemhulp_path, "stemhulp", "Stemhulp", f"Doe de stemhulp voor de {e.election.name}: vergelijk je mening met {with_whom}. Je antwoorden blijven op je telefoon.", home))
    if e.has_stemhulp:
        for actor in e.stemhulp_actors:
            if actor.on_ballot:
                pages.append(page(
                    urls.stemhulp_result(e.id, actor.id), "stemhulp-result", f"Stemhulp: {actor.label} bovenaan",
                    f"Iemand deelde een uitslag van de stemhulp {e.label}: {actor.name} kwam bovenaan. Doe de stemhulp zelf; je antwoorden blijven op je telefoon.",
                    [*home, Crumb("Stemhulp", e.stemhulp_path)], search=False, actor=actor,
                ))
    pages.append(page(e.sources_path, "sources", "Brondocumenten", "De volledige tekst van elk brondocument, met de geciteerde passages.", home))
    for source in e.sources:
        data = source.source.where()[0].rsplit(".", 1)[0]  # the metadata and the text beside it
        pages.append(page(source.path, "source", source.source.title, f"Volledige tekst van '{source.source.title}' ({source.source.publisher}).", sources, data, search=False, source=source))
    if e.changes:  # not searched: it names every proposal that changed
        pages.append(page(
            e.changes.path, "changes", "Wijzigingen",
            f"Wat er veranderde aan de voorstellen en stellingen van de {e.election.name} nadat ze gepubliceerd waren, nieuwste eerst. Ook als feed.",
            home, search=False, feed=e.changes.feed_path, changes=e.changes,
        ))
    return pages


def _folder(e: ElectionView) -> str:
    """The election's data folder as the repository names it ('site-data/leiden-2026')."""
    return e.election.where()[0].rsplit("/", 1)[0]


def statement_summary(s: StatementView) -> str:
    """Every position, then the explanation: what a search result or a shared link shows first."""
    positions = ", ".join(f"{pos.actor.label} {pos.label.lower()}" for pos in s.positions)
    return f"Standpunten: {positions}. {s.statement.explanation}"


def election_status(e: ElectionView, today: dt.date) -> str:
    """'De verkiezing is op 18 maart 2026.' before the day, 'was op' after it."""
    day = dutch_date(e.election.date)
    if today < e.election.date:
        return f"De verkiezing is op {day}."
    if today == e.election.date:
        return f"De verkiezing is vandaag, {day}."
    return f"De verkiezing was op {day}."


def topic_summary(topic: TopicView) -> str:
    """Who says what on a topic, in one line: what a search result or a shared link shows first."""
    said = "; ".join(f"{line.actor.label}: {', '.join(v.proposal.title for v in line.proposals)}" for line in topic.answered)
    silent = ", ".join(line.actor.label for line in topic.silent)
    return said + (f". Niet genoemd door {silent}." if silent else ".")


def navigation(site: SiteView) -> list[NavItem]:
    """A small, fixed navigation: overview pages only, so pages stay light as data grows."""
    nav = [NavItem("Voorpagina", urls.HOME)]
    for e in site.elections:
        items = [NavItem(e.label, e.path)]
        if e.has_stemhulp:
            items.append(NavItem("Stemhulp", e.stemhulp_path))
        items.append(NavItem("Thema's", e.themes_path))
        if e.statements:
            items += [NavItem("Stellingen", e.statements_path), NavItem("Standpunten vergelijken", e.compare_path)]
        items += [NavItem("Partijen en organisaties", e.actors_path), NavItem("Brondocumenten", e.sources_path)]
        if e.changes:
            items.append(NavItem("Wijzigingen", e.changes.path))
        nav.append(NavItem(e.label, children=items))
    nav += [NavItem("Zo werkt deze site", urls.METHOD), NavItem("Begrippen", urls.GLOSSARY), NavItem("Over deze site", urls.ABOUT)]
    return nav


# -- views -----------------------------------------------------------------------------

def changes_view(e: ElectionView, log: ElectionHistory) -> ChangesView:
    """Every change of the election's proposals and statements, grouped by commit, newest first.

    Within a commit come statements, then proposals, each in the order of the site and
    removed ones last: those link to their old address where `redirects.yml` keeps one.
    """
    statements = {view.statement.id: view for view in e.statements}
    proposals = {(view.actor.id, view.proposal.id): view for view in e.proposals}
    labels = {actor.id: actor.label for actor in e.actors}
    moved = {redirect.from_ for redirect in e.data.redirects}

    def address(page: str | None, old: str) -> str | None:
        """The page, or for a removed one the old address that leads on (if any)."""
        return urls.url_of(page) if page else f"{e.id}/{old}/" if old in moved else None

    subjects: list[tuple[str, str, str | None, str, ItemHistory]] = []  # kind, title, url, anchor, history
    for sid in _in_site_order(log.statements, statements):
        statement = statements.get(sid)
        title = statement.statement.text if statement else log.statements[sid].title
        subjects.append(("Stelling", title, address(statement.path if statement else None, f"stelling/{sid}"), f"stelling-{sid}", log.statements[sid]))
    for key in _in_site_order(log.proposals, proposals):
        actor, pid = key
        proposal = proposals.get(key)
        title = proposal.proposal.title if proposal else log.proposals[key].title
        kind = f"Voorstel van {labels.get(actor, actor)}"
        subjects.append((kind, title, address(proposal.path if proposal else None, f"wie/{actor}/{pid}"), f"{actor}--{pid}", log.proposals[key]))
    entries: dict[Commit, list[ChangeEntry]] = defaultdict(list)
    for kind, title, url, anchor, history in subjects:
        for change in history.changes:
            entries[change.commit].append(ChangeEntry(change, kind, title, url, _anchor(f"{change.commit.sha[:12]}-{anchor}")))
    newest_first = sorted(entries, key=lambda commit: -commit.number)
    return ChangesView(log, urls.changes(e.id), urls.changes_feed(e.id), [CommitChanges(commit, entries[commit]) for commit in newest_first])


def _in_site_order(histories: dict[K, ItemHistory], shown: dict[K, Any]) -> list[K]:
    """The items with a history: those on the site in its order, then the ones no longer there."""
    return [key for key in shown if key in histories] + [key for key in histories if key not in shown]


def _anchor(text: str) -> str:
    """An HTML id from ids that older versions of the data may have spelled in any way."""
    return re.sub(r"[^a-z0-9-]+", "-", text.lower())


def actor_order(data: ElectionData) -> list[Actor]:
    """The election's actors as every page lists them: parties on the ballot first, then the file's order."""
    return sorted(data.actors, key=lambda actor: not actor.on_ballot)


def _election_view(data: ElectionData, theme_order: list[Theme], sources: dict[ProposalKey, str], locations: dict[ProposalKey, QuoteLocation]) -> ElectionView:
    ordered = actor_order(data)
    actors = {actor.id: actor for actor in ordered}
    themes = {theme.id: theme for theme in theme_order}
    source_views = {
        source_id: SourceView(source, data.texts[source_id], [a for a in data.actors if source_id in a.sources], urls.source(data.id, source_id))
        for source_id, source in data.sources.items()
        if source_id in data.texts
    }
    proposals = []
    for proposal in data.proposals:
        key = (data.id, proposal.actor, proposal.id)
        theme = themes[proposal.theme]
        view = ProposalView(
            proposal=proposal,
            actor=actors[proposal.actor],
            theme=theme,
            topic=next((t for t in theme.topics if t.id == proposal.topic), None),
            source=data.sources[sources[key]],
            location=locations[key],
            path=urls.proposal(data.id, proposal.actor, proposal.id),
            source_path=source_views[sources[key]].path,
            theme_path=urls.theme(data.id, theme.id),
            topic_path=urls.topic(data.id, theme.id, proposal.topic) if proposal.topic else None,
        )
        proposals.append(view)
        source_views[sources[key]].proposals.append(view)
    rank = {actor.id: i for i, actor in enumerate(ordered)}
    theme_rank = {theme.id: i for i, theme in enumerate(theme_order)}
    proposals.sort(key=lambda v: (theme_rank[v.theme.id], rank[v.actor.id], v.location.start))
    statements = _statement_views(data, ordered, themes, {(v.actor.id, v.proposal.id): v for v in proposals})
    used = {v.theme.id for v in proposals} | {s.theme.id for s in statements}
    theme_views = [_theme_view(data.id, ordered, theme, proposals, statements) for theme in theme_order if theme.id in used]
    election = ElectionView(data, theme_views, ordered, proposals, statements, list(source_views.values()))
    stated = {pos.actor.id for s in statements for pos in s.positions if pos.stated}
    election.has_stemhulp = bool(statements) and len(stated & set(data.election.stemhulp.actors)) >= MIN_STEMHULP_ACTORS
    return election


def _statement_views(data: ElectionData, actors: list[Actor], themes: dict[str, Theme], by_key: dict[tuple[str, str], ProposalView]) -> list[StatementView]:
    statements: list[StatementView] = []
    for number, statement in enumerate(data.statements, start=1):
        view = StatementView(statement, number, themes[statement.theme], urls.statement(data.id, statement.id), [])
        for actor in actors:
            position = statement.positions.get(actor.id)
            if position is None:
                view.positions.append(PositionView(actor, "geen standpunt", None, []))
                continue
            cited = [by_key[(actor.id, pid)] for pid in position.proposals]
            pos = PositionView(actor, position.position, position.explanation, cited, position)
            view.positions.append(pos)
            for proposal in cited:
                proposal.statements.append((view, pos))
        if statements:
            view.previous, statements[-1].next = statements[-1], view
        statements.append(view)
    return statements


def _theme_view(election: str, actors: list[Actor], theme: Theme, proposals: list[ProposalView], statements: list[StatementView]) -> ThemeView:
    own = [v for v in proposals if v.theme.id == theme.id]
    topics: list[TopicView] = []
    for topic in theme.topics:
        tagged = [v for v in own if v.topic is not None and v.topic.id == topic.id]
        if tagged:
            lines = [ActorLine(actor, [v for v in tagged if v.actor.id == actor.id]) for actor in actors]
            view = TopicView(topic, theme, urls.topic(election, theme.id, topic.id), lines)
            if topics:
                view.previous, topics[-1].next = topics[-1], view
            topics.append(view)
    untagged = [ActorLine(actor, [v for v in own if v.topic is None and v.actor.id == actor.id]) for actor in actors]
    return ThemeView(
        theme,
        urls.theme(election, theme.id),
        topics,
        [line for line in untagged if line.proposals],
        [s for s in statements if s.theme.id == theme.id],
    )


def _link_same_parties(elections: list[ElectionView]) -> None:
    """For each theme and topic, the proposals of the same party (by `party`) in other elections.

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
            theirs = elections[other]
            for actor in theirs.actors:
                if actor.party not in shown[other]:
                    continue
                for theme in election.themes:
                    found = theirs.proposals_of(actor, theme.theme)
                    if found:
                        theme.elsewhere.append(OtherElectionLine(theirs.election, actor, found))
                    for topic in theme.topics:
                        on_topic = [v for v in found if v.topic is not None and v.topic.id == topic.topic.id]
                        if on_topic:
                            topic.elsewhere.append(OtherElectionLine(theirs.election, actor, on_topic))
