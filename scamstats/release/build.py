"""Turn validated tables into release files, byte for byte the same for the same input.

Rows are sorted, numbers and dates have one written form, lines end in LF and
JSON keys keep a fixed order. Files are written to a temporary folder beside
the target and moved into place only when all of them are complete.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from ..problems import DataError
from ..records.safe_yaml import plain, read_yaml
from ..records.validate import check
from .datapackage import RESOURCE_ORDER, descriptor

SORT_KEYS = {
    "figures": ["country", "metric", "period_end", "source_id", "figure_id"],
    "sources": ["source_id"],
    "events": ["date", "event_id"],
    "metrics": [],
}


def dataset_meta(root: Path) -> dict[str, Any]:
    """The dataset's own metadata from ``root/dataset.yaml``."""
    meta: dict[str, Any] = plain(read_yaml(root / "dataset.yaml"))
    return meta


def to_csv_bytes(frame: pd.DataFrame, sort_keys: list[str]) -> bytes:
    """One table as CSV: sorted rows, ISO dates, empty for missing, LF line ends."""
    if sort_keys:
        frame = frame.sort_values(sort_keys, kind="mergesort", na_position="first")
    text = frame.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")
    return text.encode("utf-8")


def release_bytes(root: Path, *, version: str | None = None, released: str | None = None) -> dict[str, bytes]:
    """Validate ``root`` and return the release files' contents by file name.

    ``version`` and ``released`` (``YYYY-MM-DD``) replace those of
    ``dataset.yaml``. Raises :class:`~scamstats.problems.DataError` carrying
    every problem.
    """
    meta = dataset_meta(root)
    meta.update({k: v for k, v in (("version", version), ("released", released)) if v is not None})
    return release_files(checked_frames(root), meta)


def checked_frames(root: Path) -> dict[str, pd.DataFrame]:
    """The validated tables of ``root``; raises :class:`~scamstats.problems.DataError` carrying every problem."""
    checked = check(root)
    if checked.problems:
        raise DataError(checked.problems)
    return checked.frames


def release_files(frames: dict[str, pd.DataFrame], meta: dict[str, Any]) -> dict[str, bytes]:
    """The release files of validated ``frames`` under the dataset metadata ``meta``, by file name."""
    files: dict[str, bytes] = {}
    hashes: dict[str, tuple[str, int]] = {}
    for name in RESOURCE_ORDER:
        content = to_csv_bytes(frames[name], SORT_KEYS[name])
        files[f"{name}.csv"] = content
        hashes[name] = (hashlib.sha256(content).hexdigest(), len(content))
    package = descriptor(meta, hashes)
    files["datapackage.json"] = (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def write_release(files: dict[str, bytes], out: Path) -> None:
    """Replace the folder ``out`` with exactly ``files``, all or nothing."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    staging.chmod(0o755)  # readable like any installed folder, not private like mkdtemp's
    try:
        for name, content in files.items():
            with open(staging / name, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
        old = out.with_name(f".{out.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if out.exists():
            out.rename(old)
        staging.rename(out)
        if old.exists():
            shutil.rmtree(old)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def stale_files(files: dict[str, bytes], out: Path) -> list[str]:
    """Names of release files that are missing from ``out`` or differ from ``files``."""
    return [
        name for name, content in files.items() if not (out / name).exists() or (out / name).read_bytes() != content
    ]


def build(root: Path, out: Path) -> dict[str, bytes]:
    """Validate ``root`` and write its build into ``out``; return the files written.

    The build carries the version :func:`scamstats.release.publish.build_files` gives it: the released version
    when the records are that release, else a development version.
    """
    from .publish import build_files

    files = build_files(root)
    write_release(files, out)
    return files
