"""`scamstats release`: frozen folders, the registry, the bundled copy, metadata files, and refusals."""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

import scamstats
from scamstats.cli import main
from scamstats.load import read_folder
from scamstats.release.diff import diff
from scamstats.release.publish import Project, next_version, release, verify
from scamstats.release.registry import parse_registry

TODAY = datetime.date.today().isoformat()
CRACKDOWN = "records/khm-2025-07-18-example-crackdown.yaml"
NEW_FIGURE = """  - country: KHM
    reported_by: KHM
    metric: deported
    extent: total
    value: 10
    qualifier: exact
    period_end: 2025-07-18
    note: Foreigners deported after the raids.
"""


@pytest.fixture
def root(mini: Path) -> Path:
    """The mini datasets folder inside a project with a changelog."""
    (mini.parent / "CHANGELOG.md").write_text("# Changelog\n\n## [Unreleased]\n\n### Added\n- Things.\n\n## [0.1.0]\n")
    return mini


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def add_figure(root: Path) -> None:
    path = root / CRACKDOWN
    path.write_text(path.read_text() + NEW_FIGURE)


def test_release_freezes_the_files_registers_them_and_refreshes_the_bundled_copy(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "release", "0.1.0", str(root))
    assert status == 0
    project = Project(root)
    folder = root / "releases" / "0.1.0"
    names = ["datapackage.json", "events.csv", "figures.csv", "metrics.csv", "sources.csv"]
    assert sorted(p.name for p in folder.iterdir()) == names
    entries = parse_registry(project.registry.read_text())
    assert entries == {f"0.1.0/{n}": "sha256:" + hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in names}
    assert snapshot(project.bundled) == snapshot(folder)
    package = json.loads((folder / "datapackage.json").read_text())
    assert (package["version"], package["created"][:10], package["releaseFormat"]) == ("0.1.0", TODAY, 1)
    meta = yaml.safe_load((root / "dataset.yaml").read_text())
    assert (meta["version"], str(meta["released"])) == ("0.1.0", TODAY)
    citation = yaml.safe_load(project.citation.read_text())
    assert (citation["type"], citation["version"], citation["date-released"]) == ("dataset", "0.1.0", TODAY)
    changelog = project.changelog.read_text()
    assert (
        f"### Data\n- Dataset 0.1.0 ({TODAY}), first release: 4 figures; 2 sources; 2 events; 18 metrics.\n"
        in changelog
    )
    assert "  - KHM: 4 figures; 2 sources\n" in changelog
    assert changelog.index("## [Unreleased]") < changelog.index("### Data") < changelog.index("## [0.1.0]")
    assert "released dataset 0.1.0" in out
    assert verify(root) == []


def test_an_existing_release_is_never_overwritten(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "release", "0.1.0", str(root))[0] == 0
    add_figure(root)
    before = snapshot(root.parent)
    status, _, err = run(capsys, "release", "0.1.0", str(root))
    assert status == 2
    assert "dataset 0.1.0 is already released" in err
    assert snapshot(root.parent) == before


def test_a_patch_that_adds_figures_is_refused_naming_the_right_number(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "release", "0.1.0", str(root))[0] == 0
    add_figure(root)
    before = snapshot(root.parent)
    status, _, err = run(capsys, "release", "0.1.1", str(root))
    assert status == 2
    assert "0.1.1 does not fit the changes since 0.1.0 (1 figure added): they make a MINOR release, 0.2.0" in err
    assert snapshot(root.parent) == before

    assert run(capsys, "release", "0.2.0", str(root))[0] == 0
    changelog = Project(root).changelog.read_text()
    entry = f"### Data\n- Dataset 0.2.0 ({TODAY}), changes since 0.1.0: 1 figure added.\n  - KHM: 1 figure added\n"
    assert entry in changelog
    assert changelog.index("Dataset 0.2.0") < changelog.index("Dataset 0.1.0")  # newest first
    assert yaml.safe_load(Project(root).citation.read_text())["version"] == "0.2.0"
    assert verify(root) == []


def test_a_correction_is_a_patch(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "release", "0.1.0", str(root))[0] == 0
    path = root / CRACKDOWN
    path.write_text(path.read_text().replace("Vietnamese among them.", "Vietnamese nationals among them."))
    status, _, err = run(capsys, "release", "0.2.0", str(root))
    assert status == 2
    assert "(1 figure changed): they make a PATCH release, 0.1.1" in err
    assert run(capsys, "release", "0.1.1", str(root))[0] == 0
    changed = diff(root / "releases" / "0.1.0", root / "releases" / "0.1.1").figures.changed
    assert changed[["field", "old", "new"]].values.tolist() == [
        ["note", "Vietnamese among them.", "Vietnamese nationals among them."]
    ]


def test_removing_a_metric_is_a_major_release(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "release", "0.1.0", str(root))[0] == 0
    metrics = root / "metrics.yaml"
    blocks = metrics.read_text().split("\n- metric: ")
    metrics.write_text("\n- metric: ".join(b for b in blocks if not b.startswith("buildings_demolished")))
    status, _, err = run(capsys, "release", "0.2.0", str(root))
    assert (status, "they make a MAJOR release, 1.0.0" in err) == (2, True)
    assert run(capsys, "release", "1.0.0", str(root))[0] == 0


def test_nothing_to_release_and_older_numbers_are_refused(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "release", "0.2.0", str(root))[0] == 0
    status, _, err = run(capsys, "release", "0.2.1", str(root))
    assert (status, "the records are the same as release 0.2.0" in err) == (1, True)
    add_figure(root)
    status, _, err = run(capsys, "release", "0.1.5", str(root))
    assert (status, "0.1.5 is older than the latest release, 0.2.0" in err) == (2, True)


def test_bad_version_argument_exits_2(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["release", "v1", str(root)])
    assert caught.value.code == 2
    assert "'v1' is not a dataset version: write it MAJOR.MINOR.PATCH" in capsys.readouterr().err


def test_invalid_records_release_nothing(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = root / CRACKDOWN
    path.write_text(path.read_text().replace("value: 2137", "value: -1"))
    before = snapshot(root.parent)
    status, out, _ = run(capsys, "release", "0.1.0", str(root))
    assert status == 1
    assert f"{path}:13: value: must be >= 0 (got -1)" in out
    assert snapshot(root.parent) == before


def test_verify_reports_changed_missing_and_unregistered_files(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    release(root, "0.1.0")
    folder = root / "releases" / "0.1.0"
    assert run(capsys, "verify", str(root))[:2] == (0, "ok: releases 0.1.0 match the registry\n")
    (folder / "figures.csv").write_bytes((folder / "figures.csv").read_bytes().replace(b"2137", b"2138"))
    (folder / "events.csv").unlink()
    (folder / "notes.txt").write_text("x")
    status, out, _ = run(capsys, "verify", str(root))
    assert status == 1
    assert f"{folder / 'figures.csv'}: has sha256:" in out
    assert "released files are never changed" in out
    assert f"{folder / 'events.csv'}: missing" in out
    assert f"{folder / 'notes.txt'}: not in the registry" in out
    add_figure(root)
    status, _, err = run(capsys, "release", "0.2.0", str(root))
    assert status == 1
    assert "released files are never changed" in err


def test_build_of_changed_records_carries_a_development_version_never_a_released_one(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release(root, "0.1.0")
    assert run(capsys, "build", str(root), "--check")[0] == 0  # the records are the release: 0.1.0
    dataset_yaml = (root / "dataset.yaml").read_bytes()
    add_figure(root)
    status, out, _ = run(capsys, "build", str(root), "--out", str(tmp_path / "out"))
    assert status == 0
    assert out.endswith(": dataset 0.2.0.dev0\n")  # a figure added: the next MINOR, in development
    assert read_folder(tmp_path / "out").version == "0.2.0.dev0"
    assert (root / "dataset.yaml").read_bytes() == dataset_yaml  # nothing to edit by hand
    path = root / "records" / "khm-2025-07-18-example-crackdown.yaml"
    path.write_text(path.read_text().replace("value: 10\n", "value: 11\n").replace("value: 2137", "value: 2138"))
    run(capsys, "build", str(root), "--out", str(tmp_path / "out"))
    assert read_folder(tmp_path / "out").version == "0.2.0.dev0"
    path.write_text(path.read_text().removesuffix(NEW_FIGURE.replace("value: 10", "value: 11")))
    run(capsys, "build", str(root), "--out", str(tmp_path / "out"))
    assert read_folder(tmp_path / "out").version == "0.1.1.dev0"  # a correction only: the next PATCH
    assert run(capsys, "release", "0.1.1", str(root))[0] == 0  # only a release gives the released number
    assert run(capsys, "build", str(root), "--check")[0] == 0
    assert read_folder(Project(root).bundled).version == "0.1.1"


def test_next_version_follows_the_kind_of_change() -> None:
    assert [next_version("1.4.2", bump) for bump in ("major", "minor", "patch")] == ["2.0.0", "1.5.0", "1.4.3"]


def validate_with_frictionless(descriptor: Path) -> list[str]:
    from frictionless import validate

    report = validate(str(descriptor))
    return [f"{e.type}: {e.message}" for task in report.tasks for e in task.errors] + [
        f"{e.type}: {e.message}" for e in report.errors
    ]


def test_frictionless_accepts_a_built_release_and_catches_a_bad_unit(root: Path) -> None:
    release(root, "0.1.0")
    folder = root / "releases" / "0.1.0"
    assert validate_with_frictionless(folder / "datapackage.json") == []

    broken = root.parent / "broken"
    shutil.copytree(folder, broken)
    figures = broken / "figures.csv"
    figures.write_bytes(figures.read_bytes().replace(b",persons,2137,", b",persons1,2137,"))
    package = json.loads((broken / "datapackage.json").read_text())
    package["resources"][0].update(hash="sha256:" + hashlib.sha256(figures.read_bytes()).hexdigest())
    package["resources"][0].update(bytes=figures.stat().st_size)
    (broken / "datapackage.json").write_text(json.dumps(package))
    problems = validate_with_frictionless(broken / "datapackage.json")
    assert len(problems) == 1
    assert problems[0].startswith("constraint-error") and "persons1" in problems[0]


@pytest.mark.skipif(not (REPO / "datasets" / "releases").is_dir(), reason="needs the source tree")
@pytest.mark.parametrize("folder", sorted((REPO / "datasets" / "releases").glob("*")), ids=lambda p: p.name)
def test_frictionless_accepts_every_frozen_release(folder: Path) -> None:
    assert validate_with_frictionless(folder / "datapackage.json") == []


def cffconvert_validate(path: Path) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "cffconvert"), "--validate", "-i", str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def test_citation_cff_of_a_release_is_valid_per_cffconvert(root: Path) -> None:
    release(root, "0.1.0")
    result = cffconvert_validate(Project(root).citation)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_cffconvert_rejects_a_broken_citation(tmp_path: Path) -> None:
    path = tmp_path / "CITATION.cff"
    path.write_text((REPO / "CITATION.cff").read_text().replace("type: dataset", "type: spreadsheet"))
    assert cffconvert_validate(path).returncode != 0


@pytest.mark.skipif(not (REPO / "CITATION.cff").is_file(), reason="needs the source tree")
def test_the_project_citation_is_valid_and_names_the_latest_release() -> None:
    from scamstats.citation import Citation
    from scamstats.release.registry import versions

    result = cffconvert_validate(REPO / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr
    latest = read_folder(REPO / "datasets" / "releases" / versions()[-1])
    assert (REPO / "CITATION.cff").read_text() == Citation.from_package(latest.package).cff()


@pytest.mark.skipif(not (REPO / "datasets" / "records").is_dir(), reason="needs the source tree")
def test_releasing_the_current_records_works_end_to_end_on_a_scratch_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real records in a scratch project with no release yet: 1.0.0, then one hand-made source on top.

    Every answer is known: the first release takes any number; one new source with one figure is a
    MINOR change, so 1.0.1 is refused naming 1.1.0, and 1.1.0 is released.
    """
    project = tmp_path / "project"
    shutil.copytree(REPO / "datasets", project / "datasets", ignore=shutil.ignore_patterns("releases"))
    (project / "scamstats").mkdir()
    (project / "CHANGELOG.md").write_text("# Changelog\n\n## [Unreleased]\n")
    root = project / "datasets"
    assert run(capsys, "release", "1.0.0", str(root))[0] == 0
    first = read_folder(root / "releases" / "1.0.0")
    assert (first.version, len(first.figures)) == ("1.0.0", len(scamstats.load().figures))  # bundled = records

    added = root / "records" / "khm-2025-07-19-example-scratch.yaml"
    added.write_text((REPO / "tests" / "fixtures" / "mini" / CRACKDOWN).read_text().replace("news/1", "news/scratch"))
    status, _, err = run(capsys, "release", "1.0.1", str(root))
    assert status == 2
    assert err == (
        "scamstats release: 1.0.1 does not fit the changes since 1.0.0 (2 figures added; 1 source added): "
        "they make a MINOR release, 1.1.0; nothing was written\n"
    )
    status, _, err = run(capsys, "release", "1.1.0", str(root))
    assert status == 0, err
    assert Project(root).versions() == ["1.0.0", "1.1.0"]
    assert verify(root) == []
    assert validate_with_frictionless(root / "releases" / "1.1.0" / "datapackage.json") == []
    assert cffconvert_validate(project / "CITATION.cff").returncode == 0
    assert (
        f"- Dataset 1.1.0 ({TODAY}), changes since 1.0.0: 2 figures added; 1 source added."
        in (project / "CHANGELOG.md").read_text()
    )
    new = read_folder(root / "releases" / "1.1.0")
    assert set(new.figures["figure_id"]) - set(first.figures["figure_id"]) == set(
        new.figures.loc[new.figures["source_id"] == added.stem, "figure_id"]
    )


def test_a_leftover_staging_folder_is_no_release(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An interrupted build leaves ``releases/.X.Y.Z.xxxx``; verify and release go on as if it were not there."""
    release(root, "0.1.0")
    (root / "releases" / ".0.2.0.k2j4x1").mkdir()
    assert Project(root).versions() == ["0.1.0"]
    assert run(capsys, "verify", str(root))[:2] == (0, "ok: releases 0.1.0 match the registry\n")
    add_figure(root)
    status, _, err = run(capsys, "release", "0.2.0", str(root))
    assert (status, err) == (0, "")
    assert Project(root).versions() == ["0.1.0", "0.2.0"]
