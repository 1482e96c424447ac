"""Unknown codes, metrics and record fields name the closest valid choice."""

from __future__ import annotations

from pathlib import Path

import pytest

import scamstats
from scamstats.choices import ChoiceError, closest
from scamstats.cli import main
from scamstats.records.validate import check

CRACKDOWN = "records/khm-2025-07-18-example-crackdown.yaml"


@pytest.mark.parametrize(
    ("typed", "choices", "meant"),
    [
        ("TH", ["KHM", "THA"], "THA"),
        ("th", ["KHM", "THA"], "THA"),
        ("Cambodia", ["KHM", "THA"], "KHM"),
        ("qualifer", ["value", "qualifier"], "qualifier"),
        ("arrests", ["arrested", "detained", "deported"], "arrested"),
        ("deportd", ["arrested", "deported"], "deported"),
        ("xyz", ["arrested", "deported"], None),
    ],
)
def test_closest_choice(typed: str, choices: list[str], meant: str | None) -> None:
    assert closest(typed, choices) == meant


def test_the_api_names_the_closest_country_and_metric() -> None:
    ds = scamstats.load()
    with pytest.raises(ChoiceError, match=r"unknown country 'TH'; did you mean THA\? choose from "):
        ds.query(country="TH")
    with pytest.raises(ChoiceError, match=r"unknown metric 'arrests'; did you mean arrested\? choose from "):
        ds.series("KHM", "arrests")


def test_the_command_line_names_the_closest_choice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", "TH", "arrested"]) == 2
    assert "unknown country 'TH'; did you mean THA? choose from" in capsys.readouterr().err


def test_a_record_names_the_closest_field_metric_and_country(mini: Path) -> None:
    path = mini / CRACKDOWN
    lines = path.read_text().split("\n")
    assert lines[9:14] == [
        "  - country: KHM",
        "    reported_by: KHM",
        "    metric: arrested",
        "    value: 2137",
        "    qualifier: exact",
    ]
    lines[9] = "  - country: TH"
    lines[11] = "    metric: arrests"
    lines[13] = "    qualifer: exact"
    path.write_text("\n".join(lines))
    problems = [str(p).removeprefix(f"{path}:") for p in check(mini).problems]
    assert "10: country: is not an ISO 3166-1 alpha-3 country code; did you mean THA? (got 'TH')" in problems
    assert any(p.startswith("12: metric: unknown metric (did you mean arrested?); known metrics: ") for p in problems)
    assert any(p.startswith("14: qualifer: unknown field (did you mean qualifier?); expected ") for p in problems)
