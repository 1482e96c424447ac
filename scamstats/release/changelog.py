"""The "Data" entries of CHANGELOG.md, written from the diff between releases.

Each dataset release adds one entry at the top of the ``### Data`` section
under ``## [Unreleased]`` (Keep a Changelog), so the next package release says
which dataset versions it brings.

>>> text = "# Changelog\\n\\n## [Unreleased]\\n\\n### Added\\n- x\\n\\n## [0.1.0]\\n"
>>> print(add_data_entry(text, "- Dataset 0.2.0 ..."))
# Changelog
<BLANKLINE>
## [Unreleased]
<BLANKLINE>
### Added
- x
<BLANKLINE>
### Data
- Dataset 0.2.0 ...
<BLANKLINE>
## [0.1.0]
<BLANKLINE>
"""

from __future__ import annotations

import re

from .diff import Diff, phrase


def data_entry(d: Diff, released: str) -> str:
    """The CHANGELOG entry of the release ``d.new``, from its differences with ``d.old``.

    >>> import scamstats
    >>> from scamstats.release.diff import diff, nothing_like
    >>> ds = scamstats.load()
    >>> data_entry(diff(nothing_like(ds), ds), "2026-01-01").startswith(f"- Dataset {ds.version} (2026-01-01)")
    True
    """
    first = not d.old.version
    kinds = ("added",) if first else ("added", "changed", "removed")

    def words(noun: str, counts: dict[str, int]) -> str:
        return phrase(noun, [(counts[kind], "" if first else kind) for kind in kinds])

    if first:
        since = "first release: " + "; ".join(words(name, t.counts()) for name, t in d.tables.items() if len(t.added))
    else:
        since = f"changes since {d.old.version}: {d.summary()}"
    lines = [f"- Dataset {d.new.version} ({released}), {since}."]
    for country, row in d.by_country().iterrows():
        parts = [words(noun, {kind: int(row[f"{noun}_{kind}"]) for kind in kinds}) for noun in ("figures", "sources")]
        lines.append(f"  - {country}: {'; '.join(p for p in parts if p)}")
    return "\n".join(lines)


_UNRELEASED = re.compile(r"^## \[Unreleased\][^\n]*\n", re.MULTILINE)
_RELEASE = re.compile(r"^## ", re.MULTILINE)
_DATA = re.compile(r"^### Data[^\n]*\n", re.MULTILINE)


def add_data_entry(changelog: str, entry: str) -> str:
    """Put ``entry`` first in the ``### Data`` section of ``## [Unreleased]``, creating either if missing."""
    unreleased = _UNRELEASED.search(changelog)
    if unreleased is None:
        first = _RELEASE.search(changelog)
        at = first.start() if first else len(changelog)
        heading = changelog[:at].rstrip("\n") + "\n\n## [Unreleased]\n\n"
        return add_data_entry(heading + changelog[at:].lstrip("\n"), entry)
    following = _RELEASE.search(changelog, unreleased.end())
    end = following.start() if following else len(changelog)
    section = changelog[unreleased.end() : end]
    data = _DATA.search(section)
    if data is None:
        section = section.rstrip("\n")
        section += ("\n\n" if section else "\n") + "### Data\n" + entry + "\n\n"
    else:
        section = section[: data.end()] + entry + "\n" + section[data.end() :]
    return changelog[: unreleased.end()] + section + changelog[end:]
