#!/usr/bin/env python3
"""Phone screenshots of the pages a pull request changes, for the reviewer (`make schermafbeeldingen`).

Reads the plan that `watwilwie summary --schermafbeeldingen PLAN` wrote (per
line: PNG name, a tab, the page's site-relative URL), serves the built site on
a local port and photographs each page at 360 px wide in Debian's chromium,
full length, into the output folder. Nothing leaves the machine: requests to
any other host are blocked. Exit status 1 when a page could not be shown.

    python tools/preview/screenshots.py PLAN --site site --out schermafbeeldingen
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 360, "height": 780}
MAX_HEIGHT = 12 * PHONE["height"]  # a full page, cut off after twelve screens
TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class Shot:
    name: str  # the PNG file
    url: str  # site-relative, like 'leiden-2026/stelling/x/'


def read_plan(path: Path) -> list[Shot]:
    shots = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, url = line.partition("\t")
        if name.strip():
            if "/" in name or not name.endswith(".png"):
                raise ValueError(f"{path}: '{name}' is geen bestandsnaam van een PNG")
            shots.append(Shot(name, url.lstrip("/")))
    return shots


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """The built site on a free local port, at the root (its links are relative)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def take(site: Path, shots: list[Shot], out: Path) -> list[str]:
    """Photograph each page into `out`; return the problems (a page missing or not loading)."""
    from playwright.sync_api import Error, sync_playwright  # a test dependency: only this tool and the tests need it

    out.mkdir(parents=True, exist_ok=True)
    problems = []
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        page = context.new_page()
        for shot in shots:
            try:
                response = page.goto(base + shot.url, wait_until="load", timeout=TIMEOUT_MS)
                if response is None or not response.ok:
                    problems.append(f"/{shot.url}: status {response.status if response else '?'}")
                    continue
                height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
                page.screenshot(path=out / shot.name, clip={"x": 0, "y": 0, "width": PHONE["width"], "height": height}, full_page=True)
            except Error as error:
                problems.append(f"/{shot.url}: {error.message.splitlines()[0]}")
        browser.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", type=Path, help="het plan van 'watwilwie summary --schermafbeeldingen'")
    parser.add_argument("--site", type=Path, default=Path("site"), help="de gebouwde site (standaard: site)")
    parser.add_argument("--out", type=Path, default=Path("schermafbeeldingen"), help="map voor de PNG-bestanden")
    args = parser.parse_args(argv)
    shots = read_plan(args.plan) if args.plan.exists() else []
    problems = take(args.site, shots, args.out) if shots else []
    for problem in problems:
        print(f"Geen schermafbeelding van {problem}", file=sys.stderr)
    print(f"{len(shots) - len(problems)} schermafbeelding(en) in {args.out}/")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
