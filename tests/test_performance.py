"""Light on a phone (issue #13): search loads when it is opened, long pages skip what is off screen, valid HTML."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from htmlcheck import read_page, resolve

SEARCH_FILES = re.compile(r"search_index\.json|workers/search\.|/lunr/")
SOURCE = "leiden-2026/bron/volt-leiden-2026-2030/"


@pytest.fixture(scope="module")
def html_of(pages):
    """The HTML of every page of the real site (old addresses that only send the reader on are left out)."""
    return {path: path.read_text(encoding="utf-8") for path in pages}


def test_no_page_requests_search_files_and_every_page_defers_search(pages, html_of):
    for path, html in html_of.items():
        page = pages[path]
        assert not [r for r in page.resources if SEARCH_FILES.search(r)], path
        assert not re.search(r'<link[^>]+rel="(?:preload|prefetch|modulepreload)"', html), path
        # what holds search back runs before Material's bundle asks for it
        assert html.index("wvwSearchIndex") < html.index("assets/javascripts/bundle."), path


def test_search_loads_only_when_opened_and_finds_a_proposal_by_its_title(page):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto("/leiden-2026/thema/wonen/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [url for url in fetched if SEARCH_FILES.search(url)], "search files loaded before search was opened"
    assert not [url for url in fetched if url.endswith("sitemap.xml")], "no instant navigation, so no sitemap on a first visit"
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("wethouder voor Europese Zaken", delay=20)
    hit = page.locator(".md-search-result__list a.md-search-result__link[href*='wie/volt-leiden/wethouder-europese-zaken/']")
    expect(hit.first).to_be_visible()
    expect(hit.first).to_contain_text("Een wethouder voor Europese Zaken")
    loaded = {url.rsplit("/", 1)[1] for url in fetched if SEARCH_FILES.search(url)}
    assert {"search_index.json", "lunr.stemmer.support.min.js", "lunr.nl.min.js"} <= loaded, loaded
    assert any(name.startswith("search.") for name in loaded), loaded
    assert sum(url.endswith("search_index.json") for url in fetched) == 1


def test_the_slash_key_opens_search_and_loads_it(page):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto("/leiden-2026/", wait_until="networkidle")
    page.keyboard.press("/")
    expect(page.locator(".md-search-result__meta")).to_have_text("Typ om te beginnen met zoeken")  # the index is in the worker
    assert any(url.endswith("leiden-2026/search/search_index.json") for url in fetched)


def test_a_fragment_deep_in_a_long_source_lands_on_its_paragraph_and_marks_it(page, real_site):
    paragraphs = re.findall(r'<div class="wvw-para[^"]*" id="(p-\d+)"', (real_site / SOURCE / "index.html").read_text(encoding="utf-8"))
    target = paragraphs[-3]  # near the end of a page tens of thousands of pixels tall
    page.goto(f"/{SOURCE}#{target}", wait_until="networkidle")
    paragraph = page.locator(f"#{target}")
    assert paragraph.evaluate("el => getComputedStyle(el).contentVisibility") == "auto"
    # The text of off-screen paragraphs is skipped (not laid out or painted); the target's is shown.
    assert not page.locator(f"#{paragraphs[0]} > p").first.evaluate("el => el.checkVisibility({contentVisibilityAuto: true})")
    assert paragraph.locator("p").first.evaluate("el => el.checkVisibility({contentVisibilityAuto: true})")
    assert paragraph.evaluate("el => el.matches(':target')")
    assert paragraph.evaluate("el => getComputedStyle(el).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    header = page.locator("header.md-header").evaluate("el => el.getBoundingClientRect().bottom")
    for _ in range(2):  # where it lands, and still there once the page has settled
        top = paragraph.evaluate("el => el.getBoundingClientRect().top")
        assert header <= top <= header + 80, (top, header)
        page.wait_for_timeout(700)


def test_pages_have_no_labels_without_their_control_and_no_autocomplete_on_checkboxes(html_of):
    for path, html in html_of.items():
        ids = set(re.findall(r'\sid="([^"]+)"', html))
        assert all(target in ids for target in re.findall(r'<label[^>]*\sfor="([^"]+)"', html)), path
        checkboxes = re.findall(r'<input[^>]*type="checkbox"[^>]*>', html)
        assert not [c for c in checkboxes if "autocomplete=" in c], path
        if checkboxes:  # the drawer and search toggles belong to a form that asks browsers not to restore them
            assert html.index('<form id="__toggles" autocomplete="off" hidden></form>') < html.index('data-md-toggle="drawer"'), path
            assert all('form="__toggles"' in c for c in checkboxes if "md-toggle" in c and "data-md-toggle" in c), path


def test_the_comparison_table_is_a_plain_native_table_that_stays_a_table_on_a_phone(real_site, page):
    html = (real_site / "leiden-2026" / "vergelijk" / "index.html").read_text(encoding="utf-8")
    table = html[html.index('<table class="wvw-compare"') : html.index("</table>")]
    assert "role=" not in table
    page.goto("/leiden-2026/vergelijk/")
    shown = page.get_by_role("table", name="Standpunten per stelling")
    assert shown.evaluate("el => getComputedStyle(el).display") == "block"  # one card per statement on a phone
    expect(shown.get_by_role("row")).to_have_count(table.count("<tr>"))
    expect(shown.get_by_role("columnheader")).to_have_count(5)
    expect(shown.get_by_role("rowheader")).to_have_count(table.count('<th scope="row">'))


def test_without_javascript_the_search_button_leads_to_a_page_that_explains_browsing_by_theme(browser, base_url, real_site):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto("/leiden-2026/stelling/")
    button = page.locator("header a.md-header__button[href*='zoeken/']")
    expect(button).to_be_visible()
    expect(page.locator("label.md-header__button[for='__search']")).to_be_hidden()
    button.click()
    page.wait_for_url("**/zoeken/#leiden-2026")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoeken")
    expect(page.get_by_role("link", name="Wonen en woningbouw").first).to_be_visible()
    context.close()
    zoeken = real_site / "zoeken" / "index.html"
    links = [href for href in read_page(zoeken).links if "thema/" in href]
    assert len(links) > 20
    for href in links:
        assert resolve(real_site, zoeken, href)[0].is_file(), href
