"""Mutation fuzzing of the validator: damage real record files at random and check how they are reported.

Each case copies one real record file, applies a few seeded mutations (lines
deleted, duplicated, swapped or re-indented; values replaced by hostile
tokens; files truncated at a random byte), validates a datasets folder that
holds only that file, and records whether the validator raised and whether
every problem it reported carries a file and a line. Used by
``tests/test_fuzz.py`` (a few hundred cases) and ``scripts/fuzz_validate.py``
(as many as asked).
"""

from __future__ import annotations

import random
import shutil
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from scamstats.records.validate import check

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO / "datasets"
RECORDS = sorted((DATASETS / "records").glob("*.yaml"))

HOSTILE = (
    ".nan",
    ".NaN",
    ".inf",
    "-.inf",
    "1_000",
    "\uff11\uff12\uff13",  # full-width digits
    "\u0663\u0664\u0665",  # Arabic-Indic digits
    "0x1F",
    "0o17",
    "1e3",
    "+12",
    "-1",
    "99999999999999999999999",
    "'unclosed",
    '"unclosed',
    '"a\\x"',
    "a\x00b",
    "\x1b[31mred",
    "\x7f",
    "a\u202eb",
    "\u2066x\u2069",
    "\ufeff",
    "\u2028",
    "~",
    "null",
    "yes",
    "no",
    "[",
    "]",
    "{",
    "{a: 1}",
    "[1, 2]",
    "&anchor x",
    "*alias",
    "!!python/object/apply:os.system ['true']",
    "!!binary aGk=",
    "2025-02-30",
    "2025-13",
    "0000-01-01",
    "9999-12-31",
    "2025-07-18T10:00:00+07:00",
    '""',
    "''",
    "|",
    ">-",
    "%YAML 1.2",
    "---",
    "...",
    "@x",
    "=SUM(1)",
    "? key",
    "- item",
    ": colon",
    "# comment",
    "x" * 5000,
    "🙂",
    "Ã©",
    "https://example.org/a/http://b",
    "<<: *x",
)

Mutation = Callable[[random.Random, bytes], bytes]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def delete_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return b"\n".join(lines)


def swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def reindent_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    stripped = lines[i].lstrip(b" ")
    indent = rng.choice([b"", b" ", b"   ", b"    ", b"\t", b"  \t", b" " * rng.randrange(12)])
    lines[i] = indent + stripped
    return b"\n".join(lines)


def replace_value(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    candidates = [i for i, line in enumerate(lines) if b":" in line]
    if not candidates:
        return data
    i = rng.choice(candidates)
    key, _, _ = lines[i].partition(b":")
    token = rng.choice(HOSTILE).encode("utf-8")
    lines[i] = key + b": " + token
    return b"\n".join(lines)


def misspell_key(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    candidates = [i for i, line in enumerate(lines) if b":" in line and line.partition(b":")[0].strip(b" -")]
    if not candidates:
        return data
    i = rng.choice(candidates)
    key, colon, rest = lines[i].partition(b":")
    letters = [j for j, c in enumerate(key) if chr(c).isalpha()]
    if letters:
        j = rng.choice(letters)
        key = key[:j] + key[j + 1 :]
    lines[i] = key + colon + rest
    return b"\n".join(lines)


def insert_character(rng: random.Random, data: bytes) -> bytes:
    position = rng.randrange(len(data) + 1)
    char = rng.choice(["\x00", "\x07", "\x1b", "\r", "\t", "\u202e", "\u200f", "\ufeff", "\u2028", "\x85", "'", '"'])
    return data[:position] + char.encode("utf-8") + data[position:]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def flip_byte(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    position = rng.randrange(len(data))
    return data[:position] + bytes([rng.randrange(256)]) + data[position + 1 :]


MUTATIONS: tuple[Mutation, ...] = (
    delete_line,
    duplicate_line,
    swap_lines,
    reindent_line,
    replace_value,
    replace_value,
    misspell_key,
    insert_character,
    truncate,
    flip_byte,
)


def mutate(rng: random.Random, data: bytes) -> tuple[bytes, list[str]]:
    """``data`` after one to three random mutations, and their names."""
    applied = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        mutation = rng.choice(MUTATIONS)
        data = mutation(rng, data)
        applied.append(mutation.__name__)
    return data, applied


@dataclass
class Result:
    """What a run of cases found."""

    cases: int = 0
    problems: int = 0
    crashes: list[str] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)

    def add(self, other: Result) -> None:
        self.cases += other.cases
        self.problems += other.problems
        self.crashes += other.crashes
        self.unlocated += other.unlocated


def prepare(folder: Path) -> Path:
    """A datasets folder under ``folder`` with the real metrics and wires and no records yet."""
    root = folder / "datasets"
    (root / "records").mkdir(parents=True, exist_ok=True)
    for name in ("metrics.yaml", "wires.yaml", "dataset.yaml"):
        shutil.copy(DATASETS / name, root / name)
    return root


def run_case(root: Path, seed: int) -> Result:
    """Validate one mutated record file (chosen and damaged by ``seed``) alone in ``root``."""
    rng = random.Random(seed)
    source = rng.choice(RECORDS)
    data, applied = mutate(rng, source.read_bytes())
    records = root / "records"
    for old in records.iterdir():
        old.unlink()
    target = records / source.name
    target.write_bytes(data)
    result = Result(cases=1)
    what = f"seed {seed}: {source.name} after {', '.join(applied)}"
    try:
        checked = check(root)
    except Exception:
        result.crashes.append(f"{what}\n{traceback.format_exc()}")
        return result
    result.problems = len(checked.problems)
    for problem in checked.problems:
        located = problem.line >= 1 and Path(problem.path).suffix in (".yaml", ".yml") and Path(problem.path).exists()
        if not located or not str(problem).startswith(f"{problem.path}:{problem.line}: "):
            result.unlocated.append(f"{what}: {problem}")
    return result


def run(folder: Path, seeds: range) -> Result:
    """Run the cases of ``seeds`` in a datasets folder made under ``folder``."""
    root = prepare(folder)
    total = Result()
    for seed in seeds:
        total.add(run_case(root, seed))
    return total
