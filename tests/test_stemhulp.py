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

from helpers import ROOT

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


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # how many examples: the profile in conftest.py
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
    ballot = {a for a in ACTORS if on_ballot(a)}
    ranked = [r for r in expected if r.ranked]
    assert shown == [(names()[r.actor], f"{r.percentage}%") for r in ranked if r.actor in ballot] + [
        (names()[r.actor], f"{r.percentage}%") for r in ranked if r.actor not in ballot
    ]
    assert "Leidse regio" not in page.locator(".wvw-result").all_inner_texts()

    link = page.url
    assert re.search(r"#v=[0-9a-f]{8}&p=[0-9a-f]{8}&a=[enosENOS_]+&x=leidse-regio&s=u$", link)
    fresh = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 780})
    other = fresh.new_page()
    other.goto(link)
    expect(heading(other)).to_have_text("Jouw uitslag")
    assert result_rows(other) == shown
    fresh.close()


def on_ballot(actor: str) -> bool:
    actors = yaml.safe_load((ROOT / "site-data" / "leiden-2026" / "actors.yml").read_text(encoding="utf-8"))
    return any(a["id"] == actor and a.get("on_ballot") for a in actors)


def names() -> dict[str, str]:
    actors = yaml.safe_load((ROOT / "site-data" / "leiden-2026" / "actors.yml").read_text(encoding="utf-8"))
    return {a["id"]: a["name"] for a in actors}


def result_rows(page) -> list[tuple[str, str]]:
    """Name and percentage of every actor with a percentage, in the order shown: on the ballot, then for comparison."""
    items = page.locator(".wvw-result__item:not(.wvw-result__item--few)")
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
        page.keyboard.press("Tab")  # "Meer uitleg over deze stelling"
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
    page.goto(STEMHULP + "#v=" + version(real_site) + "&a=" + "eno" * 10 + "&s=u")
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


# -- behaviour like the apps people know: back gesture, one answer changed, sharing -----------

def start_and_answer(page, count: int) -> list[str]:
    page.goto(STEMHULP)
    page.get_by_role("button", name="Begin met stelling 1").click()
    given = []
    for index in range(count):
        answer = SCRIPT[index % 3]
        page.get_by_role("button", name=ANSWER_LABELS[answer], exact=True).click()
        given.append(answer)
    return given


def test_the_back_gesture_steps_back_one_statement_and_keeps_every_answer(page):
    given = start_and_answer(page, 6)
    expect(page.locator(".wvw-quiz__progress")).to_contain_text("Stelling 7 van")
    page.go_back()
    expect(page.locator(".wvw-quiz__progress")).to_contain_text("Stelling 6 van")
    expect(page.locator("button[aria-pressed='true']")).to_have_text(ANSWER_LABELS[given[5]])
    page.go_back()
    page.go_back()
    expect(page.locator(".wvw-quiz__progress")).to_contain_text("Stelling 4 van")
    page.get_by_role("button", name="Neutraal", exact=True).click()  # change one answer, then go on
    expect(page.locator(".wvw-quiz__progress")).to_contain_text("Stelling 5 van")
    expect(page.locator("button[aria-pressed='true']")).to_have_text(ANSWER_LABELS[given[4]])  # still there
    codes = re.search(r"&a=([enos_]+)", page.url).group(1)
    assert codes[:6] == "".join(a[0] for a in given[:3]) + "n" + "".join(a[0] for a in given[4:6])
    heading_box = heading(page).bounding_box()
    assert heading_box["y"] >= page.locator(".md-header").bounding_box()["height"]  # not under the sticky header


def finish(page) -> None:
    while page.locator(".wvw-quiz__progress").count():
        page.get_by_role("button", name="Eens", exact=True).click()
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("button", name="Bekijk je uitslag").click()
    expect(heading(page)).to_have_text("Jouw uitslag")


def test_one_answer_changed_from_the_result_gives_the_result_python_computes(page):
    start_and_answer(page, 0)
    finish(page)
    before = result_rows(page)
    page.get_by_role("button", name=f"Wijzig je antwoord op: {quiz_statement(1)}").click()
    expect(page.locator(".wvw-quiz__progress")).to_contain_text("Stelling 2 van")
    page.get_by_role("button", name="Oneens", exact=True).click()
    expect(heading(page)).to_have_text("Jouw uitslag")
    answers = {sid: "eens" for sid in STATEMENT_IDS}
    answers[STATEMENT_IDS[1]] = "oneens"
    expected = {names()[r.actor]: f"{r.percentage}%" for r in match(answers, set(), POSITIONS, ACTORS) if r.ranked}
    after = result_rows(page)
    assert dict(after) == expected and after != before


def test_the_default_share_link_holds_no_answers_and_the_other_one_warns_who_opens_it(page, browser, base_url):
    start_and_answer(page, 0)
    finish(page)
    plain, with_answers = page.locator(".wvw-result__share .wvw-share").all()
    url = plain.get_attribute("data-share-url")
    assert "#" not in url and "&a=" not in url and url.endswith("/leiden-2026/stemhulp/uitslag/volt-leiden/")
    assert "overeenkomst met Volt" in plain.get_attribute("data-share-text")
    shared = with_answers.get_attribute("data-share-url")
    assert "&a=" in shared and shared.endswith("&d=1")
    landing = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 780}).new_page()
    landing.goto(url)
    expect(landing.get_by_role("link", name="Doe zelf de stemhulp")).to_be_visible()
    friend = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 780}).new_page()
    friend.goto(shared)
    expect(heading(friend)).to_have_text("Uitslag van iemand anders")
    expect(friend.get_by_text("Dit is de uitslag van iemand anders")).to_be_visible()
    friend.get_by_role("button", name="Doe zelf de stemhulp").click()
    expect(friend.locator(".wvw-quiz__progress")).to_contain_text("Stelling 1 van")
    assert "d=1" not in friend.url


def test_a_result_link_from_before_a_position_changed_says_so(page, real_site):
    page.goto(STEMHULP + "#v=" + version(real_site) + "&p=00000000&a=" + "e" * len(STATEMENT_IDS) + "&s=u")
    expect(heading(page)).to_have_text("Jouw uitslag")
    expect(page.get_by_text("Sinds deze uitslag is gemaakt, zijn standpunten aangepast.")).to_be_visible()


def test_the_result_ranks_only_parties_on_the_ballot_and_puts_the_others_below(page):
    start_and_answer(page, 0)
    finish(page)
    groups = page.locator("h3.wvw-result__group").all_inner_texts()
    assert groups == ["Op het stembiljet", "Ter vergelijking"]
    first_list, second_list = page.locator(".wvw-result").all()
    assert first_list.locator(".wvw-result__name").all_inner_texts() == ["Volt Leiden"]
    assert "Coalitieakkoord 2022-2026 (GroenLinks, D66, PvdA en CDA)" in second_list.locator(".wvw-result__name").all_inner_texts()
    advice = page.locator(".wvw-result__advice")
    assert advice.bounding_box()["y"] < first_list.bounding_box()["y"]  # "geen stemadvies" above the ranking
    expect(advice).to_contain_text("Dit is geen stemadvies.")
    volt = first_list.locator(".wvw-result__compare")
    volt.locator("summary").click()
    expect(volt.get_by_text(re.compile(r"Hetzelfde antwoord \(\d+\)"))).to_be_visible()
    expect(volt.get_by_role("link").first).to_be_visible()


LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.__shifts.push(e.value)))
  .observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("fragment", ["", "#a=e", "#a=" + "eno" * 10 + "&s=u"], ids=["start", "question", "result"])
def test_opening_the_quiz_shifts_nothing(browser, base_url, real_site, fragment):
    """The quiz replaces the list of statements, and on a question the heading steps aside: before the first paint."""
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFTS)
    page.goto(STEMHULP + fragment.replace("#", "#v=" + version(real_site) + "&"))
    expect(page.locator("#stemhulp[data-mounted]")).to_be_attached()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shifts") == []
    context.close()


def test_explanations_load_when_the_reader_uses_the_quiz_not_with_the_page(page, real_site):
    statements = yaml.safe_load((ROOT / "site-data" / "leiden-2026" / "statements.yml").read_text(encoding="utf-8"))
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "uitleg.json" in request.url else None)
    # A link to the second statement: nothing extra loads until the reader opens "Meer uitleg".
    page.goto(STEMHULP + "#v=" + version(real_site) + "&a=e")
    expect(heading(page)).to_have_text(statements[1]["text"])
    page.wait_for_timeout(300)
    assert fetched == []
    page.locator(".wvw-quiz__more summary").click()
    explanation = page.locator(".wvw-quiz__explanation")
    expect(explanation).to_contain_text(" ".join(statements[1]["explanation"].split())[:60])
    expect(explanation).to_contain_text("zie je bij je uitslag")  # not answered yet: no positions before the answer
    assert len(fetched) == 1
    # Back to the answered first statement: its explanation and each actor's position with the proposals behind it.
    page.get_by_role("button", name="Vorige").click()
    expect(heading(page)).to_have_text(statements[0]["text"])
    page.locator(".wvw-quiz__more summary").click()
    reasons = page.locator(".wvw-quiz__reasons")
    expect(reasons).to_contain_text("Volt:")
    cited = statements[0]["positions"]["volt-leiden"]["proposals"][0]
    expect(reasons.locator(f'a[href="../wie/volt-leiden/{cited}/"]')).to_have_count(1)
    assert len(fetched) == 1  # fetched once


def test_the_quiz_starts_fetching_explanations_when_the_reader_begins(page):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "uitleg.json" in request.url else None)
    page.goto(STEMHULP)
    page.wait_for_timeout(300)
    assert fetched == []
    page.get_by_role("button", name="Begin met stelling 1").click()
    page.wait_for_timeout(300)
    assert len(fetched) == 1 and "?v=" in fetched[0]
    page.locator(".wvw-quiz__more summary").click()
    expect(page.locator(".wvw-quiz__explanation p").first).not_to_have_text("Uitleg laden…")
