"""The data dictionary, generated from the pandera models and the metric vocabulary.

Nothing here is written by hand: every table, column, type and constraint is
read off :mod:`scamstats.schema`, every metric off the release's metrics table.

>>> text = data_dictionary_markdown()
>>> "| `figure_id` |" in text and "### arrested" in text
True
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..load import load
from ..release.datapackage import table_schema
from ..schema import NATURAL_KEY, TABLES
from ..vocabularies import EXTENT_MEANINGS


def _constraints(field: dict[str, Any]) -> str:
    parts = []
    rules = field.get("constraints", {})
    parts.append("required" if rules.get("required") else "optional")
    if rules.get("unique"):
        parts.append("unique")
    if "enum" in rules:
        values = rules["enum"]
        shown = ", ".join(f"`{v}`" for v in values) if len(values) <= 12 else "an ISO 3166-1 alpha-3 code"
        parts.append(f"one of {shown}")
    if "pattern" in rules:
        parts.append(f"matches `{rules['pattern']}`")
    if "minimum" in rules:
        parts.append(f"≥ {rules['minimum']}")
    if "maximum" in rules:
        parts.append(f"≤ {rules['maximum']:,}")
    if "maxLength" in rules:
        parts.append(f"{rules.get('minLength', 0)} to {rules['maxLength']} characters")
    return "; ".join(parts)


def table_markdown(name: str) -> str:
    """One table's columns as a Markdown table."""
    model = TABLES[name]
    schema = model.to_schema()
    lines = [f"## {name}", "", (model.__doc__ or "").strip(), ""]
    lines += ["| column | type | constraints | in records | description |", "|---|---|---|---|---|"]
    for field in table_schema(name)["fields"]:
        meta = schema.columns[field["name"]].metadata or {}
        written = "derived at build" if meta.get("derived") else "yes"
        if meta.get("partial_date"):
            written = f"yes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; stored as the {meta['partial_date']} day"
        description = field["description"].replace("|", "\\|")
        lines.append(f"| `{field['name']}` | {field['type']} | {_constraints(field)} | {written} | {description} |")
    if name == "figures":
        key = ", ".join(f"`{c}`" for c in NATURAL_KEY)
        lines += [
            "",
            f"Natural key (unique across the dataset): {key}, the dates as written (with their precision, so "
            "`2025-07` and `2025-07-01` are different periods). `figure_id` is a hash of the same key.",
        ]
    return "\n".join(lines)


def metrics_markdown(metrics: pd.DataFrame) -> str:
    """Every metric with its unit, definition and classification codes."""
    lines = ["## Metrics", "", "The vocabulary of `metric`, from `datasets/metrics.yaml`.", ""]
    for row in metrics.to_dict("records"):
        codes = [f"*Unit:* `{row['unit']}`", f"*Kind:* {row['kind']}"]
        if isinstance(row["iccs"], str):
            codes.append(f"ICCS `{row['iccs']}`")
        if isinstance(row["cts_stage"], str):
            codes.append(f"UN-CTS stage: {row['cts_stage']}")
        lines += [f"### {row['metric']}", "", " · ".join(codes), "", str(row["definition"]), ""]
    return "\n".join(lines)


def data_dictionary_markdown(metrics: pd.DataFrame | None = None) -> str:
    """The whole data dictionary page as Markdown."""
    metrics = load().metrics if metrics is None else metrics
    parts = [
        "# Data dictionary",
        "",
        "Generated from the schema (`scamstats/schema.py`) and the metric vocabulary when the "
        "documentation is built. Dates are written `YYYY-MM-DD`, with the precision the source gave "
        "in the matching `_precision` column.",
        "",
        '!!! warning "Dates are the ends of their periods"',
        "    `period_end` is the **last day** of the period the source names: a count for 2023 has "
        '`period_end` 2023-12-31 and a count for July 2025 has 2025-07-31, so `period_end <= "2023-06-30"` '
        "never catches a whole-year count. `period_start` (and an event's `date`) is the **first** day "
        "of its period.",
        "",
        "## What a figure counts",
        "",
        "Every figure says its `extent`. Series and comparisons use `total` figures unless asked otherwise.",
        "",
        *[f"- **`{name}`**: {meaning}." for name, meaning in EXTENT_MEANINGS.items()],
        "",
    ]
    parts += [table_markdown(name) + "\n" for name in TABLES]
    parts.append(metrics_markdown(metrics))
    return "\n".join(parts)
