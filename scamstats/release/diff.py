"""What changed between two releases: rows added, removed and changed, field by field.

Rows are matched on each table's primary key (``figure_id``, ``source_id``,
``event_id``, ``metric``), read from the releases' own ``datapackage.json``.
A figure's id is derived from its natural key, so correcting a figure's
value shows as a change, and correcting its date or country as one figure
removed and another added.

>>> import scamstats
>>> ds = scamstats.load()
>>> d = diff(ds, ds)
>>> bool(d), d.bump()
(False, None)
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from ..dataset import Dataset

TABLES = ("figures", "sources", "events", "metrics")
Bump = Literal["major", "minor", "patch"]

_SHOWN = {
    "figures": ("country", "metric", "value", "qualifier", "period_end", "nationality", "source_id"),
    "sources": ("publisher", "published", "title"),
    "events": ("date", "country", "title"),
    "metrics": ("unit",),
}


def phrase(noun: str, counts: list[tuple[int, str]]) -> str:
    """Counts in words, zeros left out.

    >>> phrase("figures", [(48, "added"), (0, "changed"), (2, "removed")])
    '48 figures added, 2 removed'
    >>> phrase("sources", [(1, "")])
    '1 source'
    """
    parts = [(n, what) for n, what in counts if n]
    if not parts:
        return ""
    (n, what), rest = parts[0], parts[1:]
    head = " ".join(x for x in (str(n), noun if n != 1 else noun.removesuffix("s"), what) if x)
    return ", ".join([head, *(f"{n} {what}" for n, what in rest)])


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text, missing as ``""``; dates ``YYYY-MM-DD``, or as written where a precision column says.

    A partial date compares as its source wrote it (``2025-07``), so releases that store it as a different
    day of its period (the first in 0.x, the last from 1.0.0 on) do not differ.
    """
    from ..dates import written_dates

    out = pd.DataFrame(index=frame.index)
    for name, column in frame.items():
        precision = frame.get(f"{name}_precision")
        text = column
        if pd.api.types.is_datetime64_any_dtype(column):
            text = column.dt.strftime("%Y-%m-%d") if precision is None else written_dates(column, precision)
        out[str(name)] = text.astype("string").fillna("")
    return out


def primary_key(ds: Dataset, table: str) -> str:
    """The primary key column of ``table``, as the release's descriptor declares it."""
    for resource in ds.package.get("resources", []):
        if resource["name"] == table:
            key: str = resource["schema"]["primaryKey"][0]
            return key
    return str(getattr(ds, table).columns[0])


@dataclass(frozen=True)
class TableDiff:
    """The differences in one table.

    Attributes
    ----------
    added, removed
        Whole rows, from the new and the old release.
    changed
        One row per changed cell: the key, ``field``, ``old`` and ``new`` (as text).
    columns_added, columns_removed
        Columns only in the new, or only in the old release.
    columns_redefined
        Columns in both whose description in ``datapackage.json`` changed: what they mean is not what it was.
    """

    name: str
    key: str
    added: pd.DataFrame = field(repr=False)
    removed: pd.DataFrame = field(repr=False)
    changed: pd.DataFrame = field(repr=False)
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()
    columns_redefined: tuple[str, ...] = ()

    @property
    def changed_keys(self) -> list[str]:
        """Keys of the rows with at least one changed field, in order."""
        return list(dict.fromkeys(self.changed[self.key]))

    def counts(self) -> dict[str, int]:
        """Rows added, changed and removed."""
        return {"added": len(self.added), "changed": len(self.changed_keys), "removed": len(self.removed)}

    def __bool__(self) -> bool:
        return any(self.counts().values()) or bool(self.columns_added or self.columns_removed or self.columns_redefined)


def descriptions(ds: Dataset, table: str) -> dict[str, str]:
    """Each column of ``table`` with its description in the release's ``datapackage.json``."""
    for resource in ds.package.get("resources", []):
        if resource["name"] == table:
            return {f["name"]: f.get("description", "") for f in resource["schema"]["fields"]}
    return {}


def diff_table(
    old: pd.DataFrame,
    new: pd.DataFrame,
    key: str,
    name: str,
    meanings: tuple[dict[str, str], dict[str, str]] = ({}, {}),
) -> TableDiff:
    """Compare two versions of one table, rows matched on ``key``; ``meanings`` are their column descriptions."""
    old_keys, new_keys = set(old[key]), set(new[key])
    common = [c for c in old.columns if c in new.columns and c != key]
    before = as_text(old.set_index(key)[common])
    after = as_text(new.set_index(key)[common])
    both = sorted(old_keys & new_keys)
    before, after = before.loc[both], after.loc[both]
    unequal = before != after
    changes = [
        {key: row_key, "field": column, "old": before.at[row_key, column], "new": after.at[row_key, column]}
        for row_key in both
        for column in common
        if unequal.at[row_key, column]
    ]
    return TableDiff(
        name=name,
        key=key,
        added=new[~new[key].isin(old_keys)].reset_index(drop=True),
        removed=old[~old[key].isin(new_keys)].reset_index(drop=True),
        changed=pd.DataFrame(changes, columns=[key, "field", "old", "new"]),
        columns_added=tuple(c for c in new.columns if c not in old.columns),
        columns_removed=tuple(c for c in old.columns if c not in new.columns),
        columns_redefined=tuple(
            c for c in common if c in meanings[0] and c in meanings[1] and meanings[0][c] != meanings[1][c]
        ),
    )


def nothing_like(ds: Dataset) -> Dataset:
    """A release with ``ds``'s columns and no rows: what there was before the first release."""
    empty = {name: getattr(ds, name).iloc[0:0] for name in TABLES}
    return Dataset(version="", package=ds.package, **empty)


@dataclass(frozen=True)
class Diff:
    """The differences between two releases, table by table (see :func:`diff`)."""

    old: Dataset = field(repr=False)
    new: Dataset = field(repr=False)
    tables: dict[str, TableDiff] = field(repr=False)

    @property
    def figures(self) -> TableDiff:
        """Figures added, removed and changed."""
        return self.tables["figures"]

    @property
    def sources(self) -> TableDiff:
        """Sources added, removed and changed."""
        return self.tables["sources"]

    def __bool__(self) -> bool:
        return any(self.tables.values())

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={tuple(t.counts().values())}" for name, t in self.tables.items())
        return f"Diff({self.old.version or 'nothing'!r} -> {self.new.version!r}; added/changed/removed {counts})"

    def summary(self) -> str:
        """The counts in one line, e.g. ``"48 figures added, 2 removed; 19 sources added"``."""
        parts = [phrase(name, [(n, what) for what, n in t.counts().items()]) for name, t in self.tables.items()]
        for name, table in self.tables.items():
            for label, columns in (
                ("added", table.columns_added),
                ("removed", table.columns_removed),
                ("redefined", table.columns_redefined),
            ):
                if columns:
                    parts.append(f"{name} columns {label}: {', '.join(columns)}")
        return "; ".join(p for p in parts if p) or "no differences"

    def bump(self) -> Bump | None:
        """The version step these changes make, by the Data Package Version rules.

        ``"major"``: a column removed, renamed or redefined (its description
        in ``datapackage.json`` changed), or a metric removed or redefined
        (its unit or definition changed); ``"minor"``: rows or
        columns added; ``"patch"``: anything else changed or removed (corrections);
        ``None``: no difference.
        """
        metrics = self.tables["metrics"]
        redefined = metrics.changed["field"].isin(["unit", "definition"]).any()
        if (
            any(t.columns_removed or t.columns_redefined for t in self.tables.values())
            or len(metrics.removed)
            or redefined
        ):
            return "major"
        if any(len(t.added) or t.columns_added for t in self.tables.values()):
            return "minor"
        return "patch" if self else None

    def by_country(self) -> pd.DataFrame:
        """Figures and sources added, changed and removed per country (of the figures).

        A source counts once for each country its figures are in; sources
        without figures are left out here.
        """
        figures = self.figures
        changed = self.new.figures[self.new.figures["figure_id"].isin(figures.changed_keys)]
        columns = {
            "figures_added": figures.added["country"],
            "figures_changed": changed["country"],
            "figures_removed": figures.removed["country"],
        }
        sources = self.sources
        for kind, ids, release in (
            ("added", sources.added["source_id"], self.new),
            ("changed", pd.Series(sources.changed_keys, dtype=object), self.new),
            ("removed", sources.removed["source_id"], self.old),
        ):
            pairs = release.figures.loc[release.figures["source_id"].isin(ids), ["source_id", "country"]]
            columns[f"sources_{kind}"] = pairs.drop_duplicates()["country"]
        table = pd.DataFrame({name: values.value_counts() for name, values in columns.items()})
        return table.fillna(0).astype(int).sort_index().rename_axis("country")

    def report(self) -> str:
        """The differences as text: counts, then every row added or removed and every changed field."""
        bump = self.bump()
        change = "no differences" if bump is None else f"a {bump.upper()} change: {self.summary()}"
        lines = [f"dataset {self.old.version or '(nothing)'} -> {self.new.version}: {change}"]
        by_country = self.by_country()
        if len(by_country):
            lines += ["", "per country (where the enforcement happened)", by_country.to_string()]
        for name, table in self.tables.items():
            for sign, label, rows in (("+", "added", table.added), ("-", "removed", table.removed)):
                if len(rows):
                    lines.append(f"\n{name} {label}")
                    lines += [f"  {sign} {_describe(row, table.key, name)}" for row in as_text(rows).to_dict("records")]
            if len(table.changed):
                lines.append(f"\n{name} changed")
                lines += [
                    f"  ~ {change[table.key]} {change['field']}: {change['old']!r} -> {change['new']!r}"
                    for change in table.changed.to_dict("records")
                ]
        return "\n".join(lines)


def _describe(row: dict[Hashable, Any], key: str, table: str) -> str:
    shown = [str(row[c]) for c in _SHOWN.get(table, ()) if row.get(c)]
    return " ".join([str(row[key]), *shown])


def _as_dataset(release: Dataset | str | os.PathLike[str]) -> Dataset:
    if isinstance(release, Dataset):
        return release
    if isinstance(release, os.PathLike):
        from ..load import read_folder

        return read_folder(Path(release))
    from ..load import load

    return load(version=release)


def diff(old: Dataset | str | os.PathLike[str], new: Dataset | str | os.PathLike[str]) -> Diff:
    """Compare two releases: figures, sources, events and metrics added, removed and changed.

    Parameters
    ----------
    old, new
        A :class:`~scamstats.dataset.Dataset`, a released version (``"0.1.0"``,
        loaded with :func:`scamstats.load`) or the path of a release folder.

    Returns
    -------
    Diff
        ``bool(d)`` is whether they differ; ``d.figures.added``, ``d.figures.changed``
        (one row per changed field, old and new), ``d.by_country()``, ``d.bump()``
        and ``d.report()`` describe how.

    Examples
    --------
    >>> import scamstats
    >>> ds = scamstats.load()
    >>> fewer = scamstats.Dataset(ds.version, ds.figures.iloc[1:], ds.sources, ds.events, ds.metrics, ds.package)
    >>> d = scamstats.diff(fewer, ds)
    >>> len(d.figures.added), d.bump()
    (1, 'minor')
    """
    a, b = _as_dataset(old), _as_dataset(new)
    tables = {
        name: diff_table(
            getattr(a, name),
            getattr(b, name),
            primary_key(b, name),
            name,
            (descriptions(a, name), descriptions(b, name)),
        )
        for name in TABLES
    }
    return Diff(old=a, new=b, tables=tables)
