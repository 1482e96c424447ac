"""What the record reader needs to know about each column, read off the schema.

>>> spec = record_fields("figures")
>>> spec["value"].kind, spec["value"].required
('int', True)
>>> "figure_id" in spec
False
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..schema import TABLES


@dataclass(frozen=True)
class RecordField:
    """A column as a contributor writes it in a record file."""

    name: str
    kind: str  # "text", "int", "date" (YYYY-MM-DD) or "partial_date"
    required: bool


@cache
def record_fields(table: str) -> dict[str, RecordField]:
    """The fields a record may give for ``table``, in schema order."""
    fields: dict[str, RecordField] = {}
    for name, column in TABLES[table].to_schema().columns.items():
        meta = column.metadata or {}
        if meta.get("derived"):
            continue
        dtype = str(column.dtype)
        if "datetime" in dtype:
            kind = "partial_date" if meta.get("partial_date") else "date"
        elif "int" in dtype.lower():
            kind = "int"
        else:
            kind = "text"
        required = not column.nullable and not meta.get("record_optional")
        fields[name] = RecordField(name, kind, required)
    return fields


@cache
def column_names(table: str) -> tuple[str, ...]:
    """All released columns of ``table`` in order."""
    return tuple(TABLES[table].to_schema().columns)
