"""Columns the build computes from what contributors wrote."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
from pandas.arrays import IntegerArray

from ..dates import last_days
from ..intervals import QUALIFIERS, bounds
from ..schema import NATURAL_KEY, TABLES


def key_dates(first: pd.Series, precision: pd.Series) -> list[str]:
    """Each stored partial date as the natural key spells it (``""`` when empty).

    A day is spelt with its time of day, month and year as written in records.
    Figure ids are hashes of this spelling, so it never changes.

    >>> days = pd.to_datetime(pd.Series(["2025-07-18", "2025-07-01", None, "2025-01-01"]))
    >>> key_dates(days, pd.Series(["day", "month", None, "year"]))
    ['2025-07-18T00:00:00', '2025-07', '', '2025']
    """
    days = np.datetime_as_string(first.to_numpy(dtype="datetime64[D]"), unit="D").tolist()
    spelt = {"day": lambda day: day + "T00:00:00", "month": lambda day: day[:7], "year": lambda day: day[:4]}
    return ["" if day == "NaT" else spelt[level](day) for day, level in zip(days, precision.fillna("day"), strict=True)]


def key_text(frame: pd.DataFrame) -> list[str]:
    """The natural key of each figure as one string."""
    parts = []
    for column in NATURAL_KEY:
        if column.startswith("period_"):
            parts.append(key_dates(frame[column], frame[column + "_precision"]))
        else:
            parts.append(frame[column].astype(object).fillna("").astype(str).tolist())
    return ["\x1f".join(key) for key in zip(*parts, strict=True)]


def figure_ids(frame: pd.DataFrame) -> list[str]:
    """``f`` + 12 hex digits of the SHA-256 of the natural key: stable across releases."""
    return ["f" + hashlib.sha256(key.encode()).hexdigest()[:12] for key in key_text(frame)]


def intervals(value: pd.Series, qualifier: pd.Series) -> tuple[IntegerArray, IntegerArray]:
    """``value_low`` and ``value_high`` for every figure, as :func:`~scamstats.intervals.interval` gives them.

    Missing where the value or the qualifier is missing or unknown (validation reports those).

    >>> low, high = intervals(pd.Series([3455, 30000]), pd.Series(["about", "more_than"]))
    >>> low.tolist(), high.tolist()
    ([3110, 30001], [3800, <NA>])
    """
    numbers = pd.to_numeric(value, errors="coerce").astype("Int64")
    values = numbers.to_numpy(dtype="int64", na_value=0)
    known = numbers.notna().to_numpy(dtype=bool) & qualifier.isin(QUALIFIERS).to_numpy(dtype=bool)
    low = np.zeros_like(values)
    high = np.zeros_like(values)
    unbounded = np.zeros(len(values), dtype=bool)
    for name in QUALIFIERS:
        rows = known & qualifier.eq(name).fillna(False).to_numpy(dtype=bool)
        lows, highs = bounds(values[rows], name)
        low[rows] = lows
        if highs is None:
            unbounded |= rows
        else:
            high[rows] = highs
    return IntegerArray(low, ~known), IntegerArray(high, ~known | unbounded)


def period_ends(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """``frame`` with each partial date that the schema stores as its period's last day moved to that day.

    Records give the first day of the period they name (``2023`` → 2023-01-01); a column whose schema
    metadata says ``partial_date: "last"`` is released as the last day (2023-12-31).
    """
    out = frame.copy()
    for name, column in TABLES[table].to_schema().columns.items():
        if (column.metadata or {}).get("partial_date") == "last":
            out[name] = last_days(out[name], out[name + "_precision"])
    return out


def derive_figures(figures: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    """Fill ``unit`` from the metric, add ``figure_id``, ``value_low`` and ``value_high``, and end each period.

    Figure ids are derived from the dates as written (see :func:`key_dates`), before ``period_end`` moves to
    the last day of its period, so a figure keeps its id.
    """
    out = figures.copy()
    units = dict(zip(metrics["metric"], metrics["unit"], strict=True))
    units = {metric: unit for metric, unit in units.items() if isinstance(unit, str) and unit != "currency"}
    out["unit"] = out["unit"].where(out["unit"].notna(), out["metric"].map(units))
    out["figure_id"] = pd.Series(figure_ids(out), index=out.index, dtype=object)
    out["value_low"], out["value_high"] = intervals(out["value"], out["qualifier"])
    return period_ends(out, "figures")
