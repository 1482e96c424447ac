"""The data behind the documentation's Explore page: every figure, its source and the counters, as compact JSON.

The page (``docs/explore.md`` with ``docs/assets/explore.js``) filters,
pages and charts these records in the browser, with no server and no
network. :func:`explore_data` builds them from a :class:`Dataset`;
:func:`explore_json` writes them as the file the site ships.

Figures are rows of :data:`FIGURE_COLUMNS`, newest as-of date first (then in
release order). Dates are written as their sources gave them
(``2025``, ``2025-11``, ``2025-11-30``), so the year a figure falls in, as
``query(since=Y, until=Y)`` reads it, is the first four characters of its
``period_end``. Each figure names its source by position in ``sources``.

Each chart is :meth:`Dataset.series` of one country and metric (and, when one
nationality is counted, that nationality), one point per as-of date: total
figures only, and each point keeps the baseline it counts from so that the
page never joins points of different baselines.

>>> import scamstats
>>> ds = scamstats.load()
>>> data = explore_data(ds)
>>> data["version"] == ds.version, len(data["figures"]) == len(ds.figures)
(True, True)
>>> row = dict(zip(data["columns"], data["figures"][0]))
>>> data["sources"][row["source"]][0] == ds.figures.set_index("figure_id").at[row["figure_id"], "source_id"]
True
>>> khm = data["series"]["KHM|arrested|"]
>>> [point[0] for point in khm] == ds.series("KHM", "arrested")["period_end"].dt.strftime("%Y-%m-%d").tolist()
True
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TypedDict

import pandas as pd

from ..dates import written_dates

if TYPE_CHECKING:
    from ..dataset import Dataset

FIGURE_COLUMNS = (
    "figure_id",
    "country",
    "place",
    "reported_by",
    "metric",
    "extent",
    "unit",
    "value",
    "qualifier",
    "period_start",
    "period_end",
    "nationality",
    "destination",
    "note",
    "source",
)
"""The fields of each figure row: the release's columns, dates as written, and ``source`` (an index)."""

SOURCE_COLUMNS = ("source_id", "title", "publisher", "url", "published")
"""The fields of each source row."""

POINT_COLUMNS = ("as_of", "written", "value", "qualifier", "value_low", "value_high", "baseline", "figure_id")
"""The fields of each chart point: the as-of date's last day, as written, the value and what it counts from."""

Cell = str | int | None


class ExploreData(TypedDict):
    """The JSON document the Explore page reads."""

    version: str
    columns: list[str]
    figures: list[list[Cell]]
    source_columns: list[str]
    sources: list[list[Cell]]
    point_columns: list[str]
    series: dict[str, list[list[Cell]]]
    names: dict[str, str]
    metrics: list[str]


def _cells(column: pd.Series) -> list[Cell]:
    """A column as JSON cells: text, whole numbers, or ``None`` where empty."""
    return [None if pd.isna(value) else value if isinstance(value, str) else int(value) for value in column]


def series_keys(ds: Dataset) -> list[tuple[str, str, str | None]]:
    """Every (country, metric, nationality) whose total figures make a series of their own.

    A key is what :meth:`Dataset.series` is called with: the whole country (no
    place, scope or destination), all nationalities (``None``) or one.

    >>> import scamstats
    >>> ("KHM", "arrested", None) in series_keys(scamstats.load())
    True
    """
    figures = ds.figures
    whole = (
        (figures["extent"] == "total")
        & figures["place"].isna()
        & figures["scope"].isna()
        & figures["destination"].isna()
    ).fillna(False)
    chosen = figures.loc[whole.astype(bool), ["country", "metric", "nationality"]].drop_duplicates()
    keys = {
        (str(country), str(metric), None if pd.isna(nationality) else str(nationality))
        for country, metric, nationality in chosen.itertuples(index=False)
    }
    return sorted(keys, key=lambda key: (key[0], key[1], key[2] or ""))


def series_points(ds: Dataset, country: str, metric: str, nationality: str | None) -> list[list[Cell]]:
    """:meth:`Dataset.series` as rows of :data:`POINT_COLUMNS`, in date order.

    >>> import scamstats
    >>> points = series_points(scamstats.load(), "KHM", "arrested", None)
    >>> dict(zip(POINT_COLUMNS, points[0]))["as_of"] <= dict(zip(POINT_COLUMNS, points[-1]))["as_of"]
    True
    """
    points = ds.series(country, metric, nationality=nationality)
    columns = {
        "as_of": points["period_end"].dt.strftime("%Y-%m-%d"),
        "written": written_dates(points["period_end"], points["period_end_precision"]),
        "value": points["value"],
        "qualifier": points["qualifier"],
        "value_low": points["value_low"],
        "value_high": points["value_high"],
        "baseline": points["baseline"],
        "figure_id": points["figure_id"],
    }
    cells = [_cells(columns[name]) for name in POINT_COLUMNS]
    return [list(row) for row in zip(*cells, strict=True)]


def explore_data(ds: Dataset) -> ExploreData:
    """Every figure with its source, the country names and every total series, ready for ``json.dumps``."""
    from ..questions.cite import country_name

    sources = ds.sources.reset_index(drop=True)
    position = pd.Series(range(len(sources)), index=sources["source_id"])
    figures = ds.figures.assign(
        period_start=written_dates(ds.figures["period_start"], ds.figures["period_start_precision"]),
        period_end=written_dates(ds.figures["period_end"], ds.figures["period_end_precision"]),
        source=ds.figures["source_id"].map(position),
        _as_of=ds.figures["period_end"],
        _order=range(len(ds.figures)),
    ).sort_values(["_as_of", "_order"], ascending=[False, True], kind="stable")
    rows = [list(row) for row in zip(*(_cells(figures[name]) for name in FIGURE_COLUMNS), strict=True)]
    source_rows = [
        list(row)
        for row in zip(
            *(
                _cells(sources[name].dt.strftime("%Y-%m-%d") if name == "published" else sources[name])
                for name in SOURCE_COLUMNS
            ),
            strict=True,
        )
    ]
    codes: set[str] = set()
    for column in ("country", "reported_by", "nationality", "destination"):
        codes |= {str(code) for code in ds.figures[column].dropna()}
    names = {code: country_name(code).removesuffix(f" ({code})") for code in sorted(codes)}
    series = {
        f"{country}|{metric}|{nationality or ''}": series_points(ds, country, metric, nationality)
        for country, metric, nationality in series_keys(ds)
    }
    return ExploreData(
        version=ds.version,
        columns=list(FIGURE_COLUMNS),
        figures=rows,
        source_columns=list(SOURCE_COLUMNS),
        sources=source_rows,
        point_columns=list(POINT_COLUMNS),
        series={key: points for key, points in series.items() if points},
        names=names,
        metrics=[str(metric) for metric in ds.metrics["metric"]],
    )


def explore_json(ds: Dataset) -> str:
    """:func:`explore_data` as compact JSON text (no spaces, non-ASCII kept as is).

    >>> import json, scamstats
    >>> text = explore_json(scamstats.load())
    >>> json.loads(text)["columns"][0], ", " in text[:200]
    ('figure_id', False)
    """
    return json.dumps(explore_data(ds), ensure_ascii=False, separators=(",", ":"))
