"""What a pull request shows an editor on GitHub: annotations on the changed lines, and a job summary.

An annotation (`::error file=…,line=…::…`) puts a validation error on the very
line of the pull request's diff. The job summary (Markdown, appended to
$GITHUB_STEP_SUMMARY by the workflow) shows a reviewer what the change does:
the changed quotes, titles and stemhulp positions before and after, the pages
it adds, changes or removes with where to see them in the run's artifact
(the built site and phone screenshots), and the coverage table per election.
"""

from __future__ import annotations

import difflib
import os
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field

from .. import urls
from ..dutch import percent
from ..escape import md_inline
from ..problems import Note, Problem
from ..views import ElectionView, SiteView
from .changes import ItemChange, TextChange

MAX_LISTED = 40  # pages per list in the summary; the rest is counted
MAX_ITEMS = 30  # changed proposals and statements shown with their texts; the rest is counted
MAX_SCREENSHOTS = 10
ARTIFACT = "voorbeeld"  # the run's artifact: the built site in site/, screenshots in schermafbeeldingen/
SCREENSHOT_DIR = "schermafbeeldingen"
LOCAL_PREVIEW = "http://localhost:8000/"  # `python3 -m http.server 8000` in the artifact's site/ folder
WRAP = 100  # characters per line in a before/after block


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def annotation(problem: Problem) -> str:
    """A workflow command that GitHub shows on the problem's file and line: an error, or a warning for a `Note`."""
    text = f"{problem.message} — {problem.hint}" if problem.hint else problem.message
    level, title = ("warning", "Let op") if isinstance(problem, Note) else ("error", "Fout in de gegevens")
    return f"::{level} file={_property(problem.file)},line={problem.line},title={_property(title)}::{_data(text)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


# -- job summary -------------------------------------------------------------------

@dataclass(frozen=True)
class PageChanges:
    added: list[str]
    changed: list[str]
    removed: list[str]

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def page_changes(before: Mapping[str, object], after: Mapping[str, object]) -> PageChanges:
    """Which generated pages differ between two renderings (Markdown paths under content/)."""
    old, new = _pages(before), _pages(after)
    return PageChanges(
        added=sorted(new - old),
        changed=sorted(path for path in old & new if before[path] != after[path]),
        removed=sorted(old - new),
    )


def _pages(files: Mapping[str, object]) -> set[str]:
    return {path for path in files if path.endswith(".md")}


def coverage_markdown(election: ElectionView) -> str:
    """The method page's coverage table as a Markdown table."""
    coverage = election.coverage()
    head = ["Thema", *(actor.label for actor in coverage.actors), "Stellingen"]
    lines = [_row(head), _row(["---"] + ["--:"] * (len(head) - 1))]
    for row in coverage.rows:
        lines.append(_row([row.theme.name, *map(str, row.counts), str(row.statements)]))
    lines.append(_row(["**Totaal**", *(f"**{total}**" for total in coverage.totals), f"**{coverage.statements}**"]))
    lines += ["", "<details><summary>Per onderwerp</summary>", "", _row(["Onderwerp", *(actor.label for actor in coverage.actors)]), _row(["---"] + ["--:"] * len(coverage.actors))]
    for topic in coverage.topics:
        lines.append(_row([topic.topic.question, *(str(count) if count else "—" for count in topic.counts)]))
    if coverage.untagged:
        listing = ", ".join(f"{view.actor.id}/{view.proposal.id}" for view in coverage.untagged)
        lines += ["", f"Zonder onderwerp ({len(coverage.untagged)}): {md_inline(listing)}"]
    lines += ["", "</details>"]
    if election.statements:
        lines += ["", _row(["Stelling", "Geen standpunt"]), _row(["---", "---"])]
        for view, missing in election.without_position():
            lines.append(_row([f"{view.number}. {view.statement.text}", ", ".join(a.label for a in missing) or "—"]))
    return "\n".join(lines)


def balance_markdown(election: ElectionView) -> str:
    """The stemhulp's balance figures, as on the method page."""
    figures = election.balance
    lines = [
        f"{figures.statements} stellingen; iedereen hetzelfde: {len(figures.unanimous)}; eens tegenover oneens: {len(figures.opposite)}",
        "",
        _row(["Wie", "Eens", "Neutraal", "Oneens", "% oneens", "Altijd eens", "Altijd oneens"]),
        _row(["---"] + ["--:"] * 6),
    ]
    for row in figures.actors:
        lines.append(_row([row.actor.label, str(row.eens), str(row.neutraal), str(row.oneens), f"{row.oneens_share} %", percent(row.always_eens), percent(row.always_oneens)]))
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell if cell.startswith(("**", "---", "--:")) else md_inline(cell) for cell in cells) + " |"


@dataclass(frozen=True)
class Preview:
    """Where a reviewer finds the built pull request: the artifact of this workflow run."""

    run_url: str | None = None  # the run's page on GitHub (its Artifacts are at the bottom); None outside Actions
    screenshots: dict[str, str] = field(default_factory=dict)  # page (Markdown path) -> PNG file in the artifact


def run_url(environ: Mapping[str, str] = os.environ) -> str | None:
    """The page of the current workflow run, from the variables GitHub Actions sets."""
    parts = [environ.get(name, "") for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")]
    return "{}/{}/actions/runs/{}".format(*parts) if all(parts) else None


def screenshot_plan(pages: list[str]) -> dict[str, str]:
    """The first pages to photograph, each with its PNG name: '01-leiden-2026-stelling-x.png'."""
    return {page: f"{number:02d}-{_slug(urls.url_of(page))}.png" for number, page in enumerate(pages[:MAX_SCREENSHOTS], start=1)}


def _slug(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"


def summary(
    site: SiteView,
    changes: PageChanges | None,
    site_url: str,
    items: list[ItemChange] | None = None,
    preview: Preview | None = None,
    stale_schemas: list[str] | None = None,
) -> str:
    preview = preview or Preview()
    parts = ["## Wat wil wie? — controle geslaagd", ""]
    if items:
        parts += _items_markdown(items)
    parts += ["### Gewijzigde pagina's", ""]
    if changes is None:
        parts.append("De vorige versie kon niet worden vergeleken.")
    elif changes.empty:
        parts.append("Geen enkele pagina verandert.")
    else:
        parts += _how_to_look(preview)
        parts += _listing("Nieuw", changes.added, preview, None)
        parts += _listing("Gewijzigd", changes.changed, preview, site_url)
        parts += _listing("Verwijderd", changes.removed, None, site_url)
    if stale_schemas:
        parts += ["", f"De hulp voor editors in `schema/` loopt achter op de gegevens ({len(stale_schemas)} bestand(en)). Dat houdt niets tegen: een beheerder draait later `make schema`."]
    for election in site.elections:
        parts += ["", f"### {md_inline(election.election.name)}", "", coverage_markdown(election)]
        if election.has_stemhulp:
            parts += ["", "#### Balans van de stemhulp", "", balance_markdown(election)]
    return "\n".join(parts) + "\n"


def _how_to_look(preview: Preview) -> list[str]:
    run = f"[deze run]({preview.run_url})" if preview.run_url else "deze run"
    return [
        "**Zo bekijk je de nieuwe versie:**",
        "",
        f"1. Open {run} en klik onderaan bij **Artifacts** op `{ARTIFACT}` (daarvoor moet je ingelogd zijn). Je krijgt een zip-bestand.",
        "2. Pak de zip uit."
        + (f" In de map `{SCREENSHOT_DIR}/` staan foto's van de eerste {len(preview.screenshots)} pagina's hieronder, zo breed als een telefoon (360 pixels)." if preview.screenshots else ""),
        "3. Zelf door de site klikken? Open een terminal in de uitgepakte map `site/` en typ `python3 -m http.server 8000`. Dan werken de links **nieuwe versie** hieronder, op je eigen computer.",
        "",
        "Let op: de links **online** gaan naar de site zoals hij nu is, dus de oude versie, zonder deze wijziging.",
        "",
    ]


def _listing(label: str, paths: list[str], preview: Preview | None, site_url: str | None) -> list[str]:
    if not paths:
        return []
    lines = [f"**{label}** ({len(paths)}):", ""]
    for path in paths[:MAX_LISTED]:
        url = urls.url_of(path)
        links = [f"`/{url}`"]
        if preview is not None:
            links.append(f"[nieuwe versie]({LOCAL_PREVIEW}{url})")
            if path in preview.screenshots:
                links.append(f"foto `{SCREENSHOT_DIR}/{preview.screenshots[path]}`")
        if site_url:
            links.append(f"[online (oude versie)]({site_url.rstrip('/')}/{url})")
        lines.append("- " + " · ".join(links))
    if len(paths) > MAX_LISTED:
        lines.append(f"- … en nog {len(paths) - MAX_LISTED}")
    lines.append("")
    return lines


# -- the content itself, before and after ---------------------------------------------

_HEADINGS = {"nieuw": "Nieuw", "gewijzigd": "Gewijzigd", "verwijderd": "Verwijderd"}


def _items_markdown(items: list[ItemChange]) -> list[str]:
    lines = [f"### Wat er inhoudelijk verandert ({len(items)})", "", "Met `-` de oude tekst, met `+` de nieuwe.", ""]
    for item in items[:MAX_ITEMS]:
        lines.append(f"**{_HEADINGS[item.status]}: {item.kind} `{item.key}`** ({md_inline(item.election)}): {md_inline(item.title)}")
        lines += ["", *_diff_block(item.texts), ""]
    if len(items) > MAX_ITEMS:
        lines += [f"… en nog {len(items) - MAX_ITEMS} voorstel(len) of stelling(en).", ""]
    return lines


def _diff_block(texts: tuple[TextChange, ...]) -> list[str]:
    """A fenced `diff` block: GitHub colours removed lines red and added lines green."""
    body: list[str] = []
    for text in texts:
        body.append(f"@@ {text.label} @@")
        body += text_diff(text.before, text.after, text.prose)
    longest = max((len(run) for run in re.findall(r"`+", "\n".join(body))), default=0)
    fence = "`" * max(3, longest + 1)  # editor text can hold backticks: the fence is always longer
    return [f"{fence}diff", *body, fence]


def text_diff(before: str | None, after: str | None, prose: bool = True) -> list[str]:
    """Diff lines of two texts, prose a sentence (wrapped) per line, with a line of context around each change."""
    old, new = _lines(before, prose), _lines(after, prose)
    if not old or not new:
        return [("+ " if new else "- ") + line for line in new or old]
    diff = list(difflib.unified_diff(old, new, n=1, lineterm=""))[2:]
    return [("  …" if line.startswith("@@") else f"{line[0]} {line[1:]}") for line in diff][1:]


def _lines(text: str | None, prose: bool) -> list[str]:
    if not text:
        return []
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if prose else [" ".join(text.split())]
    return [piece for sentence in sentences for piece in textwrap.wrap(sentence, WRAP, break_on_hyphens=False)]


def problems_markdown(problems: list[Problem]) -> str:
    lines = [f"## Wat wil wie? — {len(problems)} fout(en) in de gegevens", "", "Er is niets gebouwd. Verbeter deze regels:", ""]
    for problem in problems:
        hint = f" — {md_inline(problem.hint)}" if problem.hint else ""
        lines.append(f"- `{problem.file}:{problem.line}`: {md_inline(problem.message)}{hint}")
    return "\n".join(lines) + "\n"
