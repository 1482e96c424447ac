"""conflicts(): the planted disagreements and nothing else."""

from __future__ import annotations

from typing import Any

from frames import dataset
from hypothesis import given, settings
from hypothesis import strategies as st

import scamstats
from scamstats.intervals import QUALIFIERS, compatible
from scamstats.questions.conflicts import CONFLICT_COLUMNS

BASE = {"country": "KHM", "metric": "arrested", "period_start": "2025-06-27", "period_end": "2025-10-18"}


def test_planted_disagreements_are_found_with_the_sources_on_each_side_and_nothing_else() -> None:
    ds = dataset(
        [
            # planted 1: 3,455 and "about 3,455" (two statements that agree) against 4,000
            BASE | {"source_id": "a", "value": 3455},
            BASE | {"source_id": "b", "value": 3455, "qualifier": "about"},
            BASE | {"source_id": "c", "value": 4000},
            # planted 2: a nationality breakdown, 64 against 180
            BASE | {"source_id": "a", "value": 64, "nationality": "KOR", "metric": "deported"},
            BASE | {"source_id": "d", "value": 180, "nationality": "KOR", "metric": "deported"},
            # compatible: "about 2,000" and 2,044
            BASE | {"source_id": "a", "value": 2000, "qualifier": "about", "metric": "detained"},
            BASE | {"source_id": "c", "value": 2044, "metric": "detained"},
            # compatible: "more than 1,000" and 2,137
            BASE | {"source_id": "a", "value": 1000, "qualifier": "more_than", "metric": "rescued"},
            BASE | {"source_id": "c", "value": 2137, "metric": "rescued"},
            # different things, so no conflict: another period, another place, another scope, another start
            BASE | {"source_id": "e", "value": 9999, "period_end": "2025-10-19"},
            BASE | {"source_id": "e", "value": 9999, "place": "Poipet"},
            BASE | {"source_id": "e", "value": 9999, "scope": "one raid"},
            BASE | {"source_id": "e", "value": 9999, "period_start": "2025-07-27"},
            BASE | {"source_id": "f", "value": 9999, "period_start": None},
        ]
    )
    found = ds.conflicts()
    assert list(found.columns) == list(CONFLICT_COLUMNS)
    groups = {
        number: sorted(zip(group["side"], group["source_id"], group["value"], strict=True))
        for number, group in found.groupby("conflict")
    }
    assert groups == {
        1: [(1, "a", 3455), (2, "b", 3455), (3, "c", 4000)],
        2: [(1, "a", 64), (2, "d", 180)],
    }
    assert set(found.loc[found["conflict"] == 2, "metric"]) == {"deported"}
    assert found["url"].str.startswith("https://example.org/").all()


def test_a_dataset_that_agrees_with_itself_has_no_conflicts() -> None:
    ds = dataset([BASE | {"source_id": "a", "value": 3455}, BASE | {"source_id": "b", "value": 3455}])
    found = ds.conflicts()
    assert found.empty
    assert list(found.columns) == list(CONFLICT_COLUMNS)


def test_bundled_conflicts_each_have_two_sides_from_different_sources() -> None:
    found = scamstats.load().conflicts()
    for _, group in found.groupby("conflict"):
        assert group["side"].nunique() >= 2
        assert group["source_id"].is_unique
        assert group[["country", "metric", "period_end"]].drop_duplicates().shape[0] == 1


def test_each_conflict_says_why_and_carries_each_sides_note() -> None:
    ds = dataset(
        [
            BASE | {"source_id": "a", "value": 3455, "note": "Running total at the briefing."},
            BASE | {"source_id": "c", "value": 4000, "qualifier": "more_than", "note": "Total in a later story."},
            # an operation and a total of the same period are different things
            BASE | {"source_id": "d", "value": 12, "extent": "operation"},
        ]
    )
    found = ds.conflicts()
    assert found["reason"].nunique() == 1
    assert found["reason"].iloc[0] == (
        "2 sources count the same thing over the same period, and no value fits all: a says 3,455; c says 4,001 or more"
    )
    assert found.set_index("source_id")["note"].to_dict() == {
        "a": "Running total at the briefing.",
        "c": "Total in a later story.",
    }


def test_a_value_and_the_same_value_qualified_are_two_sides_and_do_not_corroborate() -> None:
    ds = dataset(
        [BASE | {"source_id": "a", "value": 3455}, BASE | {"source_id": "b", "value": 3455, "qualifier": "more_than"}]
    )
    found = ds.conflicts()
    assert sorted(zip(found["side"], found["source_id"], found["qualifier"], strict=True)) == [
        (1, "a", "exact"),
        (2, "b", "more_than"),
    ]
    (point,) = ds.series("KHM", "arrested").to_dict("records")
    assert (point["conflict"], point["corroborated_by"]) == (True, 0)


@st.composite
def same_thing_figures(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Figures of one counter on a few dates, values and qualifiers often repeated, from a few sources."""
    rows = []
    for number in range(draw(st.integers(min_value=1, max_value=10))):
        source = draw(st.integers(min_value=0, max_value=5))
        rows.append(
            BASE
            | {
                "source_id": f"s{source}-{number}",
                "value": draw(st.sampled_from([0, 9, 10, 100, 3455, 3456, 3800])),
                "qualifier": draw(st.sampled_from(QUALIFIERS)),
                "period_end": draw(st.sampled_from(["2025-10-18", "2025-10-19"])),
            }
        )
    return rows


@settings(max_examples=80, deadline=None)
@given(rows=same_thing_figures())
def test_every_conflict_has_two_sides_and_agrees_with_the_series_flags(rows: list[dict[str, Any]]) -> None:
    ds = dataset(rows)
    found = ds.conflicts()
    for _, group in found.groupby("conflict"):
        assert group["side"].nunique() >= 2
        assert (group.groupby("side")[["value", "qualifier"]].nunique() == 1).all().all()
        assert not compatible(
            zip(
                group["value_low"],
                group["value_high"].astype(object).where(group["value_high"].notna(), None),
                strict=True,
            )
        )
    points = ds.series("KHM", "arrested")
    in_conflict = set(found["period_end"])
    assert set(points.loc[points["conflict"], "period_end"]) == in_conflict
    for point in points.itertuples():
        same_date = ds.figures[ds.figures["period_end"] == point.period_end]
        same_statement = same_date[(same_date["value"] == point.value) & (same_date["qualifier"] == point.qualifier)]
        assert point.corroborated_by == same_statement["source_id"].nunique() - 1


def test_no_conflict_gives_the_same_columns_and_types_as_some() -> None:
    agreeing = dataset([BASE | {"source_id": "a", "value": 3455}]).conflicts()
    disagreeing = dataset([BASE | {"source_id": "a", "value": 3455}, BASE | {"source_id": "b", "value": 1}]).conflicts()
    assert agreeing.empty
    assert not disagreeing.empty
    assert agreeing.dtypes.to_dict() == disagreeing.dtypes.to_dict()
    assert str(agreeing["conflict"].dtype) == "int64"
    assert agreeing["period_end"].dtype.kind == "M"
