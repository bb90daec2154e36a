#!/usr/bin/env python3
"""`make audit`: how the site does on a phone, measured in a real browser.

Builds the site (a copy of the project under .cache/audit/, so the working tree
is left alone) with `site_url` pointing at a local server, serves it gzipped
under the same path as the public site (like GitHub Pages, with its 404.html),
and for one page of each type runs

  * Lighthouse 12 (mobile: Moto G Power, slow 4G, simulated throttling) for the
    performance, accessibility, best-practices and SEO scores, LCP, CLS, TBT,
    the bytes transferred and the number of requests;
  * axe-core (WCAG 2.1 A/AA and best practices) in light and in dark mode,
    with phone screenshots (360 px wide) of the first screen in both modes;
  * a check that no request goes to any host other than the site.

Everything runs offline: Chromium is Debian's, Lighthouse and axe-core come
from tools/audit/package-lock.json (`npm ci`). Prints a table and the
findings; exit status 1 when a page misses a target.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", shutil.which("chromium") or "/usr/bin/chromium")
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROME_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",  # no traffic of Chromium's own: this machine is offline
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 780}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
NOT_FOUND = "bestaat-niet/"

# One page of each type: a label and glob patterns for its folder (the first match is audited).
SITE_PAGES = [("home", ["."]), ("methode", ["methode"])]
ELECTION_PAGES = [  # relative to the folder of an election, preferably one with statements
    ("verkiezing", ["."]),
    ("stemhulp", ["stemhulp"]),
    ("thema's", ["thema"]),
    ("thema", ["thema/wonen", "thema/*"]),
    ("stellingen", ["stelling"]),
    ("stelling", ["stelling/*"]),
    ("vergelijk", ["vergelijk"]),
    ("wie", ["wie"]),
    ("actor", ["wie/*"]),
    ("voorstel", ["wie/*/*"]),
    ("bronnen", ["bron"]),
    ("bron", ["bron/*"]),
    ("wijzigingen", ["wijzigingen"]),  # only where the data has a git history
]


# -- build and serve ----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def public_path() -> str:
    """The path of the public site_url ('/watwilwie/'): the local server uses the same."""
    from generator.settings import settings_from

    return urlsplit(settings_from(ROOT / "mkdocs.yml").site_url or "/").path or "/"


def build(work: Path, site_url: str) -> Path:
    """Build a copy of the project with a local site_url (canonical links must be on the audited host)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = work / "project"
    for name in ("templates", "site-data", "content"):
        shutil.rmtree(project / name, ignore_errors=True)
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copytree(ROOT / "site-data", project / "site-data")
    shutil.copytree(ROOT / "content" / "assets", project / "content" / "assets")
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), site_url=site_url, strict=True))
    return site


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: the site under a path, gzip for text, 404.html, max-age 600."""

    prefix = "/"
    compressible = ("text/", "application/javascript", "application/json", "application/manifest+json", "image/svg+xml", "application/xml")

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def translate_path(self, path: str) -> str:
        local = urlsplit(path).path
        if not local.startswith(self.prefix):
            return str(Path(self.directory) / "__outside__")
        return super().translate_path("/" + local[len(self.prefix) :])

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not urlsplit(self.path).path.endswith("/"):
            return super().do_GET()  # redirect to the address with a slash
        if path.is_dir():
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        body = path.read_bytes()
        ctype = self.guess_type(str(path))
        headers = {"Content-Type": ctype + ("; charset=utf-8" if ctype.startswith("text/") else "")}
        if ctype.startswith(self.compressible) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers |= {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(site: Path, port: int, prefix: str):
    handler = type("Host", (StaticHost,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def pick_pages(site: Path) -> list[tuple[str, str]]:
    """(label, URL path relative to the site root) for one page of each type that this data has."""
    elections = sorted((d.parent for d in site.glob("*/thema")), key=lambda d: (not (d / "stelling").is_dir(), d.name))
    picked = [*_first(site, SITE_PAGES, site)]
    if elections:
        picked += _first(elections[0], ELECTION_PAGES, site)
    return [*picked, ("404", NOT_FOUND)]


def _first(folder: Path, types, site: Path):
    for label, patterns in types:
        for pattern in patterns:
            found = sorted(p.parent for p in folder.glob(f"{pattern}/index.html"))
            if found:
                rel = found[0].relative_to(site).as_posix()
                yield label, "" if rel == "." else rel + "/"
                break


# -- measuring ----------------------------------------------------------------


@dataclass
class Result:
    label: str
    path: str
    scores: dict[str, int | None] = field(default_factory=dict)
    lcp_ms: float = 0
    cls: float = 0
    tbt_ms: float = 0
    kib: float = 0
    requests: int = 0
    failed_audits: list[str] = field(default_factory=list)
    axe: dict[str, list[str]] = field(default_factory=dict)  # scheme -> violations
    offsite: set[str] = field(default_factory=set)
    overflow: dict[str, int] = field(default_factory=dict)  # scheme -> page width, when wider than the phone
    errors: list[str] = field(default_factory=list)

    def misses(self) -> list[str]:
        found = []
        for category, target in TARGETS.items():
            score = self.scores.get(category)
            if self.label == "404" and category == "seo":
                continue  # a 404 page is meant to be left out of search engines
            if score is not None and score < target:
                found.append(f"{category} {score} < {target}")
        found += [f"axe ({scheme}): {v}" for scheme, violations in self.axe.items() for v in violations]
        found += [f"request to another host: {url}" for url in sorted(self.offsite)]
        found += [f"wider than the phone ({scheme}): {width} px" for scheme, width in self.overflow.items()]
        return found + self.errors


def median(runs: list[Result]) -> Result:
    """The run with the median performance score, as Lighthouse advises for its run-to-run variance."""
    scored = sorted((r for r in runs if r.scores.get("performance") is not None), key=lambda r: r.scores["performance"])
    return scored[(len(scored) - 1) // 2] if scored else runs[-1]


def lighthouse(result: Result, url: str, report: Path) -> Result:
    command = [
        str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=" + " ".join(["--headless=new", *CHROME_FLAGS]),
    ]
    run = subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=300)
    if run.returncode or not report.exists():
        result.errors.append(f"lighthouse failed: {run.stderr.strip()[-500:]}")
        return result
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        result.errors.append(f"lighthouse: {data['runtimeError'].get('message')}")
    audits = data["audits"]
    result.scores = {c: round(data["categories"][c]["score"] * 100) if data["categories"][c]["score"] is not None else None for c in CATEGORIES}
    result.lcp_ms = audits["largest-contentful-paint"]["numericValue"]
    result.cls = audits["cumulative-layout-shift"]["numericValue"]
    result.tbt_ms = audits["total-blocking-time"]["numericValue"]
    result.kib = audits["total-byte-weight"]["numericValue"] / 1024
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    result.requests = len(requests)
    host = urlsplit(url).netloc
    result.offsite |= {r["url"] for r in requests if urlsplit(r["url"]).scheme in ("http", "https") and urlsplit(r["url"]).netloc != host}
    for category in data["categories"].values():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                result.failed_audits.append(f"[{category['id']}] {ref['id']}: {audit['title']}{value}")
    return result


def in_browser(results: list[Result], base: str, out: Path) -> None:
    """axe-core in light and dark mode, phone screenshots, requests to other hosts, sideways scrolling."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        try:
            for result in results:
                for scheme in ("light", "dark"):
                    _check_page(browser, result, base, scheme, out)
        finally:
            browser.close()


def _check_page(browser, result: Result, base: str, scheme: str, out: Path) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, color_scheme=scheme)
    page = context.new_page()
    host = urlsplit(base).netloc
    page.on("request", lambda r: urlsplit(r.url).netloc in ("", host) or not r.url.startswith("http") or result.offsite.add(r.url))
    page.on("pageerror", lambda error: result.errors.append(f"JavaScript error ({scheme}): {error}"))
    try:
        page.goto(base + result.path, wait_until="networkidle")
        page.screenshot(path=str(out / f"{slug(result.label)}-{scheme}.png"))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            result.overflow[scheme] = width
        page.add_script_tag(path=str(AXE))
        report = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        result.axe[scheme] = [
            f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['help']} — {v['nodes'][0]['target']}" for v in report["violations"]
        ]
    except Exception as error:  # noqa: BLE001 - any browser failure is reported, and the other pages are still audited
        result.errors.append(f"browser ({scheme}): {error}")
    finally:
        context.close()


def slug(label: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in label).strip("-") or "page"


# -- report -------------------------------------------------------------------


def table(results: list[Result]) -> str:
    head = ("page", "perf", "a11y", "bp", "seo", "LCP s", "CLS", "TBT ms", "KiB", "req", "axe", "other hosts")
    rows = [head]
    for r in results:
        s = r.scores
        axe = sum(len(v) for v in r.axe.values())
        measured = (f"{r.lcp_ms / 1000:.2f}", f"{r.cls:.3f}", f"{r.tbt_ms:.0f}", f"{r.kib:.0f}", str(r.requests)) if s else ("–",) * 5
        rows.append((r.label, *(str(s.get(c, "–")) for c in CATEGORIES), *measured, str(axe), str(len(r.offsite))))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / ".cache" / "audit"), help="folder for the build, reports and screenshots")
    parser.add_argument("--only", nargs="*", help="audit only these page types (e.g. stelling thema)")
    parser.add_argument("--no-lighthouse", action="store_true", help="only axe, screenshots and requests")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median is reported")
    args = parser.parse_args(argv)
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        print(f"Lighthouse is missing: run `npm ci` in {HERE.relative_to(ROOT)}/ (make audit does this).", file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    shots = out / "screenshots"
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    for old in out.glob("lighthouse-*.json"):
        old.unlink()
    port, prefix = free_port(), public_path()
    base = f"http://127.0.0.1:{port}{prefix}"
    started = time.monotonic()
    site = build(out, base)
    print(f"built {site} for {base} in {time.monotonic() - started:.0f} s", flush=True)
    results = [Result(label, path) for label, path in pick_pages(site) if not args.only or label in args.only]
    with serve(site, port, prefix):
        if not args.no_lighthouse:
            for result in results:
                if result.label == "404":
                    continue  # Lighthouse refuses to audit a page served with status 404
                print(f"lighthouse {result.label} …", flush=True)
                runs = [lighthouse(Result(result.label, result.path), base + result.path, out / f"lighthouse-{slug(result.label)}-{i + 1}.json") for i in range(args.runs)]
                result.__dict__.update(median(runs).__dict__)
        in_browser(results, base, shots)
    print()
    print(table(results))
    print(f"\nLighthouse reports in {out}/, phone screenshots (360 px, light and dark) in {shots}/")
    missed = False
    for r in results:
        problems = r.misses()
        notes = [a for a in r.failed_audits if a not in problems]
        if problems or notes:
            print(f"\n{r.label} ({r.path or '/'})")
            for line in problems:
                print(f"  MISS  {line}")
            for line in notes:
                print(f"  note  {line}")
        missed |= bool(problems)
    print("\nAll targets met." if not missed else "\nTargets missed (see MISS above).")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
