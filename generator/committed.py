"""What the repository's last commit holds: which of two equal ids was there before the editor's change.

Only asked when two items share an id, so a check without duplicates never runs
git. `HEAD` is the last commit; `HEAD^1` its first parent, which is the base
branch when the checkout is a pull request's merge commit (as in CI) and the state
before an editor's own commit otherwise. Without git, or outside a repository,
nothing is known and the caller falls back to the order in the files.
"""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

from .yamlfile import LineDict, LineList, parse_yaml

REVISIONS = ("HEAD", "HEAD^1")


@cache
def committed_text(path: Path, revision: str) -> str | None:
    """The file's text at `revision`, or None (no git, no repository, not in that commit)."""
    try:
        shown = subprocess.run(
            ["git", "-C", str(path.parent), "show", f"{revision}:./{path.name}"],
            capture_output=True, timeout=10, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if shown.returncode != 0:
        return None
    try:
        return shown.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def committed_items(path: Path, revision: str, item_id: str) -> list[dict]:
    """Every mapping with this `id` in the file at `revision`, wherever it is nested."""
    text = committed_text(path, revision)
    if text is None:
        return []
    data = parse_yaml(text)
    found: list[dict] = []
    _collect(data, item_id, found)
    return found


def _collect(node: object, item_id: str, found: list[dict]) -> None:
    if isinstance(node, LineDict):
        if node.get("id") == item_id:
            found.append(node)
        for value in node.values():
            _collect(value, item_id, found)
    elif isinstance(node, LineList):
        for value in node:
            _collect(value, item_id, found)
