"""Check the wire vocabulary file and the ``wire`` of every record against it.

The vocabulary itself, and how corroboration matches names through it, is
:mod:`scamstats.wires`; this module reads ``datasets/wires.yaml`` with the
safe reader, so that a mistake in it is reported at its ``path:line: field``
like any record's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..problems import DataError, Problem
from ..wires import aliases_of, normal
from .reader import check_text
from .safe_yaml import Scalar, YamlList, YamlMap, read_yaml


def read_vocabulary(path: Path) -> tuple[dict[str, str], list[Problem]]:
    """The alias table of the vocabulary file ``path`` and its problems, located ``path:line: field``.

    Each entry needs ``wire`` and ``name`` (text) and may have ``aliases`` (a
    list of text); no name may stand for two entries.
    """
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
