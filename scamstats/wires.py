"""The wire vocabulary: news agencies and the other names of one newsroom.

``datasets/wires.yaml`` lists each agency under the name records use
(``wire``), its full ``name`` and its ``aliases``. A record's ``wire`` must be
one of these names (:func:`check_wires` reports any other), and corroboration
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

from .problems import DataError, Problem

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


def read_vocabulary(path: Path) -> tuple[dict[str, str], list[Problem]]:
    """The alias table of the vocabulary file ``path`` and its problems, located ``path:line: field``.

    Each entry needs ``wire`` and ``name`` (text) and may have ``aliases`` (a
    list of text); no name may stand for two entries.
    """
    from .yamlread import YamlList, YamlMap, read_yaml

    shown = str(path)
    try:
        doc = read_yaml(path)
    except DataError as error:
        return {}, error.problems
    if not isinstance(doc, YamlList):
        return {}, [Problem(shown, getattr(doc, "line", 1), "wires", "must be a list of entries")]
    problems: list[Problem] = []
    owner: dict[str, str] = {}
    entries: list[dict[str, Any]] = []
    for item in doc:
        if not isinstance(item, YamlMap):
            problems.append(Problem(shown, getattr(item, "line", 1), "wires", "each entry must be a mapping"))
            continue
        entry, named = _entry(item, shown, problems)
        if "wire" not in entry:
            continue
        entries.append(entry)
        for name, line, field in named:
            other = owner.setdefault(normal(name), entry["wire"])
            if other != entry["wire"]:
                problems.append(Problem(shown, line, field, f"already names the wire {other!r}", name))
    return aliases_of(entries), problems


def _entry(item: Any, shown: str, problems: list[Problem]) -> tuple[dict[str, Any], list[tuple[str, int, str]]]:
    """One vocabulary entry as plain data, and each of its names with its line and field."""
    from .records import check_text
    from .yamlread import Scalar, YamlList

    entry: dict[str, Any] = {}
    named: list[tuple[str, int, str]] = []
    for key in item:
        if key not in ("wire", "name", "aliases"):
            problems.append(Problem(shown, item.key_lines[key], key, "unknown field; expected wire, name, aliases"))
    for key in ("wire", "name"):
        raw = item.get(key)
        if not isinstance(raw, Scalar) or raw.kind != "str" or not raw.text:
            problems.append(
                Problem(shown, item.key_lines.get(key, item.line), key, "is required: the agency's name as text")
            )
            continue
        try:
            entry[key] = check_text(raw.text)
        except ValueError as error:
            problems.append(Problem(shown, raw.line, key, str(error), raw.text))
            continue
        named.append((raw.text, raw.line, key))
    aliases = item.get("aliases")
    if aliases is not None and not isinstance(aliases, YamlList):
        problems.append(Problem(shown, item.key_lines["aliases"], "aliases", "must be a list of names"))
    for alias in aliases if isinstance(aliases, YamlList) else []:
        if isinstance(alias, Scalar) and alias.kind == "str" and alias.text:
            named.append((alias.text, alias.line, "aliases"))
        else:
            problems.append(Problem(shown, getattr(alias, "line", item.line), "aliases", "must be text"))
    entry["aliases"] = [name for name, _, field in named if field == "aliases"]
    return entry, named


def check_wires(wires: list[tuple[str, str, int]], table: dict[str, str], vocabulary: str) -> list[Problem]:
    """Problems for each ``(path, wire, line)`` whose wire is not in ``table``."""
    return [
        Problem(
            path,
            line,
            "wire",
            f"is not in the wire vocabulary ({vocabulary}); use one of its names or add the agency there",
            wire,
        )
        for path, wire, line in wires
        if normal(wire) not in table
    ]
