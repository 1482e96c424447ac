"""The build: nothing lost on the way from record to release, and the same bytes every time."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from roundtrip import differences

import scamstats
from scamstats.cli import main
from scamstats.dates import written_dates
from scamstats.load import read_folder
from scamstats.release.build import build

REPO = Path(__file__).parent.parent


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_every_record_field_reaches_the_release_unchanged(mini: Path, tmp_path: Path) -> None:
    build(mini, tmp_path / "out")
    assert differences(mini, read_folder(tmp_path / "out")) == []


def test_round_trip_detects_a_changed_figure(mini: Path, tmp_path: Path) -> None:
    build(mini, tmp_path / "out")
    figures = tmp_path / "out" / "figures.csv"
    figures.write_text(figures.read_text().replace(",2137,exact,", ",2138,exact,"))
    assert differences(mini, read_folder(tmp_path / "out")) != []


def test_two_builds_are_byte_identical(mini: Path, tmp_path: Path) -> None:
    build(mini, tmp_path / "a")
    build(mini, tmp_path / "b")
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    assert set(digests(tmp_path / "a")) == {
        "figures.csv",
        "sources.csv",
        "events.csv",
        "metrics.csv",
        "datapackage.json",
    }


def test_manifest_names_version_and_the_hash_of_each_file(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    package = json.loads((out / "datapackage.json").read_text())
    assert package["version"] == "0.1.0.dev0"  # dataset.yaml names 0.1.0, which is not released yet
    for resource in package["resources"]:
        content = (out / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        assert resource["bytes"] == len(content)
        assert b"\r" not in content


def test_derived_columns(mini: Path, tmp_path: Path) -> None:
    build(mini, tmp_path / "out")
    figures = read_folder(tmp_path / "out").figures.set_index("value")
    assert (figures.loc[3455, "value_low"], figures.loc[3455, "value_high"]) == (3110, 3800)
    assert figures.loc[15000000, "value_low"] == 15000001
    assert figures.loc[15000000, "value_high"] is pd_na()
    assert figures.loc[2137, "unit"] == "persons"
    assert figures["figure_id"].str.fullmatch(r"f[0-9a-f]{12}").all()


def pd_na() -> object:
    import pandas as pd

    return pd.NA


def test_figure_id_depends_on_the_key_not_on_file_position(mini: Path, tmp_path: Path) -> None:
    build(mini, tmp_path / "a")
    record = mini / "records" / "khm-2025-07-18-example-crackdown.yaml"
    lines = record.read_text().split("\n")
    record.write_text("\n".join(lines[:9] + lines[18:28] + lines[9:18] + lines[28:]))  # swap the two figures
    build(mini, tmp_path / "b")
    ids_a = read_folder(tmp_path / "a").figures.set_index("value")["figure_id"]
    ids_b = read_folder(tmp_path / "b").figures.set_index("value")["figure_id"]
    assert ids_a.sort_index().equals(ids_b.sort_index())


def test_check_reports_stale_output(mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    build(mini, out)
    assert main(["build", str(mini), "--out", str(out), "--check"]) == 0
    (mini / "records" / "khm-2025-07-18-example-crackdown.yaml").write_text(
        (mini / "records" / "khm-2025-07-18-example-crackdown.yaml").read_text().replace("2137", "2138")
    )
    assert main(["build", str(mini), "--out", str(out), "--check"]) == 1
    assert "figures.csv: stale" in capsys.readouterr().out


def test_failed_build_leaves_previous_output_untouched(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    before = digests(out)
    record = mini / "records" / "khm-2025-07-18-example-crackdown.yaml"
    record.write_text(record.read_text().replace("value: 2137", "value: -1"))
    assert main(["build", str(mini), "--out", str(out)]) == 1
    assert digests(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datasets", "out"]


def test_period_end_is_released_as_the_last_day_of_its_period_and_keeps_its_id(mini: Path, tmp_path: Path) -> None:
    build(mini, tmp_path / "out")
    text = (tmp_path / "out" / "figures.csv").read_text()
    figures = read_folder(tmp_path / "out").figures.set_index("value")
    month = figures.loc[3455]  # written period_end: 2025-10
    assert month["period_end"] == pd.Timestamp("2025-10-31") and month["period_end_precision"] == "month"
    assert ",2025-10-31,month," in text
    year_start = figures.loc[15000000]  # written period_start: 2025
    assert year_start["period_start"] == pd.Timestamp("2025-01-01") and year_start["period_start_precision"] == "year"
    # the id is the hash of the dates as written, so moving the stored day did not change it
    key = "\x1f".join(
        [
            "khm-2025-10-example-campaign",
            "KHM",
            "Preah Sihanouk",
            "operations of the national committee",
            "arrested",
            "",
            "",
            "2025-10",
        ]
    )
    assert month["figure_id"] == "f" + hashlib.sha256(key.encode()).hexdigest()[:12]


def test_figures_of_the_previous_release_keep_their_ids() -> None:
    old = read_folder(REPO / "datasets" / "releases" / "0.2.0").figures
    new = scamstats.load().figures
    as_written = ["source_id", "country", "metric", "value", "qualifier", "nationality", "place", "scope"]

    def keyed(frame: pd.DataFrame) -> dict[tuple[str, ...], str]:
        starts = written_dates(frame["period_start"], frame["period_start_precision"])
        ends = written_dates(frame["period_end"], frame["period_end_precision"])
        rows = frame[as_written].astype("string").fillna("").assign(start=starts.fillna(""), end=ends.fillna(""))
        return dict(zip(map(tuple, rows.to_numpy().tolist()), frame["figure_id"], strict=True))

    before, after = keyed(old), keyed(new)
    kept = set(before) & set(after)
    assert len(kept) > 300
    assert {before[k] for k in kept} == {after[k] for k in kept}
    assert all(before[k] == after[k] for k in kept)
