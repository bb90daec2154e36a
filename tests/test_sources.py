"""The source texts read cleanly on their source pages (`/<election>/bron/<source>/`).

A paragraph on a source page is what `SourceText.paragraphs` cuts from the text.
PDF extraction glues headings, box titles and footnote numbers to the running
text; these tests find such leftovers by the shape of the lines, so they also
guard a source that is added later.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.load import Loader
from generator.quotes import SourceText
from generator.quotes.sourcetext import Hyphenation, Paragraph

DATA = Path(__file__).resolve().parent.parent / "site-data"
SOURCES = sorted(f"{path.parent.parent.name}/{path.stem}" for path in DATA.glob("*/bronnen/*.txt"))

_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
_HEADING_START = re.compile(r"^[A-ZÀ-Ý0-9]")
_NO_SENTENCE_END = re.compile(r"[^.!?:;,\-'\"’”]$")  # a line ending in a quotation mark closes a citation
# "Warmtevisie3", "behoefteraming 20214": a footnote number glued to a word or a year.
_GLUED_FOOTNOTE = re.compile(r"\b[^\W\d_]{4,}[0-9]{1,2}\b|\b(?:19|20)[0-9]{2}[0-9]{1,2}\b")
NAMES_WITH_A_NUMBER = {"Servicepunt71", "eIDAS2"}


@pytest.fixture(scope="module")
def texts() -> dict[str, SourceText]:
    site = Loader(DATA).load()
    return {f"{data.id}/{source_id}": text for data in site.elections for source_id, text in data.texts.items()}


def test_every_source_is_checked(texts):
    assert sorted(texts) == SOURCES
    assert len(SOURCES) >= 5


def plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def unnumbered(text: str) -> str:
    return plain(_SECTION_NUMBER.sub("", text.strip()))


def section_headings(text: SourceText) -> set[str]:
    """Every section title, with and without its number."""
    return {form for section in text.sections for form in (plain(section.title), unnumbered(section.title)) if form}


def lines_of(text: SourceText, paragraph: Paragraph) -> list[str]:
    last = text.line_of(paragraph.end - 1)
    return [line.strip() for line in text.lines[paragraph.first_line - 1 : last] if line.strip()]


def all_capitals(line: str) -> bool:
    return sum(character.isalpha() for character in line) >= 4 and line.isupper()


def heading_like(line: str) -> bool:
    """A short capitalised line that ends no sentence: a title printed on its own line."""
    return len(line) <= 60 and len(line.split()) <= 8 and bool(_HEADING_START.match(line) and _NO_SENTENCE_END.search(line))


def title_above_text(first: str, second: str) -> bool:
    """A short title line over a much longer line of running text that starts a sentence."""
    return heading_like(first) and bool(_HEADING_START.match(second)) and len(first) < 0.6 * len(second)


def running_text(text: SourceText) -> list[tuple[Paragraph, list[str]]]:
    """The paragraphs of more than one line, with their lines.

    Left out: heading paragraphs (the page shows only the section title) and a
    paragraph printed in capitals throughout (a statement, not a heading).
    """
    found = []
    for paragraph in text.paragraphs:
        lines = [] if paragraph.is_heading else lines_of(text, paragraph)
        if len(lines) > 1 and not all(map(all_capitals, lines)):
            found.append((paragraph, lines))
    return found


def where(text: SourceText, paragraph: Paragraph) -> str:
    return f"#{paragraph.anchor} (regel {paragraph.first_line}): «{text.paragraph_text(paragraph)[-120:]}»"


def glued_headings_at_the_end(text: SourceText) -> list[str]:
    headings = section_headings(text)
    return [
        where(text, paragraph)
        for paragraph, lines in running_text(text)
        if heading_like(lines[-1])
        or all_capitals(lines[-1])
        or any(plain(text.paragraph_text(paragraph)).endswith(f" {heading}") for heading in headings)
    ]


def glued_headings_at_the_start(text: SourceText) -> list[str]:
    headings = section_headings(text)
    return [
        where(text, paragraph)
        for paragraph, lines in running_text(text)
        if all_capitals(lines[0]) or unnumbered(lines[0]) in headings or title_above_text(*lines[:2])
    ]


def repeated_headings(text: SourceText) -> list[str]:
    """Text in a section that repeats the section's title, or two or more of its words in capitals (a chapter divider)."""
    repeated = []
    for paragraph in text.paragraphs:
        section = text.section_of_line(paragraph.first_line)
        if paragraph.is_heading or section is None:
            continue
        shown = text.paragraph_text(paragraph)
        words, title = unnumbered(shown), unnumbered(section.title)
        if words and (words == title or (all_capitals(shown) and len(words.split()) > 1 and words in title)):
            repeated.append(where(text, paragraph))
    return repeated


def stray_words(text: SourceText) -> list[str]:
    """A paragraph of one lowercase word (the end of a heading) or only a number (a page number)."""
    return [
        where(text, paragraph)
        for paragraph in text.paragraphs
        if re.fullmatch(r"[a-zà-ÿ]+|[0-9.]+", text.paragraph_text(paragraph))
    ]


def glued_footnote_numbers(text: SourceText) -> list[str]:
    return [
        f"regel {number}: {match.group(0)}"
        for number, line in enumerate(text.lines, start=1)
        if not line.lstrip().startswith("http")
        for match in _GLUED_FOOTNOTE.finditer(line)
        if match.group(0) not in NAMES_WITH_A_NUMBER
    ]


@pytest.mark.parametrize("name", SOURCES)
def test_no_paragraph_ends_in_a_heading(texts, name):
    assert glued_headings_at_the_end(texts[name]) == [], "zet de kop op een eigen regel, met een regel met alleen een spatie ervoor"


@pytest.mark.parametrize("name", SOURCES)
def test_no_paragraph_starts_with_a_heading(texts, name):
    assert glued_headings_at_the_start(texts[name]) == [], "zet de kop op een eigen regel, met een regel met alleen een spatie erna"


@pytest.mark.parametrize("name", SOURCES)
def test_no_section_repeats_its_heading_as_text(texts, name):
    assert repeated_headings(texts[name]) == [], "haal de herhaalde kop (grote letters van een hoofdstukblad) weg"


@pytest.mark.parametrize("name", SOURCES)
def test_no_paragraph_is_a_stray_word_or_number(texts, name):
    assert stray_words(texts[name]) == []


@pytest.mark.parametrize("name", SOURCES)
def test_footnote_numbers_are_marked(texts, name):
    assert glued_footnote_numbers(texts[name]) == [], "schrijf een voetnootnummer als [3], niet vast aan het woord"


# -- how a text is cut into paragraphs: the conventions the cleaned texts rely on --


def shown(raw: str, hyphenation: Hyphenation = "hard", sections: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """The paragraphs a source page shows: a heading as '## title', text as printed."""
    text = SourceText(raw, hyphenation)
    found = text.find_section_lines(list(sections))
    text.sections = [section for section in found if section]
    assert len(text.sections) == len(sections)
    return [f"## {p.heading}" if p.is_heading else text.paragraph_text(p) for p in text.paragraphs]


def test_a_line_of_spaces_parts_a_heading_from_the_text():
    glued = "voor onze stad te verzilveren \n\nWethouder Europese Zaken in het kort \n\n1. Een wethouder.\n"
    assert shown(glued) == ["voor onze stad te verzilveren Wethouder Europese Zaken in het kort", "1. Een wethouder."]
    parted = glued.replace("verzilveren \n\n", "verzilveren \n \n").replace("kort \n\n", "kort \n \n")
    assert shown(parted) == ["voor onze stad te verzilveren", "Wethouder Europese Zaken in het kort", "1. Een wethouder."]


def test_a_form_feed_starts_a_page_after_a_paragraph_break():
    text = SourceText("Een zin.\n• Welzijn en economie \n \n\f Leiden leeft. Soms tot het kraakt.\n", "hard")
    assert [text.paragraph_text(p) for p in text.paragraphs] == ["Een zin.", "• Welzijn en economie", "Leiden leeft. Soms tot het kraakt."]
    assert [p.page for p in text.paragraphs] == [1, 1, 2]


def test_a_heading_printed_over_two_lines_is_one_heading():
    numbered = "3.1. Volkshuisvesting en duurzame\nwoningbouw\n• We bouwen naar behoefte.\n"
    assert shown(numbered, "soft", (("3.1 Volkshuisvesting en duurzame woningbouw", "3.1. Volkshuisvesting"),)) == [
        "## 3.1 Volkshuisvesting en duurzame woningbouw",
        "• We bouwen naar behoefte.",
    ]
    with_colon = "Voorwoord\nsamen sterker\nRuim 200 duizend inwoners.\n"
    assert shown(with_colon, "soft", (("Voorwoord: samen sterker", "Voorwoord"),)) == [
        "## Voorwoord: samen sterker",
        "Ruim 200 duizend inwoners.",
    ]
    hyphenated = "Onze woon- en leefomge-\nving helpt ons gezond en\n\nvitaal te blijven\n\nMeer dan 400 jaar geleden.\n"
    title = "Onze woon- en leefomgeving helpt ons gezond en vitaal te blijven"
    assert shown(hyphenated, "soft", ((title, "Onze woon-"),)) == [f"## {title}", "Meer dan 400 jaar geleden."]


def test_a_dash_starts_a_list_item_only_after_a_sentence():
    assert shown("In de regio beschikken we\n- meer dan elders - over kennis.\n") == [
        "In de regio beschikken we - meer dan elders - over kennis."
    ]
    assert shown("Deze voorstellen:\n- Een schone binnenstad;\n- Een snellere vergunning.\n") == [
        "Deze voorstellen:",
        "- Een schone binnenstad;",
        "- Een snellere vergunning.",
    ]
