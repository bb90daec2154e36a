"""The stemhulp: matching rules, Python and browser agreeing, and the whole quiz at phone size."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import expect

from generator.stemhulp.matching import match, percentage, statement_points

from conftest import ROOT

STEMHULP = "/leiden-2026/stemhulp/"
ANSWER_LABELS = {"eens": "Eens", "neutraal": "Neutraal", "oneens": "Oneens"}


def leiden():
    """Statements and stemhulp actors of the real Leiden data, as the quiz sees them."""
    election = yaml.safe_load((ROOT / "site-data" / "leiden-2026" / "election.yml").read_text(encoding="utf-8"))
    statements = yaml.safe_load((ROOT / "site-data" / "leiden-2026" / "statements.yml").read_text(encoding="utf-8"))
    actors = election["stemhulp"]["actors"]
    positions = {a: {} for a in actors}
    for s in statements:
        for actor, position in s["positions"].items():
            if position["position"] != "geen standpunt" and actor in positions:
                positions[actor][s["id"]] = position["position"]
    return [s["id"] for s in statements], actors, positions


STATEMENT_IDS, ACTORS, POSITIONS = leiden()


# -- the rules, in Python ------------------------------------------------------

def test_points_per_statement():
    assert statement_points("eens", "eens") == 2
    assert statement_points("eens", "neutraal") == statement_points("oneens", "neutraal") == 1
    assert statement_points("eens", "oneens") == 0


def test_percentage_rounds_half_up_in_integers():
    assert percentage(1, 8) == 13  # 12.5 -> 13 (Python's round() would give 12)
    assert percentage(5, 6) == 83
    assert percentage(0, 4) == 0 and percentage(4, 4) == 100


def test_no_position_is_left_out_of_the_maximum_and_few_positions_are_not_ranked():
    positions = {
        "a": {"s1": "eens", "s2": "oneens", "s3": "eens", "s4": "eens", "s5": "neutraal", "s6": "eens"},
        "b": {"s1": "oneens"},
    }
    answers = {"s1": "eens", "s2": "eens", "s3": "eens", "s4": "oneens", "s5": "eens", "s6": "skip", "s7": "eens"}
    result = {r.actor: r for r in match(answers, {"s1"}, positions, ["a", "b"])}
    a = result["a"]
    # s1 counts double (2*2), s2 0, s3 2, s4 0, s5 1; s6 skipped; s7 no position.
    assert (a.points, a.max_points, a.overlap, a.agreements, a.percentage) == (7, 12, 5, 2, 58)
    assert result["b"].overlap == 1 and result["b"].percentage is None
    assert [r.actor for r in match(answers, set(), positions, ["b", "a"])] == ["a", "b"]


def test_all_skipped_ranks_nobody():
    assert all(r.percentage is None for r in match({s: "skip" for s in STATEMENT_IDS}, set(), POSITIONS, ACTORS))


# -- Python and the browser agree ---------------------------------------------------

@pytest.fixture(scope="module")
def quiz_page(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto(STEMHULP)
    page.wait_for_function("window.WvwStemhulp !== undefined")
    yield page
    context.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    answers=st.lists(st.sampled_from(["eens", "neutraal", "oneens", "skip", None]), min_size=len(STATEMENT_IDS), max_size=len(STATEMENT_IDS)),
    important=st.sets(st.sampled_from(STATEMENT_IDS)),
    actors=st.lists(st.sampled_from(ACTORS), min_size=1, max_size=len(ACTORS), unique=True),
)
def test_python_and_javascript_agree_exactly(quiz_page, answers, important, actors):
    given_answers = {sid: a for sid, a in zip(STATEMENT_IDS, answers, strict=True) if a is not None}
    python = [
        {"actor": r.actor, "points": r.points, "maxPoints": r.max_points, "overlap": r.overlap, "agreements": r.agreements, "percentage": r.percentage}
        for r in match(given_answers, set(important), POSITIONS, actors)
    ]
    browser = quiz_page.evaluate(
        """([positions, answers, important, actors]) => WvwStemhulp.match(positions, answers, important, actors, 5)
            .map(r => ({actor: r.actor, points: r.points, maxPoints: r.maxPoints, overlap: r.overlap, agreements: r.agreements, percentage: r.percentage}))""",
        [POSITIONS, given_answers, sorted(important), actors],
    )
    assert browser == python


# -- the quiz as a reader uses it ------------------------------------------------

SCRIPT = ["eens", "oneens", "neutraal"]


def planned_answers() -> dict[str, str]:
    """A varied answer set: statement 5 skipped, the rest cycling through the three answers."""
    answers = {sid: SCRIPT[i % 3] for i, sid in enumerate(STATEMENT_IDS)}
    answers[STATEMENT_IDS[4]] = "skip"
    return answers


def heading(page):
    return page.locator("#stemhulp h2")


def test_whole_quiz_on_a_phone_matches_python_and_the_shared_link(page, browser, base_url):
    answers = planned_answers()
    page.goto(STEMHULP)
    page.get_by_role("button", name="Begin met stelling 1").click()
    for index, sid in enumerate(STATEMENT_IDS):
        expect(page.locator(".wvw-quiz__progress")).to_contain_text(f"Stelling {index + 1} van {len(STATEMENT_IDS)}")
        if index == 9:  # go back once and change the previous answer
            page.get_by_role("button", name="Vorige").click()
            expect(page.locator(".wvw-quiz__progress")).to_contain_text("Stelling 9 van")
            previous = STATEMENT_IDS[8]
            pressed = page.locator("button[aria-pressed='true']")
            expect(pressed).to_have_text(ANSWER_LABELS[answers[previous]])
            answers[previous] = "eens" if answers[previous] != "eens" else "oneens"
            page.get_by_role("button", name=ANSWER_LABELS[answers[previous]], exact=True).click()
        if answers[sid] == "skip":
            page.get_by_role("button", name="Sla over").click()
        else:
            page.get_by_role("button", name=ANSWER_LABELS[answers[sid]], exact=True).click()
    expect(heading(page)).to_have_text("Wat vind je extra belangrijk?")
    important = [STATEMENT_IDS[0], STATEMENT_IDS[6]]
    for sid in important:
        page.locator(f"#wvw-imp-{sid}").check()
    page.get_by_role("button", name="Verder").click()
    expect(heading(page)).to_have_text("Met wie wil je vergelijken?")
    page.locator("#wvw-act-leidse-regio").uncheck()
    page.get_by_role("button", name="Bekijk je uitslag").click()
    expect(heading(page)).to_have_text("Jouw uitslag")

    selected = [a for a in ACTORS if a != "leidse-regio"]
    expected = match(answers, set(important), POSITIONS, selected)
    shown = result_rows(page)
    assert shown == [(names()[r.actor], f"{r.percentage}%") for r in expected if r.ranked]
    assert "Leidse regio" not in page.locator(".wvw-result").inner_text()

    link = page.url
    assert re.search(r"#v=[0-9a-f]{8}&a=[enosENOS_]+&x=leidse-regio&r=1$", link)
    fresh = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 780})
    other = fresh.new_page()
    other.goto(link)
    expect(heading(other)).to_have_text("Jouw uitslag")
    assert result_rows(other) == shown
    fresh.close()


def names() -> dict[str, str]:
    actors = yaml.safe_load((ROOT / "site-data" / "leiden-2026" / "actors.yml").read_text(encoding="utf-8"))
    return {a["id"]: a["name"] for a in actors}


def result_rows(page) -> list[tuple[str, str]]:
    items = page.locator(".wvw-result__item")
    return [
        (items.nth(i).locator(".wvw-result__name").inner_text(), items.nth(i).locator(".wvw-result__pct").inner_text())
        for i in range(items.count())
    ]


def test_keyboard_only(page):
    page.goto(STEMHULP)
    start = page.get_by_role("button", name="Begin met stelling 1")
    for _ in range(60):
        page.keyboard.press("Tab")
        if start.evaluate("el => el === document.activeElement"):
            break
    page.keyboard.press("Enter")
    for index in range(len(STATEMENT_IDS)):
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == quiz_statement(index), "focus moves to each new statement"
        page.keyboard.press("Tab")  # "Meer uitleg"
        page.keyboard.press("Tab")  # "Eens"
        assert page.evaluate("document.activeElement.textContent") == "Eens"
        page.keyboard.press("Enter" if index % 2 else "Space")
    assert page.evaluate("document.activeElement.textContent") == "Wat vind je extra belangrijk?"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # mark the first statement important
    for _ in range(len(STATEMENT_IDS) + 2):
        if page.evaluate("document.activeElement.textContent") == "Verder":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    for _ in range(10):
        if page.evaluate("document.activeElement.textContent") == "Bekijk je uitslag":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Jouw uitslag"
    assert "&a=E" in page.url  # first statement: eens, marked important


def quiz_statement(index: int) -> str:
    statements = yaml.safe_load((ROOT / "site-data" / "leiden-2026" / "statements.yml").read_text(encoding="utf-8"))
    return statements[index]["text"]


def test_screen_reader_hears_statement_and_progress(page):
    page.goto(STEMHULP)
    page.get_by_role("button", name="Begin met stelling 1").click()
    h2 = heading(page)
    described = page.locator("#" + h2.get_attribute("aria-describedby"))
    expect(described).to_contain_text(f"Stelling 1 van {len(STATEMENT_IDS)}")
    group = page.get_by_role("group", name="Jouw antwoord")
    expect(group.get_by_role("button")).to_have_count(3)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_question_and_result(browser, base_url, real_site, scheme):
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 780}, color_scheme=scheme)
    page = context.new_page()
    page.goto(STEMHULP)
    page.get_by_role("button", name="Begin met stelling 1").click()
    page.get_by_role("button", name="Eens", exact=True).click()
    page.locator(".wvw-quiz__more summary").click()
    axe = Axe()
    question = axe.run(page, context={"include": [["#stemhulp"]]})
    assert question.violations_count == 0, question.generate_report()
    page.goto(STEMHULP + "#v=" + version(real_site) + "&a=" + "eno" * 10 + "&r=1")
    expect(heading(page)).to_have_text("Jouw uitslag")
    result = axe.run(page)
    assert result.violations_count == 0, result.generate_report()
    context.close()


def version(site) -> str:
    data = (site / "leiden-2026" / "stemhulp" / "index.html").read_text(encoding="utf-8")
    return re.search(r"&#34;version&#34;:&#34;([0-9a-f]{8})&#34;", data).group(1)


def test_without_javascript_the_page_lists_the_statements(real_site):
    html = (real_site / "leiden-2026" / "stemhulp" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<li><a href="\.\./stelling/([a-z0-9-]+)/">', html)
    assert links == STATEMENT_IDS
    data = json.loads(re.search(r'<template id="stemhulp-data">(.*?)</template>', html).group(1).replace("&#34;", '"').replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    assert [s["id"] for s in data["statements"]] == STATEMENT_IDS


def test_election_with_one_actor_has_no_quiz(real_site):
    html = (real_site / "den-haag-2026" / "stemhulp" / "index.html").read_text(encoding="utf-8")
    assert 'id="stemhulp"' not in html
    assert "Nog geen stemhulp" in html
    assert "stemhulp.js" not in (real_site / "den-haag-2026" / "index.html").read_text(encoding="utf-8")
