"""conflicts(): the planted disagreements and nothing else."""

from __future__ import annotations

from frames import dataset

import scamstats
from scamstats.conflicts import CONFLICT_COLUMNS

BASE = {"country": "KHM", "metric": "arrested", "period_start": "2025-06-27", "period_end": "2025-10-18"}


def test_planted_disagreements_are_found_with_the_sources_on_each_side_and_nothing_else() -> None:
    ds = dataset(
        [
            # planted 1: 3,455 against 4,000 (two sources on the first side)
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
        1: [(1, "a", 3455), (1, "b", 3455), (2, "c", 4000)],
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
