"""Properties of the build, for any valid set of records hypothesis can think of.

- Every field written in a record reaches the release unchanged, and loads back unchanged.
- The release is byte-identical across builds, whatever the order of the files, of the figures in
  them, or the subfolders they sit in; and no cell of it starts like a spreadsheet formula.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from roundtrip import differences

from scamstats.load import read_folder
from scamstats.records.reader import FORMULA_PREFIXES, check_text
from scamstats.release.build import build

COUNTRIES = ("KHM", "MMR", "LAO", "THA", "PHL", "VNM", "IDN", "MYS", "CHN", "KOR", "IND", "TWN", "USA", "GBR")
COUNTS = ("arrested", "detained", "rescued", "deported", "repatriated", "raided_sites", "charged", "devices_seized")
MONEY = ("assets_seized", "losses")
THINGS = (*MONEY, "raided_sites", "devices_seized")
"""Metrics that count things, not people: their figures have no nationality."""
MOVEMENTS = ("deported", "repatriated")
LANGUAGES = ("en", "km", "th", "vi", "zh-Hans", "ko", "id", "ms", "my", "lo", "fil", "ja")
WIRES = ("AP", "Xinhua", "CCTV News", "People's Daily Online", "reuters")
"""Wire names from the vocabulary, aliases and another case included."""
QUALIFIERS = ("exact", "about", "at_least", "more_than", "nearly", "up_to")
LAST_DAY = datetime.date(2026, 1, 1)
PROPERTY_SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def is_valid_text(text: str) -> bool:
    try:
        check_text(text)
    except ValueError:
        return False
    return True


# Words of printable characters in any script (no control, format, surrogate, private-use, unassigned
# or space characters), joined by single spaces.
WORD = st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Z")), min_size=1, max_size=12)
TEXT = st.lists(WORD, min_size=1, max_size=4).map(" ".join).filter(is_valid_text)


@st.composite
def partial_date(draw: st.DrawFn, latest: datetime.date) -> tuple[str, datetime.date]:
    """A date written at some precision, no later than ``latest``; and the first day it names."""
    day = draw(st.dates(datetime.date(2000, 1, 1), latest))
    precision = draw(st.sampled_from(("day", "month", "year")))
    if precision == "day":
        return day.isoformat(), day
    if precision == "month":
        return day.isoformat()[:7], day.replace(day=1)
    return str(day.year), day.replace(month=1, day=1)


@st.composite
def record(draw: st.DrawFn, number: int) -> tuple[str, dict[str, Any]]:  # noqa: PLR0912 - one branch per optional field
    """One record file: its name and its content (as plain data to write out)."""
    accessed = draw(st.dates(datetime.date(2000, 1, 2), LAST_DAY))
    published = draw(st.dates(datetime.date(2000, 1, 1), accessed))
    source: dict[str, Any] = {
        "title": draw(TEXT),
        "publisher": draw(TEXT),
        "url": f"https://example.org/{number}/{draw(st.integers(0, 10**6))}?q={draw(st.integers(0, 9))}",
        "published": published,
        "accessed": accessed,
        "language": draw(st.sampled_from(LANGUAGES)),
        "kind": draw(st.sampled_from(("news", "government", "intergovernmental", "ngo", "academic"))),
    }
    for optional in ("wire", "note"):
        if draw(st.booleans()):
            source[optional] = draw(st.sampled_from(WIRES)) if optional == "wire" else draw(TEXT)
    events = []
    for index in range(draw(st.integers(0, 2))):
        written, _ = draw(partial_date(published))
        events.append(
            {
                "event_id": f"e{number}-{index}",
                "date": written,
                "country": draw(st.sampled_from(COUNTRIES)),
                "kind": draw(st.sampled_from(("campaign", "raid", "law", "treaty"))),
                "title": draw(TEXT),
            }
        )
    # One figure per metric, so that no nationality breakdown shares a total.
    metrics = draw(st.lists(st.sampled_from(COUNTS + MONEY), min_size=1 if not events else 0, max_size=4, unique=True))
    figures = []
    for metric in metrics:
        end, end_first = draw(partial_date(published))
        figure: dict[str, Any] = {
            "country": draw(st.sampled_from(COUNTRIES)),
            "reported_by": draw(st.sampled_from(COUNTRIES)),
            "metric": metric,
            "value": draw(st.integers(0, 10**15)),
            "qualifier": draw(st.sampled_from(QUALIFIERS)),
            "period_end": end,
            "note": draw(TEXT),
        }
        if metric in MONEY:
            figure["unit"] = draw(st.sampled_from(("USD", "KHR", "THB", "CNY")))
        if draw(st.booleans()):
            figure["period_start"] = draw(partial_date(end_first))[0]
        for optional in ("place", "attributed_to", "scope"):
            if draw(st.booleans()):
                figure[optional] = draw(TEXT)
        figure["extent"] = draw(
            st.sampled_from(("total", "operation", "part") if "scope" in figure else ("total", "operation"))
        )
        if metric in MOVEMENTS and draw(st.booleans()):
            figure["destination"] = draw(st.sampled_from(COUNTRIES))
        if metric not in THINGS and draw(st.booleans()):
            figure["nationality"] = draw(st.sampled_from(COUNTRIES))
        if events and draw(st.booleans()):
            figure["campaign"] = draw(st.sampled_from([e["event_id"] for e in events]))
        figures.append(figure)
    content: dict[str, Any] = {"source": source}
    if figures:
        content["figures"] = figures
    if events:
        content["events"] = events
    return f"s{number}-{draw(st.sampled_from(('ap', 'reuters', 'khmer-times', 'vnexpress')))}", content


RECORD_SETS = st.integers(1, 5).flatmap(lambda n: st.tuples(*(record(i) for i in range(n))))


def as_yaml(value: Any, indent: str = "") -> str:
    """Block YAML for plain data; every text is double-quoted, so YAML never reads it as another type."""
    lines = []
    for key, item in value.items():
        if isinstance(item, list):
            lines.append(f"{indent}{key}:")
            for entry in item:
                body = as_yaml(entry, indent + "    ")
                lines.append(f"{indent}  - {body.lstrip()}")
        elif isinstance(item, dict):
            lines.append(f"{indent}{key}:\n{as_yaml(item, indent + '  ')}")
        elif isinstance(item, str) and key not in ("period_start", "period_end", "date"):
            lines.append(f"{indent}{key}: {json.dumps(item, ensure_ascii=False)}")
        else:
            lines.append(f"{indent}{key}: {item}")
    return "\n".join(lines)


@contextmanager
def datasets(records: tuple[tuple[str, dict[str, Any]], ...], *, reorder: bool = False) -> Iterator[Path]:
    """A datasets folder holding ``records``; with ``reorder``, files written in reverse order,
    figures reversed and every other file in a subfolder."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "datasets"
        shutil.copytree(FIXTURES / "mini", root, ignore=shutil.ignore_patterns("records", "events.yaml"))
        (root / "records" / "more").mkdir(parents=True)
        items = list(enumerate(records))
        for position, (name, content) in reversed(items) if reorder else items:
            written = dict(content)
            if reorder and "figures" in written:
                written["figures"] = list(reversed(written["figures"]))
            target = root / "records" / ("more" if reorder and position % 2 else "") / f"{name}.yaml"
            target.write_text(as_yaml(written) + "\n", encoding="utf-8")
        yield root


def release(root: Path, out: Path) -> dict[str, bytes]:
    build(root, out)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@PROPERTY_SETTINGS
@given(RECORD_SETS)
def test_any_valid_record_set_reaches_the_release_and_loads_back_unchanged(
    records: tuple[tuple[str, dict[str, Any]], ...],
) -> None:
    with datasets(records) as root:
        out = root.parent / "out"
        files = release(root, out)
        assert differences(root, read_folder(out)) == []
        for name in ("figures.csv", "sources.csv", "events.csv"):
            cells = [cell for row in csv.reader(io.StringIO(files[name].decode())) for cell in row]
            assert not [cell for cell in cells if cell.startswith(FORMULA_PREFIXES)]


@PROPERTY_SETTINGS
@given(RECORD_SETS)
def test_release_bytes_do_not_depend_on_build_file_order_or_folders(
    records: tuple[tuple[str, dict[str, Any]], ...],
) -> None:
    with datasets(records) as first, datasets(records, reorder=True) as second:
        once = release(first, first.parent / "a")
        assert release(first, first.parent / "b") == once
        assert release(second, second.parent / "out") == once
