"""When each data file last changed, from the repository's history: "laatst bijgewerkt".

One `git log` over the data folder gives, for every file, the date of the last
commit that touched it. Only committed history counts, so two builds of the same
commit say the same. Without git or outside a repository nothing is known, and
no page claims a date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

MARK = "\x00"  # git writes %x00 before each commit's date


def last_changes(data_dir: Path) -> dict[str, dt.date]:
    """Repository-relative path of every file under `data_dir` that git knows -> the date of its last commit."""
    try:
        top = subprocess.run(["git", "-C", str(data_dir), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=10, check=False)
        if top.returncode != 0:
            return {}
        log = subprocess.run(
            ["git", "-C", top.stdout.strip(), "log", "--format=%x00%cs", "--name-only", "--", str(data_dir.resolve())],
            capture_output=True, text=True, timeout=60, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if log.returncode != 0:
        return {}
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in log.stdout.splitlines():
        if line.startswith(MARK):
            current = dt.date.fromisoformat(line[1:])
        elif line and current and line not in dates:
            dates[line] = current  # newest commit first: the first date seen is the last change
    return dates


def latest(dates: dict[str, dt.date], prefix: str) -> dt.date | None:
    """The last change of the file `prefix`, of any file in the folder `prefix`, or (empty prefix) of any file."""
    found = [date for path, date in dates.items() if not prefix or path == prefix or path.startswith(prefix.rstrip("/") + "/") or path.startswith(prefix + ".")]
    return max(found, default=None)
