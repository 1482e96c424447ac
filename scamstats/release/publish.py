"""Make a dataset release, and check that released files were never changed.

``scamstats release X.Y.Z`` validates and builds the records, freezes the
files in ``datasets/releases/X.Y.Z/``, adds their sha256 to the registry
shipped in the package, refreshes the bundled copy, sets the version in
``datasets/dataset.yaml``, rewrites ``CITATION.cff`` and adds the "Data" entry
to ``CHANGELOG.md``. It refuses to overwrite a release and refuses a version
number that does not fit the changes since the previous release (Data
Package Version rules, see :meth:`scamstats.release.diff.Diff.bump`).

>>> next_version("0.1.3", "minor")
'0.2.0'

``scamstats build`` never stamps a released number on other data: records
that differ from the release ``dataset.yaml`` names build as the next version
with a ``.dev0`` marker (:func:`build_files`).
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..citation import Citation
from ..load import read_folder, read_release
from .build import checked_frames, dataset_meta, release_bytes, release_files, stale_files, write_release
from .changelog import add_data_entry, data_entry
from .diff import Bump, Diff, diff, nothing_like
from .registry import REGISTRY_HEADER, parse_registry, parse_version, registered_versions, sha256


class ReleaseRefusedError(Exception):
    """A release was refused and nothing was written; ``status`` is the command's exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Project:
    """Where a release is written, relative to the datasets folder ``root``."""

    root: Path

    @property
    def releases(self) -> Path:
        """Frozen releases, one folder per version."""
        return self.root / "releases"

    @property
    def registry(self) -> Path:
        """The registry shipped in the package."""
        return self.root.resolve().parent / "scamstats" / "registry.txt"

    @property
    def bundled(self) -> Path:
        """The bundled copy of the latest release."""
        return self.root.resolve().parent / "scamstats" / "data"

    @property
    def citation(self) -> Path:
        """``CITATION.cff`` of the project."""
        return self.root.resolve().parent / "CITATION.cff"

    @property
    def changelog(self) -> Path:
        """``CHANGELOG.md`` of the project."""
        return self.root.resolve().parent / "CHANGELOG.md"

    def registry_entries(self) -> dict[str, str]:
        """The registry's entries (none when it does not exist yet)."""
        return parse_registry(self.registry.read_text(encoding="utf-8")) if self.registry.exists() else {}

    def version_folders(self) -> list[Path]:
        """The folders under ``releases/`` named ``X.Y.Z``; anything else there (a staging folder
        ``.X.Y.Z.xxxx`` an interrupted build left behind) is no release."""
        if not self.releases.is_dir():
            return []
        return [p for p in self.releases.iterdir() if p.is_dir() and is_version(p.name)]

    def versions(self) -> list[str]:
        """Released versions: registered, or with a folder under ``releases/``; oldest first."""
        folders = {p.name for p in self.version_folders()}
        return sorted(folders | set(registered_versions(self.registry_entries())), key=parse_version)


def is_version(name: str) -> bool:
    """Whether ``name`` is a dataset version ``MAJOR.MINOR.PATCH``.

    >>> is_version("0.2.0"), is_version(".0.3.0.k2j4x1")
    (True, False)
    """
    try:
        parse_version(name)
    except ValueError:
        return False
    return True


def next_version(previous: str, bump: Bump) -> str:
    """The version after ``previous`` for a change of kind ``bump``."""
    major, minor, patch = parse_version(previous)
    return {
        "major": f"{major + 1}.0.0",
        "minor": f"{major}.{minor + 1}.0",
        "patch": f"{major}.{minor}.{patch + 1}",
    }[bump]


def verify(root: Path) -> list[str]:
    """Problems with the frozen releases under ``root/releases``: files changed, missing or unregistered."""
    project = Project(root)
    entries = project.registry_entries()
    on_disk = {
        f"{p.parent.name}/{p.name}": p for p in project.releases.glob("*/*") if not p.parent.name.startswith(".")
    }
    problems = []
    for name, expected in sorted(entries.items()):
        path = project.releases / name
        if name not in on_disk:
            problems.append(f"{path}: missing; released files are never removed")
            continue
        got = sha256(path.read_bytes())
        if got != expected:
            problems.append(f"{path}: has {got} but the registry says {expected}; released files are never changed")
    problems += [
        f"{path}: not in the registry {project.registry}; releases are made only by `scamstats release`"
        for name, path in sorted(on_disk.items())
        if name not in entries
    ]
    return problems


DEV = ".dev0"
"""The marker of a development version: the next release's number, not yet released."""


def build_files(root: Path) -> dict[str, bytes]:
    """The files ``scamstats build`` writes for the records under ``root``.

    ``dataset.yaml`` names the latest release (``scamstats release`` sets it). When the records build to
    exactly that release's files, they carry its version; otherwise they carry a development version: the
    number their changes since that release call for, with a ``.dev0`` marker (``1.0.0`` and a figure more
    → ``1.1.0.dev0``; a version not released yet, before the first release → ``0.1.0.dev0``). Only
    :func:`release` gives records a released number. Raises :class:`~scamstats.problems.DataError`.
    """
    meta = dataset_meta(root)
    frames = checked_frames(root)
    files = release_files(frames, meta)
    version = str(meta["version"])
    folder = Project(root).releases / version
    if folder.is_dir() and not stale_files(files, folder):
        return files
    return release_files(frames, {**meta, "version": development_version(folder, files, version)})


def development_version(folder: Path, files: dict[str, bytes], version: str) -> str:
    """The development version of build ``files`` whose latest release ``version`` is stored in ``folder``.

    >>> development_version(Path("nowhere"), {}, "0.1.0")
    '0.1.0.dev0'
    """
    if not (folder / "datapackage.json").is_file():
        return version + DEV
    changes = diff(read_folder(folder), read_release(lambda name: io.BytesIO(files[name])))
    return next_version(version, changes.bump() or "patch") + DEV


def set_dataset_version(text: str, version: str, released: str) -> str:
    """``dataset.yaml`` text with its ``version`` and ``released`` lines replaced.

    >>> print(set_dataset_version("name: x\\nversion: 0.1.0\\nreleased: 2026-01-01\\n", "0.2.0", "2026-02-01"))
    name: x
    version: 0.2.0
    released: 2026-02-01
    <BLANKLINE>
    """
    for key, value in (("version", version), ("released", released)):
        text, found = re.subn(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.MULTILINE)
        if not found:
            raise ReleaseRefusedError(f"dataset.yaml has no `{key}:` line to update")
    return text


@dataclass(frozen=True)
class Released:
    """What a release wrote."""

    version: str
    folder: Path
    changes: Diff


def release(root: Path, version: str, *, today: datetime.date | None = None) -> Released:
    """Freeze the records under ``root`` as dataset ``version``; see the module docstring.

    Raises :class:`ReleaseRefusedError` (nothing written) or :class:`~scamstats.problems.DataError`.
    """
    try:
        parse_version(version)
    except ValueError as error:
        raise ReleaseRefusedError(str(error), status=2) from error
    project = Project(root)
    problems = verify(root)
    if problems:
        raise ReleaseRefusedError("; ".join(problems))
    known = project.versions()
    latest = known[-1] if known else None
    if version in known:
        raise ReleaseRefusedError(f"dataset {version} is already released; released files are never changed", status=2)
    if latest is not None and parse_version(version) < parse_version(latest):
        raise ReleaseRefusedError(f"{version} is older than the latest release, {latest}", status=2)

    released = (today or datetime.date.today()).isoformat()
    files = release_bytes(root, version=version, released=released)
    new = read_release(lambda name: io.BytesIO(files[name]))
    changes = diff(read_folder(project.releases / latest) if latest else nothing_like(new), new)
    if latest is not None:
        bump = changes.bump()
        if bump is None:
            raise ReleaseRefusedError(f"the records are the same as release {latest}; there is nothing to release")
        expected = next_version(latest, bump)
        if version != expected:
            raise ReleaseRefusedError(
                f"{version} does not fit the changes since {latest} ({changes.summary()}): "
                f"they make a {bump.upper()} release, {expected}",
                status=2,
            )

    dataset_yaml = set_dataset_version((root / "dataset.yaml").read_text(encoding="utf-8"), version, released)
    changelog = project.changelog.read_text(encoding="utf-8") if project.changelog.exists() else "# Changelog\n"
    changelog = add_data_entry(changelog, data_entry(changes, released))
    registry = project.registry.read_text(encoding="utf-8") if project.registry.exists() else REGISTRY_HEADER
    registry += "".join(f"{version}/{name} {sha256(content)}\n" for name, content in sorted(files.items()))

    folder = project.releases / version
    write_release(files, folder)
    project.registry.parent.mkdir(parents=True, exist_ok=True)
    project.registry.write_text(registry, encoding="utf-8", newline="\n")
    write_release(files, project.bundled)
    (root / "dataset.yaml").write_text(dataset_yaml, encoding="utf-8", newline="\n")
    project.citation.write_text(Citation.from_package(new.package).cff(), encoding="utf-8", newline="\n")
    project.changelog.write_text(changelog, encoding="utf-8", newline="\n")
    return Released(version, folder, changes)
