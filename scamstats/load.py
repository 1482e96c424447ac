"""Load a release into a :class:`~scamstats.dataset.Dataset`.

The bundled release is read from package data with :mod:`importlib.resources`;
no network and no pandera are involved (the build validated it). Another
released version is read, without network, from a local mirror
(``SCAMSTATS_BASE_URL`` naming a folder or a ``file://`` address) or from
``datasets/releases/X.Y.Z/`` of the checkout the package is installed from
(or of the current folder) when its files are there; otherwise it is
downloaded through :mod:`scamstats.release.fetch`, imported only then. Local files are
checked against the registry's sha256 like any download.

>>> import scamstats
>>> ds = scamstats.load()
>>> list(ds.figures.columns[:4])
['figure_id', 'source_id', 'country', 'place']
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pandas as pd

from .dataset import Dataset
from .release.registry import (
    DownloadError,
    HashMismatchError,
    check_format,
    files_of,
    registered_versions,
    registry,
    sha256,
)

CHECKOUT_RELEASES = Path(__file__).resolve().parent.parent / "datasets" / "releases"
"""``datasets/releases`` of the checkout this package is imported from (absent in an installed wheel)."""

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


def local_mirror(base_url: str | None) -> Path | None:
    """The folder a ``SCAMSTATS_BASE_URL`` names when it is local: a ``file://`` address or a path.

    >>> local_mirror("file:///srv/releases/"), local_mirror("/srv/releases"), local_mirror("https://example.org/r/")
    (PosixPath('/srv/releases'), PosixPath('/srv/releases'), None)
    """
    if not base_url:
        return None
    parts = urlsplit(base_url)
    if parts.scheme == "file":
        return Path(url2pathname(parts.path))
    if parts.scheme and len(parts.scheme) > 1:  # http, https, ...; one letter is a Windows drive
        return None
    return Path(base_url)


def local_folders(version: str) -> list[Path]:
    """Local folders that may hold ``version``: the local mirror, the checkout's releases, ``./datasets/releases``.

    ``SCAMSTATS_IGNORE_CHECKOUT=1`` leaves out the last two, so that a checkout can exercise downloads.
    """
    mirror = local_mirror(os.environ.get("SCAMSTATS_BASE_URL"))
    candidates = [*([mirror] if mirror else [])]
    if os.environ.get("SCAMSTATS_IGNORE_CHECKOUT", "") in ("", "0"):
        candidates += [CHECKOUT_RELEASES, Path.cwd() / "datasets" / "releases"]
    return list(dict.fromkeys(folder / version for folder in candidates))


def read_verified(folder: Path, version: str) -> Dataset:
    """Read release ``version`` from ``folder`` after checking every file against the shipped registry.

    Raises :class:`~scamstats.release.registry.HashMismatchError` naming a file whose sha256 is not the registered one
    (the file is not used), and :class:`~scamstats.release.registry.DownloadError` when a file is missing.
    """
    contents: dict[str, bytes] = {}
    for name, expected in files_of(version, registry()).items():
        path = folder / name
        try:
            content = path.read_bytes()
        except OSError as error:
            message = f"{path}: cannot be read ({error.strerror or error}); release {version} is incomplete"
            raise DownloadError(message) from error
        got = sha256(content)
        if got != expected:
            raise HashMismatchError(
                f"{path}: has {got} but the registry says {expected}; the file was not used "
                "(released files are never changed: restore it, or delete the folder to download the release)"
            )
        contents[name] = content
    check_format(json.loads(contents["datapackage.json"]))
    return read_release(lambda name: io.BytesIO(contents[name]))


def load_local(version: str) -> Dataset | None:
    """Release ``version`` from the first local folder holding it (see :func:`local_folders`), else ``None``.

    A local mirror set in ``SCAMSTATS_BASE_URL`` that lacks the version is an error, not a reason to go online.
    """
    for folder in local_folders(version):
        if (folder / "datapackage.json").is_file():
            return read_verified(folder, version)
    mirror = local_mirror(os.environ.get("SCAMSTATS_BASE_URL"))
    if mirror is not None:
        raise DownloadError(
            f"{mirror / version / 'datapackage.json'} does not exist: the local mirror in SCAMSTATS_BASE_URL "
            f"has no release {version}"
        )
    return None


def load(version: str | None = None) -> Dataset:
    """Load the bundled dataset release, or another released version.

    Parameters
    ----------
    version
        A dataset version from :func:`scamstats.versions`, ``"MAJOR.MINOR.PATCH"``.
        ``None`` (the default) or the bundled version reads the release bundled
        with the package, without network. Any other is read from a local
        mirror (``SCAMSTATS_BASE_URL`` set to a folder or a ``file://``
        address) or, in a checkout, from ``datasets/releases/X.Y.Z/``; else it
        is downloaded once into the cache (``SCAMSTATS_DATA_DIR``) and read
        from there afterwards. Every file is checked against the sha256 in the
        shipped registry first.

    Returns
    -------
    Dataset
        The figures, sources, events and metrics tables and the dataset version.

    Raises
    ------
    scamstats.release.registry.UnknownVersionError
        ``version`` was never released; the message lists the known versions.
    scamstats.release.registry.DownloadError, scamstats.release.registry.HashMismatchError
        The files could not be downloaded (or read), or are not the released ones.
    scamstats.release.registry.NewerFormatError
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
    local = load_local(version)
    if local is not None:
        return local
    from .release.fetch import fetch

    return read_folder(fetch(version))
