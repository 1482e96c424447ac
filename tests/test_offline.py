"""Released versions at hand are read offline: from the checkout, a local folder or a file:// mirror, checked."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest
from conftest import REPO
from httpmirror import closed_port

import scamstats
from scamstats.load import read_folder
from scamstats.release.registry import DownloadError, HashMismatchError

RELEASES = REPO / "datasets" / "releases"
LOADING = importlib.import_module("scamstats.load")  # the module; scamstats.load is the function
pytestmark = pytest.mark.skipif(not (RELEASES / "0.1.0").is_dir(), reason="needs the source tree's releases")


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any download would fail: the mirror is a closed port and the cache is empty."""
    monkeypatch.setenv("SCAMSTATS_BASE_URL", f"http://127.0.0.1:{closed_port()}/")
    monkeypatch.setenv("SCAMSTATS_DATA_DIR", str(tmp_path / "empty-cache"))
    monkeypatch.delenv("SCAMSTATS_IGNORE_CHECKOUT", raising=False)


@pytest.fixture
def served(tmp_path: Path) -> Path:
    folder = tmp_path / "mirror"
    shutil.copytree(RELEASES, folder)
    return folder


def test_old_version_loads_offline_in_a_checkout(offline: None, tmp_path: Path) -> None:
    ds = scamstats.load(version="0.1.0")
    assert ds.version == "0.1.0"
    assert ds.figures.equals(read_folder(RELEASES / "0.1.0").figures)
    assert not (tmp_path / "empty-cache").exists()


def test_diff_of_two_old_versions_works_offline_in_a_checkout(offline: None) -> None:
    d = scamstats.diff("0.1.0", "0.2.0")
    assert d.summary().startswith("92 figures added, 20 changed, 140 removed")


def test_checkout_found_from_the_current_folder(
    offline: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, served: Path
) -> None:
    monkeypatch.setattr(LOADING, "CHECKOUT_RELEASES", tmp_path / "nowhere")
    (tmp_path / "project" / "datasets").mkdir(parents=True)
    shutil.copytree(served, tmp_path / "project" / "datasets" / "releases")
    monkeypatch.chdir(tmp_path / "project")
    assert scamstats.load(version="0.1.0").version == "0.1.0"


@pytest.mark.parametrize("form", ["file", "path"])
def test_a_local_mirror_is_read_in_place(
    served: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    monkeypatch.setenv("SCAMSTATS_BASE_URL", served.as_uri() + "/" if form == "file" else str(served))
    monkeypatch.setenv("SCAMSTATS_DATA_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SCAMSTATS_IGNORE_CHECKOUT", "1")
    assert scamstats.load(version="0.1.0").figures.equals(read_folder(RELEASES / "0.1.0").figures)
    assert bool(scamstats.diff("0.1.0", "0.2.0"))
    assert not (tmp_path / "cache").exists()


def test_a_tampered_file_in_a_local_mirror_is_refused(
    served: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCAMSTATS_BASE_URL", served.as_uri())
    monkeypatch.setenv("SCAMSTATS_IGNORE_CHECKOUT", "1")
    figures = served / "0.1.0" / "figures.csv"
    figures.write_bytes(figures.read_bytes().replace(b",3455,about,", b",3456,about,", 1))
    with pytest.raises(HashMismatchError, match=rf"{figures}: has sha256:\w+ but the registry says sha256:\w+"):
        scamstats.load(version="0.1.0")
    with pytest.raises(scamstats.ReleaseError, match="the file was not used"):
        scamstats.diff("0.1.0", "0.2.0")


def test_a_tampered_file_in_the_checkout_is_refused(
    offline: None, served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(LOADING, "CHECKOUT_RELEASES", served)
    sources = served / "0.2.0" / "sources.csv"
    sources.write_bytes(sources.read_bytes() + b"x")
    with pytest.raises(HashMismatchError, match=r"sources\.csv: has sha256"):
        scamstats.load(version="0.2.0")


def test_a_local_mirror_without_the_version_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCAMSTATS_BASE_URL", (tmp_path / "empty").as_uri())
    monkeypatch.setenv("SCAMSTATS_IGNORE_CHECKOUT", "1")
    with pytest.raises(DownloadError, match=r"the local mirror in SCAMSTATS_BASE_URL has no release 0\.1\.0"):
        scamstats.load(version="0.1.0")
