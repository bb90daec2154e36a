"""The static site engine, at arm's length: MkDocs with the Material theme.

The pipeline (`build.generate`) produces engine-neutral output: Markdown pages
with YAML front matter, assets, share cards and a navigation (`plan.NavItem`).
Everything that knows MkDocs or Material is in this package:

- `build_site(generated, site_dir)`: a strict build of the generated pages into
  `site_dir`, atomically (a failed build keeps the previous site);
- `plugin.GeneratorPlugin`: the MkDocs plugin that hands the generated pages and
  navigation to MkDocs (and, under plain `mkdocs build` / `mkdocs serve`,
  generates them first);
- `scopes`: one search index and sitemap per election, rewritten after the build,
  and the `scope_base` that points Material's JavaScript at them;

Switching engines means replacing this package and `templates/overrides/`; see
docs/engine.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..build import Generated

__all__ = ["EngineError", "build_site"]


class EngineError(Exception):
    """The engine could not build the site (not a data problem: those never reach the engine)."""


def build_site(generated: Generated, site_dir: Path) -> None:
    from .mkdocs import build_site as build

    build(generated, site_dir)

