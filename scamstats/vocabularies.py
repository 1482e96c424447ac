"""Controlled vocabularies shared by the schema, the reader and the query API.

Kept free of pandera so that :func:`scamstats.load` stays light.

>>> "KHM" in COUNTRIES, "USD" in CURRENCIES
(True, True)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pycountry

from .intervals import QUALIFIERS

COUNTRIES: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.countries)
"""ISO 3166-1 alpha-3 codes."""

CURRENCIES: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.currencies)
"""ISO 4217 codes."""

SOURCE_KINDS = ("news", "government", "intergovernmental", "ngo", "academic")
EVENT_KINDS = (
    "campaign",
    "deadline",
    "directive",
    "raid",
    "border_measure",
    "ban",
    "law",
    "sanction",
    "treaty",
    "agreement",
)
UNITS = ("persons", "cases", "sites", "devices", "buildings", "currency")
"""What a metric counts; ``currency`` means each figure names its ISO 4217 code."""

CTS_STAGES = ("police", "prosecution", "conviction")

EXTENTS = ("total", "operation", "part")
"""What a figure counts: everything in its country or place over its period, one operation, or a named part."""

EXTENT_MEANINGS = {
    "total": "every action of its kind in the figure's country (or place) over its period, as the reporting "
    "authority counts them: a running total, a year's or a month's total, and the nationality breakdowns of such "
    "totals",
    "operation": "one operation: a raid, a sweep of stated days, a flight, a handover at a border gate, a court "
    "verdict; its period is the operation's dates",
    "part": "a total over a named part of the enforcement that is neither the whole nor one operation (one agency's "
    "desk, one task force's tally); scope names the part",
}
"""What each extent means, for the data dictionary and the record skeleton."""

METRIC_KINDS = ("cumulative", "movement", "point_in_time")
"""How a metric adds up over time: actions counted over a period; actions that send people somewhere (a
destination applies); or people held on a date, a level that may fall."""

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
METRIC_NAME = r"^[a-z][a-z0-9_]*$"
URL = r"^https?://[^\s/$.?#][^\s]*$"
BCP47 = r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$"


def is_language(tag: str) -> bool:
    """Whether ``tag`` is a BCP 47 tag whose primary subtag is an ISO 639 language.

    >>> is_language("vi"), is_language("zh-Hans"), is_language("xx")
    (True, True, False)
    """
    primary = tag.split("-", 1)[0]
    found = pycountry.languages.get(alpha_2=primary) if len(primary) == 2 else None
    return (found or pycountry.languages.get(alpha_3=primary)) is not None


def is_url(text: str) -> bool:
    """Whether ``text`` splits into an http(s) address with a host name.

    >>> is_url("https://example.org/a?b=1"), is_url("http://[::1/x"), is_url("https:///x")
    (True, False, False)
    """
    try:
        parts = urlsplit(text)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


_SCHEME_ONLY = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_LINK_SCHEMES = re.compile(r"(?:https?|mailto|tel|sms|javascript|data|whatsapp|tg|viber|fb-messenger|intent):", re.I)


def embedded_scheme(url: str) -> str | None:
    """The scheme of another address inside the path of ``url``, else ``None``.

    A share or mail link resolved against a page's address (``whatsapp:/send``,
    ``mailto:x@y``, ``http://other.site/``) leaves a path segment that is a
    scheme, or starts with a link scheme; a colon elsewhere in a segment
    (``File:Map.png``) is not one.

    >>> embedded_scheme("https://rmol.id/amp/2024/10/23/1/whatsapp:/send"), embedded_scheme("https://a.org/x/http://b/")
    ('whatsapp', 'http')
    >>> embedded_scheme("https://a.org/news/mailto:desk@a.org"), embedded_scheme("https://w.org/wiki/File:Map.png")
    ('mailto', None)
    """
    try:
        path = urlsplit(url).path
    except ValueError:  # not a well-formed address; validation reports it
        return None
    for segment in path.split("/"):
        if _SCHEME_ONLY.fullmatch(segment) or _LINK_SCHEMES.match(segment):
            return segment.partition(":")[0].lower()
    return None


def url_identity(url: str) -> str:
    """What two addresses of the same page have in common.

    The scheme, a leading ``www.``, the case of the host, a trailing slash and
    the fragment do not matter; the query does.

    >>> url_identity("https://WWW.Example.org/news/1/#top") == url_identity("http://example.org/news/1")
    True
    >>> url_identity("https://example.org/news?id=1") == url_identity("https://example.org/news?id=2")
    False
    """
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # not a well-formed address; validation reports it
        return url
    return f"{host}{parts.path.rstrip('/')}?{parts.query}"


__all__ = [
    "BCP47",
    "COUNTRIES",
    "CTS_STAGES",
    "CURRENCIES",
    "EVENT_KINDS",
    "METRIC_NAME",
    "QUALIFIERS",
    "SLUG",
    "SOURCE_KINDS",
    "UNITS",
    "URL",
    "embedded_scheme",
    "is_language",
    "is_url",
    "url_identity",
]
