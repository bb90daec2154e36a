"""Material's menu and search toggles, as valid HTML.

Material's base.html (outside any template block) writes the checkboxes that open
the menu drawer and the search as `<input type="checkbox" … autocomplete="off">`:
without it a browser restores a checked box when the reader goes back to a page,
and the menu is open again (squidfunk/mkdocs-material#736). But `autocomplete` is
not allowed on a checkbox, so the Nu HTML Checker reports two errors on every page.
Browsers also take `autocomplete` from a control's form, so the toggles keep the
behaviour, validly, when they belong to an empty `<form autocomplete="off">` (the
`form` attribute) placed before them: the form must exist when the browser parses
a toggle, which is when it restores its state.
"""

from __future__ import annotations

import re

FORM_ID = "__toggles"
FORM = f'<form id="{FORM_ID}" autocomplete="off" hidden></form>'
TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off">')


def valid_toggles(html: str) -> str:
    """The page with its toggles owned by an autocomplete="off" form instead of carrying the attribute."""
    first = TOGGLE.search(html)
    if first is None:
        return html
    html = html[: first.start()] + FORM + html[first.start() :]
    return TOGGLE.sub(rf'\1 form="{FORM_ID}">', html)
