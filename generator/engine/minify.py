"""The site's own stylesheets and scripts, minified in the built site.

`content/assets/` holds them readable, with their comments; a phone gets them
without (about 2 KB less per first visit, gzipped). Material's files in
`assets/stylesheets/` and `assets/javascripts/` come minified already.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin


def minify_assets(site_dir: Path) -> None:
    for path in sorted((site_dir / "assets").glob("*.css")):
        path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in sorted((site_dir / "assets").glob("*.js")):
        path.write_text(rjsmin.jsmin(path.read_text(encoding="utf-8")), encoding="utf-8")
