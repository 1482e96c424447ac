"""The ``scamstats`` command line.

Exit status: 0 success, 1 data problems (or differences, where asked), 2 bad
arguments.
"""

from __future__ import annotations

import argparse
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

    out: Path = args.out or args.path.resolve().parent / "scamstats" / "data"
    try:
        files = release_bytes(args.path)
    except DataError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s); nothing was written", file=sys.stderr)
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


def _source_id(text: str) -> str:
    import re

    from .vocabularies import SLUG

    name = text.removesuffix(".yaml")
    if not re.fullmatch(SLUG, name):
        raise argparse.ArgumentTypeError(
            f"{text}: a source id is lowercase words joined by hyphens, e.g. khm-2025-07-18-ap-crackdown"
        )
    return name


def cmd_new_record(args: argparse.Namespace) -> int:
    from .skeleton import record_skeleton

    path: Path = args.datasets / "records" / f"{args.source_id}.yaml"
    if path.exists():
        print(f"{path}: already exists; choose another source id", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(record_skeleton(), encoding="utf-8")
    print(f"wrote {path}: fill it in, then run `scamstats validate {args.datasets}`")
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
    p = add("new-record", cmd_new_record, "Write a commented record-file skeleton for a new source document.")
    p.add_argument("source_id", type=_source_id, help="the new file's name: <country>-<date>-<publisher>-<topic>")
    p.add_argument("--datasets", type=_datasets_root, default="datasets", help="datasets folder (default: datasets)")
    add("info", cmd_info, "Summarise the bundled release: version and counts per country, year and metric.")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit status."""
    args = parser().parse_args(argv)
    run: Command = args.run
    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
