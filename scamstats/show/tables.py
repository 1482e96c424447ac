"""Tables for people and for programs: aligned text with numbered sources, CSV and JSON.

The ``*_text`` functions write what the ``series``, ``compare``, ``totals``,
``query`` and ``conflicts`` commands print; :func:`machine` writes their
``--format csv`` and ``--format json`` output. Tables fit the terminal's width
(:func:`terminal_width`) by shortening their widest text columns, marked
``…``; output that is not a terminal gets them in full.

>>> qualified(3455, "about"), span(3110, 3800), span(1001, None), span(None, 1136, signed=True)
('about 3,455', '3,110 to 3,800', '≥ 1,001', '≤ +1,136')
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from ..dates import format_partial_date
from ..intervals import QUALIFIER_WORDS

FORMATS = ("table", "csv", "json")
"""Output formats of the commands that print tables."""


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, tuple | list) and bool(pd.isna(value)))


def qualified(value: Any, qualifier: str, unit: str | None = None) -> str:
    """A value worded as its source worded it; a currency code follows money.

    >>> qualified(15000000, "more_than", "USD")
    'more than 15,000,000 USD'
    """
    money = f" {unit}" if unit and len(unit) == 3 and unit.isupper() else ""
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{int(value):,}{money}"


def _number(value: int, signed: bool) -> str:
    return f"{value:+,}" if signed else f"{value:,}"


def span(low: Any, high: Any, *, signed: bool = False) -> str:
    """An interval in words: one number when exact, ``≥``/``≤`` when one side is open, empty when both are.

    >>> span(1318, 1318, signed=True), span(-345, 345, signed=True), span(None, None)
    ('+1,318', '-345 to +345', '')
    """
    low = None if _missing(low) else int(low)
    high = None if _missing(high) else int(high)
    if low is None and high is None:
        return ""
    if high is None:
        return f"≥ {_number(low, signed)}" if low is not None else ""
    if low is None:
        return f"≤ {_number(high, signed)}"
    if low == high:
        return _number(low, signed)
    return f"{_number(low, signed)} to {_number(high, signed)}"


def as_written(day: Any, precision: Any) -> str:
    """A stored partial date as its source gave it; empty when missing."""
    if _missing(day):
        return ""
    return format_partial_date(pd.Timestamp(day).date(), str(precision) if not _missing(precision) else "day")


GAP = "  "
"""What separates two columns of a table."""

NARROWEST = 6
"""A text column is not shortened below this many characters (or its natural width, if less)."""


def terminal_width() -> int | None:
    """The width tables must fit: ``COLUMNS`` when set, else the terminal's; ``None`` when output is not a terminal."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def fit(widths: dict[str, int], shrinkable: Iterable[str], width: int) -> dict[str, int]:
    """Column ``widths`` narrowed, widest ``shrinkable`` column first, until the row fits ``width`` (if it can).

    >>> fit({"as of": 10, "publisher": 30, "value": 6}, ["as of", "publisher"], 40)
    {'as of': 10, 'publisher': 20, 'value': 6}
    """
    fitted = dict(widths)
    floor = {c: min(widths[c], NARROWEST) for c in shrinkable}
    excess = sum(fitted.values()) + len(GAP) * (len(fitted) - 1) - width
    while excess > 0:
        candidates = [c for c in floor if fitted[c] > floor[c]]
        if not candidates:
            break
        widest = max(candidates, key=lambda c: fitted[c])
        fitted[widest] -= 1
        excess -= 1
    return fitted


def elide(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, the cut marked with ``…``.

    >>> elide("Phnom Penh Post", 8), elide("VNM", 8)
    ('Phnom P…', 'VNM')
    """
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def table(
    rows: Sequence[dict[str, str]],
    right: Iterable[str] = (),
    *,
    width: int | None = None,
    shrink: Iterable[str] | None = None,
) -> str:
    """Rows of text as aligned columns under a header; columns named in ``right`` align right.

    With ``width``, the columns named in ``shrink`` (default: every column not aligned right) are
    shortened, the widest first, so that each line fits if it can, and a last line says so.

    >>> print(table([{"as of": "2025-07-18", "value": "2,137"}, {"as of": "2025-10", "value": "3,455"}], ["value"]))
    as of       value
    2025-07-18  2,137
    2025-10     3,455
    >>> rows = [{"value": "2,137", "publisher": "Khmer Times, citing the Ministry of Interior"}]
    >>> print(table(rows, ["value"], width=30))
    value  publisher
    2,137  Khmer Times, citing th…
    (shortened to 30 columns; --format csv gives every column in full)
    """
    if not rows:
        return ""
    columns = list(rows[0])
    aligned_right = set(right)
    natural = {c: max(len(c), *(len(row[c]) for row in rows)) for c in columns}
    allowed = None if shrink is None else set(shrink)
    shortened = [c for c in columns if c not in aligned_right and (allowed is None or c in allowed)]
    widths = natural if width is None else fit(natural, shortened, width)

    def line(cells: dict[str, str]) -> str:
        parts = [
            elide(cells[c], widths[c]).rjust(widths[c])
            if c in aligned_right
            else elide(cells[c], widths[c]).ljust(widths[c])
            for c in columns
        ]
        return GAP.join(parts).rstrip()

    lines = [line({c: c for c in columns}), *(line(row) for row in rows)]
    if widths != natural:
        lines.append(f"(shortened to {width} columns; --format csv gives every column in full)")
    return "\n".join(lines)


class Footnotes:
    """Number sources in order of first mention, then list them under a table."""

    def __init__(self, sources: pd.DataFrame) -> None:
        self.sources = sources.set_index("source_id")
        self.numbers: dict[str, int] = {}

    def refer(self, source_ids: Iterable[str]) -> str:
        """The numbers of ``source_ids``, numbering new ones, as ``"1, 2"``."""
        for source_id in source_ids:
            self.numbers.setdefault(source_id, len(self.numbers) + 1)
        return ", ".join(str(self.numbers[s]) for s in dict.fromkeys(source_ids))

    def listing(self) -> str:
        """The numbered sources: publisher (wire), publication date, source id and url."""
        lines = ["Sources"]
        for source_id, number in self.numbers.items():
            source = self.sources.loc[source_id]
            wire = "" if _missing(source["wire"]) else f" ({source['wire']})"
            published = "" if _missing(source["published"]) else f", {source['published']:%Y-%m-%d}"
            lines.append(f"{number:>4}  {source['publisher']}{wire}{published}: {source_id}")
            lines.append(f"      {source['url']}")
        return "\n".join(lines)


def _cells(point: Mapping[Any, Any], notes: Footnotes, show_metric: bool) -> dict[str, str]:
    """The cells of one row of a series or a comparison."""
    flags = [
        name
        for name, column in (("decrease", "decrease"), ("conflict", "conflict"), ("new baseline", "baseline_change"))
        if point.get(column, False)
    ]
    cells = {"as of": as_written(point["period_end"], point["period_end_precision"])}
    if show_metric:
        cells["metric"] = point["metric"]
    cells["value"] = qualified(point["value"], point["qualifier"], point["unit"])
    cells["interval"] = span(point["value_low"], point["value_high"])
    if "increment_low" in point:
        cells["increment"] = span(point["increment_low"], point["increment_high"], signed=True)
    cells["baseline"] = "" if _missing(point["baseline"]) else str(point["baseline"])
    cells["flags"] = ", ".join(flags)
    cells["corroborated"] = str(point["corroborated_by"])
    cells["sources"] = notes.refer(point["source_ids"])
    return cells


_NUMBERS = ("value", "interval", "increment", "corroborated")
PERIOD_TEXT = ("figures", "method")
"""The columns of per-period totals that are shortened to fit the terminal."""
_TEXT = ("baseline", "flags", "metric", "in")
"""The columns of a series or a comparison that are shortened to fit the terminal."""


def series_text(
    points: pd.DataFrame, sources: pd.DataFrame, heading: str, *, show_metric: bool, width: int | None = None
) -> str:
    """A series (:func:`scamstats.questions.series.series`) as a table under ``heading``, its sources listed below."""
    if points.empty:
        return f"{heading}: no figures"
    notes = Footnotes(sources)
    rows = [_cells(point, notes, show_metric) for point in points.to_dict("records")]
    text = table(rows, right=_NUMBERS, width=width, shrink=_TEXT)
    return f"{heading}, {len(rows)} dates\n{text}\n\n{notes.listing()}"


def compare_text(
    side: pd.DataFrame,
    sources: pd.DataFrame,
    heading: str,
    *,
    show_metric: bool,
    missing: Sequence[str],
    by: str = "country",
    width: int | None = None,
) -> str:
    """A comparison (:func:`~scamstats.questions.compare.compare`) as a table; ``missing``: countries without a row."""
    notes = Footnotes(sources)
    rows = []
    for row in side.to_dict("records"):
        group = (
            {"country": row["country"]} if by == "country" else {by.replace("_", " "): row[by], "in": row["country"]}
        )
        cells = _cells(row, notes, show_metric)
        cells["age (days)"] = str(row["age_days"])
        if row["stale"]:
            cells["flags"] = ", ".join(filter(None, [cells["flags"], "stale"]))
        rows.append(group | cells)
    parts = [heading, table(rows, right=(*_NUMBERS, "age (days)"), width=width, shrink=_TEXT) or "no figures"]
    if missing:
        parts.append(f"no total by then: {', '.join(missing)}")
    if rows:
        parts.append(f"\n{notes.listing()}")
    return "\n".join(parts)


def _total_cells(row: Mapping[Any, Any]) -> dict[str, str]:
    """The cells a per-period total shows: its interval, how it is known, and the figures used."""
    return {
        "total": span(row["low"], row["high"]),
        "method": row["method"] + (" (lower bound)" if row["method"] == "operations" else ""),
        "figures": " ".join(row["figure_ids"]),
    }


def period_compare_text(side: pd.DataFrame, heading: str, *, width: int | None = None) -> str:
    """A comparison of one period's totals (:func:`scamstats.questions.compare.compare` with ``period``) as a table."""
    if side.empty:
        return f"{heading}\nno figures"
    by_nationality = not side["nationality"].isna().all()
    rows = [
        {
            "country": row["country"],
            **({"nationality": row["nationality"]} if by_nationality else {}),
            "metric": row["metric"],
            **_total_cells(row),
        }
        for row in side.to_dict("records")
    ]
    return f"{heading}\n{table(rows, right=['total'], width=width, shrink=PERIOD_TEXT)}"


def totals_text(found: pd.DataFrame, heading: str, *, width: int | None = None) -> str:
    """Per-period totals (:func:`scamstats.questions.totals.totals`) as a table under ``heading``."""
    if found.empty:
        return f"{heading}: no period has evidence"
    rows = [{"period": row["period"], **_total_cells(row)} for row in found.to_dict("records")]
    return f"{heading}\n{table(rows, right=['total'], width=width, shrink=PERIOD_TEXT)}"


def query_text(found: pd.DataFrame, sources: pd.DataFrame, *, width: int | None = None) -> str:
    """Figures found by :func:`scamstats.questions.query.query` as a table, their sources listed below."""
    if found.empty:
        return "no figures match"
    notes = Footnotes(sources)
    rows = [
        {
            "figure": row["figure_id"],
            "as of": as_written(row["period_end"], row["period_end_precision"]),
            "country": row["country"],
            "metric": row["metric"],
            "extent": row["extent"],
            "value": qualified(row["value"], row["qualifier"], row["unit"]),
            "whose": "" if _missing(row["nationality"]) else str(row["nationality"]),
            "place": "" if _missing(row["place"]) else str(row["place"]),
            "source": notes.refer([row["source_id"]]),
        }
        for row in found.to_dict("records")
    ]
    text = table(rows, right=("value", "source"), width=width, shrink=("place", "metric", "extent"))
    return f"{len(rows)} figures\n{text}\n\n{notes.listing()}"


def conflicts_text(found: pd.DataFrame) -> str:
    """Conflicts (:func:`scamstats.questions.conflicts.conflicts`): each group, then its figures side by side."""
    if found.empty:
        return "no conflicts: every group of figures that should agree does"
    parts = [f"{found['conflict'].nunique()} groups of figures that should agree and do not"]
    for number, group in found.groupby("conflict", sort=True):
        first = group.iloc[0]
        about = [
            f"{first['country']} {first['metric']}",
            f"as of {as_written(first['period_end'], first['period_end_precision'])}",
        ]
        if not _missing(first["period_start"]):
            about.append(f"counted from {as_written(first['period_start'], first['period_start_precision'])}")
        about += [f"{c}: {first[c]}" for c in ("place", "nationality", "scope") if not _missing(first[c])]
        parts.append(f"\n{number}. {', '.join(about)}\n   {first['reason']}")
        for figure in group.to_dict("records"):
            wire = "" if _missing(figure["wire"]) else f" ({figure['wire']})"
            parts.append(
                f"   side {figure['side']}: {qualified(figure['value'], figure['qualifier'])}  "
                f"{figure['publisher']}{wire}  {figure['source_id']}\n           {figure['url']}"
                f"\n           note: {figure['note']}"
            )
    return "\n".join(parts)


def _plain(value: Any) -> Any:
    """A cell as plain JSON data."""
    if isinstance(value, tuple | list):
        return list(value)
    if _missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):
        return value.item()
    return value


def machine(frame: pd.DataFrame, form: str) -> str:
    """``frame`` as CSV (dates ``YYYY-MM-DD``, lists space-separated) or as a JSON list of records."""
    if form == "json":
        records = [{column: _plain(value) for column, value in row.items()} for row in frame.to_dict("records")]
        return json.dumps(records, indent=2, ensure_ascii=False)
    flat = frame.copy()
    for column in flat.columns:
        if flat[column].map(lambda v: isinstance(v, tuple | list)).any():
            flat[column] = flat[column].map(lambda v: " ".join(v) if isinstance(v, tuple | list) else v)
    out = io.StringIO()
    flat.to_csv(out, index=False, lineterminator="\n", date_format="%Y-%m-%d")
    return out.getvalue().rstrip("\n")
