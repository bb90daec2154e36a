"""Stage: render the planned pages to Markdown with Jinja.

Page bodies are raw HTML blocks inside Markdown (Markdown leaves them alone),
so Jinja's autoescape protects them; see `escape` for every place editor text
lands and how it is escaped there.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from pathlib import Path
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from . import dutch, urls
from .dutch import dutch_date
from .escape import front_matter, md_inline, one_line
from .gitdates import latest
from .glossary import Glossary, explanations
from .icons import icon_svg
from .models import Term
from .plan import Moved, Page, Plan
from .settings import Settings
from .stemhulp.balance import MAX_UNANIMOUS, MIN_POSITIONS_FOR_SHARE
from .stemhulp.quiz import stemhulp_json

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def relative_url(from_path: str, to: str) -> str:
    """A link from the page at Markdown path `from_path` to a Markdown path or site path `to`."""
    target, _, fragment = to.partition("#")
    if target.endswith(".md"):
        target = urls.url_of(target)
    base = urls.url_of(from_path).rstrip("/") or "."
    rel = posixpath.relpath(target.rstrip("/") or ".", base)
    if target == "" or target.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


def heading(text: str) -> Markup:
    """Text for a Markdown heading: escaped, with soft hyphens in long Dutch words (they fit a phone)."""
    return md_inline(dutch.hyphenate(str(text)))


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

    @pass_context
    def explain(context, text: str) -> Markup:
        """Mark the first use on this page of each glossary term in `text` (escaped)."""
        glossary: Glossary = context["glossary"]
        return glossary.mark(text, context["glossary_seen"])

    env.filters.update(hyphenate=dutch.hyphenate, explain=explain, percent=dutch.percent, kind_note=dutch.kind_note, aantal=dutch.aantal, dutch_date=dutch.dutch_date, md=heading, link=link, icon=icon_svg, url_of=urls.url_of)
    env.globals.update(MAX_UNANIMOUS=MAX_UNANIMOUS, MIN_POSITIONS_FOR_SHARE=MIN_POSITIONS_FOR_SHARE, KIND_LABELS=dutch.KIND_LABELS, STANCE_LABELS=dutch.STANCE_LABELS, urls=urls)
    return env


def redirect_page(moved: Moved, site_url: str) -> str:
    """A page at an old address that sends the reader on, without JavaScript, and tells search engines where to look."""
    page = moved.path.removesuffix("index.html") + "index.md"
    to = relative_url(page, moved.target)
    canonical = f'<link rel="canonical" href="{html.escape(site_url + urls.url_of(moved.target))}">' if site_url else ""
    icon = relative_url(page, "assets/favicon.svg")  # else the browser asks the host's root for /favicon.ico
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>Deze pagina is verhuisd</title>\n'
        f'<meta http-equiv="refresh" content="0; url={html.escape(to)}">\n{canonical}\n<meta name="robots" content="noindex">\n'
        f'<link rel="icon" href="{icon}" type="image/svg+xml">\n</head>\n'
        f'<body>\n<p>Deze pagina is verhuisd: <a href="{html.escape(to)}">ga naar de nieuwe pagina</a>.</p>\n</body>\n</html>\n'
    )


class Renderer:
    """Renders the pages of one plan with the site's settings."""

    def __init__(self, plan: Plan, settings: Settings, last_changes: dict[str, dt.date] | None = None):
        self.plan = plan
        self.settings = settings
        self.last_changes = last_changes or {}
        self.glossary = Glossary(plan.site.terms)
        self.env = environment()

    def render(self, page: Page, share_alt: str) -> str:
        settings = self.settings
        page_url = settings.site_url + urls.url_of(page.path) if settings.site_url else ""
        context = dict(page.context)
        if page.kind == "stemhulp" and context["e"].has_stemhulp:
            context["quiz_data"] = stemhulp_json(context["e"], lambda target: relative_url(page.path, target))
        seen: dict[str, Term] = {}
        body = self.env.get_template(page.template).render(
            page_path=page.path, site=self.plan.site, site_name=settings.site_name, repo_url=settings.repo_url, title=page.title,
            page_url=page_url, about=settings.about, updated=self.updated(""), glossary=self.glossary, glossary_seen=seen, **context,
        )
        return front_matter(self.meta(page, share_alt, page_url)) + body + str(explanations(seen, relative_url(page.path, urls.GLOSSARY)))

    def meta(self, page: Page, share_alt: str, page_url: str) -> dict:
        """The front matter: what main.html puts in <head> and around the page (Material prints it unescaped; main.html escapes)."""
        meta: dict = {"description": one_line(page.description), "share_image": urls.share_image(page.path), "share_image_alt": one_line(share_alt)}
        # No `title`: MkDocs then takes it from the page's escaped <h1>, and Material prints page titles without escaping them.
        if not page.search:
            meta["search"] = {"exclude": True}
        if page.feed:
            meta["feed"] = relative_url(page.path, page.feed)
        if "e" in page.context:  # which city and year: said in every title, for pages shared out of context
            meta["election"] = page.context["e"].label
        if page.crumbs:
            meta["crumbs"] = [{"title": crumb.title, "url": relative_url(page.path, crumb.path)} for crumb in page.crumbs]
        updated = self.item_updated(page) or self.updated(page.data)
        if updated:
            meta["updated"] = updated
        if self.settings.repo_url:
            meta["report"] = report_url(self.settings.repo_url, page_url or urls.url_of(page.path), page.title, page.item)
        return meta

    @staticmethod
    def item_updated(page: Page) -> str:
        """For a proposal or statement with a history: the date of its own last change, else of its publication."""
        history = page.context.get("history")
        last = (history.changes[-1].commit if history.changes else history.published) if history else None
        return dutch_date(last.date) if last else ""

    def updated(self, prefix: str) -> str:
        """'29 november 2026': the last change of this data in the repository; empty when there is no history."""
        date = latest(self.last_changes, prefix)
        return dutch_date(date) if date else ""


REPORT_FORM = "fout-melden.yml"  # .github/ISSUE_TEMPLATE/fout-melden.yml


def report_url(repo_url: str, page_url: str, title: str, item: str) -> str:
    """A GitHub issue form with the page (and the quote or statement) filled in: one tap to report an error."""
    fields = {"template": REPORT_FORM, "title": f"Fout op: {title}"[:120], "pagina": page_url}
    if item:
        fields["citaat"] = item
    return f"{repo_url.rstrip('/')}/issues/new?{urlencode(fields, quote_via=quote)}"
