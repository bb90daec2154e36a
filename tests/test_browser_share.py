"""Share buttons, clicked in Debian's chromium at phone size: Web Share (mocked) and the copy-link fallback."""

from __future__ import annotations

from pathlib import Path

import yaml
from playwright.sync_api import expect

from generator.settings import settings_from

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = settings_from(ROOT / "mkdocs.yml").site_url
FIRST_STATEMENT = yaml.safe_load((ROOT / "site-data" / "leiden-2026" / "statements.yml").read_text(encoding="utf-8"))[0]

# A phone browser with the Web Share API; the share sheet is replaced by a recorder.
MOCK_WEB_SHARE = """
window.__shared = [];
Navigator.prototype.share = function (data) { window.__shared.push(data); return Promise.resolve(); };
Navigator.prototype.canShare = function () { return true; };
"""
NO_WEB_SHARE = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"


def test_share_button_opens_the_phone_share_sheet(page):
    page.add_init_script(MOCK_WEB_SHARE)
    path = f"leiden-2026/stelling/{FIRST_STATEMENT['id']}/"
    page.goto("/" + path)
    share = page.get_by_role("group", name="Deel deze stelling")
    expect(share.get_by_role("link", name="WhatsApp")).to_be_hidden()
    expect(share.get_by_role("button", name="Kopieer link")).to_be_hidden()
    button = share.get_by_role("button", name="Delen")
    expect(button).to_be_visible()
    assert button.bounding_box()["height"] >= 44
    button.click()
    shared = page.evaluate("window.__shared")
    text = FIRST_STATEMENT["text"].strip()
    assert shared == [{"title": f"Stelling: {text}", "text": f"{text} Wat vinden de partijen in Leiden?", "url": SITE_URL + path}]


def test_without_web_share_the_link_is_copied(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.add_init_script(NO_WEB_SHARE)
    page.goto("/leiden-2026/wie/volt-leiden/")
    share = page.get_by_role("group", name="Deel deze pagina")
    expect(share.get_by_role("button", name="Delen")).to_be_hidden()
    whatsapp = share.get_by_role("link", name="WhatsApp")
    expect(whatsapp).to_be_visible()
    url = SITE_URL + "leiden-2026/wie/volt-leiden/"
    assert whatsapp.get_attribute("href").endswith(url.replace(":", "%3A"))
    share.get_by_role("button", name="Kopieer link").click()
    expect(share.get_by_role("status")).to_have_text("Link gekopieerd. Plak hem in een bericht.")
    assert page.evaluate("navigator.clipboard.readText()") == url


def test_when_copying_is_refused_the_link_is_shown_to_copy_by_hand(page):
    page.add_init_script(NO_WEB_SHARE + "navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));")
    page.goto("/leiden-2026/thema/wonen/")
    share = page.get_by_role("group", name="Deel dit thema")
    share.get_by_role("button", name="Kopieer link").click()
    field = share.get_by_role("textbox", name="Link naar deze pagina")
    expect(field).to_be_focused()
    expect(field).to_have_value(SITE_URL + "leiden-2026/thema/wonen/")
    expect(share.get_by_role("status")).to_contain_text("Kopiëren lukte niet")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
