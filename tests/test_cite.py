"""Citations come from the release's metadata in each style; a figure is cited with its source and version."""

from __future__ import annotations

import json
import re

import pytest
from frames import dataset

from scamstats.choices import ChoiceError
from scamstats.questions.cite import STYLES

PACKAGE = {
    "name": "scamstats",
    "title": "scamstats: test & 100% example",
    "version": "2.3.4",
    "created": "2027-05-06T00:00:00Z",
    "homepage": "https://example.org/scamstats",
    "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International"}],
    "contributors": [
        {"title": "Ana Lim", "role": "author"},
        {"title": "Sok Dara", "role": "author"},
        {"title": "Translation Volunteers", "role": "contributor"},
    ],
}
FIGURE = {
    "source_id": "khm-2025-10-25-qdnd",
    "value": 3455,
    "qualifier": "about",
    "period_end": "2025-10",
    "period_start": "2025-06-27",
    "place": "Preah Sihanouk",
    "nationality": "VNM",
    "attributed_to": "Ministry of Interior",
    "campaign": "c1",
}
SOURCE = {
    "source_id": "khm-2025-10-25-qdnd",
    "publisher": "People's Army Newspaper",
    "wire": "VNA",
    "title": "Hanoi Convention",
    "url": "https://example.org/qdnd",
    "published": "2025-10-25",
}


def ds_with(package: dict[str, object]):  # type: ignore[no-untyped-def]
    return dataset([FIGURE], [SOURCE], [{"event_id": "c1", "date": "2025-06", "country": "KHM"}], package)


@pytest.mark.parametrize("style", STYLES)
def test_every_style_is_generated_from_the_package_metadata(style: str) -> None:
    text = ds_with(PACKAGE).cite(style)
    for expected in ("2.3.4", "2027", "https://example.org/scamstats", "Ana Lim", "Sok Dara"):
        assert expected in text, (style, expected)
    assert "Translation Volunteers" not in text  # only authors are cited
    changed = ds_with(PACKAGE | {"version": "9.9.9"}).cite(style)
    assert "9.9.9" in changed and "2.3.4" not in changed


def test_text_and_apa_read_as_citations() -> None:
    ds = ds_with(PACKAGE)
    assert ds.cite("apa") == (
        "Ana Lim, Sok Dara. (2027). scamstats: test & 100% example (Version 2.3.4) [Data set]. "
        "https://example.org/scamstats"
    )
    assert ds.cite() == (
        "Ana Lim, Sok Dara (2027). scamstats: test & 100% example, dataset version 2.3.4, released 2027-05-06. "
        "https://example.org/scamstats. Licence: CC-BY-4.0."
    )


def test_bibtex_is_one_balanced_entry_with_escaped_text() -> None:
    entry = ds_with(PACKAGE).cite("bibtex")
    assert entry.startswith("@misc{scamstats_2_3_4,\n")
    assert entry.count("{") == entry.count("}")
    assert "title = {{scamstats: test \\& 100\\% example}}," in entry
    assert "author = {{Ana Lim} and {Sok Dara}}," in entry
    assert re.search(r"^  year = \{2027\},$", entry, re.MULTILINE)


def test_csl_json_is_one_dataset_item() -> None:
    (item,) = json.loads(ds_with(PACKAGE).cite("csl-json"))
    assert item["type"] == "dataset"
    assert item["version"] == "2.3.4"
    assert item["issued"] == {"date-parts": [[2027, 5, 6]]}
    assert item["author"] == [{"literal": "Ana Lim"}, {"literal": "Sok Dara"}]
    assert item["URL"] == "https://example.org/scamstats"


def test_unknown_style_names_the_styles() -> None:
    with pytest.raises(ChoiceError, match="unknown citation style 'mla'; choose from text, bibtex, apa, csl-json"):
        ds_with(PACKAGE).cite("mla")


def test_a_figure_is_cited_in_words_with_its_source_and_the_dataset_version() -> None:
    ds = ds_with(PACKAGE)
    figure_id = ds.figures["figure_id"].iloc[0]
    text = ds.cite_figure(figure_id)
    assert text.startswith(
        "arrested: about 3,455 persons in Cambodia (KHM), place: Preah Sihanouk, nationality: VNM, "
        "as of 2025-10, counted from 2025-06-27, campaign c1; reported by KHM (Ministry of Interior). "
    )
    assert 'Source: People\'s Army Newspaper (VNA), "Hanoi Convention", published 2025-10-25, ' in text
    assert "https://example.org/qdnd" in text
    assert text.endswith(f"scamstats dataset version 2.3.4, figure {figure_id}, https://example.org/scamstats.")


def test_an_unknown_figure_id_is_refused() -> None:
    with pytest.raises(ChoiceError, match="no figure has the id 'f000000000999'"):
        ds_with(PACKAGE).cite_figure("f000000000999")
