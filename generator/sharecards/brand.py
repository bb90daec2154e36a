"""The site's logo (a balance) as pixels: for share cards, touch icons and the app manifest.

Same drawing as `content/assets/favicon.svg` (a 64×64 grid), drawn 8× larger
and scaled down so the edges are smooth. Keep both in step.
"""

from __future__ import annotations

import io
import math
from functools import cache

from PIL import Image, ImageDraw

COLOUR = "#24476b"
VERSION = "1"  # change when the drawing changes
SUPERSAMPLE = 8
STROKE = 4
LINES = [((14, 20), (50, 20)), ((32, 14), (32, 50)), ((24, 50), (40, 50))]
PANS = [20, 44]  # x of the top of each scale pan


@cache
def logo(size: int, padding: float = 0.0) -> Image.Image:
    """The logo as an RGBA square of `size` px; `padding` is the share of empty margin (maskable icons)."""
    big = 64 * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if padding:
        draw.rectangle((0, 0, big, big), fill=COLOUR)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=14 * SUPERSAMPLE, fill=COLOUR)
    scale = SUPERSAMPLE * (1 - 2 * padding)
    offset = big * padding

    def at(x: float, y: float) -> tuple[float, float]:
        return offset + x * scale, offset + y * scale

    width = round(STROKE * scale)
    for start, end in LINES:
        _stroke(draw, [at(*start), at(*end)], width)
    for top in PANS:
        # the pan: a line down to each side and an arc of radius 8 between them
        left, right = (top - 7, 36), (top + 7, 36)
        centre = (top, 36 - math.sqrt(8**2 - 7**2))
        _stroke(draw, [at(*left), at(top, 20), at(*right)], width)
        cx, cy = at(*centre)
        radius = 8 * scale
        angle = math.degrees(math.atan2(36 - centre[1], 7))
        draw.arc((cx - radius - width / 2, cy - radius - width / 2, cx + radius + width / 2, cy + radius + width / 2), angle, 180 - angle, fill="white", width=width)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _stroke(draw: ImageDraw.ImageDraw, points: list[tuple[float, float]], width: int) -> None:
    """A white line with round caps and joins, like the SVG's stroke-linecap/linejoin=round."""
    draw.line(points, fill="white", width=width)
    for x, y in points:
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill="white")


def _png(image: Image.Image) -> bytes:
    """A 64-colour palette PNG with transparency: a quarter of the bytes, no visible change."""
    out = io.BytesIO()
    image.quantize(64, method=Image.Quantize.FASTOCTREE).save(out, "PNG", optimize=True)
    return out.getvalue()


def icons() -> dict[str, bytes]:
    """Touch and app icons, by their path in the site."""
    return {
        "apple-touch-icon.png": _png(logo(180, padding=0.12)),  # iOS rounds the corners itself
        "favicon-48.png": _png(logo(48)),
        "icon-192.png": _png(logo(192)),
        "icon-512.png": _png(logo(512)),
        "icon-maskable-512.png": _png(logo(512, padding=0.2)),  # inside the maskable safe zone
    }
