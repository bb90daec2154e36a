"""What the stemhulp page needs: the statements, positions and reasons as compact JSON.

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
    """The quiz data; `link` turns a site path into a URL relative to the stemhulp page."""
    actors = e.stemhulp_actors
    data = {
        "version": version(e),
        "positionsVersion": positions_version(e),
        "election": e.label,
        "url": link(e.stemhulp_path),
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
                "explanation": s.statement.explanation,
                "url": link(s.path),
                "positions": {
                    pos.actor.id: pos.stance for pos in s.positions if pos.stance != "geen standpunt"
                },
                "reasons": {
                    pos.actor.id: [{"title": v.proposal.title, "url": link(v.path)} for v in pos.proposals]
                    for pos in s.positions
                    if pos.proposals
                },
            }
            for s in e.statements
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
