"""The budget logic of `make audit` (tools/audit/budgets.py), on a recorded Lighthouse report.

tests/lighthouse/thema-before.json is Lighthouse 12.8.2's report of the Leiden theme page
wonen before issue #13 (search index, worker and sitemap on every first visit), trimmed
to the parts the audit reads. Each test changes one figure to just at and just past its budget.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools" / "audit"))

import budgets  # noqa: E402
from budgets import KIB, PageResult, read_run, search_misses, table  # noqa: E402

RECORDED = json.loads((ROOT / "tests" / "lighthouse" / "thema-before.json").read_text(encoding="utf-8"))
SITE = "http://127.0.0.1:37365/watwilwie/"
LIGHTHOUSE_OWN = {SITE + "manifest.webmanifest", SITE + "icon-192.png"}


def report(**changes) -> dict:
    """The recorded report with some figures changed: scores (0-100), tbt, cls, or the request list."""
    data = copy.deepcopy(RECORDED)
    for category in budgets.SCORES:
        if category in changes:
            data["categories"][category]["score"] = changes[category] / 100
    if "tbt" in changes:
        data["audits"]["total-blocking-time"]["numericValue"] = changes["tbt"]
    if "cls" in changes:
        data["audits"]["cumulative-layout-shift"]["numericValue"] = changes["cls"]
    if "requests" in changes:
        data["audits"]["network-requests"]["details"]["items"] = changes["requests"]
    return data


NOT_COUNTED = [
    {"url": "data:image/svg+xml;charset=utf-8,<svg/>", "resourceType": "Image", "transferSize": 0},
    {"url": SITE + "manifest.webmanifest", "resourceType": "Manifest", "transferSize": 538},
    {"url": SITE + "icon-192.png", "resourceType": "Other", "transferSize": 2294},
]


def requests(count: int, total_bytes: int) -> list[dict]:
    """`count` requests of the page that transfer `total_bytes` together, plus what must not count."""
    sizes = [total_bytes // count] * count
    sizes[0] += total_bytes - sum(sizes)
    return [*({"url": f"{SITE}file-{i}", "resourceType": "Other", "transferSize": size} for i, size in enumerate(sizes)), *NOT_COUNTED]


def page(label: str = "thema", *reports: dict) -> PageResult:
    result = PageResult(label, "leiden-2026/thema/wonen/", axe={"light": [], "dark": []})
    result.runs = [read_run(r, LIGHTHOUSE_OWN) for r in (reports or [RECORDED] * 3)]
    return result


def missed(result: PageResult) -> set[str]:
    return {line.split(" ")[0].rstrip(":") for line in result.misses()}


def test_the_recorded_page_misses_only_its_bytes_and_requests():
    result = page()
    figures = result.figures()
    assert figures["performance"] == 99 and figures["tbt_ms"] == pytest.approx(96.5)
    # 17 entries in Lighthouse's list: 2 data: URLs, the manifest twice and its icon are not the page's requests
    assert figures["requests"] == 12
    assert figures["kib"] == pytest.approx(191_380 / KIB)
    assert missed(result) == {"kib", "requests"}


@pytest.mark.parametrize(
    ("figure", "at_budget", "past_budget"),
    [
        ("performance", 98, 97),
        ("accessibility", 100, 99),
        ("best-practices", 100, 99),
        ("seo", 100, 99),
        ("tbt", 100, 100.5),
        ("cls", 0.02, 0.0201),
    ],
)
def test_a_figure_passes_at_its_budget_and_fails_just_past_it(figure, at_budget, past_budget):
    fine = requests(10, 85 * KIB)
    assert missed(page("thema", *[report(**{figure: at_budget}, requests=fine)] * 3)) == set()
    key = {"tbt": "tbt_ms"}.get(figure, figure)
    assert missed(page("thema", *[report(**{figure: past_budget}, requests=fine)] * 3)) == {key}


def test_bytes_and_requests_pass_at_their_budget_and_fail_just_past_it():
    assert missed(page("thema", *[report(requests=requests(10, 85 * KIB))] * 3)) == set()
    assert missed(page("thema", *[report(requests=requests(10, 85 * KIB + 1))] * 3)) == {"kib"}
    assert missed(page("thema", *[report(requests=requests(11, 80 * KIB))] * 3)) == {"requests"}


def test_a_source_document_has_its_own_byte_budget():
    assert missed(page("bron", *[report(requests=requests(10, 120 * KIB))] * 3)) == set()
    assert missed(page("bron", *[report(requests=requests(10, 120 * KIB + 1))] * 3)) == {"kib"}
    assert missed(page("thema", *[report(requests=requests(10, 120 * KIB))] * 3)) == {"kib"}


def test_each_figure_is_the_median_of_the_runs():
    fine = requests(9, 80 * KIB)
    slow, fast = report(performance=90, tbt=400, requests=fine), report(performance=100, tbt=20, requests=fine)
    result = page("thema", slow, report(performance=99, tbt=90, requests=fine), fast)
    assert result.figures()["performance"] == 99 and result.figures()["tbt_ms"] == 90
    assert missed(result) == set()
    assert missed(page("thema", slow, slow, fast)) == {"performance", "tbt_ms"}


def test_one_request_to_another_host_in_any_run_fails():
    fine = requests(9, 80 * KIB)
    outside = [*fine, {"url": "https://fonts.googleapis.com/css", "resourceType": "Stylesheet", "transferSize": 100}]
    result = page("thema", report(requests=fine), report(requests=outside), report(requests=fine))
    assert missed(result) == {"offsite", "request"}
    assert "request to another host: https://fonts.googleapis.com/css" in result.misses()


def test_browser_checks_fail_on_one_finding_and_the_404_page_is_held_to_them_only():
    not_found = PageResult("404", "bestaat-niet/", axe={"light": [], "dark": []})
    assert not_found.misses() == []
    not_found.vnu = ["line 3: Stray end tag “div”."]
    assert missed(not_found) == {"vnu"}
    result = page("thema", *[report(requests=requests(9, 80 * KIB))] * 3)
    result.axe["dark"] = ["color-contrast (serious, 1×): Elements must meet minimum color contrast ratio thresholds — ['a']"]
    assert missed(result) == {"axe"}


def test_a_page_type_without_its_lighthouse_runs_fails():
    result = PageResult("thema", "leiden-2026/thema/wonen/", axe={"light": [], "dark": []})
    result.errors.append("lighthouse failed: Chrome crashed")
    result.runs = []
    assert "lighthouse" in missed(result)


def test_search_speed_is_the_median_of_its_runs():
    assert search_misses([900.0, 950.0, 1400.0]) == []
    assert search_misses([900.0, 1000.0, 1400.0]) == []
    assert search_misses([900.0, 1001.0, 1400.0]) != []


def test_the_table_shows_each_figure_against_its_budget_and_marks_misses():
    printed = table([page(), page("bron", *[report(requests=requests(9, 100 * KIB))] * 3)]).splitlines()
    assert printed[0].split() == ["page", "perf", "a11y", "bp", "seo", "TBT", "ms", "CLS", "KiB", "req", "axe", "vnu", "hosts"]
    assert printed[2].split() == ["budget", "≥98", "≥100", "≥100", "≥100", "≤100", "≤0.020", "≤85.0", "≤10", "0", "0", "0"]
    assert printed[3].split()[:9] == ["thema", "99", "100", "100", "100", "96", "0.000", "186.9", "✗"]
    assert printed[3].split()[9:11] == ["12", "✗"]
    assert "100.0 (≤120.0)" in printed[4] and "✗" not in printed[4]
