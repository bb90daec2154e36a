"""The change log of every proposal and statement, from the git history of the data folder.

A proposal or statement is first published by the first commit that has it; every
later commit that changes it adds a change with a one-line Dutch summary. Only the
first-parent line of HEAD counts: that is what was published, one state after the
other (a pull request merged into main is one change, on the day it was merged), and
only committed files count. Each version of a file is parsed and items are compared
by id, field by field, so reformatting or moving an item is no change.

Without git, outside a repository, or for a folder git does not track, the history
is empty and no page claims one. A shallow clone's history begins at its oldest
commit: what that commit already holds has no known publication date. Parsed files
are cached per git blob under `.cache/history/`, so a build parses only new versions.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import subprocess
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Generic, TypeVar

import yaml

from .files import atomic_write

log = logging.getLogger(__name__)

GIT_TIMEOUT = 120  # seconds; the whole log of a large repository takes well under one
MAX_BLOB_BYTES = 5_000_000  # as yamlfile.MAX_FILE_BYTES: a larger file is not a data file
CACHE_VERSION = "1"  # change when what is kept of a file changes
NO_POSITION = "geen standpunt"
ZERO_SHA = "0" * 40
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: five times faster
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")  # also what XML forbids
_PULL_REQUEST_MERGE = re.compile(r"^Merge pull request #\d+ from \S+$")
# git's answers that mean "there is no history here", not that something went wrong.
_NO_HISTORY = ("not a git repository", "does not have any commits yet")


@dataclass(frozen=True)
class Commit:
    sha: str
    number: int  # its place on the first-parent line, 0 the oldest: orders changes made in the same second
    time: dt.datetime  # the committer date, in the committer's time zone
    message: str  # its first line; for a pull request merged on GitHub, the pull request's title

    @property
    def date(self) -> dt.date:
        return self.time.date()


@dataclass(frozen=True)
class Change:
    commit: Commit
    summary: str  # one line in Dutch: 'Citaat aangepast', 'Standpunt van Volt: neutraal → oneens'
    removed: bool = False


@dataclass
class ItemHistory:
    """One proposal or statement: when it was first published, and what changed after that."""

    title: str  # as last committed: a proposal's title, a statement's text
    published: Commit | None  # None: it was there already where a shallow clone's history begins
    changes: list[Change] = field(default_factory=list)  # oldest first

    @property
    def removed(self) -> bool:
        return bool(self.changes) and self.changes[-1].removed


@dataclass
class ElectionHistory:
    since: Commit  # the first commit with this election's data, or where a shallow clone begins
    complete: bool  # False: a shallow clone, which does not know older changes
    proposals: dict[tuple[str, str], ItemHistory] = field(default_factory=dict)  # by (actor, id)
    statements: dict[str, ItemHistory] = field(default_factory=dict)  # by id


History = dict[str, ElectionHistory]  # by election id (its folder name); empty: no history known


# -- what is compared of each item -----------------------------------------------------

@dataclass(frozen=True)
class ProposalVersion:
    title: str
    quote: str
    theme: str
    topic: str
    source: str


@dataclass(frozen=True)
class PositionVersion:
    position: str
    explanation: str
    proposals: tuple[str, ...]  # sorted: the order of the cited proposals is no change


@dataclass(frozen=True)
class StatementVersion:
    text: str
    theme: str
    explanation: str
    positions: dict[str, PositionVersion]


NOT_STATED = PositionVersion(NO_POSITION, "", ())
PROPOSAL_CHANGES = (("quote", "citaat aangepast"), ("title", "titel aangepast"), ("theme", "thema aangepast"), ("source", "bron aangepast"))
STATEMENT_CHANGES = (("text", "tekst van de stelling aangepast"), ("theme", "thema aangepast"), ("explanation", "uitleg aangepast"))


def proposal_changes(old: ProposalVersion, new: ProposalVersion) -> list[str]:
    """What changed; giving a proposal its first topic files it, and changes nothing it says."""
    parts = [text for name, text in PROPOSAL_CHANGES if getattr(old, name) != getattr(new, name)]
    if old.topic and old.topic != new.topic:
        parts.append("onderwerp aangepast")
    return parts


def statement_changes(old: StatementVersion, new: StatementVersion, label: Callable[[str], str]) -> list[str]:
    """What changed, with each actor's stance spelled out: 'standpunt van Volt: neutraal → oneens'."""
    parts = [text for name, text in STATEMENT_CHANGES if getattr(old, name) != getattr(new, name)]
    for actor in [*new.positions, *(actor for actor in old.positions if actor not in new.positions)]:
        was, now = old.positions.get(actor, NOT_STATED), new.positions.get(actor, NOT_STATED)
        if was.position != now.position:
            parts.append(f"standpunt van {label(actor)}: {was.position} → {now.position}")
        elif was.explanation != now.explanation:
            parts.append(f"uitleg bij het standpunt van {label(actor)} aangepast")
        elif was.proposals != now.proposals:
            parts.append(f"citaten bij het standpunt van {label(actor)} aangepast")
    return parts


def sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


# -- reading the history ---------------------------------------------------------------

def read_history(data_dir: Path, labels: Mapping[str, Mapping[str, str]], cache_dir: Path | None = None, elections: Collection[str] = ()) -> History:
    """The change log of every election in `data_dir` (or only `elections`), from its committed git history.

    `labels` names the actors in summaries (election -> actor id -> short name); an
    unknown actor is named by its id.
    """
    found = _log(data_dir)
    if found is None:
        return {}
    commits, shallow = found
    kinds = {path: kind for _, _, files in commits for path, _ in files if (kind := _kind(path, elections))}
    parsed = _parse_blobs(data_dir, {(kinds[path], blob) for _, _, files in commits for path, blob in files if path in kinds and blob != ZERO_SHA}, cache_dir)
    walk = _Walk(labels)
    for commit, parents, files in commits:
        boundary = not parents and commit.sha in shallow
        walk.apply(commit, boundary, [(path, parsed.get(blob), blob == ZERO_SHA) for path, blob in files if path in kinds])
    return walk.histories


def _kind(path: str, elections: Collection[str]) -> str | None:
    """'proposals' or 'statements' for the files whose items have a change log; None for any other."""
    parts = PurePosixPath(path).parts
    if elections and parts[0] not in elections:
        return None
    if len(parts) == 3 and parts[1] == "proposals" and parts[2].endswith(".yml"):
        return "proposals"
    if len(parts) == 2 and parts[1] == "statements.yml":
        return "statements"
    return None


K = TypeVar("K")
V = TypeVar("V")


class _Items(Generic[K, V]):
    """The items of one kind in one election, as the walk through the commits goes."""

    def __init__(self, histories: dict[K, ItemHistory], title: Callable[[V], str], describe: Callable[[V, V], list[str]]):
        self.histories = histories
        self.title = title
        self.describe = describe
        self.present: dict[K, V] = {}
        self.last: dict[K, V] = {}  # the last version of every item ever seen, removed ones too

    def update(self, now: dict[K, V], commit: Commit, boundary: bool) -> None:
        for key, version in now.items():
            if key in self.present and self.last[key] is version:  # from a file this commit did not change
                continue
            history = self.histories.get(key)
            if history is None:
                self.histories[key] = ItemHistory(self.title(version), None if boundary else commit)
            else:
                history.title = self.title(version)
                parts = self.describe(self.last[key], version)
                if key not in self.present:
                    parts = ["opnieuw gepubliceerd", *parts]
                if parts:
                    history.changes.append(Change(commit, sentence(parts)))
            self.last[key] = version
        for key in self.present:
            if key not in now:
                self.histories[key].changes.append(Change(commit, "Verwijderd", removed=True))
        self.present = now


class _Walk:
    """Goes through the commits, oldest first, keeping the parsed files and each election's items."""

    def __init__(self, labels: Mapping[str, Mapping[str, str]]):
        self.labels = labels
        self.histories: History = {}
        self.files: dict[str, dict[str, Any]] = {}  # election -> file path -> its parsed items
        self.proposals: dict[str, _Items] = {}
        self.statements: dict[str, _Items] = {}

    def apply(self, commit: Commit, boundary: bool, files: list[tuple[str, dict | None, bool]]) -> None:
        touched: list[str] = []
        for path, items, deleted in files:
            election = PurePosixPath(path).parts[0]
            if deleted:
                self.files.setdefault(election, {}).pop(path, None)
            elif items is not None:  # a version that cannot be read keeps the one before it
                self.files.setdefault(election, {})[path] = items
            if election not in touched:
                touched.append(election)
        for election in touched:
            if election not in self.histories:
                self.histories[election] = ElectionHistory(commit, complete=not boundary)
                self._start(election)
            proposals: dict = {}
            statements: dict = {}
            for path, items in sorted(self.files.get(election, {}).items()):
                (statements if path.endswith("statements.yml") else proposals).update(items)
            self.proposals[election].update(proposals, commit, boundary)
            self.statements[election].update(statements, commit, boundary)

    def _start(self, election: str) -> None:
        names = self.labels.get(election, {})

        def label(actor: str) -> str:
            return names.get(actor, actor)

        history = self.histories[election]
        self.proposals[election] = _Items(history.proposals, lambda v: v.title, proposal_changes)
        self.statements[election] = _Items(history.statements, lambda v: v.text, lambda old, new: statement_changes(old, new, label))


# -- git ---------------------------------------------------------------------------------

def _git(folder: Path, args: list[str], stdin: bytes | None = None) -> bytes | None:
    """git's output, or None when there is no git, no repository, or git refuses (said once on stderr)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], input=stdin, capture_output=True, timeout=GIT_TIMEOUT, check=False,
            env={**os.environ, "LC_ALL": "C"},  # messages in English, to tell "no repository" from a problem
        )
    except FileNotFoundError:
        return None
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning("Geen wijzigingsgeschiedenis: git %s lukte niet (%s).", args[0], error)
        return None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        if not any(quiet in message for quiet in _NO_HISTORY):
            log.warning("Geen wijzigingsgeschiedenis: git %s: %s", args[0], message.splitlines()[0] if message else f"exit {done.returncode}")
        return None
    return done.stdout


LogEntry = tuple[Commit, list[str], list[tuple[str, str]]]  # commit, parents, (path, blob) of the files it changed


def _log(data_dir: Path) -> tuple[list[LogEntry], set[str]] | None:
    """The first-parent commits that changed `data_dir`, oldest first, and the shallow clone's boundary commits."""
    shallow_file = _git(data_dir, ["rev-parse", "--path-format=absolute", "--git-path", "shallow"])
    if shallow_file is None:
        return None
    shallow_path = Path(shallow_file.decode("utf-8").strip())
    shallow = set(shallow_path.read_text(encoding="utf-8").split()) if shallow_path.is_file() else set()
    out = _git(data_dir, [
        "log", "-z", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-abbrev", "--no-renames", "--root",
        "--relative", "--format=%x01%H %P%x02%cI%x02%s%x02%b", "--", ".",
    ])
    if out is None:
        return None
    oldest_first = list(_parse_log(out.decode("utf-8", "replace")))[::-1]
    return [(replace(commit, number=number), parents, files) for number, (commit, parents, files) in enumerate(oldest_first)], shallow


def _parse_log(out: str) -> Iterator[LogEntry]:
    """Read `git log -z --raw`, newest first: a header per commit (after \\x01), then ':<modes> <old> <new> <status>' and a path per file."""
    tokens = iter(out.split("\0"))
    entry: LogEntry | None = None
    for token in tokens:
        token = token.lstrip("\n")
        if token.startswith("\x01"):
            if entry:
                yield entry
            shas, time, subject, body = token[1:].split("\x02", 3)
            sha, *parents = shas.split()
            entry = (Commit(sha, 0, dt.datetime.fromisoformat(time), _message(subject, body, bool(parents[1:]))), parents, [])
        elif token.startswith(":") and entry:
            path = next(tokens, "")
            entry[2].append((path, token.split()[3]))
    if entry:
        yield entry


def _message(subject: str, body: str, merge: bool) -> str:
    """The line that says what a commit did: its subject, or for GitHub's merge of a pull request the pull request's title."""
    if merge and _PULL_REQUEST_MERGE.match(subject):
        title = next((line for line in body.splitlines() if line.strip()), "")
        if title:
            return _clean(title)
    return _clean(subject)


def _clean(text: Any) -> str:
    """Text on one line without invisible characters (they would break the Atom feed's XML)."""
    if text is None or isinstance(text, (dict, list)):
        return ""
    return " ".join(_INVISIBLE.sub(" ", str(text)).split())


# -- parsing file versions ---------------------------------------------------------------

def _parse_blobs(data_dir: Path, blobs: set[tuple[str, str]], cache_dir: Path | None) -> dict[str, dict]:
    """The items of each file version (kind, blob), from the cache or parsed from git's copy."""
    cache = cache_dir / CACHE_VERSION if cache_dir else None
    parsed: dict[str, dict] = {}
    missing: dict[str, str] = {}
    for kind, blob in sorted(blobs):
        known, cached = _read_cache(cache, kind, blob)
        if not known:
            missing[blob] = kind
        elif cached is not None:
            parsed[blob] = cached
    if missing:
        out = _git(data_dir, ["cat-file", "--batch"], "".join(f"{blob}\n" for blob in missing).encode())
        for blob, text in _read_batch(out or b""):
            items = _items(missing[blob], text)
            if items is not None:
                parsed[blob] = items
            _write_cache(cache, missing[blob], blob, items)
    return parsed


def _read_batch(out: bytes) -> Iterator[tuple[str, str | None]]:
    """Read `git cat-file --batch`: '<sha> <type> <size>', the content and a newline, per object."""
    position = 0
    while position < len(out):
        end = out.index(b"\n", position)
        header = out[position:end].decode().split()
        if len(header) != 3:  # '<sha> missing'
            position = end + 1
            continue
        size = int(header[2])
        content = out[end + 1 : end + 1 + size]
        position = end + 1 + size + 1
        if size <= MAX_BLOB_BYTES:
            try:
                yield header[0], content.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield header[0], None


def _items(kind: str, text: str | None) -> dict | None:
    """The items of one file version by key; None when it cannot be read (the version before it stays)."""
    if text is None:
        return None
    try:
        data = yaml.load(text, Loader=_LOADER)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    return _proposals(data) if kind == "proposals" else _statements(data)


def _proposals(data: Any) -> dict[tuple[str, str], ProposalVersion] | None:
    if not isinstance(data, dict) or not isinstance(data.get("proposals"), list):
        return None
    actor, source = _clean(data.get("actor")), _clean(data.get("source"))
    found = {}
    for item in data["proposals"]:
        if isinstance(item, dict) and actor and _clean(item.get("id")):
            found[(actor, _clean(item["id"]))] = ProposalVersion(
                _clean(item.get("title")), _clean(item.get("quote")), _clean(item.get("theme")), _clean(item.get("topic")),
                _clean(item.get("source")) or source,
            )
    return found


def _statements(data: Any) -> dict[str, StatementVersion] | None:
    if data is None:  # an empty file: no statements
        return {}
    if not isinstance(data, list):
        return None
    found = {}
    for item in data:
        if isinstance(item, dict) and _clean(item.get("id")):
            positions = item.get("positions")
            positions = positions if isinstance(positions, dict) else {}
            found[_clean(item["id"])] = StatementVersion(
                _clean(item.get("text")), _clean(item.get("theme")), _clean(item.get("explanation")),
                {_clean(actor): _position(value) for actor, value in positions.items()},
            )
    return found


def _position(value: Any) -> PositionVersion:
    if not isinstance(value, dict):
        return NOT_STATED
    proposals = value.get("proposals")
    proposals = proposals if isinstance(proposals, list) else []
    return PositionVersion(_clean(value.get("position")) or NO_POSITION, _clean(value.get("explanation")), tuple(sorted(_clean(p) for p in proposals)))


# -- the cache ---------------------------------------------------------------------------

def _read_cache(cache: Path | None, kind: str, blob: str) -> tuple[bool, dict | None]:
    """(False, None) when this version is not in the cache; else True and its items (None: it cannot be read)."""
    if cache is None:
        return False, None
    try:
        stored = json.loads((cache / f"{kind}-{blob}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False, None
    if stored is None:
        return True, None
    if kind == "proposals":
        return True, {(actor, item_id): ProposalVersion(**version) for actor, item_id, version in stored}
    return True, {
        item_id: StatementVersion(**{**version, "positions": {a: PositionVersion(p["position"], p["explanation"], tuple(p["proposals"])) for a, p in version["positions"].items()}})
        for item_id, version in stored
    }


def _write_cache(cache: Path | None, kind: str, blob: str, items: dict | None) -> None:
    if cache is None:
        return
    rows = None if items is None else [[*key, asdict(version)] if isinstance(key, tuple) else [key, asdict(version)] for key, version in items.items()]
    try:
        cache.mkdir(parents=True, exist_ok=True)
        atomic_write(cache / f"{kind}-{blob}.json", json.dumps(rows, ensure_ascii=False).encode("utf-8"))
    except OSError as error:
        log.debug("history cache not written: %s", error)
