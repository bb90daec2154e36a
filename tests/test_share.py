"""Share previews and what platforms and phones read: meta tags, share images, icons, manifest, 404."""

from __future__ import annotations

import json
import os
import re
import struct
from pathlib import Path

import yaml

from generator.build import check, generate
from generator.plan import plan
from generator.settings import Settings, settings_from
from generator.sharecards import draw as cardimage
from generator.sharecards.content import Card, Chip, card_for
from generator.urls import share_image

from helpers import make_data
from htmlcheck import read_page

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = settings_from(ROOT / "mkdocs.yml").site_url
REQUIRED_META = [
    "description", "og:title", "og:description", "og:url", "og:image", "og:image:width", "og:image:height",
    "og:image:alt", "og:image:type", "og:type", "og:locale", "og:site_name", "twitter:card",
]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (fast: 24 bytes per file, for hundreds of images)."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def site_file(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), f"{url} is not on the site"
    return site / url[len(SITE_URL):]


def test_every_page_has_complete_share_and_search_meta(real_site, pages):
    sizes: dict[Path, tuple[int, int]] = {}
    for path, page in pages.items():
        name = path.relative_to(real_site).as_posix()
        wanted = [m for m in REQUIRED_META if not (name == "404.html" and m == "og:url")]
        for key in wanted:
            assert page.meta.get(key, "").strip(), f"{name}: <meta {key}> missing or empty"
        assert page.meta["og:locale"] == "nl_NL" and page.meta["twitter:card"] == "summary_large_image"
        assert (page.meta["og:image:width"], page.meta["og:image:height"]) == ("1200", "630")
        image = site_file(real_site, page.meta["og:image"])
        assert image.is_file(), f"{name}: og:image {page.meta['og:image']} does not exist"
        if image not in sizes:
            sizes[image] = png_size(image)
        assert sizes[image] == (1200, 630), f"{name}: og:image is {sizes[image]}"
        if name == "404.html":
            assert page.meta.get("robots") == "noindex" and page.canonical is None
            continue
        url = SITE_URL + ("" if name == "index.html" else name.removesuffix("index.html"))
        assert page.canonical == url and page.meta["og:url"] == url, name
    assert len(sizes) == len(pages) - 1  # every page its own card; the 404 page borrows the home card


def test_descriptions_summarise_the_page(real_site, pages):
    proposal = pages[real_site / "leiden-2026" / "wie" / "volt-leiden" / "wethouder-europese-zaken" / "index.html"]
    assert proposal.meta["og:description"].startswith("Volt: Er liggen zoveel kansen")
    statement_yaml = yaml.safe_load((ROOT / "site-data" / "leiden-2026" / "statements.yml").read_text(encoding="utf-8"))[0]
    statement = pages[real_site / "leiden-2026" / "stelling" / statement_yaml["id"] / "index.html"]
    assert statement.meta["og:title"] == statement_yaml["text"].strip() + " — Leiden 2026"
    assert statement.meta["description"].startswith("Standpunten: Volt ")
    titles = [page.meta["og:title"] for page in pages.values()]
    assert len(set(titles)) > 0.95 * len(titles), "page titles should tell pages apart"


def test_hostile_text_is_escaped_in_meta_tags(mini_site):
    html = (mini_site / "testdorp-2026" / "wie" / "raad-b" / "vreemde-tekens" / "index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    assert "<script>alert" not in head and "<b>html</b>" not in head
    page = read_page(mini_site / "testdorp-2026" / "wie" / "raad-b" / "vreemde-tekens" / "index.html")
    assert page.meta["og:title"] == "Titel met <b>html</b> | en *sterren* # {{ x }} — Testdorp 2026"
    assert '<script>alert("x")</script>' in page.meta["og:description"]
    assert "🚲" in page.meta["og:image:alt"]


def test_no_stylesheet_or_manifest_loads_anything_from_another_host(real_site):
    for css in real_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert not re.match(r"^(https?:)?//", url), f"{css.name}: {url}"
        assert "@import" not in css.read_text(encoding="utf-8")
    manifest = json.loads((real_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    for icon in manifest["icons"]:
        assert not re.match(r"^(https?:)?//", icon["src"])


def test_icons_and_web_app_manifest(real_site, pages):
    manifest = json.loads((real_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Wat wil wie?" and manifest["lang"] == "nl" and manifest["display"] == "standalone"
    assert manifest["start_url"] == "./" and manifest["theme_color"].startswith("#")
    for icon in manifest["icons"]:
        size = tuple(int(n) for n in icon["sizes"].split("x"))
        assert png_size(real_site / icon["src"]) == size
    assert {"any", "maskable"} == {icon["purpose"] for icon in manifest["icons"]}
    assert png_size(real_site / "apple-touch-icon.png") == (180, 180)
    home = (real_site / "index.html").read_text(encoding="utf-8")
    for link in ['rel="apple-touch-icon" href="apple-touch-icon.png"', 'rel="manifest" href="manifest.webmanifest"', 'href="favicon-48.png" sizes="48x48"']:
        assert link in home


def test_robots_txt_and_sitemap(real_site):
    robots = (real_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and f"Sitemap: {SITE_URL}sitemap.xml" in robots
    assert "Disallow: /\n" not in robots
    sitemaps = [(real_site / "sitemap.xml").read_text(encoding="utf-8")]
    for nested in re.findall(r"<sitemap><loc>([^<]+)</loc>", sitemaps[0]):  # a sitemap index
        sitemaps.append(site_file(real_site, nested).read_text(encoding="utf-8"))
    urls = [url for sitemap in sitemaps for url in re.findall(r"<url>\s*<loc>([^<]+)</loc>", sitemap)]
    assert f"{SITE_URL}leiden-2026/thema/wonen/" in urls
    assert not [url for url in urls if "404" in url]


def test_404_page_helps_in_dutch(real_site):
    page = read_page(real_site / "404.html")
    assert "Deze pagina bestaat niet" in page.text
    assert "Pagina niet gevonden - Wat wil wie?" in (real_site / "404.html").read_text(encoding="utf-8")
    path = SITE_URL.split("/", 3)[3]  # served at any depth: links start at the site's root path
    content = [href for href in page.links if href.startswith(f"/{path}leiden-2026/")]
    assert f"/{path}leiden-2026/thema/" in content and f"/{path}leiden-2026/stemhulp/" in content
    assert f"/{path}" in page.links  # the home page
    assert any(href.endswith("/issues") for href in page.links)


# -- share buttons in the HTML ------------------------------------------------


def test_share_buttons_on_statement_theme_and_actor_pages(real_site, pages):
    statement = next(p for p in sorted(real_site.glob("leiden-2026/stelling/*/index.html")) if p in pages)
    for rel, label in [
        ("leiden-2026/thema/wonen/index.html", "Deel dit thema"),
        ("leiden-2026/thema/wonen/kamerverhuur/index.html", "Deel deze vraag"),
        ("leiden-2026/wie/volt-leiden/index.html", "Deel deze pagina"),
        (statement.relative_to(real_site).as_posix(), "Deel deze stelling"),
    ]:
        html = (real_site / rel).read_text(encoding="utf-8")
        url = SITE_URL + rel.removesuffix("index.html")
        share = re.search(r'<div class="wvw-share" role="group" aria-label="([^"]+)"[^>]*data-share-url="([^"]+)"', html)
        assert share and share.groups() == (label, url), rel
        encoded = url.replace(":", "%3A")
        assert 'href="https://wa.me/?text=' in html and encoded in html
        assert 'href="mailto:?subject=' in html
    assert "wvw-share" not in (real_site / "leiden-2026" / "bron" / "index.html").read_text(encoding="utf-8")


# -- share images -------------------------------------------------------------


def test_cards_are_drawn_once_and_redrawn_only_when_their_page_changes(tmp_path, monkeypatch):
    data = make_data(tmp_path)
    settings = Settings(data_dir=data, content_dir=tmp_path / "content", cache_dir=tmp_path / "cache")
    drawn: list[Card] = []
    real_render = cardimage.render
    monkeypatch.setattr(cardimage, "render", lambda card: drawn.append(card) or real_render(card))
    first = generate(settings).files
    images = {path: file for path, file in first.items() if path.startswith("og/")}
    assert len(drawn) == len(images) > 15
    assert all(file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for file in images.values())

    drawn.clear()
    forgotten = settings.cache_dir / "0123456789abcdef0123456789abcdef.png"  # a card no build used for long
    forgotten.write_bytes(b"old")
    os.utime(forgotten, (0, 0))
    assert generate(settings).files == first and drawn == []
    assert not forgotten.exists() and len(list(settings.cache_dir.glob("*.png"))) == len(images)

    proposals = data / "testdorp-2026" / "proposals" / "partij-a.yml"
    proposals.write_text(proposals.read_text(encoding="utf-8").replace("30 km/u binnen de singels", "Dertig binnen de singels"), encoding="utf-8")
    changed = generate(settings).files
    assert [card.title for card in drawn] == ["Dertig binnen de singels"]
    assert [p for p in images if changed[p] != first[p]] == ["og/testdorp-2026/wie/partij-a/dertig-kmu.png"]


def test_card_content_per_page_type(tmp_path):
    data = make_data(tmp_path)
    checked = check(data)
    site_plan = plan(checked.site, checked.sources, checked.locations, "Wat wil wie?")
    cards = {share_image(page.path): card_for(page, site_plan.site, "Wat wil wie?") for page in site_plan.pages}
    statement = cards["og/testdorp-2026/stelling/dertig-kmu-overal.png"]
    assert statement.title == "In de hele stad wordt 30 km/u de norm."
    assert [c.label for c in statement.chips] == ["Partij A: neutraal", "Raad B: eens"]
    proposal = cards["og/testdorp-2026/wie/partij-a/sociale-huur.png"]
    assert proposal.quote and proposal.body.startswith("We bouwen in deze periode")
    assert proposal.footer == "Uit het verkiezingsprogramma (2026-2030), ca. p. 1"
    actor = cards["og/testdorp-2026/wie/raad-b.png"]
    assert actor.eyebrow == "Adviesraad" and actor.body.startswith("2 voorstellen over 2 thema’s")
    theme = cards["og/testdorp-2026/thema/wonen.png"]
    assert theme.title == "Wonen" and theme.body == "Huizen bouwen."
    assert [c.label for c in theme.chips] == ["Partij A: 1", "Raad B: 1"]
    assert cards["og/index.png"].chips == (Chip("Testdorp 2026"),)
    overview = cards["og/testdorp-2026/wie.png"]
    assert overview.eyebrow == "2 partijen en organisaties" and [c.label for c in overview.chips] == ["Partij A", "Raad B"]
    assert cards["og/testdorp-2026/thema.png"].eyebrow == "2 thema’s"
    assert "Partij A: neutraal" in statement.alt and statement.alt.startswith("Wat wil wie?, Testdorp 2026.")


def test_card_drawing_copes_with_long_and_hostile_text():
    from io import BytesIO

    from PIL import Image

    long_word = "Arbeidsongeschiktheidsverzekeringsmaatschappijvoorwaarden" * 3
    card = Card(
        title=f"{long_word} " + "heel lange titel " * 20 + "🚲",
        eyebrow="x" * 300,
        body='<script>alert("x")</script> ' * 40,
        quote=True,
        chips=(*tuple(Chip(f"Partij {i} met een lange naam: oneens", "#b42318") for i in range(6)), Chip("geen kleur", "")),
        context="עברית 2026",
    )
    image = Image.open(BytesIO(cardimage.render(card)))
    assert image.size == (1200, 630) and image.format == "PNG"
    face = cardimage.font("Bold", 44)
    lines = cardimage.fit(card.title, face, cardimage.TEXT_WIDTH, 4)
    assert len(lines) == 4 and lines[-1].endswith("…")
    assert all(face.getlength(line) <= cardimage.TEXT_WIDTH for line in lines)
    assert cardimage.drawable("Fiets 🚲 en € – “prima” עברית") == "Fiets en € – “prima”"
