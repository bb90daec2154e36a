"""`make bench`: build synthetic elections at 1×, 10× and 100× the real data and print what it costs.

For each scale this script
  1. writes synthetic data (see `synthetic.py`) into a work folder,
  2. runs the generator's stages on the whole data set in a fresh process
     (`stages.py`): load, quote location, validation, Markdown, share cards,
  3. builds one site per election with `mkdocs build`, as a national edition
     would in a CI matrix, `--jobs` at a time, and at the small scales also the
     one combined site with every election that we publish today,
  4. measures sizes (search index, data.json, sitemap, site) and what a phone
     downloads on its first visit to a proposal page, in Debian's Chromium.
It also times quote location in a single source that grows 1×, 10×, 100×.
Then it prints Markdown tables (they go into docs/scale.md).

This is a benchmark, not a test: it prints figures and never fails on them.
A run at all three scales takes about half an hour on two cores. In a work tree that
others edit meanwhile, run it from a copy (`git archive HEAD | tar -x -C /tmp/x`,
then `.venv/bin/python /tmp/x/bench/run.py`): every child process imports the
generator and templates of the checkout this script lies in.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import synthetic  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@dataclass
class Build:
    """One `mkdocs build` in a child process, with the resources it used."""

    name: str
    seconds: float
    cpu_seconds: float
    peak_mb: float
    pages: int
    site_bytes: int


@dataclass
class Scale:
    factor: int
    counts: dict[str, int]
    stages: dict
    builds: list[Build] = field(default_factory=list)
    combined: Build | None = None
    build_wall: float = 0.0
    sizes: dict[str, dict[str, int]] = field(default_factory=dict)
    phone: dict[str, dict[str, int]] = field(default_factory=dict)


# -- running things ---------------------------------------------------------

def run_measured(command: list[str], cwd: Path, log: Path) -> tuple[float, float, float]:
    """Run `command`; return (wall seconds, CPU seconds, peak RSS in MB) of it and its children."""
    start = time.perf_counter()
    with log.open("wb") as out:
        # The children import this checkout's generator, also when it is a copy (see --help).
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(command)} in {cwd}\n{log.read_text()[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def make_project(folder: Path, data: Path, cache: Path) -> Path:
    """A checkout as a CI job sees it: config, templates, hand-written assets, the data."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "templates").symlink_to(ROOT / "templates")
    (folder / "site-data").symlink_to(data)
    (folder / ".cache").symlink_to(cache)
    shutil.copytree(ROOT / "content" / "assets", folder / "content" / "assets")
    return folder


def build(folder: Path, elections: list[str], name: str) -> Build:
    command = [sys.executable, "-m", "generator.cli", "build"] + [arg for e in elections for arg in ("--election", e)]
    wall, cpu, peak = run_measured(command, folder, folder / "build.log")
    site = folder / "site"
    pages = sum(1 for _ in site.rglob("index.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return Build(name, wall, cpu, peak, pages, size)


def build_per_election(work: Path, data: Path, cache: Path, elections: list[str], jobs: int) -> tuple[list[Build], float]:
    start = time.perf_counter()

    def one(election: str) -> Build:
        folder = make_project(work / "sites" / election, data, cache)
        result = build(folder, [election], election)
        return result

    with ThreadPoolExecutor(jobs) as pool:
        builds = list(pool.map(one, elections))
    return builds, time.perf_counter() - start


# -- sizes ------------------------------------------------------------------

def raw_and_gzip(path: Path) -> dict[str, int]:
    data = path.read_bytes() if path.exists() else b""
    return {"raw": len(data), "gzip": len(gzip.compress(data, 6)) if data else 0}


def election_sizes(site: Path, election: str) -> dict[str, dict[str, int]]:
    return {
        "search index": raw_and_gzip(site / election / "search" / "search_index.json"),
        "data.json": raw_and_gzip(site / election / "data.json"),
        "sitemap": raw_and_gzip(site / election / "sitemap.xml"),
        "root search index": raw_and_gzip(site / "search" / "search_index.json"),
    }


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def first_visit(site: Path, page: str) -> dict[str, int]:
    """Bytes a phone downloads on its first visit to `page`, grouped, raw and gzip-compressed."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    totals: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context(viewport={"width": 360, "height": 780})
            tab = context.new_page()
            bodies: list[tuple[str, bytes]] = []
            tab.on("requestfinished", lambda request: bodies.append((request.url, request.response().body())))
            tab.goto(f"http://127.0.0.1:{server.server_address[1]}/{page}", wait_until="networkidle")
            tab.wait_for_timeout(1500)  # Material fetches its search index and sitemap after load
            browser.close()
    finally:
        server.shutdown()
    for url, body in bodies:
        group = _group(url, page)
        totals[f"{group} raw"] = totals.get(f"{group} raw", 0) + len(body)
        totals[f"{group} gzip"] = totals.get(f"{group} gzip", 0) + len(gzip.compress(body, 6))
        totals["requests"] = totals.get("requests", 0) + 1
    return totals


def _group(url: str, page: str) -> str:
    path = url.split("/", 3)[-1].split("?")[0]
    if path == page or path == page + "index.html":
        return "page HTML"
    if path.endswith("search_index.json"):
        return "search index"
    if path.endswith("sitemap.xml"):
        return "sitemap"
    return "theme CSS, JS, icons"


# -- one scale --------------------------------------------------------------

def run_scale(factor: int, work: Path, jobs: int, combined_up_to: int, browser: bool) -> Scale:
    folder = work / f"x{factor}"
    data = folder / "site-data"
    marker = folder / "counts.json"
    if not marker.exists():
        print(f"[{factor}×] writing synthetic data …", flush=True)
        counts = synthetic.make(data, factor, ROOT / "site-data")
        marker.write_text(json.dumps(counts))
    counts = json.loads(marker.read_text())
    cache = folder / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir()
    print(f"[{factor}×] generator stages …", flush=True)
    content = folder / "content"
    shutil.rmtree(content, ignore_errors=True)
    log = folder / "stages.log"
    command = [sys.executable, "-m", "bench.stages", str(data), str(content), str(cache / "share-cards")]
    run_measured(command, ROOT, log)
    stages = json.loads(log.read_text().strip().splitlines()[-1])
    scale = Scale(factor, counts, stages)
    elections = sorted(p.name for p in data.iterdir() if (p / "election.yml").exists())
    print(f"[{factor}×] {len(elections)} MkDocs builds, {jobs} at a time …", flush=True)
    scale.builds, scale.build_wall = build_per_election(folder, data, cache, elections, jobs)
    first = folder / "sites" / elections[0] / "site"
    scale.sizes["one site per election"] = election_sizes(first, elections[0])
    proposal_page = _a_proposal_page(first, elections[0])
    if browser:
        scale.phone["one site per election"] = first_visit(first, proposal_page)
    if factor <= combined_up_to:
        print(f"[{factor}×] the combined site with all {len(elections)} elections …", flush=True)
        project = make_project(folder / "combined", data, cache)
        scale.combined = build(project, [], "combined")
        scale.sizes["combined site"] = election_sizes(project / "site", elections[0])
        if browser:
            scale.phone["combined site"] = first_visit(project / "site", proposal_page)
    shutil.rmtree(folder / "sites", ignore_errors=True)
    shutil.rmtree(folder / "combined", ignore_errors=True)
    return scale


def _a_proposal_page(site: Path, election: str) -> str:
    actor = sorted(p for p in (site / election / "wie").iterdir() if p.is_dir())[0]
    proposal = sorted(p for p in actor.iterdir() if p.is_dir())[0]
    return str(proposal.relative_to(site)) + "/"


# -- one growing source -----------------------------------------------------

def quote_scaling(factors: list[int]) -> list[tuple[int, int, int, float, float]]:
    """(factor, characters, quotes, seconds to normalise + index, seconds to locate) for one source."""
    from generator.quotes import SourceText, locate

    _, words, _ = synthetic.real_shape(ROOT / "site-data")
    rows = []
    for factor in factors:
        rng = random.Random(1)
        maker = synthetic.TextMaker(words, rng)
        text, _, sentences = maker.source(150_000 * factor, "soft")
        quotes = [maker.quote(s) for s in rng.sample(sentences, min(len(sentences), 280 * factor))]
        source = SourceText(text, "soft")
        start = time.perf_counter()
        next(source.readings())
        prepared = time.perf_counter()
        found = sum(1 for quote in quotes if locate(quote, source))
        done = time.perf_counter()
        assert found == len(quotes)
        rows.append((factor, len(text), len(quotes), prepared - start, done - prepared))
    return rows


# -- printing ---------------------------------------------------------------

def _n(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}".replace(",", " ")


def _kb(value: int) -> str:
    return _n(value / 1024, 1 if value < 10_240 else 0)


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" if i else "---" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def report(scales: list[Scale], quotes: list, jobs: int) -> str:
    head = ["", *[f"{s.factor}×" for s in scales]]
    out = []
    size_rows = [
        ["elections", *[_n(s.counts["elections"]) for s in scales]],
        ["actors (one source each)", *[_n(s.counts["actors"]) for s in scales]],
        ["proposals", *[_n(s.counts["proposals"]) for s in scales]],
        ["statements", *[_n(s.counts["statements"]) for s in scales]],
        ["source text (MB)", *[_n(s.counts["source_chars"] / 1e6, 1) for s in scales]],
        ["pages", *[_n(s.stages["pages"]) for s in scales]],
    ]
    out += ["### Data", table(head, size_rows)]
    stage_names = [("load", "load YAML and texts"), ("validate", "validate"), ("quotes", "quote location"), ("plan", "page plan"), ("markdown", "Markdown generation"), ("cards", "share cards (cold cache)")]
    rows = []
    for key, label in stage_names:
        if all(key in s.stages["stages"] for s in scales):
            rows.append([label, *[f"{_n(s.stages['stages'][key]['seconds'], 1)} s · {_n(s.stages['stages'][key]['peak_mb'])} MB" for s in scales]])
    total = [sum(v["seconds"] for v in s.stages["stages"].values()) for s in scales]
    rows.append(["**generator total**", *[f"**{_n(t, 1)} s**" for t in total]])
    rows.append(["generator per proposal", *[f"{_n(1000 * t / s.counts['proposals'], 2)} ms" for t, s in zip(total, scales, strict=True)]])
    out += ["", "### Generator, whole data set in one process (time · peak memory)", table(head, rows)]
    rows = [
        [f"wall time, {jobs} builds at a time", *[f"{_n(s.build_wall)} s" for s in scales]],
        ["CPU time, all builds", *[f"{_n(sum(b.cpu_seconds for b in s.builds))} s" for s in scales]],
        ["CPU per election site", *[f"{_n(sum(b.cpu_seconds for b in s.builds) / len(s.builds), 1)} s" for s in scales]],
        ["CPU per page", *[f"{_n(1000 * sum(b.cpu_seconds for b in s.builds) / sum(b.pages for b in s.builds), 1)} ms" for s in scales]],
        ["CPU per proposal", *[f"{_n(1000 * sum(b.cpu_seconds for b in s.builds) / s.counts['proposals'], 1)} ms" for s in scales]],
        ["peak memory of one build", *[f"{_n(max(b.peak_mb for b in s.builds))} MB" for s in scales]],
        ["output, all sites", *[f"{_n(sum(b.site_bytes for b in s.builds) / 1e6)} MB" for s in scales]],
    ]
    out += ["", "### `mkdocs build`, one site per election (includes the generator run for that election)", table(head, rows)]
    combined = [s for s in scales if s.combined]
    if combined:
        chead = ["", *[f"{s.factor}×" for s in combined]]
        rows = [
            ["wall time", *[f"{_n(s.combined.seconds)} s" for s in combined]],
            ["CPU time", *[f"{_n(s.combined.cpu_seconds)} s" for s in combined]],
            ["peak memory", *[f"{_n(s.combined.peak_mb)} MB" for s in combined]],
            ["output", *[f"{_n(s.combined.site_bytes / 1e6)} MB" for s in combined]],
        ]
        out += ["", "### `mkdocs build`, one combined site with every election", table(chead, rows)]
    for kind in ("one site per election", "combined site"):
        shown = [s for s in scales if kind in s.sizes]
        if not shown:
            continue
        khead = ["", *[f"{s.factor}×" for s in shown]]
        rows = []
        for name in ("search index", "root search index", "data.json", "sitemap"):
            rows.append([f"{name} (KB raw / gzip)", *[f"{_kb(s.sizes[kind][name]['raw'])} / {_kb(s.sizes[kind][name]['gzip'])}" for s in shown]])
        for group in ("page HTML", "search index", "sitemap", "theme CSS, JS, icons"):
            if all(f"{group} raw" in s.phone.get(kind, {}) for s in shown):
                rows.append([f"phone: {group} (KB raw / gzip)", *[f"{_kb(s.phone[kind][group + ' raw'])} / {_kb(s.phone[kind][group + ' gzip'])}" for s in shown]])
        if all(kind in s.phone for s in shown):
            rows.append(["**phone: first visit of a proposal page (KB raw / gzip)**", *[
                f"**{_kb(sum(v for k, v in s.phone[kind].items() if k.endswith(' raw')))} / {_kb(sum(v for k, v in s.phone[kind].items() if k.endswith(' gzip')))}**"
                for s in shown
            ]])
            rows.append(["requests", *[_n(s.phone[kind]["requests"]) for s in shown]])
        out += ["", f"### What one election costs, {kind} (first election)", table(khead, rows)]
    rows = [[f"{f}×", _n(chars / 1e6, 2), _n(count), f"{_n(prep, 2)} s", f"{_n(find, 2)} s", f"{_n(1e6 * find / count, 0)} µs"] for f, chars, count, prep, find in quotes]
    out += ["", "### Quote location in one source that grows", table(["", "MB of text", "quotes", "normalise + index", "locate all", "per quote"], rows)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated multiples of the real data (default 1,10,100)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="MkDocs builds at a time (default: CPU count)")
    parser.add_argument("--combined-up-to", type=int, default=10, help="also build the combined site up to this scale (default 10)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/watwilwie-bench"), help="work folder (kept, reused for the data)")
    parser.add_argument("--no-browser", action="store_true", help="skip the page-weight measurement in Chromium")
    args = parser.parse_args(argv)
    factors = [int(f) for f in args.scales.split(",")]
    started = time.perf_counter()
    scales = [run_scale(f, args.work, args.jobs, args.combined_up_to, not args.no_browser) for f in factors]
    print("[quote location in one source] …", flush=True)
    quotes = quote_scaling(factors)
    print()
    print(f"Measured on {os.cpu_count()} cores, Python {sys.version.split()[0]}, in {_n(time.perf_counter() - started)} s.\n")
    print(report(scales, quotes, args.jobs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
