"""A commented record-file skeleton for contributors, generated from the schema.

Required fields are left empty (so ``scamstats validate`` names each one until
it is filled in); optional fields are commented out.

>>> text = record_skeleton()
>>> "  title:" in text and "    metric:" in text and "    # nationality:" in text
True
"""

from __future__ import annotations

import datetime

from ..schema import TABLES
from ..vocabularies import EVENT_KINDS, EXTENTS, SOURCE_KINDS
from .fields import record_fields

_DATE = "2025, 2025-07 or 2025-07-18"
_HINTS = {
    ("sources", "accessed"): "the date you read the page",
    ("sources", "published"): "YYYY-MM-DD as shown on the page; leave out if it shows none",
    ("sources", "language"): "BCP 47: en, vi, th, km, id, ms, zh, ko, my, lo, fil, ...",
    ("sources", "kind"): " | ".join(SOURCE_KINDS),
    ("figures", "metric"): "see datasets/metrics.yaml",
    ("figures", "extent"): " | ".join(EXTENTS) + ": everything in the country or place, one operation, or a part",
    ("figures", "scope"): "required when extent is part: the part counted (one agency's desk); else only a subset",
    ("figures", "destination"): "for deported, repatriated, handed_over, left_voluntarily: where people were sent",
    ("figures", "qualifier"): "exact | about | at_least | more_than | nearly | up_to",
    ("figures", "value"): "the number as printed, digits only: 2137",
    ("figures", "unit"): "only for money metrics: the ISO 4217 code (USD, PHP, THB, ...)",
    ("figures", "period_start"): f"only if the source states it: {_DATE}",
    ("figures", "period_end"): f"the as-of date: {_DATE}",
    ("events", "date"): _DATE,
    ("events", "kind"): " | ".join(EVENT_KINDS),
}


def _block(table: str, indent: str, *, listed: bool, today: datetime.date) -> list[str]:
    """One mapping's fields; the first line of a list entry starts with ``- ``."""
    columns = TABLES[table].to_schema().columns
    lines = []
    for position, (name, spec) in enumerate(record_fields(table).items()):
        if table == "events" and name == "source_id":
            continue  # taken from the file name
        hint = _HINTS.get((table, name), columns[name].description or "")
        value = f" {today.isoformat()}" if name == "accessed" else ""
        lead = indent[:-2] + "- " if listed and position == 0 else indent
        if spec.required:
            lines.append(f"{lead}{name}:{value}  # {hint}")
        else:
            lines.append(f"{lead}# {name}:  # optional: {hint}")
    return lines


def record_skeleton(today: datetime.date | None = None) -> str:
    """The text of a new record file."""
    today = today or datetime.date.today()
    events = _block("events", "    ", listed=True, today=today)
    return (
        "\n".join(
            [
                "# One source document. Fill in every empty field, uncomment the optional ones you need,",
                "# then run `scamstats validate datasets/`. The rules are in CONTRIBUTING.md.",
                "source:",
                *_block("sources", "  ", listed=False, today=today),
                "figures:  # one entry per reported number; copy the block for each",
                *_block("figures", "    ", listed=True, today=today),
                "# events:  # optional: dated things this source reports",
                *(f"# {line[2:]}" for line in events),
            ]
        )
        + "\n"
    )
