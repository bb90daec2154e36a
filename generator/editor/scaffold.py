"""Start a new election: a folder under `site-data/` from a municipality name and a programme text.

The folder validates and builds as it is: one party with its programme as the
source, no proposals yet. Every file starts with its schema comment, and the election gets its own schemas. The text is
copied as it is: `pdftotext` output keeps its form feeds, which mark the pages.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..dutch import dutch_date
from ..load import Loader
from ..quotes import SourceText
from ..quotes.normalise import Hyphenation
from .schema import modeline, write_schemas
from .slugs import slugify

TERM_YEARS = 4  # a Dutch municipal council sits for four years
_SOFT_BREAK = re.compile(r"[a-zà-ÿ]-[ \t]*\n\s*[a-zà-ÿ]")


class ScaffoldError(ValueError):
    """The new election cannot be made; the message says why and what to do."""


@dataclass(frozen=True)
class NewElection:
    folder: Path
    files: list[Path]
    source_id: str
    actor_id: str
    pages: int
    hyphenation: str


def new_election(data_dir: Path, municipality: str, text_file: Path, party: str, date: dt.date | None = None) -> NewElection:
    """Write the folder; nothing is written when any input is wrong."""
    municipality, party = municipality.strip(), party.strip()
    if not slugify(municipality):
        raise ScaffoldError("geef de naam van de gemeente, zoals \"Utrecht\"")
    if not slugify(party):
        raise ScaffoldError("geef de naam van de partij met --partij, zoals --partij \"GroenLinks Utrecht\"")
    date = date or _date_of_other_elections(data_dir)
    text = _read_text(text_file)
    year = date.year
    election_id = f"{slugify(municipality)}-{year}"
    folder = data_dir / election_id
    if folder.exists():
        raise ScaffoldError(f"de map {folder} bestaat al; kies een andere naam of verwijder de map eerst")
    actor_id = slugify(party)
    source_id = f"{actor_id}-{year}-{year + TERM_YEARS}"
    hyphenation = guess_hyphenation(text)
    files = {
        folder / "election.yml": _election_yml(municipality, date, _next_order(data_dir)),
        folder / "actors.yml": _actors_yml(actor_id, party, municipality, source_id, year),
        folder / "bronnen" / f"{source_id}.yml": _source_yml(party, year, hyphenation),
        folder / "proposals" / f"{actor_id}.yml": _proposals_yml(actor_id, source_id, election_id),
    }
    try:
        for path, body in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{modeline(path, data_dir, data_dir.parent)}\n{body}", encoding="utf-8")
        (folder / "bronnen" / f"{source_id}.txt").write_text(text, encoding="utf-8")
        write_schemas(data_dir.parent, data_dir)  # the modelines point to this election's own schemas
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    pages = len(SourceText(text, hyphenation).page_start_lines)
    return NewElection(folder, [*files, folder / "bronnen" / f"{source_id}.txt"], source_id, actor_id, pages, hyphenation)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ScaffoldError(f"kan {path} niet lezen ({error.strerror})") from error
    if raw.startswith(b"%PDF"):
        raise ScaffoldError(f"{path} is een pdf; zet hem eerst om naar tekst: pdftotext {path} programma.txt")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScaffoldError(f"{path} is geen UTF-8-tekst; sla het bestand op als UTF-8") from error
    if not text.strip():
        raise ScaffoldError(f"{path} is leeg")
    return text.replace("\r\n", "\n")


def guess_hyphenation(text: str) -> Hyphenation:
    """'soft' when words are broken over lines with a hyphen (a typeset pdf), else 'hard'."""
    return "soft" if len(_SOFT_BREAK.findall(text)) >= 3 else "hard"


def _date_of_other_elections(data_dir: Path) -> dt.date:
    site = Loader(data_dir).load() if data_dir.exists() else None
    dates = sorted({data.election.date for data in site.elections}) if site else []
    if not dates:
        raise ScaffoldError("geef de datum van de verkiezing met --datum, zoals --datum 2030-03-20")
    return dates[-1]


def _next_order(data_dir: Path) -> int:
    orders = []
    for path in data_dir.glob("*/election.yml"):
        found = re.search(r"^order:\s*(\d+)", path.read_text(encoding="utf-8"), re.MULTILINE)
        orders.append(int(found.group(1)) if found else 100)
    return max(orders, default=0) + 1


def _plain(value: str) -> str:
    """A one-line YAML scalar: plain where that is safe, quoted where it is not."""
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


def _folded(text: str, indent: int) -> str:
    """A long text as `>-` with wrapped lines, the way the curated files write it."""
    pad = " " * indent
    return ">-\n" + "\n".join(pad + line for line in textwrap.wrap(text, 88 - indent))


def _election_yml(municipality: str, date: dt.date, order: int) -> str:
    intro = (
        f"Op {dutch_date(date)} kiest {municipality} een nieuwe gemeenteraad. Hier lees je wat de partijen "
        "willen, per thema en met letterlijke citaten uit hun verkiezingsprogramma."
    )
    return (
        f"name: {_plain(f'Gemeenteraadsverkiezingen {municipality} {date.year}')}\n"
        f"municipality: {_plain(municipality)}\n"
        f"date: {date.isoformat()}\n"
        f"intro: {_folded(intro, 2)}\n"
        f"order: {order}\n"
        "# Doen er twee of meer partijen mee met stellingen? Zet ze dan in de stemhulp:\n"
        "# stemhulp:\n"
        "#   actors: [partij-a, partij-b]\n"
    )


def _actors_yml(actor_id: str, party: str, municipality: str, source_id: str, year: int) -> str:
    description = (
        f"{party} doet mee aan de gemeenteraadsverkiezingen van {year} in {municipality}. "
        f"De voorstellen komen uit het verkiezingsprogramma voor {year}-{year + TERM_YEARS}."
    )
    return (
        f"- id: {actor_id}\n"
        f"  name: {_plain(party)}\n"
        "  kind: partij\n"
        f"  description: {_folded(description, 4)}\n"
        f"  sources: [{source_id}]\n"
    )


def _source_yml(party: str, year: int, hyphenation: str) -> str:
    return (
        f"title: {_plain(f'Verkiezingsprogramma {party} {year}-{year + TERM_YEARS}')}\n"
        f"publisher: {_plain(party)}\n"
        "kind: verkiezingsprogramma\n"
        f"period: {year}-{year + TERM_YEARS}\n"
        "# soft: een streepje aan het eind van een regel breekt een woord af (opgemaakte pdf);\n"
        "# hard: het streepje hoort bij het woord. Geraden uit de tekst; controleer het.\n"
        f"hyphenation: {hyphenation}\n"
        "# De hoofdstukken, in de volgorde van het document. 'starts' zijn de eerste woorden\n"
        "# van de regel waar het hoofdstuk begint, precies zoals in de .txt. Bijvoorbeeld:\n"
        "# sections:\n"
        "#   - title: \"1. Wonen\"\n"
        "#     starts: \"1. Wonen\"\n"
        "sections: []\n"
    )


def _proposals_yml(actor_id: str, source_id: str, election_id: str) -> str:
    return (
        f"actor: {actor_id}\nsource: {source_id}\n"
        f"# Zoek een citaat met: make vind WOORDEN=\"een paar woorden\" OPTIES=\"--election {election_id}\"\n"
        "# Plak het voorstel dat het toont onder de laatste regel. Maak van die regel eerst\n"
        "# 'proposals:' (zonder de rechte haken).\n"
        "proposals: []\n"
    )
