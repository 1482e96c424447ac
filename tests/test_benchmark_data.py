"""The benchmarks' generated records are valid, so a benchmark never times the reporting of problems."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import REPO

from scamstats.records.validate import check

GENERATE = REPO / "benchmarks" / "generate.py"


@pytest.mark.skipif(not GENERATE.is_file(), reason="needs the source tree")
def test_generated_benchmark_records_validate_cleanly(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", GENERATE)
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    root = generate.generate(tmp_path / "datasets", files=30, per_file=10)
    checked = check(root)
    assert [str(p) for p in checked.problems] == []
    assert len(checked.frames["figures"]) == 300
    assert checked.frames["figures"]["nationality"].notna().sum() > 0
