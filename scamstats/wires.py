"""The wire vocabulary: news agencies and the other names of one newsroom.

``datasets/wires.yaml`` lists each agency under the name records use
(``wire``), its full ``name`` and its ``aliases``. A record's ``wire`` must be
one of these names (:mod:`scamstats.records.wire_vocabulary` checks the file
and reports any other), and corroboration
counts two pages as one story when their wire, or without one their
publisher, is the same entry, whichever name each uses:

>>> same_outlet("CCTV") == same_outlet("cctv  news")
True
>>> same_outlet("ecns.cn (China News Service)") == same_outlet("China News Service")
True
>>> same_outlet("Khmer Times")
'khmer times'

The vocabulary ships with the package (``scamstats/wires.yaml`` in a wheel;
``datasets/wires.yaml`` in a checkout), so it applies to every release loaded,
old ones included. Matching ignores case and repeated spaces.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

FILE_NAME = "wires.yaml"


def normal(name: str) -> str:
    """A name as matching sees it: case and runs of spaces ignored.

    >>> normal("  People's   Daily ")
    "people's daily"
    """
    return " ".join(str(name).split()).casefold()


def vocabulary_path() -> Path:
    """Where the package's copy of the vocabulary is: in the package, else the checkout's ``datasets/``."""
    shipped = files("scamstats").joinpath(FILE_NAME)
    if shipped.is_file():
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent / "datasets" / FILE_NAME


def aliases_of(entries: list[dict[str, Any]]) -> dict[str, str]:
    """``{normal(any name): normal(the entry's wire)}`` for vocabulary ``entries``."""
    table: dict[str, str] = {}
    for entry in entries:
        canonical = normal(entry["wire"])
        for name in [entry["wire"], entry.get("name") or entry["wire"], *(entry.get("aliases") or [])]:
            table[normal(name)] = canonical
    return table


@cache
def shipped_aliases() -> dict[str, str]:
    """The alias table of the vocabulary shipped with the package (read once)."""
    import yaml

    entries = yaml.safe_load(vocabulary_path().read_text(encoding="utf-8")) or []
    return aliases_of(entries)


def same_outlet(name: str) -> str:
    """The name that stands for ``name``'s newsroom: its entry's ``wire`` if listed, else ``name`` itself."""
    key = normal(name)
    return shipped_aliases().get(key, key)
