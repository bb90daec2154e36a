"""The pipeline: load → validate → locate → plan → render → share cards, and writing `content/`.

`check` runs the first three stages and is what `watwilwie check` reports;
`generate` runs them all in memory and touches no file; `write_content` puts
the result into `content/`, where the engine (`engine`) builds the site from it.
Nothing is generated unless the data is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import urls
from .feed import changes_feed
from .files import atomic_write
from .gitdates import last_changes
from .history import read_history
from .load import Loader, SiteData
from .locate import locate_quotes
from .models import ProposalKey
from .opendata import datapackage_json, election_json, proposals_csv
from .plan import Plan, plan
from .problems import Note, Problem
from .quotes import QuoteLocation
from .render import Renderer, redirect_page, relative_url
from .settings import Settings
from .sharecards import brand
from .sharecards.content import card_for
from .sharecards.draw import CardCache
from .stemhulp.quiz import stemhulp_details_json
from .validate import validate
from .views import SiteView

MANIFEST = ".generated"


@dataclass
class Checked:
    """The data after loading, validation and quote location: problems, or everything the plan needs.

    `notes` are warnings: the data was read, perhaps not as meant; they never stop a build.
    """

    problems: list[Problem]
    site: SiteData
    sources: dict[ProposalKey, str] = field(default_factory=dict)
    locations: dict[ProposalKey, QuoteLocation] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)


@dataclass
class Generated:
    settings: Settings
    problems: list[Problem]
    files: dict[str, str | bytes | Path] = field(default_factory=dict)
    plan: Plan | None = None  # None when there are problems

    @property
    def site(self) -> SiteView:
        assert self.plan is not None, "only valid data is planned"
        return self.plan.site


def check(data_dir: Path, elections: tuple[str, ...] = ()) -> Checked:
    """Load, validate and locate every quote; every problem is collected, sorted by file and line."""
    loader = Loader(data_dir, elections)
    site = loader.load()
    validated = validate(site)
    located = locate_quotes(site, validated.sources)
    problems = sorted(loader.problems + validated.problems + located.problems, key=lambda p: (p.file, p.line))
    notes = sorted(loader.notes + located.notes, key=lambda p: (p.file, p.line))
    return Checked(problems, site, validated.sources, located.locations, notes)


def generate(settings: Settings) -> Generated:
    """Every file of `content/`, in memory (share cards as cached image files); no file is written."""
    checked = check(settings.data_dir, settings.elections)
    if checked.problems:
        return Generated(settings, checked.problems)
    labels = {e.id: {actor.id: actor.label for actor in e.actors} for e in checked.site.elections}
    history = read_history(settings.data_dir, labels, settings.history_cache, tuple(labels))
    site_plan = plan(checked.site, checked.sources, checked.locations, settings.site_name, settings.today, history)
    renderer = Renderer(site_plan, settings, last_changes(settings.data_dir))
    cards = {page.path: card_for(page, site_plan.site, settings.site_name) for page in site_plan.pages}
    files: dict[str, str | bytes | Path] = {page.path: renderer.render(page, cards[page.path].alt) for page in site_plan.pages}
    files.update({moved.path: redirect_page(moved, settings.site_url) for moved in site_plan.moved})
    for e in site_plan.site.elections:
        files[e.data_json_path] = election_json(e)
        files[e.csv_path] = proposals_csv(e)
        files[e.datapackage_path] = datapackage_json(e, settings.site_name, settings.site_url, settings.about.get("data_licence", "CC BY 4.0"))
        if e.changes:
            files[e.changes.feed_path] = changes_feed(e, settings.site_url, settings.site_name, settings.repo_url)
        if e.has_stemhulp:
            files[urls.stemhulp_details(e.id)] = stemhulp_details_json(e, partial(relative_url, e.stemhulp_path))
    files.update(CardCache(settings.card_cache).images({urls.share_image(path): card for path, card in cards.items()}))
    files.update(brand.icons())
    return Generated(settings, [], files, site_plan)


def write_content(files: dict[str, str | bytes | Path], content_dir: Path) -> list[str]:
    """Write generated files into `content_dir`; return the paths that changed.

    A value is the text or bytes to write, or a file (a cached share card) to copy.
    Only changed files are written (so `mkdocs serve` settles after one
    regeneration), and files from an earlier run that are no longer generated
    are removed.
    """
    manifest = content_dir / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split("\n")) - {""} if manifest.exists() else set()
    changed = []
    for relative, text in sorted(files.items()):
        target = content_dir / relative
        data = text.read_bytes() if isinstance(text, Path) else text.encode("utf-8") if isinstance(text, str) else text
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
        changed.append(relative)
    for stale in sorted(previous - set(files)):
        path = content_dir / stale
        if path.is_file():
            path.unlink()
            changed.append(stale)
    _remove_empty_dirs(content_dir)
    atomic_write(manifest, ("\n".join(sorted(files)) + "\n").encode("utf-8"))
    return changed


def _remove_empty_dirs(root: Path) -> None:
    for directory in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(directory.iterdir()):
            directory.rmdir()
