"""scamstats: Southeast Asian online-scam enforcement statistics, each figure cited.

>>> import scamstats
>>> ds = scamstats.load()                      # the bundled release, offline
>>> ds.version == scamstats.load().version
True
>>> released = scamstats.versions()            # versions that load(version=...) accepts
>>> bool(scamstats.diff(ds, ds))               # what changed between two releases
False

The errors to catch: :class:`ChoiceError` (an unknown country, metric or
campaign, or a malformed date), :class:`UnknownVersionError` (a dataset
version never released; a :class:`ReleaseError`, as are download and hash
failures) and :class:`DataError` (records that do not validate).

Importing the package is cheap: pandera, pooch and matplotlib are imported
only by the functions that need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .choices import ChoiceError
from .dataset import Dataset
from .load import load
from .problems import DataError
from .release.registry import ReleaseError, UnknownVersionError

if TYPE_CHECKING:
    from .release.diff import diff
    from .release.registry import versions

__all__ = [
    "ChoiceError",
    "DataError",
    "Dataset",
    "ReleaseError",
    "UnknownVersionError",
    "__version__",
    "diff",
    "load",
    "versions",
]


def __getattr__(name: str) -> Any:
    """Import what ``load()`` does not need only when it is first used."""
    if name == "__version__":
        from importlib.metadata import version

        return version("scamstats")
    if name == "diff":
        from .release.diff import diff

        return diff
    if name == "versions":
        from .release.registry import versions

        return versions
    raise AttributeError(f"module 'scamstats' has no attribute {name!r}")
