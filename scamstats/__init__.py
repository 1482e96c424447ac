"""scamstats: Southeast Asian online-scam enforcement statistics, each figure cited.

>>> import scamstats
>>> ds = scamstats.load()                      # the bundled release, offline
>>> ds.version == scamstats.load().version
True
>>> released = scamstats.versions()            # versions that load(version=...) accepts
>>> bool(scamstats.diff(ds, ds))               # what changed between two releases
False

Importing the package is cheap: pandera, pooch and matplotlib are imported
only by the functions that need them.
"""

from __future__ import annotations

from typing import Any

from .datadiff import diff
from .dataset import Dataset
from .load import load
from .registry import versions

__all__ = ["Dataset", "__version__", "diff", "load", "versions"]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("scamstats")
    raise AttributeError(f"module 'scamstats' has no attribute {name!r}")
