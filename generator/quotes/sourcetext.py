"""A source document's text, cut into lines, approximate PDF pages, sections and paragraphs.

The texts were extracted from PDFs. A new PDF page shows as a line that starts
with a single space right after a non-blank line (see `site-data/*/bronnen`), or
with a form feed, as `pdftotext` writes it; page numbers derived from that are
approximate, and the site says so. A line of only spaces is a paragraph break:
Word output has one between paragraphs, and an editor adds one to part a heading,
a footnote or a caption from the running text (see CONTRIBUTING.md).
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from .normalise import Hyphenation, Normalised, line_break_hyphen, nfc, normalise
from .textindex import TextIndex

_PAGE_START = re.compile(r"^ (?! )(?!- )\S")
_BULLET = re.compile(r"^\s*(?:[•●▪■>]\s|\d{1,2}[.)]\s)")
_DASH_ITEM = re.compile(r"^\s*-\s")  # a list item after a sentence, a dash inside one ("we - meer dan elders - over")
_SENTENCE_END = re.compile(r"[.!?:;]['\"’”)]*$")
_STARTS_NEW = re.compile(r"^\s*[A-ZÀ-Ý0-9'\"‘“•(]")
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")


@dataclass(frozen=True)
class Section:
    title: str
    line: int  # 1-based


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based; the anchor is p-<number>
    start: int  # char offset in the NFC text
    end: int
    first_line: int
    page: int
    heading: str | None  # the section title, for a heading paragraph

    @property
    def is_heading(self) -> bool:
        return self.heading is not None

    @property
    def anchor(self) -> str:
        return f"p-{self.number}"


class SourceText:
    """One source document, loaded once and indexed for quote lookup."""

    def __init__(self, raw: str, hyphenation: Hyphenation, sections: list[Section] | None = None):
        self.text = nfc(raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
        self.hyphenation = hyphenation
        self.lines = self.text.split("\n")
        self.line_starts = _line_starts(self.lines)
        self.sections = sections or []

    # -- positions ---------------------------------------------------------
    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    @cached_property
    def page_start_lines(self) -> list[int]:
        """1-based line numbers where a new PDF page starts (page 1 starts at line 1)."""
        starts = [1]
        last = max((number for number, line in enumerate(self.lines, start=1) if line.strip()), default=1)
        for number, line in enumerate(self.lines[1:last], start=2):
            previous = self.lines[number - 2]
            if line.startswith("\f") or (previous.strip() and _PAGE_START.match(line)):
                starts.append(number)
        return starts

    def page_of_line(self, line: int) -> int:
        return bisect_right(self.page_start_lines, line)

    def section_of_line(self, line: int) -> Section | None:
        index = bisect_right(self.sections, line, key=lambda section: section.line)
        return self.sections[index - 1] if index else None

    def find_section_lines(self, specs: list[tuple[str, str]]) -> list[Section | None]:
        """Find each (title, start of line) heading's line, in document order; None where not found."""
        found: list[Section | None] = []
        after = 0
        for title, starts in specs:
            wanted = normalise(nfc(starts), None).text.strip()
            line = next(
                (
                    i + 1
                    for i in range(after, len(self.lines))
                    if self._plain_lines[i].startswith(wanted)
                ),
                None,
            )
            found.append(Section(title, line) if line else None)
            if line:
                after = line
        return found

    @cached_property
    def _plain_lines(self) -> list[str]:
        return [normalise(line, None).text.strip() for line in self.lines]

    # -- normalised forms for matching ------------------------------------
    @cached_property
    def normalised(self) -> Normalised:
        return normalise(self.text, self.hyphenation)

    @cached_property
    def normalised_alternative(self) -> Normalised | None:
        """Soft-hyphenated text read with every line-end hyphen kept.

        The hyphen rule can drop a real hyphen ("Oostvliet-|polder"); this reading
        lets such a quote match. Word documents have no soft hyphens, so none there.
        """
        return normalise(self.text, "hard") if self.hyphenation == "soft" else None

    def readings(self) -> Iterator[tuple[Normalised, TextIndex]]:
        """The normalised readings a quote is matched against, each indexed once; the alternative only when needed."""
        yield self.normalised, self._index
        if self.normalised_alternative is not None:
            yield self.normalised_alternative, self._index_alternative

    @cached_property
    def _index(self) -> TextIndex:
        return TextIndex(self.normalised.text)

    @cached_property
    def _index_alternative(self) -> TextIndex:
        alternative = self.normalised_alternative
        assert alternative is not None, "only read when there is an alternative reading"
        return TextIndex(alternative.text)

    # -- paragraphs for the source page -----------------------------------
    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Paragraphs of running text, with a heading paragraph where each section starts.

        A section line that is itself a short heading becomes the heading; a section
        that starts in running text (a heading lost in extraction) gets an empty
        heading paragraph carrying only its title, followed by the text.
        """
        titles = {s.line: s.title for s in self.sections}
        blocks: list[tuple[int, int, str | None]] = []  # (first line index, last line index, heading title)
        current: list[int] = []

        def close() -> None:
            if current:
                blocks.append((current[0], current[-1], None))
                current.clear()

        previous_text, heading_end = "", -1
        for index, line in enumerate(self.lines):
            stripped = line.strip()
            if not stripped:
                if line:  # a line of spaces: the text's own paragraph break
                    close()
                continue
            if index <= heading_end:
                continue
            title = titles.get(index + 1)
            if title is not None:
                close()
                if _is_heading_line(stripped, title):
                    heading_end = self._heading_end(index, title)
                    blocks.append((index, heading_end, title))
                    previous_text = ""
                    continue
                blocks.append((index, index - 1, title))  # empty range: title only
            elif current and (
                _BULLET.match(line)
                or (_SENTENCE_END.search(previous_text) and (_STARTS_NEW.match(line) or _DASH_ITEM.match(line)))
            ):
                close()
            current.append(index)
            previous_text = stripped
        close()
        return [self._paragraph(number, *block) for number, block in enumerate(blocks, start=1)]

    def _heading_end(self, index: int, title: str) -> int:
        """The last line of a heading printed over several lines ("Zeven kwaliteiten / van de regio").

        Words are compared without the heading's number, so "3.1. Wonen" is the title "3.1 Wonen",
        "Voorwoord / samen sterker" is "Voorwoord: samen sterker", and "leefomge- / ving" is one word.
        """
        wanted = _words(title)
        lines, end = [self.lines[index]], index
        for following in range(index + 1, min(index + 8, len(self.lines))):
            if not self.lines[following].strip():
                continue
            candidate = [*lines, self.lines[following]]
            words = _words(normalise_for_display("\n".join(candidate), self.hyphenation))
            if wanted[: len(words)] != words:
                break
            lines, end = candidate, following
        return end

    def _paragraph(self, number: int, first: int, last: int, title: str | None) -> Paragraph:
        start = self.line_starts[first]
        end = self.line_starts[last] + len(self.lines[last]) if last >= first else start
        return Paragraph(number, start, end, first + 1, self.page_of_line(first + 1), title)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [paragraph.start for paragraph in self.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph:
        index = max(0, bisect_right(self._paragraph_starts, offset) - 1)
        return self.paragraphs[index]

    def paragraph_text(self, paragraph: Paragraph) -> str:
        """The paragraph as readable text: lines joined, hyphens resolved, spaces collapsed."""
        return normalise_for_display(self.text[paragraph.start : paragraph.end], self.hyphenation)


def _plain(text: str) -> str:
    return normalise(text, None).text.strip().casefold()


def _words(text: str) -> list[str]:
    """The words of a heading, without its number."""
    return re.findall(r"\w+", _SECTION_NUMBER.sub("", _plain(text)))


def _is_heading_line(line: str, title: str) -> bool:
    """Whether a section's first line is a printed heading, not running text."""
    plain, wanted = _plain(line), _plain(title)
    similar = wanted.startswith(plain.rstrip("-")) or difflib.SequenceMatcher(a=plain, b=wanted).ratio() >= 0.75
    numbered = len(plain) <= 80 and _SECTION_NUMBER.match(plain) is not None
    return similar or numbered or (line.strip().isupper() and len(plain) <= 80)


def normalise_for_display(text: str, hyphenation: Hyphenation) -> str:
    """Join a passage's lines for reading, keeping typographic quotes as printed."""
    joined = re.sub(
        r"-([ \t]*)\n\s*",
        lambda m: line_break_hyphen(text, m, hyphenation) if m.end() < len(text) else "-",
        text,
    )
    return re.sub(r"\s+", " ", joined).strip()


def _line_starts(lines: list[str]) -> list[int]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return starts
