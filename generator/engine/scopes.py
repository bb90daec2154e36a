"""One search index and one sitemap per election, so a phone never pays for the whole country.

Material's JavaScript downloads `search/search_index.json` from the site root
when the reader opens search (templates/overrides/partials/on-demand.html);
search engines read `sitemap.xml`. Both list every page of the site, so on a
site with many elections every searcher would download all of them. After the
build, this module moves each election's
entries into `<election>/search/search_index.json` and `<election>/sitemap.xml`,
and the election's pages point Material there (`scope_base`, used in
`templates/overrides/main.html`). The root index keeps every page, each
election's titled with its city and year, so searching from the home page or
the method page finds a proposal of any election (it is loaded only by readers
who search from there); the root `sitemap.xml` becomes a sitemap index that
search engines follow. Sitemaps carry no build date, so two builds of the same data are
identical.
"""

from __future__ import annotations

import gzip
import json
import posixpath
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
ROOT_PAGES_SITEMAP = "sitemap-pages.xml"
SOFT_HYPHEN = "\u00ad"


def scope_of(url: str, elections: Iterable[str]) -> str | None:
    """The election a site-relative URL belongs to, if any."""
    first = url.split("/", 1)[0]
    return first if first in set(elections) else None


def scope_base(page_url: str, elections: Iterable[str]) -> str | None:
    """For a page inside an election: the relative URL of the election's folder, as Material's `base`."""
    scope = scope_of(page_url, elections)
    if scope is None:
        return None
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    return posixpath.relpath(scope, folder.rstrip("/")) + "/"


def split_search_index(site_dir: Path, elections: list[str], labels: dict[str, str] | None = None) -> None:
    """Each election's pages into its own index; the root index holds every page, titles labelled with their election."""
    index_file = site_dir / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index["docs"]:  # soft hyphens in headings would split the words a reader searches for
        doc["title"], doc["text"] = doc["title"].replace(SOFT_HYPHEN, ""), doc["text"].replace(SOFT_HYPHEN, "")
    scoped: dict[str, list[dict]] = {election: [] for election in elections}
    root = []
    for doc in index["docs"]:
        scope = scope_of(doc["location"], elections)
        if scope is None:
            root.append(doc)
            continue
        local = doc["location"][len(scope) + 1 :]
        scoped[scope].append({**doc, "location": local})
        # The home page and the method page search everything; a result says which city it is about.
        label = escape((labels or {}).get(scope, scope))  # titles in the index are HTML
        root.append({**doc, "title": f"{doc['title']} — {label}"} if label not in doc["title"] else doc)
    _write_json(index_file, {**index, "docs": root})
    for election, docs in scoped.items():
        _write_json(site_dir / election / "search" / "search_index.json", {**index, "docs": docs})


def split_sitemap(site_dir: Path, site_url: str, elections: list[str]) -> None:
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.exists() or not site_url:
        return
    site_url = site_url.rstrip("/") + "/"
    locations = [loc.text or "" for loc in ElementTree.parse(sitemap).getroot().iter(f"{{{SITEMAP_NS}}}loc")]
    scoped: dict[str, list[str]] = {election: [] for election in elections}
    root: list[str] = []
    for location in locations:
        scope = scope_of(location.removeprefix(site_url), elections)
        (scoped[scope] if scope else root).append(location)
    (site_dir / ROOT_PAGES_SITEMAP).write_text(_urlset(root), encoding="utf-8")
    parts = [site_url + ROOT_PAGES_SITEMAP] + [f"{site_url}{election}/sitemap.xml" for election in elections]
    for election, urls in scoped.items():
        (site_dir / election / "sitemap.xml").write_text(_urlset(urls), encoding="utf-8")
    text = _sitemap_index(parts)
    sitemap.write_text(text, encoding="utf-8")
    with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as packed:
        packed.write(text.encode("utf-8"))


def _urlset(urls: list[str]) -> str:
    body = "".join(f"  <url><loc>{escape(url)}</loc></url>\n" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n{body}</urlset>\n'


def _sitemap_index(urls: list[str]) -> str:
    body = "".join(f"  <sitemap><loc>{escape(url)}</loc></sitemap>\n" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">\n{body}</sitemapindex>\n'


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
