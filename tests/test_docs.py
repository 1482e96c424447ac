"""The documentation: generated pages complete, quickstart code runs, the contributor path works."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

import scamstats
from scamstats.records.fields import column_names
from scamstats.schema import TABLES
from scamstats.show.coverage import coverage_markdown
from scamstats.show.dictionary import data_dictionary_markdown

needs_source_tree = pytest.mark.skipif(not (REPO / "docs").is_dir(), reason="needs the source tree")


def test_data_dictionary_names_every_column_and_metric() -> None:
    text = data_dictionary_markdown()
    for table in TABLES:
        assert f"## {table}" in text
        for column in column_names(table):
            assert f"| `{column}` |" in text, column
    for metric in scamstats.load().metrics["metric"]:
        assert f"### {metric}" in text, metric


def test_coverage_page_counts_match_the_data() -> None:
    ds = scamstats.load()
    text = coverage_markdown(ds)
    assert f"| figures | {len(ds.figures)} |" in text
    for country, count in ds.figures["country"].value_counts().items():
        assert re.search(rf"^\| {country} \| {count} \|", text, re.MULTILINE), country


def table_rows(printed: str) -> list[str]:
    """The data rows of a printed DataFrame: lines that start with a row number."""
    return [line for line in printed.splitlines()[1:] if line.split() and line.split()[0].isdigit()]


@needs_source_tree
def test_quickstart_code_runs() -> None:
    page = (REPO / "docs" / "quickstart.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", page, re.DOTALL)
    assert len(blocks) >= 4
    namespace: dict[str, Any] = {}
    printed = []
    for block in blocks:
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(compile(block, "quickstart.md", "exec"), namespace)
        printed.append(output.getvalue())
    ds = scamstats.load()
    assert printed[0] == f"{ds.version} {len(ds.figures)} figures from {len(ds.sources)} sources\n"
    header = printed[1].splitlines()[0].split()  # pandas may elide middle columns as "..." to fit the width
    assert (header[0], header[-1]) == ("country", "source_id")
    assert len(table_rows(printed[1])) == 5
    assert printed[2] == ""
    tail = printed[3].splitlines()
    assert (tail[0].split()[0], tail[0].split()[-1]) == ("period_end", "publisher")
    assert len(table_rows(printed[3])) == min(8, len(ds.series("KHM", "arrested")))
    assert namespace["path"].read_bytes().startswith(b"\x89PNG")
    assert printed[5].startswith("@misc{")
    last = ds.series("KHM", "arrested")["figure_id"].iloc[-1]
    assert printed[5].endswith(ds.cite_figure(last) + "\n")


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scamstats.cli", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


@needs_source_tree
def test_contributor_following_contributing_md_gets_validate_green(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "datasets", repo / "datasets", ignore=shutil.ignore_patterns("releases"))
    guide = (REPO / "CONTRIBUTING.md").read_text()
    command = re.search(r"scamstats (new-record \S+)", guide)
    assert command is not None
    created = run(command.group(1).split(), repo)
    assert created.returncode == 0, created.stderr
    record = repo / "datasets" / "records" / f"{command.group(1).split()[1]}.yaml"

    before = run(["validate", "datasets/"], repo)
    assert before.returncode == 1
    assert f"{record.relative_to(repo)}:" in before.stdout and ": title: is required" in before.stdout

    filled = {
        "title:": 'title: "Police hold 12 in raid on Phnom Penh scam centre"',
        "publisher:": "publisher: Example Daily",
        "url:": "url: https://example.org/2025/07/18/raid",
        "# published:": "published: 2025-07-18",
        "language:": "language: en",
        "kind:": "kind: news",
        "- country:": "- country: KHM",
        "reported_by:": "reported_by: KHM",
        "metric:": "metric: arrested",
        "extent:": "extent: operation",
        "value:": "value: 12",
        "qualifier:": "qualifier: exact",
        "period_end:": "period_end: 2025-07-18",
        "note:": "note: Suspects held in one raid on a compound.",
    }
    lines = []
    for original in record.read_text().splitlines():
        stripped = original.strip()
        indent = original[: len(original) - len(original.lstrip())]
        replacement = next((text for start, text in filled.items() if stripped.startswith(start)), None)
        lines.append(indent + replacement if replacement else original)
    record.write_text("\n".join(lines) + "\n")

    after = run(["validate", "datasets/"], repo)
    assert after.returncode == 0, after.stdout
    assert after.stdout.startswith("ok: ")


def test_new_record_refuses_a_bad_name_and_an_existing_file(mini: Path) -> None:
    bad = run(["new-record", "Not A Slug", "--datasets", str(mini)], mini)
    assert bad.returncode == 2
    assert "lowercase words joined by hyphens" in bad.stderr
    existing = run(["new-record", "khm-2025-07-18-example-crackdown", "--datasets", str(mini)], mini)
    assert existing.returncode == 1
    assert "already exists" in existing.stderr


def test_gallery_page_shows_every_plot_and_each_renders() -> None:
    pytest.importorskip("matplotlib")
    from scamstats.show.gallery import GALLERY, gallery_markdown, render

    ds = scamstats.load()
    page = gallery_markdown(ds)
    for plot in GALLERY:
        assert f"(img/gallery/{plot.name}.png)" in page
        assert plot.command in page
    png = render(ds, GALLERY[0])
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


@needs_source_tree
def test_readme_use_it_example_prints_the_columns_a_reader_needs(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Use it", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert block is not None
    exec(compile(block.group(1), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    for column in ("period_end", "value", "qualifier", "baseline", "increment_low", "publisher", "age_days", "reason"):
        assert column in printed, column
    assert "..." not in printed  # every column shown, none elided


@needs_source_tree
def test_which_number_page_answers_with_the_apis_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    from scamstats.cli import main

    page = (REPO / "docs" / "which-number.md").read_text()
    namespace: dict[str, object] = {}
    for block in re.findall(r"```python\n(.*?)```", page, re.DOTALL):
        exec(compile(block, "which-number.md", "exec"), namespace)
    commands = re.findall(r"<!-- cli: (.+?) -->", page)
    assert len(commands) == 6
    outputs = {}
    for command in commands:
        assert main(command.split()) == 0, command
        outputs[command] = capsys.readouterr().out
    ds = scamstats.load()
    # 1. the crackdown counter: every dated restatement since 27 June, the latest last
    counter = ds.series("KHM", ["arrested", "detained"], baseline="2025-06-27")
    assert len(counter) >= 3
    text = outputs["series KHM arrested detained --baseline 2025-06-27"]
    assert f"{len(counter)} dates" in text and f"{counter['value'].iloc[-1]:,}" in text
    # 2. deportations: one row per country and metric, totals only
    side = ds.compare(["deported", "repatriated"], at="2025-12-31")
    assert set(ds.figures.set_index("figure_id").loc[side["figure_id"], "extent"]) == {"total"}
    for row in side.to_dict("records"):
        assert f"{row['value']:,}" in outputs["compare deported repatriated --at 2025-12-31"]
    # 3. handovers to China per year: the reported 2023 total comes first
    years = ds.totals("MMR", "handed_over", destination="CHN").set_index("period")
    assert years.loc["2023", "method"] == "reported"
    assert f"{years.loc['2023', 'low']:,}" in outputs["totals MMR handed_over --destination CHN"]
