"""The Explore page, built and run in headless Chromium: the rows shown are exactly the figures a filter selects.

Like ``tests/test_docs_render.py`` this needs the docs extras (mkdocs, in ``dev``) and Chromium; the README's
test command skips it, and ``.ci/run`` runs it explicitly after installing ``dev``.
"""

from __future__ import annotations

import html
import importlib.util
import json
import subprocess
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest
from conftest import REPO

import scamstats

SCRIPT = REPO / "scripts" / "screenshot_docs.py"
PAGE = "explore/"

# A page that opens the Explore page in a frame, picks a value in one of its controls as a reader
# would, and writes what the page then shows (its address, count, rows and source links) into <pre>.
HARNESS = """<!doctype html>
<html><body><iframe id="page" src="../explore/?metric=rescued" style="width:1200px;height:800px"></iframe>
<pre id="result">waiting</pre>
<script>
function ready(doc) { return doc && doc.getElementById("explore") &&
  doc.getElementById("explore").getAttribute("data-state") === "ready"; }
function poll(step) {
  var frame = document.getElementById("page"), doc = frame.contentDocument;
  if (!ready(doc)) { setTimeout(function () { poll(step); }, 100); return; }
  if (step === 0) {
    var select = doc.getElementById("explore-country");
    select.value = "THA";
    select.dispatchEvent(new Event("change"));
    setTimeout(function () { poll(1); }, 100);
    return;
  }
  var rows = Array.prototype.map.call(doc.querySelectorAll("tr[data-id]"), function (row) {
    return [row.getAttribute("data-id"), row.querySelector("a.explore-source").getAttribute("href")];
  });
  document.getElementById("result").textContent = JSON.stringify({
    search: frame.contentWindow.location.search,
    count: doc.querySelector(".explore-count").getAttribute("data-count"),
    rows: rows
  });
}
poll(0);
</script></body></html>
"""


def _screenshot_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshot_docs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Shown(HTMLParser):
    """What a rendered Explore page shows: each row's figure id and source link, the count, the Python code."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str]] = []
        self.count: int | None = None
        self.code = ""
        self.circles: list[str] = []
        self.polylines: list[str] = []
        self.state = ""
        self._row: str | None = None
        self._in_code = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "div" and attributes.get("id") == "explore":
            self.state = attributes.get("data-state") or ""
        if tag == "tr" and attributes.get("data-id"):
            self._row = attributes["data-id"]
        if tag == "a" and "explore-source" in classes and self._row is not None:
            self.rows.append((self._row, attributes.get("href") or ""))
            self._row = None
        if "explore-count" in classes:
            self.count = int(attributes["data-count"] or "-1")
        if tag == "pre" and "explore-code" in classes:
            self._in_code = True
        if tag == "circle" and attributes.get("data-figure"):
            self.circles.append(attributes["data-figure"] or "")
        if tag == "polyline":
            self.polylines.append(attributes.get("data-baseline") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._in_code = False

    def handle_data(self, data: str) -> None:
        if self._in_code:
            self.code += data


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[ModuleType, str, str]]:
    """The built site served on 127.0.0.1: (the screenshot script as a module, Chromium, base URL)."""
    if not SCRIPT.exists():
        pytest.skip("needs the source tree")
    pytest.importorskip("mkdocs", reason="needs the docs extras; .ci/run runs this test with them")
    shots = _screenshot_module()
    browser = shots.chromium()
    if browser is None:
        pytest.skip("Chromium is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "site"
        subprocess.run([*shots.BUILD_COMMAND, str(folder)], cwd=REPO, check=True, capture_output=True, timeout=600)
        (folder / "explore-harness").mkdir()
        (folder / "explore-harness" / "index.html").write_text(HARNESS, encoding="utf-8")
        server, base = shots.serve(folder)
        try:
            yield shots, browser, base
        finally:
            server.shutdown()


def shown(site: tuple[ModuleType, str, str], address: str) -> Shown:
    shots, browser, base = site
    page = Shown()
    page.feed(shots.dump_dom(browser, base + address))
    assert page.state == "ready", f"the page did not load its data: {address}"
    return page


def every_page(site: tuple[ModuleType, str, str], query: str) -> tuple[list[tuple[str, str]], Shown]:
    """All rows a filter shows, page after page, and the first page."""
    first = shown(site, f"{PAGE}?{query}")
    assert first.count is not None
    rows = list(first.rows)
    for number in range(2, -(-first.count // 50) + 1):
        rows += shown(site, f"{PAGE}?{query}&page={number}").rows
    return rows, first


def expected(found: pd.DataFrame) -> dict[str, str]:
    return dict(zip(found["figure_id"], found["url"], strict=True))


def run_code(code: str) -> set[str]:
    """Run the Python the page shows and return the ids of the figures it finds."""
    namespace: dict[str, Any] = {}
    exec(compile(code, "<explore page>", "exec"), namespace)
    return set(namespace["found"]["figure_id"])


def test_a_filter_in_the_address_shows_exactly_its_figures(site: tuple[ModuleType, str, str]) -> None:
    ds = scamstats.load()
    want = expected(ds.query(country="MMR", nationality="IDN", since="2025", until="2025"))
    rows, first = every_page(site, "country=MMR&nationality=IDN&year=2025")
    assert first.count == len(want) > 0
    assert dict(rows) == want  # the same figures, each linked to its own source's url
    assert len(rows) == len(want)
    assert 'ds.query(country="MMR", nationality="IDN", since="2025", until="2025")' in first.code
    assert run_code(first.code) == set(want)


def test_paging_and_search_cover_the_same_figures_as_python(site: tuple[ModuleType, str, str]) -> None:
    ds = scamstats.load()
    rows, first = every_page(site, "metric=rescued")
    want = expected(ds.query(metric="rescued"))
    assert first.count == len(want) > 50 and len(first.rows) == 50
    assert dict(rows) == want and len(rows) == len(want)

    rows, first = every_page(site, "country=KHM&text=indonesia")
    found = ds.query(country="KHM")
    titles = found["source_id"].map(ds.sources.set_index("source_id")["title"])
    words = titles.str.contains("indonesia", case=False) | found["note"].str.contains("indonesia", case=False, na=False)
    want = expected(found[words.astype(bool)])
    assert first.count == len(want) > 0
    assert dict(rows) == want
    assert run_code(first.code) == set(want)


def test_the_chart_draws_the_series_one_line_per_baseline(site: tuple[ModuleType, str, str]) -> None:
    points = scamstats.load().series("KHM", "arrested")
    page = shown(site, f"{PAGE}?country=KHM&metric=arrested")
    assert sorted(page.circles) == sorted(points["figure_id"])
    baselines = points["baseline"].fillna("no start stated")
    joined = baselines.value_counts()
    assert sorted(page.polylines) == sorted(joined[joined > 1].index)  # one line for each baseline with two points
    assert 'points = ds.series("KHM", "arrested")' in page.code


def test_a_control_filters_the_rows_and_the_address(site: tuple[ModuleType, str, str]) -> None:
    shots, browser, base = site
    dom = shots.dump_dom(browser, base + "explore-harness/")
    text = dom.split('<pre id="result">', 1)[1].split("</pre>", 1)[0]
    result = json.loads(html.unescape(text))
    assert result["search"] == "?country=THA&metric=rescued"
    want = expected(scamstats.load().query(country="THA", metric="rescued"))
    assert int(result["count"]) == len(want) > 0
    assert dict(result["rows"]) == want  # every figure of the filter fits on the first page
    assert len(result["rows"]) == len(want) <= 50
