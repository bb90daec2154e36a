"""Stemhulp matching, the reference implementation (the browser runs the same in stemhulp.js).

The Wahl-O-Mat scheme: per statement the reader answered, an equal position
scores 2 points, one step apart (eens-neutraal, neutraal-oneens) 1, opposite 0;
a statement marked important counts double; skipped statements do not count.
Unlike most tools, a statement on which an actor has no position ("geen
standpunt") is left out of that actor's maximum instead of scoring 0: a
document should not be punished for what it does not cover. Every result says
on how many of the reader's answers it rests, and an actor with fewer than
`min_overlap(...)` of them is not ranked.

All arithmetic is on integers, and the percentage is rounded half up, so that
Python and JavaScript give exactly the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

ANSWERS = ("eens", "neutraal", "oneens")
_STEP = {"eens": 0, "neutraal": 1, "oneens": 2}
MIN_OVERLAP = 5


@dataclass(frozen=True)
class ActorMatch:
    actor: str
    points: int
    max_points: int
    overlap: int  # answered statements on which the actor has a position
    agreements: int  # of those, with exactly the reader's answer
    percentage: int | None  # None: too few positions to compare

    @property
    def ranked(self) -> bool:
        return self.percentage is not None


def statement_points(answer: str, position: str) -> int:
    """2 for the same position, 1 for one step apart, 0 for opposite."""
    return 2 - abs(_STEP[answer] - _STEP[position])


def min_overlap(answered: int) -> int:
    """How many of the reader's answers an actor needs a position on to be ranked."""
    return min(MIN_OVERLAP, answered)


def percentage(points: int, max_points: int) -> int:
    """100 * points / max_points, rounded half up, in integers."""
    return (200 * points + max_points) // (2 * max_points)


def match(
    answers: Mapping[str, str],
    important: set[str],
    positions: Mapping[str, Mapping[str, str]],
    actors: Sequence[str],
) -> list[ActorMatch]:
    """Rank `actors` for a reader's `answers` (statement id -> eens/neutraal/oneens; others skipped).

    `positions[actor][statement]` is eens/neutraal/oneens; a missing key means no position.
    Ranked actors come first, by percentage, then points, then the given order.
    """
    answered = {sid: answer for sid, answer in answers.items() if answer in ANSWERS}
    needed = min_overlap(len(answered))
    results = []
    for actor in actors:
        points = max_points = overlap = agreements = 0
        for sid, answer in answered.items():
            position = positions.get(actor, {}).get(sid)
            if position not in ANSWERS:
                continue
            weight = 2 if sid in important else 1
            overlap += 1
            agreements += answer == position
            points += weight * statement_points(answer, position)
            max_points += weight * 2
        ranked = overlap >= needed and max_points > 0
        results.append(
            ActorMatch(actor, points, max_points, overlap, agreements, percentage(points, max_points) if ranked else None)
        )
    order = {actor: index for index, actor in enumerate(actors)}
    return sorted(
        results,
        key=lambda r: (not r.ranked, -(r.percentage or 0), -r.points, order[r.actor]),
    )
