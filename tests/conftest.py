"""Shared fixtures: a small hand-made data set, and real builds into temporary folders."""

from __future__ import annotations

import functools
import http.server
import shutil
import textwrap
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from generator.build import generate
from generator.engine import build_site as engine_build
from generator.problems import DataInvalid
from generator.settings import settings_from

from htmlcheck import read_page

ROOT = Path(__file__).resolve().parent.parent

SOURCE_TEXT = """\
1. Inleiding

We bouwen in deze periode 1.000 nieuwe sociale huur-
woningen. Dat is een ‘grote’ opgave.
 2. Verkeer
Binnen de singels wordt 30 km/u de norm. We
onderzoeken een autoluwe binnenstad.
"""

HOSTILE_QUOTE = 'Wij <script>alert("x")</script> | *vet* # kop {{ jinja }} {% raw %} \'enkel\' "dubbel" 🚲 & co.'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def make_data(root: Path, extra_source: str = "") -> Path:
    """A minimal valid `site-data/` tree: one election, two actors, four proposals, one statement."""
    data = root / "site-data"
    write(data / "themes.yml", """\
        - id: wonen
          name: Wonen
          description: Huizen bouwen.
          icon: material/home-city
          topics:
            - id: aantal-woningen
              question: Hoeveel woningen komen erbij?
            - id: studentenkamers
              question: Komen er meer studentenkamers?
        - id: mobiliteit
          name: Verkeer
          description: Fiets, auto en bus.
          topics:
            - id: snelheid
              question: Hoe hard mag je rijden in de stad?
        """)
    election = data / "testdorp-2026"
    write(election / "election.yml", """\
        name: Verkiezingen Testdorp 2026
        municipality: Testdorp
        date: 2026-03-18
        intro: Een test.
        stemhulp:
          actors: [partij-a, raad-b]
        """)
    write(election / "actors.yml", """\
        - id: partij-a
          name: Partij A
          kind: partij
          on_ballot: true
          description: Een partij.
          sources: [programma-a]
        - id: raad-b
          name: Raad B
          kind: adviesraad
          description: Een raad.
          sources: [advies-b]
        """)
    write(election / "bronnen" / "programma-a.yml", """\
        title: Programma A
        publisher: Partij A
        kind: verkiezingsprogramma
        period: 2026-2030
        hyphenation: soft
        sections:
          - title: Inleiding
            starts: "1. Inleiding"
          - title: Verkeer
            starts: "2. Verkeer"
        """)
    (election / "bronnen" / "programma-a.txt").write_text(SOURCE_TEXT + extra_source, encoding="utf-8")
    write(election / "bronnen" / "advies-b.yml", """\
        title: Advies B
        publisher: Raad B
        kind: advies
        period: "2026"
        hyphenation: hard
        """)
    (election / "bronnen" / "advies-b.txt").write_text(
        "Wij adviseren 30 km/u in de hele stad.\nEn meer sociale huurwoningen.\n" + HOSTILE_QUOTE + "\n",
        encoding="utf-8",
    )
    write(election / "proposals" / "partij-a.yml", """\
        actor: partij-a
        proposals:
          - id: sociale-huur
            theme: wonen
            title: 1.000 nieuwe sociale huurwoningen
            quote: We bouwen in deze periode 1.000 nieuwe sociale huurwoningen.
          - id: dertig-kmu
            theme: mobiliteit
            title: 30 km/u binnen de singels
            quote: Binnen de singels wordt 30 km/u de norm.
        """)
    write(election / "proposals" / "raad-b.yml", f"""\
        actor: raad-b
        proposals:
          - id: dertig-overal
            theme: mobiliteit
            title: 30 km/u in de hele stad
            quote: Wij adviseren 30 km/u in de hele stad.
          - id: vreemde-tekens
            theme: wonen
            title: "Titel met <b>html</b> | en *sterren* # {{{{ x }}}}"
            quote: '{HOSTILE_QUOTE.replace("'", "''")}'
        """)
    write(election / "statements.yml", """\
        - id: dertig-kmu-overal
          theme: mobiliteit
          text: In de hele stad wordt 30 km/u de norm.
          explanation: Nu geldt op veel wegen 50 km/u.
          positions:
            partij-a:
              position: neutraal
              proposals: [dertig-kmu]
            raad-b:
              position: eens
              proposals: [dertig-overal]
        """)
    return data


def build_project(root: Path, site: Path | None = None, elections: tuple[str, ...] = ()) -> Path:
    """Generate and build the project at `root` (its mkdocs.yml, site-data/ and content/), as `watwilwie build` does."""
    result = generate(settings_from(root / "mkdocs.yml", elections=elections))
    if result.problems:
        raise DataInvalid(result.problems)
    site = site or root / "site"
    engine_build(result, site)
    return site


def make_project(root: Path, data: Path | None = None) -> Path:
    """A copy of the project's config, templates and assets around `data` (default: the real data)."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "content" / "assets", root / "content" / "assets")
    if data is None:
        shutil.copytree(ROOT / "site-data", root / "site-data")
    # Share the project's card cache: a card is drawn once, not once per test build.
    (ROOT / ".cache" / "share-cards").mkdir(parents=True, exist_ok=True)
    (root / ".cache").mkdir(exist_ok=True)
    (root / ".cache" / "share-cards").symlink_to(ROOT / ".cache" / "share-cards")
    return root


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return make_data(tmp_path)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real data, built once with the strict MkDocs build."""
    root = make_project(tmp_path_factory.mktemp("real"))
    return build_project(root)


@pytest.fixture(scope="session")
def pages(real_site):
    """Every page of the real site, read once; old addresses that only send the reader on are left out."""
    read = {path: read_page(path) for path in sorted(real_site.rglob("*.html"))}
    return {path: page for path, page in read.items() if "refresh" not in page.meta}


@pytest.fixture(scope="session")
def redirects(real_site):
    """The old addresses of the real site: path -> the URL they send the reader to."""
    found = {}
    for path in sorted(real_site.rglob("*.html")):
        page = read_page(path)
        if "refresh" in page.meta:
            found[path] = page.meta["refresh"].split("url=", 1)[1]
    return found


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Path:
    """The small hand-made data set (with hostile text), built strictly."""
    root = tmp_path_factory.mktemp("mini")
    make_data(root)
    make_project(root, data=root / "site-data")
    return build_project(root)


# -- a real browser at phone size, against the real site served on localhost --

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 360, "height": 780}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(real_site):
    handler = functools.partial(_QuietHandler, directory=str(real_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    page = context.new_page()
    outside = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else outside.append(request.url))
    yield page
    context.close()
    assert outside == [], "requests to other hosts"
