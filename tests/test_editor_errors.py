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
from generator.problems import Note, Problem

from helpers import ROOT, make_data, write

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


# -- YAML layout: the mistakes of the editor trial (shared/reviews/editor-trial.md), each on the line to change ----
#
# A new proposal as the finder prints it, pasted after the last one of partij-a.yml (lines 11-16):
NEW = """\
  - id: autoluwe-binnenstad
    theme: mobiliteit
    title: Autoluwe binnenstad onderzoeken
    quote: >-
      Binnen de singels wordt 30 km/u de norm. We
      onderzoeken een autoluwe binnenstad.
"""
FILE = f"site-data/{PROPOSALS}"


def paste(data: Path, entry: str = NEW) -> None:
    path = data / PROPOSALS
    path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")


def pasted_with(old: str, new: str):
    assert old in NEW, f"test set-up: {old!r} not in the new entry"
    return lambda data: paste(data, NEW.replace(old, new, 1))


YAML_MISTAKES = {
    # 3d: lines copied from the .txt into the web editor, without indentation
    "text under 'quote: >-' not indented": (
        pasted_with("      Binnen de singels wordt 30 km/u de norm. We\n      onderzoeken", "Binnen de singels wordt 30 km/u de norm. We\nonderzoeken"),
        f"{FILE}:15: de tekst onder 'quote: >-' springt niet in — zet 6 spaties voor elke regel van de tekst: 2 meer dan voor 'quote:'",
    ),
    # 5c: one line of the quote indented 4 instead of 6
    "one quote line indented too little": (
        pasted_with("      onderzoeken", "    onderzoeken"),
        f"{FILE}:16: deze regel van de tekst bij 'quote:' springt te weinig in — zet 6 spaties voor elke regel van de tekst, net als op regel 15",
    ),
    # 5a: a field indented 2 too far
    "field indented 2 too far": (
        pasted_with("    theme:", "      theme:"),
        f"{FILE}:12: 'theme:' springt 2 spaties verder in dan 'id:' op regel 11 — zet 'theme:' recht onder 'id:', op 4 spaties",
    ),
    # 5b: a field indented 1 too little
    "field indented 1 too little": (
        pasted_with("    theme:", "   theme:"),
        f"{FILE}:12: 'theme:' springt 1 spatie minder ver in dan 'id:' op regel 11 — zet 'theme:' recht onder 'id:', op 4 spaties",
    ),
    # 5d: the new entry pasted at column 0
    "new entry pasted at column 0": (
        lambda data: paste(data, "\n".join(line[2:] for line in NEW.split("\n"))),
        f"{FILE}:11: '- id:' springt 2 spaties minder ver in dan de andere items (regel 7)"
        " — zet '- ' op 2 spaties, net als op regel 7, en spring de regels eronder even ver mee in",
    ),
    "colon in plain text": (
        pasted_with("title: Autoluwe", "title: Let op: autoluwe"),
        f"{FILE}:13: dubbele punt in de tekst van 'title:' — YAML leest 'woord: ' als een nieuw veld; zet de hele tekst tussen aanhalingstekens,"
        " zoals title: \"Let op: autoluwe binnenstad onderzoeken\", of gebruik '>-' en zet de tekst op de volgende regel",
    ),
    "no space after the colon": (
        pasted_with("title: Autoluwe", "title:Autoluwe"),
        f"{FILE}:13: na 'title:' ontbreekt een spatie — schrijf 'title: Autoluwe binnenstad onderzoeken', met een spatie na de dubbele punt",
    ),
    # 6
    "tab": (
        pasted_with("    theme:", "\ttheme:"),
        f"{FILE}:12: tab gevonden; YAML gebruikt spaties om in te springen — vervang de tab door spaties",
    ),
    "unclosed quotation mark": (
        pasted_with("title: Autoluwe binnenstad onderzoeken", 'title: "Autoluwe binnenstad onderzoeken'),
        f"{FILE}:13: het aanhalingsteken (\") aan het begin van de tekst wordt niet gesloten — zet ook een \" aan het eind van de tekst, of haal het eerste weg",
    ),
    "quotation mark closed before the end of the text": (
        pasted_with("title: Autoluwe binnenstad onderzoeken", 'title: "Autoluwe" binnenstad onderzoeken'),
        f"{FILE}:13: de tekst van 'title:' begint met een aanhalingsteken, dus YAML leest alleen \"Autoluwe\" als tekst"
        " — gebruik '>-' en zet de tekst op de volgende regel, 6 spaties ingesprongen; dan mogen er aanhalingstekens in",
    ),
    "list item without '- ' (under the fields)": (
        pasted_with("  - id:", "    id:"),
        f"{FILE}:11: dubbele sleutel 'id' — begint hier een nieuw item? Zet dan '- ' voor 'id:', net als bij de andere items",
    ),
    "list item without '- ' (at the dash)": (
        pasted_with("  - id:", "  id:"),
        f"{FILE}:11: hier begint een nieuw item zonder '- ' — schrijf '- id:' op 2 spaties, net als op regel 7",
    ),
    "no space after the dash": (
        pasted_with("  - id:", "  -id:"),
        f"{FILE}:11: na het streepje van '-id' ontbreekt een spatie — schrijf '- id'",
    ),
    "text on the line of 'quote: >-'": (
        pasted_with("quote: >-", "quote: >- Binnen de singels"),
        f"{FILE}:14: na '>-' mag niets meer op de regel staan — zet de tekst op de volgende regel, 6 spaties ingesprongen",
    ),
    "position indented too little under its actor": (
        lambda data: edit(data, "testdorp-2026/statements.yml", "      position: eens", "    position: eens"),
        "site-data/testdorp-2026/statements.yml:10: 'position:' hoort onder 'raad-b:' maar springt niet verder in"
        " — zet 'position:' op 6 spaties, net als 'proposals:' op regel 11",
    ),
}


def test_the_new_entry_itself_is_valid(data_dir):
    paste(data_dir)
    assert check(data_dir).problems == []


@pytest.mark.parametrize("kind", list(YAML_MISTAKES))
def test_each_yaml_mistake_is_told_on_the_line_to_change(data_dir, kind):
    make_mistake, expected = YAML_MISTAKES[kind]
    make_mistake(data_dir)
    assert [str(p) for p in check(data_dir).problems] == [expected]


# -- values that YAML reads otherwise than the editor meant --------------------------------------

def test_text_after_a_hash_is_a_warning_that_says_how_to_keep_it(data_dir):
    paste(data_dir, NEW.replace("title: Autoluwe binnenstad onderzoeken", "title: Autoluwe binnenstad onderzoeken #klimaat"))
    checked = check(data_dir)
    assert checked.problems == []
    assert [str(note) for note in checked.notes] == [
        f"{FILE}:13: let op: YAML leest alles vanaf ' #' als opmerking: de tekst is «Autoluwe binnenstad onderzoeken», zonder «#klimaat»"
        " — hoort '#klimaat' bij de tekst? Zet de hele tekst tussen aanhalingstekens: \"Autoluwe binnenstad onderzoeken #klimaat\"."
        " Is het een opmerking? Zet er twee spaties voor: '  # …'"
    ]


def test_a_comment_written_as_one_is_no_warning(data_dir):
    paste(data_dir, NEW.replace("title: Autoluwe binnenstad onderzoeken", "title: Autoluwe binnenstad onderzoeken  # korter?")
          .replace("theme: mobiliteit", "theme: mobiliteit  # zoals andere voorstellen uit 'Verkeer'; klopt dat?"))
    checked = check(data_dir)
    assert (checked.problems, checked.notes) == ([], [])


def test_yes_and_no_stay_words_and_true_false_are_told_in_words(data_dir):
    edit(data_dir, "testdorp-2026/statements.yml", "position: eens", "position: no")
    edit(data_dir, PROPOSALS, "title: 30 km/u binnen de singels", "title: true")
    edit(data_dir, ACTORS, "on_ballot: true", "on_ballot: ja")
    problems = [str(p) for p in check(data_dir).problems]
    assert problems == [
        "site-data/testdorp-2026/actors.yml:4: on_ballot: 'ja' is geen ja/nee-waarde — schrijf true (ja) of false (nee)",
        f"{FILE}:9: title: true is een ja/nee-waarde, geen tekst — zet de tekst tussen aanhalingstekens, zoals title: \"true\"",
        "site-data/testdorp-2026/statements.yml:10: positions.raad-b.position: 'no' is geen geldige waarde — kies uit: eens, neutraal, oneens, geen standpunt",
    ]
    assert not any("False" in problem or "True" in problem for problem in problems)


def test_yes_is_text_where_text_belongs(data_dir):
    edit(data_dir, PROPOSALS, "title: 30 km/u binnen de singels", "title: Yes")
    checked = check(data_dir)
    assert checked.problems == []
    assert next(p.title for p in checked.site.elections[0].proposals if p.id == "dertig-kmu") == "Yes"


@pytest.mark.parametrize("written", ["financiën", "Wonen", "WONEN "])
def test_an_id_with_capitals_or_accents_gets_the_id_it_meant(data_dir, written):
    meant = "financien" if "ë" in written else "wonen"
    edit(data_dir, PROPOSALS, "theme: wonen", f"theme: '{written}'")
    assert [str(p) for p in check(data_dir).problems] == [
        f"{FILE}:4: theme: '{written}' is geen geldige id — bedoelde je '{meant}'?"
        " gebruik alleen de letters a tot z zonder accenten, cijfers en enkele streepjes, zoals 'sociale-huur'"
    ]


def test_an_unknown_actor_without_a_close_match_lists_the_actors(data_dir):
    edit(data_dir, "testdorp-2026/statements.yml", "    raad-b:", "    groenlinks-testdorp:")
    edit(data_dir, "testdorp-2026/statements.yml", "    partij-a:", "    partij-aa:")
    assert [str(p) for p in check(data_dir).problems] == [
        "site-data/testdorp-2026/statements.yml:7: onbekende actor 'partij-aa' — bedoelde je 'partij-a'?",
        "site-data/testdorp-2026/statements.yml:10: onbekende actor 'groenlinks-testdorp'"
        " — 'groenlinks-testdorp' staat niet in actors.yml; kies uit: partij-a, raad-b",
    ]


def test_a_proposal_of_another_actor_says_whose_it_is(data_dir):
    edit(data_dir, "testdorp-2026/statements.yml", "proposals: [dertig-kmu]", "proposals: [dertig-overal]")
    assert [str(p) for p in check(data_dir).problems] == [
        "site-data/testdorp-2026/statements.yml:8: voorstel 'dertig-overal' is van raad-b, niet van partij-a"
        " — zet het bij het standpunt van raad-b, of noem hier een voorstel van partij-a"
    ]


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings_are_read(data_dir, ending):
    for path in [data_dir / PROPOSALS, data_dir / "testdorp-2026" / "statements.yml", data_dir / "testdorp-2026" / "bronnen" / "programma-a.txt"]:
        path.write_bytes(path.read_bytes().replace(b"\n", ending.encode()))
    checked = check(data_dir)
    assert (checked.problems, checked.notes) == ([], [])
    located = checked.locations[("testdorp-2026", "partij-a", "dertig-kmu")]
    assert (located.line, located.page, located.section) == (6, 2, "Verkeer")


def test_gitattributes_stores_text_with_lf_and_leaves_images_alone():
    names = ["site-data/leiden-2026/proposals/volt-leiden.yml", "site-data/leiden-2026/bronnen/volt-leiden-2026-2030.txt", "Makefile", "x.png", "x.pdf"]
    result = subprocess.run(["git", "check-attr", "text", "eol", "--", *names], cwd=ROOT, capture_output=True, text=True, check=True)
    attributes = dict((line.split(": ")[0] + ":" + line.split(": ")[1], line.split(": ")[2]) for line in result.stdout.splitlines())
    for name in names[:3]:
        assert (attributes[f"{name}:text"], attributes[f"{name}:eol"]) == ("auto", "lf")
    for name in names[3:]:
        assert attributes[f"{name}:text"] == "unset"


# -- a quote pasted with quotation marks: a note, not an error, and the site shows it without them ----

def test_a_quote_between_quotation_marks_is_a_note_and_checks_green(data_dir):
    edit(data_dir, PROPOSALS, "quote: Binnen de singels wordt 30 km/u de norm.", "quote: “Binnen de singels wordt 30 km/u de norm.”")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true"}
    result = subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=data_dir.parent, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    note = "het citaat staat tussen aanhalingstekens; de site laat ze weg — haal de aanhalingstekens aan het begin en eind van het citaat weg"
    assert f"{FILE}:10: let op: {note}" in result.stderr
    assert "1 waarschuwing(en)" in result.stderr
    assert result.stdout.startswith(f"::warning file={FILE},line=10,title=Let op::{note}\n")
    assert "Alles in orde" in result.stdout
    shown = check(data_dir).site.elections[0].proposals
    assert next(p.quote for p in shown if p.id == "dertig-kmu") == "Binnen de singels wordt 30 km/u de norm."


def test_note_annotation_is_a_warning():
    assert annotation(Note("site-data/a.yml", 3, "let op dit", "doe dat")) == "::warning file=site-data/a.yml,line=3,title=Let op::let op dit — doe dat"


# -- a repeated id: the error sits on the proposal the editor added, never on the published one ----

SAME_ID_ABOVE = """\
  - id: dertig-kmu
    theme: wonen
    title: Een nieuw voorstel met een bestaand id
    quote: We bouwen in deze periode 1.000 nieuwe sociale huurwoningen.
"""


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Redacteur", "-c", "user.email=r@example.org", *args], cwd=root, check=True, capture_output=True)


def add_above_the_published_one(data: Path) -> None:
    edit(data, PROPOSALS, "proposals:\n", "proposals:\n" + SAME_ID_ABOVE)


def test_duplicate_id_is_reported_on_the_new_proposal_not_in_the_last_commit(tmp_path):
    data = make_data(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "gepubliceerd")
    add_above_the_published_one(data)
    expected = [
        f"{FILE}:3: voorstel 'dertig-kmu' bestaat al ({FILE}:11)"
        " — geef dit nieuwe voorstel een ander id; het voorstel op regel 11 staat al online: verander dat id nooit"
    ]
    assert [str(p) for p in check(data).problems] == expected
    # Committed on the editor's branch (or checked out as a pull request's merge commit): the parent tells.
    git(tmp_path, "commit", "-qam", "nieuw voorstel")
    assert [str(p) for p in check(data).problems] == expected


def test_duplicate_id_without_git_is_reported_on_the_later_one(data_dir):
    add_above_the_published_one(data_dir)
    assert [str(p) for p in check(data_dir).problems] == [
        f"{FILE}:11: voorstel 'dertig-kmu' bestaat al ({FILE}:3) — geef dit voorstel een ander id; een id moet uniek zijn"
    ]


def test_duplicate_id_in_another_file_names_that_file(tmp_path):
    data = make_data(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "gepubliceerd")
    write(data / "testdorp-2026" / "proposals" / "a-extra.yml", "actor: partij-a\nproposals:\n" + SAME_ID_ABOVE)
    assert [str(p) for p in check(data).problems] == [
        "site-data/testdorp-2026/proposals/a-extra.yml:3: voorstel 'dertig-kmu' bestaat al"
        f" ({FILE}:7) — geef dit nieuwe voorstel een ander id; het voorstel op {FILE}:7 staat al online: verander dat id nooit"
    ]
