"""A source's URL may not carry another address in its path (a share link appended to the page's address)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scamstats.records.validate import check
from scamstats.vocabularies import embedded_scheme

CRACKDOWN = "records/khm-2025-07-18-example-crackdown.yaml"


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("https://rmol.id/amp/2024/10/23/642019/whatsapp:/send", "whatsapp"),
        ("https://example.org/news/1/http://other.example/x", "http"),
        ("https://example.org/news/1/mailto:desk@example.org", "mailto"),
        ("https://example.org/news/1/javascript:void(0)", "javascript"),
        ("https://example.org/news/1", None),
        ("https://en.wikipedia.org/wiki/File:Map.png", None),
        ("https://example.org/search?q=http://x", None),
    ],
)
def test_embedded_scheme(url: str, scheme: str | None) -> None:
    assert embedded_scheme(url) == scheme


def test_the_validator_refuses_a_url_with_another_scheme_in_its_path(mini: Path) -> None:
    path = mini / CRACKDOWN
    path.write_text(path.read_text().replace("https://example.org/news/1", "https://example.org/news/1/whatsapp:/send"))
    problems = [str(p) for p in check(mini).problems]
    assert problems == [
        f"{path}:4: url: has another address's scheme in its path (a share or mail link appended to the page's "
        "address); copy the page's own address (got 'https://example.org/news/1/whatsapp:/send')"
    ]
