"""Load a release into a :class:`~scamstats.dataset.Dataset`.

The bundled release is read from package data with :mod:`importlib.resources`;
no network and no pandera are involved (the build validated it).

>>> import scamstats
>>> ds = scamstats.load()
>>> list(ds.figures.columns[:4])
['figure_id', 'source_id', 'country', 'place']
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .dataset import Dataset

TABLE_NAMES = ("figures", "sources", "events", "metrics")


def bundled_files() -> Any:
    """The folder of the bundled release, as an importlib.resources Traversable."""
    return files("scamstats").joinpath("data")


def read_table(handle: IO[bytes], types: dict[str, str]) -> pd.DataFrame:
    """Read one release CSV with the column types its descriptor declares."""
    dtypes = {name: ("Int64" if kind == "integer" else "string") for name, kind in types.items() if kind != "date"}
    dates = [name for name, kind in types.items() if kind == "date"]
    return pd.read_csv(
        handle, dtype=dtypes, keep_default_na=False, na_values=[""], parse_dates=dates, date_format="%Y-%m-%d"
    )


def read_release(opener: Callable[[str], IO[bytes]]) -> Dataset:
    """Read a release through ``opener(file_name)`` (a folder, package data or a cache)."""
    with opener("datapackage.json") as handle:
        package = json.load(handle)
    tables = {}
    for resource in package["resources"]:
        types = {field["name"]: field["type"] for field in resource["schema"]["fields"]}
        with opener(resource["path"]) as handle:
            tables[resource["name"]] = read_table(handle, types)
    return Dataset(
        version=package["version"],
        figures=tables["figures"],
        sources=tables["sources"],
        events=tables["events"],
        metrics=tables["metrics"],
        package=package,
    )


def read_folder(folder: Path) -> Dataset:
    """Read the release stored in ``folder`` (``datasets/releases/X.Y.Z`` or a build output)."""
    return read_release(lambda name: (folder / name).open("rb"))


def load() -> Dataset:
    """Load the dataset release bundled with this package.

    Returns
    -------
    Dataset
        The figures, sources, events and metrics tables and the dataset version.

    Examples
    --------
    >>> import scamstats
    >>> ds = scamstats.load()
    >>> ds.version == ds.package["version"]
    True
    """
    folder = bundled_files()
    return read_release(lambda name: folder.joinpath(name).open("rb"))
