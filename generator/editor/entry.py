"""A new proposal for a found passage: the YAML to paste, and where to paste it.

The entry is as complete as the data allows: the title the editor gave with
`--titel` and an id made from it (unique for the actor; an id becomes a permanent
web address, so it comes from what the proposal is, never from the words that
happened to match), the theme that the actor's other proposals from the same
chapter have, and the verbatim quote. Without a title, `id:` and `title:` are left
empty with a comment saying what to write, and the check says so if they stay empty.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..load import SiteData
from ..models import Actor, Proposal, ProposalKey
from ..quotes import QuoteLocation
from .finder import Hit
from .schema import modeline
from .slugs import slugify, unique

ID_WORDS = 6
YAML_WIDTH = 96


@dataclass(frozen=True)
class Entry:
    file: str  # as shown in the repository, e.g. site-data/leiden-2026/proposals/volt-leiden.yml
    text: str  # YAML to paste (a whole new file when `new_file`)
    new_file: bool
    empty_list: bool  # the file holds `proposals: []`, which must become `proposals:`
    after: tuple[str, int] | None  # paste after this proposal (id, line), to keep document order


def entry_for(hit: Hit, site: SiteData, locations: dict[ProposalKey, QuoteLocation], title: str | None = None) -> Entry:
    """The entry for `hit`, for its first actor; `locations` are where the existing quotes are."""
    actor = hit.actors[0]
    data = hit.election
    own = [p for p in data.proposals if p.actor == actor.id]
    placed = [
        (p, loc)
        for p in own
        if (p.source or actor.sources[0]) == hit.source.id and (loc := locations.get((data.id, actor.id, p.id)))
    ]
    title = title.strip() if title else None
    proposal_id = unique(slugify(title, ID_WORDS) or "voorstel", {p.id for p in own}) if title else None
    theme_line = _theme_line(hit, placed, [t.id for t in site.themes])
    after = _paste_after(hit, placed)
    near = [p for p, _ in placed if after and p.id == after[0]] or [p for p, _ in placed[:1]] or own
    existing = _proposals_file(site, data.folder, actor, near)
    if existing is None:
        path = data.folder / "proposals" / f"{actor.id}.yml"
        header = f"{modeline(path, site.root, site.root.parent)}\nactor: {actor.id}\nsource: {hit.source.id}\nproposals:\n"
        return Entry(_shown(site, path), header + _item(proposal_id, title, theme_line, hit.quote), True, False, None)
    text = existing.read_text(encoding="utf-8")
    default = _header(text, "source") or (actor.sources[0] if len(actor.sources) == 1 else None)
    item = _item(proposal_id, title, theme_line, hit.quote, None if default == hit.source.id else hit.source.id)
    empty = re.search(r"^proposals:\s*\[\s*\]\s*$", text, re.MULTILINE) is not None
    return Entry(_shown(site, existing), item, False, empty, after)


ID_PLACEHOLDER = "  - id:  # een korte id uit de titel, zoals 'fietsparkeren-station'; hij wordt een webadres"
TITLE_PLACEHOLDER = "    title:  # schrijf een korte, neutrale titel: wat wordt er voorgesteld?"


def _item(proposal_id: str | None, title: str | None, theme_line: str, quote: str, source: str | None = None) -> str:
    lines = [f"  - id: {proposal_id}" if proposal_id else ID_PLACEHOLDER, theme_line]
    if source:
        lines.append(f"    source: {source}")
    lines += [f"    title: {_scalar(title)}" if title else TITLE_PLACEHOLDER, _quote_yaml(quote)]
    return "\n".join(lines) + "\n"


def _scalar(text: str) -> str:
    """A one-line text as YAML: plain where that reads back the same, quoted otherwise (as PyYAML decides)."""
    return yaml.safe_dump(text, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


def _header(text: str, key: str) -> str | None:
    found = re.search(rf"^{key}:\s*['\"]?([a-z0-9-]+)['\"]?\s*(#.*)?$", text, re.MULTILINE)
    return found.group(1) if found else None


def _theme_line(hit: Hit, placed: list[tuple[Proposal, QuoteLocation]], themes: list[str]) -> str:
    """The theme of the actor's other proposals from the same chapter, or a comment listing the choices."""
    section = hit.location.section
    nearby = Counter(p.theme for p, loc in placed if section is not None and loc.section == section)
    if nearby:
        theme = nearby.most_common(1)[0][0]
        return f"    theme: {theme}  # zoals andere voorstellen uit '{_comment(section or '')}'; klopt dat?"
    return f"    theme:  # kies een thema: {', '.join(themes)}"


def _quote_yaml(quote: str) -> str:
    """`quote: >-` with the text folded over lines; falls back to a quoted string if folding cannot keep it exact."""
    for style in (">", '"'):
        dumped = yaml.dump({"quote": _Quote(quote)}, Dumper=_dumper(style), allow_unicode=True, width=YAML_WIDTH)
        if yaml.safe_load(dumped) == {"quote": quote}:
            return "\n".join("    " + line for line in dumped.rstrip("\n").split("\n"))
    raise ValueError("quote cannot be written as YAML")  # unreachable: double quotes escape anything


class _Quote(str):
    """A quote's text, which the dumper writes in the chosen style."""


def _dumper(style: str) -> type[yaml.SafeDumper]:
    class Dumper(yaml.SafeDumper):
        pass

    Dumper.add_representer(_Quote, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style))
    return Dumper


def _proposals_file(site: SiteData, folder: Path, actor: Actor, near: list[Proposal]) -> Path | None:
    """The file of the first of `near` (the actor's proposals nearest the passage), or any file with its `actor:` line."""
    if near:
        return site.root.parent / near[0].where()[0]
    for path in sorted((folder / "proposals").glob("*.yml")):
        if _header(path.read_text(encoding="utf-8"), "actor") == actor.id:
            return path
    return None


def _paste_after(hit: Hit, placed: list[tuple[Proposal, QuoteLocation]]) -> tuple[str, int] | None:
    """The proposal quoted last before this passage: pasting after it keeps the file in document order."""
    before = [(loc.start, p) for p, loc in placed if loc.start <= hit.location.start]
    if not before:
        return None
    proposal = max(before, key=lambda pair: pair[0])[1]
    return proposal.id, proposal.where()[1]


def _comment(text: str) -> str:
    return text.replace("'", "’")


def _shown(site: SiteData, path: Path) -> str:
    return str(path.relative_to(site.root.parent))
