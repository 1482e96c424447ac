"""Dates written as precisely as a source gives them: ``2025``, ``2025-07`` or ``2025-07-18``.

A partial date is stored as the first day of the period it names plus its
precision (``day``, ``month`` or ``year``), and written back the same way.

>>> parse_partial_date("2025-07")
(datetime.date(2025, 7, 1), 'month')
>>> format_partial_date(datetime.date(2025, 7, 1), "month")
'2025-07'
"""

from __future__ import annotations

import datetime
import re
from typing import Literal

import pandas as pd

Precision = Literal["day", "month", "year"]
PRECISIONS: tuple[Precision, ...] = ("day", "month", "year")

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_partial_date(text: str) -> tuple[datetime.date, Precision]:
    """Return the first day of the period ``text`` names and its precision.

    Raises ``ValueError`` with a reader-facing message when ``text`` is not a
    real calendar date in one of the three forms.

    >>> parse_partial_date("2024")
    (datetime.date(2024, 1, 1), 'year')
    >>> parse_partial_date("2025-02-30")
    Traceback (most recent call last):
    ...
    ValueError: not a real date: day is out of range for month
    """
    match = _PARTIAL.fullmatch(text.strip())
    if match is None:
        raise ValueError("must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        first = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"not a real date: {error}") from None
    precision: Precision = "day" if day else "month" if month else "year"
    return first, precision


def parse_full_date(text: str) -> datetime.date:
    """Return the calendar date ``text`` names; only ``YYYY-MM-DD`` is accepted.

    >>> parse_full_date("2025-10-25")
    datetime.date(2025, 10, 25)
    """
    first, precision = parse_partial_date(text)
    if precision != "day":
        raise ValueError("must be a full date written YYYY-MM-DD")
    return first


def format_partial_date(first: datetime.date, precision: str) -> str:
    """Write a stored partial date back as its source gave it.

    >>> format_partial_date(datetime.date(2025, 1, 1), "year")
    '2025'
    """
    iso = first.isoformat()
    return {"day": iso, "month": iso[:7], "year": iso[:4]}[precision]


_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def last_day(first: datetime.date, precision: str) -> datetime.date:
    """The last day of the period a stored partial date names.

    >>> last_day(datetime.date(2024, 2, 1), "month")
    datetime.date(2024, 2, 29)
    >>> last_day(datetime.date(2025, 1, 1), "year")
    datetime.date(2025, 12, 31)
    """
    if precision == "year":
        return first.replace(month=12, day=31)
    if precision == "month":
        following = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return following - datetime.timedelta(days=1)
    return first


def last_days(firsts: pd.Series, precisions: pd.Series) -> pd.Series:
    """:func:`last_day` for a column of stored dates and the column of their precisions.

    >>> days = pd.Series(pd.to_datetime(["2025-10-01", "2025-10-01", "2025-10-14"]))
    >>> last_days(days, pd.Series(["month", "year", "day"])).dt.strftime("%Y-%m-%d").tolist()
    ['2025-10-31', '2025-12-31', '2025-10-14']
    """
    month_ends = firsts + pd.offsets.MonthEnd(0)
    year_ends = firsts + pd.offsets.YearEnd(0)
    result: pd.Series = firsts.where(precisions == "day", month_ends.where(precisions == "month", year_ends))
    return result


def first_days(days: pd.Series, precisions: pd.Series) -> pd.Series:
    """The first day of the period each stored date names, whether stored as its first or its last day.

    >>> ends = pd.Series(pd.to_datetime(["2025-10-31", "2025-12-31", "2025-10-14"]))
    >>> first_days(ends, pd.Series(["month", "year", "day"])).dt.strftime("%Y-%m-%d").tolist()
    ['2025-10-01', '2025-01-01', '2025-10-14']
    """
    month_starts = days.dt.to_period("M").dt.start_time.astype(days.dtype)
    year_starts = days.dt.to_period("Y").dt.start_time.astype(days.dtype)
    result: pd.Series = days.where(precisions == "day", month_starts.where(precisions == "month", year_starts))
    return result


def written_dates(firsts: pd.Series, precisions: pd.Series) -> pd.Series:
    """A column of stored partial dates written back as their sources gave them; empty stays empty.

    >>> days = pd.Series(pd.to_datetime(["2025-10-01", None, "2025-06-27"]))
    >>> written_dates(days, pd.Series(["month", None, "day"])).tolist()
    ['2025-10', <NA>, '2025-06-27']
    """
    result = pd.Series(pd.NA, index=firsts.index, dtype="string")
    for precision, form in _FORMATS.items():
        chosen = (precisions == precision).fillna(False).astype(bool) & firsts.notna()
        if chosen.any():
            result[chosen] = firsts[chosen].dt.strftime(form)
    return result
