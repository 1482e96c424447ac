"""Problems found in contributed data, reported as ``path:line: field: message (got X)``.

>>> print(Problem("datasets/records/x.yaml", 12, "value", "must be >= 0", -5))
datasets/records/x.yaml:12: value: must be >= 0 (got -5)

A file name with a line break in it cannot break the one-line form:

>>> print(Problem("records/a\\nb.yaml", 1, "source_id", "is not in the expected form"))
'records/a\\nb.yaml':1: source_id: is not in the expected form
"""

from __future__ import annotations

import dataclasses
from typing import Any

_MISSING: Any = object()
_MAX_SHOWN = 80


def show(value: Any) -> str:
    """Render an offending value briefly and safely for a one-line message.

    >>> show("a\\nb")
    "'a\\\\nb'"
    """
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place of one input file."""

    path: str
    line: int
    field: str
    message: str
    got: Any = dataclasses.field(default=_MISSING, compare=False)

    def __str__(self) -> str:
        path = self.path if self.path.isprintable() else show(self.path)
        text = f"{path}:{self.line}: {self.field}: {self.message}"
        if self.got is not _MISSING:
            text += f" (got {show(self.got)})"
        return text


class DataError(Exception):
    """Raised when contributed data has problems; carries every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
