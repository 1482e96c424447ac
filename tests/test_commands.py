"""The comparison commands, run as a user runs them: output checked, bad arguments refused in one line."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import scamstats
from scamstats.questions.compare import COMPARE_COLUMNS
from scamstats.questions.series import SERIES_COLUMNS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # os.environ, not the process's C environment: a terminal library loaded by the test runner may have put
    # COLUMNS there, and these tests read the output as printed to a pipe, at its natural width
    env = {name: value for name, value in os.environ.items() if name != "COLUMNS"}
    return subprocess.run(
        [sys.executable, "-m", "scamstats.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )


def ok(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_series_prints_a_table_with_numbered_sources() -> None:
    out = ok("series", "KHM", "arrested")
    lines = out.splitlines()
    assert lines[0].startswith("Cambodia (KHM): arrested (totals, whole country, all nationalities), ")
    assert lines[1].split() == [
        "as",
        "of",
        "value",
        "interval",
        "increment",
        "baseline",
        "flags",
        "corroborated",
        "sources",
    ]
    assert any(line.startswith("2025-12-18") and "4,983" in line for line in lines)
    assert any(line.startswith("2026-01-25") and "5,106" in line for line in lines)
    series = scamstats.load().series("KHM", "arrested")
    for point in series.itertuples():
        if point.qualifier == "more_than":
            assert f"more than {point.value:,}" in out and f"≥ {point.value + 1:,}" in out
        elif point.qualifier == "about":
            assert f"about {point.value:,}" in out
    assert "Sources" in lines
    ds = scamstats.load()
    for source_id in ds.series("KHM", "arrested")["source_id"]:
        assert ds.sources.set_index("source_id").loc[source_id, "url"] in out


def test_series_with_several_metrics_shows_each_points_metric() -> None:
    out = ok("series", "khm", "arrested", "detained", "--baseline", "khm-2025-crackdown")
    assert "counted from khm-2025-crackdown" in out.splitlines()[0]
    assert any(line.startswith("2025-07-18") and "detained" in line and "2,137" in line for line in out.splitlines())


def test_series_csv_has_the_documented_columns() -> None:
    rows = list(csv.DictReader(io.StringIO(ok("series", "KHM", "arrested", "--format", "csv"))))
    assert list(rows[0]) == list(SERIES_COLUMNS)
    assert len(rows) == len(scamstats.load().series("KHM", "arrested"))
    assert {r["period_end"] for r in rows} >= {"2025-12-18", "2026-01-25"}
    assert all(r["source_ids"].split() for r in rows)


def test_series_json_is_a_list_of_records() -> None:
    records = json.loads(ok("series", "KHM", "arrested", "--format", "json"))
    assert set(records[0]) == set(SERIES_COLUMNS)
    latest = next(r for r in records if r["period_end"] == "2025-12-18")
    assert latest["value"] == 4983
    assert isinstance(latest["source_ids"], list) and isinstance(latest["decrease"], bool)


def test_compare_shows_each_countrys_latest_figure_and_its_date() -> None:
    out = ok("compare", "deported", "--at", "2025-12-31")
    assert out.splitlines()[0] == "deported: latest total per country as of 2025-12-31"
    table = scamstats.load().compare("deported", at="2025-12-31")
    for country, value in zip(table["country"], table["value"], strict=True):
        assert any(line.startswith(country) and f"{value:,}" in line for line in out.splitlines())
    records = json.loads(ok("compare", "deported", "--at", "2025-12-31", "--format", "json"))
    assert set(records[0]) == set(COMPARE_COLUMNS)
    assert all(r["period_end"] <= "2025-12-31" for r in records)


def test_compare_names_countries_without_a_figure_by_then() -> None:
    out = ok("compare", "deported", "--at", "2022-01-01", "--countries", "KHM", "MMR")
    assert "no total by then: KHM, MMR" in out


def test_conflicts_lists_each_group_with_its_sides() -> None:
    found = scamstats.load().conflicts()
    assert not found.empty, "the bundled release records disagreements; this test reads them"
    out = ok("conflicts")
    assert out.startswith(f"{found['conflict'].nunique()} groups of figures that should agree and do not")
    assert out.count("side 1:") == (found["side"] == 1).sum()
    assert out.count("side 2:") == (found["side"] == 2).sum()
    for url, reason in zip(found["url"], found["reason"], strict=True):
        assert url in out and reason in out
    assert len(json.loads(ok("conflicts", "--format", "json"))) == len(found)


def test_cite_prints_the_dataset_citation_in_each_style() -> None:
    ds = scamstats.load()
    assert ok("cite").strip() == ds.cite()
    assert ok("cite", "--style", "bibtex").startswith("@misc{")
    assert json.loads(ok("cite", "--style", "csl-json"))[0]["version"] == ds.version
    figure_id = ds.series("KHM", "arrested")["figure_id"].iloc[-1]
    assert ok("cite", "--figure", figure_id).strip() == ds.cite_figure(figure_id)


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (("series", "KHM", "arrested"), "series"),
        (("compare", "deported", "--at", "2025-12-31"), "compare"),
    ],
)
def test_plot_writes_a_png(tmp_path: Path, args: tuple[str, ...], kind: str) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / f"{kind}.png"
    assert ok("plot", *args, "-o", str(out)).strip() == f"wrote {out}"
    content = out.read_bytes()
    assert content.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(content) > 20_000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("series", "XYZ", "arrested"), "scamstats series: error: unknown country 'XYZ'; choose from "),
        (("series", "KHM", "arrestd"), "error: unknown metric 'arrestd'; did you mean arrested? choose from arrested,"),
        (("series", "KHM", "arrested", "--baseline", "2025-02-30"), "is neither a start date"),
        (("compare", "deported", "--at", "2025-13-45"), "scamstats compare: error: at: '2025-13-45' is not a date"),
        (("compare", "deported", "--countries", "SGP"), "unknown country 'SGP'; choose from"),
        (("compare", "deportd"), "unknown metric 'deportd'; did you mean deported? choose from"),
        (("plot", "series", "XYZ", "arrested", "-o", "x.png"), "unknown country 'XYZ'; choose from"),
        (("plot", "compare", "deported", "--at", "soon", "-o", "x.png"), "at: 'soon' is not a date"),
        (("cite", "--style", "mla"), "invalid choice: 'mla' (choose from 'text', 'bibtex', 'apa', 'csl-json')"),
        (("cite", "--figure", "fnope"), "no figure has the id 'fnope'"),
        (("cite", "--figure", "f9768d7ce4410", "--style", "apa"), "--style apa applies to the dataset"),
        (("series", "KHM", "arrested", "--format", "xml"), "invalid choice: 'xml' (choose from 'table', 'csv'"),
        (("series",), "the following arguments are required: country, metric"),
    ],
)
def test_bad_arguments_give_one_line_naming_the_choices_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr
