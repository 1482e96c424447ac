"""The interval of values a qualified figure allows.

Sources say "about 3,455", "more than 30,000", "nearly 4,000". A figure is
therefore an interval ``[low, high]`` of whole numbers, with ``None`` for an
unbounded side:

========== ============================== =================================
qualifier  interval                       reading
========== ============================== =================================
exact      [v, v]                         the number as printed
about      [v - v//10, v + v//10]         within 10% either side
at_least   [v, None]                      v or more
more_than  [v + 1, None]                  strictly more than v
nearly     [v - v//10, v]                 up to 10% below v, reaching v
up_to      [0, v]                         anything from none to v
========== ============================== =================================

The 10% tolerance of ``about`` and ``nearly`` is a convention of this
dataset (:data:`TOLERANCE`), stated so that results can be reproduced.

>>> interval(3455, "about")
(3110, 3800)
>>> interval(30000, "more_than")
(30001, None)
"""

from __future__ import annotations

from typing import Any, Literal

Qualifier = Literal["exact", "about", "at_least", "more_than", "nearly", "up_to"]
QUALIFIERS: tuple[Qualifier, ...] = ("exact", "about", "at_least", "more_than", "nearly", "up_to")

TOLERANCE = 10
"""``about`` and ``nearly`` allow ``value // TOLERANCE`` on their open side(s)."""


def interval(value: int, qualifier: str) -> tuple[int, int | None]:
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
    slack = value // TOLERANCE
    if qualifier == "exact":
        return value, value
    if qualifier == "about":
        return value - slack, value + slack
    if qualifier == "at_least":
        return value, None
    if qualifier == "more_than":
        return value + 1, None
    if qualifier == "nearly":
        return value - slack, value
    return value * 0, value  # up_to
