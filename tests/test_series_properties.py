"""Property: every point of a series is drawn from the figures it summarises, and its flags follow the rules."""

from __future__ import annotations

from typing import Any

import pandas as pd
from frames import dataset
from hypothesis import given, settings
from hypothesis import strategies as st

from scamstats.intervals import QUALIFIERS, compatible
from scamstats.questions.corroboration import bounds

DATES = ["2025-07-01", "2025-07-18", "2025-08", "2025-10-15", "2025-12-18", "2026-01-25"]


@st.composite
def figures(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(min_value=1, max_value=12))
    rows = []
    for number in range(count):
        rows.append(
            {
                "source_id": f"s{draw(st.integers(min_value=0, max_value=4))}",
                "metric": draw(st.sampled_from(["arrested", "detained"])),
                "value": draw(st.integers(min_value=0, max_value=50_000)),
                "qualifier": draw(st.sampled_from(QUALIFIERS)),
                "period_start": draw(st.sampled_from([None, "2025-06-27", "2025-07"])),
                "period_end": draw(st.sampled_from(DATES)),
                "nationality": draw(st.sampled_from([None, None, "VNM"])),
                "figure_id": f"f{number:012x}",
            }
        )
    return rows


@settings(max_examples=60, deadline=None)
@given(rows=figures(), metrics=st.sampled_from([["arrested"], ["arrested", "detained"]]))
def test_series_values_are_drawn_from_the_figures_they_summarise(
    rows: list[dict[str, Any]], metrics: list[str]
) -> None:
    ds = dataset(rows)
    candidates = ds.figures[ds.figures["metric"].isin(metrics) & ds.figures["nationality"].isna()]
    if candidates.empty:
        return
    series = ds.series("KHM", metrics)
    by_id = candidates.set_index("figure_id")
    assert series["period_end"].is_monotonic_increasing
    assert set(series["period_end"]) == set(candidates["period_end"])
    for point in series.itertuples():
        figure = by_id.loc[point.figure_id]
        assert (point.value, point.qualifier, point.metric) == (figure["value"], figure["qualifier"], figure["metric"])
        assert point.period_end == figure["period_end"]
        same_date = candidates[candidates["period_end"] == point.period_end]
        assert set(point.source_ids) <= set(same_date["source_id"])
        assert point.conflict == (not compatible(bounds(same_date)))
    check_increments(series)


def high_of(value: Any) -> int | None:
    return None if pd.isna(value) else int(value)


def check_increments(series: pd.DataFrame) -> None:
    """Each increment is the interval rule applied to the point and the one before; decrease follows from it."""
    rows = series.to_dict("records")
    for number, point in enumerate(rows):
        step = (high_of(point["increment_low"]), high_of(point["increment_high"]))
        if number == 0 or point["baseline_change"]:
            assert step == (None, None)
        else:
            before = rows[number - 1]
            previous = (int(before["value_low"]), high_of(before["value_high"]))
            current = (int(point["value_low"]), high_of(point["value_high"]))
            expected_low = None if previous[1] is None else current[0] - previous[1]
            expected_high = None if current[1] is None else current[1] - previous[0]
            assert step == (expected_low, expected_high)
        assert point["decrease"] == (step[1] is not None and step[1] < 0)
