"""Coverage tables: how many figures and sources the dataset has, and where.

>>> import scamstats
>>> table = coverage(scamstats.load(), "metric")
>>> list(table.columns)
['figures', 'sources', 'first', 'last']
"""

from __future__ import annotations

import pandas as pd

from ..dataset import Dataset


def coverage(ds: Dataset, by: str) -> pd.DataFrame:
    """Figures, distinct sources and the as-of date range per value of ``by``.

    ``by`` is a column of the figures table, or ``"year"`` (of ``period_end``)
    or ``"language"`` (of the source).
    """
    figures = ds.figures
    if by == "year":
        key = figures["period_end"].dt.year.rename("year")
    elif by == "language":
        key = figures["source_id"].map(ds.sources.set_index("source_id")["language"]).rename("language")
    else:
        key = figures[by].fillna("(all)")
    grouped = figures.groupby(key)
    table = pd.DataFrame(
        {
            "figures": grouped.size(),
            "sources": grouped["source_id"].nunique(),
            "first": grouped["period_end"].min().dt.date,
            "last": grouped["period_end"].max().dt.date,
        }
    )
    return table.sort_index()


def country_coverage(ds: Dataset) -> pd.DataFrame:
    """Per country: figures where it is the place of enforcement, and where it is the reporter."""
    where = ds.figures["country"].value_counts().rename("as_country")
    who = ds.figures["reported_by"].value_counts().rename("as_reporter")
    either = pd.concat(
        [ds.figures["country"], ds.figures["reported_by"].where(ds.figures["reported_by"] != ds.figures["country"])]
    ).value_counts()
    table = pd.concat([where, who, either.rename("either")], axis=1).fillna(0).astype(int)
    result: pd.DataFrame = table.sort_values("either", ascending=False)
    return result


def overview(ds: Dataset) -> dict[str, object]:
    """Headline counts of a release."""
    ends = ds.figures["period_end"]
    return {
        "dataset version": ds.version,
        "figures": len(ds.figures),
        "sources": len(ds.sources),
        "events": len(ds.events),
        "countries": ds.figures["country"].nunique(),
        "languages": ds.sources["language"].nunique(),
        "as-of dates": f"{ends.min().date()} to {ends.max().date()}" if len(ends) else "none",
    }


def country_metric_matrix(ds: Dataset) -> pd.DataFrame:
    """Figures per country (rows) and metric (columns): where the data is thin."""
    matrix = pd.crosstab(ds.figures["country"], ds.figures["metric"])
    return matrix.loc[matrix.sum(axis=1).sort_values(ascending=False).index]


def markdown_table(table: pd.DataFrame, *, index_name: str | None = None) -> str:
    """A DataFrame as a Markdown table (zeros shown as a dot, so gaps stand out).

    >>> print(markdown_table(pd.DataFrame({"n": [3, 0]}, index=["KHM", "LAO"]), index_name="country"))
    | country | n |
    |---|---:|
    | KHM | 3 |
    | LAO | · |
    """
    header = [index_name or str(table.index.name or "")] + [str(c) for c in table.columns]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * len(table.columns)]
    for label, row in table.iterrows():
        cells = ["·" if isinstance(v, (int, float)) and not isinstance(v, bool) and v == 0 else str(v) for v in row]
        lines.append("| " + " | ".join([str(label), *cells]) + " |")
    return "\n".join(lines)


def coverage_markdown(ds: Dataset) -> str:
    """The coverage page: headline counts and the tables above, as Markdown."""
    parts = ["# Coverage", "", f"Generated from the bundled release (dataset version {ds.version}).", ""]
    parts += ["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in overview(ds).items()] + [""]
    parts += [
        "## By country",
        "",
        "`as_country`: figures about enforcement in the country; `as_reporter`: figures its "
        "authorities reported (including about their citizens abroad); `either`: both, counted once.",
        "",
        markdown_table(country_coverage(ds), index_name="country"),
        "",
    ]
    for by, title in (("year", "By year of the as-of date"), ("metric", "By metric"), ("language", "By language")):
        parts += [f"## {title}", "", markdown_table(coverage(ds, by), index_name=by), ""]
    parts += [
        "## Country by metric",
        "",
        "Figures per country of enforcement and metric; a dot marks a gap.",
        "",
        markdown_table(country_metric_matrix(ds), index_name="country"),
        "",
    ]
    return "\n".join(parts)
