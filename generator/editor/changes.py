"""What a pull request changes in the content: quotes, titles and stemhulp positions, before and after.

A reviewer wants to read the change itself, not find it back among the pages
it touches (one new statement changes some fifty pages). Proposals are matched
by (election, actor, id) and statements by (election, id) between the base's
`site-data/` and the pull request's; every text that differs is kept with its
old and new wording.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from ..views import ElectionView, PositionView, ProposalView, SiteView, StatementView

Status = Literal["nieuw", "gewijzigd", "verwijderd"]
V = TypeVar("V", ProposalView, StatementView)
_Text = tuple[str, str | None, str | None, bool]  # label, before, after, prose


@dataclass(frozen=True)
class TextChange:
    """One text of an item; `before` is None for a new text, `after` None for a removed one."""

    label: str  # Dutch: "Titel", "Citaat", "Standpunt van Volt"
    before: str | None
    after: str | None
    prose: bool = False  # several sentences (a quote, an explanation): compared sentence by sentence


@dataclass(frozen=True)
class ItemChange:
    """A proposal or a statement that was added, changed or removed."""

    kind: Literal["voorstel", "stelling"]
    election: str  # 'Leiden 2026'
    key: str  # 'volt-leiden/wethouder-europese-zaken' or a statement id
    title: str  # as it is now (or was, when removed)
    status: Status
    page: str | None  # its page (Markdown path) in the pull request; None when removed
    texts: tuple[TextChange, ...]


def content_changes(before: SiteView, after: SiteView) -> list[ItemChange]:
    """Every proposal and statement that differs, election by election in the pull request's order."""
    old = {election.id: election for election in before.elections}
    new = {election.id: election for election in after.elections}
    changes: list[ItemChange] = []
    for election_id in [*new, *(e for e in old if e not in new)]:
        changes += _proposal_changes(old.get(election_id), new.get(election_id))
        changes += _statement_changes(old.get(election_id), new.get(election_id))
    return changes


def _proposal_changes(old: ElectionView | None, new: ElectionView | None) -> list[ItemChange]:
    def texts(was: ProposalView | None, now: ProposalView | None) -> list[_Text]:
        return [
            ("Titel", was.proposal.title if was else None, now.proposal.title if now else None, False),
            ("Citaat", was.proposal.quote if was else None, now.proposal.quote if now else None, True),
        ]

    return _item_changes(
        "voorstel", old, new, lambda election: election.proposals,
        key=lambda view: f"{view.actor.id}/{view.proposal.id}", title=lambda view: view.proposal.title, texts=texts,
    )


def _statement_changes(old: ElectionView | None, new: ElectionView | None) -> list[ItemChange]:
    def texts(was: StatementView | None, now: StatementView | None) -> list[_Text]:
        return [
            ("Stelling", was.statement.text if was else None, now.statement.text if now else None, False),
            ("Uitleg", was.statement.explanation if was else None, now.statement.explanation if now else None, True),
            *_position_texts(was, now),
        ]

    return _item_changes(
        "stelling", old, new, lambda election: election.statements,
        key=lambda view: view.statement.id, title=lambda view: view.statement.text, texts=texts,
    )


def _item_changes(
    kind: Literal["voorstel", "stelling"],
    old: ElectionView | None,
    new: ElectionView | None,
    items: Callable[[ElectionView], Sequence[V]],
    *,
    key: Callable[[V], str],
    title: Callable[[V], str],
    texts: Callable[[V | None, V | None], list[_Text]],
) -> list[ItemChange]:
    """Match the items of one kind by key between base and pull request, and keep those whose texts differ."""
    def by_key(election: ElectionView | None) -> dict[str, V]:
        return {key(view): view for view in (items(election) if election else [])}

    before: dict[str, V] = by_key(old)
    after: dict[str, V] = by_key(new)
    label = _label(old, new)
    changes = []
    for item in [*after, *(k for k in before if k not in after)]:
        was, now = before.get(item), after.get(item)
        differing = _differing(texts(was, now))
        if differing:
            shown = now or was
            assert shown is not None
            changes.append(ItemChange(kind, label, item, title(shown), _status(was, now), now.path if now else None, differing))
    return changes


def _label(old: ElectionView | None, new: ElectionView | None) -> str:
    return next(election.label for election in (new, old) if election is not None)


def _position_texts(was: StatementView | None, now: StatementView | None) -> list[_Text]:
    """Each actor's position, as one line: stance, explanation and the proposals it rests on."""
    def stated(view: StatementView | None) -> dict[str, tuple[str, str]]:
        return {p.actor.id: (p.actor.label, _position_line(p)) for p in (view.positions if view else []) if p.position is not None}

    before, after = stated(was), stated(now)
    return [
        (f"Standpunt van {(after.get(actor) or before[actor])[0]}", before[actor][1] if actor in before else None, after[actor][1] if actor in after else None, False)
        for actor in [*after, *(a for a in before if a not in after)]
    ]


def _position_line(position: PositionView) -> str:
    line = position.stance
    if position.explanation:
        line += f": {position.explanation}"
    if position.proposals:
        line += f" (voorstellen: {', '.join(view.proposal.id for view in position.proposals)})"
    return line


def _differing(texts: Iterable[_Text]) -> tuple[TextChange, ...]:
    return tuple(TextChange(label, before or None, after or None, prose) for label, before, after, prose in texts if (before or None) != (after or None))


def _status(was: object, now: object) -> Status:
    return "nieuw" if was is None else "verwijderd" if now is None else "gewijzigd"


def pages_to_show(changes: list[ItemChange], added: list[str], changed: list[str]) -> list[str]:
    """Changed pages, the most telling first: the pages of the changed items, then new pages, then the rest."""
    ordered = [change.page for change in changes if change.page] + added + changed
    return list(dict.fromkeys(page for page in ordered if page in set(added) | set(changed)))
