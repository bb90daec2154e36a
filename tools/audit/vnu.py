"""The Nu HTML Checker (vnu.jar from the npm package vnu-jar, run with Debian's Java) over a built site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
VNU = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class CheckerError(Exception):
    """The checker could not run (no Java, no vnu.jar, or it crashed)."""


def check_site(site: Path) -> dict[Path, list[str]]:
    """Every error the checker finds in the site's HTML pages, per file ('line N: message')."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        raise CheckerError(f"the Nu HTML Checker needs java and {VNU.relative_to(HERE.parent.parent)} (make audit installs both)")
    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=600,
    )
    try:
        report = json.loads(run.stderr)  # vnu writes its JSON report to stderr
    except json.JSONDecodeError as error:
        raise CheckerError(f"vnu.jar failed: {run.stderr.strip()[-500:]}") from error
    return errors_by_file(report)


def errors_by_file(report: dict) -> dict[Path, list[str]]:
    found: dict[Path, list[str]] = {}
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        found.setdefault(path.resolve(), []).append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return found
