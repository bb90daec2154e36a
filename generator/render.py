"""Render the planned pages to Markdown with Jinja, and the open data files.

Editor text lands in three places and is escaped for each, once: HTML (Jinja's
autoescape; page bodies are raw HTML blocks inside Markdown, which Markdown
leaves alone), Markdown headings (`md` filter) and YAML front matter (dumped
with PyYAML).
"""

from __future__ import annotations

import csv
import html
import io
import json
import posixpath
import re
from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from . import pages as p
from .cards import Card, card_for, image_path
from .stemhulp import has_stemhulp, stemhulp_json

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def md_inline(text: str) -> Markup:
    """Escape text for a Markdown heading or inline position: shown as typed, never as markup.

    Line breaks become spaces: a heading is one line, and a blank line would end it and
    start a paragraph of Markdown.
    """
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False)))


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def dutch_date(date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def aantal(count: int, single: str, plural: str) -> str:
    """'1 voorstel', '3 voorstellen'."""
    return f"{count} {single if count == 1 else plural}"


def front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n"


def relative_url(from_path: str, to: str) -> str:
    """A link from the page at Markdown path `from_path` to a Markdown path or site path `to`."""
    target, _, fragment = to.partition("#")
    if target.endswith(".md"):
        target = p.url_of(target)
    base = p.url_of(from_path).rstrip("/") or "."
    rel = posixpath.relpath(target.rstrip("/") or ".", base)
    if target == "" or target.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


@cache
def icon_svg(name: str) -> Markup:
    """Inline one of Material's bundled SVG icons (no icon font, no request)."""
    import material

    path = Path(material.__file__).parent / "templates" / ".icons" / f"{name}.svg"
    if not path.exists():
        return Markup("")
    svg = path.read_text(encoding="utf-8").replace("<svg ", '<svg aria-hidden="true" focusable="false" class="wvw-icon" ', 1)
    return Markup(svg)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    @pass_context
    def link(context, to: str) -> str:
        return relative_url(context["page_path"], to)

    env.filters.update(aantal=aantal, dutch_date=dutch_date, md=md_inline, link=link, icon=icon_svg, url_of=p.url_of)
    env.globals.update(
        has_stemhulp=has_stemhulp,
        KIND_LABELS=p.KIND_LABELS,
        KIND_NOTES=p.KIND_NOTES,
        STANCE_LABELS=p.STANCE_LABELS,
    )
    return env


class Renderer:
    def __init__(self, site: p.SiteView, site_name: str, repo_url: str, site_url: str = ""):
        self.site = site
        self.site_name = site_name
        self.repo_url = repo_url
        self.site_url = site_url
        self.env = environment()
        self.files: dict[str, str] = {}
        self.cards: dict[str, Card] = {}  # share image path -> what it shows

    def page(self, path: str, template: str, title: str, description: str, search: bool = True, **context) -> None:
        # No `title` in the front matter: MkDocs then takes it from the page's
        # escaped <h1>, and Material prints page titles without escaping them.
        card = card_for(template, title, description, self.site_name, dict(context, site=self.site))
        image = image_path(path)
        self.cards[image] = card
        meta = {"description": _one_line(description), "share_image": image, "share_image_alt": _one_line(card.alt)}
        if not search:
            meta["search"] = {"exclude": True}
        body = self.env.get_template(f"pages/{template}").render(
            page_path=path, site=self.site, site_name=self.site_name, repo_url=self.repo_url, title=title,
            page_url=self.site_url + p.url_of(path) if self.site_url else "", **context
        )
        self.files[path] = front_matter(meta) + body

    def render_all(self) -> dict[str, str]:
        site = self.site
        self.page("index.md", "home.md.j2", self.site_name, "Wat willen partijen, coalities en adviesraden? Vergelijk hun voorstellen met letterlijke citaten uit de bron.")
        self.page("methode.md", "methode.md.j2", "Zo werkt deze site", "Hoe we voorstellen kiezen, citaten controleren en standpunten vastleggen.")
        for election in site.elections:
            self.render_election(election)
        return self.files

    def render_election(self, e: p.ElectionView) -> None:
        name = e.election.name
        self.page(e.path("index.md"), "election.md.j2", name, e.election.intro, e=e)
        self.page(e.path("thema", "index.md"), "themes.md.j2", f"Thema's – {e.election.municipality}", f"Alle thema's van de {name}, met de voorstellen per partij of organisatie.", e=e)
        for theme in e.themes:
            self.page(e.theme_path(theme), "theme.md.j2", f"{theme.name} in {e.election.municipality}", f"{theme.description} Wat stellen de partijen en organisaties voor?", e=e, theme=theme)
        self.page(e.path("wie", "index.md"), "actors.md.j2", f"Partijen en organisaties – {e.election.municipality}", f"Van wie de voorstellen op deze site komen, bij de {name}.", e=e)
        for actor in e.actors:
            self.page(e.actor_path(actor), "actor.md.j2", actor.name, actor.description, e=e, actor=actor)
        for view in e.proposals:
            self.page(view.path, "proposal.md.j2", view.proposal.title, f"{view.actor.label}: {view.proposal.quote}", e=e, view=view)
        if e.statements:
            self.page(e.path("stelling", "index.md"), "statements.md.j2", f"Stellingen – {e.election.municipality}", f"De stellingen van de {name}, met het standpunt van elke partij of organisatie.", e=e)
            self.page(e.path("vergelijk.md"), "compare.md.j2", f"Standpunten vergelijken – {e.election.municipality}", "Alle stellingen en standpunten in één overzicht.", e=e)
            for statement in e.statements:
                self.page(statement.path, "statement.md.j2", statement.statement.text, statement_summary(statement), e=e, s=statement)
        stemhulp_path = e.path("stemhulp.md")
        self.page(
            stemhulp_path, "stemhulp.md.j2", f"Stemhulp {e.election.municipality}",
            f"Doe de stemhulp voor de {name}: vergelijk je mening met {len(e.stemhulp_actors)} partijen en organisaties. Je antwoorden blijven op je telefoon.",
            e=e, enabled=has_stemhulp(e),
            quiz_data=stemhulp_json(e, lambda target: relative_url(stemhulp_path, target)) if has_stemhulp(e) else "",
        )
        self.page(e.path("bron", "index.md"), "sources.md.j2", f"Brondocumenten – {e.election.municipality}", "De volledige tekst van elk brondocument, met de geciteerde passages.", e=e)
        for source in e.sources:
            self.page(source.path, "source.md.j2", source.source.title, f"Volledige tekst van '{source.source.title}' ({source.source.publisher}).", search=False, e=e, source=source)
        self.files[e.path("data.json")] = election_json(e)
        self.files[e.path("voorstellen.csv")] = proposals_csv(e)


def statement_summary(s: p.StatementView) -> str:
    """Every position, then the explanation: what a search result or a shared link shows first."""
    positions = ", ".join(f"{pos.actor.label} {pos.label.lower()}" for pos in s.positions)
    return f"Standpunten: {positions}. {s.statement.explanation}"


def _one_line(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= 300 else text[:297].rsplit(" ", 1)[0] + " …"


# -- open data --------------------------------------------------------------

CSV_COLUMNS = ["verkiezing", "actor", "id", "thema", "titel", "citaat", "bron", "pagina", "hoofdstuk", "url"]


def _proposal_record(view: p.ProposalView) -> dict:
    return {
        "id": view.proposal.id,
        "actor": view.actor.id,
        "theme": view.theme.id,
        "title": view.proposal.title,
        "quote": view.proposal.quote,
        "source": view.source.id,
        "page": view.location.page,
        "section": view.location.section,
        "url": p.url_of(view.path),
        "context_url": view.context_url,
    }


def election_json(e: p.ElectionView) -> str:
    data = {
        "schema_version": 1,
        "election": {
            "id": e.id,
            "name": e.election.name,
            "municipality": e.election.municipality,
            "date": e.election.date.isoformat(),
            "stemhulp_actors": e.election.stemhulp.actors,
        },
        "themes": [{"id": t.id, "name": t.name, "description": t.description} for t in e.themes],
        "actors": [
            {"id": a.id, "name": a.name, "short_name": a.label, "kind": a.kind, "party": a.party, "sources": a.sources}
            for a in e.actors
        ],
        "sources": [
            {
                "id": s.source.id,
                "title": s.source.title,
                "publisher": s.source.publisher,
                "kind": s.source.kind,
                "period": s.source.period,
                "date": s.source.date.isoformat() if s.source.date else None,
                "url": s.source.url,
            }
            for s in e.sources
        ],
        "proposals": [_proposal_record(v) for v in e.proposals],
        "statements": [
            {
                "id": s.statement.id,
                "theme": s.theme.id,
                "text": s.statement.text,
                "explanation": s.statement.explanation,
                "positions": {
                    pos.actor.id: {
                        "position": pos.stance,
                        "proposals": [v.proposal.id for v in pos.proposals],
                        "explanation": pos.explanation,
                    }
                    for pos in s.positions
                },
            }
            for s in e.statements
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def proposals_csv(e: p.ElectionView) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for view in e.proposals:
        r = _proposal_record(view)
        writer.writerow([e.id, r["actor"], r["id"], r["theme"], r["title"], r["quote"], r["source"], r["page"], r["section"] or "", r["url"]])
    return out.getvalue()
