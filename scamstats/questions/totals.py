"""Per-period totals: how many in each year (or quarter, or month), and how that is known.

Sources rarely publish a number for exactly the period a reader asks about.
:func:`totals` gives, for each period with evidence, the best-supported
interval ``[low, high]`` and the method that produced it, in this order of
preference:

``reported``
    a ``total`` figure for exactly that period (its ``period_start`` is the
    period's first day and its ``period_end`` the period's last day, as in
    "arrested in 2024"). When several sources give one, the representative
    of :func:`scamstats.questions.corroboration.collapse` is used.
``difference``
    one running counter's values at the period's two bounds: its value as of
    the period's last day minus its value as of the day before the period
    began, both counted from the same baseline (same ``period_start`` or
    campaign; points that state neither are never subtracted). Intervals subtract
    as in :func:`scamstats.intervals.increment`,
    so the result is an interval; a count is never negative, so a negative
    low end is raised to 0.
``operations``
    the sum of the period's single operations (``extent: operation`` figures
    that begin and end inside the period; reports of one operation with the
    same place and dates count once). Operations that no source reported are
    missing from it, so it is only a lower bound: ``high`` is empty.

A period with no evidence has no row; it is never reported as zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pandas as pd

from ..choices import ChoiceError, metrics, one_of
from ..intervals import increment
from .corroboration import collapse
from .ids import Ids
from .query import matching, with_sources
from .series import baselines

if TYPE_CHECKING:
    from ..dataset import Dataset

Freq = Literal["year", "quarter", "month"]
FREQS: dict[str, str] = {"year": "Y", "quarter": "Q", "month": "M"}
"""Period lengths :func:`totals` understands, with their pandas period codes."""

METHODS = ("reported", "difference", "operations")
"""How a period's total was obtained, best first."""

TOTALS_COLUMNS = (
    "period",
    "period_start",
    "period_end",
    "metric",
    "low",
    "high",
    "method",
    "figure_ids",
)
"""The columns :func:`totals` returns, in order."""


def totals(
    ds: Dataset,
    country: str,
    metric: str,
    *,
    freq: Freq = "year",
    nationality: str | None = None,
    place: str | None = None,
    destination: str | None = None,
) -> pd.DataFrame:
    """How many in each period, as an interval, with the method and the figures used.

    Parameters
    ----------
    ds
        The dataset.
    country
        Where the enforcement happened (ISO 3166-1 alpha-3).
    metric
        One metric.
    freq
        ``"year"`` (the default), ``"quarter"`` or ``"month"``.
    nationality, place, destination
        ``None`` (the default) takes the figures that count everyone, the
        whole country and name no destination; otherwise only figures whose
        column equals the value given. Operations anywhere in the country
        count towards the whole country's sum.

    Returns
    -------
    pandas.DataFrame
        One row per period with evidence, in date order, with the columns
        :data:`TOTALS_COLUMNS`: ``period`` (``2024``, ``2024Q3`` or
        ``2024-07``), its first and last day, the ``metric``, the interval
        ``low``..``high`` (``high`` empty when unbounded), ``method`` (one of
        :data:`METHODS`) and ``figure_ids``, the figures used (an
        :class:`~scamstats.questions.ids.Ids` tuple, written by ``to_csv()`` as ids
        separated by spaces; :meth:`~scamstats.questions.ids.Ids.parse` reads them back).

    Raises
    ------
    ChoiceError
        An unknown country, metric, nationality or frequency.

    Examples
    --------
    >>> import scamstats
    >>> ds = scamstats.load()
    >>> years = ds.totals("MMR", "handed_over", nationality="CHN")
    >>> list(years.columns[:3]), set(years["method"]) <= {"reported", "difference", "operations"}
    (['period', 'period_start', 'period_end'], True)
    """
    code = one_of("freq", freq, FREQS)
    figures = _selected(ds, country, metric, nationality=nationality, place=place, destination=destination)
    rows: dict[pd.Period, _Found] = {}
    for finder in (_reported, _differences, _operations):
        for period, row in finder(figures, FREQS[code]).items():
            rows.setdefault(period, row)
    ordered = sorted(rows)
    return pd.DataFrame(
        {
            "period": pd.Series([str(p) for p in ordered], dtype=object),
            "period_start": pd.to_datetime(pd.Series([p.start_time for p in ordered], dtype=object)),
            "period_end": pd.to_datetime(pd.Series([p.end_time.normalize() for p in ordered], dtype=object)),
            "metric": pd.Series([metric.strip().lower()] * len(ordered), dtype=object),
            "low": pd.array([rows[p].low for p in ordered], dtype="Int64"),
            "high": pd.array([rows[p].high for p in ordered], dtype="Int64"),
            "method": pd.Series([rows[p].method for p in ordered], dtype=object),
            "figure_ids": pd.Series([rows[p].figure_ids for p in ordered], dtype=object),
        },
        columns=list(TOTALS_COLUMNS),
    )


def _selected(
    ds: Dataset,
    country: str,
    metric: str,
    *,
    nationality: str | None,
    place: str | None,
    destination: str | None,
) -> pd.DataFrame:
    """The total and operation figures of one country and metric that match the selection, with their sources."""
    if "extent" not in ds.figures:
        raise ChoiceError(f"dataset {ds.version} has no extent column; per-period totals need 1.0.0 or later")
    if not isinstance(metric, str):
        raise ChoiceError(f"metric: give one metric, not {metric!r}")
    (name,) = metrics(metric, ds.metrics["metric"])
    figures = ds.figures[(ds.figures["metric"] == name).to_numpy(dtype=bool)]  # narrow first
    keep = matching(figures, "country", country, ds.figures["country"]) & figures["scope"].isna()
    keep &= figures["extent"].isin(["total", "operation"])
    for column, wanted in (("nationality", nationality), ("destination", destination)):
        keep &= matching(figures, column, wanted, ds.figures[column])
    if place is None:
        keep &= figures["place"].isna() | (figures["extent"] == "operation")
    else:
        keep &= (figures["place"] == place).fillna(False)
    return with_sources(ds, figures[keep.astype(bool)])


@dataclass(frozen=True)
class _Found:
    """One period's total: its interval, how it was obtained, and the figures used."""

    low: int
    high: int | None
    method: str
    figure_ids: Ids


def _row(low: int, high: int | None, method: str, ids: list[str]) -> _Found:
    return _Found(low, high, method, Ids(dict.fromkeys(ids)))


def _reported(figures: pd.DataFrame, code: str) -> dict[pd.Period, _Found]:
    """Total figures whose period is exactly one period of length ``code``."""
    found: dict[pd.Period, _Found] = {}
    whole = figures[(figures["extent"] == "total") & figures["period_start"].notna()]
    if whole.empty:
        return found
    periods = whole["period_start"].dt.to_period(code)
    ends = periods.dt.end_time.dt.normalize()
    exact = (periods.dt.start_time == whole["period_start"]) & (ends == whole["period_end"])
    chosen = whole[exact].assign(bucket=periods[exact].astype(str))
    if chosen.empty:
        return found
    picked = collapse(chosen, ["bucket"])
    for bucket, low, high, figure_id in zip(
        picked["bucket"], picked["value_low"], picked["value_high"], picked["figure_id"], strict=True
    ):
        found[pd.Period(str(bucket), code)] = _row(int(low), _high(high), "reported", [str(figure_id)])
    return found


def _high(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[call-overload]


def _differences(figures: pd.DataFrame, code: str) -> dict[pd.Period, _Found]:
    """Periods whose both bounds one running counter reports a value at."""
    found: dict[pd.Period, _Found] = {}
    counters = figures[figures["extent"] == "total"]
    if counters.empty:
        return found
    points = collapse(counters.assign(counted_from=baselines(counters)), ["counted_from", "metric", "period_end"])
    points = points[points["counted_from"].notna()]
    # one pass over the columns (no group-by-group loop, so that long series stay fast)
    highs = points["value_high"].astype(object).where(points["value_high"].notna(), None)
    by_day: dict[tuple[str, str, pd.Timestamp], tuple[tuple[int, int | None], str]] = {
        (start, name, day): ((low, high), figure_id)
        for start, name, day, low, high, figure_id in zip(
            points["counted_from"].astype(str).tolist(),
            points["metric"].astype(str).tolist(),
            points["period_end"].tolist(),
            points["value_low"].astype("int64").tolist(),
            highs.tolist(),
            points["figure_id"].astype(str).tolist(),
            strict=True,
        )
    }
    for (start, name, day), (here, end_id) in sorted(by_day.items()):
        period = day.to_period(code)
        if period.end_time.normalize() != day:
            continue
        before = by_day.get((start, name, period.start_time - pd.Timedelta(days=1)))
        if before is None:
            continue
        low, high = increment(before[0], here)
        if high is None and (low or 0) <= 0:
            continue  # "≥ 0" says nothing: leave the period to another method
        found[period] = _row(max(0, low or 0), high, "difference", [before[1], end_id])
    return found


NEARBY_DAYS = 14
"""Operations this many days apart or less, with nearly equal values, count as one (see :func:`_operations`)."""


def _operations(figures: pd.DataFrame, code: str) -> dict[pd.Period, _Found]:
    """The sum of each period's operations, each counted once: a lower bound.

    The same operation often reaches the data twice: two outlets, a day apart, one giving the place and the
    other not, one giving a three-day total and the other each day. So that the sum errs low, never high,
    largest first, an operation is left out when one already counted (a) covers all of its dates, or (b) ends
    within :data:`NEARBY_DAYS` days of it with a value within 2% (or 2) of its own, unless the two name
    different places.
    """
    found: dict[pd.Period, _Found] = {}
    operations = figures[figures["extent"] == "operation"]
    if operations.empty:
        return found
    begun = operations["period_start"].fillna(operations["period_end"])
    inside = begun.dt.to_period(code) == operations["period_end"].dt.to_period(code)
    operations = operations[inside].assign(
        bucket=operations.loc[inside, "period_end"].dt.to_period(code).astype(str), begun=begun[inside]
    )
    for period, group in operations.groupby("bucket", sort=True):
        kept: list[tuple[pd.Timestamp, pd.Timestamp, int, str | None]] = []
        ids: list[str] = []
        ordered = group.sort_values(["value_low", "period_end", "figure_id"], ascending=[False, True, True])
        for start, end, low, place, figure_id in zip(
            ordered["begun"],
            ordered["period_end"],
            ordered["value_low"],
            ordered["place"],
            ordered["figure_id"],
            strict=True,
        ):
            here = (pd.Timestamp(start), pd.Timestamp(end), int(low), None if pd.isna(place) else str(place))
            if not any(_same_operation(here, other) for other in kept):
                kept.append(here)
                ids.append(str(figure_id))
        found[pd.Period(str(period), code)] = _row(sum(k[2] for k in kept), None, "operations", ids)
    return found


def _same_operation(
    one: tuple[pd.Timestamp, pd.Timestamp, int, str | None], counted: tuple[pd.Timestamp, pd.Timestamp, int, str | None]
) -> bool:
    """Whether ``one`` may be a report of the operation ``counted`` (already counted, at least as large).

    >>> def one(start, end, value, place=None):
    ...     return pd.Timestamp(start), pd.Timestamp(end), value, place
    >>> _same_operation(one("2024-03-30", "2024-03-30", 30), one("2024-03-29", "2024-03-31", 352, "Muse"))
    True
    >>> _same_operation(one("2024-11-19", "2024-11-19", 762), one("2024-11-19", "2024-11-20", 763))
    True
    >>> _same_operation(one("2025-07-15", "2025-07-15", 100, "Kampot"), one("2025-07-15", "2025-07-15", 234, "Takeo"))
    False
    """
    start, end, value, place = one
    other_start, other_end, other_value, other_place = counted
    if place is not None and other_place is not None and place != other_place:
        return False
    covered = other_start <= start and end <= other_end
    close = abs((end - other_end).days) <= NEARBY_DAYS and abs(value - other_value) <= max(2, other_value // 50)
    return covered or close
