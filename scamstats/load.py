"""Load a release into a :class:`~scamstats.dataset.Dataset`.

The bundled release is read from package data with :mod:`importlib.resources`;
no network and no pandera are involved (the build validated it). Other
released versions come through :mod:`scamstats.fetch`, imported only then.

>>> import scamstats
>>> ds = scamstats.load()
>>> list(ds.figures.columns[:4])
['figure_id', 'source_id', 'country', 'place']
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO

import pandas as pd

from .dataset import Dataset
from .registry import check_format, files_of, registered_versions, registry, sha256

TABLE_NAMES = ("figures", "sources", "events", "metrics")


def bundled_files() -> Traversable:
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
    check_format(package)
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


def _bundled_is(version: str) -> bool:
    """Whether the bundled release is ``version``: same version, and same bytes if it is registered."""
    folder = bundled_files()
    with folder.joinpath("datapackage.json").open("rb") as handle:
        if json.load(handle)["version"] != version:
            return False
    entries = registry()
    if version not in registered_versions(entries):
        return True  # built from the records, not released yet
    return all(
        sha256(folder.joinpath(name).read_bytes()) == digest for name, digest in files_of(version, entries).items()
    )


def load(version: str | None = None) -> Dataset:
    """Load the bundled dataset release, or another released version.

    Parameters
    ----------
    version
        A dataset version from :func:`scamstats.versions`, ``"MAJOR.MINOR.PATCH"``.
        ``None`` (the default) or the bundled version reads the release bundled
        with the package, without network. Any other is downloaded once into
        the cache (``SCAMSTATS_DATA_DIR``), checked against the sha256 in the
        shipped registry, and read from there afterwards.

    Returns
    -------
    Dataset
        The figures, sources, events and metrics tables and the dataset version.

    Raises
    ------
    scamstats.registry.UnknownVersionError
        ``version`` was never released; the message lists the known versions.
    scamstats.fetch.DownloadError, scamstats.fetch.HashMismatchError
        The files could not be downloaded, or are not the released ones.
    scamstats.registry.NewerFormatError
        The release needs a newer scamstats.

    Examples
    --------
    >>> import scamstats
    >>> ds = scamstats.load()
    >>> ds.version == ds.package["version"]
    True
    >>> scamstats.load(version=ds.version).figures.equals(ds.figures)
    True
    """
    if version is None or _bundled_is(version):
        folder = bundled_files()
        return read_release(lambda name: folder.joinpath(name).open("rb"))
    files_of(version, registry())  # an unknown version fails here, before pooch is imported
    from .fetch import fetch

    return read_folder(fetch(version))
