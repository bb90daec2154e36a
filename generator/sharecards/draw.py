"""Draw share cards (1200×630 PNG) with Pillow, and keep them in a cache.

No network: the font comes from the PyPI package `font-source-sans-pro`. A card
is drawn only when its text changed: images are stored under a hash of the
card and of this module's layout version, outside `site/` (MkDocs wipes that).
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from functools import cache
from pathlib import Path

import font_source_sans_pro
from PIL import Image, ImageDraw, ImageFont

from ..files import atomic_write
from . import brand
from .content import Card

WIDTH, HEIGHT = 1200, 630
LAYOUT_VERSION = "2"  # change when the drawing changes, so cached cards are redrawn
BACKGROUND = "#ffffff"
INK = "#14202e"
MUTED = "#3d4a5c"
BAND = 28
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 84, 52, 52
TEXT_LEFT = BAND + MARGIN_X - 20
TEXT_WIDTH = WIDTH - TEXT_LEFT - MARGIN_X
TITLE_SIZES = (68, 62, 56, 50, 44)
BODY_SIZE = 34
CHIP_SIZE = 28
CHIP_HEIGHT = 50


@cache
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    name = "SourceSansPro" if weight == "Regular" else f"SourceSansPro{weight}"
    return ImageFont.truetype(font_source_sans_pro.font_files_ttf[name], size)


def drawable(text: str) -> str:
    """Keep the characters Source Sans Pro has (Latin, Greek, Cyrillic, punctuation, €).

    Anything else (emoji, right-to-left scripts) is left out rather than drawn
    as an empty box.
    """
    kept = "".join(
        ch
        for ch in text
        if ord(ch) < 0x0530 or 0x1E00 <= ord(ch) < 0x1F00 or 0x2000 <= ord(ch) < 0x2070 or ch in "€№™"
    )
    return " ".join(kept.split())


def wrap(text: str, face: ImageFont.FreeTypeFont, width: float, max_lines: int) -> tuple[list[str], bool]:
    """Break text into at most `max_lines` lines; the flag says whether text was cut off."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while face.getlength(line) > width:  # one word wider than the card: break it
            cut = len(line) - 1
            while cut > 1 and face.getlength(line[:cut]) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
            if len(lines) == max_lines:
                return lines, True
        while words and face.getlength(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        lines.append(line)
    return lines, bool(words)


def ellipsize(line: str, face: ImageFont.FreeTypeFont, width: float) -> str:
    """End a line with '…', dropping words until it fits."""
    line = line.rstrip(" ,;:.")
    while line and face.getlength(line + " …") > width:
        line = line.rsplit(" ", 1)[0] if " " in line else line[:-1]
    return line + " …"


def fit(text: str, face: ImageFont.FreeTypeFont, width: float, max_lines: int) -> list[str]:
    lines, cut = wrap(text, face, width, max_lines)
    if cut and lines:
        lines[-1] = ellipsize(lines[-1], face, width)
    return lines


def one_line(text: str, face: ImageFont.FreeTypeFont, width: float) -> str:
    return next(iter(fit(drawable(text), face, width, 1)), "")


class _Layout:
    """Chooses the title size so that title, body and chips all fit.

    The title is as large as it can be; a quote gets at least two lines (the
    title shrinks for it), any other body only the room that is left.
    """

    def __init__(self, card: Card):
        self.card = card
        self.title = drawable(card.title)
        self.body = drawable(card.body)
        if card.quote and self.body:
            self.body = f"“{self.body}”"

    def plan(self, space: int) -> tuple[ImageFont.FreeTypeFont, list[str], list[str]]:
        body_face = font("Regular", BODY_SIZE)
        body_lead = int(BODY_SIZE * 1.3)
        for size in TITLE_SIZES:
            face = font("Bold", size)
            lines, cut = wrap(self.title, face, TEXT_WIDTH, 3)
            if cut and size != TITLE_SIZES[-1]:
                continue
            lines = fit(self.title, face, TEXT_WIDTH, 3 if size != TITLE_SIZES[-1] else 4)
            left = space - len(lines) * int(size * 1.12) - (24 if self.body else 0)
            body_lines = max(0, min(4, left // body_lead))
            if self.card.quote and self.body and body_lines < 2 and size != TITLE_SIZES[-1]:
                continue
            return face, lines, fit(self.body, body_face, TEXT_WIDTH, body_lines) if body_lines else []
        raise AssertionError("unreachable: the smallest size always returns")


def render(card: Card) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, BAND - 1, HEIGHT), fill=card.accent)
    y = _header(image, draw, card)
    bottom = HEIGHT - MARGIN_BOTTOM
    if card.footer:
        face = font("Regular", 28)
        draw.text((TEXT_LEFT, bottom), one_line(card.footer, face, TEXT_WIDTH), font=face, fill=MUTED, anchor="ld")
        bottom -= 56
    chips_top = _rows(draw, card.rows, _chips(draw, card.chips, bottom))
    y = _eyebrow(draw, card, y + 34)
    title_face, title_lines, body_lines = _Layout(card).plan(chips_top - y - 20)
    y = _lines(draw, y, title_lines, title_face, INK, 1.12)
    if body_lines:
        _lines(draw, y + 24, body_lines, font("Regular", BODY_SIZE), MUTED, 1.3)
    return _png(image)


def _header(image: Image.Image, draw: ImageDraw.ImageDraw, card: Card) -> int:
    logo = brand.logo(56)
    image.paste(logo, (TEXT_LEFT, MARGIN_TOP), logo)
    name_face = font("Bold", 36)
    draw.text((TEXT_LEFT + 72, MARGIN_TOP + 28), drawable(card.site_name), font=name_face, fill=brand.COLOUR, anchor="lm")
    if card.context:
        face = font("Semibold", 32)
        label = drawable(card.context)
        right = WIDTH - MARGIN_X
        width = face.getlength(label)
        draw.rounded_rectangle((right - width - 40, MARGIN_TOP + 4, right, MARGIN_TOP + 52), radius=24, fill="#e8eef5")
        draw.text((right - 20, MARGIN_TOP + 28), label, font=face, fill=brand.COLOUR, anchor="rm")
    return MARGIN_TOP + 56


def _eyebrow(draw: ImageDraw.ImageDraw, card: Card, y: int) -> int:
    if not card.eyebrow:
        return y + 8
    face = font("Semibold", 30)
    draw.text((TEXT_LEFT, y), one_line(card.eyebrow.upper(), face, TEXT_WIDTH), font=face, fill=_readable(card.accent), anchor="la")
    return y + 52


def _lines(draw, y: int, lines: list[str], face, fill: str, leading: float) -> int:
    step = int(face.size * leading)
    for line in lines:
        draw.text((TEXT_LEFT, y), line, font=face, fill=fill, anchor="la")
        y += step
    return y


def _chips(draw: ImageDraw.ImageDraw, chips, bottom: int) -> int:
    """Draw chips in at most two rows above `bottom`; return the top of the chips."""
    if not chips:
        return bottom
    face = font("Semibold", CHIP_SIZE)
    rows: list[list[tuple[str, str, float]]] = [[]]
    used = 0.0
    for chip in chips:
        label = one_line(chip.label, face, TEXT_WIDTH - 44)
        width = face.getlength(label) + 44
        if rows[-1] and used + width > TEXT_WIDTH:
            if len(rows) == 2:
                break
            rows.append([])
            used = 0.0
        rows[-1].append((label, chip.colour, width))
        used += width + 14
    top = bottom - len(rows) * CHIP_HEIGHT - (len(rows) - 1) * 14
    y = top
    for row in rows:
        x: float = TEXT_LEFT
        for label, colour, width in row:
            box = (x, y, x + width, y + CHIP_HEIGHT)
            if colour:
                draw.rounded_rectangle(box, radius=CHIP_HEIGHT // 2, fill=colour)
                draw.text((x + width / 2, y + CHIP_HEIGHT / 2), label, font=face, fill="#ffffff", anchor="mm")
            else:
                draw.rounded_rectangle(box, radius=CHIP_HEIGHT // 2, outline=MUTED, width=3)
                draw.text((x + width / 2, y + CHIP_HEIGHT / 2), label, font=face, fill=MUTED, anchor="mm")
            x += width + 14
        y += CHIP_HEIGHT + 14
    return top


ROW_SIZE = 30
ROW_HEIGHT = 46


def _rows(draw: ImageDraw.ImageDraw, rows, bottom: int) -> int:
    """Draw one line per row (a colour mark, a bold label, a text) above `bottom`; return the top."""
    if not rows:
        return bottom
    bold, regular = font("Bold", ROW_SIZE), font("Regular", ROW_SIZE)
    top = bottom - len(rows) * ROW_HEIGHT
    y = top
    for row in rows:
        draw.rounded_rectangle((TEXT_LEFT, y + 6, TEXT_LEFT + 10, y + ROW_HEIGHT - 8), radius=4, fill=row.colour)
        label = one_line(row.label, bold, 360) + ": "
        draw.text((TEXT_LEFT + 26, y + ROW_HEIGHT // 2), label, font=bold, fill=INK, anchor="lm")
        left = TEXT_LEFT + 26 + bold.getlength(label) + 4
        text = one_line(row.text, regular, TEXT_LEFT + TEXT_WIDTH - left)
        draw.text((left, y + ROW_HEIGHT // 2), text, font=regular, fill=MUTED if row.muted else INK, anchor="lm")
        y += ROW_HEIGHT
    return top - 10


def _readable(colour: str) -> str:
    """The accent colour for text on white, darkened if it is too light to read."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return colour if luminance < 140 else MUTED


def _png(image: Image.Image) -> bytes:
    """A palette PNG: cards are flat colours and anti-aliased text, 256 colours lose nothing visible.

    Less than half the bytes of an RGB PNG and about 15 ms a card in all (higher
    compression levels or median-cut quantising cost 3-8x the time for 10% less).
    """
    out = io.BytesIO()
    image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(out, "PNG", compress_level=6)
    return out.getvalue()


# -- cache ------------------------------------------------------------------


def card_key(card: Card) -> str:
    data = json.dumps([LAYOUT_VERSION, brand.VERSION, asdict(card)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


class CardCache:
    """PNG files named by the hash of what is drawn on them.

    A card used by a build is touched; cards no build used for `KEEP_DAYS` are
    removed, so the cache does not grow with every edit. (Sites built per
    election share one cache, so a build cannot remove the cards it did not use.)
    """

    PARALLEL_FROM = 64  # below this many new cards, starting worker processes costs more than it saves
    KEEP_DAYS = 30

    def __init__(self, directory: Path):
        self.directory = directory

    def images(self, cards: dict[str, Card]) -> dict[str, Path]:
        """The cached PNG file of every card (by its path in the site), drawing only the ones not in the cache.

        Files, not bytes: a national build has tens of thousands of cards, too many to hold in memory.
        """
        files = {path: self.directory / f"{card_key(card)}.png" for path, card in cards.items()}
        missing = {files[path]: card for path, card in cards.items() if not files[path].exists()}
        self.directory.mkdir(parents=True, exist_ok=True)
        for file, data in zip(missing, self._draw(list(missing.values())), strict=True):
            atomic_write(file, data)
        for file in files.values():
            os.utime(file)
        self._prune()
        return files

    def _prune(self) -> None:
        too_old = time.time() - self.KEEP_DAYS * 86400
        for file in self.directory.glob("*.png"):
            if file.stat().st_mtime < too_old:
                file.unlink(missing_ok=True)

    def _draw(self, cards: list[Card]):
        workers = min(os.cpu_count() or 1, 8)
        if len(cards) < self.PARALLEL_FROM or workers == 1:
            return map(render, cards)
        # "spawn": forking a process that runs threads (mkdocs serve) is unsafe.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            return list(pool.map(render, cards, chunksize=16))
