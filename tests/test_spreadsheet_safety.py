"""Released CSV files are safe to open in a spreadsheet: text that would run as a formula never gets in.

The choice is to refuse such text when records are validated (nothing is rewritten on export, so
every released value is exactly what its contributor wrote). These tests put a formula at the start of
every text field of every table, with each of the four characters spreadsheets read as a formula.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from scamstats.load import bundled_files
from scamstats.records.fields import record_fields
from scamstats.records.reader import FORMULA_PREFIXES
from scamstats.records.validate import check

VALID = {
    "published": "2025-07-18",
    "accessed": "2025-08-01",
    "value": "12",
    "period_start": "2025-06",
    "period_end": "2025-07-18",
    "date": "2025-07",
}


def poisoned_entry(table: str, prefix: str, indent: str, first: str, lines: list[str]) -> dict[str, int]:
    """Append a YAML mapping for ``table`` whose text fields all start with ``prefix``; return field -> line."""
    where = {}
    fields = dict(record_fields(table))
    if table == "events":
        fields.pop("source_id", None)  # given by the record file's name
    for number, (name, spec) in enumerate(fields.items()):
        lead = first if number == 0 else indent
        if spec.kind == "text":
            lines.append(f"{lead}{name}: \"{prefix}cmd|' /C calc'!A0\"")
            where[name] = len(lines)
        else:
            lines.append(f"{lead}{name}: {VALID[name]}")
    return where


@pytest.mark.parametrize("prefix", FORMULA_PREFIXES)
def test_formula_text_is_refused_in_every_text_field_of_every_table(mini: Path, prefix: str) -> None:
    expected: set[tuple[str, int, str]] = set()

    record = mini / "records" / "khm-2025-07-18-formulas.yaml"
    lines = ["source:"]
    expected |= {(str(record), n, f) for f, n in poisoned_entry("sources", prefix, "  ", "  ", lines).items()}
    lines.append("figures:")
    expected |= {(str(record), n, f) for f, n in poisoned_entry("figures", prefix, "    ", "  - ", lines).items()}
    lines.append("events:")
    expected |= {(str(record), n, f) for f, n in poisoned_entry("events", prefix, "    ", "  - ", lines).items()}
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")

    events = mini / "events.yaml"
    lines = events.read_text(encoding="utf-8").rstrip("\n").split("\n")
    where = poisoned_entry("events", prefix, "  ", "- ", lines)
    lines.append(f'  source_id: "{prefix}cmd"')
    where["source_id"] = len(lines)
    expected |= {(str(events), n, f) for f, n in where.items()}
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")

    metrics = mini / "metrics.yaml"
    lines = metrics.read_text(encoding="utf-8").rstrip("\n").split("\n")
    expected |= {(str(metrics), n, f) for f, n in poisoned_entry("metrics", prefix, "  ", "- ", lines).items()}
    metrics.write_text("\n".join(lines) + "\n", encoding="utf-8")

    refused = {
        (p.path, p.line, p.field)
        for p in check(mini).problems
        if p.message == "must not start with =, +, - or @ (spreadsheets read it as a formula)"
    }
    assert len(expected) == 7 + 13 + 4 + 5 + 6  # sources, figures, events in a record and in events.yaml, metrics
    assert refused == expected


def csv_cells(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8"))) for cell in row]


def test_no_cell_of_the_bundled_release_starts_like_a_formula() -> None:
    cells = []
    for name in ("figures.csv", "sources.csv", "events.csv", "metrics.csv"):
        cells += csv_cells(bundled_files().joinpath(name).read_bytes())
    assert len(cells) > 1000
    assert [cell for cell in cells if cell.startswith((*FORMULA_PREFIXES, "\t", "\r"))] == []
