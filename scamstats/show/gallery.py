"""The documentation gallery: plots of the major counters, drawn from the bundled data.

Each entry names a plot by the same arguments a user would pass to
:meth:`~scamstats.dataset.Dataset.plot_series`,
:meth:`~scamstats.dataset.Dataset.plot_totals` or
:meth:`~scamstats.dataset.Dataset.plot_compare`, so every picture can be
reproduced with one call or one ``scamstats plot`` command.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from ..dataset import Dataset


@dataclass(frozen=True)
class Plot:
    """One gallery picture."""

    name: str
    title: str
    caption: str
    command: str
    kind: str  # "series", "totals" or "compare"
    arguments: dict[str, Any] = field(default_factory=dict)


GALLERY = (
    Plot(
        "khm-2025-campaign",
        "Cambodia's 2025 campaign: people arrested or detained since 27 June",
        "The commission's counter as officials restated it, counted from 27 June 2025; outlets say 'arrested' "
        "or 'detained' for the same total.",
        "scamstats plot series KHM arrested detained --baseline 2025-06-27 -o khm.png",
        "series",
        {"country": "KHM", "metric": ["arrested", "detained"], "baseline": "2025-06-27"},
    ),
    Plot(
        "khm-arrested",
        "Cambodia: people arrested, every total",
        "Every whole-country arrest total for Cambodia, one line per baseline (what the count runs from), so "
        "counts from different starts are never joined; crosses are single operations.",
        "scamstats plot series KHM arrested -o khm-arrested.png",
        "series",
        {"country": "KHM", "metric": "arrested"},
    ),
    Plot(
        "khm-raided-sites",
        "Cambodia: sites raided",
        "Compounds and buildings raided, as totals on each date they were restated.",
        "scamstats plot series KHM raided_sites -o sites.png",
        "series",
        {"country": "KHM", "metric": "raided_sites"},
    ),
    Plot(
        "mmr-handed-over-per-year",
        "Myanmar: people handed over to China, per year",
        "A reported yearly total where there is one; otherwise the sum of the single handovers on record, a "
        "lower bound.",
        "scamstats plot totals MMR handed_over --destination CHN -o mmr-chn.png",
        "totals",
        {"country": "MMR", "metric": "handed_over", "destination": "CHN"},
    ),
    Plot(
        "mmr-deported",
        "Myanmar: foreigners deported",
        "Myanmar's national deportation totals, each baseline its own line.",
        "scamstats plot series MMR deported -o mmr.png",
        "series",
        {"country": "MMR", "metric": "deported"},
    ),
    Plot(
        "khm-idn-assistance",
        "Indonesians in Cambodia asking their embassy for help",
        "Cases reported to Indonesia's embassy in Phnom Penh, a counter restated almost daily in 2026.",
        "scamstats plot series KHM assistance_requests --nationality IDN -o idn.png",
        "series",
        {"country": "KHM", "metric": "assistance_requests", "nationality": "IDN"},
    ),
    Plot(
        "compare-deported-2025",
        "Deportations compared across countries, as of 31 December 2025",
        "Each country's latest total at that date, with its interval, as-of date and baseline; faded bars are "
        "more than 180 days old.",
        "scamstats plot compare deported --at 2025-12-31 -o deported.png",
        "compare",
        {"metric": "deported", "at": "2025-12-31"},
    ),
    Plot(
        "compare-repatriated-by-nationality",
        "Citizens brought home, by nationality",
        "Each nationality's latest repatriation total in each country, as of 31 December 2025.",
        "scamstats plot compare repatriated --by nationality --at 2025-12-31 -o repatriated.png",
        "compare",
        {"metric": "repatriated", "at": "2025-12-31", "by": "nationality"},
    ),
)


def render(ds: Dataset, plot: Plot) -> bytes:
    """Draw one gallery plot and return it as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    arguments = dict(plot.arguments)
    if plot.kind == "series":
        figure = ds.plot_series(arguments.pop("country"), arguments.pop("metric"), **arguments)
    elif plot.kind == "totals":
        figure = ds.plot_totals(arguments.pop("country"), arguments.pop("metric"), **arguments)
    else:
        figure = ds.plot_compare(arguments.pop("metric"), **arguments)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def gallery_markdown(ds: Dataset) -> str:
    """The gallery page; images are referenced as ``img/gallery/<name>.png``."""
    parts = [
        "# Gallery",
        "",
        f"Drawn from the bundled release (dataset version {ds.version}) when the documentation is built. "
        "Series draw one line per baseline and only totals (crosses mark single operations); dotted lines mark "
        "events from the events table; the band is the interval the qualifiers allow.",
        "",
    ]
    for plot in GALLERY:
        parts += [
            f"## {plot.title}",
            "",
            plot.caption,
            "",
            f"![{plot.title}](img/gallery/{plot.name}.png)",
            "",
            f"```bash\n{plot.command}\n```",
            "",
        ]
    return "\n".join(parts)
