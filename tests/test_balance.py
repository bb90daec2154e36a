"""The stemhulp's balance lint: each rule with its exact message, passing at the boundary and failing past it."""

from __future__ import annotations

from pathlib import Path

from generator.build import check
from generator.load import Loader
from generator.stemhulp.balance import balance

from helpers import make_data

CITED = {"partij-a": "dertig-kmu", "raad-b": "dertig-overal"}
FILE = "site-data/testdorp-2026/statements.yml"


def write_statements(data: Path, rows: list[tuple[str, str]]) -> None:
    """One statement per row: the positions of partij-a and raad-b ('-' for geen standpunt)."""
    text = ""
    for number, (a, b) in enumerate(rows, start=1):
        text += f"- id: stelling-{number}\n  theme: mobiliteit\n  text: Stelling {number}.\n  explanation: Uitleg.\n  positions:\n"
        for actor, position in (("partij-a", a), ("raad-b", b)):
            if position == "-":
                text += f"    {actor}:\n      position: geen standpunt\n"
            else:
                text += f"    {actor}:\n      position: {position}\n      proposals: [{CITED[actor]}]\n"
    (data / "testdorp-2026" / "statements.yml").write_text(text, encoding="utf-8")


def problems_for(tmp_path: Path, rows: list[tuple[str, str]]) -> list[str]:
    data = make_data(tmp_path)
    write_statements(data, rows)
    return [str(p) for p in check(data).problems]


def line_of(number: int) -> int:
    """The line of statement `number` in the written file, when the statements before it have two positions (11 lines each)."""
    return 1 + (number - 1) * 11


# Two actors that differ on every statement, with 30 % and 40 % "oneens": a set that passes.
BALANCED = [("eens", "oneens")] * 3 + [("oneens", "eens")] * 4 + [("eens", "neutraal")] * 3


def test_a_balanced_set_passes_and_its_figures_are_right(tmp_path):
    assert problems_for(tmp_path, BALANCED) == []
    figures = balance(Loader(tmp_path / "site-data").load().elections[0])
    a, b = figures.actors
    assert (a.eens, a.neutraal, a.oneens, a.oneens_share) == (6, 0, 4, 40)
    assert (b.eens, b.neutraal, b.oneens, b.oneens_share) == (4, 3, 3, 30)
    assert (a.always_eens, a.always_oneens) == (60, 40)
    assert (b.always_eens, b.always_oneens) == (55, 45)
    assert figures.unanimous == [] and len(figures.opposite) == 7


def test_five_unanimous_statements_pass_six_fail_at_each_one(tmp_path):
    five = [("eens", "eens")] * 2 + [("oneens", "oneens")] * 3 + BALANCED
    assert problems_for(tmp_path / "five", five) == []
    six = [("eens", "eens")] * 3 + [("oneens", "oneens")] * 3 + BALANCED
    found = problems_for(tmp_path / "six", six)
    assert found == [
        f"{FILE}:{line_of(n)}: bij stelling 'stelling-{n}' heeft iedereen met een standpunt hetzelfde ({stance}); zulke stellingen zijn er 6, hoogstens 5 mogen"
        " — kies een stelling waarover de documenten verschillend kiezen, of vervang deze"
        for n, stance in [(1, "eens"), (2, "eens"), (3, "eens"), (4, "oneens"), (5, "oneens"), (6, "oneens")]
    ]


def test_oneens_share_passes_at_thirty_percent_and_fails_below(tmp_path):
    thirty = [("oneens", "eens")] * 3 + [("eens", "oneens")] * 4 + [("eens", "neutraal")] * 3
    assert problems_for(tmp_path / "thirty", thirty) == []
    twenty = [("oneens", "eens")] * 2 + [("eens", "oneens")] * 4 + [("eens", "neutraal")] * 3 + [("neutraal", "oneens")]
    assert problems_for(tmp_path / "twenty", twenty) == [
        f"{FILE}:{line_of(1)}: Partij A is het met 2 van 10 stellingen oneens (20 %); dat moet tussen 30 en 70 % liggen"
        " — formuleer ongeveer de helft van de stellingen tegen de richting van de voorstellen in, zoals 'het verbod blijft' in plaats van 'het verbod wordt afgeschaft'"
    ]


def test_a_reader_who_always_agrees_gets_at_most_seventy_five_percent(tmp_path):
    # Partij A: 5 eens, 5 neutraal, 0 oneens -> always-eens reader 75 % (passes), but 0 % oneens.
    at_boundary = [("eens", "oneens")] * 5 + [("neutraal", "eens")] * 5
    found = problems_for(tmp_path / "boundary", at_boundary)
    assert not any("altijd" in p or "overal 'eens'" in p for p in found)
    # 6 eens, 4 neutraal -> 80 %: too agreeable.
    past = [("eens", "oneens")] * 6 + [("neutraal", "eens")] * 4
    found = problems_for(tmp_path / "past", past)
    assert f"{FILE}:{line_of(1)}: wie overal 'eens' antwoordt, krijgt 80 % bij Partij A; dat moet tussen 25 en 75 % liggen" \
        " — zorg dat de standpunten van deze actor niet bijna allemaal hetzelfde zijn: formuleer stellingen ook tegen de richting van de voorstellen in" in found


def test_two_actors_with_the_same_positions_everywhere(tmp_path):
    same = [("eens", "eens"), ("oneens", "oneens")] * 5
    found = problems_for(tmp_path, same)
    assert f"{FILE}:{line_of(1)}: Partij A en Raad B hebben bij elke stelling hetzelfde standpunt" \
        " — de stemhulp kan ze dan niet uit elkaar houden; voeg een stelling toe waarop ze verschillen" in found


def test_a_statement_with_one_position(tmp_path):
    # Eleven statements: a stemhulp is judged from ten.
    rows = [*BALANCED, ("eens", "-")]
    found = problems_for(tmp_path, rows)
    assert found == [
        f"{FILE}:{line_of(11)}: stelling 'stelling-11' heeft 1 standpunt(en); er zijn er minstens 2 nodig"
        " — kies een stelling waarover minstens twee documenten iets zeggen, of verwijder haar"
    ]


def test_a_small_stemhulp_is_not_judged_on_its_balance(tmp_path):
    assert problems_for(tmp_path, [("eens", "eens")] * 3) == []
