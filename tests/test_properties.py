"""Property tests (Hypothesis): any string an editor puts in any text field either gets a clear
error with file and line, or shows up on the pages as that text, without adding a single
element or attribute.

Each example writes the hand-made data set with one field replaced, renders every page
with the generator's Jinja templates and converts it with Python-Markdown configured as in
mkdocs.yml (a full MkDocs build per example would take seconds). The page structure, as
a multiset of (tag, attribute names), must equal the structure with a plain value in the
same field. `test_hostile.py` builds the same kind of text through the full MkDocs build.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.build import check
from generator.plan import plan
from generator.render import Renderer
from generator.settings import Settings

from fields import ELECTION, FIELDS, QUOTE, add_to_source, set_value
from helpers import ROOT, make_data

PLAIN = "Gewone tekst"
SOURCE_PAGE = f"{ELECTION}/bron/programma-a.md"

# Pieces that have broken sites like this one: HTML, JavaScript, Markdown, Jinja, YAML,
# entities, Python-Markdown's own placeholders, bidi and zero-width characters, emoji.
HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "' onmouseover='x",
    "javascript:alert(1)", "{{ 7*7 }}", "{% raw %}", "{# x #}", "${x}", "*nadruk*", "**vet**", "_x_", "# kop",
    "## kop", "> citaat", "- lijst", "1. lijst", "+ x", "[link](https://evil.example)", "![plaatje](x.png)",
    "<https://evil.example>", "`code`", "```", "    ingesprongen", "| a | b |", "---", "===", "***",
    "{: .klasse #id onclick=x }", "{: #p-1 }", "\\", "\\*", "&amp;", "&lt;b&gt;", "&#60;", "<!-- x", "-->",
    "]]>", "</p>", "</div>", "<div markdown>", "</article>", "[^1]", "!!! note", "::: x", "\n\n", "\n",
    "\t", "  \n", "\u2028", "🚲", "👩‍👩‍👧", "مرحبا بالعالم", "שלום", "\u200f", "\u200b", "Ω≈ç√", "'", '"',
    "…", "...", "[…]", "‘x’", "“x”", "wzxhzdk:0", "\x02wzxhzdk:0\x03", "\x00", "\x1b[31m", "\x7f", "\u202e",
    "\u2066", "\ufeff", "%s", "%(x)s", "{0}", "\r\n", "\r", "a" * 60,
]
text_piece = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)  # controls: in HOSTILE
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), text_piece), min_size=1, max_size=5).map("".join)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shape: Counter = Counter()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.shape[(tag, tuple(sorted(name for name, _ in attrs)))] += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)


@cache
def markdown_settings() -> tuple[list, dict]:
    """Python-Markdown's extensions and their settings, exactly as MkDocs uses them for this site."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


def to_html(page: str) -> str:
    extensions, configs = markdown_settings()
    body, _ = get_data(page)  # front matter as MkDocs reads it (a value may end in "---")
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)


def render_with(field: tuple, value: str) -> tuple[list, dict[str, tuple[Counter, str]]]:
    """Problems, or every page as (structure, text), for the data set with `value` in `field`."""
    with tempfile.TemporaryDirectory() as folder:
        data = make_data(Path(folder))
        set_value(data, field, value)
        if field != QUOTE:
            add_to_source(data, PLAIN)  # the same source text as with a quote in the field
        checked = check(data)
        if checked.problems:
            return checked.problems, {}
        site_plan = plan(checked.site, checked.sources, checked.locations, "Wat wil wie?")
        renderer = Renderer(site_plan, Settings(data, data.parent / "content", site_url="https://example.org/"))
        files = {page.path: renderer.render(page, "") for page in site_plan.pages}
    pages = {}
    for name, text in files.items():
        if name.endswith(".md"):
            reader = _Structure()
            reader.feed(to_html(text))
            reader.close()
            pages[name] = (reader.shape, squash("".join(reader.text)))
    return [], pages


@cache
def baseline(field: tuple) -> dict[str, tuple[Counter, str]]:
    problems, pages = render_with(field, PLAIN)
    assert problems == []
    return pages


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f"{f[0].split('/')[-1]}:{'.'.join(map(str, f[1]))}")
def test_every_field_is_shown_somewhere(field):
    assert any(PLAIN in text for _, text in baseline(field).values())


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # how many examples: the profile in conftest.py
@given(field=st.sampled_from(FIELDS), value=hostile_text)
@example(field=FIELDS[0], value="<script>alert(1)</script>")
@example(field=FIELDS[12], value="# kop\n\n<img src=x onerror=alert(1)> {: onclick=x }")
@example(field=FIELDS[5], value="a\n\n## b")
@example(field=QUOTE, value="Wij <b>willen</b> {{ 7*7 }} 🚲 مرحبا")
def test_any_text_is_shown_as_text_or_refused_with_file_and_line(field, value):
    problems, pages = render_with(field, value)
    event("refused" if problems else "rendered")
    if problems:  # refused: every problem says where and what
        for problem in problems:
            assert problem.file.startswith("site-data/") and problem.line >= 1 and problem.message, problem
        return
    expected = baseline(field)
    assert pages.keys() == expected.keys()
    for name, (shape, _) in pages.items():
        if field == QUOTE and name == SOURCE_PAGE:  # the quote's text decides where its paragraph starts
            assert set(shape) <= set(expected[name][0]), f"{name}: {set(shape) - set(expected[name][0])}"
            continue
        assert shape == expected[name][0], f"{name}: {shape - expected[name][0]} / {expected[name][0] - shape}"
    shown = squash(value)
    assert any(shown in text for _, text in pages.values()), shown
