"""Validate many randomly damaged copies of the real record files; report crashes and unlocated problems.

Each case is one real record file after seeded mutations (lines deleted,
duplicated, swapped or re-indented; keys misspelt; values replaced by hostile
tokens; characters inserted; bytes changed; the file truncated at a random
byte), validated alone in a datasets folder. A case fails when the validator
raises, or reports a problem without a file and line. The same seeds give
the same cases (see tests/fuzzing.py). Exits 1 when any case fails.

    python scripts/fuzz_validate.py --cases 10000 --jobs 2
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzzing import Result, run


def _chunk(seeds: range) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        return run(Path(folder), seeds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=10_000, help="number of mutated files (default: 10000)")
    parser.add_argument("--first-seed", type=int, default=0, help="seed of the first case (default: 0)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    parser.add_argument("--show", type=int, default=5, help="failures to print in full (default: 5)")
    args = parser.parse_args(argv)

    start = time.monotonic()
    size = 250
    chunks = [
        range(first, min(first + size, args.first_seed + args.cases))
        for first in range(args.first_seed, args.first_seed + args.cases, size)
    ]
    total = Result()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for result in pool.map(_chunk, chunks):
            total.add(result)
    for failure in (total.crashes + total.unlocated)[: args.show]:
        print(failure, file=sys.stderr)
    print(
        f"mutations: {total.cases}, problems reported: {total.problems}, crashes: {len(total.crashes)}, "
        f"unlocated problems: {len(total.unlocated)} ({time.monotonic() - start:.0f} s)"
    )
    return 1 if total.crashes or total.unlocated else 0


if __name__ == "__main__":
    sys.exit(main())
