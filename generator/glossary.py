"""The glossary: explain a difficult word where a reader first meets it on a page.

The first use of a term on a page becomes a button that opens a short
explanation in place (the HTML popover attribute: no script, keyboard and screen
reader friendly); a browser without popovers shows the explanations at the end of
the page instead. Forms match as whole words, in any case, with any whitespace
between the words of a multi-word form (folded YAML joins lines with one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .models import Term


def _pattern(form: str) -> str:
    return r"\s+".join(re.escape(word) for word in form.split())


@dataclass
class Glossary:
    terms: list[Term]
    _regex: re.Pattern[str] | None = field(init=False, default=None)
    _by_form: dict[str, Term] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for term in self.terms:
            for form in (term.term, *term.forms):
                self._by_form.setdefault(_fold(form), term)
        if self._by_form:
            forms = sorted(self._by_form, key=len, reverse=True)  # the longest form wins: "Leiden Bio Science Park"
            self._regex = re.compile(r"(?<![\w])(?:" + "|".join(_pattern(form) for form in forms) + r")(?![\w])", re.IGNORECASE)

    def mark(self, text: str, seen: dict[str, Term]) -> Markup:
        """`text`, escaped, with the first use of each term not yet in `seen` (this page's terms) marked."""
        if self._regex is None:
            return escape(text)
        out, last = [], 0
        for match in self._regex.finditer(text):
            term = self._by_form.get(_fold(match.group()))
            if term is None or term.id in seen:
                continue
            seen[term.id] = term
            out += [escape(text[last : match.start()]), _button(match.group(), term)]
            last = match.end()
        out.append(escape(text[last:]))
        return Markup("").join(out)


def _fold(form: str) -> str:
    return " ".join(form.casefold().split())


def _button(word: str, term: Term) -> Markup:
    return Markup('<button type="button" class="wvw-term" popovertarget="begrip-{id}" aria-describedby="begrip-{id}">{word}</button>').format(id=term.id, word=word)


def explanations(seen: dict[str, Term], glossary_url: str) -> Markup:
    """The explanations of the terms marked on a page, once each: the popovers the buttons open."""
    if not seen:
        return Markup("")
    items = [
        Markup('<div class="wvw-term-pop" id="begrip-{id}" popover role="note"><p><strong>{term}</strong>: {explanation}</p>'
               '<p><a href="{url}#{id}">Alle begrippen</a></p></div>').format(id=term.id, term=term.term, explanation=term.explanation, url=glossary_url)
        for term in seen.values()
    ]
    return Markup('\n<div class="wvw-terms" data-search-exclude>\n<p class="wvw-terms__title">Begrippen op deze pagina</p>\n') + Markup("\n").join(items) + Markup("\n</div>\n")
