"""The validator never raises on damaged record files, and every problem it reports names a file and a line.

The cases are seeded mutations of the real record files (see ``tests/fuzzing.py``);
``scripts/fuzz_validate.py`` runs many more of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzing import RECORDS, prepare, run

from scamstats.records.validate import check

pytestmark = pytest.mark.skipif(not RECORDS, reason="needs the source tree's record files")

CHUNK = 50


@pytest.mark.parametrize("start", range(0, 300, CHUNK))
def test_mutated_records_give_located_problems_and_never_an_exception(tmp_path: Path, start: int) -> None:
    result = run(tmp_path, range(start, start + CHUNK))
    assert result.cases == CHUNK
    assert result.crashes == []
    assert result.unlocated == []
    assert result.problems > 0


def test_a_folder_whose_only_record_has_a_broken_source_key_is_reported_not_raised(tmp_path: Path) -> None:
    root = prepare(tmp_path)
    record = RECORDS[0]
    text = record.read_text(encoding="utf-8").replace("source:", "sorce:", 1)
    (root / "records" / record.name).write_text(text, encoding="utf-8")
    problems = [str(p) for p in check(root).problems]
    path = root / "records" / record.name
    assert f"{path}:1: sorce: unknown section (did you mean source?); expected source, figures, events" in problems
    assert f"{path}:1: source: is required" in problems
