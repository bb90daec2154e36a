"""The curated content meets the editorial bar: enough proposals, and a stemhulp that discriminates."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from generator.load import Loader
from generator.stemhulp.balance import balance, lint

from helpers import ROOT

DATA = ROOT / "site-data"
pytestmark = pytest.mark.content  # a data-only pull request runs these (make test-content)


def proposals_per_actor() -> Counter:
    counts: Counter = Counter()
    for file in DATA.glob("*/proposals/*.yml"):
        bundle = yaml.safe_load(file.read_text(encoding="utf-8"))
        counts[bundle["actor"]] += len(bundle["proposals"])
    return counts


@pytest.mark.parametrize(
    ("actor", "minimum"),
    [("volt-leiden", 120), ("coalitie-leiden", 120), ("asdl", 37), ("leidse-regio", 60), ("volt-den-haag", 220)],
)
def test_every_document_is_curated_completely(actor, minimum):
    assert proposals_per_actor()[actor] >= minimum


def leiden_statements() -> list[dict]:
    return yaml.safe_load((DATA / "leiden-2026" / "statements.yml").read_text(encoding="utf-8"))


def stated(statement: dict) -> dict[str, str]:
    return {a: p["position"] for a, p in statement["positions"].items() if p["position"] != "geen standpunt"}


def test_leiden_has_twenty_five_to_thirty_five_statements_over_twelve_themes():
    statements = leiden_statements()
    assert 25 <= len(statements) <= 35
    assert len({s["theme"] for s in statements}) >= 12


def test_the_leiden_stemhulp_passes_the_balance_lint_and_separates_the_actors():
    leiden = next(e for e in Loader(DATA).load().elections if e.id == "leiden-2026")
    assert lint(leiden) == []
    figures = balance(leiden)
    assert len(figures.unanimous) <= 5
    assert all(30 <= row.oneens_share <= 70 for row in figures.actors if row.positions >= 10)


def test_every_statement_has_at_least_two_stated_positions():
    thin = [s["id"] for s in leiden_statements() if len(stated(s)) < 2]
    assert thin == []


def test_at_least_twenty_statements_split_the_actors():
    split = [s["id"] for s in leiden_statements() if len(set(stated(s).values())) > 1]
    assert len(split) >= 20


def test_only_parties_are_presented_as_parties(real_site):
    for actor in ("coalitie-leiden", "asdl", "leidse-regio"):
        html = (real_site / "leiden-2026" / "wie" / actor / "index.html").read_text(encoding="utf-8")
        assert "Geen partij op het stembiljet" in html, actor
    html = (real_site / "leiden-2026" / "wie" / "volt-leiden" / "index.html").read_text(encoding="utf-8")
    assert "Een partij op het stembiljet" in html
