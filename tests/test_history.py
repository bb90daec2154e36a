"""The change log from git history: a fixture repository with a few commits (a quote and a position
changed, a pull request merged, a statement renamed, a proposal removed) gives the dates, messages and
summaries `git log` has; the pages, the changes page and the Atom feed show them; a data folder outside
git, a shallow clone and the real repository build without claiming a history they do not have."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import http.server
import json
import logging
import os
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from generator import urls
from generator.build import check, generate
from generator.engine import build_site
from generator.history import (
    NOT_STATED,
    PositionVersion,
    ProposalVersion,
    StatementVersion,
    proposal_changes,
    read_history,
    statement_changes,
)
from generator.settings import settings_from

from helpers import PHONE, ROOT, make_data, make_project
from htmlcheck import content_text, read_page, resolve

ATOM = "{http://www.w3.org/2005/Atom}"
ELECTION = "testdorp-2026"
LABELS = {ELECTION: {"partij-a": "Partij A", "raad-b": "Raad B"}}
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "redactie@example.org",
    "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "redactie@example.org",
}
SECOND_STATEMENT = """\
- id: meer-sociale-huur
  theme: wonen
  text: Er komen meer sociale huurwoningen.
  explanation: Er is een lange wachtlijst.
  positions:
    partij-a:
      position: eens
      proposals: [sociale-huur]
"""
HOSTILE_TITLE = "Titel met <b>html</b> | en *sterren* # {{ x }}"


def git(root: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, **GIT_ENV, **({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {})}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def commit(root: Path, message: str, date: str) -> None:
    git(root, "add", "-A", "site-data")
    git(root, "commit", "-q", "-m", message, date=date)


@dataclasses.dataclass(frozen=True)
class Logged:
    sha: str
    time: dt.datetime
    subject: str
    body: str


def git_log(root: Path) -> list[Logged]:
    """What `git log` says about the published line, oldest first."""
    out = git(root, "log", "--first-parent", "--format=%H%x00%cI%x00%s%x00%b%x01")
    rows = [row.strip("\n").split("\0") for row in out.split("\x01") if row.strip()]
    return [Logged(sha, dt.datetime.fromisoformat(when), subject, body.strip()) for sha, when, subject, body in reversed(rows)]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """The small data set in a git repository, with four published states:

    1. first publication (two statements);
    2. a longer quote for partij-a/sociale-huur, and Partij A from neutraal to oneens on dertig-kmu-overal;
    3. a pull request merged on GitHub: a new title for raad-b/dertig-overal, committed days before the merge;
    4. the statement meer-sociale-huur renamed (its old address kept in redirects.yml), the proposal with the hostile title removed.
    """
    root = tmp_path_factory.mktemp("repo")
    data = make_data(root)
    election = data / ELECTION
    (election / "statements.yml").write_text((election / "statements.yml").read_text(encoding="utf-8") + SECOND_STATEMENT, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    commit(root, "Eerste versie van Testdorp", "2026-02-01T10:00:00+01:00")

    edit(election / "proposals" / "partij-a.yml", "quote: We bouwen in deze periode 1.000 nieuwe sociale huurwoningen.",
         "quote: We bouwen in deze periode 1.000 nieuwe sociale huurwoningen. Dat is een ‘grote’ opgave.")
    edit(election / "statements.yml", "position: neutraal", "position: oneens")
    commit(root, "Langer citaat over sociale huur; Partij A is tegen 30 km/u overal", "2026-03-02T09:30:00+01:00")

    git(root, "checkout", "-q", "-b", "jan/titel")
    edit(election / "proposals" / "raad-b.yml", "title: 30 km/u in de hele stad", "title: Overal in de stad 30 km/u")
    commit(root, "Titel aangepast", "2026-03-03T08:00:00+01:00")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "jan/titel", "-m", "Merge pull request #7 from jan/titel", "-m", "Titel van Raad B over 30 km/u verduidelijkt", date="2026-03-05T12:00:00+01:00")

    edit(election / "statements.yml", "- id: meer-sociale-huur", "- id: sociale-huur-erbij")
    (election / "redirects.yml").write_text("- from: stelling/meer-sociale-huur\n  to: stelling/sociale-huur-erbij\n", encoding="utf-8")
    proposals = (election / "proposals" / "raad-b.yml").read_text(encoding="utf-8")
    (election / "proposals" / "raad-b.yml").write_text(proposals[: proposals.index("  - id: vreemde-tekens")], encoding="utf-8")
    commit(root, "Stelling over sociale huur hernoemd; voorstel met ‘vreemde tekens’ weg (geëxporteerd)", "2026-03-10T16:45:00+01:00")
    return root


@pytest.fixture(scope="module")
def repo_site(repo, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("repo-project")
    make_project(root, data=repo / "site-data")
    result = generate(dataclasses.replace(settings_from(root / "mkdocs.yml"), data_dir=repo / "site-data"))
    assert result.problems == []
    build_site(result, root / "site")
    return root / "site"


def test_the_change_log_matches_git_log(repo):
    first, quote_and_position, merge, rename = git_log(repo)
    e = read_history(repo / "site-data", LABELS)[ELECTION]
    assert (e.since.sha, e.since.time, e.complete) == (first.sha, first.time, True)

    def log_of(item):
        return [(c.commit.sha, c.commit.time, c.commit.message, c.summary) for c in item.changes]

    quote = e.proposals[("partij-a", "sociale-huur")]
    assert (quote.published.sha, quote.published.time, quote.published.message) == (first.sha, first.time, first.subject)
    assert log_of(quote) == [(quote_and_position.sha, quote_and_position.time, quote_and_position.subject, "Citaat aangepast")]
    assert log_of(e.statements["dertig-kmu-overal"]) == [
        (quote_and_position.sha, quote_and_position.time, quote_and_position.subject, "Standpunt van Partij A: neutraal → oneens"),
    ]
    # The pull request counts from its merge (the published line), under the pull request's title.
    assert merge.subject == "Merge pull request #7 from jan/titel"
    assert log_of(e.proposals[("raad-b", "dertig-overal")]) == [(merge.sha, merge.time, merge.body, "Titel aangepast")]
    assert log_of(e.statements["meer-sociale-huur"]) == [(rename.sha, rename.time, rename.subject, "Verwijderd")]
    assert e.statements["meer-sociale-huur"].removed and e.statements["meer-sociale-huur"].title == "Er komen meer sociale huurwoningen."
    assert e.statements["sociale-huur-erbij"].published.sha == rename.sha and e.statements["sociale-huur-erbij"].changes == []
    assert log_of(e.proposals[("raad-b", "vreemde-tekens")]) == [(rename.sha, rename.time, rename.subject, "Verwijderd")]
    assert e.proposals[("partij-a", "dertig-kmu")].changes == []
    assert sum(len(item.changes) for item in [*e.proposals.values(), *e.statements.values()]) == 5


def test_summaries_name_what_changed():
    proposal = ProposalVersion("Titel", "Citaat.", "wonen", "", "bron")
    assert proposal_changes(proposal, dataclasses.replace(proposal, quote="Ander citaat.", title="Andere titel")) == ["citaat aangepast", "titel aangepast"]
    assert proposal_changes(proposal, dataclasses.replace(proposal, topic="huur")) == []  # a first topic files it, and changes nothing it says
    assert proposal_changes(dataclasses.replace(proposal, topic="huur"), dataclasses.replace(proposal, topic="koop")) == ["onderwerp aangepast"]
    assert proposal_changes(proposal, dataclasses.replace(proposal, theme="mobiliteit")) == ["thema aangepast"]

    def label(actor):
        return {"volt": "Volt"}.get(actor, actor)

    position = PositionVersion("eens", "Uitleg.", ("a", "b"))
    statement = StatementVersion("Tekst.", "wonen", "Uitleg.", {"volt": position, "cda": NOT_STATED})
    assert statement_changes(statement, dataclasses.replace(statement, positions={"volt": dataclasses.replace(position, position="neutraal")}), label) == ["standpunt van Volt: eens → neutraal"]
    assert statement_changes(statement, dataclasses.replace(statement, positions={"volt": dataclasses.replace(position, explanation="Nieuw.")}), label) == ["uitleg bij het standpunt van Volt aangepast"]
    assert statement_changes(statement, dataclasses.replace(statement, positions={"volt": dataclasses.replace(position, proposals=("a",))}), label) == ["citaten bij het standpunt van Volt aangepast"]
    assert statement_changes(statement, dataclasses.replace(statement, positions={}), label) == ["standpunt van Volt: eens → geen standpunt"]
    assert statement_changes(statement, dataclasses.replace(statement, text="Nieuwe tekst.", explanation="Nieuw."), label) == ["tekst van de stelling aangepast", "uitleg aangepast"]


def test_proposal_and_statement_pages_show_their_changes(repo_site):
    quote = content_text(repo_site / ELECTION / "wie" / "partij-a" / "sociale-huur" / "index.html")
    assert "Wijzigingen 2 maart 2026: Citaat aangepast Gepubliceerd op 1 februari 2026." in quote
    statement = content_text(repo_site / ELECTION / "stelling" / "dertig-kmu-overal" / "index.html")
    assert "Wijzigingen 2 maart 2026: Standpunt van Partij A: neutraal → oneens Gepubliceerd op 1 februari 2026." in statement
    merged = content_text(repo_site / ELECTION / "wie" / "raad-b" / "dertig-overal" / "index.html")
    assert "5 maart 2026: Titel aangepast" in merged  # the day it was published, not the day of the branch's commit
    index = json.loads((repo_site / ELECTION / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if "wijzigingen" in doc["location"] or "Gepubliceerd op" in doc["text"]]  # searching finds the proposal, not its changes
    for unchanged in (repo_site / ELECTION / "wie" / "partij-a" / "dertig-kmu", repo_site / ELECTION / "stelling" / "sociale-huur-erbij"):
        assert "Wijzigingen" not in content_text(unchanged / "index.html")
        assert "Gepubliceerd op" not in content_text(unchanged / "index.html")


def test_the_footer_says_when_the_page_s_own_data_last_changed(repo_site):
    def footer(path: Path) -> str:
        html = (path / "index.html").read_text(encoding="utf-8")
        return re.search(r"Gegevens van deze pagina laatst bijgewerkt op ([^.<]+)\.", html).group(1)

    assert footer(repo_site / ELECTION / "wie" / "partij-a" / "sociale-huur") == "2 maart 2026"  # its quote changed
    assert footer(repo_site / ELECTION / "wie" / "partij-a" / "dertig-kmu") == "1 februari 2026"  # published, never changed
    assert footer(repo_site / ELECTION / "thema" / "wonen") == footer(repo_site / ELECTION)  # the election's data as a whole


def test_the_changes_page_lists_every_change_newest_first(repo_site):
    path = repo_site / ELECTION / "wijzigingen" / "index.html"
    text = content_text(path)
    dates = ["10 maart 2026", "5 maart 2026", "2 maart 2026"]
    assert [text.index(date) for date in dates] == sorted(text.index(date) for date in dates)
    assert "Deze lijst begint bij de eerste publicatie, op 1 februari 2026." in text
    for line in (
        "Stelling: Er komen meer sociale huurwoningen. Verwijderd",
        f"Voorstel van Raad B: {HOSTILE_TITLE} Verwijderd",  # as text: escaped where it lands
        "Voorstel van Raad B: Overal in de stad 30 km/u Titel aangepast",
        "Toelichting bij deze wijziging: ‘Titel van Raad B over 30 km/u verduidelijkt’",
        "Stelling: In de hele stad wordt 30 km/u de norm. Standpunt van Partij A: neutraal → oneens",
        "Voorstel van Partij A: 1.000 nieuwe sociale huurwoningen Citaat aangepast",
    ):
        assert line in text
    html = path.read_text(encoding="utf-8")
    assert "<b>html</b>" not in html
    page = read_page(path)
    targets = {}
    for href in page.links:
        if not href.startswith(("http", "#")):
            target, _ = resolve(repo_site, path, href)
            assert target.exists(), href
            targets[href] = read_page(target)
    renamed = next(target for href, target in targets.items() if "stelling/meer-sociale-huur/" in href)
    assert renamed.meta["refresh"].endswith("sociale-huur-erbij/")  # the old address leads on
    assert '<link rel="alternate" type="application/atom+xml" title="Wijzigingen — Testdorp 2026" href="../wijzigingen.xml">' in html
    overview = (repo_site / ELECTION / "index.html").read_text(encoding="utf-8")  # where a feed reader is pointed first
    assert '<link rel="alternate" type="application/atom+xml" title="Wijzigingen — Testdorp 2026" href="wijzigingen.xml">' in overview


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def repo_base_url(repo_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(repo_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [f"/{ELECTION}/wijzigingen/", f"/{ELECTION}/wie/partij-a/sociale-huur/", f"/{ELECTION}/stelling/dertig-kmu-overal/"])
def test_changes_read_well_on_a_phone(browser, repo_base_url, path, scheme):
    context = browser.new_context(viewport=PHONE, base_url=repo_base_url, color_scheme=scheme)
    page = context.new_page()
    page.goto(path)
    heading = page.locator("h2", has_text="maart 2026") if path.endswith("wijzigingen/") else page.locator("h2#wijzigingen")
    heading.first.scroll_into_view_if_needed()
    assert heading.first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    results = Axe().run(page)
    context.close()
    assert results.response["violations"] == [], results.generate_report()


def test_the_feed_is_atom_that_feed_readers_read(repo, repo_site):
    feed_file = repo_site / ELECTION / "wijzigingen.xml"
    root = ElementTree.parse(feed_file).getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):  # RFC 4287 4.1.1: exactly one of each
        assert len(root.findall(f"{ATOM}{required}")) == 1
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Wat wil wie?"
    site_url = settings_from(ROOT / "mkdocs.yml").site_url
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"{site_url}{ELECTION}/wijzigingen.xml"
    _, quote_and_position, merge, rename = git_log(repo)
    assert dt.datetime.fromisoformat(root.find(f"{ATOM}updated").text) == rename.time
    entries = root.findall(f"{ATOM}entry")
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(set(ids)) == len(ids) == 5 and all(i.startswith("urn:uuid:") for i in ids)
    assert [dt.datetime.fromisoformat(entry.find(f"{ATOM}updated").text) for entry in entries] == [rename.time] * 2 + [merge.time] + [quote_and_position.time] * 2
    for entry in entries:
        href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert href.startswith(site_url)
        target, fragment = resolve(repo_site, repo_site / "index.html", href.removeprefix(site_url))
        assert target.exists() and (not fragment or fragment in read_page(target).ids)

    parsed = feedparser.parse(feed_file.read_bytes())
    assert not parsed.bozo and parsed.version == "atom10"
    titles = [entry.title for entry in parsed.entries]
    assert "Stelling: In de hele stad wordt 30 km/u de norm. — Standpunt van Partij A: neutraal → oneens" in titles
    assert f"Voorstel van Raad B: {HOSTILE_TITLE} — Verwijderd" in titles
    merged = next(entry for entry in parsed.entries if "Overal in de stad" in entry.title)
    assert merged.summary == "Titel aangepast. Bij de wijziging staat: ‘Titel van Raad B over 30 km/u verduidelijkt’"
    assert merged.link == f"{site_url}{ELECTION}/wie/raad-b/dertig-overal/"
    assert dt.datetime(*merged.updated_parsed[:6], tzinfo=dt.UTC) == merge.time


def test_without_a_site_address_the_feed_links_relative_to_itself(repo, tmp_path):
    make_project(tmp_path, data=repo / "site-data")
    settings = dataclasses.replace(settings_from(tmp_path / "mkdocs.yml"), data_dir=repo / "site-data", site_url="")
    result = generate(settings)
    parsed = feedparser.parse(result.files[f"{ELECTION}/wijzigingen.xml"].encode("utf-8"), response_headers={"content-location": f"https://example.org/x/{ELECTION}/wijzigingen.xml", "content-type": "application/atom+xml"})
    assert not parsed.bozo and parsed.feed.id.startswith("urn:uuid:")
    served = {urls.url_of(path) for path in result.files if path.endswith(".md")} | {path.removesuffix("index.html") for path in result.files if path.endswith("/index.html")}
    links = [entry.link.partition("#")[0] for entry in parsed.entries]
    assert links and all(link.startswith("https://example.org/x/") and link.removeprefix("https://example.org/x/") in served for link in links)
    assert parsed.entries[0].summary.endswith("‘Stelling over sociale huur hernoemd; voorstel met ‘vreemde tekens’ weg (geëxporteerd)’")


def test_the_history_is_the_same_from_the_cache(repo, tmp_path):
    fresh = read_history(repo / "site-data", LABELS)
    assert read_history(repo / "site-data", LABELS, tmp_path) == fresh
    assert len(list((tmp_path / "1").glob("*.json"))) == 8  # one per version of a proposals or statements file
    assert read_history(repo / "site-data", LABELS, tmp_path) == fresh  # now from the cache


def test_no_old_address_may_take_the_place_of_the_changes_page(tmp_path):
    data = make_data(tmp_path)
    (data / ELECTION / "redirects.yml").write_text("- from: wijzigingen\n  to: stelling\n", encoding="utf-8")
    assert [(p.file, p.line, p.message) for p in check(data).problems] == [
        (f"site-data/{ELECTION}/redirects.yml", 1, "'wijzigingen' is een pagina van de site; die kan niet doorverwijzen"),
    ]


def test_a_commit_message_is_text_wherever_it_lands(tmp_path):
    data = make_data(tmp_path / "project")
    git(data.parent, "init", "-q", "-b", "main")
    commit(data.parent, "Eerste versie", "2026-02-01T10:00:00+01:00")
    edit(data / ELECTION / "proposals" / "partij-a.yml", "title: 30 km/u binnen de singels", "title: Binnen de singels 30 km/u")
    commit(data.parent, 'Titel <script>alert("x")</script> & \x1b[31mrood\x1b[0m {{ jinja }}', "2026-02-02T10:00:00+01:00")
    make_project(data.parent, data=data)
    result = generate(settings_from(data.parent / "mkdocs.yml"))
    page = result.files[f"{ELECTION}/wijzigingen.md"]
    assert "<script>" not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; [31mrood [0m {{ jinja }}" in page
    summary = ElementTree.fromstring(result.files[f"{ELECTION}/wijzigingen.xml"].encode("utf-8")).find(f"{ATOM}entry/{ATOM}summary").text
    assert summary == 'Titel aangepast. Bij de wijziging staat: ‘Titel <script>alert("x")</script> & [31mrood [0m {{ jinja }}’'


def test_a_version_that_cannot_be_read_is_no_change(tmp_path):
    data = make_data(tmp_path)
    proposals = data / ELECTION / "proposals" / "partij-a.yml"
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "Eerste versie", "2026-02-01T10:00:00+01:00")
    edit(proposals, "  - id: dertig-kmu", "\t- id: dertig-kmu")
    commit(tmp_path, "Kapot", "2026-02-02T10:00:00+01:00")
    edit(proposals, "\t- id: dertig-kmu", "  - id: dertig-kmu")
    edit(proposals, "title: 30 km/u binnen de singels", "title: Binnen de singels 30 km/u")
    commit(tmp_path, "Hersteld, met een betere titel", "2026-02-03T10:00:00+01:00")
    e = read_history(data, LABELS)[ELECTION]
    assert [(c.commit.message, c.summary) for c in e.proposals[("partij-a", "dertig-kmu")].changes] == [("Hersteld, met een betere titel", "Titel aangepast")]
    assert e.proposals[("partij-a", "sociale-huur")].changes == []
    cache = tmp_path / "cache"
    assert read_history(data, LABELS, cache)[ELECTION] == e == read_history(data, LABELS, cache)[ELECTION]  # the unreadable version is cached as such


def test_a_data_folder_outside_git_has_no_history_anywhere(mini_site, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    assert read_history(make_data(tmp_path), LABELS) == {}
    assert caplog.records == []  # no repository is no problem
    assert not list(mini_site.rglob("wijzigingen*"))
    for path in mini_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "Wijzigingen" not in html and "Gepubliceerd op" not in html and "application/atom+xml" not in html, path


def test_without_git_there_is_no_history(repo, monkeypatch):
    monkeypatch.setenv("PATH", "")
    assert read_history(repo / "site-data", LABELS) == {}


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the repository another owner")
def test_a_repository_git_refuses_says_why_there_is_no_history(repo, tmp_path, monkeypatch, caplog):
    """As in a GitHub Actions container job: the checkout belongs to another user, and git refuses it."""
    copy = tmp_path / "checkout"
    shutil.copytree(repo, copy, symlinks=True)
    for path in [copy, *copy.rglob("*")]:
        os.lchown(path, 65534, 65534)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert read_history(copy / "site-data", LABELS) == {}
    assert any("Geen wijzigingsgeschiedenis" in record.getMessage() and "dubious ownership" in record.getMessage() for record in caplog.records)


def test_a_shallow_clone_claims_only_the_history_it_has(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)], check=True, env={**os.environ, **GIT_ENV})
    _, _, merge, rename = git_log(repo)
    e = read_history(clone / "site-data", LABELS)[ELECTION]
    assert (e.since.sha, e.complete) == (merge.sha, False)  # the clone begins at the merge
    assert e.proposals[("partij-a", "sociale-huur")].published is None  # published before that: the date is unknown
    assert e.proposals[("partij-a", "sociale-huur")].changes == []  # and so are its earlier changes
    assert e.proposals[("raad-b", "dertig-overal")].changes == []  # the merge's own change is not known either
    assert e.statements["sociale-huur-erbij"].published.sha == rename.sha
    assert [c.summary for c in e.statements["meer-sociale-huur"].changes] == ["Verwijderd"]

    project = tmp_path / "project"
    project.mkdir()
    make_project(project, data=clone / "site-data")
    result = generate(dataclasses.replace(settings_from(project / "mkdocs.yml"), data_dir=clone / "site-data"))
    assert result.problems == []
    assert "Deze lijst begint op 5 maart 2026. Oudere wijzigingen staan er niet in" in result.files[f"{ELECTION}/wijzigingen.md"]
    pages = [text for path, text in result.files.items() if path.endswith(".md") and isinstance(text, str)]
    assert not any("Gepubliceerd op" in text for text in pages)


def test_the_real_repository_builds_with_its_history(real_site, tmp_path):
    """The project's own data, in place (real_site): in CI a fresh clone, perhaps a shallow one."""
    started = time.perf_counter()
    history = read_history(ROOT / "site-data", {}, tmp_path / "cache")
    assert time.perf_counter() - started < 10, "the history is read on every build"
    in_git = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--", "site-data"], capture_output=True, text=True).stdout != ""
    assert bool(history) == in_git
    for election in sorted(p.name for p in (ROOT / "site-data").iterdir() if (p / "election.yml").exists()):
        feed = real_site / election / "wijzigingen.xml"
        assert feed.exists() == in_git, election
        if in_git:
            parsed = feedparser.parse(feed.read_bytes())
            assert not parsed.bozo and 0 < len(parsed.entries) <= 100, election
            assert (real_site / election / "wijzigingen" / "index.html").exists()


def test_the_published_site_is_built_with_the_whole_history():
    """GitHub Actions checks out one commit unless told otherwise, and in a container job git
    refuses a checkout that belongs to another user: either way the live site would lose its change log."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publiceer.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["bouw"]["steps"]
    checkout = next(step for step in steps if str(step.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [str(step.get("run", "")) for step in steps]
    trusted = next(i for i, run in enumerate(runs) if "safe.directory" in run)
    assert "$GITHUB_WORKSPACE" in runs[trusted] and trusted < next(i for i, run in enumerate(runs) if "make site" in run)


def test_a_clone_of_one_commit_builds_without_any_claim(tmp_path):
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode != 0:
        pytest.skip("the project is not a git repository here")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)], check=True, env={**os.environ, **GIT_ENV})
    history = read_history(clone / "site-data", {})
    assert history and all(not e.complete for e in history.values())
    items = [item for e in history.values() for item in [*e.proposals.values(), *e.statements.values()]]
    assert items and all(item.published is None and item.changes == [] for item in items)
