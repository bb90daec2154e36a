"""Open data: each election's `data.json` (everything), `voorstellen.csv` (every proposal) and
`datapackage.json`, a Frictionless Data Package that describes both (fields, types, licence, sources).

The CSV is safe to open in a spreadsheet: a cell that a spreadsheet would read as a
formula (it starts with =, +, -, @, a tab or a carriage return) gets a leading
apostrophe, as OWASP recommends against CSV injection.
"""

from __future__ import annotations

import csv
import io
import json

from . import urls
from .views import ElectionView, ProposalView

CSV_FIELDS = [  # name, type, description (Dutch)
    ("verkiezing", "string", "Id van de verkiezing, zoals leiden-2026."),
    ("actor", "string", "Id van de partij of organisatie."),
    ("id", "string", "Id van het voorstel, uniek per actor."),
    ("thema", "string", "Id van het thema."),
    ("onderwerp", "string", "Id van het onderwerp (de vraag), of leeg."),
    ("vraag", "string", "De vraag van het onderwerp, of leeg."),
    ("titel", "string", "Korte, neutrale titel van het voorstel (van de redactie)."),
    ("citaat", "string", "Het letterlijke citaat uit de bron."),
    ("bron", "string", "Id van het brondocument."),
    ("pagina", "integer", "Paginanummer in de bron, bij benadering."),
    ("hoofdstuk", "string", "Hoofdstuk in de bron, of leeg."),
    ("url", "string", "Adres van het voorstel op de site, vanaf de hoofdmap."),
]
CSV_COLUMNS = [name for name, _, _ in CSV_FIELDS]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
        row = [e.id, r["actor"], r["id"], r["theme"], topic["id"], topic["question"], r["title"], r["quote"], r["source"], r["page"], r["section"] or "", r["url"]]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return out.getvalue()


def spreadsheet_safe(cell: object) -> object:
    """Text that a spreadsheet would run as a formula starts with an apostrophe instead (OWASP, CSV injection)."""
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(_FORMULA_START) else cell


def datapackage_json(e: ElectionView, site_name: str, site_url: str, data_licence: str) -> str:
    """A Frictionless Data Package (v1) describing the election's data.json and voorstellen.csv."""
    package = {
        "profile": "data-package",
        "name": f"wat-wil-wie-{e.id}",
        "title": f"{site_name}: {e.election.name}",
        "description": f"Voorstellen (letterlijke citaten) en stemhulpstandpunten bij de {e.election.name}: {e.scope}.",
        "homepage": site_url + urls.url_of(e.path) if site_url else None,
        "licenses": [_licence(data_licence)],
        "sources": [
            {"title": f"{s.source.title} ({s.source.publisher}, {s.source.period})", **({"path": s.source.url} if s.source.url else {})}
            for s in e.sources
        ],
        "resources": [
            {
                "name": "voorstellen",
                "path": "voorstellen.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True, "header": True},
                "description": "Alle voorstellen, één per regel. Cellen die een spreadsheet als formule zou lezen, beginnen met een apostrof.",
                "schema": {
                    "fields": [{"name": name, "type": kind, "description": text} for name, kind, text in CSV_FIELDS],
                    "primaryKey": ["actor", "id"],
                },
            },
            {
                "name": "data",
                "path": "data.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": "Alles van deze verkiezing: verkiezing, thema's met onderwerpen, partijen en organisaties, bronnen, voorstellen en stellingen met standpunten. Veldnamen staan op de pagina 'Zo werkt deze site'.",
            },
        ],
    }
    return json.dumps({k: v for k, v in package.items() if v is not None}, ensure_ascii=False, indent=1) + "\n"


_LICENCES = {"CC BY 4.0": ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0")}


def _licence(name: str) -> dict[str, str]:
    spdx, path, title = _LICENCES.get(name, (name.replace(" ", "-"), "", name))
    return {"name": spdx, "title": title, **({"path": path} if path else {})}
