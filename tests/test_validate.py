"""Validation: every kind of editor mistake gives `file:line: message — hint`, all at once."""

from pathlib import Path

from generator.build import check


def problems_after(data: Path, file: str, old: str, new: str) -> list[str]:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = check(data).problems
    return [str(p) for p in problems]


PROPOSALS = "testdorp-2026/proposals/partij-a.yml"
STATEMENTS = "testdorp-2026/statements.yml"


def test_valid_data_has_no_problems(data_dir):
    checked = check(data_dir)
    assert checked.problems == []
    assert len(checked.locations) == 4


def test_misspelled_theme_suggests_the_right_one(data_dir):
    assert problems_after(data_dir, PROPOSALS, "theme: wonen", "theme: woonen") == [
        "site-data/testdorp-2026/proposals/partij-a.yml:4: onbekend thema 'woonen' — bedoelde je 'wonen'?"
    ]


def test_unknown_theme_without_near_miss_lists_the_options(data_dir):
    assert problems_after(data_dir, PROPOSALS, "theme: wonen", "theme: zzz") == [
        "site-data/testdorp-2026/proposals/partij-a.yml:4: onbekend thema 'zzz' — kies uit: mobiliteit, wonen"
    ]


def test_misspelled_topic_suggests_the_right_one(data_dir):
    assert problems_after(data_dir, PROPOSALS, "theme: wonen\n", "theme: wonen\n    topic: aantal-woning\n") == [
        "site-data/testdorp-2026/proposals/partij-a.yml:5: onbekend onderwerp 'aantal-woning' — bedoelde je 'aantal-woningen'?"
    ]


def test_topic_of_another_theme_names_both_themes(data_dir):
    assert problems_after(data_dir, PROPOSALS, "theme: wonen\n", "theme: wonen\n    topic: snelheid\n") == [
        "site-data/testdorp-2026/proposals/partij-a.yml:5: onderwerp 'snelheid' hoort bij thema 'mobiliteit', niet bij 'wonen'"
        " — kies een onderwerp van 'wonen': aantal-woningen, studentenkamers, of verander het thema in 'mobiliteit'"
    ]


def test_duplicate_topic_id(data_dir):
    assert problems_after(data_dir, "themes.yml", "id: snelheid", "id: studentenkamers") == [
        "site-data/themes.yml:14: onderwerp 'studentenkamers' bestaat al (site-data/themes.yml:8) — geef dit onderwerp een ander id; een id moet uniek zijn"
    ]


def test_missing_field(data_dir):
    assert problems_after(data_dir, PROPOSALS, "    title: 1.000 nieuwe sociale huurwoningen\n", "") == [
        "site-data/testdorp-2026/proposals/partij-a.yml:3: veld 'title' ontbreekt — voeg 'title: …' toe"
    ]


def test_unknown_field_suggests_the_right_name(data_dir):
    assert problems_after(data_dir, PROPOSALS, "    title: 1.000", "    titel: 1.000") == [
        "site-data/testdorp-2026/proposals/partij-a.yml:3: veld 'title' ontbreekt — voeg 'title: …' toe",
        "site-data/testdorp-2026/proposals/partij-a.yml:5: onbekend veld 'titel' — bedoelde je 'title'?",
    ]


def test_bad_slug(data_dir):
    assert problems_after(data_dir, PROPOSALS, "id: sociale-huur", "id: Sociale Huur") == [
        "site-data/testdorp-2026/proposals/partij-a.yml:3: id: 'Sociale Huur' is geen geldige id"
        " — bedoelde je 'sociale-huur'? gebruik alleen de letters a tot z zonder accenten, cijfers en enkele streepjes, zoals 'sociale-huur'"
    ]


def test_duplicate_id(data_dir):
    assert problems_after(data_dir, "testdorp-2026/proposals/raad-b.yml", "id: vreemde-tekens", "id: dertig-overal") == [
        "site-data/testdorp-2026/proposals/raad-b.yml:7: voorstel 'dertig-overal' bestaat al"
        " (site-data/testdorp-2026/proposals/raad-b.yml:3) — geef dit voorstel een ander id; een id moet uniek zijn"
    ]


def test_broken_item_is_reported_once_not_at_every_reference(data_dir):
    # The proposal fails on its theme; the statement that cites it is not reported too.
    assert problems_after(data_dir, PROPOSALS, "    title: 30 km/u binnen de singels\n", "") == [
        "site-data/testdorp-2026/proposals/partij-a.yml:7: veld 'title' ontbreekt — voeg 'title: …' toe"
    ]


def test_wrong_type(data_dir):
    assert problems_after(data_dir, PROPOSALS, "title: 30 km/u binnen de singels", "title: [30, km]") == [
        "site-data/testdorp-2026/proposals/partij-a.yml:9: title: hier hoort tekst"
        " — zet de tekst achter de dubbele punt, eventueel tussen aanhalingstekens"
    ]


def test_invalid_choice_suggests_the_closest(data_dir):
    assert problems_after(data_dir, "testdorp-2026/actors.yml", "kind: adviesraad", "kind: adviesraaf") == [
        "site-data/testdorp-2026/actors.yml:9: kind: 'adviesraaf' is geen geldige waarde"
        " — bedoelde je 'adviesraad'? kies uit: partij, coalitie, adviesraad, overheid"
    ]


def test_bad_date(data_dir):
    assert problems_after(data_dir, "testdorp-2026/election.yml", "date: 2026-03-18", "date: 18 maart") == [
        "site-data/testdorp-2026/election.yml:3: date: '18 maart' is geen geldige datum — schrijf een datum als 2026-03-18"
    ]


def test_quote_not_in_source_shows_the_closest_passage_and_the_difference(data_dir):
    assert problems_after(data_dir, PROPOSALS, "Binnen de singels wordt 30 km/u de norm.", "Binnen de singels wordt 50 km/u de norm.") == [
        "site-data/testdorp-2026/proposals/partij-a.yml:10: citaat niet gevonden in bron 'programma-a'"
        " — meest gelijkende passage (brontekst regel 6): «Binnen de singels wordt 30 km/u de norm.»;"
        " in het citaat staat «50», in de bron «30»"
    ]


def test_unknown_proposal_in_a_statement(data_dir):
    assert problems_after(data_dir, STATEMENTS, "proposals: [dertig-kmu]", "proposals: [dertig-km]") == [
        "site-data/testdorp-2026/statements.yml:8: onbekend voorstel van partij-a 'dertig-km' — bedoelde je 'dertig-kmu'?"
    ]


def test_unknown_actor_in_a_statement(data_dir):
    assert problems_after(data_dir, STATEMENTS, "    raad-b:", "    raad-c:") == [
        "site-data/testdorp-2026/statements.yml:10: onbekende actor 'raad-c' — bedoelde je 'raad-b'?"
    ]


def test_stance_without_proposals(data_dir):
    assert problems_after(data_dir, STATEMENTS, "      proposals: [dertig-overal]\n", "") == [
        "site-data/testdorp-2026/statements.yml:10: standpunt 'eens' zonder onderbouwing"
        " — noem bij 'proposals' de id's van de voorstellen waaruit dit standpunt blijkt"
    ]


def test_no_position_with_proposals(data_dir):
    assert problems_after(data_dir, STATEMENTS, "position: eens", "position: geen standpunt") == [
        "site-data/testdorp-2026/statements.yml:11: bij 'geen standpunt' horen geen voorstellen"
        " — verwijder de voorstellen, of kies eens, neutraal of oneens"
    ]


def test_unknown_source_of_an_actor(data_dir):
    assert problems_after(data_dir, "testdorp-2026/actors.yml", "sources: [advies-b]", "sources: [advies-c]") == [
        "site-data/testdorp-2026/actors.yml:11: onbekende bron 'advies-c' — bedoelde je 'advies-b'?"
    ]


def test_section_heading_not_found(data_dir):
    assert problems_after(data_dir, "testdorp-2026/bronnen/programma-a.yml", 'starts: "2. Verkeer"', 'starts: "3. Verkeer"') == [
        "site-data/testdorp-2026/bronnen/programma-a.yml:10: kop '3. Verkeer' niet gevonden in de tekst (na de vorige kop)"
        " — neem de eerste woorden van de regel waar dit hoofdstuk begint, precies zoals in de tekst"
    ]


def test_missing_source_text(data_dir):
    (data_dir / "testdorp-2026" / "bronnen" / "advies-b.txt").unlink()
    problems = check(data_dir).problems
    assert [str(p) for p in problems] == [
        "site-data/testdorp-2026/bronnen/advies-b.yml:1: de tekst van deze bron ontbreekt:"
        " site-data/testdorp-2026/bronnen/advies-b.txt — zet de tekst als .txt naast dit bestand, met dezelfde naam"
    ]


def test_all_problems_are_reported_at_once_in_file_order(data_dir):
    problems_after(data_dir, PROPOSALS, "theme: mobiliteit", "theme: mobilitiet")
    problems = problems_after(data_dir, STATEMENTS, "theme: mobiliteit", "theme: verkeer")
    assert [p.split(": ")[0] for p in problems] == [
        "site-data/testdorp-2026/proposals/partij-a.yml:8",
        "site-data/testdorp-2026/statements.yml:2",
    ]


def test_yaml_syntax_error_is_reported_with_the_others(data_dir):
    problems_after(data_dir, PROPOSALS, "theme: wonen", "theme: woonen")
    problems = problems_after(data_dir, STATEMENTS, "- id: dertig-kmu-overal", "- id: dertig-kmu-overal\n  id: nogmaals")
    assert problems[0] == "site-data/testdorp-2026/proposals/partij-a.yml:4: onbekend thema 'woonen' — bedoelde je 'wonen'?"
    assert problems[1].startswith("site-data/testdorp-2026/statements.yml:2: dubbele sleutel 'id'")


def test_only_a_party_can_be_on_the_ballot(data_dir):
    assert problems_after(data_dir, "testdorp-2026/actors.yml", "  kind: adviesraad\n", "  kind: adviesraad\n  on_ballot: true\n") == [
        "site-data/testdorp-2026/actors.yml:10: alleen een partij kan op het stembiljet staan, geen adviesraad"
        " — verwijder 'on_ballot: true', of verander 'kind' in 'partij'"
    ]
