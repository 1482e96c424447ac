"""Small hand-made datasets built straight from rows, for the tests of the comparison API.

Only the columns a test cares about need to be given; the rest get plain
defaults. Sources named by figures but not given are made up (publisher =
source id, no wire). The metrics table and the package metadata come from
the bundled release.
"""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd

import scamstats
from scamstats.dataset import Dataset
from scamstats.dates import last_day, parse_partial_date
from scamstats.intervals import interval

BUNDLED = scamstats.load()

FIGURE_DEFAULTS: dict[str, Any] = {
    "country": "KHM",
    "place": None,
    "reported_by": "KHM",
    "attributed_to": None,
    "metric": "arrested",
    "extent": "total",
    "unit": "persons",
    "qualifier": "exact",
    "period_start": None,
    "campaign": None,
    "scope": None,
    "nationality": None,
    "destination": None,
    "note": "A test figure.",
}


def _partial(text: str | None, *, end: bool = False) -> tuple[Any, Any]:
    """A date as written → its stored day (the period's first, or its last when ``end``) and precision."""
    if text is None:
        return pd.NaT, None
    first, precision = parse_partial_date(text)
    return pd.Timestamp(last_day(first, precision) if end else first), precision


def figure_rows(figures: list[dict[str, Any]]) -> pd.DataFrame:
    rows = []
    for number, given in enumerate(figures, start=1):
        row = FIGURE_DEFAULTS | given
        row.setdefault("figure_id", f"f{number:012x}")
        row["period_start"], row["period_start_precision"] = _partial(row["period_start"])
        row["period_end"], row["period_end_precision"] = _partial(row["period_end"], end=True)
        row["value_low"], row["value_high"] = interval(int(row["value"]), row["qualifier"])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(BUNDLED.figures.columns))
    return frame.astype(BUNDLED.figures.dtypes.to_dict())


def source_rows(figures: pd.DataFrame, sources: list[dict[str, Any]]) -> pd.DataFrame:
    given = {s["source_id"]: s for s in sources}
    rows = []
    for source_id in dict.fromkeys([*figures["source_id"], *given]):
        published = figures.loc[figures["source_id"] == source_id, "period_end"].max()
        row = {
            "source_id": source_id,
            "title": f"Story {source_id}",
            "publisher": source_id,
            "url": f"https://example.org/{source_id}",
            "published": published if not pd.isna(published) else pd.Timestamp("2025-01-01"),
            "accessed": pd.Timestamp("2026-01-31"),
            "language": "en",
            "kind": "news",
            "wire": None,
            "note": None,
        } | given.get(source_id, {})
        row["published"] = pd.Timestamp(row["published"]) if row["published"] is not None else pd.NaT
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(BUNDLED.sources.columns))
    return frame.astype(BUNDLED.sources.dtypes.to_dict())


def event_rows(events: list[dict[str, Any]]) -> pd.DataFrame:
    rows = []
    for given in events:
        row = {"kind": "campaign", "title": f"Event {given['event_id']}", "source_id": "s-event"} | given
        row["date"], row["date_precision"] = _partial(row["date"])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(BUNDLED.events.columns))
    return frame.astype(BUNDLED.events.dtypes.to_dict())


def dataset(
    figures: list[dict[str, Any]],
    sources: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    package: dict[str, Any] | None = None,
) -> Dataset:
    """A :class:`Dataset` holding exactly these figures, sources and events."""
    figure_table = figure_rows(figures)
    meta = copy.deepcopy(BUNDLED.package) | (package or {})
    return Dataset(
        version=str(meta["version"]),
        figures=figure_table,
        sources=source_rows(figure_table, sources or []),
        events=event_rows(events or []),
        metrics=BUNDLED.metrics,
        package=meta,
    )
