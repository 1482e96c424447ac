"""Bad and hostile record files: each gives its exact problems, exit 1, bounded time and memory, and no output.

Every file under ``tests/hostile/`` starts with one ``# expect: LINE: FIELD: MESSAGE`` comment per
problem it must produce. Each is dropped into a copy of the ``mini`` fixture and built; the problems
printed must be exactly those, in that order (each printed line starting with its expectation). Files
too large to commit, or whose bytes cannot hold the comment, are generated here.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from scamstats.cli import main
from scamstats.problems import DataError
from scamstats.records.safe_yaml import MAX_DEPTH, MAX_FILE_BYTES, read_yaml_text
from scamstats.records.validate import check

HOSTILE = Path(__file__).parent / "hostile"
CORPUS = sorted(HOSTILE.glob("*.yaml"))
MAX_SECONDS = 20.0  # generous: traced memory slows pandas; the slowest case takes about 4 s
MAX_TRACED_BYTES = 64 * 2**20  # the 7,000-problem case peaks near 27 MiB; most cases under 1 MiB
MAX_ADDRESS_SPACE = 1024 * 2**20
TEMPLATE = (HOSTILE / "value-negative.yaml").read_text(encoding="utf-8").replace("value: -5", "value: 2137")


def expectations(path: Path) -> list[str]:
    """The ``# expect:`` lines at the top of a corpus file."""
    expected = []
    for line in path.read_bytes().split(b"\n"):
        if not line.startswith(b"# expect: "):
            break
        expected.append(line.removeprefix(b"# expect: ").decode("utf-8"))
    return expected


@pytest.fixture(scope="module", autouse=True)
def warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Import everything and fill the caches once, so that memory is measured for the input alone."""
    target = tmp_path_factory.mktemp("warm") / "datasets"
    shutil.copytree(Path(__file__).parent / "fixtures" / "mini", target)
    assert check(target).problems == []


def assert_refused(
    root: Path, out: Path, target: Path, expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.perf_counter()
    tracemalloc.start()
    try:
        status = main(["build", str(root), "--out", str(out)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    printed = capsys.readouterr()
    reported = printed.out.splitlines()
    assert status == 1
    assert len(reported) == len(expected), printed.out
    for line, expectation in zip(reported, expected, strict=True):
        assert line.startswith(f"{target}:{expectation}"), line
    assert printed.err.strip().endswith("nothing was written")
    assert not out.exists()
    assert seconds < MAX_SECONDS
    assert peak < MAX_TRACED_BYTES


def test_the_corpus_is_large_and_every_case_says_what_it_expects() -> None:
    assert len(CORPUS) >= 30
    for path in CORPUS:
        assert expectations(path), f"{path.name} has no '# expect:' line"


@pytest.mark.parametrize("case", CORPUS, ids=[p.stem for p in CORPUS])
def test_hostile_record_gives_its_exact_problems_and_writes_nothing(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Path
) -> None:
    target = mini / "records" / case.name
    shutil.copyfile(case, target)
    assert_refused(mini, tmp_path / "out", target, expectations(case), capsys)


def oversized_file() -> tuple[bytes, list[str]]:
    content = (TEMPLATE + "#" * MAX_FILE_BYTES).encode()[: MAX_FILE_BYTES + 1]
    return content, [f"1: file: is larger than {MAX_FILE_BYTES} bytes (got {MAX_FILE_BYTES + 1})"]


def huge_string_within_the_size_limit() -> tuple[bytes, list[str]]:
    content = TEMPLATE.replace("Authorities report", "x" * (MAX_FILE_BYTES - 2000)).encode()
    return content, ["3: title: must be 1 to 500 characters long (got 'xxxx"]


def utf_16_file() -> tuple[bytes, list[str]]:
    return TEMPLATE.encode("utf-16"), ["1: file: is not valid UTF-8 text (got b'\\xff')"]


def parser_has_a_nesting_limit() -> bool:
    """Whether the YAML parser stops deep nesting itself (libyaml 0.2.5 does; older builds and PyYAML 6.0's may not)."""
    try:
        read_yaml_text("note: " + "[" * 5000 + "]" * 5000, "probe")
    except DataError as error:
        return "exceeded maximum nesting depth" in error.problems[0].message
    return False


def nesting_beyond_the_parser_limit() -> tuple[bytes, list[str]]:
    content = TEMPLATE.replace("note: Suspects held in the raid.", "note: " + "[" * 5000 + "]" * 5000).encode()
    if parser_has_a_nesting_limit():
        return content, ["18: yaml: invalid YAML: exceeded maximum nesting depth"]
    return content, [f"18: note: is nested more than {MAX_DEPTH} levels deep"]


def seven_thousand_bad_figures() -> tuple[bytes, list[str]]:
    figures = "".join(
        f"- {{country: KHM, reported_by: KHM, metric: arrested, extent: total, value: -{n}, qualifier: exact, "
        f"place: p{n}, period_end: 2025, note: n}}\n"
        for n in range(1, 7_001)
    )
    content = (TEMPLATE.split("  - country")[0] + figures).encode()
    return content, [f"{10 + n}: value: must be >= 0 (got -{n})" for n in range(1, 7_001)]


GENERATED = {
    case.__name__.replace("_", "-"): case
    for case in (
        oversized_file,
        huge_string_within_the_size_limit,
        utf_16_file,
        nesting_beyond_the_parser_limit,
        seven_thousand_bad_figures,
    )
}


@pytest.mark.parametrize("name", list(GENERATED))
def test_generated_hostile_record_gives_its_exact_problems_and_writes_nothing(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    content, expected = GENERATED[name]()
    target = mini / "records" / f"{name}.yaml"
    target.write_bytes(content)
    assert_refused(mini, tmp_path / "out", target, expected, capsys)


def limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MAX_ADDRESS_SPACE, MAX_ADDRESS_SPACE))


def test_whole_corpus_at_once_under_a_memory_limit(mini: Path, tmp_path: Path) -> None:
    """All cases in one folder, one process with 1 GiB of address space: every problem, no traceback."""
    expected = []
    for case in CORPUS:
        shutil.copyfile(case, mini / "records" / case.name)
        expected += [f"{mini / 'records' / case.name}:{e}" for e in expectations(case)]
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "scamstats.cli", "build", str(mini), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit_address_space,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    reported = result.stdout.splitlines()
    assert len(reported) == len(expected)
    for line, expectation in zip(reported, sorted(expected, key=order), strict=True):
        assert line.startswith(expectation), line
    assert not out.exists()


def order(expectation: str) -> tuple[str, int, str]:
    """Sort key of an expected problem, as problems are sorted: path, line, field."""
    path, line, rest = expectation.split(":", 2)
    return path, int(line), rest.split(": ")[0]


def release(root: Path, out: Path) -> dict[str, bytes]:
    assert main(["build", str(root), "--out", str(out)]) == 0
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_crlf_line_ends_and_a_byte_order_mark_change_nothing_in_the_release(mini: Path, tmp_path: Path) -> None:
    before = release(mini, tmp_path / "lf")
    for path in [*(mini / "records").iterdir(), mini / "events.yaml"]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert release(mini, tmp_path / "crlf") == before


def test_zero_width_spaces_of_khmer_and_thai_titles_are_kept(mini: Path, tmp_path: Path) -> None:
    khmer = "\u1780\u17b6\u179a\u200b\u1794\u1784\u17d2\u1780\u17d2\u179a\u17b6\u1794"
    thai = "\u0e08\u0e31\u0e1a\u200b\u0e01\u0e38\u0e21"
    title = f"{khmer} {thai}"
    record = mini / "records" / "khm-2025-07-18-example-crackdown.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("Cambodia detains 2,137 in scam crackdown", title), encoding="utf-8"
    )
    release(mini, tmp_path / "out")
    assert title in (tmp_path / "out" / "sources.csv").read_text(encoding="utf-8")
