"""Quote normalisation and location against real passages from the five sources."""

from pathlib import Path

import pytest

from generator.quotes import SourceText, closest_passage, locate, normalise_quote

DATA = Path(__file__).resolve().parent.parent / "site-data"


def source(name: str, hyphenation: str) -> SourceText:
    folder = "den-haag-2026" if "den-haag" in name else "leiden-2026"
    return SourceText((DATA / folder / "bronnen" / f"{name}.txt").read_text(encoding="utf-8"), hyphenation)


@pytest.fixture(scope="module")
def coalition():
    return source("coalitieakkoord-leiden-2022-2026", "soft")


@pytest.fixture(scope="module")
def volt_leiden():
    return source("volt-leiden-2026-2030", "hard")


@pytest.fixture(scope="module")
def volt_den_haag():
    return source("volt-den-haag-2026-2030", "hard")


@pytest.fixture(scope="module")
def region():
    return source("leidse-regio-toekomstvisie-2027", "soft")


def test_soft_hyphen_at_line_end_is_joined(coalition):
    # "hoofdstuk-\nken" (L20-21) is one word in the printed document.
    found = locate("Aan onze plannen, die we in de volgende hoofdstukken beschrijven, liggen onze idealen", coalition)
    assert found is not None and found.line == 20


def test_soft_hyphen_across_a_blank_line(coalition):
    # "reser-\n\nveren" (L1406-1408)
    assert locate("reserveren", coalition) is not None


def test_real_hyphen_stays_in_a_word_document(volt_leiden):
    # "publiek-\n\nprivate" (L345) is a real hyphen: Word never hyphenates.
    assert locate("publiek-private", volt_leiden) is not None
    assert locate("publiekprivate", volt_leiden) is None


def test_abbreviation_before_a_line_end_hyphen_keeps_it(region):
    # "HOV-\nverbindingen" (L388) in a soft-hyphenated document
    assert locate("HOV-verbindingen", region) is not None


def test_curly_and_straight_quotes_match_each_other(coalition):
    printed = "Met trots presenteren we ons beleidsakkoord ‘Samen leven in Leiden’ voor de periode 2022-2026."
    typed = "Met trots presenteren we ons beleidsakkoord 'Samen leven in Leiden' voor de periode 2022-2026."
    assert locate(printed, coalition) == locate(typed, coalition) is not None
    # "2022-\n2026" (L4-5): a digit follows, so the hyphen is real.
    assert locate("periode 20222026", coalition) is None


def test_quote_spanning_a_page_break(coalition):
    # "... gaan we door met" ends a page; " maatschappelijk verantwoord inkopen." starts the next.
    next_page = next(n for n, line in enumerate(coalition.lines, start=1) if line.startswith(" maatschappelijk verantwoord"))
    found = locate("Op gebied van duurzaamheid gaan we door met maatschappelijk verantwoord inkopen.", coalition)
    assert found is not None
    assert coalition.page_start_lines.count(next_page) == 1
    assert found.line < next_page
    assert coalition.page_of_line(next_page) == coalition.page_of_line(found.line) + 1


def test_decomposed_accents_match_precomposed(volt_den_haag):
    # The source writes "één" with combining accents (U+0301); editors type precomposed letters.
    assert "e\u0301e\u0301n" in volt_den_haag.lines[108] or "één" in volt_den_haag.text
    assert locate("één helder loket", volt_den_haag) is not None


def test_ellipsis_skips_a_footnote_number(coalition):
    # "Warmtevisie[3]": the footnote number is left out with an ellipsis.
    line = next(text for text in coalition.lines if "Warmtevisie[3]" in text)
    before, after = line.split("Warmtevisie[3]")
    quote = f"{before.strip()} Warmtevisie … {after.strip()}".strip()
    assert locate(quote, coalition) is not None
    assert locate(quote.replace(" … ", " "), coalition) is None


def test_pages_and_sections_are_derived():
    text = SourceText("1. Inleiding\nEen zin.\n Nieuwe pagina met tekst.\n\n 2. Niet een pagina\n", "soft")
    assert text.page_start_lines == [1, 3]
    text.sections = text.find_section_lines([("Inleiding", "1. Inleiding")])
    found = locate("Nieuwe pagina met tekst.", text)
    assert (found.page, found.section, found.line) == (2, "Inleiding", 3)


def test_closest_passage_shows_the_words_that_differ(coalition):
    near = closest_passage("Aan onze plannen, die we in de vorige hoofdstukken beschrijven, liggen onze idealen", coalition)
    assert near.line == 20
    assert near.missing == ["vorige"]
    assert near.instead == ["volgende"]


def test_normalise_quote_collapses_whitespace_and_typography():
    assert normalise_quote("  “Eén”\u00a0stad –  twee\n regels ") == '"Eén" stad - twee regels'
