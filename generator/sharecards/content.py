"""What each page's share image says: the text of the card, not how it is drawn.

A link shared in WhatsApp, Mastodon or Bluesky shows a 1200×630 preview. The
card states what the page is about in a few words, and for the pages people
share most (statements, proposals, actors, themes) the essential content:
each actor's position, the quote, or who proposes how much.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..dutch import KIND_LABELS, SOURCE_KINDS, aantal
from ..models import Actor
from ..plan import Page
from ..views import ElectionView, ProposalView, SiteView, SourceView, StatementView, ThemeView, TopicView

PRIMARY = "#24476b"  # the site's header colour (content/assets/wvw.css)
STANCE_COLOURS = {"eens": "#146c2e", "neutraal": "#4b5563", "oneens": "#b42318", "geen standpunt": ""}
MAX_CHIPS = 6


@dataclass(frozen=True)
class Chip:
    """A small label on the card, e.g. 'Volt: eens'. An empty colour draws an outline."""

    label: str
    colour: str = PRIMARY


@dataclass(frozen=True)
class Row:
    """A line on the card: who (with their colour) and what, e.g. 'Volt: 3 voorstellen, zoals …'."""

    label: str
    text: str
    colour: str
    muted: bool = False  # drawn in grey: 'niet genoemd'


@dataclass(frozen=True)
class Card:
    title: str
    eyebrow: str = ""  # a short line above the title: the kind of page
    body: str = ""
    quote: bool = False  # the body is a verbatim quote: drawn in quotation marks
    chips: tuple[Chip, ...] = ()
    rows: tuple[Row, ...] = ()
    accent: str = PRIMARY  # colour of the band on the left
    context: str = ""  # the election, top right: 'Leiden 2026'
    footer: str = ""  # a muted line at the bottom: where a quote comes from
    site_name: str = "Wat wil wie?"

    @property
    def alt(self) -> str:
        """The card's text for screen readers (og:image:alt)."""
        parts = [self.site_name + (f", {self.context}" if self.context else "") + "."]
        title = self.title if self.title.endswith(("?", "!")) else self.title.rstrip(".") + "."
        parts += [f"{self.eyebrow}:" if self.eyebrow else "", title]
        if self.body:
            parts.append(f"“{self.body}”" if self.quote else self.body)
        if self.chips:
            parts.append(", ".join(chip.label for chip in self.chips) + ".")
        parts += [f"{row.label}: {row.text}." for row in self.rows]
        if self.footer:
            parts.append(self.footer + ".")
        return " ".join(part for part in parts if part)


def card_for(page: Page, site: SiteView, site_name: str) -> Card:
    """The card of one page; kinds without a special layout show their title and description."""
    e = page.context.get("e")
    base = Card(title=page.title, body=page.description, site_name=site_name, context=e.label if e else "")
    build = _BUILDERS.get(page.kind)
    return build(base, site=site, **page.context) if build else base


def _home(base: Card, site: SiteView, **_) -> Card:
    chips = tuple(Chip(e.label) for e in site.elections)
    return replace(base, title="Wat willen de partijen in jouw gemeente?", chips=chips[:MAX_CHIPS])


def _actor_chips(actors) -> tuple[Chip, ...]:
    return tuple(Chip(actor.label, actor.display_colour) for actor in actors)[:MAX_CHIPS]


def _election(base: Card, e: ElectionView, **_) -> Card:
    eyebrow = aantal(len(e.proposals), "voorstel", "voorstellen") + (f" · {aantal(len(e.statements), 'stelling', 'stellingen')}" if e.statements else "")
    return replace(base, eyebrow=eyebrow, chips=_actor_chips(e.actors))


def _stemhulp(base: Card, e: ElectionView, **_) -> Card:
    return replace(base, eyebrow=aantal(len(e.statements), "stelling", "stellingen"), chips=_actor_chips(e.stemhulp_actors))


def _overview(count: Callable[[ElectionView], str], chips: Callable[[ElectionView], tuple[Chip, ...]]):
    """Cards of overview pages: how many there are, and who or what they cover."""

    def build(base: Card, e: ElectionView, **_) -> Card:
        return replace(base, eyebrow=count(e), chips=chips(e))

    return build


def _theme_chips(e: ElectionView) -> tuple[Chip, ...]:
    return tuple(Chip(theme.theme.name) for theme in e.themes[:MAX_CHIPS])


def _statement(base: Card, e: ElectionView, s: StatementView, **_) -> Card:
    chips = tuple(
        Chip(f"{pos.actor.label}: {pos.label.lower()}", STANCE_COLOURS[pos.stance]) for pos in s.positions
    )
    return replace(base, eyebrow=f"Stelling · {s.theme.name}", body=s.statement.explanation, chips=chips[:MAX_CHIPS])


def _proposal(base: Card, e: ElectionView, view: ProposalView, **_) -> Card:
    return replace(
        base,
        eyebrow=f"{view.actor.name} · {view.theme.name}",
        body=view.proposal.quote,
        quote=True,
        accent=view.actor.display_colour,
        footer=f"Uit {SOURCE_KINDS.get(view.source.kind, 'het brondocument')} ({view.source.period}), ca. p. {view.location.page}",
    )


def _actor(base: Card, e: ElectionView, actor: Actor, **_) -> Card:
    proposals = e.proposals_of(actor)
    per_theme = Counter(view.theme.name for view in proposals)
    chips = tuple(Chip(f"{name}: {count}", actor.display_colour) for name, count in per_theme.most_common(MAX_CHIPS))
    themes = len(per_theme)
    summary = f"{aantal(len(proposals), 'voorstel', 'voorstellen')} over {aantal(themes, 'thema', 'thema’s')}, met letterlijke citaten."
    return replace(
        base,
        eyebrow=KIND_LABELS[actor.kind],
        body=summary,
        chips=chips,
        accent=actor.display_colour,
    )


def _theme(base: Card, e: ElectionView, theme: ThemeView, **_) -> Card:
    chips = tuple(
        Chip(f"{actor.label}: {len(e.proposals_of(actor, theme.theme))}", actor.display_colour)
        for actor in e.actors_on(theme.theme)
    )
    return replace(base, eyebrow="Thema", title=theme.theme.name, body=theme.theme.description, chips=chips[:MAX_CHIPS])


MAX_ROWS = 5


def _topic(base: Card, e: ElectionView, theme: ThemeView, topic: TopicView, **_) -> Card:
    """The question, and one line per actor: what it proposes, or that its document does not say."""
    rows = []
    for line in topic.lines[:MAX_ROWS]:
        if line.proposals:
            first = line.proposals[0].proposal.title
            more = len(line.proposals) - 1
            rows.append(Row(line.actor.label, first + (f" (+{more})" if more else ""), line.actor.display_colour))
        else:
            rows.append(Row(line.actor.label, "niet genoemd", line.actor.display_colour, muted=True))
    return replace(base, eyebrow=theme.theme.name, body="", rows=tuple(rows))


def _source(base: Card, e: ElectionView, source: SourceView, **_) -> Card:
    s = source.source
    return replace(base, eyebrow="Brondocument", body=f"{s.publisher}, {s.period}. De volledige tekst, met de geciteerde passages.")


def _stemhulp_result(base: Card, e: ElectionView, actor: Actor, **_) -> Card:
    return replace(
        base,
        eyebrow=f"Stemhulp · {aantal(len(e.statements), 'stelling', 'stellingen')}",
        title=f"Bovenaan: {actor.name}",
        body="Een gedeelde uitslag, zonder antwoorden. Wat is jouw uitslag? Je antwoorden blijven op je telefoon.",
        accent=actor.display_colour,
    )


_BUILDERS: dict[str, Callable[..., Card]] = {
    "home": _home,
    "election": _election,
    "stemhulp": _stemhulp,
    "stemhulp-result": _stemhulp_result,
    "themes": _overview(lambda e: aantal(len(e.themes), "thema", "thema’s"), _theme_chips),
    "actors": _overview(lambda e: aantal(len(e.actors), "partij of organisatie", "partijen en organisaties"), lambda e: _actor_chips(e.actors)),
    "statements": _overview(lambda e: aantal(len(e.statements), "stelling", "stellingen"), lambda e: _actor_chips(e.actors)),
    "compare": _overview(lambda e: aantal(len(e.statements), "stelling", "stellingen"), lambda e: _actor_chips(e.actors)),
    "sources": _overview(lambda e: aantal(len(e.sources), "brondocument", "brondocumenten"), lambda e: _actor_chips(e.actors)),
    "statement": _statement,
    "proposal": _proposal,
    "actor": _actor,
    "theme": _theme,
    "topic": _topic,
    "source": _source,
}
