"""Normalise text so that a quote typed by an editor matches the extracted PDF text.

Both the source and the quote go through the same character steps: Unicode NFC,
typographic quotes and dashes to their plain forms, ligatures (ﬁ, ﬂ) to their
letters, soft hyphens and zero-width characters dropped, no-break spaces to spaces
and every whitespace run to one space. Sources also get their line-break hyphens
resolved (see `line_break_hyphen`). The result keeps, for every normalised
character, the index of the character it came from, so that a match can be
traced back to a line, a page and a paragraph of the source.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from typing import Literal

Hyphenation = Literal["soft", "hard"]

_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u00b4": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-",
    "\u2026": "...",
    # Ligatures, as a pdf viewer copies them: "ﬁnanciële" is "financiële".
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
}
_DROPPED = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}
# Words that follow a suspended compound ("klimaat- en mobiliteitsplannen").
_CONJUNCTIONS = {"en", "of", "tot", "als", "noch", "dan", "and", "or"}
_LINE_BREAK_HYPHEN = re.compile(r"-([ \t]*)\n\s*")
_WORD_BEFORE = re.compile(r"(\w+)$")
_WORD_AFTER = re.compile(r"\w+")


@dataclass(frozen=True)
class Normalised:
    """Normalised text plus, per character, its index in the (NFC) original.

    `origin` is a compact array (4 bytes a character, not 36 as a tuple of ints):
    every source is held in memory normalised, twice for soft-hyphenated texts.
    """

    text: str
    origin: array


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalise_quote(quote: str) -> str:
    """Normalise an editor's quote (no hyphen rules here; `paste` forgives line-break hyphens)."""
    return normalise(nfc(quote), hyphenation=None).text.strip()


def normalise(text: str, hyphenation: Hyphenation | None) -> Normalised:
    """Normalise NFC `text`; with `hyphenation` set, also resolve line-break hyphens."""
    joins = _hyphen_joins(text, hyphenation) if hyphenation else {}
    out: list[str] = []
    origin = array("I")
    i, n = 0, len(text)
    while i < n:
        if i in joins:
            end, replacement = joins[i]
            for ch in replacement:
                _emit(out, origin, ch, i)
            i = end
            continue
        ch = text[i]
        if ch in _DROPPED:
            i += 1
            continue
        if ch.isspace():
            if out and out[-1] != " ":
                _emit(out, origin, " ", i)
            i += 1
            continue
        for mapped in _CHAR_MAP.get(ch, ch):
            _emit(out, origin, mapped, i)
        i += 1
    return Normalised("".join(out), origin)


def _emit(out: list[str], origin: array, ch: str, index: int) -> None:
    if ch == " " and out and out[-1] == " ":
        return
    out.append(ch)
    origin.append(index)


def _hyphen_joins(text: str, hyphenation: Hyphenation) -> dict[int, tuple[int, str]]:
    """Map the start of each line-break hyphen to (end, replacement)."""
    joins = {}
    for match in _LINE_BREAK_HYPHEN.finditer(text):
        if match.end() >= len(text):
            continue
        joins[match.start()] = (match.end(), line_break_hyphen(text, match, hyphenation))
    return joins


def line_break_hyphen(text: str, match: re.Match[str], hyphenation: Hyphenation) -> str:
    """Decide what a hyphen at the end of a line stands for.

    "klimaat- en" keeps hyphen and space; in a soft-hyphenated document
    "hoofdstuk-|ken" becomes "hoofdstukken" unless the part before is an
    abbreviation in capitals ("HOV-|verbindingen"); otherwise the hyphen is
    part of the word ("publiek-|private").
    """
    start, end = match.start(), match.end()
    next_word = _WORD_AFTER.match(text, end)
    if next_word and next_word.group(0) in _CONJUNCTIONS:
        return "- "
    before = _WORD_BEFORE.search(text[max(0, start - 40):start])
    prev_char = text[start - 1] if start else ""
    next_char = text[end]
    if (
        hyphenation == "soft"
        and prev_char.isalpha()
        and next_char.islower()
        and before is not None
        and not (before.group(1).isupper() and len(before.group(1)) > 1)
    ):
        return ""
    return "-"
