"""The interval of values a qualified figure allows.

Sources say "about 3,455", "more than 30,000", "nearly 4,000". A figure is
therefore an interval ``[low, high]`` of whole numbers, with ``None`` for an
unbounded side:

========== ============================== =================================
qualifier  interval                       reading
========== ============================== =================================
exact      [v, v]                         the number as printed
about      [v - s, v + s]                 within 10% either side
at_least   [v, None]                      v or more
more_than  [v + 1, None]                  strictly more than v
nearly     [v - s, v]                     up to 10% below v, reaching v
up_to      [0, v]                         anything from none to v
========== ============================== =================================

The slack ``s`` of ``about`` and ``nearly`` is 10% of the value rounded
down, but at least 1 (:data:`TOLERANCE`, :data:`MIN_SLACK`): "about 9" is
[8, 10], not [9, 9], so it does not contradict 10. No interval goes below
0. These are conventions of this dataset, stated so that results can be
reproduced.

>>> interval(3455, "about")
(3110, 3800)
>>> interval(9, "about"), interval(9, "nearly"), interval(0, "about")
((8, 10), (8, 9), (0, 1))
>>> interval(30000, "more_than")
(30001, None)

Two intervals give the change between them (:func:`increment`) and a set of
them either has a value in common or contradicts itself (:func:`compatible`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import numpy as np

Qualifier = Literal["exact", "about", "at_least", "more_than", "nearly", "up_to"]
QUALIFIERS: tuple[Qualifier, ...] = ("exact", "about", "at_least", "more_than", "nearly", "up_to")

QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "about": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "nearly": "nearly ",
    "up_to": "up to ",
}
"""How each qualifier is worded before a number ("more than 3,455")."""

TOLERANCE = 10
"""``about`` and ``nearly`` allow ``value // TOLERANCE`` on their open side(s), but at least :data:`MIN_SLACK`."""

MIN_SLACK = 1
"""The smallest slack of ``about`` and ``nearly``: a small approximate value still allows its neighbours."""


def interval(value: int, qualifier: Qualifier) -> tuple[int, int | None]:
    """Return ``(low, high)`` for ``value`` as ``qualifier`` words it.

    >>> interval(2137, "exact")
    (2137, 2137)
    >>> interval(500, "up_to")
    (0, 500)
    """
    if qualifier not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIERS)}")
    return bounds(value, qualifier)


def bounds(value: Any, qualifier: str) -> tuple[Any, Any]:
    """:func:`interval` for a whole number or a numpy array of them (``None``: unbounded).

    >>> import numpy as np
    >>> bounds(np.array([100, 3455]), "about")
    (array([  90, 3110]), array([ 110, 3800]))
    """
    slack = _clip(value // TOLERANCE, MIN_SLACK)
    if qualifier == "exact":
        return value, value
    if qualifier == "about":
        return _clip(value - slack, 0), value + slack
    if qualifier == "at_least":
        return value, None
    if qualifier == "more_than":
        return value + 1, None
    if qualifier == "nearly":
        return _clip(value - slack, 0), value
    if qualifier == "up_to":
        return value * 0, value
    raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIERS)}")


def _clip(value: Any, lowest: int) -> Any:
    """``value`` raised to at least ``lowest``: a whole number stays one, an array stays one."""
    return max(value, lowest) if isinstance(value, int) else np.maximum(value, lowest)


Interval = tuple[int, int | None]
"""``(low, high)``; ``high`` is ``None`` when unbounded."""


def increment(previous: Interval, current: Interval) -> tuple[int | None, int | None]:
    """The change from ``previous`` to ``current``: ``[low_now - high_prev, high_now - low_prev]``.

    A side is ``None`` when it is unbounded: the fall is unbounded when the
    previous figure has no upper end, the rise when the current one has none.

    >>> increment((2137, 2137), (3455, 3455))
    (1318, 1318)
    >>> increment((2137, 2137), interval(3455, "about"))
    (973, 1663)
    >>> increment(interval(1000, "more_than"), (2137, 2137))
    (None, 1136)
    >>> increment((2137, 2137), interval(3000, "at_least"))
    (863, None)
    """
    previous_low, previous_high = previous
    low, high = current
    return (
        None if previous_high is None else low - previous_high,
        None if high is None else high - previous_low,
    )


def compatible(intervals: Iterable[Interval]) -> bool:
    """Whether one value lies in every interval, that is, all the figures can be true at once.

    >>> compatible([interval(3455, "about"), (3455, 3455), interval(3000, "more_than")])
    True
    >>> compatible([(2137, 2137), interval(2000, "up_to")])
    False
    """
    pairs = list(intervals)
    if not pairs:
        return True
    highest_low = max(low for low, _ in pairs)
    return all(high is None or highest_low <= high for _, high in pairs)
