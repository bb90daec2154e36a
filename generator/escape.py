"""Editor text is escaped once, where it lands.

Where text from the data lands, and how it is escaped there:

1. HTML page bodies: Jinja's autoescape (page bodies are raw HTML blocks inside
   Markdown, which Markdown leaves alone).
2. Markdown headings: `md_inline` (HTML-escape, then Markdown-escape).
3. YAML front matter: `front_matter` (dumped by PyYAML).
4. Material's <head>: re-escaped with `| e` in templates/overrides/main.html,
   because Material prints `page.meta` unescaped.
5. Navigation titles: escaped by the engine adapter, because Material prints
   them unescaped.
6. Page titles: kept out of the front matter, so MkDocs takes them from the
   escaped <h1>.
7. JSON: HTML-escaped inside a <template> (the stemhulp data) or `tojson`;
   GitHub Markdown (`md_inline`) and workflow commands (`editor.github`).
"""

from __future__ import annotations

import html
import re

import yaml
from markupsafe import Markup

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def md_inline(text: str) -> Markup:
    """Escape text for a Markdown heading or inline position: shown as typed, never as markup.

    Line breaks become spaces: a heading is one line, and a blank line would end it and
    start a paragraph of Markdown.
    """
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False)))


def front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n"


def one_line(text: str, limit: int = 300) -> str:
    """Text on one line, cut at a word before `limit` characters: for descriptions and alt texts."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + " …"
