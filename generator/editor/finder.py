"""Find passages in the source documents from a few remembered words.

An editor who wants to add a proposal remembers roughly what a party wrote, not
where. Matching runs on the same normalised text as the quote check
(`normalise`), so line breaks, hyphens at line ends, typographic quotes and
double spaces never stand in the way; rapidfuzz's partial ratio tolerates typos
and missing accents, but a match must start where a word starts ("haven" is
not in "handhaven"), a word of five letters or fewer must begin a word, and a
one-word query needs a closer match than a phrase ("dieren" is not "deuren"). A
hit grows to whole sentences (or, on request, to more sentences or the whole
paragraph or bullet): that stretch is the verbatim quote offered for the
proposal, and `locate` confirms it before it is shown, so a pasted quote always
passes the check. `uncited` lists an actor's sentences that no proposal quotes
yet: a curation to-do list.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz import fuzz, process

from ..load import ElectionData, SiteData
from ..models import Actor, ProposalKey, Source
from ..quotes import QuoteLocation, SourceText, locate, normalise_for_display, normalise_quote

MIN_SCORE = 75.0  # rapidfuzz partial ratio, 0-100
MIN_QUERY = 4  # characters
MAX_QUOTE = 700  # characters; a longer sentence is cut around the hit with "…"
CONTEXT = 250  # characters kept on each side of the hit when cutting
MIN_WORD_SCORE = 80.0  # one word against one word of the document, for keyword search
SHORT_WORD = 5  # a one-word query this short must begin a word of the document
ONE_WORD_SCORE = 85.0  # one word has little to go on: "dieren" is not "deuren"
KEYWORD_PENALTY = 5.0  # keywords spread over a passage rank below the same words as a phrase
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(]?[A-Z0-9À-Ý•●▪■])")
_BULLET = re.compile(r"(?<=\s)[•●▪■]\s")
_CAPITAL = re.compile(r"[\f]?[\"'‘“(]?[A-Z0-9À-Ý]")
_CLOSED = re.compile(r"[.,;:!?-]['\")’”]*$")


class FinderError(ValueError):
    """A search that cannot run (unknown election or actor, too short a phrase); the message says why."""


@dataclass(frozen=True)
class Hit:
    """One passage that matches the phrase, with the quote to use for a proposal."""

    election: ElectionData
    source: Source
    actors: list[Actor]  # who has this source
    score: float
    match: str  # the words that matched, as in the source (normalised)
    quote: str  # whole sentences around the match, verbatim
    location: QuoteLocation
    cited_by: tuple[str, ...]  # proposals that already quote (part of) this passage


@dataclass(frozen=True)
class Widen:
    """How far a hit's quote reaches: its sentences, plus `following` sentences, or its whole paragraph or bullet."""

    following: int = 0
    paragraph: bool = False


def find(
    site: SiteData,
    locations: dict[ProposalKey, QuoteLocation],
    phrase: str,
    election: str | None = None,
    actor: str | None = None,
    widen: Widen = Widen(),
    uncited_only: bool = False,
) -> list[Hit]:
    """Every matching passage, best first, in every source that the filters leave; only passages nobody quotes with `uncited_only`."""
    query = _fold(normalise_quote(phrase))
    if len(query.replace(" ", "")) < MIN_QUERY:
        raise FinderError("geef een paar woorden om naar te zoeken (minstens vier letters)")
    elections = _elections(site, election)
    known = sorted({a.id for data in elections for a in data.actors})
    if actor is not None and actor not in known:
        raise FinderError(f"onbekende actor '{actor}'; kies uit: {', '.join(known)}")
    hits = []
    for data in elections:
        cited = _cited_spans(data, locations)
        for source_id, text in data.texts.items():
            owners = [a for a in data.actors if source_id in a.sources and (actor is None or a.id == actor)]
            if not owners:
                continue
            spans = sentences(text)
            for score, start, end in _search(query, text, spans):
                hit = _hit(data, data.sources[source_id], owners, text, spans, score, start, end, widen)
                if hit:
                    hits.append(_with_citations(hit, cited.get(source_id, [])))
    if uncited_only:
        hits = [hit for hit in hits if not hit.cited_by]
    # Equal scores: passages not quoted yet first, as a new proposal is what an editor looks for.
    hits.sort(key=lambda h: (-h.score, bool(h.cited_by), h.election.id, h.source.id, h.location.start))
    return hits


def _elections(site: SiteData, wanted: str | None) -> list[ElectionData]:
    if wanted is None:
        return site.elections
    chosen = [data for data in site.elections if data.id == wanted]
    if not chosen:
        raise FinderError(f"onbekende verkiezing '{wanted}'; kies uit: {', '.join(d.id for d in site.elections)}")
    return chosen


# -- matching -----------------------------------------------------------------

@cache
def _fold_char(ch: str) -> str:
    """Lower case without accents, one character for one, so offsets stay valid."""
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def _fold(text: str) -> str:
    return "".join(_fold_char(ch) for ch in text)


def sentences(text: SourceText) -> list[tuple[int, int]]:
    """(start, end) of each sentence in the source's normalised text; paragraphs and bullets also end one."""
    normal = text.normalised
    cuts = {0, len(normal.text)}
    cuts.update(bisect_left(normal.origin, p.start) for p in text.paragraphs)
    cuts.update(m.end() for m in _SENTENCE_END.finditer(normal.text))
    cuts.update(m.start() for m in _BULLET.finditer(normal.text))
    cuts.update(bisect_left(normal.origin, offset) for offset in _heading_edges(text))
    spans = []
    for start, end in itertools.pairwise(sorted(cuts)):
        while start < end and normal.text[start] in " •●▪■":  # a bullet is no part of the quote
            start += 1
        while end > start and normal.text[end - 1] == " ":
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _heading_edges(text: SourceText) -> list[int]:
    """Start and end of each heading line, so that a heading never glues onto a quote."""
    edges = []
    for index in _heading_lines(text):
        start = text.line_starts[index]
        edges += [start, start + len(text.lines[index])]
    return edges


def _heading_lines(text: SourceText) -> list[int]:
    """Indexes of the heading lines: a section's line, or a short line that looks like a heading.

    That is a line that starts with a capital, ends without punctuation and is
    followed by a capital ("2. Groen" above "We planten…").
    """
    section_lines = {section.line for section in text.sections}
    found = []
    for index, line in enumerate(text.lines):
        stripped = line.strip()
        if not stripped:
            continue
        following = next((later for later in text.lines[index + 1 : index + 4] if later.strip()), "")
        short = len(stripped) <= 60 and len(stripped.split()) <= 8
        looks_like_heading = short and _CAPITAL.match(stripped) and not _CLOSED.search(stripped) and _CAPITAL.match(following.strip())
        if index + 1 in section_lines or looks_like_heading:
            found.append(index)
    return found


def _search(query: str, text: SourceText, spans: list[tuple[int, int]]) -> list[tuple[float, int, int]]:
    """(score, start, end) of each hit in the normalised text, one per passage."""
    folded = _fold(text.normalised.text)
    windows = [_window(spans, i, len(query)) for i in range(len(spans))]
    found = _phrase_hits(query, folded, windows) + _keyword_hits(query, folded, windows)
    best: dict[tuple[int, int], tuple[float, int, int]] = {}
    for score, start, end in found:
        key = _covering(spans, start, end)
        if key not in best or score > best[key][0]:
            best[key] = (score, start, end)
    return list(best.values())


def _phrase_hits(query: str, folded: str, windows: list[tuple[int, int]]) -> list[tuple[float, int, int]]:
    """The words as one phrase, typos allowed (rapidfuzz's partial ratio)."""
    choices = [folded[start:end] for start, end in windows]
    found = []
    for _, score, index in process.extract(query, choices, scorer=fuzz.partial_ratio, score_cutoff=MIN_SCORE, limit=None):
        aligned = fuzz.partial_ratio_alignment(query, choices[index])
        if aligned is None:
            continue
        offset = windows[index][0]
        start, end = _whole_words(folded, offset + aligned.dest_start, offset + aligned.dest_end)
        at_word_start = start == offset + aligned.dest_start
        if " " not in query and len(query) <= SHORT_WORD and not (at_word_start and score == 100):
            continue  # a short word must begin a word: "haven", not "handhaven"
        if not at_word_start:  # a match inside a word counts as the whole words it touches
            score = fuzz.ratio(query, folded[start:end])
        if score >= (ONE_WORD_SCORE if " " not in query else MIN_SCORE):
            found.append((score, start, end))
    return found


def _keyword_hits(query: str, folded: str, windows: list[tuple[int, int]]) -> list[tuple[float, int, int]]:
    """All the words close together but not as one phrase ("basisinkomen jongeren").

    Each word may have a typo (rapidfuzz's ratio against the document's words); the
    score is their mean, less a little so that the phrase itself ranks first.
    """
    wanted = [word for word in re.findall(r"\w+", query) if len(word) > 2]
    if len(wanted) < 2:
        return []
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\w+", folded)]
    vocabulary = {token for _, _, token in tokens}
    scores = [
        {word: score for word, score, _ in process.extract(w, vocabulary, scorer=fuzz.ratio, score_cutoff=MIN_WORD_SCORE, limit=None)}
        for w in wanted
    ]
    matches = [(start, end, i, score[token]) for start, end, token in tokens for i, score in enumerate(scores) if token in score]
    starts = [start for start, _, _, _ in matches]
    found = []
    for low, high in windows:
        best: dict[int, tuple[float, int, int]] = {}
        for start, end, i, score in matches[bisect_left(starts, low) : bisect_left(starts, high)]:
            if i not in best or score > best[i][0]:
                best[i] = (score, start, end)
        if len(best) == len(wanted):
            score = sum(hit[0] for hit in best.values()) / len(wanted) - KEYWORD_PENALTY
            if score >= MIN_SCORE:
                found.append((score, min(h[1] for h in best.values()), max(h[2] for h in best.values())))
    return found


def _window(spans: list[tuple[int, int]], first: int, length: int) -> tuple[int, int]:
    """A sentence and the ones after it: at least two, and at least as long as the query."""
    last = first
    while last + 1 < len(spans) and (last == first or spans[last][1] - spans[first][0] < length):
        last += 1
    return spans[first][0], spans[last][1]


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _covering(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Indexes of the first and last sentence that the stretch [start, end) touches."""
    starts = [span[0] for span in spans]
    first = max(0, bisect_right(starts, start) - 1)
    last = max(first, bisect_left(starts, end) - 1)
    return first, last


# -- from a hit to a quote ------------------------------------------------------

def _hit(data, source, owners, text, spans, score, start, end, widen: Widen = Widen()) -> Hit | None:
    first, last = _covering(spans, start, end)
    low, high = spans[first][0], spans[last][1]
    if widen.paragraph or widen.following:
        low, high = _widened(text, spans, first, last, widen)
        quote = _quote(text, low, high, low, high)
    else:
        quote = _quote(text, low, high, start, end)
    location = locate(quote, text)
    if location is None:  # cannot happen for text cut from the source; never offer a quote that fails
        return None
    return Hit(data, source, owners, score, text.normalised.text[start:end], quote, location, ())


def _widened(text: SourceText, spans: list[tuple[int, int]], first: int, last: int, widen: Widen) -> tuple[int, int]:
    """The normalised stretch of the hit's paragraph (or bullet), or of its sentences and `following` more within it."""
    normal = text.normalised
    paragraph = text.paragraph_at(normal.origin[spans[first][0]])
    para_start, para_end = bisect_left(normal.origin, paragraph.start), bisect_left(normal.origin, paragraph.end)
    inside = [i for i, (start, end) in enumerate(spans) if start >= para_start and end <= para_end] or [first]
    if widen.paragraph:
        return spans[min(inside[0], first)][0], spans[max(inside[-1], last)][1]
    last = min(last + widen.following, max(inside[-1], last))
    return spans[first][0], spans[last][1]


def _quote(text: SourceText, start: int, end: int, hit_start: int, hit_end: int) -> str:
    """The verbatim text of normalised [start, end), as printed; cut around the hit when too long."""
    normal = text.normalised.text
    before = after = ""
    if end - start > MAX_QUOTE:
        low, high = max(start, hit_start - CONTEXT), min(end, hit_end + CONTEXT)
        if low > start:
            low = min(normal.find(" ", low) + 1, hit_start) or low
            before = "… "
        if high < end:
            high = max(normal.rfind(" ", hit_end, high), hit_end)
            after = " …"
        start, end = low, high
    origin = text.normalised.origin
    raw = text.text[origin[start] : origin[end - 1] + 1]
    return before + normalise_for_display(raw, text.hyphenation) + after


def _cited_spans(data: ElectionData, locations: dict[ProposalKey, QuoteLocation]) -> dict[str, list[tuple[int, int, str, str]]]:
    """Per source: (start, end, actor, proposal id) of every quote already in the data."""
    actors = {actor.id: actor for actor in data.actors}
    spans: dict[str, list[tuple[int, int, str, str]]] = {}
    for proposal in data.proposals:
        where = locations.get((data.id, proposal.actor, proposal.id))
        actor = actors.get(proposal.actor)
        if where is None or actor is None:
            continue
        source_id = proposal.source or actor.sources[0]
        spans.setdefault(source_id, []).append((where.start, where.end, proposal.actor, proposal.id))
    return spans


def _with_citations(hit: Hit, cited: list[tuple[int, int, str, str]]) -> Hit:
    owners = {actor.id for actor in hit.actors}
    ids = tuple(
        proposal_id
        for start, end, actor_id, proposal_id in cited
        if actor_id in owners and start < hit.location.end and hit.location.start < end
    )
    return replace(hit, cited_by=ids)


# -- what nobody quotes yet -------------------------------------------------------

MIN_WORDS = 4  # fewer words is a fragment: a caption, a table cell, a running header
# Finite verbs and auxiliaries that proposals use; a sentence without any of them (and
# without "we …" or "te …en") is most likely a heading or a fragment, not a proposal.
VERBS = frozenset({
    "is", "zijn", "ben", "bent", "was", "waren", "wordt", "worden", "werd", "werden", "heeft", "hebben", "had",
    "hadden", "kan", "kunnen", "kon", "konden", "moet", "moeten", "moest", "moesten", "zal", "zullen", "zou", "zouden",
    "wil", "willen", "wilde", "wilden", "gaat", "gaan", "ging", "gingen", "komt", "komen", "kwam", "kwamen", "blijft",
    "blijven", "krijgt", "krijgen", "maakt", "maken", "zorgt", "zorgen", "staat", "staan", "geeft", "geven", "houdt",
    "houden", "zet", "zetten", "brengt", "brengen", "biedt", "bieden", "neemt", "nemen", "vindt", "vinden", "ziet",
    "zien", "werkt", "werken", "helpt", "helpen", "investeert", "investeren", "bouwt", "bouwen", "steunt", "steunen",
    "stimuleert", "stimuleren", "verbetert", "verbeteren", "verhoogt", "verhogen", "verlaagt", "verlagen", "onderzoekt",
    "onderzoeken", "pakt", "pakken", "richt", "richten", "ontwikkelt", "ontwikkelen", "realiseert", "realiseren",
    "versterkt", "versterken", "behoudt", "behouden", "beschermt", "beschermen", "zoekt", "zoeken", "kiest", "kiezen",
    "legt", "leggen", "betaalt", "betalen", "vraagt", "vragen", "doet", "doen", "gebruikt", "gebruiken", "draagt",
    "dragen", "ligt", "liggen", "betekent", "betekenen", "hoort", "horen", "mag", "mogen", "voert", "voeren"
})
_CAPTION = re.compile(r"^(?:tabel|figuur|foto|afbeelding|grafiek|kaart|bron)\b")
_PRONOUN_VERB = re.compile(r"\b(?:we|wij|ik|zij|ze|u|je|jij)\s+\w+|\bte\s+\w+en\b")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or bullet) of a source, as printed, with where it stands."""

    source: Source
    text: str
    line: int
    page: int
    section: str | None


@dataclass(frozen=True)
class Uncited:
    """An actor's sentences that no proposal of theirs quotes, in document order, and how many were left out."""

    actor: Actor
    election: ElectionData
    sentences: list[Sentence]
    total: int  # every sentence of the actor's sources
    cited: int  # sentences (partly) quoted by a proposal
    skipped: int  # headings and fragments without a verb


def uncited(site: SiteData, locations: dict[ProposalKey, QuoteLocation], actor_id: str, election: str | None = None) -> Uncited:
    """The sentences of `actor_id`'s sources that none of their proposals quotes: a curation to-do list."""
    data, actor = _actor(site, actor_id, election)
    cited = _cited_spans(data, locations)
    found, total, quoted, skipped = [], 0, 0, 0
    for source_id in actor.sources:
        text = data.texts.get(source_id)
        if text is None:
            continue
        spans = [(start, end) for start, end, owner, _ in cited.get(source_id, []) if owner == actor.id]
        headings = set(_heading_lines(text))
        for start, end in sentences(text):
            total += 1
            raw_start, raw_end = text.normalised.origin[start], text.normalised.origin[end - 1] + 1
            if any(low < raw_end and raw_start < high for low, high in spans):
                quoted += 1
                continue
            sentence = normalise_for_display(text.text[raw_start:raw_end], text.hyphenation)
            line = text.line_of(raw_start)
            if line - 1 in headings or not _says_something(sentence):
                skipped += 1
                continue
            section = text.section_of_line(line)
            found.append(Sentence(data.sources[source_id], sentence, line, text.page_of_line(line), section.title if section else None))
    return Uncited(actor, data, found, total, quoted, skipped)


def _actor(site: SiteData, actor_id: str, election: str | None) -> tuple[ElectionData, Actor]:
    having = [(data, a) for data in _elections(site, election) for a in data.actors if a.id == actor_id]
    if not having:
        known = sorted({a.id for data in _elections(site, election) for a in data.actors})
        raise FinderError(f"onbekende actor '{actor_id}'; kies uit: {', '.join(known)}")
    if len(having) > 1:
        raise FinderError(f"'{actor_id}' doet mee in {', '.join(data.id for data, _ in having)}; kies er een met --election")
    return having[0]


def _says_something(sentence: str) -> bool:
    """Enough words, and a verb-like word: not a heading, caption or table cell."""
    folded = _fold(sentence)
    words = re.findall(r"\w+", folded)
    if len(words) < MIN_WORDS or _CAPTION.match(folded):
        return False
    return any(word in VERBS for word in words) or _PRONOUN_VERB.search(folded) is not None
