"""What the stemhulp needs: the statements and positions as compact JSON in the page, and their
explanations and reasons in a file of their own that the quiz fetches once the reader uses it
(it is the larger half, and a reader who only wants a result never opens it).

The quiz runs in the browser (content/assets/stemhulp.js); this module only
prepares public data. Nothing personal is computed here or anywhere else.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from .. import urls
from ..dutch import KIND_LABELS, kind_note
from ..views import ElectionView
from .matching import MIN_OVERLAP


def version(e: ElectionView) -> str:
    """Changes when statements are added, removed or reordered: old result links can then not be read."""
    return _hash("\n".join(s.statement.id for s in e.statements))


def positions_version(e: ElectionView) -> str:
    """Changes when any position changes: an old result link then says its result was recomputed."""
    return _hash("\n".join(f"{s.statement.id}:{pos.actor.id}:{pos.stance}" for s in e.statements for pos in s.positions))


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def stemhulp_json(e: ElectionView, link: Callable[[str], str]) -> str:
    """The quiz data in the page; `link` turns a site path into a URL relative to the stemhulp page."""
    actors = e.stemhulp_actors
    data = {
        "version": version(e),
        "positionsVersion": positions_version(e),
        "election": e.label,
        "url": link(e.stemhulp_path),
        "details": link(urls.stemhulp_details(e.id)) + "?v=" + _hash(stemhulp_details_json(e, link)),  # a new file, a new address
        "minOverlap": MIN_OVERLAP,
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "short": a.label,
                "kind": KIND_LABELS[a.kind],
                "onBallot": a.on_ballot,
                "note": kind_note(a),
                "style": a.style,
                "url": link(e.actor_path(a)),
                "shareUrl": link(urls.stemhulp_result(e.id, a.id)) if a.on_ballot else None,
            }
            for a in actors
        ],
        "statements": [
            {
                "id": s.statement.id,
                "text": s.statement.text,
                "theme": s.theme.name,
                "url": link(s.path),
                "positions": {
                    pos.actor.id: pos.stance for pos in s.positions if pos.stance != "geen standpunt"
                },
            }
            for s in e.statements
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def stemhulp_details_json(e: ElectionView, link: Callable[[str], str]) -> str:
    """Per statement its explanation and, per actor, the proposals behind its position (`link` as above)."""
    return json.dumps({"statements": _details(e, link)}, ensure_ascii=False, separators=(",", ":"))


def _details(e: ElectionView, link: Callable[[str], str]) -> dict:
    return {
        s.statement.id: {
            "explanation": s.statement.explanation,
            "reasons": {
                pos.actor.id: [{"title": v.proposal.title, "url": link(v.path)} for v in pos.proposals]
                for pos in s.positions
                if pos.proposals
            },
        }
        for s in e.statements
    }
