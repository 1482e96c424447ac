"""Released versions over HTTP: a real server on 127.0.0.1 serves datasets/releases/ in place of the mirror."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from conftest import REPO
from httpmirror import Mirror, closed_port

import scamstats
import scamstats.release.fetch
from scamstats.load import read_folder
from scamstats.release.registry import NewerFormatError, ReleaseError, UnknownVersionError, files_of, registry

RELEASES = REPO / "datasets" / "releases"
OLD = "0.1.0"
OLD_FILES = sorted(files_of(OLD, registry()))
CHECKOUT = "SCAMSTATS_IGNORE_CHECKOUT"

pytestmark = pytest.mark.skipif(not (RELEASES / OLD).is_dir(), reason="needs the source tree's releases")


def sha256(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def configured(base_url: str, cache: Path) -> ModuleType:
    """scamstats.release.fetch as a fresh process would set it up with these environment variables."""
    os.environ["SCAMSTATS_BASE_URL"] = base_url
    os.environ["SCAMSTATS_DATA_DIR"] = str(cache)
    os.environ["SCAMSTATS_IGNORE_CHECKOUT"] = "1"  # download even though datasets/releases/ is at hand
    return importlib.reload(scamstats.release.fetch)


@pytest.fixture
def restore_fetch() -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in ("SCAMSTATS_BASE_URL", "SCAMSTATS_DATA_DIR", CHECKOUT)}
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    importlib.reload(scamstats.release.fetch)


@pytest.fixture
def served(tmp_path: Path) -> Path:
    """A copy of datasets/releases/ that a test may alter."""
    folder = tmp_path / "served"
    shutil.copytree(RELEASES, folder)
    return folder


@pytest.fixture
def mirror(served: Path, tmp_path: Path, restore_fetch: None) -> Iterator[Mirror]:
    with Mirror(served) as m:
        configured(m.url, tmp_path / "cache")
        yield m


def cached(tmp_path: Path) -> list[str]:
    folder = tmp_path / "cache" / OLD
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_old_version_downloads_verifies_and_loads(mirror: Mirror, tmp_path: Path) -> None:
    ds = scamstats.load(version=OLD)
    assert ds.version == OLD
    assert ds.figures.equals(read_folder(RELEASES / OLD).figures)
    assert len(ds.figures) != len(scamstats.load().figures)  # not the bundled release
    assert sorted(mirror.requests) == [f"/{OLD}/{name}" for name in OLD_FILES]
    for name, digest in files_of(OLD, registry()).items():
        assert sha256(tmp_path / "cache" / OLD / name) == digest


def test_second_load_uses_the_cache(mirror: Mirror) -> None:
    first = scamstats.load(version=OLD)
    asked = len(mirror.requests)
    second = scamstats.load(version=OLD)
    assert asked == len(OLD_FILES)
    assert len(mirror.requests) == asked
    assert second.figures.equals(first.figures)


def test_tampered_file_is_refused_naming_both_hashes_and_not_cached(
    mirror: Mirror, served: Path, tmp_path: Path
) -> None:
    figures = served / OLD / "figures.csv"
    original = figures.read_bytes()
    figures.write_bytes(original.replace(b",3455,about,", b",3456,about,", 1))
    expected = registry()[f"{OLD}/figures.csv"]
    with pytest.raises(ReleaseError) as caught:
        scamstats.load(version=OLD)
    message = str(caught.value)
    assert type(caught.value).__name__ == "HashMismatchError"
    assert f"{OLD}/figures.csv" in message
    assert expected in message
    assert sha256(figures) in message
    assert "figures.csv" not in cached(tmp_path)
    assert all(name in OLD_FILES for name in cached(tmp_path))  # no temporary files left behind
    assert mirror.requests.count(f"/{OLD}/figures.csv") == 1  # a wrong file is not fetched again

    figures.write_bytes(original)  # once the mirror is repaired, the release loads
    assert scamstats.load(version=OLD).version == OLD


def test_altered_cache_file_is_an_error_not_a_download(mirror: Mirror, tmp_path: Path) -> None:
    scamstats.load(version=OLD)
    copy = tmp_path / "cache" / OLD / "sources.csv"
    copy.write_bytes(copy.read_bytes() + b"x")
    asked = len(mirror.requests)
    with pytest.raises(ReleaseError, match=r"cached file has sha256:\w+ but the registry says sha256:\w+; delete it"):
        scamstats.load(version=OLD)
    assert len(mirror.requests) == asked


def test_unreachable_server_gives_a_clear_error_quickly(tmp_path: Path, restore_fetch: None) -> None:
    configured(f"http://127.0.0.1:{closed_port()}/", tmp_path / "cache")
    start = time.monotonic()
    with pytest.raises(OSError, match=r"could not download http://127\.0\.0\.1:\d+/0\.1\.0/datapackage\.json") as e:
        scamstats.load(version=OLD)
    assert time.monotonic() - start < 15
    assert "could not connect" in str(e.value)
    assert "SCAMSTATS_BASE_URL" in str(e.value)
    assert cached(tmp_path) == []


def test_silent_server_times_out(tmp_path: Path, restore_fetch: None, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # connections complete, but nothing ever answers
        port = listener.getsockname()[1]
        fetch = configured(f"http://127.0.0.1:{port}/", tmp_path / "cache")
        monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
        start = time.monotonic()
        with pytest.raises(OSError, match=r"no answer within 0\.5 s\) after 3 attempts"):
            scamstats.load(version=OLD)
        assert time.monotonic() - start < 15


def test_unknown_version_lists_the_known_ones() -> None:
    with pytest.raises(UnknownVersionError, match=f"unknown dataset version '9.9.9'; known versions: .*{OLD}"):
        scamstats.load(version="9.9.9")


def test_newer_release_format_asks_for_an_upgrade(
    mirror: Mirror, served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    future = served / "9.0.0"
    shutil.copytree(served / OLD, future)
    package = json.loads((future / "datapackage.json").read_text())
    package.update(version="9.0.0", releaseFormat=2)
    (future / "datapackage.json").write_text(json.dumps(package))
    for path in future.iterdir():
        monkeypatch.setitem(scamstats.release.fetch.POOCH.registry, f"9.0.0/{path.name}", sha256(path))
    with pytest.raises(NewerFormatError, match=r"release format 2, .*; upgrade scamstats"):
        scamstats.release.fetch.fetch("9.0.0")
    assert mirror.requests == ["/9.0.0/datapackage.json"]  # refused before the tables are downloaded
    with pytest.raises(NewerFormatError, match="upgrade scamstats"):
        read_folder(future)


CHILD = """
import hashlib, sys, time
from pathlib import Path
import scamstats
Path(sys.argv[1]).touch()
go = Path(sys.argv[2])
deadline = time.monotonic() + 120
while not go.exists() and time.monotonic() < deadline:
    time.sleep(0.01)
ds = scamstats.load(version=sys.argv[3])
print(ds.version, len(ds.figures), hashlib.sha256(ds.figures.to_csv().encode()).hexdigest())
"""


def test_eight_processes_loading_one_uncached_version_download_it_once(served: Path, tmp_path: Path) -> None:
    expected = read_folder(RELEASES / OLD).figures
    want = f"{OLD} {len(expected)} {hashlib.sha256(expected.to_csv().encode()).hexdigest()}"
    go = tmp_path / "go"
    with Mirror(served, delay=0.05) as mirror:
        env = {**os.environ, "SCAMSTATS_BASE_URL": mirror.url, "SCAMSTATS_DATA_DIR": str(tmp_path / "cache")}
        env[CHECKOUT] = "1"
        children = [
            subprocess.Popen(
                [sys.executable, "-c", CHILD, str(tmp_path / f"ready{i}"), str(go), OLD],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(8)
        ]
        deadline = time.monotonic() + 120
        while not all((tmp_path / f"ready{i}").exists() for i in range(8)) and time.monotonic() < deadline:
            time.sleep(0.05)
        go.touch()  # all eight start downloading at once
        results = [child.communicate(timeout=180) for child in children]
    for child, (out, err) in zip(children, results, strict=True):
        assert child.returncode == 0, err
        assert out.strip() == want
    assert cached(tmp_path) == OLD_FILES
    assert sorted(mirror.requests) == [f"/{OLD}/{name}" for name in OLD_FILES]  # one process downloaded


def test_cli_diff_against_a_downloaded_release_shows_the_added_figures(served: Path, tmp_path: Path) -> None:
    current = scamstats.load()
    old = read_folder(RELEASES / OLD)
    added = set(current.figures["figure_id"]) - set(old.figures["figure_id"])
    with Mirror(served) as mirror:
        env = {**os.environ, "SCAMSTATS_BASE_URL": mirror.url, "SCAMSTATS_DATA_DIR": str(tmp_path / "cache")}
        env[CHECKOUT] = "1"
        result = subprocess.run(
            [sys.executable, "-m", "scamstats.cli", "diff", OLD, current.version, "--exit-code"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == (1 if added else 0), result.stderr
    assert f"dataset {OLD} -> {current.version}" in result.stdout
    for figure_id in added:
        assert f"  + {figure_id} " in result.stdout


def test_a_file_no_release_registers_is_a_clear_error(mirror: Mirror) -> None:
    from scamstats.release.fetch import UnregisteredFileError

    with pytest.raises(UnregisteredFileError, match=r"^0\.1\.0/notes\.txt is not a released file"):
        scamstats.release.fetch.fetch_file(f"{OLD}/notes.txt")
    assert mirror.requests == []
