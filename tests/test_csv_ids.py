"""Lists of ids round-trip through CSV as plain space-separated cells."""

from __future__ import annotations

import io

import pandas as pd

import scamstats
from scamstats.questions.ids import Ids


def test_series_source_ids_are_written_as_a_plain_list_and_read_back() -> None:
    points = scamstats.load().series("KHM", "arrested")
    assert all(isinstance(ids, Ids) and ids for ids in points["source_ids"])
    text = points.to_csv(index=False)
    assert "('" not in text and "',)" not in text
    back = pd.read_csv(io.StringIO(text), converters={"source_ids": Ids.parse})
    assert back["source_ids"].tolist() == points["source_ids"].tolist()
    several = points[points["source_ids"].map(len) > 1]
    assert not several.empty
    assert str(several["source_ids"].iloc[0]) in text


def test_totals_figure_ids_are_written_as_a_plain_list_and_read_back() -> None:
    found = scamstats.load().totals("MMR", "handed_over", destination="CHN")
    text = found.to_csv(index=False)
    assert "('" not in text
    back = pd.read_csv(io.StringIO(text), converters={"figure_ids": Ids.parse})
    assert back["figure_ids"].tolist() == found["figure_ids"].tolist()
    assert all(isinstance(ids, tuple) for ids in found["figure_ids"])


def test_compare_source_ids_are_written_as_a_plain_list() -> None:
    side = scamstats.load().compare(["deported", "repatriated"], at="2025-12-31")
    text = side.to_csv(index=False)
    assert "('" not in text
    back = pd.read_csv(io.StringIO(text), converters={"source_ids": Ids.parse})
    assert back["source_ids"].tolist() == side["source_ids"].tolist()
