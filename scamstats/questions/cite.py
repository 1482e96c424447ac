"""Citations generated from a release's own metadata, never typed by hand.

The dataset is cited from its ``datapackage.json`` descriptor through
:class:`scamstats.citation.Citation`, the same metadata ``CITATION.cff`` is
written from: ``title``, ``version``, ``created`` (the release date),
``homepage``, ``contributors`` (those with the role ``author``, or all of
them when none has it) and ``licenses``. A single figure is cited in words with its source and the
dataset version.

>>> package = {"title": "scamstats: example", "version": "1.2.0", "created": "2026-03-01T00:00:00Z",
...            "homepage": "https://example.org/scamstats", "licenses": [{"name": "CC-BY-4.0"}],
...            "contributors": [{"title": "scamstats contributors", "role": "author"}]}
>>> print(cite(package, "apa"))
scamstats contributors. (2026). scamstats: example (Version 1.2.0) [Data set]. https://example.org/scamstats
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from ..choices import ChoiceError, one_of
from ..citation import Citation
from ..intervals import QUALIFIER_WORDS

if TYPE_CHECKING:
    from ..dataset import Dataset

Style = Literal["text", "bibtex", "apa", "csl-json"]
STYLES: tuple[Style, ...] = ("text", "bibtex", "apa", "csl-json")
"""Citation styles :func:`cite` writes."""

_TEX_SPECIAL = {c: "\\" + c for c in "&%$#_{}"} | {"~": r"\textasciitilde{}", "^": r"\^{}", "\\": r"\textbackslash{}"}


def _tex(text: str) -> str:
    r"""Escape BibTeX's special characters.

    >>> _tex("50% & more_than")
    '50\\% \\& more\\_than'
    """
    return "".join(_TEX_SPECIAL.get(c, c) for c in text)


def _bibtex(citation: Citation) -> str:
    key = f"{citation.name}_{citation.version}".replace(".", "_").replace("-", "_")
    fields = {
        "author": " and ".join("{" + _tex(name) + "}" for name in citation.authors),
        "title": "{" + _tex(citation.title) + "}",
        "year": citation.released[:4],
        "version": _tex(citation.version),
        "url": citation.url,
        "note": _tex(f"Dataset version {citation.version}, released {citation.released}; licence {citation.license}"),
    }
    lines = [f"  {name} = {{{value}}}," for name, value in fields.items() if value]
    return "@misc{" + key + ",\n" + "\n".join(lines) + "\n}"


def _csl(citation: Citation) -> str:
    item: dict[str, Any] = {
        "id": f"{citation.name}-{citation.version}",
        "type": "dataset",
        "title": citation.title,
        "author": [{"literal": name} for name in citation.authors],
        "version": citation.version,
        "URL": citation.url,
        "license": citation.license,
    }
    if citation.released:
        item["issued"] = {"date-parts": [[int(part) for part in citation.released.split("-")]]}
    return json.dumps([item], indent=2, ensure_ascii=False)


def cite(package: Mapping[str, Any], style: Style = "text") -> str:
    """Cite the release described by ``package`` (its ``datapackage.json``) in ``style``.

    The metadata is read by :class:`scamstats.citation.Citation`, the same
    object that writes ``CITATION.cff``.

    Parameters
    ----------
    package
        The release's descriptor, as :attr:`scamstats.Dataset.package`.
    style
        ``text`` (a plain sentence), ``bibtex`` (a ``@misc`` entry), ``apa``
        (APA 7 for data sets) or ``csl-json`` (a list of one CSL item, for
        Zotero, pandoc and the like).

    Examples
    --------
    >>> import scamstats
    >>> ds = scamstats.load()
    >>> ds.cite().startswith(f"scamstats contributors ({ds.package['created'][:4]}).")
    True
    >>> print(ds.cite(style="bibtex").splitlines()[0])  # doctest: +ELLIPSIS
    @misc{scamstats_...,
    """
    one_of("citation style", style, STYLES)
    citation = Citation.from_package(package)
    if style == "bibtex":
        return _bibtex(citation)
    if style == "csl-json":
        return _csl(citation)
    names = ", ".join(citation.authors)
    year = citation.released[:4]
    if style == "apa":
        return f"{names}. ({year}). {citation.title} (Version {citation.version}) [Data set]. {citation.url}".strip()
    return (
        f"{names} ({year}). {citation.title}, dataset version {citation.version}, released {citation.released}. "
        f"{citation.url}. Licence: {citation.license}."
    )


def country_name(code: str) -> str:
    """A country's short name and code, ``Cambodia (KHM)``; the code alone when it is not ISO 3166."""
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    name = getattr(found, "common_name", None) or getattr(found, "name", None)
    return f"{name} ({code})" if name else code


def _day(value: Any) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def cite_figure(ds: Dataset, figure_id: str) -> str:
    """One figure in words, with its source and the dataset version it is taken from.

    Parameters
    ----------
    ds
        The dataset holding the figure.
    figure_id
        The figure's ``figure_id`` (``f`` and 12 hex digits), stable across releases.

    Raises
    ------
    ChoiceError
        No figure has this id.

    Examples
    --------
    >>> import scamstats
    >>> ds = scamstats.load()
    >>> figure = ds.figures[ds.figures["value"] == 4983].iloc[0]
    >>> text = ds.cite_figure(figure["figure_id"])
    >>> text.startswith("arrested: 4,983 persons in Cambodia (KHM), as of 2025-12-18, counted from 2025-06-27")
    True
    >>> f"scamstats dataset version {ds.version}, figure {figure['figure_id']}" in text
    True
    """
    from ..dates import format_partial_date

    found = ds.figures[ds.figures["figure_id"] == figure_id.strip()]
    if found.empty:
        raise ChoiceError(f"no figure has the id {figure_id!r}; figure ids are listed in the figure_id column")
    figure = found.iloc[0]
    source = ds.sources.set_index("source_id").loc[figure["source_id"]]
    amount = f"{QUALIFIER_WORDS[figure['qualifier']]}{int(figure['value']):,} {figure['unit']}"
    what = [f"{amount} in {country_name(figure['country'])}"]
    for column, label in (("place", "place"), ("nationality", "nationality"), ("scope", "scope")):
        if not pd.isna(figure[column]):
            what.append(f"{label}: {figure[column]}")
    what.append(f"as of {format_partial_date(figure['period_end'].date(), figure['period_end_precision'])}")
    if not pd.isna(figure["period_start"]):
        what.append(
            f"counted from {format_partial_date(figure['period_start'].date(), figure['period_start_precision'])}"
        )
    if not pd.isna(figure["campaign"]):
        what.append(f"campaign {figure['campaign']}")
    claim = f"reported by {figure['reported_by']}"
    if not pd.isna(figure["attributed_to"]):
        claim += f" ({figure['attributed_to']})"
    publisher = str(source["publisher"]) + ("" if pd.isna(source["wire"]) else f" ({source['wire']})")
    published = f", published {_day(source['published'])}" if not pd.isna(source["published"]) else ""
    homepage = ds.package.get("homepage", "")
    name = ds.package.get("name", "scamstats")
    return (
        f"{figure['metric']}: {', '.join(what)}; {claim}. "
        f'Source: {publisher}, "{source["title"]}"{published}, {source["url"]} (accessed {_day(source["accessed"])}). '
        f"From the {name} dataset version {ds.version}, figure {figure_id.strip()}"
        + (f", {homepage}." if homepage else ".")
    )
