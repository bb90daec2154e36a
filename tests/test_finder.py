"""The quote finder: a few remembered words (typos allowed) → passages with page and section → a proposal that passes the check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.build import check
from generator.editor.entry import entry_for
from generator.editor.finder import FinderError, Widen, find, uncited

from helpers import ROOT, make_data, make_project, run, write

PROPOSALS = "testdorp-2026/proposals/partij-a.yml"


def search(data: Path, phrase: str, **filters):
    checked = check(data)
    site = checked.site
    assert checked.problems == []
    return site, checked, find(site, checked.locations, phrase, **filters)


def test_finds_a_passage_across_a_line_break_despite_typos(data_dir):
    # The source has "We\nonderzoeken een autoluwe binnenstad."; the editor types two typos.
    _, _, hits = search(data_dir, "autolwe binnestad")
    best = hits[0]
    assert best.quote == "We onderzoeken een autoluwe binnenstad."
    assert (best.source.id, best.location.page, best.location.section, best.location.line) == ("programma-a", 2, "Verkeer", 6)
    assert best.match == "autoluwe binnenstad"
    assert 80 <= best.score < 100
    assert best.cited_by == ()


def test_finds_a_word_hyphenated_over_two_lines(data_dir):
    # "sociale huur-\nwoningen": a soft hyphen at the line end, resolved as the quote check does.
    _, _, hits = search(data_dir, "nieuwe sociale huurwoningen")
    assert hits[0].quote == "We bouwen in deze periode 1.000 nieuwe sociale huurwoningen."
    assert hits[0].cited_by == ("sociale-huur",)
    assert hits[0].score == 100


def test_keywords_in_another_order_find_the_passage_just_below_a_phrase(data_dir):
    _, _, hits = search(data_dir, "binnenstad onderzoken")
    assert hits[0].quote == "We onderzoeken een autoluwe binnenstad."
    assert hits[0].match == "onderzoeken een autoluwe binnenstad"
    assert 90 <= hits[0].score <= 95


def test_a_phrase_over_two_sentences_gives_both_sentences(data_dir):
    _, _, hits = search(data_dir, "30 km/u de norm. We onderzoeken")
    assert hits[0].quote == "Binnen de singels wordt 30 km/u de norm. We onderzoeken een autoluwe binnenstad."


def test_quote_keeps_the_typography_of_the_source(data_dir):
    _, _, hits = search(data_dir, "grote opgave")
    assert hits[0].quote == "Dat is een ‘grote’ opgave."


def test_a_very_long_sentence_is_cut_around_the_hit_and_still_found(tmp_path):
    filler = " ".join(f"woord{i}" for i in range(200))
    data = make_data(tmp_path, extra_source=f"Dit is een lange zin met {filler} en daarna de zeldzame fietsenstalling onder de markt en nog {filler} tot het eind.\n")
    _, _, hits = search(data, "fietsenstalling onder de markt")
    quote = hits[0].quote
    assert quote.startswith("… ") and quote.endswith(" …")
    assert "de zeldzame fietsenstalling onder de markt en nog" in quote
    assert len(quote) < 800


def test_filters_by_actor_and_election(data_dir):
    _, _, hits = search(data_dir, "sociale huurwoningen", actor="raad-b")
    assert {h.source.id for h in hits} == {"advies-b"}
    with pytest.raises(FinderError, match="onbekende actor 'raad-c'; kies uit: partij-a, raad-b"):
        search(data_dir, "sociale huurwoningen", actor="raad-c")
    with pytest.raises(FinderError, match="onbekende verkiezing 'testdorp'"):
        search(data_dir, "sociale huurwoningen", election="testdorp")
    with pytest.raises(FinderError, match="een paar woorden"):
        search(data_dir, "de")


def test_entry_without_a_title_leaves_id_and_title_to_the_editor(data_dir):
    site, checked, hits = search(data_dir, "autolwe binnestad")
    entry = entry_for(hits[0], site, checked.locations)
    assert entry.file == f"site-data/{PROPOSALS}"
    assert entry.after == ("dertig-kmu", 7)
    assert entry.text.startswith("  - id:  # een korte id uit de titel, zoals 'fietsparkeren-station'; hij wordt een webadres\n")
    assert "    theme: mobiliteit  # zoals andere voorstellen uit 'Verkeer'; klopt dat?\n" in entry.text
    assert yaml.safe_load(entry.text) == [
        {"id": None, "theme": "mobiliteit", "title": None, "quote": "We onderzoeken een autoluwe binnenstad."}
    ]
    proposals = data_dir / PROPOSALS
    proposals.write_text(proposals.read_text(encoding="utf-8") + entry.text, encoding="utf-8")
    problems = check(data_dir).problems
    assert [str(p) for p in problems] == [
        f"site-data/{PROPOSALS}:11: id: hier hoort een id — maak een korte id van de titel, in kleine letters met streepjes, zoals 'sociale-huur'",
        f"site-data/{PROPOSALS}:13: title: hier hoort tekst — zet de tekst achter de dubbele punt, eventueel tussen aanhalingstekens",
    ]
    text = proposals.read_text(encoding="utf-8").replace("  - id:  #", "  - id: autoluwe-binnenstad  #")
    proposals.write_text(text.replace("    title:  #", "    title: Autoluwe binnenstad onderzoeken  #"), encoding="utf-8")
    checked = check(data_dir)
    assert (checked.problems, checked.notes) == ([], [])  # the comments the finder wrote are no warning


def test_entry_takes_its_id_from_the_title_not_from_the_matched_words(data_dir):
    site, checked, hits = search(data_dir, "autolwe binnestad")
    entry = entry_for(hits[0], site, checked.locations, title="Onderzoek: een binnenstad zonder auto's")
    assert yaml.safe_load(entry.text) == [
        {"id": "onderzoek-een-binnenstad-zonder-auto-s", "theme": "mobiliteit", "title": "Onderzoek: een binnenstad zonder auto's", "quote": "We onderzoeken een autoluwe binnenstad."}
    ]
    taken = entry_for(hits[0], site, checked.locations, title="Dertig km/u")
    assert yaml.safe_load(taken.text)[0]["id"] == "dertig-km-u"
    again = entry_for(hits[0], site, checked.locations, title="Sociale huur")
    assert yaml.safe_load(again.text)[0]["id"] == "sociale-huur-2"  # partij-a has 'sociale-huur' already


def test_entry_for_an_actor_without_proposals_is_a_whole_new_file(data_dir):
    (data_dir / "testdorp-2026" / "proposals" / "raad-b.yml").unlink()
    write(data_dir / "testdorp-2026" / "statements.yml", "[]\n")
    site, checked, hits = search(data_dir, "adviseren 30 km/u in de hele stad")
    entry = entry_for(hits[0], site, checked.locations)
    assert entry.new_file and entry.file == "site-data/testdorp-2026/proposals/raad-b.yml"
    assert entry.text.startswith("# yaml-language-server: $schema=../../../schema/testdorp-2026/proposals.schema.json\nactor: raad-b\nsource: advies-b\nproposals:\n  - id: ")
    filled = entry.text.replace("id:  #", "id: overal-dertig  #").replace("theme:  #", "theme: mobiliteit  #").replace("title:  #", "title: Overal 30  #")
    (data_dir / "testdorp-2026" / "proposals" / "raad-b.yml").write_text(filled, encoding="utf-8")
    assert check(data_dir).problems == []


def test_finds_a_curated_quote_in_the_real_data():
    checked = check(ROOT / "site-data")
    site = checked.site
    assert checked.problems == []
    hits = find(site, checked.locations, "wethouder europse zaken als eerste stad", election="leiden-2026")
    best = hits[0]
    assert best.source.id == "volt-leiden-2026-2030"
    assert best.location.section == "1. Wethouder Europese Zaken"
    assert "wethouder-europese-zaken" in best.cited_by
    assert "Wij willen daarom voor Leiden een wethouder Europese Zaken als eerste stad ooit." in best.quote


def test_cli_shows_passages_and_the_entry(data_dir):
    result = run("vind", "autolwe binnestad", cwd=data_dir.parent)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert 'passages voor "autolwe binnestad", de beste eerst:' in out
    assert "1. Partij A · Programma A" in out
    assert "pagina 2 · hoofdstuk 'Verkeer' · regel 6 van de brontekst" in out
    assert "«We onderzoeken een autoluwe binnenstad.»" in out
    assert f"Plak het in site-data/{PROPOSALS}, onder 'proposals:', na het voorstel 'dertig-kmu' (dat begint op regel 7)" in out.replace("\n", " ")
    assert out.endswith("    quote: >-\n      We onderzoeken een autoluwe binnenstad.\n")


def test_cli_warns_when_the_passage_is_already_quoted(data_dir):
    result = run("vind", "nieuwe sociale huurwoningen", "--actor", "partij-a", cwd=data_dir.parent)
    assert "Al geciteerd in: sociale-huur" in result.stdout
    assert (
        'Let op: passage 1 staat al in voorstel sociale-huur. Kies een andere met --kies N (met make: OPTIES="--kies 2"),'
        " of toon alleen nieuwe passages met --nieuw."
    ) in result.stdout.replace("\n", " ")


def test_cli_errors_say_what_to_do(data_dir):
    nothing = run("vind", "kernenergie centrale", cwd=data_dir.parent)
    assert nothing.returncode == 1
    assert 'Niets gevonden voor "kernenergie centrale". Probeer minder of andere woorden.' in nothing.stderr
    unknown = run("vind", "sociale huur", "--actor", "partij-x", cwd=data_dir.parent)
    assert unknown.returncode == 2
    assert "Zoeken lukt niet: onbekende actor 'partij-x'; kies uit: partij-a, raad-b" in unknown.stderr


def test_newcomer_adds_a_found_quote_misspells_the_theme_and_gets_a_green_build(tmp_path):
    """The issue's 'done when': finder → paste → precise error on a misspelt theme → fix → strict build."""
    data = make_data(tmp_path)
    make_project(tmp_path, data=data)
    found = run("vind", "autolwe binnestad", "--titel", "Een autoluwe binnenstad", "--yaml", cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    pasted = found.stdout.replace("theme: mobiliteit", "theme: mobilitiet")
    proposals = data / PROPOSALS
    proposals.write_text(proposals.read_text(encoding="utf-8") + pasted, encoding="utf-8")
    line = proposals.read_text(encoding="utf-8").split("\n").index("    theme: mobilitiet  # zoals andere voorstellen uit 'Verkeer'; klopt dat?") + 1

    failed = run("check", cwd=tmp_path)
    assert failed.returncode == 1
    assert f"site-data/{PROPOSALS}:{line}: onbekend thema 'mobilitiet' — bedoelde je 'mobiliteit'?" in failed.stderr

    proposals.write_text(proposals.read_text(encoding="utf-8").replace("mobilitiet", "mobiliteit"), encoding="utf-8")
    built = run("build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site" / "testdorp-2026" / "wie" / "partij-a" / "een-autoluwe-binnenstad" / "index.html").read_text(encoding="utf-8")
    assert "We onderzoeken een autoluwe binnenstad." in page
    assert "Een autoluwe binnenstad" in page


# -- finding what nobody quotes yet ---------------------------------------------------------------

def test_nieuw_hides_passages_that_are_quoted_already(data_dir):
    _, _, every = search(data_dir, "sociale huurwoningen")
    assert {hit.cited_by for hit in every} >= {("sociale-huur",), ()}
    _, _, new = search(data_dir, "sociale huurwoningen", uncited_only=True)
    assert new and all(hit.cited_by == () for hit in new)
    assert [hit.quote for hit in new] == [hit.quote for hit in every if not hit.cited_by]


def test_cli_nieuw_says_when_everything_is_quoted(data_dir):
    result = run("vind", "nieuwe sociale huurwoningen", "--actor", "partij-a", "--nieuw", cwd=data_dir.parent)
    assert result.returncode == 1
    assert 'Niets gevonden die nog niet geciteerd zijn voor "nieuwe sociale huurwoningen".' in result.stderr


def test_a_short_word_is_not_found_inside_another_word(tmp_path):
    data = make_data(tmp_path, extra_source="We handhaven de regels. De studenten studeren hier. Wij willen meer dieren in de stad.\n")
    _, _, hits = search(data, "haven")
    assert hits == []
    _, _, hits = search(data, "dieren")
    assert [hit.match for hit in hits] == ["dieren"]


def test_a_real_word_inside_a_longer_one_is_no_match_in_the_real_data():
    checked = check(ROOT / "site-data")
    assert "handhaven" in (ROOT / "site-data" / "leiden-2026" / "bronnen" / "coalitieakkoord-leiden-2022-2026.txt").read_text(encoding="utf-8")
    assert find(checked.site, checked.locations, "haven") == []
    assert {hit.match for hit in find(checked.site, checked.locations, "dieren")} == {"dieren", "dierenwelzijn"}


def test_widening_takes_the_next_sentences_or_the_whole_bullet():
    # The trial's Toelichting 1 of §7.2 (L1397-1405): three sentences, found by words of the second.
    checked = check(ROOT / "site-data")
    def quote(widen: Widen) -> str:
        return find(checked.site, checked.locations, "budget vergroeningsinitiatieven circulaire economie", actor="coalitie-leiden", widen=widen)[0].quote
    sentence = "Daarnaast maken we incidenteel budget vrij voor vergroeningsinitiatieven en circulaire economie."
    following = "We investeren in een tweede groene ring en stellen extra middelen beschikbaar voor het verder verduurzamen van ons gemeentelijk vastgoed."
    assert quote(Widen()) == sentence
    assert quote(Widen(following=1)) == f"{sentence} {following}"
    assert quote(Widen(following=5)) == f"{sentence} {following}"  # no further than the end of the bullet
    bullet = quote(Widen(paragraph=True))
    assert bullet.startswith("1. Op het thema klimaat, groen en energie reserveren we extra budget voor klimaatadaptieve maatregelen")
    assert bullet.endswith(f"{sentence} {following}")


def test_a_widened_quote_passes_the_check(data_dir):
    result = run("vind", "30 km/u de norm", "--actor", "partij-a", "--zinnen", "1", "--titel", "Dertig en autoluw", "--yaml", cwd=data_dir.parent)
    assert result.returncode == 0, result.stderr
    entry = yaml.safe_load(result.stdout)[0]
    assert entry["quote"] == "Binnen de singels wordt 30 km/u de norm. We onderzoeken een autoluwe binnenstad."
    proposals = data_dir / PROPOSALS
    proposals.write_text(proposals.read_text(encoding="utf-8") + result.stdout, encoding="utf-8")
    assert check(data_dir).problems == []


def test_uncited_lists_sentences_without_a_proposal_with_page_and_chapter(tmp_path):
    data = make_data(tmp_path, extra_source="Losse kop\nWe planten duizend bomen in de wijken.\nTabel 3\n")
    checked = check(data)
    found = uncited(checked.site, checked.locations, "partij-a")
    assert [(s.text, s.page, s.section, s.line) for s in found.sentences] == [
        ("Dat is een ‘grote’ opgave.", 1, "Inleiding", 4),
        ("We onderzoeken een autoluwe binnenstad.", 2, "Verkeer", 6),
        ("We planten duizend bomen in de wijken.", 2, "Verkeer", 9),
    ]
    # Skipped: the headings ('1.', 'Inleiding', '2.', 'Verkeer', 'Losse kop') and the caption 'Tabel 3'.
    assert (found.total, found.cited, found.skipped) == (11, 2, 6)


def test_cli_ongeciteerd_prints_a_to_do_list_for_the_real_data():
    result = run("ongeciteerd", "coalitie-leiden", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    count = int(lines[0].split(": ")[1].split()[0])
    assert lines[0] == f"Coalitieakkoord 2022-2026 (GroenLinks, D66, PvdA en CDA) (coalitie-leiden): {count} zinnen staan nog in geen voorstel."
    assert count > 100
    assert sum(line.startswith("  regel ") for line in lines) == count
    assert "Beleidsakkoord" in lines[3] and " · pagina " in lines[3]
    # The trial's find: Toelichting 1 of §7.2 was not quoted yet.
    text = (ROOT / "site-data" / "leiden-2026" / "bronnen" / "coalitieakkoord-leiden-2022-2026.txt").read_text(encoding="utf-8").split("\n")
    line = next(number for number, words in enumerate(text, start=1) if "Daarnaast maken we incidenteel" in words)
    assert f"regel {line}: «Daarnaast maken we incidenteel budget vrij voor vergroeningsinitiatieven en circulaire economie.»" in " ".join(result.stdout.split())
    assert not any("«Tabel:" in line or "«Toelichting:»" in line for line in lines)  # captions and headings are left out
    assert result.stdout.rstrip().endswith("--nieuw --titel 'Een korte titel'\"")


def test_cli_ongeciteerd_unknown_actor(data_dir):
    result = run("ongeciteerd", "partij-x", cwd=data_dir.parent)
    assert result.returncode == 2
    assert "Dat lukt niet: onbekende actor 'partij-x'; kies uit: partij-a, raad-b" in result.stderr


@pytest.mark.parametrize("command", [("vind", "de stad", "--max", "50"), ("ongeciteerd", "volt-den-haag"), ("coverage",), ("check",)])
def test_a_closed_pipe_ends_quietly(command):
    """`watwilwie … | head -1`: no traceback, whatever the command."""
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    writer = subprocess.run(
        [sys.executable, "-m", "generator.cli", *command], cwd=ROOT, stdout=reader.stdin, stderr=subprocess.PIPE, text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    reader.stdin.close()
    reader.wait()
    assert "Traceback" not in writer.stderr and "Error" not in writer.stderr, writer.stderr
    assert writer.returncode == 0
