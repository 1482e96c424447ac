"""Plots: a counter over time with its interval band and events, and countries side by side.

matplotlib is an optional dependency (``pip install 'scamstats[plot]'``),
imported only inside these functions. They draw on a
:class:`matplotlib.figure.Figure` of their own (or on the axes given) without
pyplot, so they never start a window or change the user's backend; save the
result with ``figure.savefig("out.png")``.
"""

from __future__ import annotations

import datetime
import itertools
import textwrap
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

from ..choices import ChoiceError, Codes, When
from ..questions.compare import By, compare
from ..questions.series import series, series_figures
from ..questions.totals import totals

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..dataset import Dataset
    from ..questions.totals import Freq

_MARKERS = ("o", "s", "D", "v", "P", "X", "*")
_LINE = "#1f5a96"
_BAND = "#9ec3e6"
_CONFLICT = "#c0392b"
_EVENT = "#7f7f7f"
_COLOURS = ("#1f5a96", "#d35400", "#2e8b57", "#8e44ad", "#b7950b", "#16a085", "#7f8c8d")
"""One colour per baseline of a series."""


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """The axes to draw on: ``ax``, or those of a new pyplot-free figure."""
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise ImportError("plots need matplotlib; install it with: pip install 'scamstats[plot]'") from None
    if ax is not None:
        return ax
    figure = Figure(figsize=size, layout="constrained")
    return figure.add_subplot()


def _thousands(ax: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:,.0f}"))


def _days(column: pd.Series) -> Any:
    """Dates as matplotlib plots them (``Any``: its stubs know numbers only, not the dates its units accept)."""
    return [pd.Timestamp(day).to_pydatetime() for day in column]


def _figure(ax: Axes) -> Figure:
    """The figure ``ax`` is drawn on."""
    return cast("Figure", ax.figure)


def _mark(ax: Any, rows: pd.DataFrame, column: str, label: str, **style: Any) -> None:
    """Scatter ``rows``' ``column`` against their as-of dates, under ``label``; nothing when there are no rows."""
    if not rows.empty:
        ax.scatter(_days(rows["period_end"]), rows[column].astype(float), label=label, **style)


def plot_series(
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
    ax: Axes | None = None,
) -> Figure:
    """Plot a counter over time: one line per baseline, its interval band, single operations, and events.

    The arguments select the counter as in :func:`scamstats.questions.series.series`.
    Each baseline (what the counts run from) is a line of its own colour, so
    counts from different starts are never joined; the shaded band spans
    ``value_low`` to ``value_high`` (an upward triangle marks a point with no
    upper bound); small markers show every source's figure, one shape per
    metric; crosses mark single operations of the same metric (for totals);
    red rings mark dates whose figures conflict; dotted vertical lines mark
    the country's events (and the campaigns the figures belong to), numbered
    and listed under the plot.

    Parameters
    ----------
    ds
        The dataset.
    country, metric, nationality, place, scope, destination, baseline, extent
        As for :func:`scamstats.questions.series.series`.
    ax
        matplotlib axes to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on.

    Raises
    ------
    ChoiceError
        Bad arguments (as for ``series``), or no figure matches them.
    ImportError
        matplotlib is not installed.

    Examples
    --------
    >>> import scamstats
    >>> figure = scamstats.load().plot_series("KHM", "arrested", baseline="khm-2025-crackdown")
    >>> figure.axes[0].get_title()
    'Cambodia (KHM): arrested, counted from khm-2025-crackdown'
    """
    from ..questions.cite import country_name

    options: dict[str, Any] = {
        "nationality": nationality,
        "place": place,
        "scope": scope,
        "destination": destination,
        "baseline": baseline,
        "extent": extent,
    }
    points = series(ds, country, metric, **options)
    if points.empty:
        raise ChoiceError(f"nothing to plot: no figures for {country} {metric} with these filters")
    figures = series_figures(ds, country, metric, **options)
    ax = _axes(ax, (10, 5.5))
    counted = points["baseline"].astype(object).where(points["baseline"].notna(), "no start stated")
    for number, (start, run) in enumerate(counted.groupby(counted, sort=False).groups.items()):
        line = points.loc[run]
        colour = _COLOURS[number % len(_COLOURS)]
        days = _days(line["period_end"])
        low = line["value_low"].astype(float)
        high = line["value_high"].astype(float).fillna(low)
        ax.fill_between(days, low, high, color=colour, alpha=0.15, linewidth=0)
        label = f"counted from {start}" if extent != "operation" else "single operations"
        ax.plot(
            days,
            line["value"].astype(float),
            color=colour,
            linewidth=1.6 if extent != "operation" else 0,
            marker="o",
            markersize=4,
            label=label if number == 0 or extent != "operation" else None,
        )
    _mark(ax, points[points["value_high"].isna()], "value_low", "no upper bound", marker="^", s=60, color=_LINE)
    for shape, (name, group) in zip(itertools.cycle(_MARKERS), figures.groupby("metric", sort=True)):
        _mark(ax, group, "value", f"each source ({name})", marker=shape, s=22, color="#333333", alpha=0.7, zorder=5)
    if extent == "total" and scope is None:
        _mark(ax, _operations(ds, figures, place), "value", "single operations", marker="x", s=30, color="#8e44ad")
    _mark(ax, points[points["decrease"]], "value", "decrease", marker="v", s=70, color=_CONFLICT, zorder=6)
    conflicting = points[points["conflict"]]
    _mark(ax, conflicting, "value", "conflicting figures", s=170, facecolors="none", edgecolors=_CONFLICT, zorder=6)
    _events(ds, ax, country, points, set(figures["campaign"].dropna()))
    chosen = [metric] if isinstance(metric, str) else list(metric)
    title = f"{country_name(country.strip().upper())}: {' / '.join(chosen)}"
    given = (
        ("single operations", "" if extent == "operation" else None),
        ("parts", "" if extent == "part" else None),
        ("place", place),
        ("nationality", nationality),
        ("sent to", destination),
        ("scope", scope),
        ("counted from", baseline),
    )
    details = [f"{label} {value}".strip() for label, value in given if value is not None]
    ax.set_title(", ".join([title, *details]))
    ax.set_ylabel(str(figures["unit"].iloc[0]))
    ax.set_ylim(bottom=0)
    _thousands(ax)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    return _figure(ax)


def _operations(ds: Dataset, totals_plotted: pd.DataFrame, place: str | None) -> pd.DataFrame:
    """Single operations of the plotted country, metrics and nationality: anywhere in it, or in ``place``."""
    figures = ds.figures
    first = totals_plotted.iloc[0]
    keep = (figures["country"] == first["country"]) & figures["metric"].isin(set(totals_plotted["metric"]))
    keep &= (figures["extent"] == "operation") & figures["scope"].isna()
    nationality = first["nationality"]
    keep &= figures["nationality"].isna() if pd.isna(nationality) else figures["nationality"] == nationality
    if place is not None:
        keep &= figures["place"] == place
    chosen: pd.DataFrame = figures[keep.fillna(False).astype(bool)]
    return chosen


def plot_totals(
    ds: Dataset,
    country: str,
    metric: str,
    *,
    freq: Freq = "year",
    nationality: str | None = None,
    place: str | None = None,
    destination: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Bar chart of :func:`scamstats.questions.totals.totals`: how many in each period, and how that is known.

    Each bar rises to the period's ``low``; a whisker reaches ``high`` where
    the interval is bounded, and an upward triangle marks a lower bound (a
    sum of single operations). Bars are coloured by method and labelled with
    the interval. Periods without evidence have no bar.

    Examples
    --------
    >>> import scamstats
    >>> figure = scamstats.load().plot_totals("KHM", "arrested")
    >>> figure.axes[0].get_title()
    'Cambodia (KHM): arrested per year'
    """
    from ..questions.cite import country_name
    from .tables import span

    found = totals(ds, country, metric, freq=freq, nationality=nationality, place=place, destination=destination)
    if found.empty:
        raise ChoiceError(f"nothing to plot: no period has evidence for {country} {metric}")
    ax = _axes(ax, (max(5.0, 0.9 * len(found) + 3), 5))
    positions = list(range(len(found)))
    low = found["low"].astype(float)
    high = found["high"].astype(float)
    colours = {"reported": _LINE, "difference": "#2e8b57", "operations": "#b0b0b0"}
    for method, colour in colours.items():
        chosen = (found["method"] == method).to_numpy()
        if chosen.any():
            label = method + (" (lower bound)" if method == "operations" else "")
            ax.bar([p for p, c in zip(positions, chosen, strict=True) if c], low[chosen], color=colour, label=label)
    bounded = high.notna().to_numpy()
    if bounded.any():
        whisker = (high - low)[bounded]
        ax.errorbar(
            [p for p, b in zip(positions, bounded, strict=True) if b],
            low[bounded],
            yerr=[[0.0] * int(bounded.sum()), [float(w) for w in whisker]],
            fmt="none",
            ecolor="#333333",
            capsize=4,
        )
    if (~bounded).any():
        ax.scatter(
            [p for p, b in zip(positions, bounded, strict=True) if not b],
            low[~bounded],
            marker="^",
            color="#333333",
            zorder=4,
            label="no upper bound",
        )
    for position, row in zip(positions, found.to_dict("records"), strict=True):
        ax.annotate(
            span(row["low"], row["high"]),
            (position, float(row["low"])),
            xytext=(0, 6),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    ax.set_xticks(positions, found["period"].tolist())
    selection = [
        f"nationality {nationality}" if nationality else "",
        f"place {place}" if place else "",
        f"sent to {destination}" if destination else "",
    ]
    extra = ", ".join(x for x in selection if x)
    ax.set_title(f"{country_name(country.strip().upper())}: {metric} per {freq}" + (f" ({extra})" if extra else ""))
    ax.set_ylabel(str(ds.metrics.set_index("metric").loc[metric.strip().lower(), "unit"]))
    ax.set_ylim(0, max(float(low.max()), float(high.max()) if bounded.any() else 0.0) * 1.12)
    _thousands(ax)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    return _figure(ax)


def _events(ds: Dataset, ax: Any, country: str, points: pd.DataFrame, campaigns: set[str]) -> None:
    """Mark the events of ``country`` (and ``campaigns``) within the plotted dates; list them under the axes.

    Numbers of events close together are set on successive rows so they do not overlap.
    """
    first, last = points["period_end"].min(), points["period_end"].max()
    margin = max(pd.Timedelta(days=30), (last - first) / 20)
    events = ds.events
    wanted = (events["country"] == country.strip().upper()) | events["event_id"].isin(campaigns)
    shown = events[wanted & events["date"].between(first - margin, last)].sort_values(["date", "event_id"])
    days = _days(shown["date"])
    left, right = ax.get_xlim()
    if days:
        left = min(left, float(ax.xaxis.convert_units(days[0])) - 0.02 * (right - left))
    rows: list[float] = []  # the x of the last number set on each row
    lines = []
    for number, (day, event) in enumerate(zip(days, shown.itertuples(), strict=True), start=1):
        x = float(ax.xaxis.convert_units(day))
        row = next((i for i, last_x in enumerate(rows) if x - last_x > 0.03 * (right - left)), len(rows))
        if row == len(rows):
            rows.append(x)
        rows[row] = x
        ax.axvline(day, color=_EVENT, linestyle=":", linewidth=1)
        ax.annotate(
            str(number),
            (day, 1),
            xycoords=("data", "axes fraction"),
            xytext=(2, -10 - 9 * row),
            textcoords="offset points",
            fontsize=7,
            color=_EVENT,
        )
        lines.append(f"{number}  {event.date:%Y-%m-%d}  {textwrap.shorten(str(event.title), 110)}")
    ax.set_xlim(left, right)
    if lines:
        ax.text(0, -0.1, "Events\n" + "\n".join(lines), transform=ax.transAxes, va="top", fontsize=7, color="#444444")


def plot_compare(
    ds: Dataset,
    metric: Codes,
    *,
    countries: Codes | None = None,
    at: When | None = None,
    by: By = "country",
    ax: Axes | None = None,
) -> Figure:
    """Bar chart of :func:`~scamstats.questions.compare.compare`: each country's latest total, interval and date.

    Parameters
    ----------
    ds
        The dataset.
    metric, countries, at, by
        As for :func:`scamstats.questions.compare.compare`.
    ax
        matplotlib axes to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Each bar is labelled with its group (and metric
        when several), as-of date and baseline; whiskers span the interval,
        an upward triangle marks one with no upper bound, hatched bars have
        conflicting figures and faded bars are stale.

    Examples
    --------
    >>> import scamstats
    >>> figure = scamstats.load().plot_compare("deported", at="2025-12-31")
    >>> figure.axes[0].get_title()
    'deported: latest total per country as of 2025-12-31'
    """
    from ..choices import when
    from .tables import as_written

    table = compare(ds, metric, countries=countries, at=at, by=by)
    if table.empty:
        raise ChoiceError(f"nothing to plot: no totals for {metric} by then")
    ax = _axes(ax, (max(5.0, 1.2 * len(table) + 2), 5))
    positions = list(range(len(table)))
    values = table["value"].astype(float)
    low = (values - table["value_low"].astype(float)).clip(lower=0)
    high = (table["value_high"].astype(float) - values).fillna(0)
    bars = ax.bar(positions, values, color=_BAND, edgecolor=_LINE)
    for bar, conflict, stale in zip(bars, table["conflict"], table["stale"], strict=True):
        if conflict:
            bar.set_hatch("//")
        if stale:
            bar.set_alpha(0.4)
    ax.errorbar(positions, values, yerr=[low.tolist(), high.tolist()], fmt="none", ecolor=_LINE, capsize=4)
    unbounded = table["value_high"].isna().to_numpy()
    if unbounded.any():
        ax.scatter(
            [p for p, u in zip(positions, unbounded, strict=True) if u],
            values[unbounded],
            marker="^",
            color=_LINE,
            zorder=4,
            label="no upper bound",
        )
        ax.legend(loc="upper right", fontsize=8)
    several = table["metric"].nunique() > 1
    labels = []
    for row in table.to_dict("records"):
        group = row["country"] if by == "country" else f"{row[by]} in {row['country']}"
        lines = [
            group,
            *([row["metric"]] if several else []),
            as_written(row["period_end"], row["period_end_precision"]),
        ]
        if not pd.isna(row["baseline"]):
            lines.append(f"since {row['baseline']}")
        labels.append("\n".join(lines))
    ax.set_xticks(positions, labels)
    for position, value, qualifier in zip(positions, values, table["qualifier"], strict=True):
        word = "" if qualifier == "exact" else qualifier.replace("_", " ") + " "
        ax.annotate(
            f"{word}{value:,.0f}", (position, value), xytext=(0, 3), textcoords="offset points", ha="center", fontsize=8
        )
    chosen = [metric] if isinstance(metric, str) else list(metric)
    moment = f"as of {when('at', at, end=True):%Y-%m-%d}" if at is not None else "(latest)"
    ax.set_title(f"{' / '.join(chosen)}: latest total per {by.replace('_', ' ')} {moment}")
    ax.set_ylabel(str(ds.metrics.set_index("metric").loc[chosen[0], "unit"]))
    _thousands(ax)
    ax.grid(axis="y", alpha=0.3)
    return _figure(ax)
