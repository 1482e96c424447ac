"""Download released versions that are not bundled, verified against the shipped registry.

One :data:`POOCH` serves every version. Environment variables, read when this
module is first imported (the first time a non-bundled version is loaded):

``SCAMSTATS_DATA_DIR``
    the cache folder (default: the user's cache folder, e.g.
    ``~/.cache/scamstats``);
``SCAMSTATS_BASE_URL``
    where ``X.Y.Z/figures.csv`` and the other release files are served
    (default: :data:`BASE_URL`); point it at a mirror. A local folder or a
    ``file://`` address is read in place by :func:`scamstats.load` and never
    reaches this module.

Processes that fetch the same version at once take turns on a file lock in
the cache folder: one downloads, the others then find the files cached.

Every file is checked against its sha256 in ``scamstats/registry.txt``
before it enters the cache. A file that does not match is an error naming the
file and both hashes, and is not kept. A cached file is never replaced: if one
no longer matches, loading stops and says which file to delete.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import filelock
import pooch
import requests

from .registry import DownloadError, HashMismatchError, ReleaseError, check_format, files_of, registry, sha256

BASE_URL = "https://raw.githubusercontent.com/scamstats/scamstats/main/datasets/releases/"
"""Where released files are served unless ``SCAMSTATS_BASE_URL`` says otherwise."""

TIMEOUT = 30.0
"""Seconds to wait for a connection, and for each chunk of an answer."""

RETRIES = 2
"""Further attempts after a failed download (not after a hash mismatch)."""

LOCK_TIMEOUT = 600.0
"""Seconds to wait for another process that is downloading the same version."""


class UnregisteredFileError(ReleaseError, LookupError):
    """A file name that no release registers was asked for."""


def _base_url() -> str:
    url = os.environ.get("SCAMSTATS_BASE_URL") or BASE_URL
    return url if url.endswith("/") else url + "/"


POOCH = pooch.create(
    path=pooch.os_cache("scamstats"),
    base_url=_base_url(),
    env="SCAMSTATS_DATA_DIR",
    registry=registry(),
    retry_if_failed=RETRIES,
    allow_updates=False,
)
"""The one pooch of the package: the shipped registry and the cache folder."""


class _VerifiedDownload:
    """Download with an explicit timeout, then refuse bytes whose hash is not the registry's.

    Raising here (not ``ValueError``) stops pooch from retrying a file that is
    simply wrong; pooch deletes the temporary file, so nothing enters the cache.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, url: str, output_file: str, pooch_: Any, check_only: bool = False) -> None:
        pooch.HTTPDownloader(timeout=TIMEOUT)(url, output_file, pooch_)
        expected, got = POOCH.registry[self.name], sha256(Path(output_file).read_bytes())
        if got != expected:
            raise HashMismatchError(
                f"{self.name} from {url} has {got} but the registry says {expected}; "
                "the file was not kept (a mirror or proxy is serving altered data)"
            )


def _why(error: requests.RequestException) -> str:
    if isinstance(error, requests.Timeout):
        return f"no answer within {TIMEOUT:g} s"
    if isinstance(error, requests.HTTPError) and error.response is not None:
        return f"HTTP {error.response.status_code} {error.response.reason}"
    if isinstance(error, requests.ConnectionError):
        return "could not connect"
    return type(error).__name__


def fetch_file(name: str) -> Path:
    """The cached path of one registered file (``"X.Y.Z/figures.csv"``), downloading it if needed."""
    if name not in POOCH.registry:
        raise UnregisteredFileError(f"{name} is not a released file: the registry does not name it")
    target = POOCH.abspath / name
    target.parent.mkdir(parents=True, exist_ok=True)  # pooch's own mkdir races with other processes
    try:
        return Path(POOCH.fetch(name, downloader=_VerifiedDownload(name)))
    except requests.RequestException as error:
        raise DownloadError(
            f"could not download {POOCH.get_url(name)} ({_why(error)}) after {RETRIES + 1} attempts; "
            "check the connection, or set SCAMSTATS_BASE_URL to a mirror"
        ) from error
    except ValueError as error:  # pooch refuses to update a cached file that changed; nothing else is ours
        got = sha256(target.read_bytes()) if target.is_file() else None
        if got is None or got == POOCH.registry[name]:
            raise
        raise HashMismatchError(
            f"{target}: cached file has {got} but the registry says {POOCH.registry[name]}; delete it and load again"
        ) from error


def fetch(version: str) -> Path:
    """The cache folder holding every file of ``version``, each verified; download what is missing.

    A file lock in the cache folder (``.X.Y.Z.lock``) makes processes that fetch the same version at
    once take turns: the first downloads, the others wait and then find the files cached.

    Raises :class:`~scamstats.release.registry.UnknownVersionError`, :class:`DownloadError`,
    :class:`HashMismatchError` or :class:`~scamstats.release.registry.NewerFormatError`.
    """
    names = files_of(version, POOCH.registry)
    POOCH.abspath.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(POOCH.abspath / f".{version}.lock"), timeout=LOCK_TIMEOUT)
    try:
        with lock:
            for name in names:
                path = fetch_file(f"{version}/{name}")
                if name == "datapackage.json":
                    check_format(json.loads(path.read_bytes()))
    except filelock.Timeout as error:
        raise DownloadError(
            f"another process has held {lock.lock_file} for {LOCK_TIMEOUT:g} s while downloading {version}; "
            "try again, or delete the lock file if no other scamstats is running"
        ) from error
    return path.parent
