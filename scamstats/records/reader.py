"""Read the contributed input under ``datasets/`` into located rows.

Every row keeps the file it came from and the line of each of its fields, so
that any later problem can be reported as ``path:line: field: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..choices import did_you_mean
from ..dates import parse_full_date, parse_partial_date
from ..problems import DataError, Problem, show
from ..schema import MAX_VALUE
from .fields import RecordField, record_fields
from .safe_yaml import Scalar, YamlList, YamlMap, read_yaml

_WHOLE_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_MAX_DIGITS = len(str(MAX_VALUE))
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\ufeff]")
"""Bidirectional embeddings, overrides and isolates, which reorder how text is shown, and a stray BOM."""
SECTIONS = ("source", "figures", "events")
"""The top-level keys of a record file."""
FORMULA_PREFIXES = ("=", "+", "-", "@")
"""Text may not start with these: spreadsheets would run it as a formula."""


@dataclass
class Rows:
    """The rows of one table, with where each came from."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    lines: list[dict[str, int]] = field(default_factory=list)

    def add(self, row: dict[str, Any], path: str, lines: dict[str, int]) -> None:
        self.rows.append(row)
        self.paths.append(path)
        self.lines.append(lines)

    def where(self, position: int, column: str) -> tuple[str, int]:
        """File and line of ``column`` in row ``position`` (the row's own line if absent)."""
        lines = self.lines[position]
        return self.paths[position], lines.get(column, lines[""])


@dataclass
class Input:
    """Everything read from a datasets folder, before validation."""

    tables: dict[str, Rows]
    problems: list[Problem]


def record_files(root: Path) -> list[Path]:
    """The record files under ``root/records`` in a fixed order."""
    folder = root / "records"
    return sorted(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def read_input(root: Path) -> Input:
    """Read ``metrics.yaml``, ``events.yaml`` and every record file under ``root``."""
    tables = {name: Rows() for name in ("sources", "figures", "events", "metrics")}
    problems: list[Problem] = []
    reader = _Reader(tables, problems)
    reader.read_list(root / "metrics.yaml", "metrics", required=True)
    reader.read_list(root / "events.yaml", "events", required=False)
    for path in record_files(root):
        reader.read_record(path)
    return Input(tables, problems)


class _Reader:
    def __init__(self, tables: dict[str, Rows], problems: list[Problem]) -> None:
        self.tables = tables
        self.problems = problems
        self._fields: dict[tuple[str, tuple[str, ...]], dict[str, RecordField]] = {}

    def load(self, path: Path) -> Any:
        try:
            return read_yaml(path)
        except DataError as error:
            self.problems.extend(error.problems)
            return None

    def read_list(self, path: Path, table: str, *, required: bool) -> None:
        if not path.exists():
            if required:
                self.problems.append(Problem(str(path), 1, "file", "is missing"))
            return
        doc = self.load(path)
        if doc is None:
            return
        if not isinstance(doc, YamlList):
            self.problems.append(Problem(str(path), doc.line, table, "must be a list of entries"))
            return
        extra = {"source_id": RecordField("source_id", "text", True)} if table == "events" else {}
        for item in doc:
            self.read_row(item, str(path), table, {}, extra)

    def read_record(self, path: Path) -> None:
        name = str(path)
        doc = self.load(path)
        if doc is None:
            return
        if not isinstance(doc, YamlMap):
            self.problems.append(Problem(name, doc.line, "file", "must be a mapping with source: and figures:"))
            return
        for key in doc:
            if key not in SECTIONS:
                hint = did_you_mean(key, SECTIONS, aside=True)
                message = f"unknown section{hint}; expected source, figures, events"
                self.problems.append(Problem(name, doc.key_lines[key], key, message))
        source_id = path.stem
        given = {"source_id": (source_id, 1)}
        if "source" not in doc:
            self.problems.append(Problem(name, doc.line, "source", "is required"))
        else:
            self.read_row(doc["source"], name, "sources", given, section="source")
        if not doc.get("figures") and not doc.get("events"):
            self.problems.append(Problem(name, doc.line, "figures", "is required: a list of figures (or of events)"))
        for section, table in (("figures", "figures"), ("events", "events")):
            items = doc.get(section)
            if items is None:
                continue
            if not isinstance(items, YamlList):
                self.problems.append(Problem(name, doc.key_lines[section], section, "must be a list"))
                continue
            for item in items:
                self.read_row(item, name, table, given)

    def read_row(
        self,
        item: Any,
        path: str,
        table: str,
        given: dict[str, tuple[Any, int]],
        extra: dict[str, RecordField] | None = None,
        *,
        section: str | None = None,
    ) -> None:
        if not isinstance(item, YamlMap):
            line = item.line if isinstance(item, (Scalar, YamlList)) else 1
            message = "must be a mapping of field: value"
            if section is None:
                message = "each entry " + message
            self.problems.append(Problem(path, line, section or table, message))
            return
        fields = self.fields(table, extra)
        row: dict[str, Any] = dict.fromkeys(fields)
        lines: dict[str, int] = {"": item.line}
        for name, (value, line) in given.items():
            row[name] = value
            lines[name] = line
        key_lines = item.key_lines
        for key, raw in item.items():
            line = key_lines[key]
            spec = fields.get(key)
            if spec is None:
                expected = ", ".join(fields)
                hint = did_you_mean(key, fields, aside=True)
                self.problems.append(Problem(path, line, key, f"unknown field{hint}; expected one of {expected}"))
                continue
            lines[key] = line
            try:
                converted = convert(raw, spec)
            except ValueError as error:
                got = raw.text if isinstance(raw, Scalar) else type(raw).__name__.removeprefix("Yaml").lower()
                self.problems.append(Problem(path, line, key, str(error), got))
                continue
            if spec.kind == "partial_date" and converted is not None:
                row[key], row[key + "_precision"] = converted
            else:
                row[key] = converted
        for name, spec in fields.items():
            if spec.required and name not in item and name not in given:
                self.problems.append(Problem(path, item.line, name, "is required"))
        self.tables[table].add(row, path, lines)

    def fields(self, table: str, extra: dict[str, RecordField] | None) -> dict[str, RecordField]:
        """The fields an entry of ``table`` may have (computed once per table)."""
        key = (table, tuple(extra or ()))
        found = self._fields.get(key)
        if found is None:
            found = self._fields[key] = {**record_fields(table), **(extra or {})}
        return found


def convert(raw: Any, spec: RecordField) -> Any:
    """Turn one YAML value into the column's Python value, or raise ``ValueError``.

    >>> convert(Scalar("2,137", "str", 1), RecordField("value", "int", True))
    Traceback (most recent call last):
    ...
    ValueError: must be a whole number written in plain digits
    >>> convert(Scalar("no", "bool", 1), RecordField("wire", "text", False))
    Traceback (most recent call last):
    ...
    ValueError: is a YAML yes/no value; put the word in quotes, or leave the field out for none
    """
    if not isinstance(raw, Scalar):
        raise ValueError("must be a single value, not a list or mapping")
    if raw.kind == "null" or raw.text == "":
        return None
    return _convert(spec.kind, raw.kind, raw.text)


@lru_cache(maxsize=8192)
def _convert(kind: str, yaml_kind: str, text: str) -> Any:
    """:func:`convert` of one scalar (cached: countries, codes and dates repeat)."""
    if kind == "int":
        if yaml_kind not in ("int", "str") or not _WHOLE_NUMBER.fullmatch(text):
            raise ValueError("must be a whole number written in plain digits")
        if yaml_kind == "str":
            raise ValueError("must be a number, not quoted text")
        if len(text) > _MAX_DIGITS:  # before int(): an int64 would wrap around, a long text is slow to convert
            raise ValueError(f"must be <= {MAX_VALUE}" if text[0] != "-" else "must be >= 0")
        return int(text)
    if kind == "date":
        return parse_full_date(text)
    if kind == "partial_date":
        return parse_partial_date(text)
    if yaml_kind == "bool":
        raise ValueError("is a YAML yes/no value; put the word in quotes, or leave the field out for none")
    return check_text(text)


def check_text(text: str) -> str:
    """Refuse text a spreadsheet would run, that hides characters, or that was decoded wrongly.

    >>> check_text("=HYPERLINK(1)")
    Traceback (most recent call last):
    ...
    ValueError: must not start with =, +, - or @ (spreadsheets read it as a formula)
    >>> check_text("Caf\u00c3\u00a9 owner held")
    Traceback (most recent call last):
    ...
    ValueError: looks like UTF-8 text read as Windows-1252 (mojibake); it should read 'Café owner held'
    """
    if _CONTROL.search(text):
        raise ValueError("must not contain control characters or line breaks")
    if _INVISIBLE.search(text):
        raise ValueError("must not contain invisible text-direction or byte-order marks")
    if text.startswith(FORMULA_PREFIXES):
        raise ValueError("must not start with =, +, - or @ (spreadsheets read it as a formula)")
    if text != text.strip():
        raise ValueError("must not start or end with spaces")
    if not text.isascii():
        repaired = _mis_decoded(text)
        if repaired is not None:
            raise ValueError(f"looks like UTF-8 text read as Windows-1252 (mojibake); it should read {show(repaired)}")
    return text


def _mis_decoded(text: str) -> str | None:
    """``text`` as it was before UTF-8 bytes were read as Windows-1252, if that is what happened."""
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return None
    return repaired if repaired != text else None
