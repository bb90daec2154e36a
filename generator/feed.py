"""An election's changes as an Atom feed (RFC 4287), so journalists can follow corrections.

The feed holds the newest changes; the changes page has all of them. Its dates are
the commits' dates, never the build's, so the same repository gives the same feed.
Ids are `urn:uuid:` names derived from the site's address (or repository), the
election, the commit and the item, so a rebuild never makes an old entry look new.
"""

from __future__ import annotations

import uuid
from xml.etree import ElementTree

from . import urls
from .views import ChangeEntry, ElectionView

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_ENTRIES = 100


def changes_feed(e: ElectionView, site_url: str, site_name: str, repo_url: str) -> str:
    """The feed of `e.changes`; links are absolute with a `site_url`, else relative to the feed."""
    assert e.changes is not None, "only elections with a history have a feed"
    changes = e.changes
    root = site_url or "../" * changes.feed_path.count("/")  # without an address: relative to the feed
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, (site_url or repo_url or site_name) + changes.feed_path)
    entries = changes.entries[:MAX_ENTRIES]
    # Unqualified names under an explicit xmlns: ElementTree's default_namespace refuses plain attribute names.
    feed = ElementTree.Element("feed", {"xmlns": ATOM, XML_LANG: "nl"})
    _text(feed, "id", f"urn:uuid:{namespace}")
    _text(feed, "title", f"Wijzigingen – {e.label} – {site_name}")
    _text(feed, "subtitle", f"Wat er veranderde aan de voorstellen en stellingen van de {e.election.name} nadat ze gepubliceerd waren.")
    _text(feed, "updated", (entries[0].change.commit if entries else changes.log.since).time.isoformat())
    author = ElementTree.SubElement(feed, "author")
    _text(author, "name", site_name)
    if repo_url:
        _text(author, "uri", repo_url)
    _link(feed, "self", root + changes.feed_path, "application/atom+xml")
    _link(feed, "alternate", root + urls.url_of(changes.path), "text/html")
    for entry in entries:
        _entry(feed, namespace, entry, root + (entry.url or f"{urls.url_of(changes.path)}#{entry.anchor}"), repo_url)
    ElementTree.indent(feed)
    return ElementTree.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _entry(feed: ElementTree.Element, namespace: uuid.UUID, entry: ChangeEntry, link: str, repo_url: str) -> None:
    commit = entry.change.commit
    item = ElementTree.SubElement(feed, "entry")
    _text(item, "id", f"urn:uuid:{uuid.uuid5(namespace, entry.anchor)}")
    _text(item, "title", f"{entry.kind}: {entry.title} — {entry.change.summary}")
    _text(item, "updated", commit.time.isoformat())
    _link(item, "alternate", link, "text/html")
    if repo_url:
        _link(item, "related", f"{repo_url.rstrip('/')}/commit/{commit.sha}", "text/html")
    summary = f"{entry.change.summary}. Bij de wijziging staat: ‘{commit.message}’" if commit.message else f"{entry.change.summary}."
    _text(item, "summary", summary)


def _text(parent: ElementTree.Element, tag: str, text: str) -> None:
    ElementTree.SubElement(parent, tag).text = text


def _link(parent: ElementTree.Element, rel: str, href: str, media_type: str) -> None:
    ElementTree.SubElement(parent, "link", {"rel": rel, "href": href, "type": media_type})
