"""Stage: render the planned pages to Markdown with Jinja.

Page bodies are raw HTML blocks inside Markdown (Markdown leaves them alone),
so Jinja's autoescape protects them; see `escape` for every place editor text
lands and how it is escaped there.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context

from . import dutch, urls
from .escape import front_matter, md_inline, one_line
from .plan import Moved, Page, Plan
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


def environment() -> Environment:
    from .engine import icon_svg

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

    env.filters.update(percent=dutch.percent, kind_note=dutch.kind_note, aantal=dutch.aantal, dutch_date=dutch.dutch_date, md=md_inline, link=link, icon=icon_svg, url_of=urls.url_of)
    env.globals.update(MAX_UNANIMOUS=MAX_UNANIMOUS, MIN_POSITIONS_FOR_SHARE=MIN_POSITIONS_FOR_SHARE, KIND_LABELS=dutch.KIND_LABELS, STANCE_LABELS=dutch.STANCE_LABELS, urls=urls)
    return env


def redirect_page(moved: Moved, site_url: str) -> str:
    """A page at an old address that sends the reader on, without JavaScript, and tells search engines where to look."""
    to = relative_url(moved.path.removesuffix("index.html") + "index.md", moved.target)
    canonical = f'<link rel="canonical" href="{html.escape(site_url + urls.url_of(moved.target))}">' if site_url else ""
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>Deze pagina is verhuisd</title>\n'
        f'<meta http-equiv="refresh" content="0; url={html.escape(to)}">\n{canonical}\n<meta name="robots" content="noindex">\n</head>\n'
        f'<body>\n<p>Deze pagina is verhuisd: <a href="{html.escape(to)}">ga naar de nieuwe pagina</a>.</p>\n</body>\n</html>\n'
    )


class Renderer:
    """Renders pages of one plan; `site_url` and `repo_url` come from the settings."""

    def __init__(self, plan: Plan, site_name: str, repo_url: str, site_url: str):
        self.plan = plan
        self.site_name = site_name
        self.repo_url = repo_url
        self.site_url = site_url
        self.env = environment()

    def render(self, page: Page, share_alt: str) -> str:
        # No `title` in the front matter: MkDocs then takes it from the page's
        # escaped <h1>, and Material prints page titles without escaping them.
        meta: dict = {"description": one_line(page.description), "share_image": urls.share_image(page.path), "share_image_alt": one_line(share_alt)}
        if not page.search:
            meta["search"] = {"exclude": True}
        if page.feed:
            meta["feed"] = relative_url(page.path, page.feed)
        context = dict(page.context)
        if "e" in context:  # which city and year: said in every title, for pages shared out of context
            meta["election"] = context["e"].label
        if page.kind == "stemhulp" and context["e"].has_stemhulp:
            context["quiz_data"] = stemhulp_json(context["e"], lambda target: relative_url(page.path, target))
        body = self.env.get_template(page.template).render(
            page_path=page.path, site=self.plan.site, site_name=self.site_name, repo_url=self.repo_url, title=page.title,
            page_url=self.site_url + urls.url_of(page.path) if self.site_url else "", **context,
        )
        return front_matter(meta) + body
