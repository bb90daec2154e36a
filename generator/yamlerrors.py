"""Explain a YAML syntax error the way an editor made it: the line they got wrong, in Dutch, with a fitting fix.

PyYAML reports where parsing stopped, often a few lines after the mistake, in its
own terms ("expected <block end>, but found '?'"). Each rule below recognises
one common mistake from the lines of the file (a field indented differently from
the one above it, a new item pasted at column 0, a text under `quote: >-` that
does not indent, a colon inside a plain text, …) and names the line to change.
When no rule fits, the PyYAML message is translated and the line kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

_KEY = re.compile(r"^(?P<indent> *)(?P<dash>-[ ]+)?(?P<key>[A-Za-z0-9_][\w-]*):(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_BLOCK = re.compile(r"^[>|][+-]?\d?[ \t]*(#.*)?$")
_QUOTES = "\"'"


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    message: str
    hint: str


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based
    text: str
    role: str  # blank, comment, key, item (a '- ' without a key), text
    indent: int
    key: str | None = None
    key_column: int = 0  # where the key starts, after any '- '
    dash: bool = False
    value: str = ""

    @property
    def opens_block(self) -> bool:
        return bool(_BLOCK.match(self.value))


@dataclass(frozen=True)
class _Error:
    problem: str
    context: str
    problem_line: int  # 1-based
    problem_column: int
    context_line: int | None


def explain(error: yaml.MarkedYAMLError, text: str) -> Explained:
    lines = _lines(text)
    mark, context = error.problem_mark, error.context_mark
    found = _Error(
        problem=error.problem or "",
        context=error.context or "",
        problem_line=min(mark.line + 1, len(lines)) if mark else 1,
        problem_column=mark.column if mark else 0,
        context_line=context.line + 1 if context else None,
    )
    for rule in _RULES:
        explained = rule(found, lines)
        if explained:
            return explained
    return _translated(found)


def _lines(text: str) -> list[_Line]:
    """Each line with its role; lines of a '>-' or '|' text are text, whatever they look like."""
    result: list[_Line] = []
    block_parent: int | None = None  # indentation a block text must exceed
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        indent = len(raw) - len(raw.lstrip(" "))
        stripped = raw.strip()
        if not stripped:
            result.append(_Line(number, raw, "blank", indent))
            continue
        if block_parent is not None and indent > block_parent:
            result.append(_Line(number, raw, "text", indent))
            continue
        block_parent = None
        key = _KEY.match(raw)
        if stripped.startswith("#"):
            result.append(_Line(number, raw, "comment", indent))
        elif key:
            dash = key.group("dash") or ""
            line = _Line(number, raw, "key", indent, key.group("key"), indent + len(dash), bool(dash), key.group("value") or "")
            if line.opens_block:
                block_parent = line.key_column
            result.append(line)
        elif re.match(r"^-[ ]", stripped) or stripped == "-":
            result.append(_Line(number, raw, "item", indent, dash=True))
        else:
            result.append(_Line(number, raw, "text", indent))
    return result


def _line(lines: list[_Line], number: int) -> _Line:
    return lines[max(1, min(number, len(lines))) - 1]


def _previous_key(lines: list[_Line], number: int) -> _Line | None:
    """The nearest key line above `number`, skipping texts that belong to it."""
    for line in reversed(lines[: number - 1]):
        if line.role in ("key", "item"):
            return line
    return None


def _spaces(count: int) -> str:
    return f"{count} spatie" if count == 1 else f"{count} spaties"


def quoted(text: str) -> str:
    """`text` as a quoted YAML scalar that reads back as `text`."""
    return f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"


# -- the rules, most specific first ------------------------------------------------------


def _tab(error: _Error, lines: list[_Line]) -> Explained | None:
    if "'\\t'" not in error.problem:
        return None
    return Explained(error.problem_line, "tab gevonden; YAML gebruikt spaties om in te springen", "vervang de tab door spaties")


def _text_after_block_indicator(error: _Error, lines: list[_Line]) -> Explained | None:
    if "block scalar" not in error.context or error.context_line is None:
        return None
    line = _line(lines, error.context_line)
    indicator = line.value.split()[0] if line.value else ">-"
    return Explained(
        line.number,
        f"na '{indicator}' mag niets meer op de regel staan",
        f"zet de tekst op de volgende regel, {_spaces(line.key_column + 2)} ingesprongen",
    )


def _unclosed_quote(error: _Error, lines: list[_Line]) -> Explained | None:
    if "quoted scalar" not in error.context or error.context_line is None:
        return None
    line = _line(lines, error.context_line)
    mark = next((ch for ch in line.value[:1] if ch in _QUOTES), '"')
    return Explained(
        line.number,
        f"het aanhalingsteken ({mark}) aan het begin van de tekst wordt niet gesloten",
        f"zet ook een {mark} aan het eind van de tekst, of haal het eerste weg",
    )


def _quote_left_open(error: _Error, lines: list[_Line]) -> Explained | None:
    """A text that opens a quotation mark and ends its line without closing it, with a new field below."""
    for line in reversed(lines[: error.problem_line - 1]):
        if line.role != "key" or not line.value or line.value[0] not in _QUOTES:
            continue
        mark = line.value[0]
        rest = line.value[1:].replace(mark * 2, "") if mark == "'" else line.value[1:].replace('\\"', "")
        following = next((other for other in lines[line.number :] if other.role != "blank"), None)
        if mark not in rest and following is not None and following.role == "key":
            return Explained(
                line.number,
                f"het aanhalingsteken ({mark}) aan het begin van de tekst wordt niet gesloten",
                f"zet ook een {mark} aan het eind van de tekst, of haal het eerste weg",
            )
        return None
    return None


def _simple_key(error: _Error, lines: list[_Line]) -> Explained | None:
    """'could not find expected ':'': a line that YAML took for the start of a new field."""
    if "simple key" not in error.context or error.context_line is None:
        return None
    line = _line(lines, error.context_line)
    glued = re.match(r"^ *(?:- +)?([A-Za-z0-9_][\w-]*):(\S.*)$", line.text)
    if glued:
        key, value = glued.groups()
        return Explained(line.number, f"na '{key}:' ontbreekt een spatie", f"schrijf '{key}: {value.strip()}', met een spatie na de dubbele punt")
    owner = _previous_key(lines, line.number)
    if owner is None or owner.role != "key":
        return None
    if owner.opens_block:
        return _block_text_outdented(owner, lines[owner.number : line.number])
    return Explained(
        line.number,
        f"deze regel hoort bij de tekst van '{owner.key}:' maar springt te weinig in",
        f"zet de tekst op één regel achter '{owner.key}:', of begin met '{owner.key}: >-' en zet alle regels {_spaces(owner.key_column + 2)} ingesprongen eronder",
    )


def _block_text_outdented(owner: _Line, after: list[_Line]) -> Explained:
    """The first line under `key: >-` that indents no further than the key: there the text ended for YAML."""
    texts = [line for line in after if line.role != "blank"]
    culprit = next(line for line in texts if line.indent <= owner.key_column)
    first = next((line for line in texts if line.indent > owner.key_column), None)
    if first is None or first.number > culprit.number:
        return Explained(
            culprit.number,
            f"de tekst onder '{owner.key}: {owner.value}' springt niet in",
            f"zet {_spaces(owner.key_column + 2)} voor elke regel van de tekst: 2 meer dan voor '{owner.key}:'",
        )
    return Explained(
        culprit.number,
        f"deze regel van de tekst bij '{owner.key}:' springt te weinig in",
        f"zet {_spaces(first.indent)} voor elke regel van de tekst, net als op regel {first.number}",
    )


def _misplaced(error: _Error, lines: list[_Line]) -> Explained | None:
    """A field or item that indents differently from the ones before it."""
    if not ("expected <block end>" in error.problem or "mapping values are not allowed" in error.problem):
        return None
    line = _line(lines, error.problem_line)
    if re.match(r"^ *-[^\s-]", line.text):
        word = line.text.strip()[1:].split(":")[0]
        return Explained(line.number, f"na het streepje van '-{word}' ontbreekt een spatie", f"schrijf '- {word}'")
    if line.role not in ("key", "item"):
        return None
    above = _previous_key(lines, line.number)
    if above is None:
        return None
    if line.dash:
        return _misplaced_item(line, lines)
    item = next((other for other in reversed(lines[: line.number - 1]) if other.dash and other.key), None)
    if item is not None and line.key == item.key and line.key_column <= item.indent:
        return Explained(
            line.number,
            "hier begint een nieuw item zonder '- '",
            f"schrijf '- {line.key}:' op {_spaces(item.indent)}, net als op regel {item.number}",
        )
    opener = _previous_key(lines, above.number)
    if (
        line.role == "key" and above.role == "key" and opener is not None and opener.role == "key"
        and not opener.value and above.key_column <= opener.key_column < line.key_column
    ):
        return Explained(
            above.number,
            f"'{above.key}:' hoort onder '{opener.key}:' maar springt niet verder in",
            f"zet '{above.key}:' op {_spaces(line.key_column)}, net als '{line.key}:' op regel {line.number}",
        )
    if line.role == "key" and above.role == "key" and not above.opens_block and above.value and line.key_column != above.key_column:
        difference = line.key_column - above.key_column
        how = f"{_spaces(difference)} verder" if difference > 0 else f"{_spaces(-difference)} minder ver"
        return Explained(
            line.number,
            f"'{line.key}:' springt {how} in dan '{above.key}:' op regel {above.number}",
            f"zet '{line.key}:' recht onder '{above.key}:', op {_spaces(above.key_column)}",
        )
    return None


def _misplaced_item(line: _Line, lines: list[_Line]) -> Explained | None:
    others = [other for other in lines[: line.number - 1] if other.dash and other.key == line.key and other.indent != line.indent]
    if not others:
        return None
    other = others[-1]
    difference = line.indent - other.indent
    how = f"{_spaces(difference)} verder" if difference > 0 else f"{_spaces(-difference)} minder ver"
    label = f"- {line.key}:" if line.key else "- "
    return Explained(
        line.number,
        f"'{label}' springt {how} in dan de andere items (regel {other.number})",
        f"zet '- ' op {_spaces(other.indent)}, net als op regel {other.number}, en spring de regels eronder even ver mee in",
    )


def _colon_in_text(error: _Error, lines: list[_Line]) -> Explained | None:
    if "mapping values are not allowed" not in error.problem:
        return None
    line = _line(lines, error.problem_line)
    if line.role == "key" and (": " in line.value or line.value.endswith(":")):
        key, value = line.key, line.value
    else:
        owner = _previous_key(lines, line.number)
        if owner is None or owner.role != "key" or ":" not in line.text:
            return None
        key, value = owner.key, owner.value
    return Explained(
        line.number,
        f"dubbele punt in de tekst van '{key}:'",
        f"YAML leest 'woord: ' als een nieuw veld; zet de hele tekst tussen aanhalingstekens, zoals {key}: {quoted(value)}, of gebruik '>-' en zet de tekst op de volgende regel",
    )


def _special_start(error: _Error, lines: list[_Line]) -> Explained | None:
    """A plain text that starts with a character YAML reads as syntax: a quotation mark, [, {, @, `, %, '- '."""
    line = _line(lines, error.problem_line)
    if line.role != "key" or not line.value:
        return None
    first = line.value[0]
    if first in _QUOTES and "expected <block end>" in error.problem:
        closing = line.value.find(first, 1)
        if closing == -1 or not line.value[closing + 1 :].strip():
            return None
        return Explained(
            line.number,
            f"de tekst van '{line.key}:' begint met een aanhalingsteken, dus YAML leest alleen {line.value[: closing + 1]} als tekst",
            f"gebruik '>-' en zet de tekst op de volgende regel, {_spaces(line.key_column + 2)} ingesprongen; dan mogen er aanhalingstekens in",
        )
    if first in "[{" and "expected <block end>" in error.problem:
        what = "een lijst" if first == "[" else "velden"
        return Explained(line.number, f"de tekst van '{line.key}:' begint met '{first}'; YAML leest dat als {what}", f"zet de hele tekst tussen aanhalingstekens, zoals {line.key}: {quoted(line.value)}")
    if "cannot start any token" in error.problem or "sequence entries are not allowed" in error.problem:
        start = "- " if first == "-" else first
        return Explained(line.number, f"de tekst van '{line.key}:' begint met '{start}'; zo mag een tekst in YAML niet beginnen", f"zet de hele tekst tussen aanhalingstekens, zoals {line.key}: {quoted(line.value)}")
    return None


_RULES: list[Callable[[_Error, list[_Line]], Explained | None]] = [
    _tab,
    _text_after_block_indicator,
    _unclosed_quote,
    _quote_left_open,
    _simple_key,
    _special_start,
    _misplaced,
    _colon_in_text,
]

_TRANSLATIONS = [
    ("mapping values are not allowed", "onverwachte dubbele punt"),
    ("could not find expected ':'", "hier verwacht YAML 'naam: waarde'"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("found unexpected end of stream", "het bestand houdt op midden in een tekst"),
    ("cannot start any token", "een tekst mag zo niet beginnen"),
    ("sequence entries are not allowed", "onverwacht '- '"),
    ("expected ',' or ']'", "een lijst tussen [ ] is niet goed gesloten"),
    ("expected ',' or '}'", "velden tussen { } zijn niet goed gesloten"),
]


def _translated(error: _Error) -> Explained:
    line = error.context_line if "simple key" in error.context and error.context_line else error.problem_line
    message = next((dutch for english, dutch in _TRANSLATIONS if english in error.problem), error.problem or "onbekende fout")
    return Explained(line, f"ongeldige YAML: {message}", "controleer inspringing, dubbele punten en aanhalingstekens op deze regel")
