"""Real clicks in Debian's chromium at phone size: context links, jump links, the menu."""

from __future__ import annotations

from playwright.sync_api import expect

from helpers import PHONE


def test_lees_in_context_lands_on_the_highlighted_paragraph(page):
    page.goto("/leiden-2026/wie/volt-leiden/wethouder-europese-zaken/")
    quote = page.locator("blockquote.wvw-quote").inner_text()
    page.get_by_role("link", name="Lees in context").first.click()
    page.wait_for_url("**/bron/volt-leiden-2026-2030/#p-*")
    anchor = page.url.split("#")[1]
    paragraph = page.locator(f"#{anchor}")
    expect(paragraph).to_be_in_viewport()
    assert paragraph.evaluate("el => el.matches(':target')")
    background = paragraph.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert quote.strip("“”")[:40] in " ".join(paragraph.inner_text().split())
    expect(paragraph.get_by_role("link", name="Een wethouder voor Europese Zaken")).to_be_visible()


def test_phone_menu_leads_to_the_themes_of_an_election(page):
    page.goto("/")
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator("nav.md-nav--primary")
    drawer.locator("label.md-nav__link", has_text="Leiden 2026").click()
    drawer.locator("nav[data-md-level='1']", has_text="Leiden 2026").get_by_role("link", name="Thema's").click()
    page.wait_for_url("**/leiden-2026/thema/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thema's")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
