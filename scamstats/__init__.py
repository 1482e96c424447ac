"""scamstats: Southeast Asian online-scam enforcement statistics, each figure cited.

>>> import scamstats
>>> ds = scamstats.load()
>>> ds.version == scamstats.load().version
True

Importing the package is cheap: pandera, pooch and matplotlib are imported
only by the functions that need them.
"""

from __future__ import annotations

from typing import Any

from .dataset import Dataset
from .load import load

__all__ = ["Dataset", "__version__", "load"]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("scamstats")
    raise AttributeError(f"module 'scamstats' has no attribute {name!r}")
