"""Find figures: filter by where, what, whose, who says so, when and what sort of source.

>>> import scamstats
>>> ds = scamstats.load()
>>> found = query(ds, country="KHM", metric="arrested", nationality="VNM")
>>> set(found["nationality"]), {"publisher", "url", "published"} <= set(found.columns)
({'VNM'}, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..choices import ChoiceError, Codes, When, as_list, codes, metrics, one_of, when
from ..dates import last_days

if TYPE_CHECKING:
    from ..dataset import Dataset

SOURCE_COLUMNS = ("publisher", "wire", "url", "published")
"""Columns of the sources table that :func:`with_sources` adds to figures."""


def with_sources(ds: Dataset, figures: pd.DataFrame) -> pd.DataFrame:
    """``figures`` (rows of ``ds.figures``) with their source's publisher, wire, url and published date."""
    sources = ds.sources[["source_id", *SOURCE_COLUMNS]]
    return figures.merge(sources, on="source_id", how="left", validate="many_to_one")


def matching(figures: pd.DataFrame, column: str, wanted: str | None, known: pd.Series) -> pd.Series:
    """Which ``figures`` count what a selection asks for: ``column`` empty when ``wanted`` is ``None``, else equal.

    Country codes (``nationality``, ``destination``, ...) must occur in ``known`` (the dataset's column); the
    error names those that do. A list is refused: several values at once would mix counters.

    >>> figures = pd.DataFrame({"nationality": ["VNM", None, "IDN"]})
    >>> matching(figures, "nationality", None, figures["nationality"]).tolist()
    [False, True, False]
    >>> matching(figures, "nationality", "vnm", figures["nationality"]).tolist()
    [True, False, False]
    >>> matching(figures, "nationality", ["VNM", "IDN"], figures["nationality"])  # type: ignore[arg-type]
    Traceback (most recent call last):
    ...
    scamstats.choices.ChoiceError: nationality: give one value, not ['VNM', 'IDN']: a series follows one counter; \
use query() for several
    """
    if wanted is None:
        result: pd.Series = figures[column].isna()
        return result
    if not isinstance(wanted, str):
        raise ChoiceError(
            f"{column}: give one value, not {wanted!r}: a series follows one counter; use query() for several"
        )
    value = codes(column, wanted, known)[0] if column in CODED else wanted
    return (figures[column] == value).fillna(False).astype(bool)


CODED = ("country", "reported_by", "nationality", "destination")
"""Columns holding ISO 3166-1 alpha-3 codes, matched case-insensitively against the codes the data holds."""


def as_of(figures: pd.DataFrame) -> pd.Series:
    """The last day each figure's as-of period covers (``2025-10`` → 2025-10-31)."""
    return last_days(figures["period_end"], figures["period_end_precision"])


def query(
    ds: Dataset,
    *,
    country: Codes | None = None,
    place: str | None = None,
    metric: Codes | None = None,
    nationality: Codes | None = None,
    reported_by: Codes | None = None,
    since: When | None = None,
    until: When | None = None,
    kind: Codes | None = None,
    extent: Codes | None = None,
    destination: Codes | None = None,
) -> pd.DataFrame:
    """Figures matching every filter given, joined with their source's publisher, wire, url and published date.

    Parameters
    ----------
    ds
        The dataset to search.
    country, metric, nationality, reported_by, destination
        A code (or name, for metrics) or several; a figure matches when its
        value is one of them. Codes must occur in the data; the error names
        those that do.
    place
        Text found anywhere in the figure's place, ignoring case
        (``"sihanouk"`` matches ``"Sihanoukville, Preah Sihanouk"``).
    since, until
        The figure's as-of period lies on or after the first day of ``since``
        and on or before the last day of ``until`` (both inclusive; ``"2025"``
        as ``until`` means up to 31 December 2025).
    kind
        Source kind(s): news, government, intergovernmental, ngo, academic.
    extent
        What the figures count: ``total``, ``operation`` or ``part`` (or several).

    Returns
    -------
    pandas.DataFrame
        The columns of ``ds.figures`` followed by ``publisher``, ``wire``,
        ``url`` and ``published``, in the release's row order.

    Raises
    ------
    ChoiceError
        A code, metric or kind the data does not know, or a malformed date.

    Examples
    --------
    >>> import scamstats
    >>> ds = scamstats.load()
    >>> found = ds.query(country="KHM", metric=["arrested", "detained"], since="2025-07", until="2025-07")
    >>> sorted(found["metric"].unique())
    ['arrested', 'detained']
    >>> bool(found["period_end"].between("2025-07-01", "2025-07-31").all())
    True
    >>> to_thailand = ds.query(country="MMR", metric="handed_over", destination="THA", extent="operation")
    >>> set(to_thailand["destination"]), set(to_thailand["extent"])
    ({'THA'}, {'operation'})
    """
    from ..vocabularies import EXTENTS, SOURCE_KINDS

    figures = ds.figures
    keep = pd.Series(True, index=figures.index)
    for column, label, wanted in (
        ("country", "country", country),
        ("nationality", "nationality", nationality),
        ("reported_by", "reporting country", reported_by),
        ("destination", "destination", destination),
    ):
        if wanted is not None:
            keep &= figures[column].isin(codes(label, wanted, figures[column])).fillna(False)
    if metric is not None:
        keep &= figures["metric"].isin(metrics(metric, ds.metrics["metric"]))
    if place is not None:
        keep &= figures["place"].str.contains(place, case=False, regex=False).fillna(False)
    if since is not None:
        keep &= figures["period_end"] >= when("since", since, end=False)
    if until is not None:
        keep &= as_of(figures) <= when("until", until, end=True)
    if extent is not None:
        keep &= figures["extent"].isin([one_of("extent", e, EXTENTS) for e in as_list(extent)])
    if kind is not None:
        kinds = [one_of("source kind", k, SOURCE_KINDS) for k in as_list(kind)]
        chosen = ds.sources.loc[ds.sources["kind"].isin(kinds), "source_id"]
        keep &= figures["source_id"].isin(chosen)
    return with_sources(ds, figures[keep.astype(bool)])
