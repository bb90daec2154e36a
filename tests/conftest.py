"""Shared fixtures: a small hand-made data set, and real builds into temporary folders."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import sync_playwright

from helpers import (
    PHONE,
    build_in_place,
    build_project,
    make_data,
    make_project,
)
from htmlcheck import read_page

# Property tests: a quick profile while working, the thorough one in CI (.ci/run sets HYPOTHESIS_PROFILE=ci).
settings.register_profile("ci", max_examples=150, deadline=None)
settings.register_profile("dev", max_examples=25, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return make_data(tmp_path)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real data in place, with its git history, built once with the strict MkDocs build."""
    return build_in_place(tmp_path_factory.mktemp("real"))


@pytest.fixture(scope="session")
def pages(real_site):
    """Every page of the real site, read once; old addresses that only send the reader on are left out."""
    read = {path: read_page(path) for path in sorted(real_site.rglob("*.html"))}
    return {path: page for path, page in read.items() if "refresh" not in page.meta}


@pytest.fixture(scope="session")
def redirects(real_site):
    """The old addresses of the real site: path -> the URL they send the reader to."""
    found = {}
    for path in sorted(real_site.rglob("*.html")):
        page = read_page(path)
        if "refresh" in page.meta:
            found[path] = page.meta["refresh"].split("url=", 1)[1]
    return found


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Path:
    """The small hand-made data set (with hostile text), built strictly."""
    root = tmp_path_factory.mktemp("mini")
    make_data(root)
    make_project(root, data=root / "site-data")
    return build_project(root)


# -- a real browser at phone size, against the real site served on localhost --

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(real_site):
    handler = functools.partial(_QuietHandler, directory=str(real_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    page = context.new_page()
    outside = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else outside.append(request.url))
    yield page
    context.close()
    assert outside == [], "requests to other hosts"
