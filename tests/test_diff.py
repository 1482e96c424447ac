"""`scamstats.diff` and `scamstats diff`: what changed between two releases, and the changelog written from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

import scamstats
from scamstats.cli import main
from scamstats.load import read_folder
from scamstats.release.build import build
from scamstats.release.changelog import add_data_entry, data_entry
from scamstats.release.diff import diff, nothing_like

CRACKDOWN = "records/khm-2025-07-18-example-crackdown.yaml"
CAMPAIGN = "records/khm-2025-10-example-campaign.yaml"


@pytest.fixture
def releases(mini: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Two builds of the mini records: a value corrected, a figure removed, a source of two figures added."""
    build(mini, tmp_path / "old")
    crackdown = mini / CRACKDOWN
    crackdown.write_text(crackdown.read_text().replace("value: 429", "value: 430"))
    campaign = mini / CAMPAIGN
    lines = campaign.read_text().split("\n")
    start = lines.index("    metric: assets_seized") - 2
    campaign.write_text("\n".join(lines[:start] + lines[start + 10 :]))  # drop the money figure
    added = mini / "records" / "tha-2025-08-01-example-border.yaml"
    added.write_text(
        (mini / CRACKDOWN)
        .read_text()
        .replace("https://example.org/news/1", "https://example.org/news/3")
        .replace("country: KHM", "country: THA")
    )
    build(mini, tmp_path / "new")
    return tmp_path / "old", tmp_path / "new"


def test_diff_finds_added_removed_and_changed_rows(releases: tuple[Path, Path]) -> None:
    old, new = releases
    d = scamstats.diff(old, new)
    assert d.figures.counts() == {"added": 2, "changed": 1, "removed": 1}
    assert d.sources.counts() == {"added": 1, "changed": 0, "removed": 0}
    assert d.figures.changed[["field", "old", "new"]].values.tolist() == [
        ["value", "429", "430"],
        ["value_low", "429", "430"],
        ["value_high", "429", "430"],
    ]
    assert d.figures.removed["metric"].tolist() == ["assets_seized"]
    assert sorted(d.figures.added["country"]) == ["THA", "THA"]
    assert d.bump() == "minor"
    assert d.summary() == "2 figures added, 1 changed, 1 removed; 1 source added"


def test_diff_counts_per_country(releases: tuple[Path, Path]) -> None:
    table = scamstats.diff(*releases).by_country()
    assert table.to_dict("index") == {
        "KHM": {
            "figures_added": 0,
            "figures_changed": 1,
            "figures_removed": 1,
            "sources_added": 0,
            "sources_changed": 0,
            "sources_removed": 0,
        },
        "THA": {
            "figures_added": 2,
            "figures_changed": 0,
            "figures_removed": 0,
            "sources_added": 1,
            "sources_changed": 0,
            "sources_removed": 0,
        },
    }


def test_changelog_entry_is_written_from_the_diff(releases: tuple[Path, Path]) -> None:
    d = diff(read_folder(releases[0]), read_folder(releases[1]))
    assert data_entry(d, "2026-01-02") == (
        "- Dataset 0.1.0.dev0 (2026-01-02), changes since 0.1.0.dev0: 2 figures added, 1 changed, 1 removed; "
        "1 source added.\n"
        "  - KHM: 1 figure changed, 1 removed\n"
        "  - THA: 2 figures added; 1 source added"
    )
    first = diff(nothing_like(read_folder(releases[0])), read_folder(releases[0]))
    assert data_entry(first, "2026-01-01").startswith("- Dataset 0.1.0.dev0 (2026-01-01), first release: 4 figures; ")


def test_changelog_entry_goes_first_under_unreleased_data() -> None:
    text = "# Changelog\n\n## [Unreleased]\n\n### Data\n- Dataset 0.1.0 ...\n\n## [0.1.0]\n\n### Data\n- old\n"
    result = add_data_entry(text, "- Dataset 0.2.0 ...")
    assert result == text.replace("### Data\n- Dataset 0.1.0", "### Data\n- Dataset 0.2.0 ...\n- Dataset 0.1.0", 1)
    assert add_data_entry("# Changelog\n", "- D") == "# Changelog\n\n## [Unreleased]\n\n### Data\n- D\n\n"


def test_cli_diff_shows_changes_and_exits_1_on_differences_when_asked(
    releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = releases
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("dataset 0.1.0.dev0 -> 0.1.0.dev0: a MINOR change: 2 figures added, 1 changed, 1 removed")
    assert "figures added\n  + f" in out
    assert " THA arrested 2137 exact 2025-07-18 tha-2025-08-01-example-border" in out
    assert "figures changed\n  ~ f" in out and " value: '429' -> '430'" in out
    assert "figures removed\n  - f" in out and " KHM assets_seized 15000000 more_than 2025-10-24" in out
    assert main(["diff", str(old), str(new), "--exit-code"]) == 1
    assert main(["diff", str(old), str(old), "--exit-code"]) == 0
    assert "no differences" in capsys.readouterr().out


def test_cli_diff_names_the_known_versions_for_an_unknown_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "9.9.8", "9.9.9"]) == 2
    assert "unknown dataset version '9.9.8'; known versions:" in capsys.readouterr().err


def test_cli_diff_rejects_a_folder_that_is_not_a_release(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["diff", str(tmp_path), str(tmp_path)])
    assert caught.value.code == 2
    assert "not a release folder (it has no datapackage.json)" in capsys.readouterr().err


@pytest.mark.skipif(not (REPO / "datasets" / "releases" / "0.2.0").is_dir(), reason="needs the source tree")
def test_the_frozen_releases_differ_as_the_changelog_says() -> None:
    """0.1.0 -> 0.2.0 is frozen, so its diff is a known answer (the CHANGELOG's Data entry for 0.2.0)."""
    d = scamstats.diff(
        read_folder(REPO / "datasets" / "releases" / "0.1.0"), read_folder(REPO / "datasets" / "releases" / "0.2.0")
    )
    assert d.summary() == (
        "92 figures added, 20 changed, 140 removed; 16 sources added, 9 changed, 24 removed; "
        "2 events added, 8 changed, 3 removed"
    )
    assert d.bump() == "minor"
    assert d.figures.counts() == {"added": 92, "changed": 20, "removed": 140}


@pytest.mark.skipif(not (REPO / "datasets" / "releases" / "0.2.0").is_dir(), reason="needs the source tree")
def test_cli_diff_of_versions_in_a_checkout_reads_the_local_releases() -> None:
    import os
    import subprocess
    import sys

    env = os.environ | {"SCAMSTATS_BASE_URL": "http://127.0.0.1:9/", "SCAMSTATS_DATA_DIR": str(REPO / "nowhere")}
    result = subprocess.run(
        [sys.executable, "-m", "scamstats.cli", "diff", "0.1.0", "0.2.0", "--exit-code"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(
        "dataset 0.1.0 -> 0.2.0: a MINOR change: 92 figures added, 20 changed, 140 removed; "
        "16 sources added, 9 changed, 24 removed; 2 events added, 8 changed, 3 removed"
    )
    assert not (REPO / "nowhere").exists()
