"""The quote engine: find a verbatim quote in a source text, with its page, section and paragraph.

Independent of the site: it knows source texts and quotes, nothing about
elections, actors or pages. `normalise` makes quote and source comparable (line
breaks, hyphenation at line ends, spaces, quotation marks, dashes, Unicode),
`sourcetext` splits a text into pages, sections and paragraphs, `textindex`
finds phrases without quadratic cost, and `locate` puts it together; `paste`
forgives what copying a quote adds (quotation marks around it, line-break hyphens).
"""

from .locate import ClosestPassage, QuoteLocation, closest_passage, locate
from .normalise import normalise_quote
from .paste import FoundQuote, find_quote
from .sourcetext import Paragraph, Section, SourceText, normalise_for_display

__all__ = [
    "ClosestPassage",
    "FoundQuote",
    "Paragraph",
    "QuoteLocation",
    "Section",
    "SourceText",
    "closest_passage",
    "find_quote",
    "locate",
    "normalise_for_display",
    "normalise_quote",
]
