"""A small, fast HTML reader for tests: links, ids, resources and text of built pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

RESOURCE_TAGS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src", "link": "href"}


@dataclass
class Page:
    path: Path
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    resources: list[str] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)
    elements: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None

    @property
    def text(self) -> str:
        """The visible text; soft hyphens (invisible break points in long words) left out."""
        return re.sub(r"\s+", " ", "".join(self.text_parts)).replace("\u00ad", "")


class _Reader(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.page.elements.append(tag)
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("href") is not None:
            self.page.links.append(values["href"])
        if tag == "link" and values.get("rel") == "canonical":
            self.page.canonical = values.get("href") or ""
        if tag in RESOURCE_TAGS and values.get(RESOURCE_TAGS[tag]) and (tag != "link" or values.get("rel") not in {"canonical", "prev", "next"}):
            self.page.resources.append(values[RESOURCE_TAGS[tag]])
        if tag == "meta" and (values.get("name") or values.get("property") or values.get("http-equiv")):
            self.page.meta[values.get("name") or values.get("property") or values.get("http-equiv")] = values.get("content") or ""
        if tag in {"script", "style", "svg"}:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in {"script", "style", "svg"} and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.page.text_parts.append(data)


def read_page(path: Path) -> Page:
    page = Page(path)
    reader = _Reader(page)
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return page


def content_text(path: Path) -> str:
    """The text of the page's main article only (no navigation)."""
    html = path.read_text(encoding="utf-8")
    start = html.find('<article class="md-content__inner')
    end = html.rfind("</article>")
    page = Page(path)
    reader = _Reader(page)
    reader.feed(html[start:end])
    return page.text


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file a relative link from `page` points at, and its fragment."""
    target, _, fragment = href.partition("#")
    if target.startswith("/"):  # absolute path on the site (404 page): strip the site's base path
        return resolve(site, site / "index.html", target.split("/", 2)[-1] if target.count("/") > 1 else "")[0], fragment
    path = (page.parent / target).resolve() if target else page
    if path.is_dir():
        path = path / "index.html"
    return path, fragment
