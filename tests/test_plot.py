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
    {"source_id": "j", "value": 3000, "period_end": "2025-11-05", "campaign": "c1"},
    {"source_id": "k", "value": 234, "period_end": "2025-07-15", "extent": "operation", "place": "Phnom Penh"},
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


def test_series_plot_has_a_line_per_baseline_operations_sources_conflicts_and_the_events_in_range() -> None:
    ds = dataset(FIGURES, events=EVENTS)
    figure = ds.plot_series("KHM", ["arrested", "detained"])
    ax = figure.axes[0]
    assert ax.get_title() == "Cambodia (KHM): arrested / detained"
    labels = ax.get_legend_handles_labels()[1]
    for label in (
        "counted from 2025-06-27",
        "counted from c1",
        "counted from 2026-01-01",
        "counted from c2",
        "no upper bound",
        "each source (arrested)",
        "each source (detained)",
        "single operations",
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
    assert len(solid) == 4  # one line per baseline: counts from different starts are never joined
    assert sorted(len(line.get_xdata()) for line in solid) == [1, 1, 2, 4]


def test_totals_plot_has_a_bar_per_period_coloured_by_method() -> None:
    ds = dataset(
        [
            {"source_id": "a", "value": 100, "period_start": "2023", "period_end": "2023"},
            {"source_id": "b", "value": 30, "period_end": "2024-03-01", "extent": "operation"},
            {"source_id": "c", "value": 12, "period_end": "2024-05-01", "extent": "operation"},
        ]
    )
    ax = ds.plot_totals("KHM", "arrested").axes[0]
    assert ax.get_title() == "Cambodia (KHM): arrested per year"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023", "2024"]
    assert [patch.get_height() for patch in ax.patches] == [100.0, 42.0]
    labels = ax.get_legend_handles_labels()[1]
    assert sorted(labels) == ["no upper bound", "operations (lower bound)", "reported"]


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
