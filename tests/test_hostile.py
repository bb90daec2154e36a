"""Hostile input, as a careless editor or a malicious pull request could write it.

Every case ends in one of two ways: a clear problem that names the file, the line and
what to do, or a site where the text shows as text. Never a traceback, never HTML or
JavaScript from the data in a page.
"""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.build import check

from conftest import _QuietHandler
from fields import ELECTION, FIELDS, SOURCE, add_to_source, set_value
from helpers import PHONE, ROOT, build_project, make_data, make_project, write
from htmlcheck import read_page

E = f"site-data/{ELECTION}"
PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)> {{ 7*7 }} {% raw %} *nadruk* # kop [link](javascript:alert(1)) {: onclick=x } &amp; 🚲 مرحبا بالعالم'


def problems(data: Path) -> list[str]:
    return [str(problem) for problem in check(data).problems]


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


# -- YAML that parses into something else than it seems ----------------------

def test_alias_bomb_is_refused_at_the_first_alias(data_dir):
    bomb = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    write(data_dir / ELECTION / "proposals" / "bom.yml", "\n".join(bomb) + "\nactor: partij-a\nproposals: [*a9]\n")
    assert problems(data_dir) == [
        f"{E}/proposals/bom.yml:2: verwijzing naar een anker (*naam) — schrijf de waarde voluit (begint je tekst met *? zet hem dan tussen aanhalingstekens); ankers (&naam) en verwijzingen (*naam) worden niet gebruikt"
    ]


def test_merge_keys_are_refused_too(data_dir):
    write(data_dir / "themes.yml", "- &basis\n  id: wonen\n  name: Wonen\n  description: Huizen.\n- <<: *basis\n  id: verkeer\n")
    assert any(p.startswith("site-data/themes.yml:5: verwijzing naar een anker") for p in problems(data_dir))


def test_duplicate_key_names_the_second_one(data_dir):
    actors = data_dir / ELECTION / "actors.yml"
    lines = lines_of(actors)
    lines.insert(3, "  kind: adviesraad")
    actors.write_text("\n".join(lines), encoding="utf-8")
    assert problems(data_dir)[0] == f"{E}/actors.yml:4: dubbele sleutel 'kind' — elke sleutel mag maar één keer voorkomen; voeg de twee samen of verwijder er één"


def test_tab_indentation_names_the_line(data_dir):
    statements = data_dir / ELECTION / "statements.yml"
    statements.write_text(statements.read_text(encoding="utf-8").replace("  theme: mobiliteit", "\ttheme: mobiliteit"), encoding="utf-8")
    assert problems(data_dir)[0] == f"{E}/statements.yml:2: tab gevonden; YAML gebruikt spaties om in te springen — vervang de tab door spaties"


def test_deep_nesting_is_refused_with_its_line(data_dir):
    write(data_dir / ELECTION / "proposals" / "diep.yml", "actor: partij-a\nproposals:\n  - id: x\n    theme: " + "[" * 5000 + "]" * 5000 + "\n")
    assert problems(data_dir) == [
        f"{E}/proposals/diep.yml:4: te diep genest (meer dan 30 niveaus) — controleer de inspringing en de haakjes; zo diep hoort niets te staan"
    ]


def test_python_tags_are_refused(data_dir):
    write(data_dir / "themes.yml", "- id: wonen\n  name: !!python/object/apply:os.system ['touch /tmp/pwned']\n  description: x\n")
    found = problems(data_dir)
    assert found[0].startswith("site-data/themes.yml:2: ongeldige YAML")
    assert not Path("/tmp/pwned").exists()


# -- bytes: encodings, line ends, size, links -------------------------------

def test_bom_and_windows_line_ends_are_read_as_usual(data_dir):
    for path in [data_dir / ELECTION / "proposals" / "partij-a.yml", data_dir / SOURCE]:
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    checked = check(data_dir)
    assert checked.problems == []
    location = checked.locations[(ELECTION, "partij-a", "dertig-kmu")]
    assert (location.line, location.page, location.section) == (6, 2, "Verkeer")


def test_old_mac_line_ends_still_give_lines_and_pages(data_dir):
    source = data_dir / SOURCE
    source.write_bytes(source.read_bytes().replace(b"\n", b"\r"))
    checked = check(data_dir)
    assert checked.problems == []
    assert checked.locations[(ELECTION, "partij-a", "dertig-kmu")].line == 6


def test_invalid_utf8_names_file_and_line(data_dir):
    actors = data_dir / ELECTION / "actors.yml"
    actors.write_bytes(actors.read_bytes().replace(b"Een partij.", b"Een partij \xe9\xe9n."))
    source = data_dir / SOURCE
    source.write_bytes(source.read_bytes().replace(b"Binnen de singels", b"Binnen de singels \xff"))
    assert problems(data_dir)[:2] == [
        f"{E}/actors.yml:5: dit bestand is geen geldige UTF-8-tekst — sla het op als UTF-8",
        f"{E}/bronnen/programma-a.txt:6: dit bestand is geen geldige UTF-8-tekst — sla het op als UTF-8",
    ]


def test_a_50_mb_file_is_refused_without_reading_it(data_dir):
    for path in [data_dir / ELECTION / "proposals" / "groot.yml", data_dir / SOURCE]:
        with path.open("wb") as handle:
            handle.truncate(50_000_000)
    assert problems(data_dir)[:2] == [
        f"{E}/bronnen/programma-a.txt:1: bestand is te groot (50 MB; de grens is 10 MB) — controleer of dit het goede bestand is, of splits het",
        f"{E}/proposals/groot.yml:1: bestand is te groot (50 MB; de grens is 5 MB) — controleer of dit het goede bestand is, of splits het",
    ]


def test_a_link_to_a_file_outside_the_data_is_not_published(data_dir, tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text("wachtwoord = hunter2\n", encoding="utf-8")
    source = data_dir / SOURCE
    source.unlink()
    source.symlink_to(secret)
    extra = data_dir / ELECTION / "proposals" / "extra.yml"
    extra.symlink_to(secret)
    assert problems(data_dir) == [
        f"{E}/bronnen/programma-a.txt:1: dit bestand is een koppeling naar een bestand buiten site-data/ — zet het bestand zelf hier neer, niet een koppeling (symlink)",
        f"{E}/proposals/extra.yml:1: dit bestand is een koppeling naar een bestand buiten site-data/ — zet het bestand zelf hier neer, niet een koppeling (symlink)",
    ]


# -- ids that would become odd paths -----------------------------------------

@pytest.mark.parametrize(("bad", "meant"), [("../../x", "x"), ("sociale huur", "sociale-huur"), ("Sociale-Huur", "sociale-huur"), ("sociale_huur", "sociale-huur"), ("-x", "x"), ("x--y", "x-y"), ("é", "e")])
def test_an_id_that_is_no_slug_is_refused_with_its_line(data_dir, bad, meant):
    proposals = data_dir / ELECTION / "proposals" / "partij-a.yml"
    proposals.write_text(proposals.read_text(encoding="utf-8").replace("id: sociale-huur", f"id: '{bad}'"), encoding="utf-8")
    found = problems(data_dir)
    assert found[0] == (
        f"{E}/proposals/partij-a.yml:3: id: '{bad}' is geen geldige id — bedoelde je '{meant}'?"
        " gebruik alleen de letters a tot z zonder accenten, cijfers en enkele streepjes, zoals 'sociale-huur'"
    )


def test_folder_and_file_names_are_ids_too(data_dir):
    (data_dir / ELECTION).rename(data_dir / "Test Dorp")
    (data_dir / "Test Dorp" / "bronnen" / "advies-b.yml").rename(data_dir / "Test Dorp" / "bronnen" / "Advies B.yml")
    found = problems(data_dir)
    assert found == [
        "site-data/Test Dorp/election.yml:1: id: 'Test Dorp' is geen geldige id"
        " — bedoelde je 'test-dorp'? gebruik alleen de letters a tot z zonder accenten, cijfers en enkele streepjes, zoals 'sociale-huur'"
    ]


def test_ids_that_would_overwrite_pages_of_the_site_are_refused(data_dir):
    (data_dir / ELECTION).rename(data_dir / "assets")
    proposals = data_dir / "assets" / "proposals" / "partij-a.yml"
    proposals.write_text(proposals.read_text(encoding="utf-8").replace("id: dertig-kmu", "id: index"), encoding="utf-8")
    statements = data_dir / "assets" / "statements.yml"
    statements.write_text(statements.read_text(encoding="utf-8").replace("proposals: [dertig-kmu]", "proposals: [index]"), encoding="utf-8")
    assert problems(data_dir) == [
        "site-data/assets/election.yml:1: de map 'assets' botst met een map van de site zelf — geef de map een andere naam, zoals 'leiden-2026'",
        "site-data/assets/proposals/partij-a.yml:7: 'index' kan geen id zijn: zo heet de overzichtspagina — kies een andere id",
    ]


# -- text: invisible characters, length --------------------------------------

@pytest.mark.parametrize("char", ["\x00", "\x02", "\x1b", "\x7f", "\x9b", "\u202e", "\u2066"])
def test_invisible_characters_are_refused_with_their_code(data_dir, char):
    set_value(data_dir, FIELDS[12], f"Titel{char}met teken")
    assert problems(data_dir) == [
        f"{E}/proposals/partij-a.yml:5: title: onzichtbaar teken U+{ord(char):04X} in de tekst — haal het weg; zo'n stuurteken komt vaak mee bij kopiëren uit een pdf of app"
    ]


def test_a_quote_over_5000_characters_is_refused(data_dir):
    quote = ("Wij willen meer groen in de wijk. " * 150)[:5001]
    set_value(data_dir, FIELDS[13], quote)
    assert problems(data_dir) == [f"{E}/proposals/partij-a.yml:6: quote: tekst is te lang (meer dan 5000 tekens) — maak de tekst korter"]


# -- nothing crashes ---------------------------------------------------------

def test_the_command_line_reports_everything_at_once_without_a_traceback(data_dir):
    write(data_dir / ELECTION / "proposals" / "bom.yml", "a: &a [1, 2]\nb: [*a, *a]\n")
    write(data_dir / ELECTION / "proposals" / "diep.yml", "a: " + "{b: " * 3000 + "}" * 3000 + "\n")
    (data_dir / ELECTION / "proposals" / "kapot.yml").write_bytes(b"actor: partij-a\n\xc3\x28\n")
    with (data_dir / ELECTION / "proposals" / "groot.yml").open("wb") as handle:
        handle.truncate(50_000_000)
    (data_dir / ELECTION / "proposals" / "map.yml").mkdir()
    write(data_dir / ELECTION / "statements.yml", "- id: ../../etc\n  theme: [1, {2: 3}]\n  text: ~\n  positions: 7\n")
    write(data_dir / "themes.yml", "- id: wonen\n  name: Wonen\n  name: Huizen\n")
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--data", str(data_dir), "check"],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    reported = {line.split(":")[0].rsplit("/", 1)[-1] for line in result.stderr.splitlines() if line.startswith(str(data_dir.parent.name)) or ".yml:" in line}
    assert {"bom.yml", "diep.yml", "kapot.yml", "groot.yml", "map.yml", "statements.yml", "themes.yml"} <= reported, result.stderr


# -- text that is valid but hostile: the full MkDocs build --------------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """Every text field holds HTML, JavaScript, Markdown and Jinja; one quote is 5,000 characters."""
    root = tmp_path_factory.mktemp("hostile")
    data = make_data(root)
    for number, field in enumerate(FIELDS):
        set_value(data, field, f"{PAYLOAD} {number}"[: field[2]])
    long_quote = ("Wij willen <b>meer</b> groen in de wijk. " * 130)[:4999] + "."
    add_to_source(data, long_quote)
    proposals = data / ELECTION / "proposals" / "partij-a.yml"
    content = yaml.safe_load(proposals.read_text(encoding="utf-8"))
    content["proposals"].append({"id": "lang", "theme": "wonen", "title": "Lang citaat", "quote": long_quote})
    proposals.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert check(data).problems == []
    make_project(root, data=data)
    return build_project(root)


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.names.update(name for name, _ in attrs)


def test_no_page_gets_an_element_or_attribute_from_the_data(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = read_page(path)
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>meer" not in html, path
        assert "em" not in page.elements and "<em>nadruk</em>" not in html, path  # no Markdown from the data
        assert not any(link.startswith("javascript:") for link in page.links), path
        attributes = _Attributes()
        attributes.feed(html)
        assert not any(name.startswith("on") for name in attributes.names), (path, attributes.names)


def test_every_field_shows_as_text(hostile_site):
    texts = " ".join(read_page(path).text for path in hostile_site.rglob("*.html"))
    for number in range(len(FIELDS)):
        expected = " ".join(f"{PAYLOAD} {number}"[: FIELDS[number][2]].split())
        assert expected in texts, FIELDS[number]  # with '{{ 7*7 }}' as typed: Jinja never runs on data


def test_the_5000_character_quote_is_shown_whole_and_shortened_in_the_description(hostile_site):
    page = read_page(hostile_site / ELECTION / "wie" / "partij-a" / "lang" / "index.html")
    assert ("Wij willen <b>meer</b> groen in de wijk. " * 120).strip() in page.text
    assert len(page.meta["description"]) <= 320 and page.meta["description"].endswith("…")


def test_hostile_text_stays_data_in_json_and_csv(hostile_site):
    data = json.loads((hostile_site / ELECTION / "data.json").read_text(encoding="utf-8"))
    assert data["election"]["name"] == f"{PAYLOAD} 2"
    assert f"{PAYLOAD} 12" in [p["title"] for p in data["proposals"]]
    csv_text = (hostile_site / ELECTION / "voorstellen.csv").read_text(encoding="utf-8")
    assert '"<script>alert(""x"")</script>' in csv_text


def test_search_index_holds_escaped_text(hostile_site):
    """Material puts search results into the page as HTML, so the index must hold escaped text."""
    for index_file in [hostile_site / "search" / "search_index.json", hostile_site / ELECTION / "search" / "search_index.json"]:
        docs = json.loads(index_file.read_text(encoding="utf-8"))["docs"]
        texts = [doc["title"] + doc["text"] for doc in docs]
        assert any('&lt;script&gt;alert("x")&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;' in text for text in texts)
        assert not any("<script" in text or "<img" in text for text in texts)


def test_hostile_pages_run_no_script_and_fit_a_phone(hostile_site, browser):
    handler = functools.partial(_QuietHandler, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        alerts: list[str] = []
        page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
        for path in ["", f"{ELECTION}/wie/partij-a/lang/", f"{ELECTION}/thema/wonen/", f"{ELECTION}/stelling/dertig-kmu-overal/"]:
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{path}")
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
            assert page.evaluate("document.querySelectorAll('img[src=x], script:not([src]):not([id]) ~ img').length") == 0
        assert alerts == []  # the payload's alert() never ran
    finally:
        context.close()
        server.shutdown()
