"""The site's own stylesheets and scripts, minified in the built site.

`content/assets/` holds them readable, with their comments; a phone gets them
without (about 2 KB less per first visit, gzipped). Material's files in
`assets/stylesheets/` and `assets/javascripts/` come minified already. Inline
scripts in `templates/overrides/` use the `jsmin` filter.
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin

INDENTED_LINES = re.compile(r"\n\s+")


def compact_html(html: str) -> str:
    """Material's pages without blank lines and indentation (2-5 KB a page, about 300 bytes gzipped).

    Whitespace between words and tags stays whitespace (one newline), so nothing renders
    differently; pages with preformatted text (<pre>, <textarea>) are left alone.
    """
    if "<pre" in html or "<textarea" in html:
        return html
    return INDENTED_LINES.sub("\n", html)


def jsmin(script: str) -> str:
    return str(rjsmin.jsmin(script))


def minify_assets(site_dir: Path) -> None:
    for path in sorted((site_dir / "assets").glob("*.css")):
        path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in sorted((site_dir / "assets").glob("*.js")):
        path.write_text(jsmin(path.read_text(encoding="utf-8")), encoding="utf-8")
