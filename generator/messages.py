"""Pydantic's validation errors, told in an editor's words: Dutch, with the line and what to do."""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .yamlfile import LineDict, LineList


def schema_problems(error: ValidationError, raw: LineDict, file: str, model: type[BaseModel]) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        line = line_of(raw, loc)
        message, hint = describe(dict(detail), loc, raw, model)
        problems.append(Problem(file, line, message, hint))
    return problems


def line_of(raw: Any, loc: tuple) -> int:
    """The line of the deepest value along `loc` that exists in the raw data."""
    line = getattr(raw, "line", 1)
    node = raw
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


def _field_path(loc: tuple) -> str:
    return ".".join(str(p) for p in loc if not isinstance(p, int)) or "(bestand)"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that owns the last field of `loc`."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation


def _as_id(text: str) -> str:
    """What an id written with capitals, accents or spaces was meant to be: 'Financiën' -> 'financien'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def describe(detail: dict, loc: tuple, raw: LineDict, model: type[BaseModel]) -> tuple[str, str]:
    """A Dutch message and a hint for one pydantic error."""
    kind, name = detail["type"], _field_path(loc)
    value = detail.get("input")
    shown = repr(value) if not isinstance(value, (dict, list)) else ""
    if isinstance(value, bool):  # only true and false are yes/no values (see yamlfile); never show Python's False
        shown = str(value).lower()
        if kind in {"string_type", "str_type"}:
            return f"{name}: {shown} is een ja/nee-waarde, geen tekst", f"zet de tekst tussen aanhalingstekens, zoals {loc[-1]}: \"{shown}\""
    if kind == "missing":
        return f"veld '{loc[-1]}' ontbreekt", f"voeg '{loc[-1]}: …' toe"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        allowed = [f for f in owner.model_fields if f != "actor" or owner.__name__ != "Proposal"] if owner else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f"bedoelde je '{close[0]}'?" if close else f"toegestane velden: {', '.join(allowed)}"
        return f"onbekend veld '{loc[-1]}'", hint
    if kind == "string_pattern_mismatch":
        pattern = str(detail.get("ctx", {}).get("pattern", ""))
        if "a-z0-9" in pattern:
            folded = _as_id(str(value))
            hint = "gebruik alleen de letters a tot z zonder accenten, cijfers en enkele streepjes, zoals 'sociale-huur'"
            return f"{name}: {shown} is geen geldige id", f"bedoelde je '{folded}'? {hint}" if folded and folded != value else hint
        if pattern.startswith("^#"):
            return f"{name}: {shown} is geen kleur", "schrijf een kleur als '#502379'"
        if "https" in pattern:
            return f"{name}: {shown} is geen webadres", "begin met https://"
        return f"{name}: {shown} heeft niet de goede vorm", f"verwacht: {pattern}"
    if kind == "literal_error":
        expected = str(detail.get("ctx", {}).get("expected", ""))
        options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",") if o.strip()]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = f"bedoelde je '{close[0]}'?" if close else ""
        return f"{name}: {shown} is geen geldige waarde", (hint + " " if hint else "") + f"kies uit: {', '.join(options)}"
    if kind in {"string_type", "str_type"} and loc[-1] == "id" and value is None:
        return f"{name}: hier hoort een id", "maak een korte id van de titel, in kleine letters met streepjes, zoals 'sociale-huur'"
    if kind in {"string_type", "str_type"} and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_as_text(name, str(loc[-1]), value)
    if kind in {"string_type", "str_type"}:
        return f"{name}: hier hoort tekst", "zet de tekst achter de dubbele punt, eventueel tussen aanhalingstekens"
    if kind == "string_too_short":
        return f"{name}: mag niet leeg zijn", "vul een tekst in"
    if kind == "string_too_long":
        limit = detail.get("ctx", {}).get("max_length")
        return f"{name}: tekst is te lang (meer dan {limit} tekens)", "maak de tekst korter"
    if kind in {"list_type", "too_short"}:
        return f"{name}: hier hoort een lijst met minstens één item", "zet elk item op een eigen regel met '- ' ervoor"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"{name}: hier horen velden (naam: waarde)", "spring de velden eronder in met twee spaties"
    if kind == "invisible_character":
        code = detail.get("ctx", {}).get("code", "")
        return f"{name}: onzichtbaar teken {code} in de tekst", "haal het weg; zo'n stuurteken komt vaak mee bij kopiëren uit een pdf of app"
    if kind.startswith("bool"):
        return f"{name}: {shown} is geen ja/nee-waarde", "schrijf true (ja) of false (nee)"
    if kind.startswith("date"):
        return f"{name}: {shown} is geen geldige datum", "schrijf een datum als 2026-03-18"
    if kind.startswith("int"):
        return f"{name}: {shown} is geen heel getal", "schrijf een getal zonder punt of komma, zoals 2"
    return f"{name}: {detail['msg']}", "vergelijk met de uitleg van dit veld in CONTRIBUTING.md"


def _number_as_text(name: str, key: str, value: int | float) -> tuple[str, str]:
    """YAML read an unquoted number where text belongs (dates stay text: see yamlfile)."""
    if isinstance(value, float):  # 1.10 became 1.1: the editor's own digits are lost
        return f"{name}: hier hoort tekst, maar YAML leest dit als het getal {value}", "zet de tekst tussen aanhalingstekens, precies zoals je hem bedoelt (zonder aanhalingstekens laat YAML nullen weg)"
    return f"{name}: hier hoort tekst, maar YAML leest {value} als een getal", f"zet de waarde tussen aanhalingstekens: {key}: '{value}'"
