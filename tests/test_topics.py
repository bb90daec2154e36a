"""Topics: theme pages that compare per question, topic pages to share, and the data behind them."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter
from html import unescape

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from generator.editor.schema import FILE_KINDS, json_schema
from generator.load import Loader

from helpers import PHONE, ROOT, make_data
from htmlcheck import read_page

DATA = ROOT / "site-data"
LINES = re.compile(r'<ul class="wvw-lines[^"]*"[^>]*>(.*?)</ul>', re.S)
LINE = re.compile(r'<li class="wvw-line( wvw-line--silent)?"[^>]*><span class="wvw-line__actor">([^<]*)</span>(.*?)</li>', re.S)


def topic_blocks(html: str) -> dict[str, list[tuple[str, bool, str]]]:
    """Per topic heading id on a theme page: (actor label, silent, the line's HTML) for every line."""
    blocks = {}
    for match in re.finditer(r'<h2 class="wvw-topic__question" id="([^"]+)">.*?</h2>\s*' + LINES.pattern, html, re.S):
        blocks[match.group(1)] = [(unescape(m.group(2)), bool(m.group(1)), m.group(3)) for m in LINE.finditer(match.group(2))]
    return blocks


def real_data():
    return Loader(DATA).load()


# -- the real data ------------------------------------------------------------------------

@pytest.mark.content
def test_every_actor_has_at_least_ninety_percent_of_its_proposals_tagged():
    for election in real_data().elections:
        total = Counter(p.actor for p in election.proposals)
        tagged = Counter(p.actor for p in election.proposals if p.topic)
        for actor, count in total.items():
            assert tagged[actor] / count >= 0.9, f"{election.id}/{actor}: {tagged[actor]} of {count} tagged"


@pytest.mark.content
def test_every_theme_has_three_to_eight_topics_and_every_topic_is_answered():
    site = real_data()
    used = Counter(p.topic for e in site.elections for p in e.proposals if p.topic)
    for theme in site.themes:
        assert 3 <= len(theme.topics) <= 8, theme.id
        for topic in theme.topics:
            assert used[topic.id] > 0, f"topic {topic.id} has no proposal"
            assert topic.question.endswith("?") and len(topic.question) <= 60, topic.question


def test_every_topic_with_proposals_has_a_page(real_site):
    for election in real_data().elections:
        themes = {p.topic: p.theme for p in election.proposals if p.topic}
        for topic, theme in themes.items():
            assert (real_site / election.id / "thema" / theme / topic / "index.html").is_file(), f"{election.id}: {topic}"
        pages = {path.parent.name for path in (real_site / election.id / "thema").glob("*/*/index.html")}
        assert pages == set(themes), election.id


def test_each_topic_block_names_every_actor_once_and_says_niet_genoemd_where_silent(real_site):
    site = real_data()
    for election in site.elections:
        labels = [a.short_name or a.name for a in sorted(election.actors, key=lambda a: not a.on_ballot)]
        for theme in site.themes:
            page = real_site / election.id / "thema" / theme.id / "index.html"
            if not page.exists():
                continue
            blocks = topic_blocks(page.read_text(encoding="utf-8"))
            for topic in theme.topics:
                tagged = {p.actor for p in election.proposals if p.topic == topic.id}
                if not tagged:
                    assert topic.id not in blocks
                    continue
                lines = blocks[topic.id]
                assert [label for label, _, _ in lines] == labels, f"{theme.id}/{topic.id}"
                for actor, (label, silent, body) in zip(sorted(election.actors, key=lambda a: not a.on_ballot), lines, strict=True):
                    assert silent == (actor.id not in tagged), f"{topic.id}: {label}"
                    assert ("Niet genoemd" in body) == silent


def test_the_theme_page_holds_every_quote_without_javascript(real_site):
    html = (real_site / "leiden-2026" / "thema" / "wonen" / "index.html").read_text(encoding="utf-8")
    text = " ".join(read_page(real_site / "leiden-2026" / "thema" / "wonen" / "index.html").text.split())
    for proposal in (p for p in real_data().elections[0].proposals if p.theme == "wonen"):
        first_words = " ".join(proposal.quote.split()[:8])
        assert first_words in text, proposal.id
    assert html.count('<details class="wvw-item"') >= 30
    assert "<details class=\"wvw-item\" open" not in html  # collapsed: titles first


def test_parties_on_the_ballot_come_first_in_every_block(real_site):
    html = (real_site / "leiden-2026" / "thema" / "mobiliteit" / "index.html").read_text(encoding="utf-8")
    assert all(lines[0][0] == "Volt" for lines in topic_blocks(html).values())


def test_a_topic_page_has_all_quotes_open_its_own_card_and_share_buttons(real_site):
    page = real_site / "leiden-2026" / "thema" / "wonen" / "kamerverhuur" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "<h1" in html and "kamerverhuur" in html.lower()
    assert 'class="wvw-lines wvw-lines--open"' in html and "<blockquote" in html
    assert 'class="wvw-share"' in html
    assert '<meta property="og:image" content="https://watwilwie.github.io/watwilwie/og/leiden-2026/thema/wonen/kamerverhuur.png">' in html
    assert (real_site / "og" / "leiden-2026" / "thema" / "wonen" / "kamerverhuur.png").is_file()
    assert "— Leiden 2026 - Wat wil wie?</title>" in html


def test_a_topic_page_shows_the_same_party_in_another_city_collapsed(real_site):
    html = (real_site / "leiden-2026" / "thema" / "wonen" / "kamerverhuur" / "index.html").read_text(encoding="utf-8")
    other = re.search(r'<details class="wvw-elsewhere"[^>]*><summary>Volt Den Haag: (\d+) voorstel', html)
    assert other, "Volt Den Haag's answer to the same question"
    den_haag = [p for p in real_data().elections[1].proposals if p.topic == "kamerverhuur"]
    assert int(other.group(1)) == len(den_haag) > 0


def test_the_actor_page_groups_proposals_by_theme_and_topic(real_site):
    html = (real_site / "leiden-2026" / "wie" / "coalitie-leiden" / "index.html").read_text(encoding="utf-8")
    assert '<h3 class="wvw-actor-topic"><a href="../../thema/wonen/aantal-woningen/">Hoeveel nieuwe woningen komen erbij?</a></h3>' in html
    # Every proposal of the actor once, as a title that leads to its own page (where its quote is).
    lists = re.findall(r'<ul class="wvw-titles"[^>]*>(.*?)</ul>', html, re.S)
    linked = [(href, unescape(title)) for block in lists for href, title in re.findall(r'<li><a href="([^"]+)/">([^<]+)</a></li>', block)]
    proposals = [p for p in real_data().elections[0].proposals if p.actor == "coalitie-leiden"]
    assert sorted(linked) == sorted((p.id, p.title) for p in proposals)


def test_open_data_names_each_proposals_topic(real_site):
    data = json.loads((real_site / "leiden-2026" / "data.json").read_text(encoding="utf-8"))
    tagged = [p for p in data["proposals"] if p["topic"]]
    assert tagged and all(set(p["topic"]) == {"id", "question"} for p in tagged)
    assert any(theme["topics"] for theme in data["themes"])
    rows = list(csv.DictReader(io.StringIO((real_site / "leiden-2026" / "voorstellen.csv").read_text(encoding="utf-8"))))
    by_id = {(r["actor"], r["id"]): r for r in rows}
    for proposal in data["proposals"]:
        row = by_id[(proposal["actor"], proposal["id"])]
        assert row["onderwerp"] == (proposal["topic"] or {}).get("id", "")
        assert row["vraag"] == (proposal["topic"] or {}).get("question", "")


def test_the_schema_offers_theme_and_topic_ids():
    proposals = next(kind for kind in FILE_KINDS if kind.name == "proposals")
    schema = json_schema(proposals, real_data().themes)["definitions"]["Proposal"]["properties"]
    assert "wonen" in schema["theme"]["enum"]
    topic_ids = next(option for option in schema["topic"]["anyOf"] if "enum" in option)["enum"]
    assert "kamerverhuur" in topic_ids and len(topic_ids) == sum(len(t.topics) for t in real_data().themes)


# -- the small data set ------------------------------------------------------------------

def test_coverage_lists_topics_and_untagged_proposals(tmp_path):
    data = make_data(tmp_path)
    proposals = data / "testdorp-2026" / "proposals" / "partij-a.yml"
    proposals.write_text(proposals.read_text(encoding="utf-8").replace("theme: wonen\n", "theme: wonen\n    topic: aantal-woningen\n"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator.cli", "coverage"], cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[lines.index("Per onderwerp") + 2].split() == ["wonen/aantal-woningen", "1", "—"]
    assert "Zonder onderwerp (3):" in lines
    assert "  wonen: raad-b/vreemde-tekens" in lines


# -- in the browser, at phone size -------------------------------------------------------

def test_wonen_fits_in_eight_screens_and_opens_the_first_topic_on_the_first(browser, base_url):
    screen = {"width": 360, "height": 800}
    page = browser.new_context(viewport=screen, base_url=base_url).new_page()
    page.goto("/leiden-2026/thema/wonen/")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 8 * screen["height"], f"{height} px is {height / screen['height']:.1f} screens"
    first = page.locator("h2.wvw-topic__question").first
    assert first.bounding_box()["y"] + 40 < screen["height"]
    page.context.close()


def test_a_quote_opens_in_place_without_leaving_the_page(page):
    page.goto("/leiden-2026/thema/wonen/")
    item = page.locator("details.wvw-item").first
    quote = item.locator("blockquote")
    expect(quote).to_be_hidden()
    item.locator("summary").click()
    expect(quote).to_be_visible()
    expect(item.get_by_role("link", name=re.compile("Lees in context"))).to_be_visible()
    assert page.url.endswith("/leiden-2026/thema/wonen/")
    summary = item.locator("summary").bounding_box()
    assert summary["height"] >= 44  # a tap target


def test_a_topic_page_prints_on_one_column_without_buttons_and_with_its_address(page):
    page.goto("/leiden-2026/thema/wonen/kamerverhuur/")
    page.emulate_media(media="print")
    expect(page.locator(".wvw-share")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    address = page.locator(".wvw-print-url")
    expect(address).to_be_visible()
    assert address.inner_text().endswith("/leiden-2026/thema/wonen/kamerverhuur/")
    expect(page.locator(".wvw-line__actor").first).to_have_text("Volt Leiden")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/leiden-2026/thema/wonen/", "/leiden-2026/thema/wonen/kamerverhuur/"])
def test_axe_finds_no_violations_on_theme_and_topic_pages(browser, base_url, path, scheme):
    context = browser.new_context(viewport=PHONE, base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    page.goto(path)
    page.locator("details.wvw-item, details.wvw-elsewhere").first.locator("> summary").click()
    results = Axe().run(page)
    context.close()
    assert results.response["violations"] == [], results.generate_report()
