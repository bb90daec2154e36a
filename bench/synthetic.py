"""Synthetic election data shaped like the real `site-data/`, at any multiple of its size.

One unit of synthetic data copies the shape of the real data: the same elections,
each with the same kinds of actors, source texts of the same length and the same
number of proposals per actor. Scale k writes k such units, so elections, actors,
sources, proposals and statements all grow k times, as they would when more
municipalities join. Texts are random sentences made of the words of the real
sources (so word lengths and frequencies are realistic); quotes are sentences
taken from those texts, some shortened with an ellipsis, some spanning a
hyphenated line break. Everything is seeded: the same scale gives the same files.
"""

from __future__ import annotations

import random
import re
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.load import Loader

MIN_STATEMENTS = 25  # a stemhulp has 25-30 statements; used while the real data has fewer
PARTIES = ["volt", "groenlinks-pvda", "vvd", "d66", "cda", "sp", "pvdd", "christenunie", "bbb", "lokaal"]
_NO_SPLIT = {"en", "of", "tot", "als", "noch", "dan", "and", "or"}


@dataclass(frozen=True)
class ActorShape:
    kind: str
    text_chars: int
    proposals: int
    hyphenation: str


@dataclass(frozen=True)
class ElectionShape:
    actors: tuple[ActorShape, ...]
    statements: int


def real_shape(data_dir: Path) -> tuple[list[ElectionShape], list[str], Path]:
    """The shape of the real data, its vocabulary, and its themes file."""
    site = Loader(data_dir).load()
    shapes, words = [], []
    for data in site.elections:
        actors = []
        for actor in data.actors:
            source_id = actor.sources[0]
            text = data.texts[source_id].text
            words += re.findall(r"[a-zà-ÿ]{2,}", text.lower())
            count = sum(1 for p in data.proposals if p.actor == actor.id)
            actors.append(ActorShape(actor.kind, len(text), count, data.sources[source_id].hyphenation))
        shapes.append(ElectionShape(tuple(actors), max(len(data.statements), MIN_STATEMENTS)))
    return shapes, words, data_dir / "themes.yml"


class TextMaker:
    """Random Dutch-looking text with the layout of an extracted PDF."""

    def __init__(self, words: list[str], rng: random.Random):
        self.words = words
        self.rng = rng

    def sentence(self) -> list[str]:
        count = self.rng.randint(8, 24)
        words = self.rng.choices(self.words, k=count)
        words[0] = words[0].capitalize()
        words[-1] += "."
        return words

    def source(self, chars: int, hyphenation: str) -> tuple[str, list[tuple[str, str]], list[str]]:
        """(text, sections as (title, first words), quotable sentences as they read after normalisation)."""
        lines: list[str] = []
        sections: list[tuple[str, str]] = []
        quotes: list[str] = []
        size, since_page, number = 0, 0, 0
        while size < chars:
            if not sections or self.rng.random() < 0.08:
                number += 1
                title = " ".join(self.rng.choices(self.words, k=self.rng.randint(2, 5))).capitalize()
                heading = f"{number}. {title}"
                sections.append((heading, heading))
                lines += ["", heading, ""]
            paragraph: list[str] = []
            for _ in range(self.rng.randint(2, 6)):
                sentence = self.sentence()
                paragraph += sentence
                quotes.append(" ".join(sentence))
            wrapped = self.wrap(paragraph, hyphenation)
            if since_page > 3000:  # a new PDF page: the first line starts with one space
                wrapped[0] = " " + wrapped[0]
                since_page = 0
            lines += [*wrapped, ""]
            added = sum(len(line) + 1 for line in wrapped) + 1
            size += added
            since_page += added
        return "\n".join(lines) + "\n", sections, quotes

    def wrap(self, words: list[str], hyphenation: str) -> list[str]:
        """Lines of about 80 characters; in soft-hyphenated text some long words break with a hyphen."""
        lines = textwrap.wrap(" ".join(words), width=self.rng.randint(70, 90), break_long_words=False)
        if hyphenation != "soft":
            return lines
        for i in range(len(lines) - 1):
            following = lines[i + 1].split(" ", 1)
            word = following[0]
            cut = len(word) // 2
            if len(word) >= 10 and word.isalpha() and word.islower() and word[cut:] not in _NO_SPLIT and self.rng.random() < 0.3:
                lines[i] += f" {word[:cut]}-"
                lines[i + 1] = word[cut:] + (" " + following[1] if len(following) > 1 else "")
        return lines

    def quote(self, sentence: str) -> str:
        words = sentence.split()
        if len(words) >= 14 and self.rng.random() < 0.15:
            return " ".join(words[:6]) + " … " + " ".join(words[-6:])
        return sentence


def write_yaml(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def make(target: Path, scale: int, real_data: Path, seed: int = 7) -> dict[str, int]:
    """Write `scale` units of synthetic data into `target` (a new site-data/); return the counts."""
    shapes, words, themes_file = real_shape(real_data)
    themes = [t["id"] for t in yaml.safe_load(themes_file.read_text(encoding="utf-8"))]
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(themes_file, target / "themes.yml")
    rng = random.Random(seed)
    maker = TextMaker(words, rng)
    counts = {"elections": 0, "actors": 0, "sources": 0, "proposals": 0, "statements": 0, "source_chars": 0}
    number = 0
    for _ in range(scale):
        for shape in shapes:
            number += 1
            _election(target, number, shape, maker, themes, counts)
    return counts


def _election(target: Path, number: int, shape: ElectionShape, maker: TextMaker, themes: list[str], counts: dict) -> None:
    rng = maker.rng
    election_id = f"gemeente-{number:04d}-2026"
    folder = target / election_id
    actors, proposals_of = [], {}
    for index, actor_shape in enumerate(shape.actors):
        actor_id = f"actor-{index + 1}-{number:04d}"
        source_id = f"bron-{index + 1}-{number:04d}"
        party = rng.choice(PARTIES) if actor_shape.kind == "partij" else None
        actors.append({
            "id": actor_id,
            "name": f"Actor {index + 1} van gemeente {number}",
            "kind": actor_shape.kind,
            **({"party": party} if party else {}),
            "colour": f"#{rng.randrange(0x1000000):06x}",
            "description": " ".join(maker.sentence()),
            "sources": [source_id],
        })
        text, sections, sentences = maker.source(actor_shape.text_chars, actor_shape.hyphenation)
        (folder / "bronnen").mkdir(parents=True, exist_ok=True)
        (folder / "bronnen" / f"{source_id}.txt").write_text(text, encoding="utf-8")
        write_yaml(folder / "bronnen" / f"{source_id}.yml", {
            "title": f"Programma {index + 1} van gemeente {number}",
            "publisher": f"Actor {index + 1}",
            "kind": "verkiezingsprogramma" if actor_shape.kind == "partij" else "overig",
            "period": "2026-2030",
            "hyphenation": actor_shape.hyphenation,
            "sections": [{"title": title, "starts": starts} for title, starts in sections],
        })
        chosen = rng.sample(sentences, min(actor_shape.proposals, len(sentences)))
        proposals = []
        for n, sentence in enumerate(chosen, start=1):
            quote = maker.quote(sentence)
            proposals.append({
                "id": f"voorstel-{n}",
                "theme": themes[(n + index) % len(themes)],
                "title": " ".join(sentence.split()[:8]).rstrip(".,;:"),
                "quote": quote,
            })
        proposals_of[actor_id] = [p["id"] for p in proposals]
        write_yaml(folder / "proposals" / f"{actor_id}.yml", {"actor": actor_id, "source": source_id, "proposals": proposals})
        counts["sources"] += 1
        counts["proposals"] += len(proposals)
        counts["source_chars"] += len(text)
    write_yaml(folder / "election.yml", {
        "name": f"Gemeenteraadsverkiezingen gemeente {number} 2026",
        "municipality": f"Gemeente {number}",
        "date": "2026-03-18",
        "intro": " ".join(maker.sentence()),
        "order": number,
        "stemhulp": {"actors": [a["id"] for a in actors]},
    })
    write_yaml(folder / "actors.yml", actors)
    statements = []
    for n in range(1, shape.statements + 1):
        positions = {}
        for actor in actors:
            stance = rng.choice(["eens", "neutraal", "oneens", "geen standpunt"])
            positions[actor["id"]] = {"position": stance}
            if stance != "geen standpunt":
                positions[actor["id"]]["proposals"] = [rng.choice(proposals_of[actor["id"]])]
        statements.append({
            "id": f"stelling-{n}",
            "theme": themes[n % len(themes)],
            "text": " ".join(maker.sentence())[:190],
            "explanation": " ".join(maker.sentence()),
            "positions": positions,
        })
    write_yaml(folder / "statements.yml", statements)
    counts["elections"] += 1
    counts["actors"] += len(actors)
    counts["statements"] += len(statements)
