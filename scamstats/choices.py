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
import difflib
from collections.abc import Iterable, Sequence

import pandas as pd

from .dates import last_day, parse_partial_date

Codes = str | Sequence[str]
"""One value, or several."""

When = str | datetime.date
"""A date, or its text written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""


class ChoiceError(ValueError):
    """A value asked for is not one the dataset knows; the message names the valid choices."""


def closest(value: str, valid: Iterable[str]) -> str | None:
    """The valid choice ``value`` most likely meant, or ``None`` when none is close.

    Where the choices are country codes, a two-letter code (ISO 3166-1
    alpha-2) or a country's name finds its alpha-3 code; otherwise the
    spelling decides (:func:`difflib.get_close_matches`, ignoring case).

    >>> closest("TH", ["KHM", "THA"]), closest("qualifer", ["qualifier", "value"]), closest("arrests", ["arrested"])
    ('THA', 'qualifier', 'arrested')
    >>> closest("Viet Nam", ["VNM"]), closest("colour", ["country"]) is None
    ('VNM', True)
    >>> closest("zzz", ["arrested", "detained"]) is None
    True
    """
    choices = list(dict.fromkeys(valid))
    if not isinstance(value, str) or not value or not choices:
        return None
    import pycountry

    try:  # an alpha-2 code or a country's name, where the choices are alpha-3 codes
        country = pycountry.countries.lookup(value.strip())
    except LookupError:
        country = None
    if country is not None and country.alpha_3 in choices:
        return str(country.alpha_3)
    folded = {choice.casefold(): choice for choice in reversed(choices)}
    found = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.7)
    return folded[found[0]] if found else None


def did_you_mean(value: str, valid: Iterable[str], *, aside: bool = False) -> str:
    """``"; did you mean X?"`` (or, as an ``aside``, ``" (did you mean X?)"``) naming the closest valid
    choice; ``""`` when none is close.

    >>> did_you_mean("arests", ["arrested", "detained"]), did_you_mean("qualifer", ["qualifier"], aside=True)
    ('; did you mean arrested?', ' (did you mean qualifier?)')
    """
    found = closest(value, valid)
    if found is None or found == value:
        return ""
    return f" (did you mean {found}?)" if aside else f"; did you mean {found}?"


def one_of(kind: str, value: str, valid: Iterable[str]) -> str:
    """Return ``value`` if it is among ``valid``; raise :class:`ChoiceError` naming them otherwise.

    >>> one_of("style", "apa", ["text", "apa"])
    'apa'
    >>> one_of("style", "ap", ["text", "apa"])
    Traceback (most recent call last):
    ...
    scamstats.choices.ChoiceError: unknown style 'ap'; did you mean apa? choose from text, apa
    """
    choices = list(dict.fromkeys(valid))
    if value not in choices:
        hint = did_you_mean(value, choices).removeprefix("; ")
        raise ChoiceError(f"unknown {kind} {value!r}; {hint + ' ' if hint else ''}choose from {', '.join(choices)}")
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
