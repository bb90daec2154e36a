"""What keeps a page the same size as elections are added: one search index and sitemap per
election, a bounded 'same party elsewhere' list, and building one election at a time."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from playwright.sync_api import expect

from generator.build import check
from generator.plan import MAX_ELSEWHERE, plan

from helpers import ROOT, TOWNS, build_project, make_project, many_elections

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_same_party_elsewhere_is_limited_to_the_nearest_elections(tmp_path):
    checked = check(many_elections(tmp_path))
    assert checked.problems == []
    view = plan(checked.site, checked.sources, checked.locations, "Wat wil wie?").site
    order = [e.id for e in view.elections]
    assert order == TOWNS
    ids = {e.election.name: e.id for e in view.elections}
    for number, election in enumerate(view.elections):
        shown = sorted({order.index(ids[line.election.name]) for theme in election.themes for line in theme.elsewhere})
        nearest = sorted(sorted((i for i in range(len(order)) if i != number), key=lambda i: (abs(i - number), i))[:MAX_ELSEWHERE])
        assert shown == nearest, election.id


@pytest.fixture(scope="module")
def two_towns(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("two")
    data = many_elections(root)
    for town in TOWNS[2:]:
        shutil.rmtree(data / town)
    make_project(root, data=data)
    return build_project(root)


def test_each_election_has_its_own_search_index(two_towns):
    for town in TOWNS[:2]:
        index = json.loads((two_towns / town / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert "wie/partij-a/sociale-huur/" in locations  # relative to the election's folder
        assert not any(loc.startswith(tuple(f"{t}/" for t in TOWNS)) for loc in locations)
        assert index["config"]["lang"] == ["nl"]
    root = json.loads((two_towns / "search" / "search_index.json").read_text(encoding="utf-8"))
    root_locations = {doc["location"]: doc["title"] for doc in root["docs"]}
    assert {"", "methode/", "testdorp-2026/", "a-2026/"} <= set(root_locations)
    # From the home page, a proposal of every election is found, its title saying which one.
    for town, label in (("testdorp-2026", "Testdorp 2026"), ("a-2026", "A 2026")):
        assert root_locations[f"{town}/wie/partij-a/sociale-huur/"] == f"1.000 nieuwe sociale huurwoningen — {label}"


def test_proposal_quotes_are_indexed_once_on_their_own_page(two_towns):
    index = json.loads((two_towns / "testdorp-2026" / "search" / "search_index.json").read_text(encoding="utf-8"))
    holding = [doc["location"] for doc in index["docs"] if "We bouwen in deze periode" in doc["text"]]
    assert holding == ["wie/partij-a/sociale-huur/"]


def test_sitemap_is_an_index_of_one_sitemap_per_election(two_towns):
    url = "https://watwilwie.github.io/watwilwie/"
    index = ElementTree.parse(two_towns / "sitemap.xml").getroot()
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    parts = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert parts == [f"{url}sitemap-pages.xml", f"{url}testdorp-2026/sitemap.xml", f"{url}a-2026/sitemap.xml"]
    pages = [loc.text for loc in ElementTree.parse(two_towns / "a-2026" / "sitemap.xml").getroot().findall("s:url/s:loc", NS)]
    assert f"{url}a-2026/wie/partij-a/sociale-huur/" in pages
    assert all(page.startswith(f"{url}a-2026/") for page in pages)
    root_pages = [loc.text for loc in ElementTree.parse(two_towns / "sitemap-pages.xml").getroot().findall("s:url/s:loc", NS)]
    assert sorted(root_pages) == [url, f"{url}begrippen/", f"{url}methode/", f"{url}over/", f"{url}zoeken/"]
    assert "lastmod" not in (two_towns / "a-2026" / "sitemap.xml").read_text(encoding="utf-8")


def test_election_pages_point_material_at_their_election(two_towns):
    html = (two_towns / "a-2026" / "thema" / "wonen" / "index.html").read_text(encoding="utf-8")
    assert 'o.base="../../"' in html
    assert "o.base=" not in (two_towns / "methode" / "index.html").read_text(encoding="utf-8")


def test_search_on_an_election_page_loads_and_finds_only_that_election(page):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto("/den-haag-2026/thema/")
    page.locator("label.md-header__button[for='__search']").click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Typ om te beginnen met zoeken")  # index loaded
    page.locator("input.md-search__input").press_sequentially("woningen", delay=20)
    results = page.locator(".md-search-result__list a.md-search-result__link")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs and all("/den-haag-2026/" in href for href in hrefs), hrefs
    indexes = [url for url in fetched if url.endswith("search_index.json")]
    assert [url.split("/", 3)[3] for url in indexes] == ["den-haag-2026/search/search_index.json"]
    results.first.click()
    page.wait_for_url("**/den-haag-2026/**")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_one_election_can_be_built_on_its_own(tmp_path):
    data = many_elections(tmp_path)
    make_project(tmp_path, data=data)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--election", "b-2026"],
        cwd=tmp_path, capture_output=True, text=True, env=env,
    )
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "b-2026" / "wie" / "partij-a" / "sociale-huur" / "index.html").is_file()
    assert not (site / "a-2026").exists() and not (site / "testdorp-2026").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "b-2026/" in home and "a-2026/" not in home
    wrong = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "--election", "b-2062"],
        cwd=tmp_path, capture_output=True, text=True, env=env,
    )
    assert wrong.returncode == 1
    assert "site-data:1: verkiezing 'b-2062' niet gevonden — kies uit: a-2026, b-2026, c-2026" in wrong.stderr
