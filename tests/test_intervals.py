"""Interval arithmetic: increments and agreement, checked against brute force for every qualifier pair."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from scamstats.intervals import QUALIFIERS, bounds, compatible, increment, interval

CAP = 400
"""Stand-in for 'no upper bound' when enumerating values; far above every test value."""


def values(low: int, high: int | None) -> range:
    return range(low, (CAP if high is None else high) + 1)


@pytest.mark.parametrize(("before", "after"), list(itertools.product(QUALIFIERS, repeat=2)))
def test_increment_is_the_range_of_possible_differences_for_every_qualifier_pair(before: str, after: str) -> None:
    previous, current = interval(100, before), interval(130, after)
    differences = [b - a for a in values(*previous) for b in values(*current)]
    low, high = increment(previous, current)
    if previous[1] is None:
        assert low is None  # the previous figure may be arbitrarily large: the change has no floor
    else:
        assert low == min(differences)
    if current[1] is None:
        assert high is None  # the current figure may be arbitrarily large: the change has no ceiling
    else:
        assert high == max(differences)


def test_increment_examples_read_as_expected() -> None:
    assert increment(interval(2137, "exact"), interval(3455, "exact")) == (1318, 1318)
    assert increment(interval(2137, "exact"), interval(3455, "about")) == (3110 - 2137, 3800 - 2137)
    assert increment(interval(1000, "more_than"), interval(2137, "exact")) == (None, 2137 - 1001)
    assert increment(interval(5000, "nearly"), interval(4983, "exact")) == (4983 - 5000, 4983 - 4500)


@pytest.mark.parametrize(("first", "second"), list(itertools.product(QUALIFIERS, repeat=2)))
@pytest.mark.parametrize("other_value", [50, 95, 100, 109, 111, 200])
def test_compatible_means_some_value_satisfies_both(first: str, second: str, other_value: int) -> None:
    a, b = interval(100, first), interval(other_value, second)
    shared = set(values(*a)) & set(values(*b))
    assert compatible([a, b]) == bool(shared)


def test_compatible_needs_one_value_common_to_all() -> None:
    assert compatible([(0, 10), (5, None), (8, 9)])
    assert not compatible([(0, 10), (5, None), (11, 12)])
    assert compatible([])


@pytest.mark.parametrize("qualifier", ["about", "nearly"])
def test_small_approximate_values_allow_their_neighbours(qualifier: str) -> None:
    """The slack is 10% rounded down but at least 1, and no interval goes below zero."""
    assert interval(9, qualifier)[0] == 8
    assert interval(1, qualifier)[0] == 0
    assert interval(0, qualifier)[0] == 0
    assert interval(100, qualifier)[0] == 90
    assert compatible([interval(9, "about"), interval(10, "exact")])
    assert compatible([interval(9, "nearly"), interval(8, "exact")])


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_numbers_and_arrays_get_the_same_intervals(qualifier: str) -> None:
    numbers = np.arange(0, 40)
    lows, highs = bounds(numbers, qualifier)
    for number, low, high in zip(
        numbers.tolist(), lows.tolist(), [None] * 40 if highs is None else highs.tolist(), strict=True
    ):
        assert interval(number, qualifier) == (low, high)
        assert low >= 0
