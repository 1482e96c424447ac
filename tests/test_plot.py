"""Plots draw what the tables say; matplotlib is imported only when a plot is drawn."""

from __future__ import annotations

import subprocess
import sys

import pytest
from frames import dataset

from scamstats.choices import ChoiceError

pytest.importorskip("matplotlib")

FIGURES = [
    {"source_id": "a", "value": 1362, "period_end": "2025-07-16", "period_start": "2025-06-27", "campaign": "c1"},
    {"source_id": "b", "value": 1000, "qualifier": "more_than", "period_end": "2025-07-17", "campaign": "c1"},
    {"source_id": "c", "value": 2137, "metric": "detained", "period_end": "2025-07-18", "period_start": "2025-06-27"},
    {"source_id": "d", "value": 3455, "qualifier": "about", "period_end": "2025-10", "campaign": "c1"},
    {"source_id": "e", "value": 3455, "period_end": "2025-10-18", "campaign": "c1"},
    {"source_id": "f", "value": 4000, "period_end": "2025-10-18", "campaign": "c1"},
    {"source_id": "g", "value": 162, "period_end": "2026-01-16", "period_start": "2026-01-01", "campaign": "c2"},
    {"source_id": "g2", "value": 150, "period_end": "2026-01-20", "campaign": "c2"},
    {"source_id": "h", "value": 900, "country": "MMR", "metric": "deported", "period_end": "2025-09-01"},
    {"source_id": "i", "value": 500, "qualifier": "at_least", "metric": "deported", "period_end": "2025-08-01"},
]
EVENTS = [
    {"event_id": "c1", "date": "2025-06-27", "country": "KHM", "title": "Campaign starts"},
    {"event_id": "law", "date": "2025-10-25", "country": "VNM", "kind": "treaty", "title": "Convention signed"},
    {"event_id": "old", "date": "2020-01-01", "country": "KHM", "kind": "law", "title": "Long before"},
    {"event_id": "raid", "date": "2025-09-08", "country": "KHM", "kind": "raid", "title": "A raid"},
    {"event_id": "c2", "date": "2026-01-01", "country": "KHM", "title": "Second campaign"},
]


def test_series_plot_has_band_points_sources_conflicts_and_the_events_in_range() -> None:
    ds = dataset(FIGURES, events=EVENTS)
    figure = ds.plot_series("KHM", ["arrested", "detained"])
    ax = figure.axes[0]
    assert ax.get_title() == "Cambodia (KHM): arrested / detained"
    labels = ax.get_legend_handles_labels()[1]
    for label in (
        "interval",
        "no upper bound",
        "each source (arrested)",
        "each source (detained)",
        "conflicting figures",
        "decrease",
    ):
        assert label in labels
    events_text = next(t.get_text() for t in ax.texts if t.get_text().startswith("Events"))
    assert "2025-06-27  Campaign starts" in events_text
    assert "2025-09-08  A raid" in events_text
    assert "2026-01-01  Second campaign" in events_text
    assert "Convention signed" not in events_text  # another country's event
    assert "Long before" not in events_text  # outside the plotted dates
    dotted = [line for line in ax.get_lines() if line.get_linestyle() == ":"]
    assert len(dotted) == 3
    solid = [line for line in ax.get_lines() if line.get_linestyle() == "-"]
    assert len(solid) == 2  # the line breaks at the new baseline of 2026-01-01
    assert sorted(len(line.get_xdata()) for line in solid) == [2, 5]


def test_compare_plot_has_one_bar_per_country_at_its_value() -> None:
    ds = dataset(FIGURES, events=EVENTS)
    figure = ds.plot_compare("deported")
    ax = figure.axes[0]
    assert [patch.get_height() for patch in ax.patches] == [500.0, 900.0]
    assert [t.get_text().split("\n")[:2] for t in ax.get_xticklabels()] == [
        ["KHM", "2025-08-01"],
        ["MMR", "2025-09-01"],
    ]
    assert "no upper bound" in ax.get_legend_handles_labels()[1]


def test_nothing_to_plot_is_said_plainly() -> None:
    with pytest.raises(ChoiceError, match="nothing to plot"):
        dataset(FIGURES).plot_series("KHM", "charged")


def test_matplotlib_is_imported_only_to_draw() -> None:
    code = (
        "import sys, scamstats\n"
        "ds = scamstats.load()\n"
        "ds.series('KHM', 'arrested'); ds.compare('deported'); ds.conflicts(); ds.cite()\n"
        "print('matplotlib' in sys.modules)\n"
        "ds.plot_series('KHM', 'arrested')\n"
        "print('matplotlib' in sys.modules, 'matplotlib.pyplot' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.split() == ["False", "True", "False"]
