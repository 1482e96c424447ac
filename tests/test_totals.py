"""totals(): per-period intervals from reported totals, counter differences at the bounds, or operations."""

from __future__ import annotations

import pandas as pd
import pytest
from frames import dataset

import scamstats
from scamstats.choices import ChoiceError
from scamstats.questions.totals import METHODS, TOTALS_COLUMNS


def by_period(table: pd.DataFrame) -> dict[str, tuple[int, int | None, str]]:
    return {
        row["period"]: (int(row["low"]), None if pd.isna(row["high"]) else int(row["high"]), row["method"])
        for row in table.to_dict("records")
    }


def test_a_reported_total_for_exactly_the_period_is_used_first() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 41000, "qualifier": "more_than", "period_start": "2023", "period_end": "2023"},
            {"source_id": "b", "value": 500, "period_end": "2023-06-01", "extent": "operation"},
        ]
    )
    table = ds.totals("KHM", "arrested")
    assert list(table.columns) == list(TOTALS_COLUMNS)
    assert by_period(table) == {"2023": (41001, None, "reported")}
    assert table["figure_ids"].iloc[0] == ("f000000000001",)
    assert table["period_start"].iloc[0] == pd.Timestamp("2023-01-01")
    assert table["period_end"].iloc[0] == pd.Timestamp("2023-12-31")


def test_a_count_from_a_start_inside_the_period_is_not_the_periods_total() -> None:
    ds = dataset([{"source_id": "a", "value": 5106, "period_start": "2025-06-27", "period_end": "2025-12-31"}])
    assert ds.totals("KHM", "arrested").empty  # no evidence for all of 2025: absent, never zero


def test_the_difference_of_one_counter_at_the_periods_bounds_is_an_interval() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 41000, "period_start": "2023-01-01", "period_end": "2023-12-31"},
            {
                "source_id": "b",
                "value": 53000,
                "qualifier": "about",
                "period_start": "2023-01-01",
                "period_end": "2024-12-31",
            },
            # another baseline's point at the bound is never subtracted
            {"source_id": "c", "value": 60000, "period_start": "2022-06-01", "period_end": "2025-12-31"},
        ]
    )
    table = ds.totals("KHM", "arrested")
    # 2023 is reported exactly (the counter starts on its first day and ends on its last)
    # 2024: about 53,000 is [47,700, 58,300]; minus exactly 41,000 at 2023-12-31
    assert by_period(table) == {"2023": (41000, 41000, "reported"), "2024": (6700, 17300, "difference")}
    assert table.set_index("period").loc["2024", "figure_ids"] == ("f000000000001", "f000000000002")


def test_a_difference_needs_the_value_as_of_the_day_before_the_period() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 40000, "period_start": "2023-01-01", "period_end": "2023-12-30"},
            {"source_id": "b", "value": 53000, "period_start": "2023-01-01", "period_end": "2024-12-31"},
        ]
    )
    assert ds.totals("KHM", "arrested").empty


def test_a_difference_whose_low_end_would_be_negative_is_raised_to_zero() -> None:
    ds = dataset(
        [
            {
                "source_id": "a",
                "value": 1000,
                "qualifier": "about",
                "period_start": "2024-03",
                "period_end": "2024-12-31",
            },
            {
                "source_id": "b",
                "value": 1000,
                "qualifier": "about",
                "period_start": "2024-03",
                "period_end": "2025-12-31",
            },
            # no baseline stated: nothing says these two count from the same start
            {"source_id": "c", "value": 10, "period_end": "2023-12-31"},
            {"source_id": "d", "value": 20, "period_end": "2022-12-31"},
        ]
    )
    # about 1,000 is [900, 1100]: the change is [900 - 1100, 1100 - 900]
    assert by_period(ds.totals("KHM", "arrested")) == {"2025": (0, 200, "difference")}


def test_operations_inside_a_period_sum_to_a_lower_bound_and_reprints_count_once() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 234, "period_end": "2025-07-15", "extent": "operation", "place": "Phnom Penh"},
            {"source_id": "b", "value": 234, "period_end": "2025-07-15", "extent": "operation", "place": "Phnom Penh"},
            {"source_id": "c", "value": 100, "qualifier": "about", "period_end": "2025-09", "extent": "operation"},
            {
                "source_id": "d",
                "value": 57,
                "period_start": "2025-12-30",
                "period_end": "2026-01-02",
                "extent": "operation",
            },  # spans two years: in neither
            {"source_id": "e", "value": 9, "period_end": "2025-08-01", "extent": "operation", "nationality": "VNM"},
            {"source_id": "f", "value": 80, "period_end": "2025-08-01", "extent": "part", "scope": "one desk"},
        ]
    )
    table = ds.totals("KHM", "arrested")
    assert by_period(table) == {"2025": (234 + 90, None, "operations")}
    assert set(table["figure_ids"].iloc[0]) <= {"f000000000001", "f000000000002", "f000000000003"}
    assert len(table["figure_ids"].iloc[0]) == 2
    months = by_period(ds.totals("KHM", "arrested", freq="month"))
    assert months == {"2025-07": (234, None, "operations"), "2025-09": (90, None, "operations")}
    assert by_period(ds.totals("KHM", "arrested", nationality="VNM")) == {"2025": (9, None, "operations")}


def test_methods_are_preferred_in_order_period_by_period() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 300, "period_start": "2024", "period_end": "2024"},
            {"source_id": "b", "value": 50, "period_end": "2024-03-01", "extent": "operation"},
            {"source_id": "c", "value": 70, "period_end": "2025-03-01", "extent": "operation"},
        ]
    )
    assert by_period(ds.totals("KHM", "arrested")) == {"2024": (300, 300, "reported"), "2025": (70, None, "operations")}
    assert set(ds.totals("KHM", "arrested")["method"]) <= set(METHODS)


def test_destination_selects_people_sent_to_one_country() -> None:
    ds = dataset(
        [
            {"source_id": "a", "metric": "handed_over", "value": 41000, "period_start": "2023", "period_end": "2023"},
            {
                "source_id": "b",
                "metric": "handed_over",
                "value": 1207,
                "period_end": "2023-09-06",
                "extent": "operation",
                "destination": "CHN",
            },
        ]
    )
    assert by_period(ds.totals("KHM", "handed_over")) == {"2023": (41000, 41000, "reported")}
    assert by_period(ds.totals("KHM", "handed_over", destination="CHN")) == {"2023": (1207, None, "operations")}


def test_bad_arguments_name_the_choices() -> None:
    ds = scamstats.load()
    with pytest.raises(ChoiceError, match="unknown freq 'week'"):
        ds.totals("KHM", "arrested", freq="week")  # type: ignore[arg-type]
    with pytest.raises(ChoiceError, match="give one metric"):
        ds.totals("KHM", ["arrested", "detained"])  # type: ignore[arg-type]


def test_bundled_totals_are_intervals_of_their_figures() -> None:
    ds = scamstats.load()
    figures = ds.figures.set_index("figure_id")
    for country, metric in (("KHM", "arrested"), ("MMR", "handed_over"), ("PHL", "deported")):
        table = ds.totals(country, metric)
        assert table["period"].is_unique
        for row in table.to_dict("records"):
            used = figures.loc[list(row["figure_ids"])]
            assert set(used["country"]) == {country} and set(used["metric"]) == {metric}
            if row["method"] == "operations":
                assert pd.isna(row["high"]) and set(used["extent"]) == {"operation"}
            if row["method"] == "reported":
                assert row["low"] == used["value_low"].iloc[0]


def test_an_operation_reported_twice_or_day_by_day_is_counted_once() -> None:
    ds = dataset(
        [
            # a three-day operation, and the same operation day by day from another source
            {
                "source_id": "a",
                "value": 352,
                "period_start": "2024-03-29",
                "period_end": "2024-03-31",
                "extent": "operation",
                "place": "Muse",
            },
            {"source_id": "b", "value": 300, "period_end": "2024-03-29", "extent": "operation"},
            {"source_id": "c", "value": 30, "period_end": "2024-03-30", "extent": "operation", "place": "Muse"},
            # one handover reported as 762 and as 763, a day apart
            {"source_id": "d", "value": 762, "period_end": "2024-11-19", "extent": "operation"},
            {"source_id": "e", "value": 763, "period_end": "2024-11-20", "extent": "operation", "place": "Tangyan"},
            # a raid somewhere else on the same day is another operation
            {"source_id": "f", "value": 100, "period_end": "2024-03-30", "extent": "operation", "place": "Lashio"},
        ]
    )
    table = ds.totals("KHM", "arrested")
    assert by_period(table) == {"2024": (352 + 763 + 100, None, "operations")}
    assert set(table["figure_ids"].iloc[0]) == {"f000000000001", "f000000000005", "f000000000006"}


def test_a_difference_that_says_nothing_leaves_the_period_to_the_operations() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 41000, "qualifier": "more_than", "period_start": "2023", "period_end": "2023"},
            {
                "source_id": "b",
                "value": 53000,
                "qualifier": "more_than",
                "period_start": "2023",
                "period_end": "2024-12-31",
            },
            {"source_id": "c", "value": 497, "period_end": "2024-02-21", "extent": "operation"},
        ]
    )
    # more than 53,000 minus more than 41,000 could be anything from nothing up: the 497 handed over says more
    assert by_period(ds.totals("KHM", "arrested"))["2024"] == (497, None, "operations")
