"""mkdocs hooks: pages and tables generated from the schema and the bundled data at build time."""

from __future__ import annotations

import contextlib
import io
import re
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

OVERVIEW_MARKER = "<!-- overview -->"
CLI_MARKER = re.compile(r"<!-- cli: (.+?) -->")

RELEASE_FILES = ("figures.csv", "sources.csv", "events.csv", "metrics.csv", "datapackage.json")
"""The bundled release's files, copied into the site under ``data/`` for the Explore page's download links."""


def on_files(files: Files, config: Any) -> Files:
    import scamstats
    from scamstats.load import bundled_files
    from scamstats.show.coverage import coverage_markdown
    from scamstats.show.dictionary import data_dictionary_markdown
    from scamstats.show.explore import explore_json
    from scamstats.show.gallery import GALLERY, gallery_markdown, render

    ds = scamstats.load()
    files.append(File.generated(config, "data-dictionary.md", content=data_dictionary_markdown(ds.metrics)))
    files.append(File.generated(config, "coverage.md", content=coverage_markdown(ds)))
    files.append(File.generated(config, "gallery.md", content=gallery_markdown(ds)))
    for plot in GALLERY:
        files.append(File.generated(config, f"img/gallery/{plot.name}.png", content=render(ds, plot)))
    files.append(File.generated(config, "assets/explore-data.json", content=explore_json(ds)))
    bundled = bundled_files()
    for name in RELEASE_FILES:
        files.append(File.generated(config, f"data/{name}", content=bundled.joinpath(name).read_bytes()))
    return files


def on_page_markdown(markdown: str, page: Page, config: Any, files: Files) -> str:
    """Fill the markers: ``<!-- overview -->`` with headline counts, ``<!-- cli: ARGS -->`` with command output."""
    import scamstats
    from scamstats.cli import main
    from scamstats.show.coverage import overview

    if OVERVIEW_MARKER in markdown:
        rows = ["| | |", "|---|---|"]
        rows += [f"| {key} | {value} |" for key, value in overview(scamstats.load()).items()]
        markdown = markdown.replace(OVERVIEW_MARKER, "\n".join(rows))

    def run(match: re.Match[str]) -> str:
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            status = main(match.group(1).split())
        if status != 0:
            raise RuntimeError(f"scamstats {match.group(1)} exited {status} while building {page.file.src_path}")
        return output.getvalue().rstrip()

    return CLI_MARKER.sub(run, markdown)
