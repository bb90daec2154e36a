"""Every text field of the hand-made data set (conftest.make_data), and a way to change one."""

from __future__ import annotations

from pathlib import Path

import yaml

ELECTION = "testdorp-2026"

# (file under site-data/, path to the value inside it, maximum length)
FIELDS = [
    ("themes.yml", (0, "name"), 200),
    ("themes.yml", (0, "description"), 5000),
    (f"{ELECTION}/election.yml", ("name",), 200),
    (f"{ELECTION}/election.yml", ("municipality",), 200),
    (f"{ELECTION}/election.yml", ("intro",), 5000),
    (f"{ELECTION}/actors.yml", (0, "name"), 200),
    (f"{ELECTION}/actors.yml", (0, "short_name"), 200),
    (f"{ELECTION}/actors.yml", (0, "description"), 5000),
    (f"{ELECTION}/bronnen/programma-a.yml", ("title",), 200),
    (f"{ELECTION}/bronnen/programma-a.yml", ("publisher",), 200),
    (f"{ELECTION}/bronnen/programma-a.yml", ("period",), 200),
    (f"{ELECTION}/bronnen/programma-a.yml", ("sections", 0, "title"), 200),
    (f"{ELECTION}/proposals/partij-a.yml", ("proposals", 0, "title"), 200),
    (f"{ELECTION}/proposals/partij-a.yml", ("proposals", 0, "quote"), 5000),
    (f"{ELECTION}/statements.yml", (0, "text"), 200),
    (f"{ELECTION}/statements.yml", (0, "explanation"), 5000),
    (f"{ELECTION}/statements.yml", (0, "positions", "partij-a", "explanation"), 5000),
]
QUOTE = FIELDS[13]
SOURCE = f"{ELECTION}/bronnen/programma-a.txt"


def set_value(data: Path, field: tuple, value: str) -> None:
    """Write `value` into `field`; a quote is also added to the source text, so that it is found."""
    file, path, _ = field
    target = data / file
    content = yaml.safe_load(target.read_text(encoding="utf-8"))
    node = content
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    target.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    if field == QUOTE:
        add_to_source(data, " ".join(value.split()))


def add_to_source(data: Path, line: str) -> None:
    source = data / SOURCE
    source.write_text(source.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
