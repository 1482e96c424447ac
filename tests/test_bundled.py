"""The bundled release: current with the records, loadable offline and without pandera."""

from __future__ import annotations

import hashlib
import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from roundtrip import differences

import scamstats

SEED_URL = (
    "https://en.qdnd.vn/foreign-affairs/multilateral-relations/"
    "hanoi-convention-a-global-framework-to-bridge-legal-gaps-in-tackling-cybercrime-583987"
)

OFFLINE_LOAD = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network disabled in this test")
socket.socket.connect = refuse
socket.create_connection = refuse
import scamstats
ds = scamstats.load()
same = scamstats.load(version=ds.version)
assert same.figures.equals(ds.figures)
for name in ("pandera", "pooch"):
    assert name not in sys.modules, f"load() imported {name}"
print(ds.version, len(ds.figures))
"""


def test_load_of_the_bundled_version_works_offline_without_pandera_or_pooch() -> None:
    result = subprocess.run([sys.executable, "-c", OFFLINE_LOAD], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    version, count = result.stdout.split()
    assert version == scamstats.load().version
    assert int(count) > 0


@pytest.mark.skipif(not (REPO / "datasets" / "records").is_dir(), reason="needs the source tree")
def test_bundled_release_holds_every_record_field_unchanged() -> None:
    assert differences(REPO / "datasets", scamstats.load()) == []


def test_seed_figures_are_in_the_bundled_data() -> None:
    ds = scamstats.load()
    source = ds.sources[ds.sources["url"] == SEED_URL]
    assert len(source) == 1
    figures = ds.figures[ds.figures["source_id"] == source["source_id"].iloc[0]]
    found = {(r.metric, r.value, r.qualifier, r.country) for r in figures.itertuples()}
    assert found >= {
        ("arrested", 3455, "about", "KHM"),
        ("cases_prosecuted", 10, "exact", "KHM"),
        ("indicted", 75, "exact", "KHM"),
        ("deported", 2825, "exact", "KHM"),
    }


def test_dataset_version_is_the_records_version() -> None:
    import yaml

    meta = yaml.safe_load((Path(scamstats.__file__).parent.parent / "datasets" / "dataset.yaml").read_text())
    assert scamstats.load().version == meta["version"]


def test_bundled_copy_serves_a_version_only_with_the_registered_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    load_module = importlib.import_module("scamstats.load")  # the module, not the function of that name
    version = scamstats.load().version
    folder = load_module.bundled_files()
    names = [entry.name for entry in folder.iterdir()]
    right = {f"{version}/{n}": "sha256:" + hashlib.sha256(folder.joinpath(n).read_bytes()).hexdigest() for n in names}
    monkeypatch.setattr(load_module, "registry", lambda: right)
    assert load_module._bundled_is(version)
    assert not load_module._bundled_is("0.0.1")
    wrong = {**right, f"{version}/figures.csv": "sha256:" + "0" * 64}
    monkeypatch.setattr(load_module, "registry", lambda: wrong)
    assert not load_module._bundled_is(version)
