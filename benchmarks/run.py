"""Run the scamstats benchmarks and print each one beside its yardstick.

    python benchmarks/run.py            # the full run (a few minutes)
    python benchmarks/run.py --quick    # a tenth of the data, fewer repeats

1. Cold start: a fresh ``python -c "import scamstats; scamstats.load()"`` against
   ``python -c "import palmerpenguins; palmerpenguins.load_penguins()"`` (the same
   kind of work: import pandas, read a small bundled CSV). Target: ratio <= 1.10.
2. ``scamstats validate`` on 100,000 generated figures in 10,000 record files against
   the floor of only parsing those files with PyYAML's C loader, both as fresh
   processes; and the same at 10,000 and 50,000 figures, to see how time grows.
   Target: ratio <= 2, growth close to linear.
3. ``series()`` and ``compare()`` on a release of the same 100,000 figures.
   Target: under 50 ms each.

Timings are wall-clock medians; runs of the two sides of a comparison alternate, so
that a busy machine slows both alike. Generated data goes to ``benchmarks/out/``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from generate import generate

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

SCAMSTATS_LOAD = "import scamstats; scamstats.load()"
PENGUINS_LOAD = "import palmerpenguins; palmerpenguins.load_penguins()"
YAML_FLOOR = """
import pathlib, sys, yaml
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""


def seconds(command: list[str]) -> float:
    """Wall-clock time of one fresh process; it must succeed."""
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def alternate(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """Median time of each command, run in turns after one unmeasured warm-up run each."""
    for command in commands.values():
        seconds(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(seconds(command))
    return {name: statistics.median(values) for name, values in times.items()}


def verdict(value: float, target: float) -> str:
    return f"(target <= {target:.2f}: {'met' if value <= target else 'MISSED'})"


def cold_start(repeat: int) -> None:
    python = sys.executable
    medians = alternate(
        {"scamstats": [python, "-c", SCAMSTATS_LOAD], "palmerpenguins": [python, "-c", PENGUINS_LOAD]}, repeat
    )
    ratio = medians["scamstats"] / medians["palmerpenguins"]
    print(f"\n1. Cold start in a fresh interpreter: import + load (median of {repeat} runs)")
    print(f"   scamstats.load()                  {medians['scamstats']:7.3f} s")
    print(f"   palmerpenguins.load_penguins()    {medians['palmerpenguins']:7.3f} s")
    print(f"   ratio                             {ratio:7.2f}   {verdict(ratio, 1.10)}")


def validate_against_floor(files: int, repeat: int) -> Path:
    """Time validate and the YAML floor at a tenth, half and all of ``files``; return the largest folder."""
    python = sys.executable
    rows = {}
    for count in (files // 10, files // 2, files):
        folder = OUT / f"datasets-{count}"
        if not (folder / "records").is_dir() or len(list((folder / "records").iterdir())) != count:
            generate(folder, count, 10)
        rows[count * 10] = alternate(
            {
                "validate": [python, "-m", "scamstats.cli", "validate", str(folder)],
                "floor": [python, "-c", YAML_FLOOR, str(folder / "records")],
            },
            repeat,
        )
    sizes = sorted(rows)
    print(f"\n2. Validate {sizes[-1]:,} figures in {files:,} files vs only parsing them (median of {repeat} runs)")
    print("   " + " " * 30 + "".join(f"{n:>12,}" for n in sizes) + " figures")
    for name, label in (("validate", "scamstats validate"), ("floor", "PyYAML CSafeLoader parse")):
        print(f"   {label:30}" + "".join(f"{rows[n][name]:>10.2f} s" for n in sizes))
    ratios = [rows[n]["validate"] / rows[n]["floor"] for n in sizes]
    print(f"   {'ratio':30}" + "".join(f"{r:>12.2f}" for r in ratios) + f"   {verdict(ratios[-1], 2)}")
    for name, label in (("validate", "validate, each added figure"), ("floor", "parse, each added figure")):
        steps = [(rows[b][name] - rows[a][name]) / (b - a) * 1e6 for a, b in pairwise(sizes)]
        print(f"   {label:30}{'':12}" + "".join(f"{us:>9.0f} us" for us in steps))
    print("   (growth is linear when the cost of each added figure stays flat from step to step)")
    return OUT / f"datasets-{files}"


def median_ms(call: Callable[[], object], repeat: int) -> float:
    call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def queries(folder: Path, repeat: int) -> None:
    from scamstats.load import read_folder
    from scamstats.release.build import build

    release = OUT / f"release-{folder.name}"
    if not (release / "datapackage.json").is_file():
        build(folder, release)
    ds = read_folder(release)
    at = datetime.date(2024, 12, 31)
    calls: dict[str, Callable[[], object] | None] = {
        'series("KHM", "arrested")': (lambda: ds.series("KHM", "arrested")) if hasattr(ds, "series") else None,
        f'compare("arrested", at="{at}")': (lambda: ds.compare("arrested", at=at)) if hasattr(ds, "compare") else None,
        'totals("KHM", "arrested")': (lambda: ds.totals("KHM", "arrested")) if hasattr(ds, "totals") else None,
    }
    print(f"\n3. Queries on a release of {len(ds.figures):,} figures (median of {repeat} calls)")
    for label, call in calls.items():
        if call is None:
            print(f"   {label:40}not available in this version")
        else:
            ms = median_ms(call, repeat)
            target = verdict(ms, 50) if not label.startswith("totals") else "(no target set)"
            print(f"   {label:40}{ms:7.1f} ms   {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the data and fewer repeats")
    args = parser.parse_args()
    files = 1_000 if args.quick else 10_000
    OUT.mkdir(exist_ok=True)
    print(
        f"scamstats benchmarks: Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {datetime.date.today()}{', quick' if args.quick else ''}"
    )
    cold_start(repeat=5 if args.quick else 15)
    folder = validate_against_floor(files, repeat=1 if args.quick else 3)
    queries(folder, repeat=5 if args.quick else 20)


if __name__ == "__main__":
    main()
