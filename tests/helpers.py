"""What the tests share: a small hand-made data set, projects built from it, and the command line run in-process.

Tests build real sites into temporary folders and read the HTML (htmlcheck.py);
`run` calls the command line in this process, as an editor's shell would run
`watwilwie`, without the cost of a new interpreter per call.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import shutil
import subprocess
import textwrap
from pathlib import Path

from generator import cli
from generator.build import generate
from generator.engine import build_site as engine_build
from generator.problems import DataInvalid
from generator.settings import settings_from

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = settings_from(ROOT / "mkdocs.yml").site_url
PHONE = {"width": 360, "height": 780}
TOWNS = ["testdorp-2026", "a-2026", "b-2026", "c-2026", "d-2026", "e-2026"]

SOURCE_TEXT = """\
1. Inleiding

We bouwen in deze periode 1.000 nieuwe sociale huur-
woningen. Dat is een ‘grote’ opgave.
 2. Verkeer
Binnen de singels wordt 30 km/u de norm. We
onderzoeken een autoluwe binnenstad.
"""

HOSTILE_QUOTE = 'Wij <script>alert("x")</script> | *vet* # kop {{ jinja }} {% raw %} \'enkel\' "dubbel" 🚲 & co.'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def make_data(root: Path, extra_source: str = "") -> Path:
    """A minimal valid `site-data/` tree: one election, two actors, four proposals, one statement."""
    data = root / "site-data"
    write(data / "themes.yml", """\
        - id: wonen
          name: Wonen
          description: Huizen bouwen.
          icon: material/home-city
          topics:
            - id: aantal-woningen
              question: Hoeveel woningen komen erbij?
            - id: studentenkamers
              question: Komen er meer studentenkamers?
        - id: mobiliteit
          name: Verkeer
          description: Fiets, auto en bus.
          topics:
            - id: snelheid
              question: Hoe hard mag je rijden in de stad?
        """)
    election = data / "testdorp-2026"
    write(election / "election.yml", """\
        name: Verkiezingen Testdorp 2026
        municipality: Testdorp
        date: 2026-03-18
        intro: Een test.
        stemhulp:
          actors: [partij-a, raad-b]
        """)
    write(election / "actors.yml", """\
        - id: partij-a
          name: Partij A
          kind: partij
          on_ballot: true
          description: Een partij.
          sources: [programma-a]
        - id: raad-b
          name: Raad B
          kind: adviesraad
          description: Een raad.
          sources: [advies-b]
        """)
    write(election / "bronnen" / "programma-a.yml", """\
        title: Programma A
        publisher: Partij A
        kind: verkiezingsprogramma
        period: 2026-2030
        hyphenation: soft
        sections:
          - title: Inleiding
            starts: "1. Inleiding"
          - title: Verkeer
            starts: "2. Verkeer"
        """)
    (election / "bronnen" / "programma-a.txt").write_text(SOURCE_TEXT + extra_source, encoding="utf-8")
    write(election / "bronnen" / "advies-b.yml", """\
        title: Advies B
        publisher: Raad B
        kind: advies
        period: "2026"
        hyphenation: hard
        """)
    (election / "bronnen" / "advies-b.txt").write_text(
        "Wij adviseren 30 km/u in de hele stad.\nEn meer sociale huurwoningen.\n" + HOSTILE_QUOTE + "\n",
        encoding="utf-8",
    )
    write(election / "proposals" / "partij-a.yml", """\
        actor: partij-a
        proposals:
          - id: sociale-huur
            theme: wonen
            title: 1.000 nieuwe sociale huurwoningen
            quote: We bouwen in deze periode 1.000 nieuwe sociale huurwoningen.
          - id: dertig-kmu
            theme: mobiliteit
            title: 30 km/u binnen de singels
            quote: Binnen de singels wordt 30 km/u de norm.
        """)
    write(election / "proposals" / "raad-b.yml", f"""\
        actor: raad-b
        proposals:
          - id: dertig-overal
            theme: mobiliteit
            title: 30 km/u in de hele stad
            quote: Wij adviseren 30 km/u in de hele stad.
          - id: vreemde-tekens
            theme: wonen
            title: "Titel met <b>html</b> | en *sterren* # {{{{ x }}}}"
            quote: '{HOSTILE_QUOTE.replace("'", "''")}'
        """)
    write(election / "statements.yml", """\
        - id: dertig-kmu-overal
          theme: mobiliteit
          text: In de hele stad wordt 30 km/u de norm.
          explanation: Nu geldt op veel wegen 50 km/u.
          positions:
            partij-a:
              position: neutraal
              proposals: [dertig-kmu]
            raad-b:
              position: eens
              proposals: [dertig-overal]
        """)
    return data


def build_project(root: Path, site: Path | None = None, elections: tuple[str, ...] = ()) -> Path:
    """Generate and build the project at `root` (its mkdocs.yml, site-data/ and content/), as `watwilwie build` does."""
    result = generate(settings_from(root / "mkdocs.yml", elections=elections))
    if result.problems:
        raise DataInvalid(result.problems)
    site = site or root / "site"
    engine_build(result, site)
    return site


def build_in_place(tmp: Path) -> Path:
    """The project's own data and git history as published (a fresh clone in CI), built into tmp/site; content/ goes to tmp too."""
    settings = dataclasses.replace(settings_from(ROOT / "mkdocs.yml"), content_dir=tmp / "content")
    shutil.copytree(ROOT / "content" / "assets", settings.content_dir / "assets")
    result = generate(settings)
    if result.problems:
        raise DataInvalid(result.problems)
    engine_build(result, tmp / "site")
    return tmp / "site"


def make_project(root: Path, data: Path | None = None) -> Path:
    """A copy of the project's config, templates and assets around `data` (default: the real data)."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "content" / "assets", root / "content" / "assets")
    if data is None:
        shutil.copytree(ROOT / "site-data", root / "site-data")
    # Share the project's card cache: a card is drawn once, not once per test build.
    (ROOT / ".cache" / "share-cards").mkdir(parents=True, exist_ok=True)
    (root / ".cache").mkdir(exist_ok=True)
    (root / ".cache" / "share-cards").symlink_to(ROOT / ".cache" / "share-cards")
    return root


def many_elections(root: Path) -> Path:
    """The hand-made data set six times over, with partij-a of party 'volt' in every town."""
    data = make_data(root)
    first = data / TOWNS[0]
    actors = first / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("  kind: partij\n", "  kind: partij\n  party: volt\n"), encoding="utf-8")
    election = first / "election.yml"
    election.write_text(election.read_text(encoding="utf-8") + "order: 1\n", encoding="utf-8")
    for order, town in enumerate(TOWNS[1:], start=2):
        shutil.copytree(first, data / town)
        election = data / town / "election.yml"
        text = election.read_text(encoding="utf-8").replace("Testdorp", town.upper()[0]).replace("order: 1", f"order: {order}")
        election.write_text(text, encoding="utf-8")
    return data


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`watwilwie ARGS` in `cwd`, in this process: its exit code and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as stop:  # argparse refuses the arguments
            code = stop.code if isinstance(stop.code, int) else 1
    return subprocess.CompletedProcess(["watwilwie", *args], code, out.getvalue(), err.getvalue())
