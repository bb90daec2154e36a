"""Time and peak memory of each generator stage on one data folder; prints JSON.

Run in a fresh process per data set (`python -m bench.stages DATA CONTENT CARDS`), so
that memory figures start from an empty interpreter. Peak memory is the peak
resident set size during the stage (Linux: /proc/self/clear_refs resets it), so
it includes what earlier stages still hold, as it would in a real build.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from generator import urls
from generator.build import write_content
from generator.load import Loader
from generator.locate import locate_quotes
from generator.plan import plan
from generator.render import Renderer
from generator.settings import Settings
from generator.sharecards.content import card_for
from generator.sharecards.draw import CardCache
from generator.validate import validate


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Stages:
    def __init__(self):
        self.results: dict[str, dict[str, float]] = {}

    def run(self, name: str, action):
        _reset_peak()
        start = time.perf_counter()
        value = action()
        self.results[name] = {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}
        return value


def measure(data_dir: Path, content_dir: Path, card_cache: Path) -> dict:
    stages = Stages()
    loader = Loader(data_dir)
    site = stages.run("load", loader.load)
    if loader.problems:
        raise SystemExit("\n".join(map(str, loader.problems[:20])))

    validated = stages.run("validate", lambda: validate(site))
    if validated.problems:
        raise SystemExit("\n".join(map(str, validated.problems[:20])))
    located = stages.run("quotes", lambda: locate_quotes(site, validated.sources))
    if located.problems:
        raise SystemExit("\n".join(map(str, located.problems[:20])))
    site_plan = stages.run("plan", lambda: plan(site, validated.sources, located.locations, "Wat wil wie?"))
    renderer = Renderer(site_plan, Settings(data_dir, content_dir, site_url="https://example.org/"))
    cards = {page.path: card_for(page, site_plan.site, "Wat wil wie?") for page in site_plan.pages}

    def markdown() -> dict[str, str]:
        files = {page.path: renderer.render(page, cards[page.path].alt) for page in site_plan.pages}
        write_content(files, content_dir)
        return files

    files = stages.run("markdown", markdown)
    images = {urls.share_image(path): card for path, card in cards.items()}
    stages.run("cards", lambda: write_content(CardCache(card_cache).images(images), content_dir))
    return {
        "stages": stages.results,
        "pages": sum(1 for name in files if name.endswith(".md")),
        "markdown_bytes": sum(len(text.encode("utf-8")) for text in files.values()),
        "proposals": sum(len(e.proposals) for e in site.elections),
    }


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))))
