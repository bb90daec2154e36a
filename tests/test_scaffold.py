"""`watwilwie nieuw`: a new election folder from a municipality and a programme text, valid and buildable as it is."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from generator.build import check
from generator.editor.finder import find
from generator.editor.scaffold import ScaffoldError, guess_hyphenation, new_election
from generator.editor.schema import MODELINE_PREFIX
from generator.editor.slugs import slugify, unique
from generator.quotes import SourceText

from helpers import make_data, make_project, run

# What `pdftotext programma.pdf programma.txt` gives: pages separated by form feeds.
PDFTOTEXT = (
    "Verkiezingsprogramma\n\nWij bouwen 500 woningen per jaar, voor jon-\ngeren en ouderen.\n\n"
    "De fiets krijgt voor-\nrang in de binnen-\nstad.\n\n\f"
    "2. Groen\n\nWe planten duizend bomen in de wijken.\n\f"
)


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    path = tmp_path / "programma.txt"
    path.write_text(PDFTOTEXT, encoding="utf-8")
    return path


def test_new_election_validates_builds_and_takes_a_found_quote(tmp_path, programme):
    data = make_data(tmp_path)
    make_project(tmp_path, data=data)
    made = run("nieuw", "Súdwest-Fryslân", str(programme), "--partij", "Lokaal Belang", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "Nieuwe verkiezing gemaakt in site-data/sudwest-fryslan-2026/" in made.stdout
    assert 'make vind WOORDEN="een paar woorden" OPTIES="--election sudwest-fryslan-2026"' in made.stdout
    folder = data / "sudwest-fryslan-2026"
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == [
        "actors.yml",
        "bronnen/lokaal-belang-2026-2030.txt",
        "bronnen/lokaal-belang-2026-2030.yml",
        "election.yml",
        "proposals/lokaal-belang.yml",
    ]
    for path in folder.rglob("*.yml"):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith(MODELINE_PREFIX)
        assert (path.parent / first.removeprefix(MODELINE_PREFIX)).is_file(), first
    own = json.loads((tmp_path / "schema" / "sudwest-fryslan-2026" / "proposals.schema.json").read_text(encoding="utf-8"))
    assert own["properties"]["actor"]["enum"] == ["lokaal-belang"]
    checked = run("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "2 verkiezingen" in checked.stdout

    # The finder offers a quote for the new party; pasted as the scaffold's comment says, it passes.
    found = run("vind", "voorrang fiets binnenstad", "--election", "sudwest-fryslan-2026", "--titel", "Fiets krijgt voorrang", "--yaml", cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    assert "De fiets krijgt voorrang in de binnenstad." in found.stdout
    proposals = folder / "proposals" / "lokaal-belang.yml"
    text = proposals.read_text(encoding="utf-8").replace("proposals: []", "proposals:")
    entry = found.stdout.replace("theme:  #", "theme: mobiliteit  #")
    proposals.write_text(text + entry, encoding="utf-8")
    built = run("build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    election_page = (tmp_path / "site" / "sudwest-fryslan-2026" / "index.html").read_text(encoding="utf-8")
    assert "Gemeenteraadsverkiezingen Súdwest-Fryslân 2026" in election_page
    proposal_id = re.search(r"- id: (\S+)", found.stdout).group(1)
    proposal_page = tmp_path / "site" / "sudwest-fryslan-2026" / "wie" / "lokaal-belang" / proposal_id / "index.html"
    assert "De fiets krijgt voorrang in de binnenstad." in proposal_page.read_text(encoding="utf-8")


def test_new_election_files_read_like_the_curated_ones(tmp_path, programme):
    data = make_data(tmp_path)
    made = new_election(data, "'s-Hertogenbosch", programme, "Partij: #1 \"Bosch\"", dt.date(2030, 3, 20))
    election = (made.folder / "election.yml").read_text(encoding="utf-8")
    assert made.folder.name == "s-hertogenbosch-2030"
    assert "municipality: '''s-Hertogenbosch'\ndate: 2030-03-20\nintro: >-\n  Op 20 maart 2030 kiest 's-Hertogenbosch" in election
    actors = (made.folder / "actors.yml").read_text(encoding="utf-8")
    assert "- id: partij-1-bosch\n  name: 'Partij: #1 \"Bosch\"'\n  kind: partij\n" in actors
    assert "  sources: [partij-1-bosch-2030-2034]\n" in actors
    source = (made.folder / "bronnen" / "partij-1-bosch-2030-2034.yml").read_text(encoding="utf-8")
    assert "period: 2030-2034\n" in source and "hyphenation: soft\n" in source and "sections: []\n" in source
    checked = check(data)
    problems, site = checked.problems, checked.site
    assert problems == []
    new = next(e for e in site.elections if e.id == "s-hertogenbosch-2030")
    assert new.election.municipality == "'s-Hertogenbosch"
    assert new.actors[0].name == 'Partij: #1 "Bosch"'
    assert (made.pages, made.hyphenation) == (2, "soft")


def test_pdftotext_form_feeds_mark_the_pages(tmp_path, programme):
    source = SourceText(PDFTOTEXT, "soft")
    assert source.page_start_lines == [1, 10]  # the form feed after the last page starts none
    assert source.lines[9] == "\f2. Groen"
    data = make_data(tmp_path)
    new_election(data, "Utrecht", programme, "Partij U")
    checked = check(data)
    problems, site = checked.problems, checked.site
    assert problems == []
    found = find(site, checked.locations, "duizend bomen planten", election="utrecht-2026")[0]
    assert (found.quote, found.location.page, found.location.line) == ("We planten duizend bomen in de wijken.", 2, 12)


def test_hyphenation_is_guessed_from_words_broken_over_lines():
    assert guess_hyphenation(PDFTOTEXT) == "soft"
    assert guess_hyphenation("Een publiek-\nprivate samenwerking.\nNog een zin.\n") == "hard"


def test_the_date_defaults_to_that_of_the_other_elections(tmp_path, programme):
    data = make_data(tmp_path)
    made = new_election(data, "Utrecht", programme, "Partij U")
    assert made.folder.name == "utrecht-2026"
    assert "date: 2026-03-18\n" in (made.folder / "election.yml").read_text(encoding="utf-8")
    assert "order: 101\n" in (made.folder / "election.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("municipality", "content", "party", "message"),
    [
        ("Testdorp", PDFTOTEXT, "Partij T", "de map .*testdorp-2026 bestaat al"),
        ("Utrecht", b"%PDF-1.7 binary", "Partij U", "is een pdf; zet hem eerst om naar tekst: pdftotext"),
        ("Utrecht", "caf\xe9".encode("latin-1"), "Partij U", "is geen UTF-8-tekst; sla het bestand op als UTF-8"),
        ("Utrecht", "  \n", "Partij U", "is leeg"),
        ("!!", PDFTOTEXT, "Partij U", "geef de naam van de gemeente"),
        ("Utrecht", PDFTOTEXT, "  ", "geef de naam van de partij met --partij"),
    ],
)
def test_wrong_input_says_what_to_do_and_writes_nothing(tmp_path, municipality, content, party, message):
    data = make_data(tmp_path)
    text = tmp_path / "in.txt"
    text.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = sorted(data.rglob("*"))
    with pytest.raises(ScaffoldError, match=message):
        new_election(data, municipality, text, party, dt.date(2026, 3, 18))
    assert sorted(data.rglob("*")) == before


def test_without_other_elections_the_date_must_be_given(tmp_path, programme):
    (tmp_path / "site-data").mkdir()
    result = run("nieuw", "Utrecht", str(programme), "--partij", "Partij U", cwd=tmp_path)
    assert result.returncode == 2
    assert "Dat lukt niet: geef de datum van de verkiezing met --datum, zoals --datum 2030-03-20" in result.stderr
    wrong = run("nieuw", "Utrecht", str(programme), "--partij", "Partij U", "--datum", "20 maart", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "'20 maart' is geen datum; schrijf hem als 2030-03-20" in wrong.stderr


def test_slugs():
    assert slugify("Den Haag") == "den-haag"
    assert slugify("Súdwest-Fryslân") == "sudwest-fryslan"
    assert slugify("'s-Hertogenbosch") == "s-hertogenbosch"
    assert slugify("wordt 30 km/u de norm. We onderzoeken", max_words=4) == "wordt-30-km-u"
    assert unique("a", {"a", "a-2"}) == "a-3"
    assert unique("b", {"a"}) == "b"
