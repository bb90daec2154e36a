"""The MkDocs plugin: hands the generated pages and navigation to MkDocs.

`watwilwie build` generates the pages first and passes them in (`generated`),
so the data is validated once. Under plain `mkdocs build` or `mkdocs serve` the
plugin generates them itself, from the data folder named in mkdocs.yml; invalid
data then stops the build with every problem listed. `mkdocs serve` also
watches the data and the templates.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from pathspec.gitignore import GitIgnoreSpec

from ..build import Generated, generate, write_content
from ..plan import NavItem
from ..render import TEMPLATES
from ..settings import settings_from
from .minify import compact_html, jsmin, minify_assets
from .scopes import scope_base, scope_of, split_search_index, split_sitemap
from .toggles import valid_toggles

log = get_plugin_logger(__name__)


def mkdocs_nav(items: list[NavItem]) -> list:
    """The navigation in MkDocs' form. Material prints titles unescaped; these come from the data."""
    return [{Markup.escape(item.title): mkdocs_nav(item.children) if item.children else item.path} for item in items]


class GeneratorConfig(Config):
    data_dir = config_options.Type(str, default="site-data")
    # Build only these elections (one site per election, e.g. in a CI matrix); empty: all.
    elections = config_options.ListOfItems(config_options.Type(str), default=[])


class GeneratorPlugin(BasePlugin[GeneratorConfig]):
    generated: Generated | None = None  # set by `engine.build_site`; otherwise generated in on_config

    def on_config(self, config):
        result = self.generated
        if result is None:
            settings = settings_from(Path(config.config_file_path), content_dir=Path(config.docs_dir), elections=tuple(self.config.elections))
            result = generate(settings)
        if result.problems or result.plan is None:
            listing = "\n".join(str(problem) for problem in result.problems)
            raise PluginError(f"{len(result.problems)} fout(en) in de gegevens; er is niets gebouwd:\n{listing}")
        changed = write_content(result.files, Path(config.docs_dir))
        log.info(f"generated {len(result.files)} files from {result.settings.data_dir.name}/ ({len(changed)} changed)")
        if not config.nav:
            config.nav = mkdocs_nav(result.plan.nav)
            config.not_in_nav = GitIgnoreSpec.from_lines(f"/{e.id}/*" for e in result.plan.site.elections)
        self._watch = [result.settings.data_dir, TEMPLATES / "pages", TEMPLATES / "partials"]
        self._elections = [e.id for e in result.plan.site.elections]
        self._labels = {e.id: e.label for e in result.plan.site.elections}
        self.generated = None  # `mkdocs serve` regenerates on every change
        return config

    def on_env(self, env, config, files):
        env.filters["jsmin"] = jsmin  # inline scripts in templates/overrides/, written readable
        return env

    def on_page_context(self, context, page, config, nav):
        context["scope"] = scope_of(page.url, self._elections)
        context["scope_base"] = scope_base(page.url, self._elections)
        return context

    def on_post_page(self, output, page, config):
        return compact_html(valid_toggles(output))

    def on_post_template(self, output_content, template_name, config):
        return compact_html(valid_toggles(output_content)) if template_name.endswith(".html") else output_content  # the 404 page

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        minify_assets(site_dir)
        split_search_index(site_dir, self._elections, self._labels)
        split_sitemap(site_dir, config.site_url or "", self._elections)

    def on_serve(self, server, config, builder):
        for path in self._watch:
            server.watch(str(path))
        return server
