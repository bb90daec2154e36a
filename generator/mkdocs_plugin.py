"""Runs the generator inside `mkdocs build` and `mkdocs serve`.

Before MkDocs reads `content/`, the YAML is validated and the pages are
(re)generated. Invalid data stops the build with every problem listed, so no
site is made from it. `mkdocs serve` also watches the data and the templates.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.config import config_options
from pathspec.gitignore import GitIgnoreSpec
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .build import Settings, generate, write_content
from .pages import SiteView
from .stemhulp import has_stemhulp
from .render import TEMPLATES
from .scopes import scope_base, split_search_index, split_sitemap

log = get_plugin_logger(__name__)


def navigation(site: SiteView) -> list:
    """A small, fixed navigation: overview pages only, so pages stay light as data grows."""
    nav: list = [{"Home": "index.md"}]
    for election in site.elections:
        items: list = [{"Overzicht": election.path("index.md")}]
        if has_stemhulp(election):
            items.append({"Stemhulp": election.path("stemhulp.md")})
        items.append({"Thema's": election.path("thema", "index.md")})
        if election.statements:
            items += [
                {"Stellingen": election.path("stelling", "index.md")},
                {"Vergelijk standpunten": election.path("vergelijk.md")},
            ]
        items += [
            {"Wie zijn het?": election.path("wie", "index.md")},
            {"Brondocumenten": election.path("bron", "index.md")},
        ]
        # Material prints navigation titles without escaping them; this one comes from the data.
        nav.append({Markup.escape(f"{election.election.municipality} {election.election.date.year}"): items})
    nav.append({"Zo werkt het": "methode.md"})
    return nav


class GeneratorConfig(Config):
    data_dir = config_options.Type(str, default="site-data")
    # Build only these elections (one site per election, e.g. in a CI matrix); empty: all.
    elections = config_options.ListOfItems(config_options.Type(str), default=[])


class GeneratorPlugin(BasePlugin[GeneratorConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        settings = Settings(
            data_dir=root / self.config.data_dir,
            content_dir=Path(config.docs_dir),
            site_name=config.site_name,
            repo_url=config.extra.get("repository", ""),
            site_url=config.site_url or "",
            cache_dir=root / ".cache" / "share-cards",
            elections=tuple(self.config.elections),
        )
        result = generate(settings)
        if result.problems:
            listing = "\n".join(str(problem) for problem in result.problems)
            raise PluginError(f"{len(result.problems)} fout(en) in de gegevens; er is niets gebouwd:\n{listing}")
        changed = write_content(result.files, settings.content_dir)
        log.info(f"generated {len(result.files)} files from {settings.data_dir.name}/ ({len(changed)} changed)")
        if not config.nav:
            config.nav = navigation(result.site)
            config.not_in_nav = GitIgnoreSpec.from_lines(f"/{e.id}/*" for e in result.site.elections)
        self._watch = [settings.data_dir, TEMPLATES / "pages", TEMPLATES / "partials"]
        self._elections = [e.id for e in result.site.elections]
        return config

    def on_page_context(self, context, page, config, nav):
        context["scope_base"] = scope_base(page.url, self._elections)
        return context

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        split_search_index(site_dir, self._elections)
        split_sitemap(site_dir, config.site_url or "", self._elections)

    def on_serve(self, server, config, builder):
        for path in self._watch:
            server.watch(str(path))
        return server
