"""Open data: each election's `data.json` (everything) and `voorstellen.csv` (every proposal)."""

from __future__ import annotations

import csv
import io
import json

from . import urls
from .views import ElectionView, ProposalView

CSV_COLUMNS = ["verkiezing", "actor", "id", "thema", "onderwerp", "vraag", "titel", "citaat", "bron", "pagina", "hoofdstuk", "url"]


def _proposal_record(view: ProposalView) -> dict:
    return {
        "id": view.proposal.id,
        "actor": view.actor.id,
        "theme": view.theme.id,
        "topic": {"id": view.topic.id, "question": view.topic.question} if view.topic else None,
        "title": view.proposal.title,
        "quote": view.proposal.quote,
        "source": view.source.id,
        "page": view.location.page,
        "section": view.location.section,
        "url": urls.url_of(view.path),
        "context_url": view.context_url,
    }


def election_json(e: ElectionView) -> str:
    data = {
        "schema_version": 2,
        "election": {
            "id": e.id,
            "name": e.election.name,
            "municipality": e.election.municipality,
            "date": e.election.date.isoformat(),
            "stemhulp_actors": e.election.stemhulp.actors,
        },
        "themes": [
            {
                "id": t.theme.id,
                "name": t.theme.name,
                "description": t.theme.description,
                "topics": [{"id": topic.topic.id, "question": topic.topic.question, "description": topic.topic.description} for topic in t.topics],
            }
            for t in e.themes
        ],
        "actors": [
            {"id": a.id, "name": a.name, "short_name": a.label, "kind": a.kind, "party": a.party, "sources": a.sources}
            for a in e.actors
        ],
        "sources": [
            {
                "id": s.source.id,
                "title": s.source.title,
                "publisher": s.source.publisher,
                "kind": s.source.kind,
                "period": s.source.period,
                "date": s.source.date.isoformat() if s.source.date else None,
                "url": s.source.url,
            }
            for s in e.sources
        ],
        "proposals": [_proposal_record(v) for v in e.proposals],
        "statements": [
            {
                "id": s.statement.id,
                "theme": s.theme.id,
                "text": s.statement.text,
                "explanation": s.statement.explanation,
                "positions": {
                    pos.actor.id: {
                        "position": pos.stance,
                        "proposals": [v.proposal.id for v in pos.proposals],
                        "explanation": pos.explanation,
                    }
                    for pos in s.positions
                },
            }
            for s in e.statements
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def proposals_csv(e: ElectionView) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for view in e.proposals:
        r = _proposal_record(view)
        topic = r["topic"] or {"id": "", "question": ""}
        writer.writerow([e.id, r["actor"], r["id"], r["theme"], topic["id"], topic["question"], r["title"], r["quote"], r["source"], r["page"], r["section"] or "", r["url"]])
    return out.getvalue()
