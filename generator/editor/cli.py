"""The editors' commands: find a quote, start an election, coverage, schemas, and the pull request summary.

`cli` registers them with `register`; each command reads the same `--data` and
`--content` options as `check` and `build`. Output is Dutch, for editors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

from .. import urls
from ..build import check, generate
from ..dutch import percent
from ..settings import settings_of
from ..stemhulp.balance import MAX_UNANIMOUS, Balance, balance, lint
from ..views import ElectionView, SiteView
from . import github
from .changes import content_changes, pages_to_show
from .entry import Entry, entry_for
from .finder import FinderError, Hit, Uncited, Widen, find, uncited
from .scaffold import ScaffoldError, new_election
from .schema import SCHEMA_DIR, add_modelines, schema_files, write_schemas

WIDTH = 100
BOLD, PLAIN = "\033[1m", "\033[0m"


def register(sub: argparse._SubParsersAction) -> None:
    vind = sub.add_parser("vind", aliases=["find"], help="zoek een citaat in de brondocumenten en maak er een voorstel van")
    vind.add_argument("phrase", metavar="WOORDEN", help='een paar woorden uit de bron, zoals "sociale huurwoningen bouwen"; tikfouten mogen')
    vind.add_argument("--election", help="zoek alleen in deze verkiezing, zoals leiden-2026")
    vind.add_argument("--actor", help="zoek alleen in de bronnen van deze actor, zoals volt-leiden")
    vind.add_argument("--max", type=int, default=5, help="toon hoogstens zoveel passages (standaard 5)")
    vind.add_argument("--kies", type=int, default=1, metavar="N", help="maak het voorstel bij passage N (standaard 1, de beste)")
    vind.add_argument("--nieuw", action="store_true", help="toon alleen passages die nog in geen enkel voorstel staan")
    vind.add_argument("--titel", help='de titel van het nieuwe voorstel, zoals "Fietsparkeren bij het station"; het id wordt ervan gemaakt')
    vind.add_argument("--zinnen", type=int, default=0, metavar="N", help="neem ook de N zinnen na de gevonden zin in het citaat (binnen de alinea)")
    vind.add_argument("--alinea", action="store_true", help="neem de hele alinea of het hele opsommingspunt als citaat")
    vind.add_argument("--yaml", action="store_true", help="toon alleen het voorstel in YAML, om te kopiëren")
    vind.set_defaults(run=cmd_vind)

    ongeciteerd = sub.add_parser("ongeciteerd", aliases=["uncited"], help="laat de zinnen van een actor zien die nog in geen voorstel staan: een werklijst")
    ongeciteerd.add_argument("actor", metavar="ACTOR", help="het id van de actor, zoals coalitie-leiden")
    ongeciteerd.add_argument("--election", help="de verkiezing, als de actor in meer verkiezingen meedoet")
    ongeciteerd.set_defaults(run=cmd_ongeciteerd)

    nieuw = sub.add_parser("nieuw", aliases=["new"], help="maak een map voor een nieuwe verkiezing")
    nieuw.add_argument("municipality", metavar="GEMEENTE", help='naam van de gemeente, zoals "Utrecht"')
    nieuw.add_argument("text", metavar="TEKST", type=Path, help="het verkiezingsprogramma als .txt (uit een pdf: pdftotext programma.pdf programma.txt)")
    nieuw.add_argument("--partij", required=True, help='naam van de partij, zoals "GroenLinks Utrecht"')
    nieuw.add_argument("--datum", type=_date, help="datum van de verkiezing, zoals 2030-03-20 (standaard: die van de andere verkiezingen)")
    nieuw.set_defaults(run=cmd_nieuw)

    coverage = sub.add_parser("coverage", help="tel de voorstellen per actor en thema")
    coverage.add_argument("--markdown", action="store_true", help="als Markdown-tabel")
    coverage.set_defaults(run=cmd_coverage)

    balans = sub.add_parser("balans", aliases=["balance"], help="laat zien of de stellingen van de stemhulp de actoren uit elkaar houden")
    balans.set_defaults(run=cmd_balans)

    schema = sub.add_parser("schema", help="schrijf de JSON Schema-bestanden in schema/ opnieuw uit generator/models.py")
    schema.set_defaults(run=cmd_schema)

    summary = sub.add_parser("summary", help="samenvatting voor een pull request op GitHub (Markdown)")
    summary.add_argument("--base", type=Path, help="site-data/ van de versie om mee te vergelijken")
    summary.add_argument(
        "--schermafbeeldingen", type=Path, metavar="BESTAND",
        help=f"schrijf hier welke pagina's (hoogstens {github.MAX_SCREENSHOTS}) een schermafbeelding krijgen: per regel bestandsnaam, tab, adres",
    )
    summary.set_defaults(run=cmd_summary)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; schrijf hem als 2030-03-20") from error


# -- vind ------------------------------------------------------------------------------

def cmd_vind(args) -> int:
    checked = check(settings_of(args).data_dir)
    site = checked.site
    if checked.problems:
        print(f"Let op: de gegevens hebben {len(checked.problems)} fout(en); zie make check.", file=sys.stderr)
    widen = Widen(following=max(0, args.zinnen), paragraph=args.alinea)
    try:
        hits = find(site, checked.locations, args.phrase, args.election, args.actor, widen, uncited_only=args.nieuw)
    except FinderError as error:
        print(f"Zoeken lukt niet: {error}", file=sys.stderr)
        return 2
    if not hits:
        more = " die nog niet geciteerd zijn" if args.nieuw else ""
        print(f'Niets gevonden{more} voor "{args.phrase}". Probeer minder of andere woorden.', file=sys.stderr)
        return 1
    if not 1 <= args.kies <= len(hits):
        print(f"--kies {args.kies} kan niet: er zijn {len(hits)} passages.", file=sys.stderr)
        return 2
    entry = entry_for(hits[args.kies - 1], site, checked.locations, args.titel)
    if args.yaml:
        print(entry.text, end="")
        return 0
    shown = hits[: max(args.max, args.kies)]
    print(f'{len(shown)} van {len(hits)} passages voor "{args.phrase}", de beste eerst:\n')
    bold = sys.stdout.isatty()
    for number, hit in enumerate(shown, start=1):
        print(_describe(number, hit, bold))
    chosen = hits[args.kies - 1]
    if chosen.cited_by:
        print(textwrap.fill(
            f"Let op: passage {args.kies} staat al in voorstel {', '.join(chosen.cited_by)}. Kies een andere met"
            ' --kies N (met make: OPTIES="--kies 2"), of toon alleen nieuwe passages met --nieuw.', WIDTH) + "\n")
    print(_paste_instructions(args.kies, entry, titled=bool(args.titel)))
    print(textwrap.indent(entry.text, "  " if entry.new_file else ""), end="")
    return 0


def _describe(number: int, hit: Hit, bold: bool) -> str:
    where = [f"pagina {hit.location.page}"]
    if hit.location.section:
        where.append(f"hoofdstuk '{hit.location.section}'")
    where += [f"regel {hit.location.line} van de brontekst", f"{round(hit.score)}% gelijk"]
    quote = hit.quote
    if bold and hit.match in quote:
        quote = quote.replace(hit.match, f"{BOLD}{hit.match}{PLAIN}", 1)
    lines = [
        f"{number}. {', '.join(a.name for a in hit.actors)} · {hit.source.title}",
        f"   {' · '.join(where)}",
        textwrap.fill(f"«{quote}»", WIDTH, initial_indent="   ", subsequent_indent="    "),
    ]
    if hit.cited_by:
        lines.append(f"   Al geciteerd in: {', '.join(hit.cited_by)}")
    return "\n".join(lines) + "\n"


def _paste_instructions(number: int, entry: Entry, titled: bool) -> str:
    if entry.new_file:
        return textwrap.fill(f"Voorstel bij passage {number}. Maak het bestand {entry.file} met deze inhoud:", WIDTH) + "\n"
    place = "onder 'proposals:'"
    if entry.after:
        place += f", na het voorstel '{entry.after[0]}' (dat begint op regel {entry.after[1]})"
    steps = f"Voorstel bij passage {number}. Plak het in {entry.file}, {place}"
    if entry.empty_list:
        steps += ". Vervang eerst de regel 'proposals: []' (niet de opmerking erboven) door 'proposals:'"
    then = "Controleer dan het thema:" if titled else 'Schrijf dan de titel, maak er een id van en controleer het thema (of geef de titel mee: OPTIES="--titel \'…\'"):'
    return textwrap.fill(f"{steps}. {then}", WIDTH) + "\n"


# -- ongeciteerd ------------------------------------------------------------------------

def cmd_ongeciteerd(args) -> int:
    checked = check(settings_of(args).data_dir)
    if checked.problems:
        print(f"Let op: de gegevens hebben {len(checked.problems)} fout(en); zie make check.", file=sys.stderr)
    try:
        found = uncited(checked.site, checked.locations, args.actor, args.election)
    except FinderError as error:
        print(f"Dat lukt niet: {error}", file=sys.stderr)
        return 2
    print(uncited_text(found), end="")
    return 0


def uncited_text(found: Uncited) -> str:
    """The to-do list: a count, then the sentences under their source, page and chapter."""
    actor = found.actor
    lines = [
        f"{actor.name} ({actor.id}): {len(found.sentences)} zinnen staan nog in geen voorstel.",
        f"Van de {found.total} zinnen in de bron(nen) zijn er {found.cited} geciteerd; {found.skipped} koppen en losse"
        " zinsneden zonder werkwoord zijn overgeslagen.",
        "",
    ]
    place = None
    for sentence in found.sentences:
        here = (sentence.source.title, sentence.page, sentence.section)
        if here != place:
            chapter = f" · hoofdstuk '{sentence.section}'" if sentence.section else ""
            lines.append(f"{sentence.source.title} · pagina {sentence.page}{chapter}")
            place = here
        lines.append(textwrap.fill(f"regel {sentence.line}: «{sentence.text}»", WIDTH, initial_indent="  ", subsequent_indent="    "))
    lines += [
        "",
        textwrap.fill(
            f'Maak er een voorstel van: make vind WOORDEN="een paar woorden uit de zin"'
            f' OPTIES="--actor {actor.id} --election {found.election.id} --nieuw --titel \'Een korte titel\'"', WIDTH),
    ]
    return "\n".join(lines) + "\n"


# -- nieuw ------------------------------------------------------------------------------

def cmd_nieuw(args) -> int:
    data_dir = settings_of(args).data_dir
    try:
        made = new_election(data_dir, args.municipality, args.text, args.partij, args.datum)
    except ScaffoldError as error:
        print(f"Dat lukt niet: {error}", file=sys.stderr)
        return 2
    election_id = made.folder.name
    print(f"Nieuwe verkiezing gemaakt in {made.folder}/:")
    for path in made.files:
        print(f"  {path.relative_to(made.folder)}")
    print(
        f"\nDe tekst heeft {made.pages} pagina('s); afbreekstreepjes: {made.hyphenation}.\n"
        "Volgende stappen:\n"
        f"  1. Lees election.yml en actors.yml na: datum, inleiding en beschrijving.\n"
        f"  2. Zet de hoofdstukken in bronnen/{made.source_id}.yml (sections).\n"
        f'  3. Zoek voorstellen: make vind WOORDEN="een paar woorden" OPTIES="--election {election_id}"\n'
        "  4. Controleer alles met: make check. Bekijk de site met: make serve"
    )
    return 0


# -- coverage, schema, summary ------------------------------------------------------------

def _site_view(args) -> SiteView | None:
    result = generate(settings_of(args))
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"\n{len(result.problems)} fout(en) gevonden; eerst verbeteren.", file=sys.stderr)
        return None
    return result.site


def cmd_coverage(args) -> int:
    site = _site_view(args)
    if site is None:
        return 1
    for election in site.elections:
        if args.markdown:
            print(f"### {election.election.name}\n\n{github.coverage_markdown(election)}\n")
        else:
            print(f"{election.election.name}\n{coverage_text(election)}\n")
            print(f"Per onderwerp\n{topic_coverage_text(election)}\n")
            if election.statements:
                print(f"Stellingen: wie heeft geen standpunt\n{without_position_text(election)}\n")
    return 0


def coverage_text(election: ElectionView) -> str:
    coverage = election.coverage()
    head = ["Thema", *(actor.label for actor in coverage.actors), "Stellingen"]
    rows = [[row.theme.name, *map(str, row.counts), str(row.statements)] for row in coverage.rows]
    rows.append(["Totaal", *map(str, coverage.totals), str(coverage.statements)])
    return "\n".join(_columns([head, *rows]))


def topic_coverage_text(election: ElectionView) -> str:
    """Proposals per actor and topic, and the proposals without a topic."""
    coverage = election.coverage()
    head = ["Onderwerp", *(actor.label for actor in coverage.actors)]
    rows = [[f"{row.theme.id}/{row.topic.id}", *(str(count) if count else "—" for count in row.counts)] for row in coverage.topics]
    lines = _columns([head, *rows])
    if coverage.untagged:
        lines.append(f"\nZonder onderwerp ({len(coverage.untagged)}):")
        lines += [f"  {view.theme.id}: {view.actor.id}/{view.proposal.id}" for view in coverage.untagged]
    return "\n".join(lines)


def _columns(table: list[list[str]]) -> list[str]:
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths, strict=True))).rstrip() for line in table]


def without_position_text(election: ElectionView) -> str:
    lines = []
    for view, missing in election.without_position():
        stated = len(election.stemhulp_actors) - len(missing)
        names = ", ".join(actor.label for actor in missing) or "—"
        lines.append(f"{view.number:>3}. {view.statement.text}\n     standpunt: {stated} van {len(election.stemhulp_actors)}; geen standpunt: {names}")
    return "\n".join(lines)


def cmd_balans(args) -> int:
    site = check(settings_of(args).data_dir).site
    failed = False
    for data in site.elections:
        if not data.statements:
            continue
        print(f"{data.election.name}\n{balance_text(balance(data))}\n")
        found = lint(data)
        for problem in found:
            print(problem)
        failed |= bool(found)
        print()
    return 1 if failed else 0


def balance_text(figures: Balance) -> str:
    lines = [
        f"Stellingen: {figures.statements}; iedereen hetzelfde: {len(figures.unanimous)} (hoogstens {MAX_UNANIMOUS}); eens tegenover oneens: {len(figures.opposite)}",
        f"{'Actor':<28}{'standpunten':>12}{'eens':>6}{'neutraal':>9}{'oneens':>7}{'% oneens':>9}{'altijd eens':>12}{'altijd oneens':>14}",
    ]
    for row in figures.actors:
        lines.append(f"{row.actor.label:<28}{row.positions:>12}{row.eens:>6}{row.neutraal:>9}{row.oneens:>7}{row.oneens_share:>8} %{percent(row.always_eens):>12}{percent(row.always_oneens):>14}")
    return "\n".join(lines)


def cmd_schema(args) -> int:
    data_dir = settings_of(args).data_dir.resolve()
    root = data_dir.parent
    changed = write_schemas(root, data_dir)
    marked = add_modelines(data_dir, root)
    print(f"{len(changed)} schema-bestand(en) bijgewerkt; {len(marked)} YAML-bestand(en) kregen de schema-regel bovenaan.")
    return 0


def cmd_summary(args) -> int:
    settings = settings_of(args)
    current = generate(settings)
    if current.problems:
        print(github.problems_markdown(current.problems), end="")
        return 0
    changes, items = None, None
    if args.base and (args.base / "themes.yml").exists():
        before = generate(replace(settings, data_dir=args.base))
        if not before.problems:
            changes = github.page_changes(before.files, current.files)
            items = content_changes(before.site, current.site)
    shots = github.screenshot_plan(pages_to_show(items or [], changes.added, changes.changed)) if changes else {}
    if args.schermafbeeldingen:
        args.schermafbeeldingen.parent.mkdir(parents=True, exist_ok=True)
        args.schermafbeeldingen.write_text("".join(f"{name}\t{urls.url_of(page)}\n" for page, name in shots.items()), encoding="utf-8")
    preview = github.Preview(github.run_url() if github.in_github_actions() else None, shots)
    print(github.summary(current.site, changes, settings.site_url, items, preview, stale_schemas(settings.data_dir)), end="")
    return 0


def stale_schemas(data_dir: Path) -> list[str]:
    """The committed schemas that no longer match the data (a new actor, theme or topic)."""
    root = data_dir.resolve().parent
    if not (root / SCHEMA_DIR).is_dir():
        return []
    return [relative for relative, text in schema_files(data_dir).items() if not (root / relative).is_file() or (root / relative).read_text(encoding="utf-8") != text]
