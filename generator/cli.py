"""Command line: `watwilwie check | generate | build`, and the editors' commands in `editor_cli`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import editor_cli, github
from .build import Settings, build_site, check, generate, write_content
from .yamlfile import Problem

def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    if github.in_github_actions():  # also on the changed line of the pull request
        for problem in problems:
            print(github.annotation(problem))
    print(f"\n{len(problems)} fout(en) gevonden. Er is niets gebouwd of gepubliceerd.", file=sys.stderr)


def _settings(args) -> Settings:
    return Settings(data_dir=Path(args.data), content_dir=Path(args.content), site_name="Wat wil wie?", repo_url="", elections=tuple(args.election))


def cmd_check(args) -> int:
    problems, site, checked = check(Path(args.data), tuple(args.election))
    if problems:
        _print_problems(problems)
        return 1
    proposals = sum(len(e.proposals) for e in site.elections)
    statements = sum(len(e.statements) for e in site.elections)
    print(f"Alles in orde: {len(site.elections)} verkiezingen, {proposals} voorstellen, {statements} stellingen; alle citaten gevonden.")
    return 0


def cmd_generate(args) -> int:
    result = generate(_settings(args))
    if result.problems:
        _print_problems(result.problems)
        return 1
    changed = write_content(result.files, Path(args.content))
    print(f"{len(result.files)} bestanden gegenereerd in {args.content}/ ({len(changed)} gewijzigd).")
    return 0


def cmd_build(args) -> int:
    from mkdocs.exceptions import MkDocsException

    problems, _, _ = check(Path(args.data), tuple(args.election))
    if problems:
        _print_problems(problems)
        return 1
    try:
        build_site(Path(args.config), Path(args.site), tuple(args.election))
    except MkDocsException as error:
        print(f"Bouwen mislukt: {error}", file=sys.stderr)
        return 1
    print(f"Site gebouwd in {args.site}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="watwilwie", description="Controleer de gegevens en bouw de site.")
    parser.add_argument("--data", default="site-data", help="map met de YAML-gegevens (standaard: site-data)")
    parser.add_argument("--content", default="content", help="map voor de gegenereerde pagina's (standaard: content)")
    sub = parser.add_subparsers(dest="command", required=True)
    check_parser = sub.add_parser("check", help="controleer alle gegevens en citaten; exit 1 bij fouten")
    check_parser.set_defaults(run=cmd_check)
    generate_parser = sub.add_parser("generate", help="schrijf de Markdown-pagina's naar content/")
    generate_parser.set_defaults(run=cmd_generate)
    build = sub.add_parser("build", help="bouw de hele site (streng) in site/")
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument("--site", default="site")
    build.set_defaults(run=cmd_build)
    for command in (check_parser, generate_parser, build):
        command.add_argument(
            "--election", action="append", default=[], metavar="ID",
            help="alleen deze verkiezing (herhaal voor meer); zo bouw je één site per verkiezing",
        )
    editor_cli.register(sub)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
