"""The installed package agrees with itself: version, public names, package data, CLI."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import version
from importlib.resources import files

import pytest
from conftest import REPO

import scamstats
from scamstats.load import bundled_files


def test_version_comes_from_package_metadata() -> None:
    assert scamstats.__version__ == version("scamstats")
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert scamstats.__version__ == pyproject["project"]["version"]


def test_public_names_are_the_objects_they_name() -> None:
    from scamstats.choices import ChoiceError
    from scamstats.dataset import Dataset
    from scamstats.load import load
    from scamstats.problems import DataError
    from scamstats.release.diff import diff
    from scamstats.release.registry import ReleaseError, UnknownVersionError, versions

    expected = {
        "ChoiceError": ChoiceError,
        "DataError": DataError,
        "Dataset": Dataset,
        "ReleaseError": ReleaseError,
        "UnknownVersionError": UnknownVersionError,
        "diff": diff,
        "load": load,
        "versions": versions,
    }
    assert sorted(scamstats.__all__) == sorted([*expected, "__version__"])
    for name, value in expected.items():
        assert getattr(scamstats, name) is value, name
    assert issubclass(scamstats.UnknownVersionError, scamstats.ReleaseError)
    assert issubclass(scamstats.ChoiceError, ValueError)


def test_the_errors_users_are_told_to_catch_are_raised_under_their_public_names() -> None:
    with pytest.raises(scamstats.UnknownVersionError, match=r"unknown dataset version '0\.0\.9'"):
        scamstats.load(version="0.0.9")
    with pytest.raises(scamstats.ChoiceError, match="unknown country 'XXX'"):
        scamstats.load().series("XXX", "arrested")


def test_public_signatures_name_precise_types() -> None:
    import inspect

    from scamstats.intervals import interval
    from scamstats.load import bundled_files
    from scamstats.questions.cite import cite
    from scamstats.show.plots import plot_compare, plot_series

    for function in (plot_series, plot_compare, scamstats.Dataset.plot_series, scamstats.Dataset.plot_compare):
        signature = inspect.signature(function)
        assert (signature.return_annotation, signature.parameters["ax"].annotation) == ("Figure", "Axes | None")
    assert inspect.signature(cite).parameters["style"].annotation == "Style"
    assert inspect.signature(scamstats.Dataset.cite).parameters["style"].annotation == "Style"
    assert inspect.signature(interval).parameters["qualifier"].annotation == "Qualifier"
    assert inspect.signature(bundled_files).return_annotation == "Traversable"


def test_package_data_is_shipped() -> None:
    names = {entry.name for entry in bundled_files().iterdir()}
    assert names >= {"figures.csv", "sources.csv", "events.csv", "metrics.csv", "datapackage.json"}
    assert files("scamstats").joinpath("py.typed").is_file()


HEAVY = ("pandera", "pooch", "matplotlib")


def heavy_modules_after(code: str) -> str:
    """The heavy modules in ``sys.modules`` of a fresh interpreter after ``code``."""
    check = f"{code}; import sys; print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))"
    return subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize("code", ["import scamstats", "import scamstats; scamstats.load()"])
def test_importing_and_loading_pull_in_neither_pandera_pooch_nor_matplotlib(code: str) -> None:
    assert heavy_modules_after(code) == "[]"


def test_the_import_check_sees_a_heavy_module_when_one_is_imported() -> None:
    assert "'pandera'" in heavy_modules_after("import scamstats.records.validate")


def test_info_prints_version_and_counts() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scamstats.cli", "info"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    ds = scamstats.load()
    assert f"dataset version: {ds.version}" in result.stdout
    assert f"figures: {len(ds.figures)}" in result.stdout
    assert "figures per country" in result.stdout


def test_bad_command_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scamstats.cli", "validate", "/nonexistent"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "not a datasets folder" in result.stderr


def test_registry_is_shipped_and_names_exactly_the_frozen_releases() -> None:
    from scamstats.release.publish import verify
    from scamstats.release.registry import parse_version

    assert files("scamstats").joinpath("registry.txt").is_file()
    releases = REPO / "datasets" / "releases"
    if releases.is_dir():
        assert scamstats.versions() == sorted((p.name for p in releases.iterdir()), key=parse_version)
        assert verify(REPO / "datasets") == []


def test_ci_tests_every_runtime_dependency_at_its_declared_floor() -> None:
    """``.ci/oldest-constraints.txt`` pins each dependency of pyproject.toml to its ``>=`` floor, and no other."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    floors = {}
    for requirement in pyproject["project"]["dependencies"]:
        name, _, floor = requirement.partition(">=")
        floors[name.strip().lower()] = floor.strip()
    pinned = {}
    for line in (REPO / ".ci" / "oldest-constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, pin = line.partition("==")
            pinned[name.strip().lower()] = pin.strip()
    for name, floor in floors.items():
        assert pinned[name] == floor or pinned[name].startswith(floor + "."), (name, floor, pinned[name])
    assert set(pinned) - set(floors) == {"numpy"}
