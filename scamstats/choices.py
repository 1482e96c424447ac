"""Check what a user asks for against what the dataset holds, with messages naming the valid choices.

Every function raises :class:`ChoiceError`, a :class:`ValueError` whose
message is one line that names the valid choices; the command line prints it
and exits with status 2.

>>> import scamstats
>>> ds = scamstats.load()
>>> codes("country", "khm", ds.figures["country"])
['KHM']
>>> codes("country", "XYZ", ds.figures["country"])
Traceback (most recent call last):
...
scamstats.choices.ChoiceError: unknown country 'XYZ'; choose from ... KHM, ...
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

import pandas as pd

from .dates import last_day, parse_partial_date

Codes = str | Sequence[str]
"""One value, or several."""

When = str | datetime.date
"""A date, or its text written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""


class ChoiceError(ValueError):
    """A value asked for is not one the dataset knows; the message names the valid choices."""


def one_of(kind: str, value: str, valid: Iterable[str]) -> str:
    """Return ``value`` if it is among ``valid``; raise :class:`ChoiceError` naming them otherwise.

    >>> one_of("style", "apa", ["text", "apa"])
    'apa'
    >>> one_of("style", "mla", ["text", "apa"])
    Traceback (most recent call last):
    ...
    scamstats.choices.ChoiceError: unknown style 'mla'; choose from text, apa
    """
    choices = list(dict.fromkeys(valid))
    if value not in choices:
        raise ChoiceError(f"unknown {kind} {value!r}; choose from {', '.join(choices)}")
    return value


def as_list(values: Codes) -> list[str]:
    """One value or several, as a list.

    >>> as_list("arrested"), as_list(("arrested", "detained"))
    (['arrested'], ['arrested', 'detained'])
    """
    return [values] if isinstance(values, str) else list(values)


def codes(kind: str, values: Codes, column: pd.Series) -> list[str]:
    """Country codes (upper-cased) that all occur in ``column``; ``kind`` names them in messages."""
    valid = sorted(column.dropna().unique())
    return [one_of(kind, str(value).strip().upper(), valid) for value in as_list(values)]


def metrics(values: Codes, known: pd.Series) -> list[str]:
    """Metric names that are all in the metrics vocabulary ``known``.

    >>> metrics(["arrested", "detained"], pd.Series(["arrested", "detained", "deported"]))
    ['arrested', 'detained']
    """
    return [one_of("metric", str(value).strip().lower(), known) for value in as_list(values)]


def when(name: str, value: When, *, end: bool) -> pd.Timestamp:
    """The first day (``end=False``) or the last day (``end=True``) of the period ``value`` names.

    ``name`` is the argument's name, used in the message when ``value`` is not a date.

    >>> when("at", "2025-02", end=True)
    Timestamp('2025-02-28 00:00:00')
    >>> when("at", "2025-13-01", end=True)
    Traceback (most recent call last):
    ...
    scamstats.choices.ChoiceError: at: '2025-13-01' is not a date (not a real date: month must be in 1..12); \
write YYYY, YYYY-MM or YYYY-MM-DD
    """
    if isinstance(value, datetime.datetime) and value.utcoffset() is not None:
        raise ChoiceError(
            f"{name}: {value.isoformat()} has a time zone, but figures are dated by calendar day; "
            "give a date (YYYY-MM-DD or a datetime.date)"
        )
    if isinstance(value, datetime.date):
        return pd.Timestamp(value)
    try:
        first, precision = parse_partial_date(str(value))
    except ValueError as error:
        raise ChoiceError(f"{name}: {value!r} is not a date ({error}); write YYYY, YYYY-MM or YYYY-MM-DD") from None
    return pd.Timestamp(last_day(first, precision) if end else first)
