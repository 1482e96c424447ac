"""Render the documentation site in headless Chromium and check what a reader sees.

Builds the site (or takes a built one), serves it on 127.0.0.1, takes a
screenshot of each page in PAGES (the Explore page unfiltered and filtered),
and counts the tables and images in each rendered page, after its scripts
have run. Exits 1 when a page lacks what it should show.

    python scripts/screenshot_docs.py --out docs-screenshots
    python scripts/screenshot_docs.py --out phone --width 390   # a phone-width screen
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

# page path -> (minimum tables, minimum images) the rendered page must contain
PAGES = {
    "": (1, 0),
    "coverage/": (5, 0),
    "gallery/": (0, 8),
    "which-number/": (0, 0),
    "data-dictionary/": (4, 0),
    "explore/": (1, 0),
    "explore/?country=MMR&nationality=IDN&year=2025": (1, 0),
}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
VIRTUAL_TIME = "--virtual-time-budget=10000"  # let a page's scripts load their data before the DOM is read
BUILD_COMMAND = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d"]


def chromium() -> str | None:
    """Path of a Chromium executable, if one is installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def build_site(target: Path) -> None:
    subprocess.run([*BUILD_COMMAND, str(target)], check=True)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def render(browser: str, url: str, screenshot: Path, width: int = 1280) -> str:
    """Take a screenshot of ``url`` and return its rendered DOM."""
    with tempfile.TemporaryDirectory() as profile:
        flags = [*CHROMIUM_FLAGS, VIRTUAL_TIME, f"--user-data-dir={profile}"]
        subprocess.run(
            [browser, *flags, f"--window-size={width},1600", f"--screenshot={screenshot}", url],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return dump_dom(browser, url)


def dump_dom(browser: str, url: str) -> str:
    """The DOM of ``url`` once its scripts have run, from a fresh profile."""
    with tempfile.TemporaryDirectory() as profile:
        flags = [*CHROMIUM_FLAGS, VIRTUAL_TIME, f"--user-data-dir={profile}"]
        dom = subprocess.run(
            [browser, *flags, "--dump-dom", url], check=True, capture_output=True, text=True, timeout=120
        )
    return dom.stdout


def shot_name(page: str) -> str:
    """A file name for a page path: ``explore/?country=MMR`` → ``explore-country-mmr``.

    >>> shot_name(""), shot_name("explore/?country=MMR&year=2025")
    ('home', 'explore-country-mmr-year-2025')
    """
    return re.sub(r"[^a-z0-9]+", "-", page.lower()).strip("-") or "home"


def count(dom: str) -> tuple[int, int]:
    """Tables, and images that point at a file, in the main content of a page."""
    main = dom.split('<article class="md-content__inner', 1)[-1]
    return len(re.findall(r"<table", main)), len(re.findall(r"<img[^>]+src=\"[^\"]+\.png\"", main))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs-screenshots"), help="folder for the PNG files")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--width", type=int, default=1280, help="window width in pixels (390 for a phone)")
    args = parser.parse_args()
    browser = chromium()
    if browser is None:
        print("no Chromium found (install Debian's chromium package)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build_site(site)
        server, base = serve(site)
        failures = 0
        try:
            for page, (min_tables, min_images) in PAGES.items():
                name = shot_name(page)
                shot = args.out / f"{name}.png"
                tables, images = count(render(browser, base + page, shot, args.width))
                ok = tables >= min_tables and images >= min_images and shot.stat().st_size > 0
                failures += not ok
                print(f"{'ok ' if ok else 'BAD'} {name:<16} {shot}  tables={tables} images={images}")
        finally:
            server.shutdown()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
