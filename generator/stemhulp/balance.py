"""The editorial lint of a stemhulp: do its statements separate the actors?

A quiz whose statements everybody agrees with measures how agreeable the reader
is, not what the documents want. Good voting advice tools (Wahl-O-Mat,
StemWijzer) therefore phrase about half of the statements against the direction
of the proposals and pick statements on which the parties choose differently.
These rules make that checkable; `watwilwie check` reports every broken rule at
the statement or file it concerns, and the method page and the pull request
summary show the figures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..load import ElectionData
from ..models import Actor, Statement
from ..problems import Problem
from .matching import match

MAX_UNANIMOUS = 5  # statements on which every actor with a position holds the same one
MIN_POSITIONS_FOR_SHARE = 10  # the oneens share is checked for actors with this many positions
ONEENS_SHARE = (30, 70)  # per cent of an actor's positions that are "oneens"
READER_SCORE = (25, 75)  # per cent that an always-eens or always-oneens reader gets
MIN_STATED = 2  # positions per statement
MIN_STATEMENTS = 10  # a stemhulp is judged from this size; below it, every percentage swings on one statement


@dataclass(frozen=True)
class ActorBalance:
    actor: Actor
    eens: int
    neutraal: int
    oneens: int
    always_eens: int | None  # what a reader who answers "eens" everywhere gets; None: not ranked
    always_oneens: int | None

    @property
    def positions(self) -> int:
        return self.eens + self.neutraal + self.oneens

    @property
    def oneens_share(self) -> int:
        """Per cent of this actor's positions that are "oneens" (0 without positions)."""
        return round(100 * self.oneens / self.positions) if self.positions else 0


@dataclass(frozen=True)
class Balance:
    """The figures of one election's stemhulp."""

    statements: int
    unanimous: list[Statement]  # among statements with at least two positions
    opposite: list[Statement]  # with both "eens" and "oneens"
    actors: list[ActorBalance]


def stated(statement: Statement, actors: list[str]) -> dict[str, str]:
    """The positions of `actors` on a statement, without "geen standpunt"."""
    return {
        actor: position.position
        for actor, position in statement.positions.items()
        if actor in actors and position.position != "geen standpunt"
    }


def balance(data: ElectionData) -> Balance:
    wanted = data.election.stemhulp.actors
    actors = [actor for actor in data.actors if actor.id in wanted]
    ids = [actor.id for actor in actors]
    positions = {s.id: stated(s, ids) for s in data.statements}
    unanimous = [s for s in data.statements if len(positions[s.id]) >= MIN_STATED and len(set(positions[s.id].values())) == 1]
    opposite = [s for s in data.statements if {"eens", "oneens"} <= set(positions[s.id].values())]
    by_actor = {actor: {sid: p[actor] for sid, p in positions.items() if actor in p} for actor in ids}
    readers = {
        answer: {m.actor: m.percentage for m in match({s.id: answer for s in data.statements}, set(), by_actor, ids)}
        for answer in ("eens", "oneens")
    }
    rows = []
    for actor in actors:
        counts = Counter(by_actor[actor.id].values())
        rows.append(ActorBalance(actor, counts["eens"], counts["neutraal"], counts["oneens"], readers["eens"][actor.id], readers["oneens"][actor.id]))
    return Balance(len(data.statements), unanimous, opposite, rows)


def lint(data: ElectionData) -> list[Problem]:
    """Every broken rule of a stemhulp's balance, at the statement or file it concerns."""
    if not data.statements or not data.election.stemhulp.actors:
        return []
    if len(data.statements) < MIN_STATEMENTS:
        return []
    figures = balance(data)
    wanted = data.election.stemhulp.actors
    problems = []
    for statement in data.statements:
        count = len(stated(statement, wanted))
        if count < MIN_STATED:
            problems.append(_at(statement, f"stelling '{statement.id}' heeft {count} standpunt(en); er zijn er minstens {MIN_STATED} nodig", "kies een stelling waarover minstens twee documenten iets zeggen, of verwijder haar"))
    if len(figures.unanimous) > MAX_UNANIMOUS:
        for statement in figures.unanimous:
            stance = next(iter(stated(statement, wanted).values()))
            problems.append(_at(statement, f"bij stelling '{statement.id}' heeft iedereen met een standpunt hetzelfde ({stance}); zulke stellingen zijn er {len(figures.unanimous)}, hoogstens {MAX_UNANIMOUS} mogen", "kies een stelling waarover de documenten verschillend kiezen, of vervang deze"))
    first = data.statements[0]
    low, high = ONEENS_SHARE
    for row in figures.actors:
        if row.positions >= MIN_POSITIONS_FOR_SHARE and not low <= row.oneens_share <= high:
            problems.append(_at(first, f"{row.actor.label} is het met {row.oneens} van {row.positions} stellingen oneens ({row.oneens_share} %); dat moet tussen {low} en {high} % liggen", "formuleer ongeveer de helft van de stellingen tegen de richting van de voorstellen in, zoals 'het verbod blijft' in plaats van 'het verbod wordt afgeschaft'"))
        for answer, score in (("eens", row.always_eens), ("oneens", row.always_oneens)):
            if score is not None and not READER_SCORE[0] <= score <= READER_SCORE[1]:
                problems.append(_at(first, f"wie overal '{answer}' antwoordt, krijgt {score} % bij {row.actor.label}; dat moet tussen {READER_SCORE[0]} en {READER_SCORE[1]} % liggen", "zorg dat de standpunten van deze actor niet bijna allemaal hetzelfde zijn: formuleer stellingen ook tegen de richting van de voorstellen in"))
    problems += _identical(data.statements, figures.actors, wanted)
    return problems


def _identical(statements: list[Statement], rows: list[ActorBalance], wanted: list[str]) -> list[Problem]:
    """Two actors with the same position on every statement are indistinguishable in the result."""
    vectors: dict[tuple[str, ...], Actor] = {}
    problems = []
    for row in rows:
        vector = tuple(s.positions[row.actor.id].position if row.actor.id in s.positions else "geen standpunt" for s in statements)
        if vector in vectors:
            other = vectors[vector]
            problems.append(_at(statements[0], f"{other.label} en {row.actor.label} hebben bij elke stelling hetzelfde standpunt", "de stemhulp kan ze dan niet uit elkaar houden; voeg een stelling toe waarop ze verschillen"))
        else:
            vectors[vector] = row.actor
    return problems


def _at(statement: Statement, message: str, hint: str) -> Problem:
    file, line = statement.where()
    return Problem(file, line, message, hint)
