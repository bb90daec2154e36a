"""Read one YAML file safely, remembering the line of every value.

PyYAML's safe loader silently keeps the last of two equal keys; editors lose
work that way, so duplicate keys are an error here. Mappings and lists come
back as `LineDict` / `LineList`, which know the line of each of their items, so
any later error can point at the exact line. Only `true` and `false` are yes/no
values (as in YAML 1.2): `position: no` stays the word 'no'. Text that YAML cuts
off at ' #' (the rest is a comment) gives a note; syntax errors are explained by
`yamlerrors`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .problems import Note, Problem
from .yamlerrors import explain, quoted

MAX_FILE_BYTES = 5_000_000


class YamlError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class LineDict(dict):
    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


MAX_DEPTH = 30  # real files nest 4 deep; much deeper is a mistake or an attack on the parser


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that this project does not accept, with what to do instead."""

    def __init__(self, message: str, hint: str, mark: yaml.Mark):
        super().__init__(problem=message, problem_mark=mark)
        self.hint = hint


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases and with a depth limit.

    An alias repeats a value; nested aliases ("billion laughs") turn a few lines into
    billions of values for everything that reads them later. Editors do not need them.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self.comments: list[tuple[int, str, str]] = []  # (line, text kept, comment) of texts cut at ' #'

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise _Refused(
                "verwijzing naar een anker (*naam)",
                "schrijf de waarde voluit (begint je tekst met *? zet hem dan tussen aanhalingstekens); ankers (&naam) en verwijzingen (*naam) worden niet gebruikt",
                self.peek_event().start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(
                    f"te diep genest (meer dan {MAX_DEPTH} niveaus)",
                    "controleer de inspringing en de haakjes; zo diep hoort niets te staan",
                    self.peek_event().start_mark,
                )
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if isinstance(node, yaml.ScalarNode) and node.style is None and node.value:
            self._note_comment(node)
        return node

    def _note_comment(self, node: yaml.ScalarNode) -> None:
        """Remember a plain text followed by a comment that does not look like one.

        A comment written on purpose has two spaces before '#' and one after (as
        yamllint wants); ' #klimaat' or ' # 1' was most likely meant as text.
        """
        mark = node.end_mark
        if not mark.buffer:
            return
        rest = re.split(r"[\r\n]", mark.buffer[mark.pointer : mark.pointer + _REST], maxsplit=1)[0]
        found = _COMMENT_AFTER.match(rest)
        if found and not (len(found.group(1)) >= 2 and found.group(2)[1:2] in ("", " ")):
            self.comments.append((mark.line + 1, node.value, found.group(2).rstrip()))


_REST = 300  # characters after a text that are looked at for a comment; a longer comment is cut in the note
_COMMENT_AFTER = re.compile(r"([ \t]+)(#.*)$")


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            first = next(iter(result))
            hint = (
                f"begint hier een nieuw item? Zet dan '- ' voor '{key}:', net als bij de andere items"
                if key == first and len(result) > 1
                else "elke sleutel mag maar één keer voorkomen; voeg de twee samen of verwijder er één"
            )
            raise _Refused(f"dubbele sleutel '{key}'", hint, key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = value_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates stay text ("2026-03-18"): the model parses them, with a line-aware error.
    return loader.construct_scalar(node)


# YAML 1.1 reads yes/no/on/off as true/false ("position: no" became False); YAML 1.2,
# which editors' tools follow, reads only true and false so.
_BOOL = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def read_utf8(path: Path, shown_as: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The text of a UTF-8 file without its BOM; YamlError naming the file and line otherwise.

    The size is checked before reading, so a huge file costs nothing.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            message = f"bestand is te groot ({size / 1e6:.0f} MB; de grens is {max_bytes / 1e6:.0f} MB)"
            raise YamlError(Problem(shown_as, 1, message, "controleer of dit het goede bestand is, of splits het"))
        raw = path.read_bytes()
    except OSError as error:
        raise YamlError(Problem(shown_as, 1, f"kan het bestand niet lezen ({error.strerror})", "controleer of het bestand bestaat en of je het mag lezen")) from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlError(Problem(shown_as, line, "dit bestand is geen geldige UTF-8-tekst", "sla het op als UTF-8")) from error


def read_yaml(path: Path, shown_as: str, notes: list[Note] | None = None) -> Any:
    """Parse `path`; raise YamlError naming `shown_as` and the line on any problem; add warnings to `notes`."""
    text = read_utf8(path, shown_as)
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except _Refused as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise YamlError(Problem(shown_as, line, error.problem or "ongeldige YAML", error.hint)) from error
    except yaml.MarkedYAMLError as error:
        explained = explain(error, text)
        raise YamlError(Problem(shown_as, explained.line, explained.message, explained.hint)) from error
    except yaml.YAMLError as error:
        raise YamlError(Problem(shown_as, 1, f"ongeldige YAML: {error}", "controleer inspringing, dubbele punten en aanhalingstekens")) from error
    finally:
        loader.dispose()
    if notes is not None:
        notes.extend(_comment_note(shown_as, *comment) for comment in loader.comments)
    return data


def parse_yaml(text: str) -> Any:
    """Parse YAML text as `read_yaml` does; None when it is not valid (for comparing with an older version)."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return None


def _comment_note(shown_as: str, line: int, kept: str, comment: str) -> Note:
    return Note(
        shown_as,
        line,
        f"YAML leest alles vanaf ' #' als opmerking: de tekst is «{kept}», zonder «{comment}»",
        f"hoort '{comment}' bij de tekst? Zet de hele tekst tussen aanhalingstekens: {quoted(f'{kept} {comment}')}. Is het een opmerking? Zet er twee spaties voor: '  # …'",
    )
