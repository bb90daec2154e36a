"""The one error type of the data: where, what, and what to do, in an editor's words."""

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


class DataInvalid(Exception):
    """The data has problems; nothing may be built from it."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} fout(en) in de gegevens")
        self.problems = problems
