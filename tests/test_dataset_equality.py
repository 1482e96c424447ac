"""Datasets compare by version and content, and are hashable consistently with that."""

from __future__ import annotations

import dataclasses

from frames import dataset

import scamstats


def test_the_same_release_loaded_twice_is_equal_and_hashes_alike() -> None:
    first, second = scamstats.load(), scamstats.load()
    assert first is not second
    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second}) == 1
    assert {first: "bundled"}[second] == "bundled"


def test_a_changed_figure_or_version_makes_a_different_dataset() -> None:
    ds = dataset([{"source_id": "a", "value": 3455, "period_end": "2025-10-18"}])
    same = dataset([{"source_id": "a", "value": 3455, "period_end": "2025-10-18"}])
    other_value = dataset([{"source_id": "a", "value": 3456, "period_end": "2025-10-18"}])
    other_version = dataclasses.replace(ds, version="9.9.9")
    assert ds == same
    assert ds != other_value
    assert ds != other_version
    assert ds.content_hash == other_version.content_hash
    assert len({ds, same, other_value, other_version}) == 3


def test_a_dataset_is_not_equal_to_something_else() -> None:
    ds = scamstats.load()
    assert ds != ds.version
    assert (ds == object()) is False
