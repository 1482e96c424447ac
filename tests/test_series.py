"""series(): one row per as-of date, increments as intervals, flags, corroboration and representatives."""

from __future__ import annotations

import pandas as pd
import pytest
from frames import dataset

import scamstats
from scamstats.choices import ChoiceError
from scamstats.questions.series import SERIES_COLUMNS


def row(points: pd.DataFrame, day: str) -> pd.Series:
    found = points[points["period_end"] == pd.Timestamp(day)]
    assert len(found) == 1, found
    return found.iloc[0]


def test_one_row_per_as_of_date_in_date_order_with_the_documented_columns() -> None:
    ds = dataset(
        [
            {"source_id": "c", "value": 3455, "period_end": "2025-10-14"},
            {"source_id": "a", "value": 2137, "period_end": "2025-07-18"},
            {"source_id": "b", "value": 2137, "period_end": "2025-07-18"},
            {"source_id": "d", "value": 4983, "period_end": "2025-12-18"},
        ]
    )
    points = ds.series("KHM", "arrested")
    assert list(points.columns) == list(SERIES_COLUMNS)
    assert [d.strftime("%Y-%m-%d") for d in points["period_end"]] == ["2025-07-18", "2025-10-14", "2025-12-18"]
    assert points["value"].tolist() == [2137, 3455, 4983]
    assert set(row(points, "2025-07-18")["source_ids"]) == {"a", "b"}


def test_increment_between_exact_points_is_their_difference() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 2137, "period_end": "2025-07-18", "period_start": "2025-06-27"},
            {"source_id": "b", "value": 3455, "period_end": "2025-10-14", "period_start": "2025-06-27"},
        ]
    )
    points = ds.series("KHM", "arrested")
    first, second = points.iloc[0], points.iloc[1]
    assert pd.isna(first["increment_low"]) and pd.isna(first["increment_high"])
    assert (second["increment_low"], second["increment_high"]) == (1318, 1318)


def test_increment_is_an_interval_when_qualifiers_make_one() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 1000, "qualifier": "more_than", "period_end": "2025-07-17"},
            {"source_id": "b", "value": 2137, "period_end": "2025-07-18"},
            {"source_id": "c", "value": 3455, "qualifier": "about", "period_end": "2025-10"},
        ],
    )
    points = ds.series("KHM", "arrested")
    after_open_ended = row(points, "2025-07-18")
    assert pd.isna(after_open_ended["increment_low"])  # the previous figure has no upper bound
    assert after_open_ended["increment_high"] == 2137 - 1001
    about = row(points, "2025-10-31")  # a month is as of its last day
    assert (about["increment_low"], about["increment_high"]) == (3110 - 2137, 3800 - 2137)


def test_a_counter_going_down_under_the_same_baseline_is_a_decrease() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 3455, "period_end": "2025-10-14", "period_start": "2025-06-27"},
            {"source_id": "b", "value": 3000, "period_end": "2025-11-01", "period_start": "2025-06-27"},
            {"source_id": "c", "value": 3100, "period_end": "2025-11-15", "period_start": "2025-06-27"},
        ]
    )
    points = ds.series("KHM", "arrested")
    assert points["decrease"].tolist() == [False, True, False]
    assert points["baseline_change"].tolist() == [False, False, False]
    assert (row(points, "2025-11-01")["increment_low"], row(points, "2025-11-01")["increment_high"]) == (-455, -455)


def test_a_fall_the_qualifiers_allow_to_be_a_rise_is_no_decrease() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 3455, "qualifier": "about", "period_end": "2025-10", "campaign": "c1"},
            {"source_id": "b", "value": 3300, "period_end": "2025-11-02", "campaign": "c1"},
        ],
        events=[{"event_id": "c1", "date": "2025-06", "country": "KHM"}],
    )
    points = ds.series("KHM", "arrested")
    later = row(points, "2025-11-02")
    assert (later["increment_low"], later["increment_high"]) == (3300 - 3800, 3300 - 3110)
    assert not later["decrease"]


def test_a_new_baseline_is_flagged_and_not_read_as_a_decrease() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 5106, "period_end": "2026-01-25", "period_start": "2025-06-27"},
            {"source_id": "b", "value": 162, "period_end": "2026-01-31", "period_start": "2026-01-01"},
        ]
    )
    later = row(ds.series("KHM", "arrested"), "2026-01-31")
    assert later["baseline_change"]
    assert not later["decrease"]
    assert pd.isna(later["increment_low"]) and pd.isna(later["increment_high"])
    assert later["baseline"] == "2026-01-01"


def test_points_are_chained_only_when_their_written_baselines_are_equal() -> None:
    events = [{"event_id": "c1", "date": "2025-06", "country": "KHM"}, {"event_id": "c2", "date": "2025-11"}]
    ds = dataset(
        [
            {
                "source_id": "a",
                "value": 1362,
                "period_end": "2025-07-16",
                "period_start": "2025-06-27",
                "campaign": "c1",
            },
            {"source_id": "b", "value": 3455, "period_end": "2025-10-18", "campaign": "c1"},
            {"source_id": "d", "value": 3500, "period_end": "2025-11-06", "campaign": "c1"},
            {"source_id": "c", "value": 135, "period_end": "2026-01-23", "campaign": "c2"},
        ],
        events=[e | {"country": "KHM"} for e in events],
    )
    points = ds.series("KHM", "arrested")
    assert points["baseline"].tolist() == ["2025-06-27", "c1", "c1", "c2"]
    assert points["baseline_change"].tolist() == [False, True, False, True]
    # "since 27 June" and "since the campaign began" may not be the same start: never chained
    assert pd.isna(row(points, "2025-10-18")["increment_low"])
    assert row(points, "2025-11-06")["increment_low"] == 3500 - 3455
    assert not points["decrease"].any()


def test_a_fall_with_unknown_baselines_is_a_decrease_but_no_baseline_change() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 4983, "period_end": "2025-12-18"},
            {"source_id": "b", "value": 205, "period_end": "2026-01-15"},
        ]
    )
    later = row(ds.series("KHM", "arrested"), "2026-01-15")
    assert later["decrease"]
    assert not later["baseline_change"]
    assert pd.isna(later["baseline"])


def test_different_values_for_one_date_are_a_conflict_and_every_source_is_listed() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 3455, "period_end": "2025-10-18"},
            {"source_id": "b", "value": 4000, "period_end": "2025-10-18"},
            {"source_id": "c", "value": 4983, "period_end": "2025-12-18"},
        ]
    )
    points = ds.series("KHM", "arrested")
    clash = row(points, "2025-10-18")
    assert clash["conflict"]
    assert set(clash["source_ids"]) == {"a", "b"}
    assert clash["source_ids"][0] == clash["source_id"]
    assert not row(points, "2025-12-18")["conflict"]


def test_figures_whose_intervals_overlap_do_not_conflict() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 2000, "qualifier": "about", "period_end": "2026-01-31"},
            {"source_id": "b", "value": 2044, "period_end": "2026-01-31"},
            {"source_id": "c", "value": 1500, "qualifier": "more_than", "period_end": "2026-01-31"},
        ]
    )
    point = ds.series("KHM", "arrested").iloc[0]
    assert not point["conflict"]
    assert point["value"] == 2044  # the narrowest interval represents the date when support is equal


def test_representative_is_the_value_most_independent_sources_report_whatever_the_row_order() -> None:
    figures = [
        {"source_id": "a", "value": 3455, "period_end": "2025-10-18", "qualifier": "about"},
        {"source_id": "b", "value": 3455, "period_end": "2025-10-18"},
        {"source_id": "c", "value": 4000, "period_end": "2025-10-18"},
        {"source_id": "d", "value": 3455, "period_end": "2025-10-18"},
    ]
    for number, figure in enumerate(figures):  # ids that follow the figure, not its row
        figure["figure_id"] = f"f{number:012x}"
    chosen = {ds.series("KHM", "arrested").iloc[0]["figure_id"] for ds in (dataset(figures), dataset(figures[::-1]))}
    assert len(chosen) == 1
    point = dataset(figures).series("KHM", "arrested").iloc[0]
    assert point["value"] == 3455
    assert point["qualifier"] == "exact"  # two stories say exactly 3,455
    assert point["corroborated_by"] == 1  # "about 3,455" is another statement: it does not corroborate


def test_reprints_of_one_wire_story_count_once() -> None:
    figures = [
        {"source_id": s, "value": 3455, "period_end": "2025-10-18"} for s in ("ap1", "ap2", "ap3", "own", "own-again")
    ]
    figures.append({"source_id": "other-value", "value": 3500, "period_end": "2025-10-18"})
    sources = [
        {"source_id": "ap1", "publisher": "Manila Bulletin", "wire": "AP"},
        {"source_id": "ap2", "publisher": "Cebu Daily News", "wire": "AP"},
        {"source_id": "ap3", "publisher": "AP"},
        {"source_id": "own", "publisher": "Khmer Times"},
        {"source_id": "own-again", "publisher": "Khmer Times"},
        {"source_id": "other-value", "publisher": "Phnom Penh Post"},
    ]
    point = dataset(figures, sources).series("KHM", "arrested").iloc[0]
    assert point["value"] == 3455
    assert point["corroborated_by"] == 1  # two independent stories: AP's and Khmer Times'
    assert len(point["source_ids"]) == 6


def test_reprints_reporting_different_values_do_not_corroborate_each_other() -> None:
    figures = [
        {"source_id": "a", "value": 3455, "period_end": "2025-10-18"},
        {"source_id": "b", "value": 3000, "period_end": "2025-10-18"},
    ]
    sources = [{"source_id": "a", "wire": "AFP"}, {"source_id": "b", "wire": "AFP"}]
    point = dataset(figures, sources).series("KHM", "arrested").iloc[0]
    assert point["corroborated_by"] == 0
    assert point["conflict"]


def test_several_metrics_follow_one_counter_and_keep_each_sources_word() -> None:
    ds = dataset(
        [
            {"source_id": "a", "metric": "detained", "value": 2137, "period_end": "2025-07-18"},
            {"source_id": "b", "metric": "arrested", "value": 2137, "period_end": "2025-07-18"},
            {"source_id": "c", "metric": "arrested", "value": 3455, "period_end": "2025-10-14"},
            {"source_id": "d", "metric": "deported", "value": 2825, "period_end": "2025-10-14"},
        ]
    )
    points = ds.series("KHM", ["arrested", "detained"])
    assert points["metric"].tolist()[1] == "arrested"
    assert row(points, "2025-07-18")["corroborated_by"] == 1
    assert set(row(points, "2025-07-18")["source_ids"]) == {"a", "b"}
    only_detained = ds.series("KHM", "detained")
    assert only_detained["metric"].tolist() == ["detained"]


def test_by_default_the_counter_is_the_unscoped_whole_country_total() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 2137, "period_end": "2025-07-18"},
            {"source_id": "a", "value": 429, "period_end": "2025-07-18", "nationality": "VNM"},
            {"source_id": "a", "value": 300, "period_end": "2025-07-18", "place": "Poipet"},
            {"source_id": "a", "value": 500, "period_end": "2025-07-18", "scope": "two raids"},
            {"source_id": "b", "value": 600, "period_end": "2025-10-14", "nationality": "VNM"},
        ]
    )
    assert ds.series("KHM", "arrested")["value"].tolist() == [2137]
    assert ds.series("KHM", "arrested", nationality="vnm")["value"].tolist() == [429, 600]
    assert ds.series("KHM", "arrested", place="Poipet")["value"].tolist() == [300]
    assert ds.series("KHM", "arrested", scope="two raids")["value"].tolist() == [500]


def test_baseline_argument_keeps_one_start_date_or_one_campaign() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 1362, "period_end": "2025-07-16", "period_start": "2025-06-27"},
            {"source_id": "b", "value": 3455, "period_end": "2025-10-18", "campaign": "c1"},
            {"source_id": "c", "value": 162, "period_end": "2026-01-16", "period_start": "2026-01"},
        ],
        events=[{"event_id": "c1", "date": "2025-06", "country": "KHM"}],
    )
    assert ds.series("KHM", "arrested", baseline="2025-06-27")["value"].tolist() == [1362]
    assert ds.series("KHM", "arrested", baseline="2026-01")["value"].tolist() == [162]
    assert ds.series("KHM", "arrested", baseline="c1")["value"].tolist() == [3455]
    with pytest.raises(ChoiceError, match=r"baseline 'c9' is neither a start date .* campaigns: c1"):
        ds.series("KHM", "arrested", baseline="c9")


def test_unknown_country_or_metric_names_the_valid_choices() -> None:
    ds = dataset([{"source_id": "a", "value": 1, "period_end": "2025-07-18"}])
    with pytest.raises(ChoiceError, match=r"unknown country 'XYZ'; choose from KHM$"):
        ds.series("XYZ", "arrested")
    with pytest.raises(ChoiceError, match=r"metric 'arrestd'; did you mean arrested\? choose from arrested, detained"):
        ds.series("KHM", ["arrested", "arrestd"])


def test_a_series_with_no_figures_is_empty_with_the_documented_columns() -> None:
    ds = dataset([{"source_id": "a", "value": 1, "period_end": "2025-07-18"}])
    points = ds.series("KHM", "deported")
    assert points.empty
    assert list(points.columns) == list(SERIES_COLUMNS)


def test_bundled_cambodian_campaign_counter_appears_at_three_or_more_dates_with_sources() -> None:
    ds = scamstats.load()
    points = ds.series("KHM", "arrested")
    campaign = points[points["campaign"] == "khm-2025-crackdown"]
    assert campaign["period_end"].nunique() >= 3
    assert {3455, 4983, 5106} <= set(campaign["value"])
    assert row(points, "2025-12-18")["value"] == 4983
    assert row(points, "2026-01-25")["value"] == 5106
    known = set(ds.sources["source_id"])
    assert all(len(ids) >= 1 and set(ids) <= known for ids in points["source_ids"])
    assert points["url"].str.startswith("http").all()
    followed = ds.series("KHM", ["arrested", "detained"], baseline="khm-2025-crackdown")
    first_tally = row(followed, "2025-07-18")
    assert (first_tally["metric"], first_tally["value"]) == ("detained", 2137)


def test_a_series_holds_only_totals_unless_asked_for_operations_or_parts() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 2137, "period_end": "2025-07-18", "period_start": "2025-06-27"},
            {"source_id": "b", "value": 3455, "period_end": "2025-10-14", "period_start": "2025-06-27"},
            {"source_id": "c", "value": 205, "period_end": "2026-01-12", "extent": "operation", "place": "Bavet"},
            {"source_id": "d", "value": 234, "period_end": "2025-07-15", "extent": "operation"},
            {"source_id": "e", "value": 135, "period_end": "2026-01-23", "extent": "part", "scope": "Korea desk"},
        ]
    )
    totals = ds.series("KHM", "arrested")
    assert totals["value"].tolist() == [2137, 3455]
    assert set(totals["extent"]) == {"total"}
    assert not totals["decrease"].any()
    operations = ds.series("KHM", "arrested", extent="operation")
    assert operations["value"].tolist() == [234]  # the whole country's operations; Bavet's is a place's
    assert ds.series("KHM", "arrested", extent="operation", place="Bavet")["value"].tolist() == [205]
    part = ds.series("KHM", "arrested", extent="part", scope="Korea desk")
    assert part["value"].tolist() == [135]
    with pytest.raises(ChoiceError, match="unknown extent 'all'"):
        ds.series("KHM", "arrested", extent="all")


def test_operations_are_never_chained() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 234, "period_end": "2025-07-15", "extent": "operation"},
            {"source_id": "b", "value": 57, "period_end": "2025-11-06", "extent": "operation"},
        ]
    )
    points = ds.series("KHM", "arrested", extent="operation")
    assert points["increment_low"].isna().all() and points["increment_high"].isna().all()
    assert not points["decrease"].any() and not points["baseline_change"].any()


def test_people_held_on_a_date_may_fall_without_a_decrease_flag() -> None:
    ds = dataset(
        [
            {"source_id": "a", "metric": "held", "value": 1659, "period_end": "2025-03-01"},
            {"source_id": "b", "metric": "held", "value": 211, "period_end": "2025-04-01"},
        ]
    )
    later = row(ds.series("KHM", "held"), "2025-04-01")
    assert later["increment_high"] == 211 - 1659
    assert not later["decrease"]


def test_a_list_of_nationalities_is_refused_rather_than_mixed() -> None:
    ds = dataset([{"source_id": "a", "value": 429, "nationality": "VNM", "period_end": "2025-07-18"}])
    assert ds.series("KHM", "arrested", nationality="VNM")["value"].tolist() == [429]
    with pytest.raises(ChoiceError, match="nationality: give one value"):
        ds.series("KHM", "arrested", nationality=["VNM", "IDN"])  # type: ignore[arg-type]


def test_no_increment_in_the_bundled_data_joins_two_baselines() -> None:
    ds = scamstats.load()
    for country, metric in (("KHM", "arrested"), ("MMR", "deported"), ("PHL", "deported"), ("MMR", "handed_over")):
        points = ds.series(country, metric)
        assert set(points["extent"]) <= {"total"}
        baseline = points["baseline"].astype(object).where(points["baseline"].notna(), None).tolist()
        for position in range(1, len(points)):
            chained = not pd.isna(points["increment_high"].iloc[position]) or not pd.isna(
                points["increment_low"].iloc[position]
            )
            if chained:
                assert baseline[position] == baseline[position - 1], points.iloc[position - 1 : position + 1]
            assert points["baseline_change"].iloc[position] == (baseline[position] != baseline[position - 1])
