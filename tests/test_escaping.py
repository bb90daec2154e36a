"""Text an editor writes is shown as text wherever it lands: HTML, Markdown, attributes, JSON, CSV."""

import json

from helpers import HOSTILE_QUOTE
from htmlcheck import read_page

TITLE = "Titel met <b>html</b> | en *sterren* # {{ x }}"


def test_hostile_quote_and_title_render_as_plain_text(mini_site):
    page_path = mini_site / "testdorp-2026" / "wie" / "raad-b" / "vreemde-tekens" / "index.html"
    page = read_page(page_path)
    assert HOSTILE_QUOTE in page.text
    assert TITLE in page.text
    html = page_path.read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "<b>html" not in html
    assert page.elements.count("b") == 0
    assert page.elements.count("em") == 0 and page.elements.count("strong") == 0
    assert page.meta["description"].startswith("Raad B: Wij <script>alert")  # attribute value, decoded
    assert f"<title>{TITLE.replace('<', '&lt;').replace('>', '&gt;')} — Testdorp 2026 - Wat wil wie?</title>" in html


def test_hostile_text_is_text_on_every_page_it_reaches(mini_site):
    for path, text in [
        ("testdorp-2026/thema/wonen", HOSTILE_QUOTE),
        ("testdorp-2026/bron/advies-b", HOSTILE_QUOTE),
        ("testdorp-2026/wie/raad-b", TITLE),  # the actor page lists titles; the quote is one tap away
    ]:
        html_path = mini_site / path / "index.html"
        page = read_page(html_path)
        assert text in page.text, path
        html = html_path.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<b>html" not in html, path


def test_hostile_text_survives_in_open_data(mini_site):
    data = json.loads((mini_site / "testdorp-2026" / "data.json").read_text(encoding="utf-8"))
    quotes = {p["quote"] for p in data["proposals"]}
    assert HOSTILE_QUOTE in quotes
    assert TITLE in {p["title"] for p in data["proposals"]}
