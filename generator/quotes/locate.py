"""Find each quote in its source document, and explain the difference when it is not there.

A quote may leave out words with an ellipsis ("…", "..." or "[…]"): each part
must then occur in order, close together. Everything else must match exactly
after normalisation (see `normalise`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .normalise import Normalised, normalise_quote
from .sourcetext import SourceText
from .textindex import TextIndex

_GAP = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*")
MAX_GAP = 600  # normalised characters an ellipsis may skip
_SHINGLE = 3


@dataclass(frozen=True)
class QuoteLocation:
    start: int  # char offsets in the source's NFC text
    end: int
    line: int
    page: int
    section: str | None
    paragraph: str  # anchor on the source page, e.g. "p-12"


@dataclass(frozen=True)
class ClosestPassage:
    """The best near miss for a quote that is not in the source."""

    line: int
    passage: str
    missing: list[str]  # words in the quote, not in the passage
    instead: list[str]  # words in the passage where the quote differs


def quote_parts(quote: str) -> list[str]:
    """Split a quote at its ellipses into normalised parts that must each occur."""
    return [part for part in (normalise_quote(p) for p in _GAP.split(quote)) if part]


def locate(quote: str, source: SourceText) -> QuoteLocation | None:
    parts = quote_parts(quote)
    if not parts:
        return None
    for variant, index in source.readings():
        span = _find_parts(parts, variant.text, index)
        if span:
            return _location(source, variant, *span)
    return None


def _find_parts(parts: list[str], haystack: str, index: TextIndex) -> tuple[int, int] | None:
    """The first place where all parts occur in order, each within MAX_GAP of the previous.

    Places where the quote starts a word are looked up in the index; only when none
    fits is the whole text scanned (a quote starting inside a word, or no match).
    """
    for starts in (index.word_starts_of(parts[0]), _every_start(haystack, parts[0])):
        for position in starts:
            end = position + len(parts[0])
            for part in parts[1:]:
                following = haystack.find(part, end, end + MAX_GAP + len(part))
                if following == -1:
                    break
                end = following + len(part)
            else:
                return position, end
    return None


def _every_start(haystack: str, part: str) -> Iterator[int]:
    position = haystack.find(part)
    while position != -1:
        yield position
        position = haystack.find(part, position + 1)


def _location(source: SourceText, variant: Normalised, start: int, end: int) -> QuoteLocation:
    first = variant.origin[start]
    last = variant.origin[end - 1] + 1
    line = source.line_of(first)
    section = source.section_of_line(line)
    return QuoteLocation(
        start=first,
        end=last,
        line=line,
        page=source.page_of_line(line),
        section=section.title if section else None,
        paragraph=source.paragraph_at(first).anchor,
    )


def closest_passage(quote: str, source: SourceText) -> ClosestPassage | None:
    """Find the stretch of the source that shares the most word triples with the quote."""
    words = " ".join(quote_parts(quote)).split()
    if not words:
        return None
    haystack = source.normalised
    source_words, word_starts = _words_with_offsets(haystack.text)
    size = min(_SHINGLE, len(words))
    wanted = {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}
    hits = [
        i
        for i in range(len(source_words) - size + 1)
        if tuple(source_words[i : i + size]) in wanted
    ]
    if not hits:
        return None
    start = _densest_start(hits, len(words))
    start = max(0, start - len(words) // 2)
    window = source_words[start : start + 2 * len(words)]
    matcher = difflib.SequenceMatcher(a=words, b=window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size
    missing, instead = [], []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal":
            missing.extend(words[a0:a1])
            instead.extend(window[max(b0, first) : min(b1, last)])
    passage_start = word_starts[start + first]
    passage_end = word_starts[start + last - 1] + len(source_words[start + last - 1])
    origin = haystack.origin[passage_start]
    return ClosestPassage(
        line=source.line_of(origin),
        passage=haystack.text[passage_start:passage_end],
        missing=missing,
        instead=instead,
    )


def _densest_start(hits: list[int], width: int) -> int:
    """The hit that begins the window of `width` words holding the most hits."""
    best, best_count, right = hits[0], 0, 0
    for left, position in enumerate(hits):
        while right < len(hits) and hits[right] < position + width:
            right += 1
        if right - left > best_count:
            best, best_count = position, right - left
    return best


def _words_with_offsets(text: str) -> tuple[list[str], list[int]]:
    words, starts = [], []
    for match in re.finditer(r"\S+", text):
        words.append(match.group(0))
        starts.append(match.start())
    return words, starts
