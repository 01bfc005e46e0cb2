"""Command line: ``python -m scripts COMMAND`` (see ``--help``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .problems import ProblemsError

DESCRIPTION = """\
Briefing archive tools: turn raw articles in seeds/ into reviewed Markdown
briefings in briefings/, check them, and measure extraction accuracy."""

EPILOG = """\
examples:
  python -m scripts ingest                      draft a briefing for every new seed
  python -m scripts ingest --force seeds/x.txt  redraft one (shows the diff)
  python -m scripts extract seeds/*.txt --json  metadata as JSON Lines
  python -m scripts check                       validate every briefing
  python -m scripts pages                       write the site's pages into docs/generated/
  python -m scripts accel                       compile drafting (mypyc): ingest drafts faster
  python -m scripts evaluate ../shared/expected/seeds.yaml
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m scripts",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ingest = commands.add_parser(
        "ingest",
        help="draft a briefing for every seed that has none",
        description="Draft a briefing in briefings/ for every seed in seeds/ that has none (or whose text "
        "no briefing was drafted from). Every seed to draft is read and checked first: if any is bad, every "
        "problem is reported and nothing is written. Then the drafts are made on every core and each is "
        "written as soon as it is ready, so an interrupted run keeps what it finished and the next run goes on. "
        "Existing briefings are never touched, except with --force; two ingests at once are refused.",
    )
    ingest.add_argument("--force", metavar="SEED", action="extend", nargs="+", default=[],
                        help="redraft the briefing of each SEED and print the diff (several seeds, or the flag repeated)")
    ingest.add_argument("--overwrite-edited", action="store_true",
                        help="with --force: also overwrite a briefing a person edited or marked reviewed")
    ingest.add_argument("--seeds", metavar="DIR", help="seed directory (default: seeds/)")
    ingest.add_argument("--briefings", metavar="DIR", help="briefing directory (default: briefings/)")
    ingest.add_argument("--check", action="store_true",
                        help="only read and check the seeds to draft; write nothing")
    ingest.add_argument("--jobs", type=int, metavar="N", help="processes drafting at once (default: every core)")
    ingest.add_argument("--quiet", action="store_true", help="no progress lines")

    extract = commands.add_parser(
        "extract",
        help="print extracted metadata for seed files",
        description="Extract metadata from raw article files. With --json, print one JSON object "
        "per file (JSON Lines) with 'file' and the front-matter fields.",
    )
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("--json", action="store_true", help="JSON Lines output (the stable interface)")
    extract.add_argument("--evidence", action="store_true", help="with --json: include the evidence of each field")

    check = commands.add_parser(
        "check",
        help="validate every briefing and the registry",
        description="Validate the registry and every briefing (schema, registry names, seed, dates). "
        "Reports every problem with file and line; exit status 1 if any.",
    )
    from .check import add_arguments as add_check_arguments

    add_check_arguments(check)

    evaluate = commands.add_parser(
        "evaluate",
        help="precision/recall/F1 of extract against expected metadata",
        description="Compare 'extract' with a hand-annotated YAML file in the format of "
        "shared/expected/seeds.yaml and print per-field precision, recall and F1.",
    )
    evaluate.add_argument("gold", metavar="GOLD.yaml")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--details", action="store_true", help="list every miss and false positive")

    from .scaffold import add_arguments as add_new_arguments

    new = commands.add_parser(
        "new",
        help="write a briefing by hand from a template",
        description="Write briefings/YYYY-MM-DD-slug.md from a template and print its path. Flags not given "
        "are asked for on a terminal; what is unknown becomes a 'TODO: ...' placeholder that check rejects "
        "until replaced. Never overwrites a file.",
    )
    add_new_arguments(new)

    pages = commands.add_parser(
        "pages",
        help="write the site's generated pages into docs/generated/",
        description="Validate the briefings and write every generated page, the feed and the export into "
        "docs/generated/ (only files that changed): the pages the MkDocs hook generates before a build (it "
        "hands them to MkDocs from one file, build/cache/site-pages.bundle). Run it before 'zensical build', "
        "which runs no MkDocs hook.",
    )
    pages.add_argument("--root", metavar="DIR", help="project holding mkdocs.yml, docs/, briefings/, registry/ "
                       "(default: this repository)")
    pages.add_argument("--briefings", metavar="DIR", help="briefing directory (default: ROOT/briefings)")
    pages.add_argument("--registry", metavar="DIR", help="registry directory (default: ROOT/registry)")
    pages.add_argument("--quiet", action="store_true", help="no summary line")

    from .accel import add_arguments as add_accel_arguments

    accel = commands.add_parser(
        "accel",
        help="compile the drafting modules with mypyc, so that ingest drafts faster",
        description="Compile the drafting modules with mypyc (once per version of the code, a minute or two on "
        "2 cores) into build/accel/. Every later command uses them while the code is unchanged: ingest takes "
        "12-15% less CPU, and the drafts are the same, byte for byte. Without them, the sources run.",
    )
    add_accel_arguments(accel)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "ingest":
            from .ingest import run_ingest

            return run_ingest(args)
        if args.command == "extract":
            from .extract import run_extract

            return run_extract(args)
        if args.command == "check":
            from .check import run_check

            return run_check(args)
        if args.command == "evaluate":
            from .evaluate import run_evaluate

            return run_evaluate(args)
        if args.command == "new":
            from .scaffold import run_new

            return run_new(args)
        if args.command == "accel":
            from .accel import run_accel

            return run_accel(args)
        if args.command == "pages":
            from .site.generate import run_pages

            return run_pages(args)
    except ProblemsError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    parser.error(f"unknown command {args.command}")
    return 2
