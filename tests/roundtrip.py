"""Compare a release with the record files it was built from, field by field.

Reads the records with plain ``yaml.safe_load``, independently of the
package's own reader, so that the comparison does not share its mistakes.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from scamstats.dataset import Dataset

KEY = ("source_id", "country", "place", "scope", "metric", "nationality", "period_start", "period_end")


def as_written(value: Any) -> str:
    """A YAML value as text the way a contributor wrote it."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def released(row: pd.Series, column: str) -> str:
    """A released cell as text, dates at their recorded precision."""
    value = row[column]
    if pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp):
        precision = row.get(f"{column}_precision", "day")
        return value.strftime({"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[precision])
    return str(value)


def mismatches(path: Path, written: dict[str, Any], row: pd.Series) -> list[str]:
    """Fields of one record entry whose released value differs from what was written."""
    return [
        f"{path}: {name}: {as_written(value)!r} != {released(row, name)!r}"
        for name, value in written.items()
        if released(row, name) != as_written(value)
    ]


def differences(root: Path, ds: Dataset) -> list[str]:
    """Every record field that does not reach the release unchanged (empty when all do)."""
    problems: list[str] = []
    sources = {row["source_id"]: row for _, row in ds.sources.iterrows()}
    figures: dict[tuple[str, ...], pd.Series] = {}
    for _, row in ds.figures.iterrows():
        figures[tuple(released(row, c) for c in KEY)] = row
    events = {row["event_id"]: row for _, row in ds.events.iterrows()}
    seen_figures = 0
    for path in sorted((root / "records").rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        source_id = path.stem
        row = sources.get(source_id)
        if row is None:
            problems.append(f"{path}: source missing from the release")
            continue
        problems += mismatches(path, doc["source"], row)
        for figure in doc.get("figures") or []:
            seen_figures += 1
            key = tuple(as_written(figure.get(c)) if c != "source_id" else source_id for c in KEY)
            found = figures.get(key)
            if found is None:
                problems.append(f"{path}: figure {key} missing from the release")
                continue
            problems += mismatches(path, figure, found)
        for event in doc.get("events") or []:
            found = events.get(event["event_id"])
            if found is None or found["source_id"] != source_id:
                problems.append(f"{path}: event {event['event_id']} missing from the release")
                continue
            problems += mismatches(path, event, found)
    if seen_figures != len(ds.figures):
        problems.append(f"{seen_figures} figures in the records, {len(ds.figures)} in the release")
    return problems
