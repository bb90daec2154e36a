"""A first-time visitor can trust the site: it says what it covers and who made it, titles say which city,
quotes say whose they are, errors are one tap away, the open data is described, and pages read well on a phone."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from generator.build import check
from generator.colours import contrast
from generator.plan import plan
from generator.settings import settings_from

from helpers import PHONE, ROOT, make_data
from htmlcheck import read_page

SETTINGS = settings_from(ROOT / "mkdocs.yml")


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


# -- honest scope, status, who made it ----------------------------------------------------

def test_the_scope_is_counted_from_the_data(real_site, mini_site):
    assert "Op deze site: 1 partij en 3 documenten ter vergelijking." in read_page(real_site / "leiden-2026" / "index.html").text
    assert "Op deze site: 1 partij." in read_page(real_site / "den-haag-2026" / "index.html").text
    home = read_page(real_site / "index.html").text
    assert "Op deze site: 1 partij en 3 documenten ter vergelijking." in home and "Nog niet alle partijen op het stembiljet staan erop." in home
    assert "Op deze site: 1 partij en 1 document ter vergelijking." in read_page(mini_site / "testdorp-2026" / "index.html").text


def test_lists_on_the_ballot_that_are_missing_are_named(tmp_path):
    data = make_data(tmp_path)
    election = data / "testdorp-2026" / "election.yml"
    election.write_text(election.read_text(encoding="utf-8") + "ballot: [Partij A, Lijst Dorpsbelang]\n", encoding="utf-8")
    checked = check(data)
    e = plan(checked.site, checked.sources, checked.locations, "Wat wil wie?").site.elections[0]
    assert e.missing_lists == ["Lijst Dorpsbelang"] and not e.complete


@pytest.mark.parametrize(("today", "status"), [
    (dt.date(2026, 3, 1), "De verkiezing is op 18 maart 2026."),
    (dt.date(2026, 3, 18), "De verkiezing is vandaag, 18 maart 2026."),
    (dt.date(2026, 11, 29), "De verkiezing was op 18 maart 2026."),
])
def test_the_election_status_follows_the_build_date(data_dir, today, status):
    checked = check(data_dir)
    assert plan(checked.site, checked.sources, checked.locations, "Wat wil wie?", today).site.elections[0].status == status


def test_the_about_page_says_who_makes_the_site_and_under_which_licences(real_site):
    text = read_page(real_site / "over" / "index.html").text
    assert SETTINGS.about["maker"] in text
    assert "Geen partij, overheid of bedrijf betaalt ons" in text
    assert "MIT-licentie" in text and "CC BY 4.0" in text
    home = read_page(real_site / "index.html")
    assert SETTINGS.about["maker"] in home.text and "../over/" not in home.links and "over/" in home.links


# -- titles and breadcrumbs name the city ------------------------------------------------------

def test_every_page_of_an_election_names_its_city_and_year_in_its_titles(pages, real_site):
    for path, page in pages.items():
        election = path.relative_to(real_site).parts[0]
        label = {"leiden-2026": "Leiden 2026", "den-haag-2026": "Den Haag 2026"}.get(election)
        if label is None:
            continue
        title = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.S).group(1)
        assert label in title and label in page.meta["og:title"], path
        if path.parent.name != election:  # every page below the election's own has a breadcrumb to it
            assert 'aria-label="Kruimelpad"' in path.read_text(encoding="utf-8"), path


# -- quotes are quotes, and say whose -----------------------------------------------------------

def test_every_quote_card_names_its_actor_inside_the_card(real_site):
    html = html_of(real_site, "leiden-2026/stelling/hoger-bouwen")
    cards = re.findall(r'<article class="wvw-proposal".*?</article>', html, re.S)
    assert cards and all('class="wvw-attribution__who"' in card for card in cards)
    items = re.findall(r'<details class="wvw-item".*?</details>', html_of(real_site, "leiden-2026/thema/wonen"), re.S)
    assert items and all('class="wvw-attribution__who"' in item for item in items)
    assert "Toelichting van de redactie" in html


# -- one tap to report an error ----------------------------------------------------------------

def test_the_footer_opens_a_prefilled_issue_form(real_site):
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "fout-melden.yml").read_text(encoding="utf-8"))
    fields = {item["id"] for item in form["body"] if "id" in item}
    page = read_page(real_site / "leiden-2026" / "wie" / "volt-leiden" / "wethouder-europese-zaken" / "index.html")
    report = next(link for link in page.links if "/issues/new?" in link)
    url = urlsplit(report)
    query = {key: values[0] for key, values in parse_qs(url.query).items()}
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{SETTINGS.repo_url}/issues/new"
    assert query["template"] == "fout-melden.yml"
    assert {"pagina", "citaat"} <= fields and {"pagina", "citaat"} <= set(query)
    assert query["pagina"] == page.canonical
    assert query["citaat"] == "volt-leiden/wethouder-europese-zaken"
    assert query["title"].startswith("Fout op: Een wethouder voor Europese Zaken")


# -- search ---------------------------------------------------------------------------------------

def test_search_holds_no_quiz_data_and_the_home_page_searches_every_election(real_site):
    for index_file in [real_site / "search" / "search_index.json", real_site / "leiden-2026" / "search" / "search_index.json"]:
        docs = json.loads(index_file.read_text(encoding="utf-8"))["docs"]
        assert not any("minOverlap" in doc["text"] or "&quot;version&quot;" in doc["text"] for doc in docs), index_file
    root = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    proposals = {doc["location"].split("/")[0]: doc for doc in root if "/wie/" in doc["location"] and doc["location"].count("/") == 4}
    assert set(proposals) == {"leiden-2026", "den-haag-2026"}
    assert proposals["leiden-2026"]["title"].endswith(" — Leiden 2026")
    assert not any("\u00ad" in doc["title"] + doc["text"] for doc in root)  # soft hyphens would split words


# -- the glossary ------------------------------------------------------------------------------------

def test_a_glossary_term_is_explained_once_per_page(pages):
    marked = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        targets = re.findall(r'popovertarget="(begrip-[a-z0-9-]+)"', html)
        assert len(targets) == len(set(targets)), f"{path}: a term marked twice"
        for target in targets:
            assert html.count(f'id="{target}"') == 1, f"{path}: {target}"
        marked += bool(targets)
    assert marked > 100


def test_the_glossary_page_lists_every_term(real_site):
    terms = yaml.safe_load((ROOT / "site-data" / "begrippen.yml").read_text(encoding="utf-8"))
    page = read_page(real_site / "begrippen" / "index.html")
    assert {term["id"] for term in terms} <= page.ids


# -- open data -------------------------------------------------------------------------------------------

def test_the_data_package_describes_the_open_data_and_validates(real_site):
    from frictionless import Package, validate

    descriptor = real_site / "leiden-2026" / "datapackage.json"
    report = validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    package = Package(str(descriptor))
    assert [r.name for r in package.resources] == ["voorstellen", "data"]
    assert package.licenses[0]["name"] == "CC-BY-4.0"
    assert "datapackage.json" in read_page(real_site / "leiden-2026" / "index.html").links


def test_the_csv_cannot_run_a_formula_in_a_spreadsheet(tmp_path):
    from generator.build import generate
    from generator.settings import Settings

    data = make_data(tmp_path)
    proposals = data / "testdorp-2026" / "proposals" / "partij-a.yml"
    proposals.write_text(proposals.read_text(encoding="utf-8").replace("title: 30 km/u binnen de singels", "title: '=HYPERLINK(\"https://example.org\")'"), encoding="utf-8")
    files = generate(Settings(data, tmp_path / "content")).files
    rows = list(csv.DictReader(io.StringIO(files["testdorp-2026/voorstellen.csv"])))
    assert [r["titel"] for r in rows if r["id"] == "dertig-kmu"] == ["'=HYPERLINK(\"https://example.org\")"]
    assert {p["id"]: p["title"] for p in json.loads(files["testdorp-2026/data.json"])["proposals"]}["dertig-kmu"] == '=HYPERLINK("https://example.org")'


# -- in the browser, at 360 px --------------------------------------------------------------------------

# For each heading: whether it overflows, and the words broken other than at a soft hyphen, a hyphen or a slash.
BROKEN_WORDS = """(h) => {
  const broken = [];
  const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    for (const match of text.matchAll(/\\S+/g)) {
      let top = null;
      for (let i = match.index; i < match.index + match[0].length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rects = range.getClientRects();  // a character right after a line break also gets an empty rect on the line before
        const rect = rects[rects.length - 1];
        if (!rect || !rect.width) continue;
        if (top !== null && rect.top > top + 2 && !"\\u00ad-/".includes(text[i - 1])) broken.push(match[0]);
        top = rect.top;
      }
    }
  }
  return {broken, overflow: h.scrollWidth > h.clientWidth + 1};
}"""


def longest_headings(pages, count: int) -> dict[Path, str]:
    """The h1 (as HTML) of the pages with the longest h1, and with the longest single word in their h1."""
    h1 = {}
    for path in pages:
        found = re.search(r"<h1[^>]*>(.*?)</h1>", path.read_text(encoding="utf-8"), re.S)
        if found:
            h1[path] = found.group(1)

    def words(path: Path) -> list[str]:
        return re.sub(r"<[^>]+>|\u00ad", "", h1[path]).split() or [""]

    by_length = sorted(h1, key=lambda p: -len(" ".join(words(p))))[:count]
    by_word = sorted(h1, key=lambda p: -max(map(len, words(p))))[:count]
    return {path: h1[path] for path in dict.fromkeys(by_length + by_word)}


def test_long_headings_fit_a_phone_and_break_only_between_syllables(browser, base_url, pages):
    """Each long heading, as its page has it, laid out in the h1 of a real page at 360 px."""
    page = browser.new_context(viewport=PHONE, base_url=base_url).new_page()
    page.goto("/leiden-2026/thema/wonen/")
    headings = longest_headings(pages, 20)
    assert len(headings) >= 20
    for path, heading in headings.items():
        result = page.locator("h1").evaluate(f"(h, heading) => {{ h.innerHTML = heading; return ({BROKEN_WORDS})(h); }}", heading)
        assert result == {"broken": [], "overflow": False}, path
    page.context.close()


def rgb(value: str) -> str:
    r, g, b = (int(x) for x in re.findall(r"\d+", value)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_actor_colours_stand_out_three_to_one_in_both_schemes(browser, base_url, scheme):
    page = browser.new_context(viewport=PHONE, base_url=base_url, color_scheme=scheme).new_page()
    page.goto("/leiden-2026/thema/wonen/")
    background = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    card = rgb(page.locator(".wvw-item__body").first.evaluate("el => getComputedStyle(el).backgroundColor"))
    stripes = {rgb(c) for c in page.locator("li.wvw-line").evaluate_all("els => els.map(el => getComputedStyle(el).borderLeftColor)")}
    assert len(stripes) == 4
    for colour in stripes:
        assert contrast(colour, background) >= 3 and contrast(colour, card) >= 3, (scheme, colour, background, card)
    page.context.close()


def test_a_linked_paragraph_lands_below_the_sticky_header(page):
    page.goto("/leiden-2026/wie/volt-leiden/wethouder-europese-zaken/")
    page.get_by_role("link", name="Lees in context").first.click()
    page.wait_for_url("**#p-*")
    target = page.locator(":target")
    expect(target).to_be_in_viewport()
    header = page.locator(".md-header").bounding_box()
    assert target.bounding_box()["y"] >= header["y"] + header["height"] - 1
    page.goto("/leiden-2026/thema/wonen/#kamerverhuur")
    heading = page.locator("#kamerverhuur")
    expect(heading).to_be_in_viewport()
    assert heading.bounding_box()["y"] >= page.locator(".md-header").bounding_box()["height"] - 1


def test_a_glossary_word_opens_its_explanation_in_place(page):
    page.goto("/leiden-2026/thema/wonen/kamerverhuur/")
    word = page.locator("button.wvw-term").first
    explanation = page.locator("#" + word.get_attribute("popovertarget"))
    expect(explanation).to_be_hidden()
    word.click()
    expect(explanation).to_be_visible()
    expect(explanation).to_be_in_viewport()
    assert page.url.endswith("/kamerverhuur/")
    page.keyboard.press("Escape")
    expect(explanation).to_be_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/over/", "/begrippen/", "/leiden-2026/", "/"])
def test_axe_finds_no_violations_on_the_new_pages(browser, base_url, path, scheme):
    page = browser.new_context(viewport=PHONE, base_url=base_url, color_scheme=scheme).new_page()
    page.goto(path)
    results = Axe().run(page)
    page.context.close()
    assert results.response["violations"] == [], results.generate_report()
