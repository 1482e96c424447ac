"""Each kind of bad record gives one clear `path:line: field: message`, exit 1, and no output files."""

from __future__ import annotations

from pathlib import Path

import pytest

from scamstats.cli import main
from scamstats.records.validate import check

RECORD = "records/khm-2025-07-18-example-crackdown.yaml"


def replace_line(text: str, number: int, new: str | None) -> str:
    lines = text.split("\n")
    if new is None:
        del lines[number - 1]
    else:
        lines[number - 1] = new
    return "\n".join(lines)


def insert_after(text: str, number: int, new: str) -> str:
    lines = text.split("\n")
    lines.insert(number, new)
    return "\n".join(lines)


KNOWN_METRICS = (
    "arrested, assets_seized, assistance_requests, buildings_demolished, cases_prosecuted, charged, convicted, "
    "deported, detained, devices_seized, handed_over, held, indicted, left_voluntarily, losses, raided_sites, "
    "repatriated, rescued"
)
FIGURE_FIELDS = (
    "country, place, reported_by, attributed_to, metric, extent, unit, value, qualifier, period_start, period_end, "
    "campaign, scope, nationality, destination, note"
)
DUPLICATE = (
    "duplicate figure: another figure of this source has the same country, place, scope, metric, nationality and "
    "period as written"
)

# (case, how to change the record file, every "line: field: message (got X)" the build must print, in order)
CASES = [
    ("missing field", lambda t: replace_line(t, 11, None), ["10: reported_by: is required"]),
    (
        "wrong type",
        lambda t: replace_line(t, 13, "    value: lots"),
        ["13: value: must be a whole number written in plain digits (got 'lots')"],
    ),
    (
        "quoted number",
        lambda t: replace_line(t, 13, '    value: "2137"'),
        ["13: value: must be a number, not quoted text (got '2137')"],
    ),
    (
        "number with separators",
        lambda t: replace_line(t, 13, "    value: 2,137"),
        ["13: value: must be a whole number written in plain digits (got '2,137')"],
    ),
    (
        "unknown metric",
        lambda t: replace_line(t, 12, "    metric: arrestd"),
        [f"12: metric: unknown metric (did you mean arrested?); known metrics: {KNOWN_METRICS} (got 'arrestd')"],
    ),
    (
        "bad country code",
        lambda t: replace_line(t, 10, "  - country: XYZ"),
        ["10: country: is not an ISO 3166-1 alpha-3 country code (got 'XYZ')"],
    ),
    (
        "bad nationality",
        lambda t: replace_line(t, 22, "    nationality: Vietnam"),
        ["22: nationality: is not an ISO 3166-1 alpha-3 country code; did you mean VNM? (got 'Vietnam')"],
    ),
    ("negative value", lambda t: replace_line(t, 13, "    value: -5"), ["13: value: must be >= 0 (got -5)"]),
    (
        "oversized value",
        lambda t: replace_line(t, 13, "    value: 99999999999999999"),
        ["13: value: must be <= 1000000000000000 (got '99999999999999999')"],
    ),
    (
        "start after end",
        lambda t: replace_line(t, 15, "    period_start: 2025-08-01"),
        ["15: period_start: is after period_end (got '2025-08-01')"],
    ),
    (
        "as-of after publication",
        lambda t: replace_line(t, 16, "    period_end: 2025-07-20"),
        ["16: period_end: is after the source's published date (got '2025-07-20')"],
    ),
    ("duplicate key", lambda t: replace_line(t, 22, None), [f"21: metric: {DUPLICATE} (got 'arrested')"]),
    (
        "unknown qualifier",
        lambda t: replace_line(t, 14, "    qualifier: roughly"),
        ["14: qualifier: must be one of exact, about, at_least, more_than, nearly, up_to (got 'roughly')"],
    ),
    (
        "breakdown over total",
        lambda t: replace_line(t, 23, "    value: 3000"),
        ["13: value: is less than its nationality breakdown, which adds up to 3000 (got 2137)"],
    ),
    (
        "python tag",
        lambda t: replace_line(t, 13, "    value: !!python/object/apply:os.system ['echo hi']"),
        ["13: value: tags are not allowed (got 'tag:yaml.org,2002:python/object/apply:os.system')"],
    ),
    (
        "duplicate YAML key",
        lambda t: insert_after(t, 13, "    value: 5"),
        ["14: value: duplicate key (first on line 13)"],
    ),
    (
        "non-http url",
        lambda t: replace_line(t, 4, "  url: ftp://example.org/x"),
        ["4: url: is not in the expected form (an http:// or https:// address) (got 'ftp://example.org/x')"],
    ),
    (
        "malformed date",
        lambda t: replace_line(t, 5, "  published: 2025-13-45"),
        ["5: published: not a real date: month must be in 1..12 (got '2025-13-45')"],
    ),
    (
        "partial publication date",
        lambda t: replace_line(t, 5, "  published: 2025-07"),
        ["5: published: must be a full date written YYYY-MM-DD (got '2025-07')"],
    ),
    ("empty file", lambda t: "", ["1: file: is empty"]),
    (
        "list for text",
        lambda t: replace_line(t, 2, "  title: [a, b]"),
        ["2: title: must be a single value, not a list or mapping (got 'list')"],
    ),
    (
        "unknown field",
        lambda t: insert_after(t, 17, "    colour: red"),
        [f"18: colour: unknown field; expected one of {FIGURE_FIELDS}"],
    ),
    (
        "formula text",
        lambda t: replace_line(t, 18, "    note: =SUM(A1:A9)"),
        ["18: note: must not start with =, +, - or @ (spreadsheets read it as a formula) (got '=SUM(A1:A9)')"],
    ),
    (
        "control character",
        lambda t: replace_line(t, 18, '    note: "a\\u0007b"'),
        ["18: note: must not contain control characters or line breaks (got 'a\\x07b')"],
    ),
    (
        "unknown language",
        lambda t: replace_line(t, 7, "  language: xx"),
        ["7: language: is not a BCP 47 language tag with a known ISO 639 language (got 'xx')"],
    ),
    (
        "unknown source kind",
        lambda t: replace_line(t, 8, "  kind: blog"),
        ["8: kind: must be one of news, government, intergovernmental, ngo, academic (got 'blog')"],
    ),
    (
        "invalid YAML",
        lambda t: replace_line(t, 13, "    value: [1,"),
        ["15: yaml: invalid YAML: did not find expected ',' or ']'"],
    ),
    (
        "alias",
        lambda t: replace_line(t, 18, "    note: *x"),
        ["18: yaml: invalid YAML: found undefined alias"],
    ),
    (
        "dangling campaign",
        lambda t: insert_after(t, 17, "    campaign: khm-nope"),
        ["18: campaign: no event has this event_id (got 'khm-nope')"],
    ),
    (
        "future date",
        lambda t: replace_line(t, 6, "  accessed: 2999-01-01"),
        ["6: accessed: is in the future (got '2999-01-01')"],
    ),
    (
        "date before 2000",
        lambda t: replace_line(t, 15, "    period_start: 1999-12-31"),
        ["15: period_start: is before 2000-01-01 (got '1999-12-31')"],
    ),
    (
        "currency on a count",
        lambda t: insert_after(t, 13, "    unit: USD"),
        ["14: unit: differs from the metric's unit; leave unit out for metrics that are not money (got 'USD')"],
    ),
    ("missing extent", lambda t: replace_line(t, 17, None), ["10: extent: is required"]),
    (
        "unknown extent",
        lambda t: replace_line(t, 17, "    extent: whole"),
        ["17: extent: must be one of total, operation, part (got 'whole')"],
    ),
    (
        "part without scope",
        lambda t: replace_line(t, 17, "    extent: part"),
        [
            "17: extent: a part needs a scope naming the part of the enforcement it counts (one agency's desk, one "
            "task force) (got 'part')"
        ],
    ),
    (
        "destination on a metric that moves nobody",
        lambda t: insert_after(t, 17, "    destination: CHN"),
        [
            "18: destination: only movement metrics (deported, handed_over, left_voluntarily, repatriated) have a "
            "destination (got 'CHN')"
        ],
    ),
    (
        "nationality on a metric that counts things",
        lambda t: replace_line(t, 21, "    metric: raided_sites"),
        [
            "22: nationality: only metrics that count people or cases have a nationality, not assets_seized, "
            "buildings_demolished, devices_seized, losses, raided_sites (got 'VNM')"
        ],
    ),
    (
        "unknown destination",
        lambda t: insert_after(t, 17, "    destination: China"),
        ["18: destination: is not an ISO 3166-1 alpha-3 country code; did you mean CHN? (got 'China')"],
    ),
]


def run_build(root: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["build", str(root), "--out", str(out)])
    return status, capsys.readouterr().out


@pytest.mark.parametrize(("case", "change", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_record_is_reported_at_its_line_and_nothing_is_written(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, change: object, expected: list[str]
) -> None:
    path = mini / RECORD
    path.write_text(change(path.read_text()), encoding="utf-8")  # type: ignore[operator]
    out = tmp_path / "out"
    status, printed = run_build(mini, out, capsys)
    assert status == 1
    assert printed.splitlines() == [f"{path}:{line}" for line in expected]
    assert not out.exists()


def test_every_problem_is_reported_at_once(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mini / RECORD
    text = replace_line(path.read_text(), 13, "    value: -5")
    text = replace_line(text, 12, "    metric: arrestd")
    path.write_text(replace_line(text, 7, "  language: xx"))
    assert main(["validate", str(mini)]) == 1
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [
        f"{path}:7: language: is not a BCP 47 language tag with a known ISO 639 language (got 'xx')",
        f"{path}:12: metric: unknown metric (did you mean arrested?); known metrics: {KNOWN_METRICS} (got 'arrestd')",
        f"{path}:13: value: must be >= 0 (got -5)",
    ]
    assert printed.err.strip() == "3 problem(s) in 1 file(s)"


def test_dangling_event_source_is_reported_in_events_file(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = mini / "events.yaml"
    events.write_text(events.read_text().replace("source_id: khm-2025-10-example-campaign", "source_id: nope"))
    assert main(["validate", str(mini)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{events}:6: source_id: no record file has this source_id (got 'nope')"
    ]


def test_same_url_in_two_files_is_reported(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = mini / RECORD
    copy = mini / "records" / "khm-2025-07-18-example-zcopy.yaml"
    copy.write_text(first.read_text())
    assert main(["validate", str(mini)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{copy}:4: url: is already recorded in another file (one file per source) (got 'https://example.org/news/1')"
    ]


def test_not_utf8_file_is_reported(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mini / RECORD
    path.write_bytes(path.read_bytes().replace(b"Example News", b"Exampl\xe9 News"))
    assert main(["validate", str(mini)]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{path}:3: file: is not valid UTF-8 text (got b'\\xe9')"]


def test_billion_laughs_is_refused_quickly(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(20)]
    path = mini / "records" / "khm-laughs.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert main(["validate", str(mini)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:1: b: aliases (*name) are not allowed; write the value out"
    ]


def test_clean_folder_validates_with_a_summary(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(mini)]) == 0
    assert capsys.readouterr().out.strip() == "ok: 4 figures, 2 sources, 1 countries, 2 events"


def test_a_month_and_its_first_day_are_two_periods_with_two_ids(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The natural key takes the dates as written, as the figure id does: "2025-07" is not "2025-07-01"."""
    path = mini / RECORD
    text = replace_line(path.read_text(), 16, "    period_end: 2025-07-01")
    text = replace_line(text, 26, "    period_end: 2025-07")
    path.write_text(replace_line(text, 22, None))
    assert main(["validate", str(mini)]) == 0, capsys.readouterr().out
    figures = check(mini).frames["figures"]
    ours = figures[figures["source_id"] == path.stem]
    assert sorted(ours["period_end_precision"]) == ["day", "month"]
    assert ours["figure_id"].is_unique
    assert len(ours) == 2


def test_the_same_period_written_the_same_way_twice_is_a_duplicate(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = mini / RECORD
    text = replace_line(path.read_text(), 16, "    period_end: 2025-07")
    text = replace_line(text, 26, "    period_end: 2025-07")
    path.write_text(replace_line(text, 22, None))
    assert main(["validate", str(mini)]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{path}:21: metric: {DUPLICATE} (got 'arrested')"]
