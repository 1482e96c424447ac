"""The ``datapackage.json`` descriptor of a release, generated from the schema.

The descriptor uses only features common to Frictionless Data Package v1 and
v2, and passes ``frictionless validate``. :func:`scamstats.load` reads the
field types back from it, which is how it learns column types without
importing pandera. Two properties are scamstats' own: ``releaseFormat`` (the
layout of the release, see :data:`~scamstats.release.registry.RELEASE_FORMAT`) and the
dataset metadata that citations are made from (see :mod:`scamstats.citation`).
"""

from __future__ import annotations

from typing import Any

from ..schema import TABLES
from .registry import RELEASE_FORMAT

RESOURCE_ORDER = ("figures", "sources", "events", "metrics")
PRIMARY_KEYS = {"figures": "figure_id", "sources": "source_id", "events": "event_id", "metrics": "metric"}
FOREIGN_KEYS = {
    "figures": [
        ("source_id", "sources", "source_id"),
        ("metric", "metrics", "metric"),
        ("campaign", "events", "event_id"),
    ],
    "events": [("source_id", "sources", "source_id")],
}


def _pattern(regex: str) -> str:
    """A pandera regex as a Table Schema pattern (XML Schema style, implicitly anchored).

    Anchors are dropped, groups are plain, and alternatives are grouped so
    that the implied anchors hold for every one of them:

    >>> _pattern(r"^[a-z]+$|^[A-Z]{3}$")
    '([a-z]+|[A-Z]{3})'
    >>> _pattern(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    '[a-z0-9]+(-[a-z0-9]+)*'
    """
    alternatives = [part.removeprefix("^").removesuffix("$") for part in regex.split("$|^")]
    plain = "|".join(alternatives).replace("(?:", "(")
    return f"({plain})" if len(alternatives) > 1 else plain


def table_schema(name: str) -> dict[str, Any]:
    """The Table Schema of one table, from its pandera model."""
    fields = []
    for column_name, column in TABLES[name].to_schema().columns.items():
        dtype = str(column.dtype)
        kind = "date" if "datetime" in dtype else "integer" if "int" in dtype.lower() else "string"
        constraints: dict[str, Any] = {"required": not column.nullable}
        if column.unique:
            constraints["unique"] = True
        for check in column.checks:
            stats = check.statistics
            if check.name == "isin":
                constraints["enum"] = sorted(stats["allowed_values"])
            elif check.name == "str_matches":
                constraints["pattern"] = _pattern(str(stats["pattern"]))
            elif check.name == "greater_than_or_equal_to":
                constraints["minimum"] = stats["min_value"]
            elif check.name == "less_than_or_equal_to":
                constraints["maximum"] = stats["max_value"]
            elif check.name == "str_length":
                constraints.update({"minLength": stats["min_value"], "maxLength": stats["max_value"]})
        field: dict[str, Any] = {"name": column_name, "type": kind, "description": column.description or ""}
        if kind == "date":
            field["format"] = "%Y-%m-%d"
        field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""], "primaryKey": [PRIMARY_KEYS[name]]}
    if name in FOREIGN_KEYS:
        schema["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": resource, "fields": [target]}}
            for column, resource, target in FOREIGN_KEYS[name]
        ]
    return schema


def descriptor(meta: dict[str, Any], hashes: dict[str, tuple[str, int]]) -> dict[str, Any]:
    """The whole descriptor; ``hashes`` maps a table name to (sha256 hex, size in bytes)."""
    resources = []
    for name in RESOURCE_ORDER:
        digest, size = hashes[name]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "title": (TABLES[name].__doc__ or name).strip().splitlines()[0],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": size,
                "hash": f"sha256:{digest}",
                "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
                "schema": table_schema(name),
            }
        )
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "releaseFormat": RELEASE_FORMAT,
        "name": meta["name"],
        "title": meta["title"],
        "description": " ".join(str(meta["description"]).split()),
        "version": meta["version"],
        "created": f"{meta['released']}T00:00:00Z",
        "homepage": meta["homepage"],
        "keywords": list(meta.get("keywords") or []),
        "licenses": meta["licenses"],
        "contributors": [{"title": a["name"], "role": "author", "roles": ["author"]} for a in meta["authors"]],
        "sources": [{"title": "Published news and government reports; each figure names its source in sources.csv"}],
        "resources": resources,
    }
    if not package["keywords"]:
        del package["keywords"]
    return package
