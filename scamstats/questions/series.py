"""One counter over time: the reported values in date order, with the changes and warnings between them.

Officials restate cumulative counters from different starting points and
under neighbouring words ("detained" in one story, "arrested" in the next).
:func:`series` lines the statements up, one row per as-of date, and says
where reading them as one counter is safe and where it is not.

By default a series holds only ``total`` figures (see the data dictionary's
``extent``): a running national count, a year's or a month's total. One
raid, one flight or one agency's tally is never a point of the national
counter; ``extent="operation"`` or ``extent="part"`` asks for those instead.

A point's *baseline* is what its count runs from: the ``period_start`` its
source states as written (``2025-06-27``), or else the campaign it belongs
to, or else nothing. Consecutive points are chained (an increment between
them, a ``decrease`` flag when it is certainly negative) only when their
baselines are the same; whenever they differ the increment is empty and
``baseline_change`` is set, so no increment ever joins two baselines. Points
that name no baseline at all are read as one count that never restarted.
Operations are never chained (each counts its own operation), and a
point-in-time metric such as ``held`` may fall without a ``decrease`` flag.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import pandas as pd

from ..choices import ChoiceError, Codes, metrics, one_of
from ..dates import parse_partial_date, written_dates
from ..intervals import increment
from .corroboration import collapse
from .query import matching, with_sources

if TYPE_CHECKING:
    from ..dataset import Dataset

SERIES_COLUMNS = (
    "period_end",
    "period_end_precision",
    "metric",
    "extent",
    "unit",
    "value",
    "qualifier",
    "value_low",
    "value_high",
    "baseline",
    "campaign",
    "increment_low",
    "increment_high",
    "decrease",
    "conflict",
    "baseline_change",
    "corroborated_by",
    "figure_id",
    "source_id",
    "publisher",
    "url",
    "source_ids",
)
"""The columns :func:`series` returns, in order."""


def baselines(figures: pd.DataFrame) -> pd.Series:
    """What each figure counts from: its ``period_start`` as written, else its campaign, else empty."""
    started = written_dates(figures["period_start"], figures["period_start_precision"])
    return started.fillna(figures["campaign"].astype("string"))


def series_figures(
    ds: Dataset,
    country: str,
    metric: Codes,
    *,
    nationality: str | None = None,
    place: str | None = None,
    scope: str | None = None,
    destination: str | None = None,
    baseline: str | datetime.date | None = None,
    extent: str = "total",
) -> pd.DataFrame:
    """The figures :func:`series` is built from, joined with their sources (same arguments)."""
    from ..vocabularies import EXTENTS

    figures = ds.figures if "extent" in ds.figures else ds.figures.assign(extent=None)  # releases before 1.0.0
    keep = matching(figures, "country", country, figures["country"]) & figures["metric"].isin(
        metrics(metric, ds.metrics["metric"])
    )
    if figures["extent"].notna().any():
        keep &= figures["extent"] == one_of("extent", extent, EXTENTS)
    selection = {"nationality": nationality, "place": place, "scope": scope, "destination": destination}
    for column, wanted in selection.items():
        if column in figures:  # releases before 1.0.0 have no destination
            keep &= matching(figures, column, wanted, figures[column])
    if baseline is not None:
        keep &= _baseline_filter(ds, figures, baseline)
    return with_sources(ds, figures[keep.astype(bool)])


def _baseline_filter(ds: Dataset, figures: pd.DataFrame, baseline: str | datetime.date) -> pd.Series:
    """Figures counted from ``baseline``: a campaign's ``event_id`` or a start date as written."""
    text = baseline.isoformat() if isinstance(baseline, datetime.date) else str(baseline).strip()
    if text in set(ds.events["event_id"]):
        return (figures["campaign"] == text).fillna(False)
    try:
        first, precision = parse_partial_date(text)
    except ValueError:
        campaigns = ", ".join(sorted(figures["campaign"].dropna().unique()))
        raise ChoiceError(
            f"baseline {text!r} is neither a start date (YYYY, YYYY-MM or YYYY-MM-DD) nor a campaign; "
            f"campaigns: {campaigns}"
        ) from None
    starts = (figures["period_start"] == pd.Timestamp(first)) & (figures["period_start_precision"] == precision)
    return starts.fillna(False)


def series(
    ds: Dataset,
    country: str,
    metric: Codes,
    *,
    nationality: str | None = None,
    place: str | None = None,
    scope: str | None = None,
    destination: str | None = None,
    baseline: str | datetime.date | None = None,
    extent: str = "total",
) -> pd.DataFrame:
    """The reported values of one counter, one row per as-of date in date order.

    Parameters
    ----------
    ds
        The dataset.
    country
        Where the enforcement happened (ISO 3166-1 alpha-3).
    metric
        A metric, or several neighbouring ones (``["arrested", "detained"]``)
        to follow a counter that sources word differently; each row keeps the
        metric its source used.
    nationality, place, scope, destination
        Which counter: ``None`` (the default) selects the count for all
        nationalities, the whole country, no restricting scope and no named
        destination; otherwise the figures whose column equals the one value
        given (a list is refused: it would mix counters).
    baseline
        Keep only figures counted from this start: a date (matching
        ``period_start`` as written, e.g. ``"2025-06-27"``) or the
        ``event_id`` of a campaign.
    extent
        ``"total"`` (the default): running totals and period totals of the
        whole country or place. ``"operation"``: one row per date of single
        operations (never chained: no increments). ``"part"``: a named part's
        tally, chosen with ``scope``.

    Returns
    -------
    pandas.DataFrame
        Columns (:data:`SERIES_COLUMNS`): ``period_end`` and
        ``period_end_precision`` (the as-of date); ``metric``, ``unit``, ``value``,
        ``qualifier``, ``value_low``, ``value_high``, ``campaign``,
        ``figure_id``, ``source_id``, ``publisher`` and ``url`` of the
        representative figure (the value most independent sources report,
        then the narrowest interval; see
        :func:`scamstats.questions.corroboration.ranked`); ``baseline`` (its
        ``period_start`` as written, else its campaign); ``increment_low`` and
        ``increment_high``, the change since the previous row as an interval,
        empty where unbounded, on the first row and across a baseline change;
        flags ``decrease`` (certainly lower than the previous row, whose
        baseline is not known to differ), ``conflict`` (figures for this date have no value in
        common) and ``baseline_change`` (the baseline differs from the
        previous row's); ``corroborated_by`` (independent sources, reprints
        of one wire story counted once, reporting the same value with the
        same qualifier besides the
        representative's); ``source_ids`` (every source for this date, the
        representative's first: an :class:`~scamstats.questions.ids.Ids` tuple, which
        ``to_csv()`` writes as one cell of ids separated by spaces and
        :meth:`~scamstats.questions.ids.Ids.parse` reads back).

    Raises
    ------
    ChoiceError
        An unknown country, metric, nationality or campaign, or a malformed date.

    Examples
    --------
    >>> import pandas as pd, scamstats
    >>> ds = scamstats.load()
    >>> khm = ds.series("KHM", ["arrested", "detained"], baseline="khm-2025-crackdown")
    >>> dates = pd.to_datetime(["2025-07-18", "2025-12-18", "2026-01-25"])
    >>> chosen = khm.loc[khm["period_end"].isin(dates), ["period_end", "metric", "value", "baseline"]]
    >>> print(chosen.to_string(index=False))
    period_end   metric  value           baseline
    2025-07-18 detained   2137         2025-06-27
    2025-12-18 arrested   4983         2025-06-27
    2026-01-25 arrested   5106 khm-2025-crackdown
    >>> bool(khm["period_end"].is_monotonic_increasing)
    True
    """
    figures = series_figures(
        ds,
        country,
        metric,
        nationality=nationality,
        place=place,
        scope=scope,
        destination=destination,
        baseline=baseline,
        extent=extent,
    )
    points = collapse(figures, ["period_end", "period_end_precision"])
    points["baseline"] = baselines(points)
    chained = extent != "operation"
    kinds = dict(zip(ds.metrics["metric"], ds.metrics["kind"], strict=True)) if "kind" in ds.metrics else {}
    levels = points["metric"].map(kinds).eq("point_in_time").fillna(False).to_numpy(dtype=bool)
    lows: list[int | None] = []
    highs: list[int | None] = []
    decrease: list[bool] = []
    change: list[bool] = []
    previous: tuple[tuple[int, int | None], str | None] | None = None
    for low, high, counted_from, level in zip(
        points["value_low"], points["value_high"], points["baseline"], levels, strict=True
    ):
        here = (int(low), None if pd.isna(high) else int(high))
        counted = None if pd.isna(counted_from) else str(counted_from)
        step: tuple[int | None, int | None] = (None, None)
        changed = previous is not None and previous[1] != counted
        if previous is not None and chained and not changed:
            step = increment(previous[0], here)
        lows.append(step[0])
        highs.append(step[1])
        change.append(changed and chained)
        decrease.append(step[1] is not None and step[1] < 0 and not level)
        previous = (here, counted)
    points["increment_low"] = pd.array(lows, dtype="Int64")
    points["increment_high"] = pd.array(highs, dtype="Int64")
    points["decrease"] = pd.Series(decrease, dtype=bool)
    points["baseline_change"] = pd.Series(change, dtype=bool)
    return points[list(SERIES_COLUMNS)]
