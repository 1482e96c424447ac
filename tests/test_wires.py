"""The wire vocabulary: every wire in the records is listed, unknown ones are refused, one newsroom is one story."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import REPO
from frames import dataset

from scamstats.cli import main
from scamstats.wires import aliases_of, normal, same_outlet

RECORD = "records/khm-2025-07-18-example-crackdown.yaml"
VOCABULARY = REPO / "datasets" / "wires.yaml"


def test_every_wire_written_in_the_records_is_in_the_vocabulary() -> None:
    table = aliases_of(yaml.safe_load(VOCABULARY.read_text(encoding="utf-8")))
    used = set()
    for path in (REPO / "datasets" / "records").glob("*.yaml"):
        wire = (yaml.safe_load(path.read_text(encoding="utf-8"))["source"] or {}).get("wire")
        if wire:
            used.add(wire)
    assert used, "the records name no wire at all"
    assert sorted(w for w in used if normal(w) not in table) == []


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("CCTV", "CCTV News"),
        ("China News Service", "ecns.cn (China News Service)"),
        ("People's Daily", "People's Daily Online"),
        ("PNA", "Philippine News Agency"),
        ("MNA", "myanmar  news agency"),
    ],
)
def test_names_of_one_newsroom_are_one_outlet(one: str, other: str) -> None:
    assert same_outlet(one) == same_outlet(other)


def test_different_agencies_stay_apart() -> None:
    assert len({same_outlet(n) for n in ("AP", "AFP", "Reuters", "Xinhua", "CCTV", "China News Service")}) == 6


def test_pages_naming_one_newsroom_differently_corroborate_once() -> None:
    figures = [{"source_id": s, "value": 3455, "period_end": "2025-10-18"} for s in ("a", "b", "c", "d", "e")]
    sources = [
        {"source_id": "a", "publisher": "Dazhong", "wire": "CCTV"},
        {"source_id": "b", "publisher": "Jingsw", "wire": "CCTV News"},
        {"source_id": "c", "publisher": "People's Daily Online"},
        {"source_id": "d", "publisher": "Sina News", "wire": "People's Daily"},
        {"source_id": "e", "publisher": "ecns.cn (China News Service)"},
    ]
    point = dataset(figures, sources).series("KHM", "arrested").iloc[0]
    assert point["corroborated_by"] == 2  # three stories: CCTV's, People's Daily's, China News Service's


def test_an_unknown_wire_is_refused_at_its_line(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mini / RECORD
    lines = path.read_text().split("\n")
    lines.insert(8, "  wire: Example Wire Service")
    path.write_text("\n".join(lines))
    assert main(["validate", str(mini)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:9: wire: is not in the wire vocabulary (wires.yaml); use one of its names or add the agency there "
        "(got 'Example Wire Service')"
    ]


def test_a_known_wire_under_any_of_its_names_is_accepted(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mini / RECORD
    lines = path.read_text().split("\n")
    lines.insert(8, "  wire: associated press")
    path.write_text("\n".join(lines))
    assert main(["validate", str(mini)]) == 0, capsys.readouterr().out


def test_the_vocabulary_file_is_validated(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vocabulary = mini / "wires.yaml"
    vocabulary.write_text(
        "- wire: AP\n"
        "  name: Associated Press\n"
        "  aliases: [AP News]\n"
        "- wire: AP News\n"
        "  name: =AP\n"
        "- wire: Reuters\n"
        "  colour: orange\n"
        "  aliases: Reuters.com\n"
    )
    path = mini / RECORD
    lines = path.read_text().split("\n")
    lines.insert(8, "  wire: AFP")  # in the package's vocabulary, not in this folder's
    path.write_text("\n".join(lines))
    other = mini / "records" / "khm-2025-10-example-campaign.yaml"
    assert main(["validate", str(mini)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:9: wire: is not in the wire vocabulary (wires.yaml); use one of its names or add the agency there "
        "(got 'AFP')",
        f"{other}:9: wire: is not in the wire vocabulary (wires.yaml); use one of its names or add the agency there "
        "(got 'AKP')",
        f"{vocabulary}:4: wire: already names the wire 'AP' (got 'AP News')",
        f"{vocabulary}:5: name: must not start with =, +, - or @ (spreadsheets read it as a formula) (got '=AP')",
        f"{vocabulary}:6: name: is required: the agency's name as text",
        f"{vocabulary}:7: colour: unknown field; expected wire, name, aliases",
        f"{vocabulary}:8: aliases: must be a list of names",
    ]
