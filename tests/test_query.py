"""query(): filters combine, sources are joined, bad values name the valid choices."""

from __future__ import annotations

import pytest
from frames import dataset

import scamstats
from scamstats.choices import ChoiceError

DS = dataset(
    [
        {"source_id": "a", "value": 1, "period_end": "2025-07-18", "place": "Sihanoukville, Preah Sihanouk"},
        {"source_id": "a", "value": 2, "period_end": "2025-07-18", "nationality": "VNM"},
        {"source_id": "b", "value": 3, "period_end": "2025-10", "metric": "deported", "reported_by": "KOR"},
        {"source_id": "c", "value": 4, "period_end": "2025-11-02", "country": "MMR"},
        {"source_id": "d", "value": 5, "period_end": "2024", "metric": "detained"},
    ],
    sources=[{"source_id": "c", "kind": "government", "publisher": "Global New Light of Myanmar", "wire": "MNA"}],
)


def found(**filters: object) -> list[int]:
    return sorted(DS.query(**filters)["value"].tolist())  # type: ignore[arg-type]


def test_no_filter_returns_every_figure_with_its_source() -> None:
    table = DS.query()
    assert len(table) == 5
    assert {"publisher", "wire", "url", "published"} <= set(table.columns)
    assert table.set_index("value").loc[4, "publisher"] == "Global New Light of Myanmar"


def test_each_filter_selects_its_figures() -> None:
    assert found(country="MMR") == [4]
    assert found(country=["khm"], metric=["deported", "detained"]) == [3, 5]
    assert found(place="sihanouk") == [1]
    assert found(nationality="VNM") == [2]
    assert found(reported_by="KOR") == [3]
    assert found(kind="government") == [4]


def test_date_range_covers_whole_periods() -> None:
    assert found(since="2025-07-18", until="2025-07-18") == [1, 2]
    assert found(until="2025-10-30") == [1, 2, 5]  # "2025-10" runs to the 31st
    assert found(until="2025-10") == [1, 2, 3, 5]
    assert found(since="2025") == [1, 2, 3, 4]
    assert found(until="2024") == [5]  # the year figure is as of 31 December 2024


def test_bad_filters_name_the_valid_choices() -> None:
    with pytest.raises(ChoiceError, match="unknown country 'THA'; choose from KHM, MMR"):
        DS.query(country="THA")
    with pytest.raises(ChoiceError, match="unknown source kind 'blog'; choose from news, government"):
        DS.query(kind="blog")
    with pytest.raises(ChoiceError, match="unknown reporting country 'CHN'; choose from KHM, KOR"):
        DS.query(reported_by="CHN")
    with pytest.raises(ChoiceError, match="since: '18/07/2025' is not a date"):
        DS.query(since="18/07/2025")


def test_a_time_zone_aware_date_is_refused_with_the_package_error() -> None:
    import datetime

    aware = datetime.datetime(2025, 7, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    ds = scamstats.load()
    message = r"^until: 2025-07-01T00:00:00\+07:00 has a time zone, but figures are dated by calendar day"
    with pytest.raises(ChoiceError, match=message):
        ds.query(until=aware)
    with pytest.raises(ChoiceError, match=r"^at: 2025-07-01T00:00:00\+07:00 has a time zone"):
        ds.compare("arrested", at=aware)
    assert len(ds.query(until=datetime.datetime(2025, 7, 1))) == len(ds.query(until="2025-07-01"))
