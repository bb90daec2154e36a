"""The site's URL scheme, in one place.

Every page is a Markdown file under `content/`; with directory URLs
`leiden-2026/thema/wonen.md` is served at `leiden-2026/thema/wonen/`. Ids from
the data become parts of these paths, so they must never change once published.
"""

from __future__ import annotations

HOME = "index.md"
METHOD = "methode.md"
GLOSSARY = "begrippen.md"
ABOUT = "over.md"
SEARCH = "zoeken.md"  # where the search button leads without JavaScript

# Folders and files the site itself has at the top level; an election with one of these ids would overwrite them.
RESERVED_ELECTION_IDS = frozenset({"assets", "search", "methode", "og", "index", "over", "begrippen", "zoeken", "wijzigingen"})
# Names of overview pages inside an election's folders; an item with one of these ids would overwrite it.
RESERVED_ITEM_IDS = frozenset({"index"})
# An election's changes page and feed (<election>/wijzigingen/ and wijzigingen.xml), where its data has a git history.
CHANGES = "wijzigingen"


def url_of(path: str) -> str:
    """The site-relative URL of a Markdown source path ('a/b.md' -> 'a/b/', 'a/index.md' -> 'a/')."""
    if path.endswith("index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


def election(e: str) -> str:
    return f"{e}/index.md"


def themes(e: str) -> str:
    return f"{e}/thema/index.md"


def theme(e: str, theme_id: str) -> str:
    return f"{e}/thema/{theme_id}.md"


def topic(e: str, theme_id: str, topic_id: str) -> str:
    return f"{e}/thema/{theme_id}/{topic_id}.md"


def actors(e: str) -> str:
    return f"{e}/wie/index.md"


def actor(e: str, actor_id: str) -> str:
    return f"{e}/wie/{actor_id}.md"


def proposal(e: str, actor_id: str, proposal_id: str) -> str:
    return f"{e}/wie/{actor_id}/{proposal_id}.md"


def statements(e: str) -> str:
    return f"{e}/stelling/index.md"


def statement(e: str, statement_id: str) -> str:
    return f"{e}/stelling/{statement_id}.md"


def compare(e: str) -> str:
    return f"{e}/vergelijk.md"


def stemhulp(e: str) -> str:
    return f"{e}/stemhulp.md"


def stemhulp_details(e: str) -> str:
    """The explanations and reasons of the quiz's statements, fetched when the reader first uses the quiz."""
    return f"{e}/stemhulp/uitleg.json"


def stemhulp_result(e: str, actor_id: str) -> str:
    """A result shared without answers: which party came first (the page only invites to take the quiz)."""
    return f"{e}/stemhulp/uitslag/{actor_id}.md"


def sources(e: str) -> str:
    return f"{e}/bron/index.md"


def source(e: str, source_id: str) -> str:
    return f"{e}/bron/{source_id}.md"


def changes(e: str) -> str:
    """What changed after publication, newest first."""
    return f"{e}/{CHANGES}.md"


def changes_feed(e: str) -> str:
    """The same changes as an Atom feed."""
    return f"{e}/{CHANGES}.xml"


def data_json(e: str) -> str:
    return f"{e}/data.json"


def proposals_csv(e: str) -> str:
    return f"{e}/voorstellen.csv"


def datapackage(e: str) -> str:
    return f"{e}/datapackage.json"


def share_image(page_path: str) -> str:
    """Where the card of a page is published: 'a/b.md' and 'a/b/index.md' -> 'og/a/b.png'."""
    url = url_of(page_path).rstrip("/")
    return f"og/{url or 'index'}.png"
