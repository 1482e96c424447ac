"""Shared fixtures: a small hand-made datasets folder, copied fresh for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/mini: two record files, an events file, the real metrics."""
    target = tmp_path / "datasets"
    shutil.copytree(FIXTURES / "mini", target)
    return target
