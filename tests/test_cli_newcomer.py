"""The command line a newcomer meets: query, --version, plain --help, tables that fit the terminal."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

import scamstats
from scamstats.cli import main, parser


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_query_takes_every_filter_of_the_api(capsys: pytest.CaptureFixture[str]) -> None:
    ds = scamstats.load()
    expected = ds.query(
        country=["KHM"],
        metric=["arrested", "detained"],
        nationality=["VNM"],
        reported_by=["KHM"],
        since="2025-07",
        until="2025",
        kind=["news", "government"],
        extent=["total", "operation"],
    )
    args = [
        "query",
        "--country",
        "KHM",
        "--metric",
        "arrested",
        "detained",
        "--nationality",
        "VNM",
        "--reported-by",
        "KHM",
        "--since",
        "2025-07",
        "--until",
        "2025",
        "--kind",
        "news",
        "government",
        "--extent",
        "total",
        "operation",
    ]
    status, out, _ = run(capsys, *args, "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["figure_id"] for r in rows] == expected["figure_id"].tolist()
    assert {"publisher", "url", "published"} <= set(rows[0])
    status, out, _ = run(capsys, *args, "--format", "json")
    assert [r["figure_id"] for r in json.loads(out)] == expected["figure_id"].tolist()
    status, out, _ = run(capsys, *args)
    assert out.startswith(f"{len(expected)} figures\n")
    assert all(figure_id in out for figure_id in expected["figure_id"])
    assert "\nSources\n" in out
    moved = ds.query(country="MMR", destination="THA", place="myawaddy")
    status, out, _ = run(capsys, "query", "--country", "MMR", "--destination", "THA", "--place", "myawaddy")
    assert status == 0 and out.startswith(f"{len(moved)} figures\n")


def test_query_names_the_closest_choice_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "query", "--country", "TH")
    assert status == 2
    assert "unknown country 'TH'; did you mean THA?" in err


def test_version_names_package_and_bundled_dataset() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scamstats.cli", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout == f"scamstats {scamstats.__version__} (dataset {scamstats.load().version})\n"


def test_help_has_no_restructuredtext_markup() -> None:
    main_parser = parser()
    texts = [main_parser.format_help()]
    subparsers = main_parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for command in subparsers.values():
        texts.append(command.format_help())
    assert len(texts) > 10
    for text in texts:
        assert "``" not in text and ":func:" not in text and ":class:" not in text, text


def test_tables_fit_the_terminal_width_and_stay_whole_when_not_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["query", "--country", "KHM", "--metric", "arrested", "--nationality", "VNM"]
    monkeypatch.delenv("COLUMNS", raising=False)
    _, whole, _ = run(capsys, *args)  # captured output is not a terminal: nothing shortened
    assert "…" not in whole.split("\nSources\n")[0]
    places = scamstats.load().query(country="KHM", metric="arrested", nationality="VNM")["place"].dropna()
    assert max(map(len, places)) > 20
    assert all(place in whole for place in places)
    monkeypatch.setenv("COLUMNS", "100")
    _, fitted, _ = run(capsys, *args)
    table = fitted.split("\n\nSources\n")[0].splitlines()
    assert max(len(line) for line in table) <= 100
    assert table[-1] == "(shortened to 100 columns; --format csv gives every column in full)"
    assert fitted.split("\n\nSources\n")[1] == whole.split("\n\nSources\n")[1]  # the URLs stay whole
    monkeypatch.setenv("COLUMNS", "100")
    _, csv_out, _ = run(capsys, *args, "--format", "csv")
    assert "…" not in csv_out
