"""The budgets `make audit` holds every page type to, and the figures they are checked against.

A page type passes when the median of its Lighthouse runs meets every budget,
and the browser checks (axe in light and dark mode, the Nu HTML Checker and
the requests to other hosts) find nothing. The figures come from Lighthouse's
JSON report, so the same code runs on a recorded report in the tests.

What counts as a request: what the page itself fetches over the network.
Lighthouse's request list also holds `data:` URLs (icons inlined in Material's
CSS: no request) and the web app manifest with the icons it names, which
Chromium fetches only for Lighthouse's installability check (a page load in
Playwright fetches neither); those are left out of the count and the bytes.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

KIB = 1024
SCORES = ("performance", "accessibility", "best-practices", "seo")


@dataclass(frozen=True)
class Budget:
    """One limit: a figure must be at least (scores) or at most (everything else) `limit`."""

    key: str
    header: str
    limit: float
    at_least: bool = False
    digits: int = 0

    def met(self, value: float) -> bool:
        return value >= self.limit if self.at_least else value <= self.limit

    def show(self, value: float) -> str:
        return f"{value:.{self.digits}f}"

    def describe(self) -> str:
        return ("≥" if self.at_least else "≤") + self.show(self.limit)


BUDGETS = (
    Budget("performance", "perf", 98, at_least=True),
    Budget("accessibility", "a11y", 100, at_least=True),
    Budget("best-practices", "bp", 100, at_least=True),
    Budget("seo", "seo", 100, at_least=True),
    Budget("tbt_ms", "TBT ms", 100),
    Budget("cls", "CLS", 0.02, digits=3),
    Budget("kib", "KiB", 85, digits=1),
    Budget("requests", "req", 10),
    Budget("axe", "axe", 0),
    Budget("vnu", "vnu", 0),
    Budget("offsite", "hosts", 0),
)
SEARCH_BUDGET_MS = 1000  # from the first keystroke to the first search result, on a slow 4G phone
# Page types with their own limits: a source document is one long page of text.
OVERRIDES: dict[str, dict[str, float]] = {"bron": {"kib": 120}}
# Pages Lighthouse cannot audit (it refuses a page served with status 404): browser checks only.
BROWSER_ONLY = {"axe", "vnu", "offsite"}


def budgets_for(label: str) -> list[Budget]:
    own = OVERRIDES.get(label, {})
    return [Budget(b.key, b.header, own.get(b.key, b.limit), b.at_least, b.digits) for b in BUDGETS]


@dataclass
class Run:
    """The figures of one Lighthouse run."""

    scores: dict[str, float]
    tbt_ms: float
    cls: float
    lcp_ms: float
    transfer: int  # bytes, as sent (gzip)
    requests: list[str]
    offsite: set[str]
    failed_audits: list[str]


def read_run(report: dict, lighthouse_own: Iterable[str] = ()) -> Run:
    """The figures of a Lighthouse JSON report; `lighthouse_own`: URLs fetched only for Lighthouse (manifest, its icons)."""
    audits = report["audits"]
    host = urlsplit(report["finalDisplayedUrl"]).netloc
    own = set(lighthouse_own)
    counted = [
        item for item in (audits["network-requests"].get("details") or {}).get("items", [])
        if urlsplit(item["url"]).scheme in ("http", "https") and item.get("resourceType") != "Manifest" and item["url"] not in own
    ]
    return Run(
        scores={c: round(report["categories"][c]["score"] * 100) for c in SCORES if report["categories"][c]["score"] is not None},
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        transfer=sum(item.get("transferSize") or 0 for item in counted),
        requests=[item["url"] for item in counted],
        offsite={item["url"] for item in counted if urlsplit(item["url"]).netloc != host},
        failed_audits=_failed_audits(report),
    )


def _failed_audits(report: dict) -> list[str]:
    found = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                found.append(f"[{category['id']}] {ref['id']}: {audit['title']}{value}")
    return found


@dataclass
class PageResult:
    """Everything measured on one page type: the median of the Lighthouse runs, and the browser checks."""

    label: str
    path: str
    runs: list[Run] = field(default_factory=list)
    axe: dict[str, list[str]] = field(default_factory=dict)  # colour scheme -> violations
    vnu: list[str] = field(default_factory=list)
    browser_offsite: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def lighthouse(self) -> bool:
        return bool(self.runs)

    def figures(self) -> dict[str, float]:
        """Each figure: the median over the runs (the middle one of three), the checks as counts."""
        found: dict[str, float] = {
            "axe": sum(len(v) for v in self.axe.values()),
            "vnu": len(self.vnu),
            "offsite": len(self.offsite()),
        }
        if self.runs:
            for category in SCORES:
                values = [r.scores[category] for r in self.runs if category in r.scores]
                if values:
                    found[category] = _median(values)
            found["tbt_ms"] = _median([r.tbt_ms for r in self.runs])
            found["cls"] = _median([r.cls for r in self.runs])
            found["kib"] = _median([r.transfer for r in self.runs]) / KIB
            found["requests"] = _median([len(r.requests) for r in self.runs])
        return found

    def offsite(self) -> set[str]:
        """Requests to any other host, in any run: one is enough to fail."""
        return self.browser_offsite.union(*(r.offsite for r in self.runs))

    def misses(self) -> list[str]:
        figures = self.figures()
        found = []
        for budget in budgets_for(self.label):
            if budget.key not in figures:
                if self.lighthouse or budget.key in BROWSER_ONLY:
                    found.append(f"{budget.key}: not measured")
                continue
            if not budget.met(figures[budget.key]):
                found.append(f"{budget.key} {budget.show(figures[budget.key])}, budget {budget.describe()}")
        found += [f"axe ({scheme}): {v}" for scheme, violations in self.axe.items() for v in violations]
        found += [f"vnu: {message}" for message in self.vnu]
        found += [f"request to another host: {url}" for url in sorted(self.offsite())]
        return found + self.errors


def _median(values: list[float]) -> float:
    return statistics.median_low(values) if values else 0


def table(results: list[PageResult]) -> str:
    """Each figure against its budget: a budget row, then one row per page type; ✗ marks a miss."""
    head = ["page", *(b.header for b in BUDGETS)]
    rows = [head, ["budget", *(b.describe().removeprefix("≤") if b.limit == 0 else b.describe() for b in BUDGETS)]]
    for result in results:
        figures = result.figures()
        row = [result.label]
        for budget, default in zip(budgets_for(result.label), BUDGETS, strict=True):
            if budget.key not in figures:
                row.append("–")
                continue
            cell = budget.show(figures[budget.key])
            if budget.limit != default.limit:
                cell += f" ({budget.describe()})"
            row.append(cell + ("" if budget.met(figures[budget.key]) else " ✗"))
        rows.append(row)
    return _aligned(rows)


def _aligned(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def search_line(values: list[float]) -> str:
    runs = ", ".join(f"{v:.0f}" for v in values)
    return f"Search on a phone (slow 4G, 4× slower CPU): first result {_median(values):.0f} ms after the first keystroke (runs: {runs} ms), budget ≤{SEARCH_BUDGET_MS} ms"


def search_misses(values: list[float]) -> list[str]:
    return [f"search: first result {_median(values):.0f} ms after the first keystroke, budget ≤{SEARCH_BUDGET_MS} ms"] if values and _median(values) > SEARCH_BUDGET_MS else []
