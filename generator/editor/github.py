"""What a pull request shows an editor on GitHub: annotations on the changed lines, and a job summary.

An annotation (`::error file=…,line=…::…`) puts a validation error on the very
line of the pull request's diff. The job summary (Markdown, appended to
$GITHUB_STEP_SUMMARY by the workflow) gives the coverage table per election and
the pages that the change adds, changes or removes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from .. import urls
from ..dutch import percent
from ..escape import md_inline
from ..problems import Note, Problem
from ..views import ElectionView, SiteView

MAX_LISTED = 40  # pages per list in the summary; the rest is counted


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


def summary(site: SiteView, changes: PageChanges | None, site_url: str) -> str:
    parts = ["## Wat wil wie? — controle geslaagd", ""]
    for election in site.elections:
        parts += [f"### {md_inline(election.election.name)}", "", coverage_markdown(election), ""]
        if election.has_stemhulp:
            parts += ["#### Balans van de stemhulp", "", balance_markdown(election), ""]
    parts.append("### Gewijzigde pagina's")
    parts.append("")
    if changes is None:
        parts.append("De vorige versie kon niet worden vergeleken.")
    elif changes.empty:
        parts.append("Geen enkele pagina verandert.")
    else:
        parts += _listing("Nieuw", changes.added, None)
        parts += _listing("Gewijzigd", changes.changed, site_url)
        parts += _listing("Verwijderd", changes.removed, site_url)
    parts += ["", "De gebouwde site staat bij deze run onder **Artifacts** (`site`)."]
    return "\n".join(parts) + "\n"


def _listing(label: str, paths: list[str], site_url: str | None) -> list[str]:
    if not paths:
        return []
    lines = [f"**{label}** ({len(paths)}):", ""]
    for path in paths[:MAX_LISTED]:
        url = urls.url_of(path)
        shown = f"`/{url}`"
        lines.append(f"- [{shown}]({site_url.rstrip('/')}/{url})" if site_url else f"- {shown}")
    if len(paths) > MAX_LISTED:
        lines.append(f"- … en nog {len(paths) - MAX_LISTED}")
    lines.append("")
    return lines


def problems_markdown(problems: list[Problem]) -> str:
    lines = [f"## Wat wil wie? — {len(problems)} fout(en) in de gegevens", "", "Er is niets gebouwd. Verbeter deze regels:", ""]
    for problem in problems:
        hint = f" — {md_inline(problem.hint)}" if problem.hint else ""
        lines.append(f"- `{problem.file}:{problem.line}`: {md_inline(problem.message)}{hint}")
    return "\n".join(lines) + "\n"
