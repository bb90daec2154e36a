"""Quote normalisation and location against real passages from the five sources."""

import textwrap
from pathlib import Path

import pytest
import yaml

from generator.build import check
from generator.quotes import SourceText, closest_passage, find_quote, locate, normalise_quote

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


# -- quotes as an editor pastes them (quotes/paste.py); each case on a real passage --------------

def pasted(yaml_lines: str):
    """The quote an editor's YAML holds: `quote: >-` and the lines as pasted, read as the check reads them."""
    return yaml.safe_load("quote: >-\n" + textwrap.indent(textwrap.dedent(yaml_lines), "  "))["quote"]


def line_of(source: SourceText, words: str) -> int:
    """The (1-based) number of the first line of the source that holds `words`."""
    return next(number for number, line in enumerate(source.lines, start=1) if words in line)


def test_lines_copied_from_the_txt_into_a_folded_quote(coalition):
    # The lines copied as they are: "reser-", a blank line, "veren", "wijk-", "leef-", "bud-".
    first, last = line_of(coalition, "groen en energie reser"), line_of(coalition, "vergroeningsinitiatieven en circulaire")
    quote = pasted("\n".join(coalition.lines[first - 1 : last + 1]).replace("1. ", "", 1))
    assert "reser-\nveren" in quote and "bud- get" in quote  # what YAML folding makes of the pasted lines
    found = find_quote(quote, coalition)
    assert found is not None and not found.unquoted
    assert found.location.line == first
    assert found.quote.startswith("Op het thema klimaat, groen en energie reserveren we extra budget")
    assert "wijkvernieuwingen. Voor deze investeringen in de leefomgeving" in found.quote
    assert "incidenteel budget vrij" in found.quote


@pytest.mark.parametrize(("written", "shown"), [
    # the line break left a space: the site shows the word as the source reads it
    ("We gaan door met onze financiële behoedzaam- heidsmaatregelen:", "We gaan door met onze financiële behoedzaamheidsmaatregelen:"),
    # the editor typed the word
    ("We gaan door met onze financiële behoedzaamheidsmaatregelen:", "We gaan door met onze financiële behoedzaamheidsmaatregelen:"),
    # the editor joined the lines: a hyphen at a line end may be real in a typeset pdf too
    # ("Oostvliet-|polder"), so the site keeps the editor's choice
    ("We gaan door met onze financiële behoedzaam-heidsmaatregelen:", "We gaan door met onze financiële behoedzaam-heidsmaatregelen:"),
])
def test_a_line_break_hyphen_with_or_without_its_space(coalition, written, shown):
    # "behoedzaam-\n\nheidsmaatregelen" in a soft-hyphenated document
    found = find_quote(written, coalition)
    assert found is not None and found.location.line == line_of(coalition, "behoedzaam-")
    assert found.quote == shown


def test_a_real_hyphen_at_a_line_break_stays_in_a_word_document(volt_leiden):
    # "publiek-\n\nprivate" in a Word document: the hyphen is part of the word.
    found = find_quote("op basis van publiek- private samenwerking.", volt_leiden)
    assert found is not None and found.location.line == line_of(volt_leiden, "op basis van publiek-")
    assert found.quote == "op basis van publiek-private samenwerking."
    assert find_quote("op basis van publiekprivate samenwerking.", volt_leiden) is None


def test_a_capital_after_the_hyphen_keeps_it(volt_leiden, region):
    # "Zuid-\n\nHolland": only the space of the line break goes.
    found = find_quote("bij te dragen aan de ambities van de provincie Zuid- Holland.", volt_leiden)
    assert found is not None and found.quote == "bij te dragen aan de ambities van de provincie Zuid-Holland."
    assert find_quote("de provincie ZuidHolland.", volt_leiden) is None
    # "HOV-\nverbindingen" in a soft-hyphenated document: an abbreviation keeps its hyphen.
    abbreviation = find_quote("HOV- verbindingen", region)
    assert abbreviation is not None and abbreviation.quote == "HOV-verbindingen"


def test_a_hyphen_before_a_conjunction_stays(volt_den_haag):
    # "wijk- en bewonersverenigingen": a suspended compound, not a broken word.
    found = find_quote("zoals wijk- en bewonersverenigingen.", volt_den_haag)
    assert found is not None and found.quote == "zoals wijk- en bewonersverenigingen."
    assert find_quote("zoals wijken bewonersverenigingen.", volt_den_haag) is None


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("„", "”"), ("«", "»")])
def test_quotation_marks_around_the_whole_quote_are_dropped_with_a_note(coalition, opening, closing):
    # As the trial wrote it: "Daarnaast maken we incidenteel bud-/get vrij voor … economie."
    quote = f"{opening}Daarnaast maken we incidenteel bud- get vrij voor vergroeningsinitiatieven en circulaire economie.{closing}"
    found = find_quote(quote, coalition)
    assert found is not None and found.unquoted
    assert found.location.line == line_of(coalition, "Daarnaast maken we incidenteel")
    assert found.quote == "Daarnaast maken we incidenteel budget vrij voor vergroeningsinitiatieven en circulaire economie."


def test_quotation_marks_that_the_source_prints_are_kept(coalition):
    # L4: "‘Samen leven in Leiden’" is printed between quotation marks.
    found = find_quote("‘Samen leven in Leiden’", coalition)
    assert found is not None and not found.unquoted
    assert found.quote == "‘Samen leven in Leiden’"


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_no_break_spaces_match_spaces(coalition, space):
    # The source has a no-break space after "loep."; a page copied from the site may have others.
    found = find_quote(f"opnieuw onder de loep.{space}Daarbij kijken we dan naar zowel de uitgaven,", coalition)
    assert found is not None and found.location.line == line_of(coalition, "loep.\u00a0Daarbij") - 1


def test_soft_hyphens_and_ligatures_as_a_pdf_viewer_copies_them(coalition):
    # Again, as copied from the pdf: a ligature "ﬁ" and a soft hyphen (U+00AD).
    found = find_quote("We gaan door met onze ﬁnanciële behoedzaam\u00adheidsmaatregelen:", coalition)
    assert found is not None and found.location.line == line_of(coalition, "behoedzaam-")
    assert found.quote == "We gaan door met onze financiële behoedzaamheidsmaatregelen:"


def test_every_curated_quote_is_found_as_written():
    """No real quote needs forgiving: each is found exactly, so the tolerance moves none of them."""
    checked = check(DATA)
    assert checked.problems == [] and checked.notes == []
    for data in checked.site.elections:
        for proposal in data.proposals:
            text = data.texts[checked.sources[(data.id, proposal.actor, proposal.id)]]
            assert locate(proposal.quote, text) == checked.locations[(data.id, proposal.actor, proposal.id)], proposal.id
