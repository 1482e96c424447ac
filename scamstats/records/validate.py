"""Check contributed data: every problem at once, each as ``path:line: field: message``.

pandera checks each table against its model; the dataset-level rules below
check what spans rows and tables (references, breakdowns, dates, keys).
pandera's failure cases are translated here, so a contributor never sees
a raw pandera report.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.errors

from ..choices import did_you_mean
from ..dates import first_days
from ..problems import Problem
from ..schema import KEY_COLUMNS, TABLES
from ..vocabularies import COUNTRIES, CURRENCIES, embedded_scheme, url_identity
from ..wires import FILE_NAME, shipped_aliases
from .derive import derive_figures
from .fields import column_names
from .reader import Input, Rows, read_input
from .wire_vocabulary import check_wires, read_vocabulary

COUNTRY_COLUMNS = ("country", "reported_by", "nationality", "destination")
"""Columns holding ISO 3166-1 alpha-3 codes."""
PEOPLE_UNITS = ("persons", "cases")
"""Units of the metrics whose figures may name a nationality: the others count things."""

EARLIEST = datetime.date(2000, 1, 1)
"""No date in the dataset may be earlier than this."""


@dataclass
class Checked:
    """Tables ready to release (when ``problems`` is empty) and what is wrong with them."""

    frames: dict[str, pd.DataFrame]
    problems: list[Problem]
    input: Input


def check(root: Path, *, today: datetime.date | None = None) -> Checked:
    """Read and validate the datasets folder ``root``."""
    data = read_input(root)
    frames = {name: to_frame(name, data.tables[name]) for name in TABLES}
    frames["figures"] = derive_figures(frames["figures"], frames["metrics"])
    frames = {name: frame[list(column_names(name))] for name, frame in frames.items()}
    rule_problems = dataset_rules(frames, data.tables, today or datetime.date.today())
    rule_problems += wire_problems(root, data.tables["sources"])
    schema_problems: list[Problem] = []
    for name, model in TABLES.items():
        try:
            frames[name] = model.validate(frames[name], lazy=True)
        except pandera.errors.SchemaErrors as errors:
            schema_problems.extend(translate(errors.failure_cases, data.tables[name], name))
    problems = first_per_place(data.problems + schema_problems + rule_problems)
    return Checked(frames, problems, data)


def wire_problems(root: Path, sources: Rows) -> list[Problem]:
    """Problems of ``root/wires.yaml`` and every ``wire`` it (else the package's vocabulary) does not name."""
    path = root / FILE_NAME
    if path.exists():
        table, problems = read_vocabulary(path)
    else:
        table, problems = shipped_aliases(), []
    used = [
        (*sources.where(position, "wire"), row["wire"])
        for position, row in enumerate(sources.rows)
        if isinstance(row.get("wire"), str)
    ]
    return problems + check_wires([(where, wire, line) for where, line, wire in used], table, FILE_NAME)


def to_frame(table: str, rows: Rows) -> pd.DataFrame:
    columns = list(column_names(table))
    extra = [c for c in (rows.rows[0] if rows.rows else {}) if c not in columns]
    frame = pd.DataFrame.from_records(rows.rows, columns=columns + extra)
    for name, column in TABLES[table].to_schema().columns.items():
        dtype = str(column.dtype)
        if "datetime" in dtype:  # microseconds on every pandas: pandas 2's nanoseconds end in 2262
            frame[name] = frame[name].astype("datetime64[us]")
        elif dtype == "Int64":
            frame[name] = frame[name].astype("Int64")
        elif dtype == "int64":  # from the rows, not through float: exact, and nullable while a value is missing
            numbers = pd.Series(pd.array([row.get(name) for row in rows.rows], dtype="Int64"), index=frame.index)
            frame[name] = numbers.astype("int64") if numbers.notna().all() else numbers
        else:  # text: the nullable "string" dtype on every pandas (astype("str") spells None "None" before 3.0)
            frame[name] = frame[name].astype("string")
    return frame


def first_per_place(problems: list[Problem]) -> list[Problem]:
    """One problem per file, line and field (the earliest found), sorted."""
    seen: set[tuple[str, int, str]] = set()
    kept = []
    for problem in problems:
        place = (problem.path, problem.line, problem.field)
        if place not in seen:
            seen.add(place)
            kept.append(problem)
    return sorted(kept)


_CHECK_MESSAGES = {
    "greater_than_or_equal_to": "must be >= {0}",
    "less_than_or_equal_to": "must be <= {0}",
    "str_matches": "is not in the expected form ({0})",
    "str_length": "must be {0} to {1} characters long",
    "field_uniqueness": "must be unique; another row has the same value",
    "not_nullable": "is required",
    "is_language": "is not a BCP 47 language tag with a known ISO 639 language",
    "is_url": "is not a well-formed web address",
}
_FORMS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "lowercase words joined by hyphens",
    r"^[a-z][a-z0-9_]*$": "lowercase words joined by underscores",
    r"^https?://[^\s/$.?#][^\s]*$": "an http:// or https:// address",
    r"^f[0-9a-f]{12}$": "f followed by 12 hex digits",
    r"^[a-z]+$|^[A-Z]{3}$": "a unit name or an ISO 4217 currency code",
    r"^\d{2,6}$": "2 to 6 digits",
}


def check_message(check: str, column: str) -> str:
    """Say what a pandera check means, for the person who wrote the value.

    >>> check_message("greater_than_or_equal_to(0)", "value")
    'must be >= 0'
    >>> check_message("isin(['AFG', 'ALB'])", "country")
    'is not an ISO 3166-1 alpha-3 country code'
    """
    name, _, arguments = check.partition("(")
    arguments = arguments.rstrip(")")
    if name == "isin":
        if column in COUNTRY_COLUMNS:
            return "is not an ISO 3166-1 alpha-3 country code"
        return "must be one of " + ", ".join(re.findall(r"'([^']*)'", arguments))
    if name == "str_matches":
        return _CHECK_MESSAGES[name].format(_FORMS.get(arguments.strip("'\""), arguments))
    if name in _CHECK_MESSAGES:
        values = [v.strip() for v in arguments.split(",")] if arguments else []
        values = [v for v in values if v != "None"] or ["1", "?"]
        return _CHECK_MESSAGES[name].format(*values, *values)
    if name.startswith("coerce_dtype") or name.startswith("dtype"):
        return "has the wrong type"
    return f"fails the check {check}"


def translate(cases: pd.DataFrame, rows: Rows, table: str) -> list[Problem]:
    """pandera failure cases → problems located in the record files."""
    problems = []
    columns = TABLES[table].to_schema().columns
    for raw_column, check, got, index in zip(
        cases["column"], cases["check"], cases["failure_case"], cases["index"], strict=True
    ):
        column = raw_column if isinstance(raw_column, str) else table
        meta = (columns[column].metadata or {}) if column in columns else {}
        if meta.get("derived") or (meta.get("record_optional") and check == "not_nullable"):
            continue  # a consequence of a problem reported on the field it derives from
        message = check_message(str(check), column)
        if str(check).startswith("isin(") and isinstance(got, str):
            valid = COUNTRIES if column in COUNTRY_COLUMNS else re.findall(r"'([^']*)'", str(check))
            message += did_you_mean(got, sorted(valid))
        if index is None or pd.isna(index):
            problems.append(Problem("<dataset>", 0, column, message))
            continue
        path, line = rows.where(int(index), column)
        if message == "is required" or got is None or (not isinstance(got, str) and pd.isna(got)):
            problems.append(Problem(path, line, column, message))
        else:
            problems.append(Problem(path, line, column, message, _plain(got)))
    return problems


def _plain(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


def dataset_rules(frames: dict[str, pd.DataFrame], rows: dict[str, Rows], today: datetime.date) -> list[Problem]:
    """Rules that span rows and tables."""
    problems: list[Problem] = []
    figures, sources, events, metrics = (frames[n] for n in ("figures", "sources", "events", "metrics"))

    def at(table: str, mask: pd.Series, column: str, message: str, got: pd.Series | None = None) -> None:
        for position in mask[mask.fillna(False).astype(bool)].index:
            path, line = rows[table].where(int(position), column)
            if got is None or pd.isna(got.loc[position]):
                problems.append(Problem(path, line, column, message))
            else:
                problems.append(Problem(path, line, column, message, _plain(got.loc[position])))

    known_metrics = set(metrics["metric"].dropna())
    known_events = set(events["event_id"].dropna())
    known_sources = set(sources["source_id"].dropna())
    metric_list = ", ".join(sorted(known_metrics))
    unknown = figures["metric"].notna() & ~figures["metric"].isin(known_metrics)
    for position in unknown[unknown.fillna(False).astype(bool)].index:
        path, line = rows["figures"].where(int(position), "metric")
        got = figures["metric"].loc[position]
        hint = did_you_mean(got, sorted(known_metrics), aside=True)
        problems.append(Problem(path, line, "metric", f"unknown metric{hint}; known metrics: {metric_list}", got))
    at(
        "figures",
        figures["campaign"].notna() & ~figures["campaign"].isin(known_events),
        "campaign",
        "no event has this event_id",
        figures["campaign"],
    )
    at(
        "events",
        events["source_id"].notna() & ~events["source_id"].isin(known_sources),
        "source_id",
        "no record file has this source_id",
        events["source_id"],
    )

    at(
        "figures",
        (figures["extent"] == "part") & figures["scope"].isna(),
        "extent",
        "a part needs a scope naming the part of the enforcement it counts (one agency's desk, one task force)",
        figures["extent"],
    )
    kinds = lookup(figures["metric"], metrics, "metric", "kind")
    movements = ", ".join(sorted(metrics.loc[metrics["kind"] == "movement", "metric"]))
    at(
        "figures",
        figures["destination"].notna() & kinds.notna() & (kinds != "movement"),
        "destination",
        f"only movement metrics ({movements}) have a destination",
        figures["destination"],
    )

    expected_unit = lookup(figures["metric"], metrics, "metric", "unit")
    counts_things = (metrics["unit"].notna() & ~metrics["unit"].isin(PEOPLE_UNITS)).fillna(False).astype(bool)
    things = sorted(metrics.loc[counts_things, "metric"].dropna())
    at(
        "figures",
        figures["nationality"].notna() & figures["metric"].isin(things),
        "nationality",
        f"only metrics that count people or cases have a nationality, not {', '.join(things)}",
        figures["nationality"],
    )
    money = expected_unit == "currency"
    at(
        "figures",
        money & ~figures["unit"].isin(CURRENCIES),
        "unit",
        "money metrics need an ISO 4217 currency code as unit",
        figures["unit"],
    )
    at(
        "figures",
        ~money & expected_unit.notna() & (figures["unit"] != expected_unit),
        "unit",
        "differs from the metric's unit; leave unit out for metrics that are not money",
        figures["unit"],
    )

    at(
        "figures",
        figures["period_start"] > figures["period_end"],
        "period_start",
        "is after period_end",
        figures["period_start"],
    )
    end_as_written = first_days(figures["period_end"], figures["period_end_precision"])
    published = lookup(figures["source_id"], sources, "source_id", "published")
    at(
        "figures",
        end_as_written > published,
        "period_end",
        "is after the source's published date",
        end_as_written,
    )
    at("sources", sources["published"] > sources["accessed"], "published", "is after accessed", sources["published"])

    latest = pd.Timestamp(today)
    earliest = pd.Timestamp(EARLIEST)
    for table, column, dates in (
        ("sources", "published", sources["published"]),
        ("sources", "accessed", sources["accessed"]),
        ("figures", "period_start", figures["period_start"]),
        ("figures", "period_end", end_as_written),
        ("events", "date", events["date"]),
    ):
        at(table, dates > latest, column, "is in the future", dates)
        at(table, dates < earliest, column, f"is before {EARLIEST.isoformat()}", dates)

    embedded = sources["url"].map(embedded_scheme, na_action="ignore")
    at(
        "sources",
        embedded.notna(),
        "url",
        "has another address's scheme in its path (a share or mail link appended to the page's address); "
        "copy the page's own address",
        sources["url"],
    )
    identity = sources["url"].map(url_identity, na_action="ignore")
    duplicated_url = identity.notna() & identity.duplicated(keep="first")
    at("sources", duplicated_url, "url", "is already recorded in another file (one file per source)", sources["url"])
    duplicated_key = figures.duplicated(list(KEY_COLUMNS), keep="first") & figures["metric"].notna()
    at(
        "figures",
        duplicated_key,
        "metric",
        "duplicate figure: another figure of this source has the same country, place, scope, metric, "
        "nationality and period as written",
        figures["metric"],
    )
    problems.extend(breakdown_problems(figures, rows["figures"]))
    return problems


def lookup(keys: pd.Series, table: pd.DataFrame, key: str, column: str) -> pd.Series:
    """``table[column]`` of the row whose ``key`` is each of ``keys`` (the first such row), with that column's dtype.

    An empty ``table`` (a datasets folder whose every source is broken) gives missing values of the right
    type, so that the rules comparing them report nothing instead of failing.

    >>> table = pd.DataFrame({"k": ["a", "a"], "v": pd.array([1, 2], dtype="Int64")})
    >>> lookup(pd.Series(["a", "b"]), table, "k", "v").tolist()
    [1, <NA>]
    >>> lookup(pd.Series(["a"]), table.iloc[:0], "k", "v").dtype
    Int64Dtype()
    """
    first = table.drop_duplicates(key, keep="first")
    mapping = dict(zip(first[key], first[column], strict=True))
    return keys.map(mapping).astype(table[column].dtype)


def breakdown_problems(figures: pd.DataFrame, rows: Rows) -> list[Problem]:
    """Nationality breakdowns whose lowest values add up to more than the highest value their total allows."""
    group = [c for c in KEY_COLUMNS if c != "nationality"]
    parts = figures[figures["nationality"].notna()]
    totals = figures[figures["nationality"].isna() & figures["value_high"].notna()]
    if parts.empty or totals.empty:
        return []
    summed = parts.groupby(group, dropna=False)["value_low"].sum().rename("parts").reset_index()
    joined = totals.reset_index().merge(summed, on=group, how="inner")
    over = joined[joined["parts"] > joined["value_high"]]
    problems = []
    for position, total, parts_sum in zip(over["index"], over["value"], over["parts"], strict=True):
        path, line = rows.where(int(position), "value")
        message = f"is less than its nationality breakdown, which adds up to {parts_sum}"
        problems.append(Problem(path, line, "value", message, total))
    return problems
