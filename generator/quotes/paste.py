"""Accept a quote as an editor copies it from a source page or `.txt`, and give the text the site shows.

A quote is first looked up exactly (after `normalise`). Only when that fails are
two things forgiven that copying adds:

- quotation marks around the whole quote ("…", “…”, '…', ‘…’, „…”, «…»): dropped,
  and the editor gets a note, because the marks are not part of the quote;
- a hyphen at a line break, with or without the space that the line break (or
  YAML folding) left: "woning- bouw" and "woning-bouw" match the source whether it
  reads "woningbouw" (a word broken over two lines) or "woning-bouw" (a real
  hyphen). After a capital the hyphen stays and only the space goes ("Zuid-
  Holland" is "Zuid-Holland"); before a conjunction ("sociale- en middenhuur")
  hyphen and space stay as written.

No-break spaces, soft hyphens and ligatures need no second try: `normalise`
treats them as spaces, nothing and letters. The quote the site shows is the
editor's, with each forgiven hyphen written as the source reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .locate import _GAP, MAX_GAP, QuoteLocation, _location, locate
from .normalise import _CONJUNCTIONS, Normalised, nfc, normalise
from .sourcetext import SourceText

QUOTATION_MARKS = "\"'“”‘’„‚«»‹›"
_AROUND = re.compile(rf"^\s*[{QUOTATION_MARKS}]+|[{QUOTATION_MARKS}]+\s*$")
# A hyphen right after a letter, then at most one space, then a lower-case word.
_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])- ?(?=([^\W\d_]+))")
_PRESENTATION = {"\u00ad": "", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}


@dataclass(frozen=True)
class FoundQuote:
    location: QuoteLocation
    quote: str  # as the site shows it
    unquoted: bool  # quotation marks around the whole quote were dropped


def find_quote(quote: str, source: SourceText) -> FoundQuote | None:
    """The quote's place in the source, exactly or as pasted; None when it is not there."""
    location = locate(quote, source)
    if location is not None:
        return FoundQuote(location, _presentable(quote), unquoted=False)
    text = nfc(quote).strip()
    unquoted = _AROUND.sub("", text).strip()
    for attempt, stripped in ((text, False), (unquoted, True)):
        if stripped and (attempt == text or not attempt):
            continue
        found = _find_as_pasted(attempt, source, exact=stripped)
        if found is not None:
            return FoundQuote(found[0], _presentable(found[1]), stripped)
    return None


def _find_as_pasted(quote: str, source: SourceText, exact: bool) -> tuple[QuoteLocation, str] | None:
    if exact and (location := locate(quote, source)) is not None:
        return location, quote
    return _find_with_break_hyphens(quote, source)


def _presentable(quote: str) -> str:
    """Without soft hyphens and ligatures: they would hide the words from the site's search."""
    return "".join(_PRESENTATION.get(ch, ch) for ch in quote)


@dataclass(frozen=True)
class _Site:
    """A hyphen in the quote that may be a line break's: normalised [start, end), original [raw_start, raw_end)."""

    start: int
    end: int
    raw_start: int
    raw_end: int
    optional: bool  # the source may read the word without the hyphen (a lower-case letter follows)


def _find_with_break_hyphens(quote: str, source: SourceText) -> tuple[QuoteLocation, str] | None:
    """Match with every possible line-break hyphen optional; the quote with the source's reading of each."""
    normal = normalise(quote, None)
    sites = _break_sites(normal, len(quote))
    if not sites:
        return None
    patterns = _part_patterns(normal.text, sites)
    for variant, _ in source.readings():
        matches = _find_patterns(patterns, variant.text)
        if matches:
            location = _location(source, variant, matches[0].start(), matches[-1].end())
            readings = [group or "" for match in matches for group in match.groups()]
            return location, _rewrite(quote, sites, readings)
    return None


def _break_sites(normal: Normalised, raw_length: int) -> list[_Site]:
    sites = []
    for match in _BREAK_HYPHEN.finditer(normal.text):
        following = match.group(1)
        spaced = match.group(0).endswith(" ")
        if following in _CONJUNCTIONS or not (following[0].islower() or spaced):
            continue
        start, end = match.start(), match.end()
        raw_end = normal.origin[end] if end < len(normal.origin) else raw_length
        sites.append(_Site(start, end, normal.origin[start], raw_end, optional=following[0].islower()))
    return sites


def _part_patterns(text: str, sites: list[_Site]) -> list[re.Pattern[str]]:
    """One pattern per part between ellipses; each hyphen site becomes an optional, captured hyphen."""
    patterns = []
    position = 0
    for gap in [*_GAP.finditer(text), None]:
        end = gap.start() if gap else len(text)
        pieces, cursor = [], position
        for site in sites:
            if position <= site.start < end:
                pieces += [re.escape(text[cursor : site.start]), "(-?)" if site.optional else "(-)"]
                cursor = site.end
        pieces.append(re.escape(text[cursor:end]))
        part = "".join(pieces)
        if text[position:end].strip():
            patterns.append(re.compile(part))
        position = gap.end() if gap else end
    return patterns


def _find_patterns(patterns: list[re.Pattern[str]], haystack: str) -> list[re.Match[str]] | None:
    """The first place where every part matches in order, each within MAX_GAP of the previous."""
    first = patterns[0].search(haystack)
    while first is not None:
        matches, end = [first], first.end()
        for pattern in patterns[1:]:
            following = pattern.search(haystack, end, end + MAX_GAP + len(pattern.pattern))
            if following is None:
                break
            matches.append(following)
            end = following.end()
        else:
            return matches
        first = patterns[0].search(haystack, first.start() + 1)
    return None


def _rewrite(quote: str, sites: list[_Site], readings: list[str]) -> str:
    out, cursor = [], 0
    for site, reading in zip(sites, readings, strict=True):
        out += [quote[cursor : site.raw_start], reading]
        cursor = site.raw_end
    out.append(quote[cursor:])
    return "".join(out)
