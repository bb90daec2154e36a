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

from . import pages as p
from .models import Actor, Theme

PRIMARY = "#24476b"  # the site's header colour (content/assets/wvw.css)
NEUTRAL_ACTOR = "#555555"
STANCE_COLOURS = {"eens": "#146c2e", "neutraal": "#4b5563", "oneens": "#b42318", "geen standpunt": ""}
MAX_CHIPS = 6
SOURCE_KINDS = {
    "verkiezingsprogramma": "het verkiezingsprogramma",
    "coalitieakkoord": "het coalitieakkoord",
    "advies": "het advies",
    "toekomstvisie": "de toekomstvisie",
    "overig": "het brondocument",
}


@dataclass(frozen=True)
class Chip:
    """A small label on the card, e.g. 'Volt: eens'. An empty colour draws an outline."""

    label: str
    colour: str = PRIMARY


@dataclass(frozen=True)
class Card:
    title: str
    eyebrow: str = ""  # a short line above the title: the kind of page
    body: str = ""
    quote: bool = False  # the body is a verbatim quote: drawn in quotation marks
    chips: tuple[Chip, ...] = ()
    accent: str = PRIMARY  # colour of the band on the left
    context: str = ""  # the election, top right: 'Leiden 2026'
    footer: str = ""  # a muted line at the bottom: where a quote comes from
    site_name: str = "Wat wil wie?"

    @property
    def alt(self) -> str:
        """The card's text for screen readers (og:image:alt)."""
        parts = [self.site_name + (f", {self.context}" if self.context else "") + "."]
        parts += [f"{self.eyebrow}:" if self.eyebrow else "", self.title.rstrip(".") + "."]
        if self.body:
            parts.append(f"“{self.body}”" if self.quote else self.body)
        if self.chips:
            parts.append(", ".join(chip.label for chip in self.chips) + ".")
        if self.footer:
            parts.append(self.footer + ".")
        return " ".join(part for part in parts if part)


def image_path(page_path: str) -> str:
    """Where the card of a page is published: 'a/b.md' and 'a/b/index.md' -> 'og/a/b.png'."""
    url = p.url_of(page_path).rstrip("/")
    return f"og/{url or 'index'}.png"


def election_label(e: p.ElectionView) -> str:
    return f"{e.election.municipality} {e.election.date.year}"


def card_for(template: str, title: str, description: str, site_name: str, context: dict) -> Card:
    """The card of one page; pages without a special layout show their title and description."""
    e = context.get("e")
    base = Card(title=title, body=description, site_name=site_name, context=election_label(e) if e else "")
    build = _BUILDERS.get(template)
    return build(base, **context) if build else base


def _home(base: Card, site: p.SiteView, **_) -> Card:
    chips = tuple(Chip(election_label(e)) for e in site.elections)
    return replace(base, title="Wat willen de partijen in jouw gemeente?", chips=chips[:MAX_CHIPS])


def _actor_chips(actors) -> tuple[Chip, ...]:
    return tuple(Chip(actor.label, actor.colour or NEUTRAL_ACTOR) for actor in actors)[:MAX_CHIPS]


def _election(base: Card, e: p.ElectionView, **_) -> Card:
    eyebrow = f"{len(e.proposals)} voorstellen" + (f" · {len(e.statements)} stellingen" if e.statements else "")
    return replace(base, eyebrow=eyebrow, chips=_actor_chips(e.actors))


def _stemhulp(base: Card, e: p.ElectionView, **_) -> Card:
    return replace(base, eyebrow=f"{len(e.statements)} stellingen", chips=_actor_chips(e.stemhulp_actors))


def _overview(count: Callable[[p.ElectionView], str], chips: Callable[[p.ElectionView], tuple[Chip, ...]]):
    """Cards of overview pages: how many there are, and who or what they cover."""

    def build(base: Card, e: p.ElectionView, **_) -> Card:
        return replace(base, eyebrow=count(e), chips=chips(e))

    return build


def _theme_chips(e: p.ElectionView) -> tuple[Chip, ...]:
    return tuple(Chip(theme.name) for theme in e.themes[:MAX_CHIPS])


def _statement(base: Card, e: p.ElectionView, s: p.StatementView, **_) -> Card:
    chips = tuple(
        Chip(f"{pos.actor.label}: {pos.label.lower()}", STANCE_COLOURS[pos.stance]) for pos in s.positions
    )
    return replace(base, eyebrow=f"Stelling · {s.theme.name}", body=s.statement.explanation, chips=chips[:MAX_CHIPS])


def _proposal(base: Card, e: p.ElectionView, view: p.ProposalView, **_) -> Card:
    return replace(
        base,
        eyebrow=f"{view.actor.name} · {view.theme.name}",
        body=view.proposal.quote,
        quote=True,
        accent=view.actor.colour or NEUTRAL_ACTOR,
        footer=f"Uit {SOURCE_KINDS.get(view.source.kind, 'het brondocument')} ({view.source.period}), ca. p. {view.location.page}",
    )


def _actor(base: Card, e: p.ElectionView, actor: Actor, **_) -> Card:
    proposals = e.proposals_of(actor)
    per_theme = Counter(view.theme.name for view in proposals)
    chips = tuple(Chip(f"{name}: {count}", actor.colour or NEUTRAL_ACTOR) for name, count in per_theme.most_common(MAX_CHIPS))
    themes = len(per_theme)
    summary = f"{len(proposals)} voorstellen over {themes} {'thema' if themes == 1 else 'thema’s'}, met letterlijke citaten."
    return replace(
        base,
        eyebrow=p.KIND_LABELS[actor.kind],
        body=summary,
        chips=chips,
        accent=actor.colour or NEUTRAL_ACTOR,
    )


def _theme(base: Card, e: p.ElectionView, theme: Theme, **_) -> Card:
    chips = tuple(
        Chip(f"{actor.label}: {len(e.proposals_of(actor, theme))}", actor.colour or NEUTRAL_ACTOR)
        for actor in e.actors
        if e.proposals_of(actor, theme)
    )
    return replace(base, eyebrow="Thema", title=theme.name, body=theme.description, chips=chips[:MAX_CHIPS])


def _source(base: Card, e: p.ElectionView, source: p.SourceView, **_) -> Card:
    s = source.source
    return replace(base, eyebrow="Brondocument", body=f"{s.publisher}, {s.period}. De volledige tekst, met de geciteerde passages.")


_BUILDERS = {
    "home.md.j2": _home,
    "election.md.j2": _election,
    "stemhulp.md.j2": _stemhulp,
    "themes.md.j2": _overview(lambda e: f"{len(e.themes)} thema’s", _theme_chips),
    "actors.md.j2": _overview(lambda e: f"{len(e.actors)} partijen en organisaties", lambda e: _actor_chips(e.actors)),
    "statements.md.j2": _overview(lambda e: f"{len(e.statements)} stellingen", lambda e: _actor_chips(e.actors)),
    "compare.md.j2": _overview(lambda e: f"{len(e.statements)} stellingen", lambda e: _actor_chips(e.actors)),
    "sources.md.j2": _overview(lambda e: f"{len(e.sources)} brondocumenten", lambda e: _actor_chips(e.actors)),
    "statement.md.j2": _statement,
    "proposal.md.j2": _proposal,
    "actor.md.j2": _actor,
    "theme.md.j2": _theme,
    "source.md.j2": _source,
}
