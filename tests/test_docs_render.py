"""The built site, rendered in headless Chromium: pages show their tables and images.

This needs the docs extras (mkdocs, in ``dev``) and Chromium, which the test extras do not bring:
the README's test command skips it, and ``.ci/run`` runs it explicitly after installing ``dev``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

SCRIPT = REPO / "scripts" / "screenshot_docs.py"


@pytest.mark.skipif(not SCRIPT.exists(), reason="needs the source tree")
def test_rendered_pages_show_their_tables_and_images(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="needs the docs extras; .ci/run runs this test with them")
    import shutil

    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("Chromium is not installed")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("home", "coverage", "gallery"):
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000
