"""compare(): each country's latest total as of a date, never a later one; per-period totals side by side."""

from __future__ import annotations

import pandas as pd
import pytest
from frames import dataset

import scamstats
from scamstats.choices import ChoiceError
from scamstats.questions.compare import COMPARE_COLUMNS

FIGURES = [
    {"source_id": "k1", "country": "KHM", "metric": "deported", "value": 100, "period_end": "2025-07-18"},
    {"source_id": "k2", "country": "KHM", "metric": "deported", "value": 200, "period_end": "2025-10-14"},
    {"source_id": "k3", "country": "KHM", "metric": "deported", "value": 300, "period_end": "2025-12-18"},
    {"source_id": "m1", "country": "MMR", "metric": "deported", "value": 9000, "period_end": "2025-10"},
    {
        "source_id": "m2",
        "country": "MMR",
        "metric": "deported",
        "value": 50,
        "period_end": "2025-12-01",
        "place": "Myawaddy",
    },
    {
        "source_id": "m3",
        "country": "MMR",
        "metric": "deported",
        "value": 70,
        "period_end": "2025-12-02",
        "nationality": "CHN",
    },
    {
        "source_id": "m4",
        "country": "MMR",
        "metric": "deported",
        "value": 80,
        "period_end": "2025-12-03",
        "scope": "one agency",
    },
    {"source_id": "p1", "country": "PHL", "metric": "deported", "value": 108, "period_end": "2025-11-01"},
    {"source_id": "k4", "country": "KHM", "metric": "arrested", "value": 5106, "period_end": "2025-12-31"},
]


def values(table: pd.DataFrame) -> dict[str, int]:
    return dict(zip(table["country"], table["value"], strict=True))


def test_latest_figure_per_country_as_of_the_date() -> None:
    table = dataset(FIGURES).compare("deported", at="2025-10-31")
    assert list(table.columns) == list(COMPARE_COLUMNS)
    assert values(table) == {"KHM": 200, "MMR": 9000}


def test_a_figure_as_of_a_later_day_is_never_used() -> None:
    ds = dataset(FIGURES)
    assert values(ds.compare("deported", at="2025-10-13"))["KHM"] == 100
    assert values(ds.compare("deported", at="2025-10-14"))["KHM"] == 200  # the as-of day itself counts
    assert "KHM" not in values(ds.compare("deported", at="2025-07-17"))


def test_a_month_figure_is_as_of_the_months_last_day() -> None:
    ds = dataset(FIGURES)
    assert "MMR" not in values(ds.compare("deported", at="2025-10-30"))
    assert values(ds.compare("deported", at="2025-10"))["MMR"] == 9000
    row = ds.compare("deported", at="2025-10").set_index("country").loc["MMR"]
    assert row["period_end_precision"] == "month"


def test_only_whole_country_totals_are_compared() -> None:
    table = dataset(FIGURES).compare("deported", at="2025-12-31")
    assert values(table) == {"KHM": 300, "MMR": 9000, "PHL": 108}


def test_countries_argument_limits_the_comparison_and_keeps_as_of_dates_and_sources() -> None:
    table = dataset(FIGURES).compare("deported", countries=["phl", "KHM"])
    assert table["country"].tolist() == ["KHM", "PHL"]
    assert table["period_end"].dt.strftime("%Y-%m-%d").tolist() == ["2025-12-18", "2025-11-01"]
    assert table["source_id"].tolist() == ["k3", "p1"]
    assert table["url"].tolist() == ["https://example.org/k3", "https://example.org/p1"]


def test_figures_sharing_the_latest_date_are_checked_for_conflict() -> None:
    figures = [
        *FIGURES,
        {"source_id": "k5", "country": "KHM", "metric": "deported", "value": 350, "period_end": "2025-12-18"},
    ]
    row = dataset(figures).compare("deported").set_index("country").loc["KHM"]
    assert row["conflict"]
    assert set(row["source_ids"]) == {"k3", "k5"}


def test_bad_arguments_name_the_valid_choices() -> None:
    ds = dataset(FIGURES)
    with pytest.raises(ChoiceError, match="unknown country 'SGP'; choose from KHM, MMR, PHL"):
        ds.compare("deported", countries=["SGP"])
    with pytest.raises(ChoiceError, match=r"at: '2025-13-45' is not a date .* YYYY-MM-DD"):
        ds.compare("deported", at="2025-13-45")
    with pytest.raises(ChoiceError, match="unknown metric 'deport'"):
        ds.compare("deport")


def test_bundled_comparison_never_uses_a_later_figure() -> None:
    table = scamstats.load().compare("deported", at="2025-06-30")
    assert not table.empty
    assert (table["period_end"] <= pd.Timestamp("2025-06-30")).all()


def test_operations_and_parts_are_never_set_beside_totals() -> None:
    figures = [
        *FIGURES,
        {"source_id": "p2", "country": "PHL", "metric": "deported", "value": 226, "period_end": "2025-10-01"},
        {
            "source_id": "p3",
            "country": "PHL",
            "metric": "deported",
            "value": 108,
            "period_end": "2025-12-20",
            "extent": "operation",
        },
        {
            "source_id": "p4",
            "country": "PHL",
            "metric": "deported",
            "value": 90,
            "period_end": "2025-12-21",
            "extent": "part",
            "scope": "one agency's desk",
        },
    ]
    table = dataset(figures).compare("deported", at="2025-12-31")
    # the flight of 2025-12-20 and the desk's tally are later, but they are not totals
    assert values(table)["PHL"] == 108
    assert table.set_index("country").loc["PHL", "source_id"] == "p1"


def test_several_metrics_give_one_row_per_country_and_metric() -> None:
    table = dataset(FIGURES).compare(["deported", "arrested"], at="2025-12-31")
    rows = {(r["country"], r["metric"]): r["value"] for r in table.to_dict("records")}
    assert rows == {
        ("KHM", "arrested"): 5106,
        ("KHM", "deported"): 300,
        ("MMR", "deported"): 9000,
        ("PHL", "deported"): 108,
    }


def test_age_and_stale_are_counted_from_the_comparison_date() -> None:
    ds = dataset(FIGURES)
    table = ds.compare("deported", at="2025-12-31").set_index("country")
    assert table.loc["KHM", "age_days"] == 13  # as of 2025-12-18
    assert table.loc["MMR", "age_days"] == 61  # as of 2025-10 = 2025-10-31
    assert not table["stale"].any()
    strict = ds.compare("deported", at="2025-12-31", max_age=30).set_index("country")
    assert strict["stale"].to_dict() == {"KHM": False, "MMR": True, "PHL": True}
    later = ds.compare("deported", at="2026-12-31").set_index("country")
    assert later["stale"].all() and later.loc["KHM", "age_days"] == 378


def test_by_nationality_compares_each_nationality_in_each_country() -> None:
    figures = [
        {"source_id": "i1", "metric": "repatriated", "value": 50, "nationality": "IDN", "period_end": "2025-03-01"},
        {"source_id": "i2", "metric": "repatriated", "value": 80, "nationality": "IDN", "period_end": "2025-06-01"},
        {"source_id": "v1", "metric": "repatriated", "value": 30, "nationality": "VNM", "period_end": "2025-05-01"},
        {
            "source_id": "v2",
            "metric": "repatriated",
            "value": 7,
            "nationality": "VNM",
            "period_end": "2025-06-02",
            "destination": "VNM",
        },
        {
            "source_id": "v3",
            "metric": "repatriated",
            "value": 5,
            "nationality": "VNM",
            "period_end": "2025-06-03",
            "destination": "THA",
        },
        {"source_id": "all", "metric": "repatriated", "value": 999, "period_end": "2025-06-30"},
    ]
    table = dataset(figures).compare("repatriated", at="2025-12-31", by="nationality")
    assert {(r["nationality"], r["country"]): r["value"] for r in table.to_dict("records")} == {
        ("IDN", "KHM"): 80,
        ("VNM", "KHM"): 7,  # sent home; the 5 sent to Thailand are a narrower count
    }


def test_one_period_uses_the_per_period_totals() -> None:
    figures = [
        {"source_id": "a", "value": 400, "period_start": "2024", "period_end": "2024"},
        {"source_id": "b", "country": "THA", "value": 30, "period_end": "2024-03-01", "extent": "operation"},
        {"source_id": "c", "country": "THA", "value": 12, "period_end": "2024-05-01", "extent": "operation"},
    ]
    table = dataset(figures).compare("arrested", period="2024")
    assert [(r["country"], r["low"], r["method"]) for r in table.to_dict("records")] == [
        ("KHM", 400, "reported"),
        ("THA", 42, "operations"),
    ]
    with pytest.raises(ChoiceError, match="not both"):
        dataset(figures).compare("arrested", period="2024", at="2024-12-31")
