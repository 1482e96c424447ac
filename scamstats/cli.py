"""The ``scamstats`` command line.

Exit status: 0 success, 1 data problems (or differences, where asked), 2 bad
arguments.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

Command = Callable[[argparse.Namespace], int]


def _datasets_root(text: str) -> Path:
    root = Path(text)
    if not (root / "metrics.yaml").is_file():
        raise argparse.ArgumentTypeError(f"{text}: not a datasets folder (it has no metrics.yaml)")
    return root


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import check

    checked = check(args.path)
    if checked.problems:
        for problem in checked.problems:
            print(problem)
        files = len({p.path for p in checked.problems})
        print(f"{len(checked.problems)} problem(s) in {files} file(s)", file=sys.stderr)
        return 1
    figures = checked.frames["figures"]
    print(
        f"ok: {len(figures)} figures, {len(checked.frames['sources'])} sources, "
        f"{figures['country'].nunique()} countries, {len(checked.frames['events'])} events"
    )
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import release_bytes, stale_files, write_release
    from .problems import DataError
    from .release import released_differs

    out: Path = args.out or args.path.resolve().parent / "scamstats" / "data"
    try:
        files = release_bytes(args.path)
    except DataError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    conflict = released_differs(args.path, files)
    if conflict:
        print(conflict, file=sys.stderr)
        return 1
    if args.check:
        stale = stale_files(files, out)
        for name in stale:
            print(f"{out / name}: stale; run `scamstats build` and commit the result")
        if not stale:
            print(f"ok: {out} matches the records")
        return 1 if stale else 0
    write_release(files, out)
    print(f"wrote {len(files)} files to {out}")
    return 0


def _version(text: str) -> str:
    from .registry import parse_version

    try:
        parse_version(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error
    return text


def _release_spec(text: str) -> str | Path:
    if Path(text, "datapackage.json").is_file():
        return Path(text)
    if Path(text).exists():
        raise argparse.ArgumentTypeError(f"{text}: not a release folder (it has no datapackage.json)")
    return _version(text)


def cmd_release(args: argparse.Namespace) -> int:
    from .problems import DataError
    from .release import ReleaseRefusedError, release

    try:
        done = release(args.path, args.version)
    except ReleaseRefusedError as error:
        print(f"scamstats release: {error}; nothing was written", file=sys.stderr)
        return error.status
    except DataError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    print(f"released dataset {done.version} in {done.folder}: {done.changes.summary()}")
    print("registry, bundled copy, dataset.yaml, CITATION.cff and CHANGELOG.md updated; review and commit them")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .release import Project, verify

    problems = verify(args.path)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"ok: releases {', '.join(Project(args.path).versions()) or '(none)'} match the registry")
    return 1 if problems else 0


def cmd_diff(args: argparse.Namespace) -> int:
    from .datadiff import diff
    from .registry import ReleaseError, UnknownVersionError

    try:
        changes = diff(args.old, args.new)
    except UnknownVersionError as error:
        print(f"scamstats diff: {error}", file=sys.stderr)
        return 2
    except ReleaseError as error:
        print(f"scamstats diff: {error}", file=sys.stderr)
        return 1
    print(changes.report())
    return 1 if args.exit_code and changes else 0


def cmd_info(args: argparse.Namespace) -> int:
    import pandas as pd

    from . import __version__, load
    from .summary import country_coverage, coverage, overview

    ds = load()
    print(f"scamstats {__version__}")
    for key, value in overview(ds).items():
        print(f"{key:>16}: {value}")
    with pd.option_context("display.max_rows", None, "display.width", 120):
        print("\nfigures per country (where enforcement happened / reporting authority)")
        print(country_coverage(ds).to_string())
        for by in ("year", "metric", "language"):
            print(f"\nfigures per {by}")
            print(coverage(ds, by).to_string())
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``scamstats`` command."""
    main = argparse.ArgumentParser(prog="scamstats", description=__doc__.splitlines()[0] if __doc__ else None)
    sub = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, command: Command, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(run=command)
        return p

    p = add("validate", cmd_validate, "Check the records under a datasets folder; report every problem.")
    p.add_argument(
        "path", nargs="?", default="datasets", type=_datasets_root, help="datasets folder (default: datasets)"
    )
    p = add("build", cmd_build, "Validate the records and write the release files.")
    p.add_argument(
        "path", nargs="?", default="datasets", type=_datasets_root, help="datasets folder (default: datasets)"
    )
    p.add_argument("--out", type=Path, help="output folder (default: scamstats/data beside the datasets folder)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if the output folder is stale")
    add("info", cmd_info, "Summarise the bundled release: version and counts per country, year and metric.")
    p = add("release", cmd_release, "Freeze the records as a new dataset version under datasets/releases/.")
    p.add_argument("version", type=_version, help="the new dataset version, MAJOR.MINOR.PATCH")
    p.add_argument(
        "path", nargs="?", default="datasets", type=_datasets_root, help="datasets folder (default: datasets)"
    )
    p = add("verify", cmd_verify, "Check that the frozen releases still match the registry.")
    p.add_argument(
        "path", nargs="?", default="datasets", type=_datasets_root, help="datasets folder (default: datasets)"
    )
    p = add("diff", cmd_diff, "Show the figures, sources, events and metrics that differ between two releases.")
    for name in ("old", "new"):
        p.add_argument(name, type=_release_spec, help="a released version (X.Y.Z) or a release folder")
    p.add_argument("--exit-code", action="store_true", help="exit 1 when the releases differ")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit status."""
    args = parser().parse_args(argv)
    run: Command = args.run
    try:
        return run(args)
    except BrokenPipeError:  # the output went to a program that stopped reading (e.g. `| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
