"""mkdocs hooks: pages and tables generated from the schema and the bundled data at build time."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

OVERVIEW_MARKER = "<!-- overview -->"


def on_files(files: Files, config: Any) -> Files:
    import scamstats
    from scamstats.dictionary import data_dictionary_markdown
    from scamstats.gallery import GALLERY, gallery_markdown, render
    from scamstats.summary import coverage_markdown

    ds = scamstats.load()
    files.append(File.generated(config, "data-dictionary.md", content=data_dictionary_markdown(ds.metrics)))
    files.append(File.generated(config, "coverage.md", content=coverage_markdown(ds)))
    files.append(File.generated(config, "gallery.md", content=gallery_markdown(ds)))
    for plot in GALLERY:
        files.append(File.generated(config, f"img/gallery/{plot.name}.png", content=render(ds, plot)))
    return files


def on_page_markdown(markdown: str, page: Page, config: Any, files: Files) -> str:
    if OVERVIEW_MARKER not in markdown:
        return markdown
    import scamstats
    from scamstats.summary import overview

    rows = ["| | |", "|---|---|"] + [f"| {key} | {value} |" for key, value in overview(scamstats.load()).items()]
    return markdown.replace(OVERVIEW_MARKER, "\n".join(rows))
