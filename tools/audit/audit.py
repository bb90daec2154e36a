#!/usr/bin/env python3
"""`make audit`: how the site does on a phone, measured in a real browser, against budgets.

Builds the site (a copy of the project under .cache/audit/, so the working tree
is left alone) with `site_url` pointing at a local server, serves it gzipped
under the same path as the public site (like GitHub Pages, with its 404.html),
and checks

  * every HTML page with the Nu HTML Checker (vnu.jar);
  * one page of each type with Lighthouse 12 (mobile: Moto G Power, slow 4G,
    simulated throttling; three runs, the median of each figure): scores,
    total blocking time, layout shift, bytes and requests of a first visit;
  * the same pages with axe-core (WCAG 2.1 A/AA and best practices) in light
    and in dark mode, with phone screenshots (360 px wide), and for requests to
    other hosts, JavaScript errors and sideways scrolling;
  * search on an election page: the time from the first keystroke to the first
    result on a slow 4G phone (search loads only when it is opened).

Prints each figure against its budget (budgets.py); exit status 1 when a page
misses one. Everything runs offline: Chromium is Debian's, Lighthouse, axe-core
and vnu.jar come from tools/audit/package-lock.json (`npm ci`), Java from Debian.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import html
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from budgets import PageResult, budgets_for, read_run, search_line, search_misses, table
from searchspeed import first_result_ms
from vnu import CheckerError, check_site

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
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
NOT_FOUND = "bestaat-niet/"

# One page of each type: a label, glob patterns for its folder (the first match is audited),
# and whether to take the largest page of that type instead (the longest source document, the fullest actor).
SITE_PAGES = [("home", ["."]), ("methode", ["methode"]), ("zoeken", ["zoeken"])]
ELECTION_PAGES = [  # relative to the folder of an election, preferably one with statements
    ("verkiezing", ["."]),
    ("stemhulp", ["stemhulp"]),
    ("thema's", ["thema"]),
    ("thema", ["thema/wonen", "thema/*"]),
    ("onderwerp", ["thema/wonen/kamerverhuur", "thema/*/*"]),
    ("stellingen", ["stelling"]),
    ("stelling", ["stelling/*"]),
    ("vergelijk", ["vergelijk"]),
    ("wie", ["wie"]),
    ("actor", ["wie/*"], "largest"),  # the party with the most proposals
    ("voorstel", ["wie/*/*"]),
    ("bronnen", ["bron"]),
    ("bron", ["bron/*"], "largest"),
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


# -- which pages --------------------------------------------------------------


def pick_pages(site: Path) -> list[tuple[str, str]]:
    """(label, URL path relative to the site root) for one page of each type that this data has."""
    elections = sorted((d.parent for d in site.glob("*/thema")), key=lambda d: (not (d / "stelling").is_dir(), d.name))
    picked = [*_first(site, SITE_PAGES, site)]
    if elections:
        for label, path in _first(elections[0], ELECTION_PAGES, site):
            picked.append((label, path))
            if label == "stemhulp":
                picked += stemhulp_states(site, path)
    return [*picked, ("404", NOT_FOUND)]


def _first(folder: Path, types, site: Path):
    for label, patterns, *largest in types:
        for pattern in patterns:
            found = sorted(p for p in folder.glob(f"{pattern}/index.html") if not _redirect(p))
            if found:
                page = max(found, key=lambda p: p.stat().st_size) if largest else found[0]
                rel = page.parent.relative_to(site).as_posix()
                yield label, "" if rel == "." else rel + "/"
                break


def _redirect(page: Path) -> bool:
    """An old address that only sends the reader on (site-data/*/redirects.yml): not a page type."""
    return 'http-equiv="refresh"' in page.read_text(encoding="utf-8")[:400]


def stemhulp_states(site: Path, path: str) -> list[tuple[str, str]]:
    """The stemhulp on a question (one answer given) and on its result (every statement answered), by their links."""
    found = re.search(r'<template id="stemhulp-data">(.*?)</template>', (site / path / "index.html").read_text(encoding="utf-8"), re.S)
    if not found:
        return []
    data = json.loads(html.unescape(found.group(1)))
    answers = "".join("eno"[i % 3] for i in range(len(data["statements"])))
    return [("stemhulp-vraag", f"{path}#v={data['version']}&a=e"), ("stemhulp-uitslag", f"{path}#v={data['version']}&a={answers}&r=1")]


def lighthouse_own_requests(site: Path, base: str) -> set[str]:
    """The web app manifest and the icons it names: Chromium fetches them for Lighthouse's installability check only."""
    manifest = site / "manifest.webmanifest"
    if not manifest.exists():
        return set()
    url = urljoin(base, "manifest.webmanifest")
    return {url} | {urljoin(url, icon["src"]) for icon in json.loads(manifest.read_text(encoding="utf-8")).get("icons", [])}


# -- measuring ----------------------------------------------------------------


def lighthouse(result: PageResult, url: str, report: Path, lighthouse_own: set[str]) -> None:
    command = [
        str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=" + " ".join(["--headless=new", *CHROME_FLAGS]),
    ]
    run = subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=300)
    if run.returncode or not report.exists():
        result.errors.append(f"lighthouse failed: {run.stderr.strip()[-500:]}")
        return
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        result.errors.append(f"lighthouse: {data['runtimeError'].get('message')}")
        return
    result.runs.append(read_run(data, lighthouse_own))


def in_browser(results: list[PageResult], base: str, out: Path) -> None:
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


def _check_page(browser, result: PageResult, base: str, scheme: str, out: Path) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, color_scheme=scheme)
    page = context.new_page()
    host = urlsplit(base).netloc
    page.on("request", lambda r: urlsplit(r.url).netloc in ("", host) or not r.url.startswith("http") or result.browser_offsite.add(r.url))
    page.on("pageerror", lambda error: result.errors.append(f"JavaScript error ({scheme}): {error}"))
    try:
        page.goto(base + result.path, wait_until="networkidle")
        page.screenshot(path=str(out / f"{slug(result.label)}-{scheme}.png"))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            result.errors.append(f"wider than the phone ({scheme}): {width} px")
        page.add_script_tag(path=str(AXE))
        report = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        result.axe[scheme] = [
            f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['help']} — {v['nodes'][0]['target']}" for v in report["violations"]
        ]
    except Exception as error:  # noqa: BLE001 - any browser failure is reported, and the other pages are still audited
        result.errors.append(f"browser ({scheme}): {error}")
    finally:
        context.close()


def html_check(site: Path, results: list[PageResult]) -> tuple[int, int, int]:
    """vnu over every page of the site: errors go to the audited page types; returns (errors, pages with errors, pages)."""
    try:
        errors = check_site(site)
    except CheckerError as error:
        for result in results:
            result.errors.append(f"vnu: {error}")
        return 0, 0, 0
    for result in results:
        file = site / "404.html" if result.label == "404" else site / urlsplit(result.path).path / "index.html"
        result.vnu = errors.get(file.resolve(), [])
    pages = sum(1 for _ in site.rglob("*.html"))
    return sum(len(found) for found in errors.values()), len(errors), pages


def heaviest_pages(site: Path, results: list[PageResult]) -> list[str]:
    """The heaviest page of each audited type in any election, its first visit estimated from the audited page's.

    Only the audited page counts for the budgets; these lines say where a type's pages go past them.
    """
    elections = [d.parent for d in site.glob("*/thema")]
    lines = []
    for label, patterns, *_ in ELECTION_PAGES:
        result = next((r for r in results if r.label == label and r.runs), None)
        if result is None:
            continue
        pages = [p for e in elections for p in e.glob(f"{patterns[-1]}/index.html")]
        heaviest = max(pages, key=_gzipped)
        audited = site / urlsplit(result.path).path / "index.html"
        kib = result.figures()["kib"] + (_gzipped(heaviest) - _gzipped(audited)) / 1024
        budget = next(b for b in budgets_for(label) if b.key == "kib")
        if heaviest != audited:
            verdict = "within" if budget.met(kib) else "over"
            lines.append(f"{label}: {heaviest.parent.relative_to(site).as_posix()}/ ≈ {kib:.1f} KiB, {verdict} its budget {budget.describe()}")
    return lines


def _gzipped(page: Path) -> int:
    return len(gzip.compress(page.read_bytes(), compresslevel=6, mtime=0))


def search_query(site: Path, election_path: str) -> str:
    """A word to search for: the longest word in the title of the election's first proposal."""
    index = json.loads((site / election_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    proposal = next(doc for doc in index["docs"] if doc["location"].startswith("wie/") and doc["location"].count("/") == 3 and "#" not in doc["location"])
    return max(re.findall(r"\w+", proposal["title"]), key=len)


def slug(label: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in label).strip("-") or "page"


# -- report -------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / ".cache" / "audit"), help="folder for the build, reports and screenshots")
    parser.add_argument("--only", nargs="*", help="audit only these page types (e.g. stelling thema)")
    parser.add_argument("--no-lighthouse", action="store_true", help="only the HTML check, axe, screenshots, requests and search")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; each figure is the median")
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
    results = [PageResult(label, path) for label, path in pick_pages(site) if not args.only or label in args.only]
    own = lighthouse_own_requests(site, base)
    print("checking the HTML of every page (vnu) …", flush=True)
    html_errors, bad_pages, pages = html_check(site, results)
    search_ms: list[float] = []
    with serve(site, port, prefix):
        if not args.no_lighthouse:
            for result in results:
                if result.label == "404":
                    continue  # Lighthouse refuses to audit a page served with status 404
                print(f"lighthouse {result.label} …", flush=True)
                for i in range(args.runs):
                    lighthouse(result, base + result.path, out / f"lighthouse-{slug(result.label)}-{i + 1}.json", own)
        in_browser(results, base, shots)
        election = next((r.path for r in results if r.label == "verkiezing"), None)
        if election is not None:
            query = search_query(site, election)
            print(f"search speed: '{query}' on {election} …", flush=True)
            search_ms = first_result_ms(CHROMIUM, CHROME_FLAGS, base + election, query, runs=args.runs)
    print()
    print(table(results))
    print(f"\nHTML (vnu), every page: {html_errors} errors in {bad_pages} of {pages} pages")
    if search_ms:
        print(search_line(search_ms))
    heaviest = heaviest_pages(site, results)
    if heaviest:
        print("\nThe heaviest page of each type, in any election (first visit estimated; not a budget):")
        print("\n".join(f"  {line}" for line in heaviest))
    print(f"\nLighthouse reports in {out}/, phone screenshots (360 px, light and dark) in {shots}/")
    missed = html_errors > 0 or bool(search_misses(search_ms))
    for result in results:
        problems = result.misses()
        notes = [a for run in result.runs[:1] for a in run.failed_audits]
        if problems or notes:
            print(f"\n{result.label} ({result.path or '/'})")
            for line in problems:
                print(f"  MISS  {line}")
            for line in notes:
                print(f"  note  {line}")
        missed |= bool(problems)
    print("\nEvery budget met." if not missed else "\nBudgets missed (see ✗ and MISS above).")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
