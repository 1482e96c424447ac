"""How figures about the same thing agree: independent stories, one representative, conflicts.

A reprint is not a second witness. Two sources tell the same *story* when
they carry the same wire agency's report (``wire``), or when one is the
agency itself; otherwise each publisher is a story of its own:

>>> story("Cebu Daily News", "AP") == story("Manila Bulletin", "ap") == story("AP", None)
True
>>> story("Khmer Times", None) == story("Phnom Penh Post", None)
False

:func:`collapse` turns each group of figures (one as-of date of a series, one
country of a comparison) into one row: a representative figure chosen by a
fixed rule, whether the group contradicts itself, how many independent
stories besides the representative's report its value, and every source.
"""

from __future__ import annotations

import math

import pandas as pd

from .intervals import QUALIFIERS, compatible

GROUP_COLUMNS = ("conflict", "corroborated_by", "source_ids")
"""Columns :func:`collapse` adds to the representative figures."""


def story(publisher: str, wire: str | None) -> str:
    """Which story a source carries: its wire agency when it reprints one, else its publisher."""
    named = wire if isinstance(wire, str) and wire.strip() else publisher
    return " ".join(str(named).split()).casefold()


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


def ranked(group: pd.DataFrame) -> pd.DataFrame:
    """The figures of one group, best representative first.

    The rule, in order: the value reported by the most independent stories;
    the narrowest interval; the plainer qualifier (exact, about, at_least...);
    the earlier publication; then ``figure_id``, so the choice never depends
    on row order.
    """
    told = stories(group)
    support = group["value"].map(lambda value: told[group["value"] == value].nunique())
    width = [math.inf if high is None else high - low for low, high in bounds(group)]
    order = pd.DataFrame(
        {
            "support": -support.astype(int),
            "width": width,
            "qualifier": group["qualifier"].map(QUALIFIERS.index),
            "published": group["published"],
            "figure_id": group["figure_id"],
        },
        index=group.index,
    ).sort_values(["support", "width", "qualifier", "published", "figure_id"], na_position="last", kind="mergesort")
    return group.loc[order.index]


def collapse(figures: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """One row per group of ``figures`` (joined with their sources) sharing the columns ``by``.

    Each row is the group's representative figure (see :func:`ranked`) plus:

    ``conflict``
        the group's intervals have no value in common;
    ``corroborated_by``
        independent stories other than the representative's reporting the
        same value (0 when nobody else does; reprints of one wire count once);
    ``source_ids``
        every source in the group, the representative's first.

    Groups come out sorted by ``by``.
    """
    chosen: list[int] = []
    extra: list[tuple[bool, int, tuple[str, ...]]] = []
    for _, group in figures.groupby(by, sort=True, dropna=False):
        order = ranked(group)
        first = order.iloc[0]
        told = stories(order)
        same_value = order["value"] == first["value"]
        conflict = not compatible(bounds(order))
        extra.append((conflict, told[same_value].nunique() - 1, tuple(dict.fromkeys(order["source_id"]))))
        chosen.append(order.index[0])
    result = figures.loc[chosen].reset_index(drop=True)
    result["conflict"] = pd.Series([e[0] for e in extra], dtype=bool)
    result["corroborated_by"] = pd.Series([e[1] for e in extra], dtype="int64")
    result["source_ids"] = pd.Series([e[2] for e in extra], dtype=object)
    return result
