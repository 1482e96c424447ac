"""The :class:`Dataset`: one release's tables and its version, and the questions it answers."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import pandas as pd

from .choices import Codes, When

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .questions.cite import Style
    from .questions.compare import By
    from .questions.totals import Freq


@dataclass(frozen=True, eq=False)
class Dataset:
    """One release of the dataset.

    The methods are the questions the figures answer; each delegates to a
    module of its own (:mod:`scamstats.questions.query`, :mod:`scamstats.questions.series`,
    :mod:`scamstats.questions.compare`, :mod:`scamstats.questions.conflicts`,
    :mod:`scamstats.questions.cite`, :mod:`scamstats.show.plots`), where the rules are
    described in full.

    Attributes
    ----------
    version
        The dataset version (``MAJOR.MINOR.PATCH``), distinct from the package version.
    figures, sources, events, metrics
        The release's tables; their columns are documented in the data dictionary.
    package
        The release's ``datapackage.json`` descriptor.

    Two datasets are equal when they have the same version and the same
    tables (:attr:`content_hash`); a dataset is hashable accordingly, so it
    can be a dictionary key or sit in a set. The ``package`` descriptor does
    not take part.

    >>> import scamstats
    >>> scamstats.load() == scamstats.load(), len({scamstats.load(), scamstats.load()})
    (True, 1)
    """

    version: str
    figures: pd.DataFrame = field(repr=False)
    sources: pd.DataFrame = field(repr=False)
    events: pd.DataFrame = field(repr=False)
    metrics: pd.DataFrame = field(repr=False)
    package: dict[str, Any] = field(repr=False, compare=False)

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the four tables, written as CSV in a fixed way (computed once)."""
        digest = hashlib.sha256()
        for table in (self.figures, self.sources, self.events, self.metrics):
            digest.update(table.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d").encode())
            digest.update(b"\x00")
        return digest.hexdigest()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self.version == other.version and self.content_hash == other.content_hash

    def __hash__(self) -> int:
        return hash((self.version, self.content_hash))

    def __repr__(self) -> str:
        return (
            f"Dataset(version={self.version!r}, figures={len(self.figures)}, "
            f"sources={len(self.sources)}, events={len(self.events)})"
        )

    def query(
        self,
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
        """Figures matching every filter given, with their source's publisher, wire, url and date.

        See :func:`scamstats.questions.query.query` for the parameters.

        Examples
        --------
        >>> import scamstats
        >>> found = scamstats.load().query(country="KHM", reported_by="KOR")
        >>> set(found["country"]), set(found["reported_by"])
        ({'KHM'}, {'KOR'})
        """
        from .questions.query import query

        return query(
            self,
            country=country,
            place=place,
            metric=metric,
            nationality=nationality,
            reported_by=reported_by,
            since=since,
            until=until,
            kind=kind,
            extent=extent,
            destination=destination,
        )

    def series(
        self,
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
        """One counter's reported values, one row per as-of date, with increments and flags.

        See :func:`scamstats.questions.series.series` for the parameters and columns.

        Examples
        --------
        >>> import scamstats
        >>> khm = scamstats.load().series("KHM", "arrested")
        >>> khm["period_end"].dtype.kind  # datetime64; its unit depends on the pandas version
        'M'
        >>> khm[["value", "increment_low", "decrease", "conflict", "corroborated_by"]].dtypes.tolist()
        [Int64Dtype(), Int64Dtype(), dtype('bool'), dtype('bool'), dtype('int64')]
        """
        from .questions.series import series

        return series(
            self,
            country,
            metric,
            nationality=nationality,
            place=place,
            scope=scope,
            destination=destination,
            baseline=baseline,
            extent=extent,
        )

    def compare(
        self,
        metric: Codes,
        *,
        countries: Codes | None = None,
        at: When | None = None,
        period: str | None = None,
        by: By = "country",
        max_age: int | None = None,
    ) -> pd.DataFrame:
        """Each country's latest total as of ``at`` (or its total for one ``period``), side by side, with sources.

        See :func:`scamstats.questions.compare.compare` for the parameters and columns.

        Examples
        --------
        >>> import scamstats
        >>> table = scamstats.load().compare("arrested", at="2025-07-31")
        >>> bool(table["country"].is_unique), bool((table["period_end"] <= "2025-07-31").all())
        (True, True)
        """
        from .questions.compare import compare

        return compare(self, metric, countries=countries, at=at, period=period, by=by, max_age=max_age)

    def totals(
        self,
        country: str,
        metric: str,
        *,
        freq: Freq = "year",
        nationality: str | None = None,
        place: str | None = None,
        destination: str | None = None,
    ) -> pd.DataFrame:
        """How many in each year (or quarter, or month), as an interval, with the method and the figures used.

        See :func:`scamstats.questions.totals.totals` for the parameters, the methods and the columns.

        Examples
        --------
        >>> import scamstats
        >>> years = scamstats.load().totals("KHM", "arrested")
        >>> bool((years["low"] <= years["high"].fillna(years["low"])).all())
        True
        """
        from .questions.totals import totals

        return totals(self, country, metric, freq=freq, nationality=nationality, place=place, destination=destination)

    def conflicts(self) -> pd.DataFrame:
        """Every group of figures that should agree and do not, with the sources on each side and why.

        See :func:`scamstats.questions.conflicts.conflicts` for the columns.

        Examples
        --------
        >>> import scamstats
        >>> found = scamstats.load().conflicts()
        >>> list(found.columns[:4]), bool(found["reason"].str.contains("no value fits all").all())
        (['conflict', 'side', 'reason', 'country'], True)
        """
        from .questions.conflicts import conflicts

        return conflicts(self)

    def cite(self, style: Style = "text") -> str:
        """Cite this dataset version: ``text``, ``bibtex``, ``apa`` or ``csl-json``.

        Generated from :attr:`package`; see :func:`scamstats.questions.cite.cite`.

        Examples
        --------
        >>> import scamstats
        >>> ds = scamstats.load()
        >>> f"(Version {ds.version}) [Data set]" in ds.cite(style="apa")
        True
        """
        from .questions.cite import cite

        return cite(self.package, style)

    def cite_figure(self, figure_id: str) -> str:
        """One figure in words, with its source and this dataset version.

        See :func:`scamstats.questions.cite.cite_figure`.

        Examples
        --------
        >>> import scamstats
        >>> ds = scamstats.load()
        >>> ds.cite_figure(ds.figures["figure_id"].iloc[0]).count(ds.version)
        1
        """
        from .questions.cite import cite_figure

        return cite_figure(self, figure_id)

    def plot_series(
        self,
        country: str,
        metric: Codes,
        *,
        nationality: str | None = None,
        place: str | None = None,
        scope: str | None = None,
        destination: str | None = None,
        baseline: str | datetime.date | None = None,
        extent: str = "total",
        ax: Axes | None = None,
    ) -> Figure:
        """Plot one counter over time: a line per baseline, its interval band, every source's figure and events.

        Needs matplotlib (``pip install 'scamstats[plot]'``); see :func:`scamstats.show.plots.plot_series`.

        Examples
        --------
        >>> import scamstats
        >>> figure = scamstats.load().plot_series("KHM", ["arrested", "detained"])
        >>> type(figure).__name__
        'Figure'
        """
        from .show.plots import plot_series

        return plot_series(
            self,
            country,
            metric,
            nationality=nationality,
            place=place,
            scope=scope,
            destination=destination,
            baseline=baseline,
            extent=extent,
            ax=ax,
        )

    def plot_totals(
        self,
        country: str,
        metric: str,
        *,
        freq: Freq = "year",
        nationality: str | None = None,
        place: str | None = None,
        destination: str | None = None,
        ax: Axes | None = None,
    ) -> Figure:
        """Bar chart of :meth:`totals`: how many in each period, as an interval, coloured by method.

        Needs matplotlib; see :func:`scamstats.show.plots.plot_totals`.

        Examples
        --------
        >>> import scamstats
        >>> figure = scamstats.load().plot_totals("MMR", "arrested")
        >>> type(figure).__name__
        'Figure'
        """
        from .show.plots import plot_totals

        return plot_totals(
            self, country, metric, freq=freq, nationality=nationality, place=place, destination=destination, ax=ax
        )

    def plot_compare(
        self,
        metric: Codes,
        *,
        countries: Codes | None = None,
        at: When | None = None,
        by: By = "country",
        ax: Axes | None = None,
    ) -> Figure:
        """Bar chart of each country's latest total as of ``at``, with intervals, as-of dates and stale bars faded.

        Needs matplotlib (``pip install 'scamstats[plot]'``); see :func:`scamstats.show.plots.plot_compare`.

        Examples
        --------
        >>> import scamstats
        >>> figure = scamstats.load().plot_compare("deported", countries=["KHM", "MMR"])
        >>> [t.get_text()[:3] for t in figure.axes[0].get_xticklabels()]
        ['KHM', 'MMR']
        """
        from .show.plots import plot_compare

        return plot_compare(self, metric, countries=countries, at=at, by=by, ax=ax)
