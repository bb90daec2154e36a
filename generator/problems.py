"""What an editor reads about the data: errors that stop the build, and notes that do not.

Both say where, what, and what to do. A `Problem` is an error: nothing is built
while one remains. A `Note` is a warning: the data was read, but perhaps not as
the editor meant it (a quote between quotation marks, text after ' #' read as a
comment); the check prints it and still passes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """An error in the data, as an editor reads it: where, what, and what to do."""

    file: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


@dataclass(frozen=True)
class Note(Problem):
    """A warning: the data is valid, but perhaps not what the editor meant. Never fails a check."""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: let op: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class DataInvalid(Exception):
    """The data has problems; nothing may be built from it."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} fout(en) in de gegevens")
        self.problems = problems
