"""compare(): each country's latest whole-country figure as of a date, never a later one."""

from __future__ import annotations

import pandas as pd
import pytest
from frames import dataset

import scamstats
from scamstats.choices import ChoiceError
from scamstats.compare import COMPARE_COLUMNS

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
