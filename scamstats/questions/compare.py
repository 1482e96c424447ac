"""Countries side by side, like with like: each one's latest total as of a date, or its total for one period.

Only ``total`` figures take part (see the data dictionary's ``extent``): a
running count or a period's total of everything in the country, never one
raid or one flight beside another country's national count. Figures with a
``place`` or a ``scope`` count something narrower and are left out, and so
are figures whose ``destination`` is not the counted people's own country.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Literal

import pandas as pd

from ..choices import ChoiceError, Codes, When, codes, metrics, one_of, when
from .corroboration import collapse
from .query import as_of, with_sources
from .series import baselines

if TYPE_CHECKING:
    from ..dataset import Dataset

By = Literal["country", "reported_by", "nationality"]
GROUPS: dict[str, tuple[str, ...]] = {
    "country": ("country",),
    "reported_by": ("reported_by", "country"),
    "nationality": ("nationality", "country"),
}
"""What one row of :func:`compare` stands for, by the ``by`` argument: the columns it is unique on (with ``metric``)."""

MAX_AGE_DAYS = 180
"""A figure older than this many days on the comparison date is flagged ``stale`` (override with ``max_age``)."""

COMPARE_COLUMNS = (
    "country",
    "reported_by",
    "nationality",
    "metric",
    "period_start",
    "period_end",
    "period_end_precision",
    "baseline",
    "age_days",
    "stale",
    "unit",
    "value",
    "qualifier",
    "value_low",
    "value_high",
    "conflict",
    "corroborated_by",
    "figure_id",
    "source_id",
    "publisher",
    "url",
    "published",
    "source_ids",
)
"""The columns :func:`compare` returns as of a date, in order."""

PERIOD_COLUMNS = ("country", "nationality", "metric", "period", "low", "high", "method", "figure_ids")
"""The columns :func:`compare` returns for one period, in order."""


def compare(
    ds: Dataset,
    metric: Codes,
    *,
    countries: Codes | None = None,
    at: When | None = None,
    period: str | None = None,
    by: By = "country",
    max_age: int | None = None,
) -> pd.DataFrame:
    """Each country's latest total as of ``at`` (or its total for one ``period``), side by side.

    Parameters
    ----------
    ds
        The dataset.
    metric
        A metric, or several: each gets its own row per country.
    countries
        Country codes (where the enforcement happened) to compare; all when ``None``.
    at
        The date to compare on (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the
        last day of that period); the latest figures when ``None``. A figure
        is as of the last day of its ``period_end``, and one as of a day after
        ``at`` is never used.
    period
        Instead of ``at``: one year (``"2025"``), quarter (``"2025Q3"``) or
        month (``"2025-07"``); each row is then the per-period total of
        :func:`scamstats.questions.totals.totals`.
    by
        ``"country"`` (the default): one row per country where it happened,
        counting everyone. ``"reported_by"``: one row per reporting authority
        and country. ``"nationality"``: one row per nationality and country,
        from the nationality figures (for origin countries' citizens brought
        home, say).
    max_age
        Days after which a figure is ``stale`` on the comparison date;
        :data:`MAX_AGE_DAYS` when ``None``.

    Returns
    -------
    pandas.DataFrame
        As of a date, the columns :data:`COMPARE_COLUMNS`: the group
        (``country``, ``reported_by``, ``nationality``), the ``metric``, the
        representative figure of the latest as-of date (chosen as in
        :func:`scamstats.questions.series.series`) with its ``period_start``,
        ``period_end``, ``baseline`` (what it counts from), ``age_days`` (days
        from its as-of date to ``at``, or to today), ``stale``, value,
        interval, ``conflict``, ``corroborated_by``, source and
        ``source_ids``. For one period, the columns :data:`PERIOD_COLUMNS`.
        Groups without a figure have no row. Sorted by group and metric.

    Raises
    ------
    ChoiceError
        An unknown country, metric or grouping, a malformed date, or both
        ``at`` and ``period``.

    Examples
    --------
    >>> import scamstats
    >>> ds = scamstats.load()
    >>> side = ds.compare(["deported", "repatriated"], countries=["KHM", "PHL"], at="2025-12-31")
    >>> bool(side.set_index(["country", "metric"]).index.is_unique), bool((side["period_end"] <= "2025-12-31").all())
    (True, True)
    """
    one_of("grouping", by, GROUPS)
    if at is not None and period is not None:
        raise ChoiceError("give either at (a date) or period (a year, quarter or month), not both")
    chosen = metrics(metric, ds.metrics["metric"])
    figures = ds.figures[ds.figures["metric"].isin(chosen)]  # narrow first: the rest runs on these rows only
    keep = figures["nationality"].notna() if by == "nationality" else figures["nationality"].isna()
    if countries is not None:
        keep &= figures["country"].isin(codes("country", countries, ds.figures["country"]))
    if period is not None:
        candidates = keep & figures["extent"].isin(["total", "operation"]) if "extent" in figures else keep
        return _for_period(ds, figures[candidates.fillna(False).astype(bool)], period, by)
    keep &= figures["place"].isna() & figures["scope"].isna()
    if "extent" in figures:
        keep &= figures["extent"] == "total"
        keep &= figures["destination"].isna() | (figures["destination"] == figures["nationality"])
    figures = figures[keep.fillna(False).astype(bool)]
    dated = as_of(figures)
    day = when("at", at, end=True) if at is not None else pd.Timestamp(datetime.date.today())
    mask = (dated <= day).to_numpy(dtype=bool)
    group = [*GROUPS[by], "metric"]
    chosen_rows = figures[mask].assign(as_of=dated[mask])
    latest = chosen_rows[chosen_rows["as_of"] == chosen_rows.groupby(group)["as_of"].transform("max")]
    rows = collapse(with_sources(ds, latest.drop(columns="as_of")), group)
    rows["baseline"] = baselines(rows)
    rows["age_days"] = pd.array((day - as_of(rows)).dt.days, dtype="Int64")
    rows["stale"] = (rows["age_days"] > (MAX_AGE_DAYS if max_age is None else max_age)).fillna(False).astype(bool)
    return rows[list(COMPARE_COLUMNS)].reset_index(drop=True)


def _for_period(ds: Dataset, figures: pd.DataFrame, period: str, by: str) -> pd.DataFrame:
    """One row per group and metric: the per-period total of :func:`.totals.totals` for ``period``."""
    from .totals import totals

    if by == "reported_by":
        raise ChoiceError("per-period totals compare by country or by nationality, not by reported_by")
    freq = "quarter" if "Q" in period.upper() else "month" if "-" in period else "year"
    try:
        wanted = str(pd.Period(period, {"year": "Y", "quarter": "Q", "month": "M"}[freq]))
    except ValueError:
        raise ChoiceError(f"period: {period!r} is not a year (2025), quarter (2025Q3) or month (2025-07)") from None
    rows = []
    columns = ["country", "nationality", "metric"]
    groups = figures[columns].drop_duplicates().sort_values(columns)
    for country, nationality, metric in groups.itertuples(index=False):
        found = totals(
            ds,
            country,
            metric,
            freq=freq,  # type: ignore[arg-type]
            nationality=None if pd.isna(nationality) else nationality,
        )
        found = found[found["period"] == wanted]
        if not found.empty:
            rows.append({"country": country, "nationality": nationality} | found.iloc[0].to_dict())
    table = pd.DataFrame(rows, columns=list(PERIOD_COLUMNS))
    table["low"] = table["low"].astype("Int64")
    table["high"] = table["high"].astype("Int64")
    return table.reset_index(drop=True)
