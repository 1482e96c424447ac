"""How a dataset version is cited: one set of metadata for ``CITATION.cff`` and citations.

The metadata is written once, in ``datasets/dataset.yaml``; the build copies
it into each release's ``datapackage.json``, and :class:`Citation` reads it
back from there, so a citation always names the version actually loaded.

>>> import scamstats
>>> citation = Citation.from_package(scamstats.load().package)
>>> citation.version == scamstats.load().version
True
>>> "type: dataset" in citation.cff()
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

CFF_MESSAGE = "If you use this dataset, please cite the dataset version you used, as below."


@dataclass(frozen=True)
class Citation:
    """The citation metadata of one dataset version.

    Attributes
    ----------
    title, version, abstract
        As in ``datasets/dataset.yaml``.
    released
        Release date, ``YYYY-MM-DD``.
    authors
        Names of the authors (people or groups), in order.
    url
        Home page of the dataset.
    license
        SPDX identifier of the data licence.
    keywords
        Subject keywords.
    name
        Short name of the dataset, used in citation keys.
    """

    title: str
    version: str
    released: str
    authors: tuple[str, ...]
    url: str
    license: str
    abstract: str
    keywords: tuple[str, ...] = ()
    name: str = "scamstats"

    @classmethod
    def from_package(cls, package: Mapping[str, Any]) -> Citation:
        """Read the citation metadata of a ``datapackage.json`` descriptor (``Dataset.package``)."""
        people = package.get("contributors") or []
        named = [p for p in people if p.get("role", "author") == "author"] or people
        authors = tuple(str(p.get("title") or p.get("name")) for p in named) or (str(package.get("name", "")),)
        return cls(
            title=package["title"],
            version=package["version"],
            released=str(package.get("created", ""))[:10],
            authors=authors,
            url=package.get("homepage", ""),
            license=", ".join(str(item.get("name") or item.get("title")) for item in package.get("licenses") or []),
            abstract=package.get("description", ""),
            keywords=tuple(package.get("keywords", [])),
            name=package.get("name", "scamstats"),
        )

    def cff(self) -> str:
        """The ``CITATION.cff`` text (Citation File Format 1.2.0, ``type: dataset``).

        >>> print(Citation("T", "1.0.0", "2026-01-02", ("A team",), "https://x.org", "CC-BY-4.0", "").cff())
        ... # doctest: +ELLIPSIS
        # Written by `scamstats release` from datasets/dataset.yaml; edit that file, not this one.
        cff-version: 1.2.0
        ...
        type: dataset
        title: T
        version: 1.0.0
        date-released: '2026-01-02'
        ...
        """
        fields: dict[str, Any] = {
            "cff-version": "1.2.0",
            "message": CFF_MESSAGE,
            "type": "dataset",
            "title": self.title,
            "version": self.version,
            "date-released": self.released,
            "authors": [{"name": name} for name in self.authors],
            "license": self.license,
            "url": self.url,
            "repository-code": self.url,
        }
        if self.abstract:
            fields["abstract"] = self.abstract
        if self.keywords:
            fields["keywords"] = list(self.keywords)
        header = "# Written by `scamstats release` from datasets/dataset.yaml; edit that file, not this one.\n"
        return header + yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=100)
