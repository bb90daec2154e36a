"""The pipeline: load → validate → plan pages → render → write, and the atomic site build.

Nothing is written unless the data is valid. Generated files are written only
when their content changed (so `mkdocs serve` settles after one regeneration),
and files from an earlier run that are no longer generated are removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import brand
from .files import atomic_write
from .cardimage import CardCache
from .load import Loader
from .pages import SiteView, plan
from .render import Renderer
from .validate import validate
from .yamlfile import Problem

MANIFEST = ".generated"


@dataclass
class Settings:
    data_dir: Path
    content_dir: Path
    site_name: str = "Wat wil wie?"
    repo_url: str = ""
    site_url: str = ""
    cache_dir: Path | None = None  # share images; default: .cache/share-cards beside data_dir
    elections: tuple[str, ...] = ()  # only these elections (one site per election); empty: all


@dataclass
class Generated:
    problems: list[Problem]
    files: dict[str, str | bytes | Path] = field(default_factory=dict)
    site: SiteView | None = None


def check(data_dir: Path, elections: tuple[str, ...] = ()) -> tuple[list[Problem], object, object]:
    """Load and validate everything; return (problems, site data, validation result)."""
    loader = Loader(data_dir, elections)
    site = loader.load()
    checked = validate(site)
    problems = sorted(loader.problems + checked.problems, key=lambda p: (p.file, p.line))
    return problems, site, checked


def generate(settings: Settings) -> Generated:
    """Render all pages in memory; no files are touched."""
    problems, site, checked = check(settings.data_dir, settings.elections)
    if problems:
        return Generated(problems)
    view = plan(site, checked.locations)
    renderer = Renderer(view, settings.site_name, settings.repo_url, settings.site_url)
    files: dict[str, str | bytes | Path] = dict(renderer.render_all())
    cache = CardCache(settings.cache_dir or settings.data_dir.parent / ".cache" / "share-cards")
    files.update(cache.images(renderer.cards))
    files.update(brand.icons())
    return Generated([], files, view)


def write_content(files: dict[str, str | bytes | Path], content_dir: Path) -> list[str]:
    """Write generated files into `content_dir`; return the paths that changed.

    A value is the text or bytes to write, or a file (a cached share card) to copy.
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


def build_site(config_file: Path, site_dir: Path, elections: tuple[str, ...] = ()) -> None:
    """Run a strict MkDocs build into a temporary folder, then swap it into `site_dir`.

    A failed build leaves the previous site as it was.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    old = site_dir.with_name(site_dir.name + ".old")
    if old.exists() and not site_dir.exists():  # a build stopped between the two renames below
        os.replace(old, site_dir)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        if elections:
            config.plugins["watwilwie"].config["elections"] = list(elections)
        build(config)
        if site_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(site_dir, old)
            os.replace(staging, site_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
