"""The ``scamstats`` command line.

Exit status: 0 success, 1 data problems (or differences, where asked), 2 bad
arguments. Errors are one line naming what was wrong and the valid choices.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .choices import ChoiceError

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _datasets_root(text: str) -> Path:
    root = Path(text)
    if not (root / "metrics.yaml").is_file():
        raise argparse.ArgumentTypeError(f"{text}: not a datasets folder (it has no metrics.yaml)")
    return root


def cmd_validate(args: argparse.Namespace) -> int:
    from .records.validate import check

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
    import json

    from .problems import DataError
    from .release.build import stale_files, write_release
    from .release.publish import build_files

    out: Path = args.out or args.path.resolve().parent / "scamstats" / "data"
    try:
        files = build_files(args.path)
    except DataError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    version = json.loads(files["datapackage.json"])["version"]
    if args.check:
        stale = stale_files(files, out)
        for name in stale:
            print(f"{out / name}: stale; run `scamstats build` and commit the result")
        if not stale:
            print(f"ok: {out} matches the records")
        return 1 if stale else 0
    write_release(files, out)
    print(f"wrote {len(files)} files to {out}: dataset {version}")
    if args.out is None and out.resolve() != bundled_folder():
        print(
            f"note: this scamstats reads its data from {bundled_folder()}; install the checkout with "
            "`pip install -e .` to load what you built",
            file=sys.stderr,
        )
    return 0


def bundled_folder() -> Path:
    """The folder the installed package reads its bundled release from."""
    from .load import bundled_files

    return Path(str(bundled_files())).resolve()


def _version(text: str) -> str:
    from .release.registry import parse_version

    try:
        parse_version(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error
    return text


def _release_spec(text: str) -> str | Path:
    """A release folder, or a version: ``load(version=...)`` reads it from a checkout (checked) or fetches it."""
    if Path(text, "datapackage.json").is_file():
        return Path(text)
    if Path(text).exists():
        raise argparse.ArgumentTypeError(f"{text}: not a release folder (it has no datapackage.json)")
    return _version(text)


def cmd_release(args: argparse.Namespace) -> int:
    from .problems import DataError
    from .release.publish import ReleaseRefusedError, release

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
    from .release.publish import Project, verify

    problems = verify(args.path)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"ok: releases {', '.join(Project(args.path).versions()) or '(none)'} match the registry")
    return 1 if problems else 0


def cmd_diff(args: argparse.Namespace) -> int:
    from .release.diff import diff
    from .release.registry import ReleaseError, UnknownVersionError

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
    from .show.coverage import country_coverage, coverage, overview

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


def _selection(args: argparse.Namespace) -> str:
    parts = [{"total": "totals", "operation": "single operations", "part": "parts"}[args.extent]]
    parts.append(f"place {args.place}" if args.place else "whole country")
    parts.append(f"nationality {args.nationality}" if args.nationality else "all nationalities")
    if args.destination:
        parts.append(f"sent to {args.destination}")
    if args.scope:
        parts.append(f"scope: {args.scope}")
    if args.baseline:
        parts.append(f"counted from {args.baseline}")
    return ", ".join(parts)


def _series_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword options ``series`` and ``plot series`` share."""
    return {
        "nationality": args.nationality,
        "place": args.place,
        "scope": args.scope,
        "destination": args.destination,
        "baseline": args.baseline,
        "extent": args.extent,
    }


def cmd_series(args: argparse.Namespace) -> int:
    from . import load
    from .questions.cite import country_name
    from .show.tables import machine, series_text, terminal_width

    ds = load()
    points = ds.series(args.country, args.metric, **_series_options(args))
    if args.format != "table":
        print(machine(points, args.format))
        return 0
    heading = f"{country_name(args.country.strip().upper())}: {', '.join(args.metric)} ({_selection(args)})"
    print(series_text(points, ds.sources, heading, show_metric=len(args.metric) > 1, width=terminal_width()))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from . import load
    from .show.tables import compare_text, machine, period_compare_text, terminal_width

    ds = load()
    side = ds.compare(
        args.metric, countries=args.countries, at=args.at, period=args.period, by=args.by, max_age=args.max_age
    )
    if args.format != "table":
        print(machine(side, args.format))
        return 0
    if args.period:
        heading = f"{', '.join(args.metric)}: totals for {args.period} per {args.by}"
        print(period_compare_text(side, heading, width=terminal_width()))
        return 0
    moment = f"as of {args.at}" if args.at else "(latest)"
    heading = f"{', '.join(args.metric)}: latest total per {args.by.replace('_', ' ')} {moment}"
    missing = [
        c for c in dict.fromkeys(c.strip().upper() for c in args.countries or []) if c not in set(side["country"])
    ]
    print(
        compare_text(
            side,
            ds.sources,
            heading,
            show_metric=len(args.metric) > 1,
            missing=missing,
            by=args.by,
            width=terminal_width(),
        )
    )
    return 0


def cmd_totals(args: argparse.Namespace) -> int:
    from . import load
    from .show.tables import machine, terminal_width, totals_text

    found = load().totals(args.country, args.metric, **_totals_options(args))
    if args.format != "table":
        print(machine(found, args.format))
        return 0
    heading = f"{args.country.strip().upper()}: {args.metric} per {args.freq}"
    print(totals_text(found, heading, width=terminal_width()))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from . import load
    from .show.tables import conflicts_text, machine

    found = load().conflicts()
    print(machine(found, args.format) if args.format != "table" else conflicts_text(found))
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from . import load
    from .show.tables import machine, query_text, terminal_width

    ds = load()
    found = ds.query(
        country=args.country,
        place=args.place,
        metric=args.metric,
        nationality=args.nationality,
        reported_by=args.reported_by,
        since=args.since,
        until=args.until,
        kind=args.kind,
        extent=args.extent,
        destination=args.destination,
    )
    if args.format != "table":
        print(machine(found, args.format))
        return 0
    print(query_text(found, ds.sources, width=terminal_width()))
    return 0


def cmd_cite(args: argparse.Namespace) -> int:
    from . import load

    ds = load()
    if args.figure:
        if args.style != "text":
            raise ChoiceError(f"--style {args.style} applies to the dataset; a figure is cited as text")
        print(ds.cite_figure(args.figure))
    else:
        print(ds.cite(style=args.style))
    return 0


def cmd_plot(args: argparse.Namespace) -> int:
    from . import load

    try:
        import matplotlib
    except ImportError:
        print("scamstats plot: plots need matplotlib; install it with: pip install 'scamstats[plot]'", file=sys.stderr)
        return 1
    matplotlib.use("Agg")
    ds = load()
    if args.kind == "series":
        figure = ds.plot_series(args.country, args.metric, **_series_options(args))
    elif args.kind == "totals":
        figure = ds.plot_totals(args.country, args.metric, **_totals_options(args))
    else:
        if args.period:
            raise ChoiceError("plot compare draws totals as of a date (--at), not --period")
        figure = ds.plot_compare(args.metric, countries=args.countries, at=args.at, by=args.by)
    figure.savefig(args.output, dpi=args.dpi, bbox_inches="tight")
    print(f"wrote {args.output}")
    return 0


def _series_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("country", help="where the enforcement happened (ISO 3166-1 alpha-3, e.g. KHM)")
    p.add_argument("metric", nargs="+", help="metric(s); several follow one counter worded differently")
    p.add_argument("--nationality", help="people of this nationality only (default: all nationalities)")
    p.add_argument("--place", help="this place only, as recorded (default: the whole country)")
    p.add_argument("--scope", help="figures with this scope only (default: those without one)")
    p.add_argument("--destination", help="people sent to this country only (default: no destination named)")
    p.add_argument("--baseline", help="counted from this start date, or this campaign's event_id")
    p.add_argument(
        "--extent",
        choices=("total", "operation", "part"),
        default="total",
        help="totals of the whole country or place (default), single operations, or named parts",
    )


def _totals_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("country", help="where the enforcement happened (ISO 3166-1 alpha-3, e.g. KHM)")
    p.add_argument("metric", help="one metric")
    p.add_argument("--freq", choices=("year", "quarter", "month"), default="year", help="period length (default: year)")
    p.add_argument("--nationality", help="people of this nationality only (default: all nationalities)")
    p.add_argument("--place", help="this place only, as recorded (default: the whole country)")
    p.add_argument("--destination", help="people sent to this country only (default: no destination named)")


def _totals_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword options ``totals`` and ``plot totals`` share."""
    return {"freq": args.freq, "nationality": args.nationality, "place": args.place, "destination": args.destination}


def _compare_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("metric", nargs="+", help="metric(s) to compare")
    p.add_argument("--countries", nargs="+", metavar="CODE", help="countries to compare (default: all)")
    p.add_argument("--at", help="compare as of this date: YYYY, YYYY-MM or YYYY-MM-DD (default: latest)")
    p.add_argument("--period", help="compare the totals of one year, quarter or month instead (2025, 2025Q3, 2025-07)")
    p.add_argument(
        "--by",
        choices=("country", "reported_by", "nationality"),
        default="country",
        help="one row per country (default), per reporting country, or per nationality",
    )
    p.add_argument("--max-age", type=int, help="days after which a figure is flagged stale (default: 180)")


def _format_argument(p: argparse.ArgumentParser) -> None:
    from .show.tables import FORMATS

    p.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default: fitted to the terminal's width), or csv or json with every column in full",
    )


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
    from .records.skeleton import record_skeleton

    path: Path = args.datasets / "records" / f"{args.source_id}.yaml"
    if path.exists():
        print(f"{path}: already exists; choose another source id", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(record_skeleton(), encoding="utf-8")
    print(f"wrote {path}: fill it in, then run `scamstats validate {args.datasets}`")
    return 0


DESCRIPTION = (
    "Southeast Asian online-scam enforcement statistics, each figure tied to a dated, cited source. "
    "Commands that print tables take --format csv or json for the full data."
)


def version_text() -> str:
    """``scamstats X.Y.Z (dataset A.B.C)``: the package version and the bundled dataset version."""
    import json
    from importlib.metadata import version

    from .load import bundled_files

    with bundled_files().joinpath("datapackage.json").open("rb") as handle:
        dataset = json.load(handle)["version"]
    return f"scamstats {version('scamstats')} (dataset {dataset})"


class _VersionAction(argparse.Action):
    """``--version``: print :func:`version_text` and exit (read only when asked)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the package and bundled dataset versions")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        print(version_text())
        parser.exit()


def _query_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--country", nargs="+", metavar="CODE", help="where the enforcement happened (ISO alpha-3)")
    p.add_argument("--place", help="text found in the figure's place, ignoring case")
    p.add_argument("--metric", nargs="+", metavar="METRIC", help="metric(s), e.g. arrested deported")
    p.add_argument("--nationality", nargs="+", metavar="CODE", help="whose people are counted")
    p.add_argument("--reported-by", nargs="+", metavar="CODE", help="whose authority makes the claim")
    p.add_argument("--since", help="as of this date or later: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--until", help="as of this date or earlier (2025 means up to 31 December 2025)")
    p.add_argument(
        "--kind", nargs="+", metavar="KIND", help="source kind(s): news, government, intergovernmental, ngo, academic"
    )
    p.add_argument("--extent", nargs="+", choices=("total", "operation", "part"), help="what the figures count")
    p.add_argument("--destination", nargs="+", metavar="CODE", help="where people were sent")


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``scamstats`` command."""
    from .questions.cite import STYLES

    main = _Parser(prog="scamstats", description=DESCRIPTION)
    main.add_argument("--version", action=_VersionAction)
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
    p = add("series", cmd_series, "One counter over time: values, intervals, increments, flags and sources.")
    _series_arguments(p)
    _format_argument(p)
    p = add("compare", cmd_compare, "Each country's latest total as of a date, or its total for one period.")
    _compare_arguments(p)
    _format_argument(p)
    p = add("totals", cmd_totals, "How many in each year, quarter or month, as an interval, and how that is known.")
    _totals_arguments(p)
    _format_argument(p)
    p = add("conflicts", cmd_conflicts, "Figures that should agree and do not, with the sources on each side.")
    _format_argument(p)
    p = add("query", cmd_query, "Find figures by where, what, whose, who says so, when and what sort of source.")
    _query_arguments(p)
    _format_argument(p)
    p = add("cite", cmd_cite, "Cite the bundled dataset version, or one figure with its source.")
    p.add_argument("--style", choices=STYLES, default="text", help="citation style (default: text)")
    p.add_argument("--figure", metavar="FIGURE_ID", help="cite this figure (its figure_id) instead of the dataset")
    p = add("plot", cmd_plot, "Plot a counter over time or a comparison across countries to an image file.")
    kinds = p.add_subparsers(dest="kind", required=True, metavar="KIND")
    for kind, arguments, help_text in (
        ("series", _series_arguments, "a counter over time, with its interval band and events"),
        ("totals", _totals_arguments, "how many in each period, as bars coloured by how it is known"),
        ("compare", _compare_arguments, "each country's latest total as bars"),
    ):
        k = kinds.add_parser(kind, help=help_text, description=help_text)
        arguments(k)
        k.add_argument("-o", "--output", type=Path, required=True, help="image file to write (.png, .svg, .pdf)")
        k.add_argument("--dpi", type=int, default=150, help="resolution of raster images (default: 150)")
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
    except ChoiceError as error:
        print(f"scamstats {args.command}: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into a reader that stopped early (`| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
