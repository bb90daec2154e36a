"""Actor colours that stay visible: at least 3:1 against the cards, in light and in dark mode (WCAG 1.4.11).

An actor's colour marks its lines and cards. Dark party colours vanish on a dark
card (Volt's purple is 1.3:1 there), so the dark scheme gets a lighter variant of
the same hue, and a colour that is too light for a light card gets a darker one.
"""

from __future__ import annotations

LIGHT_CARD = "#f6f7f9"  # --wvw-card-bg in content/assets/wvw.css
DARK_CARD = "#22262e"  # --wvw-card-bg in the slate scheme
MINIMUM = 3.0  # a stripe or a border (non-text contrast)
TEXT_MINIMUM = 4.5  # white text on the colour (a badge)


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """WCAG relative luminance."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _mix(colour: str, other: str, share: float) -> str:
    mixed = (round(c + (o - c) * share) for c, o in zip(_channels(colour), _channels(other), strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def visible_on(colour: str, background: str, minimum: float = MINIMUM) -> str:
    """`colour`, moved towards white or black (whichever gives contrast) just enough for `minimum` against `background`."""
    if contrast(colour, background) >= minimum:
        return colour
    towards = "#ffffff" if luminance(background) < 0.5 else "#000000"
    for step in range(1, 21):
        candidate = _mix(colour, towards, step / 20)
        if contrast(candidate, background) >= minimum:
            return candidate
    return towards
