"""Write a large, valid, reproducible datasets folder for the benchmarks.

Each record file is one made-up source with ``--per-file`` figures: a total,
a nationality breakdown that stays under it, and figures of other metrics,
with one event per file that the figures' campaign refers to.

    python benchmarks/generate.py OUT --files 10000 --per-file 10
"""

from __future__ import annotations

import argparse
import datetime
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ("KHM", "MMR", "LAO", "THA", "PHL", "VNM", "IDN", "MYS", "CHN", "KOR")
NATIONALITIES = ("CHN", "VNM", "IDN", "KOR", "THA", "MYS", "IND", "PHL", "LKA", "NPL", "BGD", "PAK")
METRICS = ("detained", "rescued", "deported", "repatriated", "raided_sites", "charged", "convicted", "devices_seized")
QUALIFIERS = ("exact", "about", "at_least", "more_than", "nearly", "up_to")
PLACES = ("Sihanoukville", "Bavet", "Myawaddy", "Poipet", "Golden Triangle", "Pasay", "Manila", "Shwe Kokko")


def record_text(number: int, per_file: int, rng: random.Random) -> str:
    """One record file with ``per_file`` figures (at least 2)."""
    published = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(6 * 365))
    start = published - datetime.timedelta(days=rng.randrange(30, 400))
    country = rng.choice(COUNTRIES)
    reporter = rng.choice((country, "CHN", "KOR"))
    event = f"e{number}-crackdown"
    total = rng.randrange(5_000, 50_000)
    lines = [
        "source:",
        f"  title: Authorities report {total} held in operation number {number}",
        f"  publisher: Example Outlet {number % 97}",
        f"  url: https://news{number % 13}.example.org/{published.year}/story-{number}?id={number * 7}",
        f"  published: {published.isoformat()}",
        f"  accessed: {(published + datetime.timedelta(days=30)).isoformat()}",
        f"  language: {rng.choice(('en', 'km', 'th', 'vi', 'zh-Hans', 'ko'))}",
        f"  kind: {rng.choice(('news', 'government'))}",
        "figures:",
    ]

    def figure(metric: str, value: int, qualifier: str, nationality: str | None = None) -> None:
        lines.extend(
            [
                f"  - country: {country}",
                f"    place: {rng.choice(PLACES)}" if nationality is None and metric != "arrested" else "",
                f"    reported_by: {reporter}",
                "    attributed_to: Ministry of the Interior",
                f"    metric: {metric}",
                f"    extent: {'total' if metric == 'arrested' else 'operation'}",  # other metrics: single raids
                f"    value: {value}",
                f"    qualifier: {qualifier}",
                f"    period_start: {start.isoformat()}",
                f"    period_end: {published.isoformat() if rng.random() < 0.7 else published.strftime('%Y-%m')}",
                f"    campaign: {event}",
                f"    nationality: {nationality}" if nationality else "",
                f"    note: Figure {len(lines)} of a made-up source, for benchmarks.",
            ]
        )

    figure("arrested", total, "exact")
    breakdown = min(per_file - 1, len(NATIONALITIES), max(1, (per_file - 1) // 2))
    for nationality in rng.sample(NATIONALITIES, breakdown):
        figure("arrested", rng.randrange(total // (2 * breakdown) + 1), rng.choice(QUALIFIERS), nationality)
    for metric in rng.sample(METRICS, per_file - 1 - breakdown):
        figure(metric, rng.randrange(100_000), rng.choice(QUALIFIERS))
    lines += [
        "events:",
        f"  - event_id: {event}",
        f"    date: {start.isoformat()}",
        f"    country: {country}",
        "    kind: campaign",
        f"    title: Operation number {number} begins",
    ]
    return "\n".join(line for line in lines if line) + "\n"


def generate(out: Path, files: int, per_file: int, seed: int = 7) -> Path:
    """Fill ``out`` with a datasets folder of ``files`` x ``per_file`` figures; return ``out``."""
    if not 2 <= per_file <= 1 + len(NATIONALITIES) // 2 + len(METRICS):
        raise ValueError(f"per_file must be between 2 and {1 + len(NATIONALITIES) // 2 + len(METRICS)}")
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    records = out / "records"
    records.mkdir(parents=True)
    for name in ("metrics.yaml", "dataset.yaml"):
        shutil.copy(ROOT / "datasets" / name, out / name)
    for number in range(files):
        (records / f"src-{number:06d}.yaml").write_text(record_text(number, per_file, rng), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--per-file", type=int, default=10)
    args = parser.parse_args()
    generate(args.out, args.files, args.per_file)
    print(f"wrote {args.files} record files of {args.per_file} figures to {args.out}")


if __name__ == "__main__":
    main()
