"""Figures that should agree and do not.

Figures *should agree* when they count the same thing over the same period:
the same country, place, scope, metric, nationality, ``period_start`` and
``period_end`` (each at the same precision), from different sources. They
*do not* when their intervals have no value in common ("about 3,455" and
"3,455" agree; "3,455" and "4,983" do not). The dataset keeps both
statements; this module only points at them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..intervals import QUALIFIERS, compatible
from .corroboration import bounds
from .query import with_sources

if TYPE_CHECKING:
    from ..dataset import Dataset

SAME_THING = (
    "country",
    "place",
    "scope",
    "metric",
    "extent",
    "destination",
    "nationality",
    "period_start",
    "period_start_precision",
    "period_end",
    "period_end_precision",
)
"""Columns that figures reporting the same thing share."""

CONFLICT_COLUMNS = (
    "conflict",
    "side",
    "reason",
    *SAME_THING,
    "value",
    "qualifier",
    "value_low",
    "value_high",
    "figure_id",
    "source_id",
    "publisher",
    "wire",
    "url",
    "note",
)
"""The columns :func:`conflicts` returns, in order."""


def conflicts(ds: Dataset) -> pd.DataFrame:
    """Every group of figures that should agree and do not, one row per figure.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CONFLICT_COLUMNS`: ``conflict`` numbers the groups from
        1 (ordered by country, metric and as-of date); ``side`` numbers the
        distinct statements (value and qualifier) within a group from 1,
        smallest value first and the plainer qualifier first (exact, about,
        at_least...), so the sources saying the same thing share a ``side``
        and every group has at least two; ``reason`` says in words why the
        group is a conflict (which intervals do not overlap); then the columns
        that define the group, the figure's value and interval, its source and
        its ``note``. Empty when nothing disagrees.

    Examples
    --------
    >>> import scamstats
    >>> found = scamstats.load().conflicts()
    >>> bool(found.groupby("conflict")["side"].nunique().ge(2).all())
    True
    """
    figures = with_sources(ds, ds.figures)
    disagreeing = [
        group
        for _, group in figures.groupby(list(SAME_THING), dropna=False, sort=False)
        if len(group) > 1 and not compatible(bounds(group))
    ]
    if not disagreeing:  # the columns keep the types they have when something disagrees
        empty = figures.iloc[0:0].assign(
            conflict=pd.Series(dtype="int64"), side=pd.Series(dtype="int64"), reason=pd.Series(dtype="string")
        )
        return empty[list(CONFLICT_COLUMNS)].reset_index(drop=True)
    disagreeing.sort(key=lambda g: (g["country"].iloc[0], g["metric"].iloc[0], g["period_end"].iloc[0]))
    parts = []
    for number, group in enumerate(disagreeing, start=1):
        plainness = group["qualifier"].map(QUALIFIERS.index)
        ordered = group.assign(_plain=plainness).sort_values(["value", "_plain", "source_id"], kind="mergesort")
        side = ordered.groupby(["value", "qualifier"], sort=False).ngroup() + 1
        parts.append(ordered.drop(columns="_plain").assign(conflict=number, side=side.astype("int64")))
        parts[-1]["reason"] = pd.Series(reason(ordered), index=parts[-1].index, dtype="string")
    return pd.concat(parts, ignore_index=True)[list(CONFLICT_COLUMNS)]


def reason(group: pd.DataFrame) -> str:
    """Why a group of figures is a conflict, in words: what they share and which intervals do not meet.

    >>> import pandas as pd
    >>> group = pd.DataFrame({"value_low": [3455, 4983], "value_high": [3455, 4983], "source_id": ["a", "b"]})
    >>> reason(group)
    '2 sources count the same thing over the same period, and no value fits all: a says 3,455; b says 4,983'
    """
    sides = []
    for source_id, (low, high) in zip(group["source_id"], bounds(group), strict=True):
        said = f"{low:,}" if low == high else f"{low:,} or more" if high is None else f"{low:,} to {high:,}"
        sides.append(f"{source_id} says {said}")
    return (
        f"{group['source_id'].nunique()} sources count the same thing over the same period, and no value fits all: "
        + "; ".join(sides)
    )
