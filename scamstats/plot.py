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

from .choices import ChoiceError, Codes, When
from .compare import compare
from .series import series, series_figures

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .dataset import Dataset

_MARKERS = ("o", "s", "D", "v", "P", "X", "*")
_LINE = "#1f5a96"
_BAND = "#9ec3e6"
_CONFLICT = "#c0392b"
_EVENT = "#7f7f7f"


def _axes(ax: Any, size: tuple[float, float]) -> Any:
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
    """The dates as datetimes, which matplotlib plots (its type hints do not say so)."""
    days: list[datetime.datetime] = [pd.Timestamp(day).to_pydatetime() for day in column]
    return days


def _mark(ax: Any, rows: pd.DataFrame, column: str, label: str, **style: Any) -> None:
    """Scatter ``rows``' ``column`` against their as-of dates, under ``label``; nothing when there are no rows."""
    if not rows.empty:
        ax.scatter(_days(rows["period_end"]), rows[column].astype(float), label=label, **style)


def _runs(points: pd.DataFrame) -> list[pd.DataFrame]:
    """Consecutive points between baseline changes: the stretches one line may join."""
    run_number = points["baseline_change"].astype(int).cumsum()
    return [run for _, run in points.groupby(run_number, sort=True)]


def plot_series(
    ds: Dataset,
    country: str,
    metric: Codes,
    *,
    nationality: str | None = None,
    place: str | None = None,
    scope: str | None = None,
    baseline: str | datetime.date | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Plot a counter over time: its points, the band its qualifiers allow, every source's figure, and events.

    The arguments select the counter as in :func:`scamstats.series.series`.
    The line joins the representative points and breaks where the baseline
    changes; the shaded band spans ``value_low`` to ``value_high`` (an upward
    triangle marks a point with no upper bound); small markers show every
    source's figure, one shape per metric; red rings mark dates whose figures
    conflict; dotted vertical lines mark the country's events (and the
    campaigns the figures belong to), numbered and listed under the plot.

    Parameters
    ----------
    ds
        The dataset.
    country, metric, nationality, place, scope, baseline
        As for :func:`scamstats.series.series`.
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
    from .cite import country_name

    points = series(ds, country, metric, nationality=nationality, place=place, scope=scope, baseline=baseline)
    if points.empty:
        raise ChoiceError(f"nothing to plot: no figures for {country} {metric} with these filters")
    figures = series_figures(ds, country, metric, nationality=nationality, place=place, scope=scope, baseline=baseline)
    ax = _axes(ax, (10, 5.5))
    for number, run in enumerate(_runs(points)):
        days = _days(run["period_end"])
        low = run["value_low"].astype(float)
        high = run["value_high"].astype(float).fillna(low)
        ax.fill_between(days, low, high, color=_BAND, alpha=0.5, linewidth=0, label="interval" if number == 0 else None)
        ax.plot(
            days,
            run["value"].astype(float),
            color=_LINE,
            linewidth=1.6,
            marker="o",
            markersize=4,
            label="reported (one per date)" if number == 0 else None,
        )
    _mark(ax, points[points["value_high"].isna()], "value_low", "no upper bound", marker="^", s=60, color=_LINE)
    for shape, (name, group) in zip(itertools.cycle(_MARKERS), figures.groupby("metric", sort=True)):
        _mark(ax, group, "value", f"each source ({name})", marker=shape, s=22, color="#333333", alpha=0.7, zorder=5)
    _mark(ax, points[points["decrease"]], "value", "decrease", marker="v", s=70, color=_CONFLICT, zorder=6)
    conflicting = points[points["conflict"]]
    _mark(ax, conflicting, "value", "conflicting figures", s=170, facecolors="none", edgecolors=_CONFLICT, zorder=6)
    _events(ds, ax, country, points, set(figures["campaign"].dropna()))
    chosen = [metric] if isinstance(metric, str) else list(metric)
    title = f"{country_name(country.strip().upper())}: {' / '.join(chosen)}"
    given = (("place", place), ("nationality", nationality), ("scope", scope), ("counted from", baseline))
    details = [f"{label} {value}" for label, value in given if value is not None]
    ax.set_title(", ".join([title, *details]))
    ax.set_ylabel(str(figures["unit"].iloc[0]))
    ax.set_ylim(bottom=0)
    _thousands(ax)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    return cast("Figure", ax.figure)  # the figure the axes belong to


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
    ds: Dataset, metric: Codes, *, countries: Codes | None = None, at: When | None = None, ax: Axes | None = None
) -> Figure:
    """Bar chart of :func:`scamstats.compare.compare`: each country's latest figure, its interval and as-of date.

    Parameters
    ----------
    ds
        The dataset.
    metric, countries, at
        As for :func:`scamstats.compare.compare`.
    ax
        matplotlib axes to draw on; a new figure is made when ``None``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Each bar is labelled with its country, as-of
        date and baseline; whiskers span the interval, an upward triangle marks one with no
        upper bound, and hatched bars have conflicting figures.

    Examples
    --------
    >>> import scamstats
    >>> figure = scamstats.load().plot_compare("deported", at="2025-12-31")
    >>> figure.axes[0].get_title()
    'deported: latest figure per country as of 2025-12-31'
    """
    from .choices import when
    from .render import as_written

    table = compare(ds, metric, countries=countries, at=at)
    if table.empty:
        raise ChoiceError(f"nothing to plot: no whole-country figures for {metric} by then")
    ax = _axes(ax, (max(5.0, 1.2 * len(table) + 2), 5))
    positions = list(range(len(table)))
    values = table["value"].astype(float)
    low = (values - table["value_low"].astype(float)).clip(lower=0)
    high = (table["value_high"].astype(float) - values).fillna(0)
    bars = ax.bar(positions, values, color=_BAND, edgecolor=_LINE)
    for bar, conflict in zip(bars, table["conflict"], strict=True):
        if conflict:
            bar.set_hatch("//")
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
    labels = [
        "\n".join([country, as_written(day, precision), *([f"since {start}"] if not pd.isna(start) else [])])
        for country, day, precision, start in zip(
            table["country"], table["period_end"], table["period_end_precision"], table["baseline"], strict=True
        )
    ]
    ax.set_xticks(positions, labels)
    for position, value, qualifier in zip(positions, values, table["qualifier"], strict=True):
        word = "" if qualifier == "exact" else qualifier.replace("_", " ") + " "
        ax.annotate(
            f"{word}{value:,.0f}", (position, value), xytext=(0, 3), textcoords="offset points", ha="center", fontsize=8
        )
    chosen = [metric] if isinstance(metric, str) else list(metric)
    moment = f"as of {when('at', at, end=True):%Y-%m-%d}" if at is not None else "(latest)"
    ax.set_title(f"{' / '.join(chosen)}: latest figure per country {moment}")
    ax.set_ylabel(str(ds.metrics.set_index("metric").loc[chosen[0], "unit"]))
    _thousands(ax)
    ax.grid(axis="y", alpha=0.3)
    return cast("Figure", ax.figure)  # the figure the axes belong to
