"""Icons inlined into the pages, from templates/icons/ (no icon font, no request, no theme package)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from markupsafe import Markup

ICONS = Path(__file__).resolve().parent.parent / "templates" / "icons"


def icon_file(name: str) -> Path:
    """The SVG file of an icon name such as 'material/home-city'."""
    return ICONS / f"{name}.svg"


@cache
def icon_svg(name: str) -> Markup:
    """The icon as inline SVG, hidden from screen readers (the text beside it says what it means)."""
    path = icon_file(name)
    if not path.exists():
        return Markup("")
    return Markup(path.read_text(encoding="utf-8").replace("<svg ", '<svg aria-hidden="true" focusable="false" class="wvw-icon" ', 1))
