"""Every kind of mistake an editor can make, as they see it: file, line, what is wrong and what to do.

test_validate.py covers references, quotes and the common field errors; this file
covers the rest of the kinds, checks that no message comes without a suggestion,
and shows the same problems as GitHub annotations on the pull request's lines.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import check
from generator.editor.github import annotation
from generator.problems import Problem

from conftest import ROOT, make_data, write

PROPOSALS = "testdorp-2026/proposals/partij-a.yml"
ACTORS = "testdorp-2026/actors.yml"
ELECTION = "testdorp-2026/election.yml"


def edit(data: Path, file: str, old: str, new: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = {
    "empty file": (
        lambda d: write(d / "testdorp-2026" / "bronnen" / "advies-b.yml", ""),
        "site-data/testdorp-2026/bronnen/advies-b.yml:1: dit bestand is leeg"
        " — vul de velden in (kijk in een ander bestand van dezelfde soort), of verwijder het bestand",
    ),
    "list where fields belong": (
        lambda d: write(d / ELECTION, "- name: x\n"),
        "site-data/testdorp-2026/election.yml:1: hier hoort een lijst van velden (naam: waarde)"
        " — zet elk veld als 'naam: waarde' op een eigen regel, zonder '- ' ervoor",
    ),
    "fields where a list belongs": (
        lambda d: write(d / "themes.yml", "id: wonen\nname: Wonen\n"),
        "site-data/themes.yml:1: hier hoort een lijst, met '- ' voor elk item"
        " — begin elk item met '- ', zoals '- id: wonen', en zet de andere velden eronder",
    ),
    "list item without fields": (
        lambda d: edit(d, ACTORS, "- id: raad-b", "- raad-b\n- id: raad-b"),
        "site-data/testdorp-2026/actors.yml:7: elk item in deze lijst hoort velden te hebben (naam: waarde)"
        " — schrijf het als '- id: …' en zet de andere velden eronder, twee spaties ingesprongen",
    ),
    "proposals file that is a list": (
        lambda d: write(d / PROPOSALS, "- id: x\n"),
        "site-data/testdorp-2026/proposals/partij-a.yml:1: hier horen 'actor:' en 'proposals:'"
        " — begin met 'actor: <id van de actor>' en zet daaronder 'proposals:' met de voorstellen",
    ),
    "proposals without the list": (
        lambda d: write(d / PROPOSALS, "actor: partij-a\nproposals: geen\n"),
        "site-data/testdorp-2026/proposals/partij-a.yml:2: hier hoort een lijst 'proposals:' met voorstellen"
        " — zet elk voorstel op een eigen regel met '- id: …' ervoor",
    ),
    "an id where the name gives it": (
        lambda d: edit(d, ELECTION, "name:", "id: testdorp\nname:"),
        "site-data/testdorp-2026/election.yml:1: 'id' hoort hier niet"
        " — het id is de naam van de map of het bestand ('testdorp-2026'); verwijder deze regel",
    ),
    "unknown actor in a proposals file": (
        lambda d: edit(d, PROPOSALS, "actor: partij-a", "actor: partij-aa"),
        "site-data/testdorp-2026/proposals/partij-a.yml:1: onbekende actor 'partij-aa' — bedoelde je 'partij-a'?",
    ),
    "source not given for an actor with two": (
        lambda d: edit(d, ACTORS, "sources: [programma-a]", "sources: [programma-a, advies-b]"),
        "site-data/testdorp-2026/proposals/partij-a.yml:3: bij dit voorstel staat geen bron"
        " — voeg 'source:' toe; partij-a heeft meer dan één bron",
        "site-data/testdorp-2026/proposals/partij-a.yml:7: bij dit voorstel staat geen bron"
        " — voeg 'source:' toe; partij-a heeft meer dan één bron",
    ),
    "a source that is not the actor's": (
        lambda d: edit(d, PROPOSALS, "proposals:\n", "source: advies-b\nproposals:\n"),
        "site-data/testdorp-2026/proposals/partij-a.yml:4: onbekende bron voor partij-a 'advies-b' — kies uit: programma-a",
        "site-data/testdorp-2026/proposals/partij-a.yml:8: onbekende bron voor partij-a 'advies-b' — kies uit: programma-a",
    ),
    "too long a title": (
        lambda d: edit(d, PROPOSALS, "title: 30 km/u binnen de singels", "title: " + "lang " * 50),
        "site-data/testdorp-2026/proposals/partij-a.yml:9: title: tekst is te lang (meer dan 200 tekens) — maak de tekst korter",
    ),
    "empty text": (
        lambda d: edit(d, PROPOSALS, "title: 30 km/u binnen de singels", "title: ''"),
        "site-data/testdorp-2026/proposals/partij-a.yml:9: title: mag niet leeg zijn — vul een tekst in",
    ),
    "colour": (
        lambda d: edit(d, ACTORS, "kind: partij", "kind: partij\n  colour: paars"),
        "site-data/testdorp-2026/actors.yml:4: colour: 'paars' is geen kleur — schrijf een kleur als '#502379'",
    ),
    "web address": (
        lambda d: edit(d, ACTORS, "kind: partij", "kind: partij\n  website: www.partij-a.nl"),
        "site-data/testdorp-2026/actors.yml:4: website: 'www.partij-a.nl' is geen webadres — begin met https://",
    ),
    "whole number": (
        lambda d: edit(d, ELECTION, "intro:", "order: eerste\nintro:"),
        "site-data/testdorp-2026/election.yml:4: order: 'eerste' is geen heel getal — schrijf een getal zonder punt of komma, zoals 2",
    ),
    "list with nothing in it": (
        lambda d: edit(d, ACTORS, "sources: [advies-b]", "sources: []"),
        "site-data/testdorp-2026/actors.yml:11: sources: hier hoort een lijst met minstens één item"
        " — zet elk item op een eigen regel met '- ' ervoor",
    ),
    "fields expected": (
        lambda d: edit(d, ELECTION, "stemhulp:\n  actors: [partij-a, raad-b]", "stemhulp: ja"),
        "site-data/testdorp-2026/election.yml:5: stemhulp: hier horen velden (naam: waarde) — spring de velden eronder in met twee spaties",
    ),
    "tab": (
        lambda d: edit(d, PROPOSALS, "    theme: wonen", "\ttheme: wonen"),
        "site-data/testdorp-2026/proposals/partij-a.yml:4: tab gevonden; YAML gebruikt spaties om in te springen — vervang de tab door spaties",
    ),
    "colon in plain text": (
        lambda d: edit(d, PROPOSALS, "title: 30 km/u binnen de singels", "title: Let op: 30 km/u"),
        "site-data/testdorp-2026/proposals/partij-a.yml:9: ongeldige YAML: mapping values are not allowed here"
        " — zet tekst met een dubbele punt tussen aanhalingstekens, of gebruik '>-' en zet de tekst op de volgende regel",
    ),
    "reference to an actor without proposals": (
        lambda d: (d / "testdorp-2026" / "proposals" / "raad-b.yml").unlink(),
        "site-data/testdorp-2026/statements.yml:11: onbekend voorstel van raad-b 'dertig-overal'"
        " — er is nog niets om uit te kiezen; voeg het eerst toe",
    ),
    "no election at all": (
        lambda d: (d / ELECTION).unlink(),
        "site-data:1: geen enkele verkiezing gevonden — maak een map met een election.yml",
    ),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_each_kind_of_mistake_reads_file_line_problem_and_fix(data_dir, kind):
    make_mistake, *expected = CASES[kind]
    make_mistake(data_dir)
    problems = check(data_dir).problems
    assert [str(p) for p in problems] == expected


def test_no_problem_comes_without_a_suggestion(tmp_path):
    """Each kind above, and a few at once: every message says what to do."""
    everything = []
    for number, (make_mistake, *_) in enumerate(CASES.values()):
        data = make_data(tmp_path / str(number))
        make_mistake(data)
        everything += check(data).problems
    data = make_data(tmp_path / "together")
    edit(data, "testdorp-2026/statements.yml", "theme: mobiliteit", "theme: verkeer")
    edit(data, PROPOSALS, "theme: wonen", "theme: woonen")
    edit(data, ACTORS, "kind: adviesraad", "kind: raad")
    everything += check(data).problems
    assert len(everything) >= len(CASES) + 3
    assert [str(p) for p in everything if not p.hint] == []


def test_annotation_escapes_what_github_would_misread():
    problem = Problem("site-data/a,b:c.yml", 7, "100% fout:\nregel", "kies 'x', of 'y'")
    assert annotation(problem) == (
        "::error file=site-data/a%2Cb%3Ac.yml,line=7,title=Fout in de gegevens::100%25 fout:%0Aregel — kies 'x', of 'y'"
    )


def test_check_in_github_actions_puts_each_error_on_its_line(data_dir):
    edit(data_dir, PROPOSALS, "theme: wonen", "theme: woonen")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    plain = subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=data_dir.parent, capture_output=True, text=True, env=env)
    assert "::error" not in plain.stdout + plain.stderr
    ci = subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=data_dir.parent, capture_output=True, text=True, env={**env, "GITHUB_ACTIONS": "true"})
    assert ci.returncode == 1
    assert ci.stdout == (
        "::error file=site-data/testdorp-2026/proposals/partij-a.yml,line=4,title=Fout in de gegevens"
        "::onbekend thema 'woonen' — bedoelde je 'wonen'?\n"
    )
    assert "site-data/testdorp-2026/proposals/partij-a.yml:4: onbekend thema 'woonen' — bedoelde je 'wonen'?" in ci.stderr
