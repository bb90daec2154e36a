"""The real data, built with the strict MkDocs build: pages, quotes, links, anchors, privacy."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import yaml

from generator.settings import settings_from

from htmlcheck import content_text, resolve

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = settings_from(ROOT / "mkdocs.yml").site_url


def all_proposals():
    found = []
    for file in sorted((ROOT / "site-data").glob("*/proposals/*.yml")):
        bundle = yaml.safe_load(file.read_text(encoding="utf-8"))
        for proposal in bundle["proposals"]:
            found.append((file.parent.parent.name, bundle["actor"], proposal))
    return found


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_page_type_exists(real_site):
    for path in [
        "index.html",
        "methode/index.html",
        "leiden-2026/index.html",
        "leiden-2026/thema/index.html",
        "leiden-2026/thema/wonen/index.html",
        "leiden-2026/wie/index.html",
        "leiden-2026/wie/volt-leiden/index.html",
        "leiden-2026/wie/coalitie-leiden/index.html",
        "leiden-2026/bron/index.html",
        "leiden-2026/bron/volt-leiden-2026-2030/index.html",
        "leiden-2026/data.json",
        "leiden-2026/voorstellen.csv",
        "den-haag-2026/index.html",
        "den-haag-2026/thema/wonen/index.html",
        "den-haag-2026/wie/volt-den-haag/index.html",
        "den-haag-2026/bron/volt-den-haag-2026-2030/index.html",
    ]:
        assert (real_site / path).is_file(), path


def test_statement_pages_exist_for_every_statement(real_site):
    for election in (ROOT / "site-data").iterdir():
        statements = election / "statements.yml"
        if not statements.exists():
            continue
        for statement in yaml.safe_load(statements.read_text(encoding="utf-8")):
            page = real_site / election.name / "stelling" / statement["id"] / "index.html"
            assert page.is_file()
            assert squash(statement["text"]) in content_text(page)
        assert (real_site / election.name / "vergelijk" / "index.html").is_file()


def test_every_quote_appears_as_text_on_its_pages(real_site):
    proposals = all_proposals()
    assert len(proposals) > 600
    theme_texts: dict[Path, str] = {}
    for election, actor, proposal in proposals:
        quote = squash(proposal["quote"])
        own = real_site / election / "wie" / actor / proposal["id"] / "index.html"
        assert quote in content_text(own), own
        theme = real_site / election / "thema" / proposal["theme"] / "index.html"
        if theme not in theme_texts:
            theme_texts[theme] = content_text(theme)
        assert quote in theme_texts[theme], (theme, proposal["id"])


def test_internal_links_resolve_and_fragments_exist(real_site, pages):
    checked = 0
    for path, page in pages.items():
        for href in page.links:
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            target, fragment = resolve(real_site, path, href)
            assert target.exists(), f"{path.relative_to(real_site)}: broken link {href}"
            if fragment and target.suffix == ".html":
                assert fragment in pages[target].ids, f"{path.relative_to(real_site)}: no #{fragment} in {href}"
            checked += 1
    assert checked > 10_000


def test_lees_in_context_points_at_a_highlightable_paragraph(real_site):
    theme_pages = sorted((real_site / "leiden-2026" / "thema").glob("*/index.html"))
    links = [(page, href) for page in theme_pages for href in re.findall(r'<a class="wvw-context" href="([^"]+)"', page.read_text(encoding="utf-8"))]
    assert len(links) > 100
    for page, href in links:
        target, fragment = resolve(real_site, page, href)
        assert re.fullmatch(r"p-\d+", fragment)
        source_html = target.read_text(encoding="utf-8")
        assert re.search(rf'<div class="wvw-para wvw-para--quoted" id="{fragment}"', source_html), href
    css = (ROOT / "content" / "assets" / "wvw.css").read_text()
    assert ".wvw-para:target" in css


def test_no_request_leaves_the_site(pages):
    for path, page in pages.items():
        for resource in page.resources:
            assert not re.match(r"^(https?:)?//", resource) or resource.startswith(SITE_URL), f"{path}: {resource}"
    css_and_js = [p for p in pages if p.suffix in {".css", ".js"}]
    assert css_and_js == []


def test_pages_are_dutch_with_escaped_descriptions(pages):
    for path, page in list(pages.items())[:50]:
        html = path.read_text(encoding="utf-8")
        assert '<html lang="nl"' in html
        assert "fonts.googleapis" not in html
        assert page.meta.get("description"), path


def test_open_data_matches_the_yaml(real_site):
    proposals = [p for p in all_proposals() if p[0] == "leiden-2026"]
    data = json.loads((real_site / "leiden-2026" / "data.json").read_text(encoding="utf-8"))
    assert len(data["proposals"]) == len(proposals)
    first = data["proposals"][0]
    assert set(first) == {"id", "actor", "theme", "topic", "title", "quote", "source", "page", "section", "url", "context_url"}
    assert all(isinstance(p["page"], int) and p["page"] >= 1 for p in data["proposals"])
    rows = list(csv.DictReader(io.StringIO((real_site / "leiden-2026" / "voorstellen.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(proposals)
    assert {r["citaat"] for r in rows} == {p["quote"] for p in data["proposals"]}


def test_navigation_stays_small(real_site):
    """Every page carries the menu; it lists overview pages only, not hundreds of proposals."""
    html = (real_site / "leiden-2026" / "wie" / "volt-leiden" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="md-nav__link') < 60


def test_old_statement_addresses_lead_to_the_page_that_replaced_them(real_site, redirects, pages):
    old = real_site / "leiden-2026" / "stelling" / "verbod-op-verkamering-weg" / "index.html"
    assert redirects[old] == "../verkamering-makkelijker/"
    for path, target in redirects.items():
        assert resolve(real_site, path, target)[0] in pages, f"{path} leads nowhere: {target}"
        # Its own icon: without one, the browser asks the host's root for /favicon.ico (a 404 on a project site).
        icon = re.search(r'<link rel="icon" href="([^"]+)"', path.read_text(encoding="utf-8"))
        assert icon and (path.parent / icon.group(1)).resolve() == (real_site / "assets" / "favicon.svg").resolve(), path


def test_no_page_has_an_id_twice(pages):
    """An anchor, a label or a script (the stemhulp mounts on #stemhulp) must find one element."""
    for path in pages:
        ids = re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8"))
        doubled = sorted({i for i in ids if ids.count(i) > 1})
        assert doubled == [], f"{path}: {doubled}"
