"""Command line: `watwilwie check | generate | build`, and the editors' commands (`editor.cli`).

Every command reads its settings once, from `mkdocs.yml` (`--config`), with
`--data`, `--content` and `--election` as overrides, and runs the pipeline once.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .build import check, generate, write_content
from .editor import cli as editor_cli
from .editor import github
from .problems import Note, Problem
from .settings import settings_of


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    if github.in_github_actions():  # also on the changed line of the pull request
        for problem in problems:
            print(github.annotation(problem))
    print(f"\n{len(problems)} fout(en) gevonden. Er is niets gebouwd of gepubliceerd.", file=sys.stderr)


def print_notes(notes: list[Note]) -> None:
    """Warnings: printed (and annotated in GitHub Actions) before the result; they never fail a command."""
    for note in notes:
        print(note, file=sys.stderr)
    if github.in_github_actions():
        for note in notes:
            print(github.annotation(note))
    if notes:
        print(f"{len(notes)} waarschuwing(en): de gegevens kloppen, maar lees ze na.\n", file=sys.stderr)


def cmd_check(args) -> int:
    settings = settings_of(args)
    checked = check(settings.data_dir, settings.elections)
    print_notes(checked.notes)
    if checked.problems:
        print_problems(checked.problems)
        return 1
    site = checked.site
    proposals = sum(len(e.proposals) for e in site.elections)
    statements = sum(len(e.statements) for e in site.elections)
    print(f"Alles in orde: {len(site.elections)} verkiezingen, {proposals} voorstellen, {statements} stellingen; alle citaten gevonden.")
    return 0


def cmd_generate(args) -> int:
    settings = settings_of(args)
    result = generate(settings)
    if result.problems:
        print_problems(result.problems)
        return 1
    changed = write_content(result.files, settings.content_dir)
    print(f"{len(result.files)} bestanden gegenereerd in {settings.content_dir}/ ({len(changed)} gewijzigd).")
    return 0


def cmd_build(args) -> int:
    from .engine import EngineError, build_site

    result = generate(settings_of(args))
    if result.problems:
        print_problems(result.problems)
        return 1
    try:
        build_site(result, Path(args.site))
    except EngineError as error:
        print(f"Bouwen mislukt: {error}", file=sys.stderr)
        return 1
    print(f"Site gebouwd in {args.site}/")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="watwilwie", description="Controleer de gegevens en bouw de site.")
    main_parser.add_argument("--config", default="mkdocs.yml", help="instellingen van de site (standaard: mkdocs.yml)")
    main_parser.add_argument("--data", help="map met de YAML-gegevens (standaard: site-data, of wat mkdocs.yml zegt)")
    main_parser.add_argument("--content", help="map voor de gegenereerde pagina's (standaard: docs_dir in mkdocs.yml)")
    sub = main_parser.add_subparsers(dest="command", required=True)
    check_parser = sub.add_parser("check", help="controleer alle gegevens en citaten; exit 1 bij fouten")
    check_parser.set_defaults(run=cmd_check)
    generate_parser = sub.add_parser("generate", help="schrijf de Markdown-pagina's naar content/")
    generate_parser.set_defaults(run=cmd_generate)
    build = sub.add_parser("build", help="bouw de hele site (streng) in site/")
    build.add_argument("--site", default="site")
    build.set_defaults(run=cmd_build)
    for command in (check_parser, generate_parser, build):
        command.add_argument(
            "--election", action="append", default=[], metavar="ID",
            help="alleen deze verkiezing (herhaal voor meer); zo bouw je één site per verkiezing",
        )
    editor_cli.register(sub)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        status = int(args.run(args))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`watwilwie vind … | head`): that is the reader's choice, not an error.
        # Point stdout at /dev/null, so that Python's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
