"""Countries side by side: the latest figure of each as of one date, with its own as-of date and sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .choices import Codes, When, codes, metrics, when
from .corroboration import collapse
from .query import as_of, with_sources
from .series import baselines

if TYPE_CHECKING:
    from .dataset import Dataset

COMPARE_COLUMNS = (
    "country",
    "period_end",
    "period_end_precision",
    "metric",
    "unit",
    "value",
    "qualifier",
    "value_low",
    "value_high",
    "baseline",
    "conflict",
    "corroborated_by",
    "figure_id",
    "source_id",
    "publisher",
    "url",
    "published",
    "source_ids",
)
"""The columns :func:`compare` returns, in order."""


def compare(ds: Dataset, metric: Codes, *, countries: Codes | None = None, at: When | None = None) -> pd.DataFrame:
    """The latest figure per country as of a date, side by side.

    Only whole-country totals take part: figures with a ``place``, a
    ``nationality`` or a ``scope`` count something narrower and are left out.
    A figure is *as of* the last day of its ``period_end`` (``2025-10`` is as
    of 31 October 2025), and a figure as of a day after ``at`` is never used.

    Parameters
    ----------
    ds
        The dataset.
    metric
        A metric, or several neighbouring ones.
    countries
        Country codes to compare; all countries with figures when ``None``.
    at
        The date to compare on (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the
        last day of that period); the latest figures when ``None``.

    Returns
    -------
    pandas.DataFrame
        One row per country that has a figure by then, sorted by country, with
        the columns :data:`COMPARE_COLUMNS`: the representative figure of its
        latest as-of date (chosen as in :func:`scamstats.series.series`),
        ``baseline``, ``conflict``, ``corroborated_by`` and ``source_ids`` as
        there, and the source's ``publisher``, ``url`` and ``published``.
        Countries without a figure by ``at`` have no row.

    Raises
    ------
    ChoiceError
        An unknown country or metric, or a malformed date.

    Examples
    --------
    >>> import scamstats
    >>> ds = scamstats.load()
    >>> side = ds.compare("deported", countries=["KHM", "MMR"], at="2025-12-31")
    >>> side["country"].tolist()
    ['KHM', 'MMR']
    >>> bool((side["period_end"] <= "2025-12-31").all())
    True
    """
    figures = ds.figures
    keep = figures["metric"].isin(metrics(metric, ds.metrics["metric"]))
    if countries is not None:
        keep &= figures["country"].isin(codes("country", countries, figures["country"]))
    keep &= figures["place"].isna() & figures["nationality"].isna() & figures["scope"].isna()
    dated = as_of(figures)
    if at is not None:
        keep &= dated <= when("at", at, end=True)
    chosen = figures[keep.astype(bool)].assign(as_of=dated[keep.astype(bool)])
    latest = chosen[chosen["as_of"] == chosen.groupby("country")["as_of"].transform("max")]
    rows = collapse(with_sources(ds, latest.drop(columns="as_of")), ["country"])
    rows["baseline"] = baselines(rows)
    return rows[list(COMPARE_COLUMNS)]
