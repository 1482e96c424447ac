"""The tables of the dataset, written once as pandera models.

Everything else is generated from these classes: the record reader's field
list and types, validation, the column order of the released CSV files, the
``datapackage.json`` descriptor and the data dictionary in the docs.

Column metadata keys understood by the rest of the package:

``derived``
    computed by the build; never written in a record file.
``partial_date``
    written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; stored as the ``"first"``
    or the ``"last"`` day of the period it names, with its precision in the
    column ``<name>_precision``.
``record_optional``
    may be left out of a record (the build fills it in) although the released
    column is never empty.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from .dates import PRECISIONS
from .intervals import QUALIFIERS
from .vocabularies import (
    BCP47,
    COUNTRIES,
    CTS_STAGES,
    EVENT_KINDS,
    EXTENT_MEANINGS,
    EXTENTS,
    METRIC_KINDS,
    METRIC_NAME,
    SLUG,
    SOURCE_KINDS,
    UNITS,
    URL,
    is_language,
    is_url,
)

MAX_VALUE = 10**15
"""Largest accepted ``value``: room for trillions in small currency units."""

_DERIVED = {"derived": True}
_COUNTRY = sorted(COUNTRIES)


def _text(description: str, *, nullable: bool = False, max_length: int = 300, **extra: Any) -> Any:
    return pa.Field(
        nullable=nullable, str_length={"min_value": 1, "max_value": max_length}, description=description, **extra
    )


def _code(description: str, *, nullable: bool = False) -> Any:
    return pa.Field(isin=_COUNTRY, nullable=nullable, description=description)


class _Table(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = False


class Sources(_Table):
    """One row per source document (a news story, a government release, a report)."""

    source_id: Series[str] = pa.Field(
        str_matches=SLUG, unique=True, description="Slug naming the source; the record file's name.", metadata=_DERIVED
    )
    title: Series[str] = _text("Headline or title as printed, in its own language.", max_length=500)
    publisher: Series[str] = _text("Outlet or body whose page the URL is.", max_length=200)
    url: Series[str] = pa.Field(
        str_matches=URL, description="Address of the document, exactly as found (http or https)."
    )
    published: Series[pd.Timestamp] = pa.Field(
        nullable=True, description="Publication date shown on the page; empty when the page shows none."
    )
    accessed: Series[pd.Timestamp] = pa.Field(description="Date the contributor read the page.")
    language: Series[str] = pa.Field(str_matches=BCP47, description="Language of the document, as a BCP 47 tag.")
    kind: Series[str] = pa.Field(isin=SOURCE_KINDS, description="What sort of body published the document.")
    wire: Series[str] = _text(
        "News agency whose story the page reprints (AP, Reuters, Xinhua, VNA...); empty when original.",
        nullable=True,
        max_length=100,
    )
    note: Series[str] = _text("One sentence about the source itself, in the contributor's words.", nullable=True)

    @pa.check("url", name="is_url")
    def _url_well_formed(cls, url: pd.Series) -> pd.Series:  # noqa: N805 - pandera checks are classmethods
        result: pd.Series = url.map(is_url).astype(bool)
        return result

    @pa.check("language", name="is_language")
    def _language_known(cls, language: pd.Series) -> pd.Series:  # noqa: N805 - pandera checks are classmethods
        result: pd.Series = language.map(is_language).astype(bool)
        return result


class Figures(_Table):
    """One row per reported number."""

    figure_id: Series[str] = pa.Field(
        str_matches=r"^f[0-9a-f]{12}$",
        unique=True,
        description="Stable identifier derived from the natural key (never from file position).",
        metadata=_DERIVED,
    )
    source_id: Series[str] = pa.Field(
        str_matches=SLUG, description="The source reporting the figure.", metadata=_DERIVED
    )
    country: Series[str] = _code("ISO 3166-1 alpha-3 code of the country where the enforcement happened.")
    place: Series[str] = _text(
        "Province, city or compound; empty for the whole country.", nullable=True, max_length=100
    )
    reported_by: Series[str] = _code("ISO 3166-1 alpha-3 code of the authority making the claim.")
    attributed_to: Series[str] = _text("Office or official quoted.", nullable=True, max_length=200)
    metric: Series[str] = pa.Field(str_matches=METRIC_NAME, description="What is counted; see the metrics table.")
    extent: Series[str] = pa.Field(
        isin=EXTENTS,
        description="What the number covers: "
        + "; ".join(f"{name} = {meaning}" for name, meaning in EXTENT_MEANINGS.items())
        + ".",
    )
    unit: Series[str] = pa.Field(
        str_matches=r"^[a-z]+$|^[A-Z]{3}$",
        description="What value counts: the metric's unit, or the ISO 4217 currency of a money metric.",
        metadata={"record_optional": True},
    )
    value: Series[int] = pa.Field(ge=0, le=MAX_VALUE, description="The number as printed, as a whole number.")
    qualifier: Series[str] = pa.Field(
        isin=QUALIFIERS,
        description="How the source words the number: exact, about, at_least, more_than, nearly, up_to.",
    )
    period_start: Series[pd.Timestamp] = pa.Field(
        nullable=True,
        description="First day of the counting period (2023 starts on 2023-01-01); empty when the source does not "
        "state it.",
        metadata={"partial_date": "first"},
    )
    period_start_precision: Series[str] = pa.Field(
        isin=PRECISIONS, nullable=True, description="Precision of period_start: day, month or year.", metadata=_DERIVED
    )
    period_end: Series[pd.Timestamp] = pa.Field(
        description="The as-of date of the figure: the LAST day of the period the source names (a count for 2023 "
        "ends on 2023-12-31, one for July 2025 on 2025-07-31); period_end_precision says how it was written.",
        metadata={"partial_date": "last"},
    )
    period_end_precision: Series[str] = pa.Field(
        isin=PRECISIONS, description="Precision of period_end: day, month or year.", metadata=_DERIVED
    )
    campaign: Series[str] = pa.Field(
        str_matches=SLUG, nullable=True, description="The event the count belongs to (an event_id)."
    )
    scope: Series[str] = _text(
        "Short text when the count covers only part of the enforcement; separates series that must not be compared.",
        nullable=True,
        max_length=200,
    )
    nationality: Series[str] = _code("ISO 3166-1 alpha-3 code of the people counted; empty for all.", nullable=True)
    destination: Series[str] = _code(
        "ISO 3166-1 alpha-3 code of the country people were sent to, where the source names it; only for "
        "movement metrics (deported, repatriated, handed_over, left_voluntarily).",
        nullable=True,
    )
    note: Series[str] = _text("One sentence in the contributor's own words.", max_length=500)
    value_low: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Lowest value the qualifier allows.", metadata=_DERIVED
    )
    value_high: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Highest value the qualifier allows; empty when unbounded.", metadata=_DERIVED
    )


class Events(_Table):
    """Dated things the figures are read against: launches, raids, bans, laws, treaties."""

    event_id: Series[str] = pa.Field(str_matches=SLUG, unique=True, description="Slug naming the event.")
    date: Series[pd.Timestamp] = pa.Field(
        description="When it happened (first day of the period when not a day).", metadata={"partial_date": "first"}
    )
    date_precision: Series[str] = pa.Field(
        isin=PRECISIONS, description="Precision of date: day, month or year.", metadata=_DERIVED
    )
    country: Series[str] = _code("ISO 3166-1 alpha-3 code of the country concerned.")
    kind: Series[str] = pa.Field(isin=EVENT_KINDS, description="What sort of event it is.")
    title: Series[str] = _text("Short title of the event, in English.")
    source_id: Series[str] = pa.Field(str_matches=SLUG, description="The source that reports the event.")


class Metrics(_Table):
    """The metric vocabulary: what each metric counts and how it differs from its neighbours."""

    metric: Series[str] = pa.Field(str_matches=METRIC_NAME, unique=True, description="Name of the metric.")
    unit: Series[str] = pa.Field(isin=UNITS, description="What the metric counts.")
    kind: Series[str] = pa.Field(
        isin=METRIC_KINDS,
        description="How it adds up over time: cumulative (actions counted over a period), movement (actions that "
        "send people somewhere; figures may name a destination) or point_in_time (people held on a date; it may fall).",
    )
    definition: Series[str] = _text("What is counted and how it differs from neighbouring metrics.", max_length=1000)
    iccs: Series[str] = pa.Field(
        str_matches=r"^\d{2,6}$", nullable=True, description="Closest ICCS code, where one fits."
    )
    cts_stage: Series[str] = pa.Field(
        isin=CTS_STAGES, nullable=True, description="UN-CTS stage of the justice process, where one fits."
    )


TABLES: dict[str, type[_Table]] = {"sources": Sources, "figures": Figures, "events": Events, "metrics": Metrics}
"""The released tables, in release order, by name."""

NATURAL_KEY = ("source_id", "country", "place", "scope", "metric", "nationality", "period_start", "period_end")
"""Columns that identify a figure; unique across the dataset.

The dates count *as written*, that is with their precision: "2025-07" and
"2025-07-01" are two periods (a month and a day), so one source may give a
figure for each. The figure id hashes the dates spelt the same way, so two
figures have the same id exactly when they have the same natural key.
``extent`` and ``destination`` take no part, so that saying what a figure
counts, or where its people went, never changes its id.
"""

KEY_COLUMNS = (*NATURAL_KEY, "period_start_precision", "period_end_precision")
"""The stored columns that hold the natural key: :data:`NATURAL_KEY` and the precision of each date."""
