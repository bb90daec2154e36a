"""A strict MkDocs build of the generated pages, swapped into place only when it succeeds."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from jinja2 import TemplateError
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..build import Generated
from . import EngineError
from .plugin import GeneratorPlugin


def build_site(generated: Generated, site_dir: Path) -> None:
    """Build into a temporary folder beside `site_dir`, then swap it in; a failure keeps the old site."""
    settings = generated.settings
    if settings.config_file is None:
        raise EngineError("geen mkdocs.yml bekend")
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    old = site_dir.with_name(site_dir.name + ".old")
    if old.exists() and not site_dir.exists():  # a build stopped between the two renames below
        os.replace(old, site_dir)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        config = load_config(str(settings.config_file), site_dir=str(staging), docs_dir=str(settings.content_dir.resolve()), strict=True)
        plugin = config.plugins["watwilwie"]
        assert isinstance(plugin, GeneratorPlugin), "mkdocs.yml lists the watwilwie plugin"
        plugin.generated = generated
        try:
            build(config)
        except (MkDocsException, TemplateError) as error:  # a strict warning, or a broken theme override
            raise EngineError(str(error)) from error
        if site_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(site_dir, old)
            os.replace(staging, site_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
