"""The :class:`Dataset`: one release's tables and its version."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class Dataset:
    """One release of the dataset.

    Attributes
    ----------
    version
        The dataset version (``MAJOR.MINOR.PATCH``), distinct from the package version.
    figures, sources, events, metrics
        The release's tables; their columns are documented in the data dictionary.
    package
        The release's ``datapackage.json`` descriptor.
    """

    version: str
    figures: pd.DataFrame = field(repr=False)
    sources: pd.DataFrame = field(repr=False)
    events: pd.DataFrame = field(repr=False)
    metrics: pd.DataFrame = field(repr=False)
    package: dict[str, Any] = field(repr=False, compare=False)

    def __repr__(self) -> str:
        return (
            f"Dataset(version={self.version!r}, figures={len(self.figures)}, "
            f"sources={len(self.sources)}, events={len(self.events)})"
        )
