"""The released dataset versions and the sha256 of every released file.

The registry ships with the package as ``scamstats/registry.txt``, one line per
released file in the form pooch reads (``0.1.0/figures.csv sha256:<hex>``).
``scamstats release`` appends to it; nothing else writes it. Reading it needs
neither pooch nor pandera.

>>> parse_registry("# comment\\n0.1.0/figures.csv sha256:ab12\\n")
{'0.1.0/figures.csv': 'sha256:ab12'}
>>> parse_version("1.10.0") > parse_version("1.9.3")
True
"""

from __future__ import annotations

import hashlib
import re
from importlib.resources import files
from typing import Any

RELEASE_FORMAT = 1
"""The newest release format this library reads (``releaseFormat`` in ``datapackage.json``)."""

REGISTRY_HEADER = (
    "# sha256 of every released file, as pooch reads it. Written by `scamstats release`; never edit a line.\n"
)

_VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


class ReleaseError(Exception):
    """A dataset release cannot be given: unknown, unreachable, altered or too new."""


class UnknownVersionError(ReleaseError, LookupError):
    """The requested dataset version was never released."""


class NewerFormatError(ReleaseError):
    """The release is written in a format newer than this library reads."""


class DownloadError(ReleaseError, OSError):
    """A release file could not be downloaded (or read from the local mirror named)."""


class HashMismatchError(ReleaseError):
    """A downloaded, cached or local file is not the one the registry names."""


def parse_version(text: str) -> tuple[int, int, int]:
    """``"MAJOR.MINOR.PATCH"`` as a tuple of integers, for ordering.

    >>> parse_version("0.2.1")
    (0, 2, 1)
    >>> parse_version("v1.0")
    Traceback (most recent call last):
    ...
    ValueError: 'v1.0' is not a dataset version: write it MAJOR.MINOR.PATCH, e.g. 1.2.0
    """
    match = _VERSION.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a dataset version: write it MAJOR.MINOR.PATCH, e.g. 1.2.0")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def sha256(content: bytes) -> str:
    """The registry's form of a file's hash.

    >>> sha256(b"")
    'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    """
    return "sha256:" + hashlib.sha256(content).hexdigest()


def parse_registry(text: str) -> dict[str, str]:
    """Registry text → ``{"X.Y.Z/file": "sha256:<hex>"}`` (comments and blank lines skipped)."""
    entries: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, digest = line.split()[:2]
            entries[name] = digest.lower()
    return entries


def registry() -> dict[str, str]:
    """The registry shipped with the package."""
    return parse_registry(files("scamstats").joinpath("registry.txt").read_text(encoding="utf-8"))


def registered_versions(entries: dict[str, str]) -> list[str]:
    """The versions named in registry ``entries``, oldest first."""
    return sorted({name.split("/", 1)[0] for name in entries}, key=parse_version)


def versions() -> list[str]:
    """The released dataset versions this package can load, oldest first.

    The bundled release is one of them once it has been released; any other
    is downloaded on first use and checked against its sha256.

    Examples
    --------
    >>> import scamstats
    >>> all(v.count(".") == 2 for v in scamstats.versions())
    True
    """
    return registered_versions(registry())


def files_of(version: str, entries: dict[str, str]) -> dict[str, str]:
    """``{"file name": "sha256:<hex>"}`` of one version, ``datapackage.json`` first.

    Raises :class:`UnknownVersionError` naming the known versions.
    """
    prefix = version + "/"
    found = {name.removeprefix(prefix): digest for name, digest in entries.items() if name.startswith(prefix)}
    if not found:
        known = ", ".join(registered_versions(entries)) or "none"
        raise UnknownVersionError(f"unknown dataset version {version!r}; known versions: {known}")
    return dict(sorted(found.items(), key=lambda item: (item[0] != "datapackage.json", item[0])))


def check_format(package: dict[str, Any]) -> None:
    """Refuse a ``datapackage.json`` written in a newer release format than :data:`RELEASE_FORMAT`.

    >>> check_format({"version": "9.0.0", "releaseFormat": 2})
    Traceback (most recent call last):
    ...
    scamstats.release.registry.NewerFormatError: dataset 9.0.0 is in release format 2, but this scamstats reads format 1 at most; upgrade scamstats (pip install --upgrade scamstats)
    """  # noqa: E501 - a doctest shows the whole one-line message
    found = int(package.get("releaseFormat", 1))
    if found > RELEASE_FORMAT:
        raise NewerFormatError(
            f"dataset {package.get('version', '?')} is in release format {found}, but this scamstats reads "
            f"format {RELEASE_FORMAT} at most; upgrade scamstats (pip install --upgrade scamstats)"
        )
