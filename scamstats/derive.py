"""Columns the build computes from what contributors wrote."""

from __future__ import annotations

import hashlib

import pandas as pd

from .dates import format_partial_date
from .intervals import interval
from .schema import NATURAL_KEY


def key_text(frame: pd.DataFrame) -> pd.Series:
    """The natural key of each figure as one string (dates as written in the record)."""
    parts = []
    for column in NATURAL_KEY:
        if column.startswith("period_"):
            written = [
                "" if pd.isna(day) else format_partial_date(day, precision)
                for day, precision in zip(frame[column], frame[column + "_precision"], strict=True)
            ]
            parts.append(pd.Series(written, index=frame.index, dtype=object))
        else:
            parts.append(frame[column].astype(object).where(frame[column].notna(), ""))
    joined = parts[0].astype(str)
    for part in parts[1:]:
        joined = joined + "\x1f" + part.astype(str)
    return joined


def figure_ids(frame: pd.DataFrame) -> pd.Series:
    """``f`` + 12 hex digits of the SHA-256 of the natural key: stable across releases."""
    return key_text(frame).map(lambda key: "f" + hashlib.sha256(key.encode()).hexdigest()[:12])


def derive_figures(figures: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    """Fill ``unit`` from the metric, and add ``figure_id``, ``value_low`` and ``value_high``."""
    out = figures.copy()
    units = dict(zip(metrics["metric"], metrics["unit"], strict=True))
    default = out["metric"].map(lambda m: units.get(m) if units.get(m) != "currency" else None)
    out["unit"] = out["unit"].where(out["unit"].notna(), default)
    out["figure_id"] = figure_ids(out) if len(out) else pd.Series(dtype=object)
    lows, highs = [], []
    for value, qualifier in zip(out["value"], out["qualifier"], strict=True):
        try:
            low, high = interval(int(value), qualifier)
        except (TypeError, ValueError):
            low, high = None, None
        lows.append(low)
        highs.append(high)
    out["value_low"] = pd.array(lows, dtype="Int64")
    out["value_high"] = pd.array(highs, dtype="Int64")
    return out
