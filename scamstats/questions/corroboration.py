"""How figures about the same thing agree: independent stories, one representative, conflicts.

A reprint is not a second witness. Two sources tell the same *story* when
they carry the same wire agency's report (``wire``), or when one is the
agency itself; otherwise each publisher is a story of its own:

>>> story("Cebu Daily News", "AP") == story("Manila Bulletin", "ap") == story("AP", None)
True
>>> story("Khmer Times", None) == story("Phnom Penh Post", None)
False
>>> story("People's Daily Online", None) == story("Sina News", "People's Daily")
True

:func:`collapse` turns each group of figures (one as-of date of a series, one
country of a comparison) into one row: a representative figure chosen by a
fixed rule, whether the group contradicts itself, how many independent
stories besides the representative's report its value with the same
qualifier, and every source.
"""

from __future__ import annotations

import math

import pandas as pd

from ..intervals import QUALIFIERS
from ..wires import same_outlet
from .ids import Ids

GROUP_COLUMNS = ("conflict", "corroborated_by", "source_ids")
"""Columns :func:`collapse` adds to the representative figures."""


def story(publisher: str, wire: str | None) -> str:
    """Which story a source carries: its wire agency when it reprints one, else its publisher.

    Names of one newsroom (``datasets/wires.yaml``: "CCTV" and "CCTV News",
    "People's Daily" and "People's Daily Online") are one story.
    """
    named = wire if isinstance(wire, str) and wire.strip() else publisher
    return same_outlet(str(named))


def stories(figures: pd.DataFrame) -> pd.Series:
    """:func:`story` for each figure joined with its source's ``publisher`` and ``wire``."""
    return pd.Series(
        [story(p, w if not pd.isna(w) else None) for p, w in zip(figures["publisher"], figures["wire"], strict=True)],
        index=figures.index,
        dtype=object,
    )


def bounds(figures: pd.DataFrame) -> list[tuple[int, int | None]]:
    """Each figure's ``(value_low, value_high)`` with ``None`` for an unbounded side."""
    return [
        (int(low), None if pd.isna(high) else int(high))
        for low, high in zip(figures["value_low"], figures["value_high"], strict=True)
    ]


def ranked(figures: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """The figures in group order (groups sharing ``by``), best representative first in each.

    The rule, in order: the statement (value *and* qualifier: "3,455" and
    "more than 3,455" are two statements) reported by the most independent stories;
    the narrowest interval; the plainer qualifier (exact, about, at_least...);
    the earlier publication; then ``figure_id``, so the choice never depends
    on row order. Returns the sort keys, indexed like ``figures``, with the
    group number in ``group`` and the value's support in ``support``.
    """
    group = figures.groupby(by, sort=True, dropna=False).ngroup()
    told = stories(figures)
    statement = {"group": group, "value": figures["value"], "qualifier": figures["qualifier"], "story": told}
    support = (
        pd.DataFrame(statement).groupby(["group", "value", "qualifier"], dropna=False)["story"].transform("nunique")
    )
    width = (figures["value_high"] - figures["value_low"]).astype("float64").fillna(math.inf)
    order = pd.DataFrame(
        {
            "group": group,
            "support": -support.astype("int64"),
            "width": width,
            "qualifier": figures["qualifier"].map(QUALIFIERS.index),
            "published": figures["published"],
            "figure_id": figures["figure_id"],
        },
        index=figures.index,
    )
    keys = ["group", "support", "width", "qualifier", "published", "figure_id"]
    return order.sort_values(keys, na_position="last", kind="mergesort")


def collapse(figures: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """One row per group of ``figures`` (joined with their sources) sharing the columns ``by``.

    Each row is the group's representative figure (see :func:`ranked`) plus:

    ``conflict``
        the group's intervals have no value in common;
    ``corroborated_by``
        independent stories other than the representative's reporting the
        same value with the same qualifier (0 when nobody else does; reprints
        of one wire count once); "about 3,455" does not corroborate "3,455";
    ``source_ids``
        every source in the group, the representative's first.

    Groups come out sorted by ``by``. The work is done column by column, not
    group by group, so that long series stay fast.
    """
    if figures.empty:
        result = figures.iloc[0:0].copy()
        result["conflict"] = pd.Series(dtype=bool)
        result["corroborated_by"] = pd.Series(dtype="int64")
        result["source_ids"] = pd.Series(dtype=object)
        return result.reset_index(drop=True)
    order = ranked(figures, by)
    first = order.drop_duplicates("group", keep="first")
    highest_low = figures["value_low"].groupby(order["group"]).max()
    lowest_high = figures["value_high"].groupby(order["group"]).min()
    conflict = lowest_high.notna() & (highest_low > lowest_high)
    sources: dict[int, dict[str, None]] = {}
    for number, source_id in zip(order["group"], figures["source_id"].loc[order.index], strict=True):
        sources.setdefault(number, {})[source_id] = None
    result = figures.loc[first.index].reset_index(drop=True)
    result["conflict"] = conflict.sort_index().to_numpy(dtype=bool)
    result["corroborated_by"] = (-first["support"] - 1).to_numpy(dtype="int64")
    result["source_ids"] = pd.Series([Ids(ids) for ids in sources.values()], dtype=object)
    return result
