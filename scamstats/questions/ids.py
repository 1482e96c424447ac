"""Lists of ids in one table cell: a tuple in Python, one space-separated cell in CSV.

``series()`` and ``compare()`` give each row the ``source_ids`` it rests on, and
``totals()`` the ``figure_ids`` it used, as :class:`Ids`. An id is lowercase
letters, digits and hyphens, so a space separates them unambiguously;
``DataFrame.to_csv()`` writes ``a b`` and :meth:`Ids.parse` reads it back.

>>> import io
>>> import pandas as pd
>>> frame = pd.DataFrame({"source_ids": [Ids(["khm-a", "khm-b"]), Ids(["khm-c"])]})
>>> print(frame.to_csv(index=False), end="")
source_ids
khm-a khm-b
khm-c
>>> back = pd.read_csv(io.StringIO(frame.to_csv(index=False)), converters={"source_ids": Ids.parse})
>>> back["source_ids"].tolist() == frame["source_ids"].tolist()
True
"""

from __future__ import annotations

from typing import Any

SEPARATOR = " "
"""What separates the ids of one cell in CSV and text output."""


class Ids(tuple[str, ...]):
    """Ids in order, without repeats: a tuple whose text (and so its CSV cell) is the ids separated by spaces.

    >>> ids = Ids(["a", "b"])
    >>> ids == ("a", "b"), str(ids), list(ids)
    (True, 'a b', ['a', 'b'])
    """

    __slots__ = ()

    def __str__(self) -> str:
        return SEPARATOR.join(self)

    @classmethod
    def parse(cls, text: Any) -> Ids:
        """The ids written in one cell (``"a b"``); empty for an empty or missing cell.

        >>> Ids.parse("a b"), Ids.parse(""), Ids.parse(float("nan"))
        (('a', 'b'), (), ())
        """
        return cls(text.split()) if isinstance(text, str) else cls()
