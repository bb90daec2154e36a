"""The build's settings, read once from `mkdocs.yml` (the site's one configuration file).

Read as plain YAML, not through MkDocs: the pipeline needs a handful of values
(site name and URL, the repository, the data and content folders), and any
engine that reads `mkdocs.yml` (MkDocs, Zensical) shares them.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT_CONFIG = Path("mkdocs.yml")


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    content_dir: Path
    site_name: str = "Wat wil wie?"
    site_url: str = ""  # public address, ending in '/': canonical, share and card URLs
    repo_url: str = ""
    cache_dir: Path | None = None  # share images; default: .cache/share-cards beside data_dir
    elections: tuple[str, ...] = ()  # only these elections (one site per election); empty: all
    config_file: Path | None = None
    about: dict[str, str] = field(default_factory=dict)  # who makes the site: `extra.about` in mkdocs.yml
    today: dt.date = field(default_factory=lambda: build_date())  # says whether an election is still to come

    @property
    def card_cache(self) -> Path:
        return self.cache_dir or self.data_dir.parent / ".cache" / "share-cards"

    @property
    def history_cache(self) -> Path:
        """The data files of earlier commits, parsed (see `history`): beside the share cards."""
        return self.card_cache.parent / "history"


def build_date() -> dt.date:
    """Today, or the date in SOURCE_DATE_EPOCH (reproducible builds: the same input gives the same site)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files that use MkDocs' own tags (!ENV, !!python/name): their values are not needed here."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def settings_from(
    config_file: Path = DEFAULT_CONFIG,
    *,
    data_dir: Path | None = None,
    content_dir: Path | None = None,
    elections: tuple[str, ...] = (),
) -> Settings:
    """The one way to make Settings: from `mkdocs.yml` (defaults if there is none), with the command line's overrides."""
    config = read_config(config_file) if config_file.exists() else {}
    root = config_file.parent
    plugin = _plugin_config(config)
    return Settings(
        data_dir=data_dir if data_dir is not None else root / plugin.get("data_dir", "site-data"),
        content_dir=content_dir if content_dir is not None else root / config.get("docs_dir", "content"),
        site_name=str(config.get("site_name") or "Wat wil wie?"),
        site_url=str(config.get("site_url") or ""),
        repo_url=str((config.get("extra") or {}).get("repository") or ""),
        about={str(k): str(v) for k, v in ((config.get("extra") or {}).get("about") or {}).items()},
        cache_dir=root / ".cache" / "share-cards",
        elections=tuple(elections) or tuple(plugin.get("elections") or ()),
        config_file=config_file,
    )


def settings_of(args: Any) -> Settings:
    """Settings for a command line: `--config`, with `--data`, `--content` and `--election` as overrides."""
    return settings_from(
        Path(args.config),
        data_dir=Path(args.data) if args.data else None,
        content_dir=Path(args.content) if args.content else None,
        elections=tuple(getattr(args, "election", ()) or ()),
    )


def _plugin_config(config: dict[str, Any]) -> dict[str, Any]:
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "watwilwie" in entry:
            return entry["watwilwie"] or {}
    return {}
