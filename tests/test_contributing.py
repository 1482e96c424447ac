"""CONTRIBUTING.md's steps, followed in a temporary copy of the project: a new record reaches the loaded data.

The copy is imported through PYTHONPATH, as an editable install (`pip install -e .`) imports the
checkout: what `scamstats build` writes is what `scamstats.load()` reads. No file but the record is
edited by hand.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.skipif(not (REPO / "datasets" / "records").is_dir(), reason="needs the source tree")

SOURCE_ID = "khm-2026-01-05-example-new-figure"
FILLED = {
    "  title:  #": "  title: Example raid in Kampot\n  #",
    "  publisher:  #": "  publisher: Example News\n  #",
    "  url:  #": "  url: https://example.org/news/2026/01/05/kampot-raid\n  #",
    "  language:  #": "  language: en\n  #",
    "  kind:  #": "  kind: news\n  #",
    "  - country:  #": "  - country: KHM\n    #",
    "    reported_by:  #": "    reported_by: KHM\n    #",
    "    metric:  #": "    metric: arrested\n    #",
    "    extent:  #": "    extent: operation\n    #",
    "    value:  #": "    value: 4321\n    #",
    "    qualifier:  #": "    qualifier: exact\n    #",
    "    period_end:  #": "    period_end: 2026-01-04\n    #",
    "    note:  #": "    note: People arrested in one raid in Kampot.\n    #",
}


def digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_a_new_record_is_validated_built_and_loaded_without_editing_anything_else(tmp_path: Path) -> None:
    project = tmp_path / "scamstats-clone"
    for name in ("datasets", "scamstats"):
        shutil.copytree(REPO / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", project / "pyproject.toml")
    env = {**os.environ, "PYTHONPATH": str(project)}

    def scamstats(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "scamstats.cli", *args],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    before = digests(project)
    steps = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8").split("## Step by step", 1)[1]
    commands = re.findall(r"^\s+(scamstats [^\n#]+?)\s*(?:#.*)?$", steps.split("## What a reviewer checks")[0], re.M)
    assert [c.split()[1] for c in commands] == ["new-record", "validate", "build"]

    created = scamstats(*commands[0].split()[1:])  # 1. a skeleton for the new source document
    assert created.returncode == 0, created.stderr
    record = project / "datasets" / "records" / "khm-2025-07-18-ap-crackdown-detentions.yaml"
    assert record.is_file()
    record.unlink()
    created = scamstats("new-record", SOURCE_ID)
    assert created.returncode == 0, created.stderr
    record = project / "datasets" / "records" / f"{SOURCE_ID}.yaml"
    text = record.read_text(encoding="utf-8")  # 2. fill it in: the one file edited by hand
    for blank, filled in FILLED.items():
        assert blank in text, blank
        text = text.replace(blank, filled, 1)
    record.write_text(text, encoding="utf-8")

    checked = scamstats(*commands[1].split()[1:])  # 3. check it
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("ok: ")

    built = scamstats(*commands[2].split()[1:])  # 4. refresh the bundled copy
    assert built.returncode == 0, built.stdout + built.stderr
    assert re.search(r"dataset \d+\.\d+\.\d+\.dev0$", built.stdout.strip())
    assert "pip install -e ." not in built.stderr  # the copy's own package reads what was built
    assert scamstats("build", "--check").returncode == 0

    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import scamstats; ds = scamstats.load(); print(scamstats.__file__); print(ds.version); "
            f"found = ds.query(country='KHM', metric='arrested'); "
            f"print(found.loc[found['source_id'] == {SOURCE_ID!r}, 'value'].tolist())",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    path, version, values = loaded.stdout.splitlines()
    assert Path(path).is_relative_to(project)
    assert version.endswith(".dev0")
    assert values == "[4321]"

    changed = {name for name, digest in digests(project).items() if before.get(name) != digest}
    assert changed == {f"datasets/records/{SOURCE_ID}.yaml"} | {
        f"scamstats/data/{name}" for name in ("datapackage.json", "figures.csv", "sources.csv")
    }
