"""The documentation gallery: plots of the major counters, drawn from the bundled data.

Each entry names a plot by the same arguments a user would pass to
:meth:`~scamstats.dataset.Dataset.plot_series` or
:meth:`~scamstats.dataset.Dataset.plot_compare`, so every picture can be
reproduced with one call or one ``scamstats plot`` command.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from .dataset import Dataset


@dataclass(frozen=True)
class Plot:
    """One gallery picture."""

    name: str
    title: str
    caption: str
    command: str
    kind: str  # "series" or "compare"
    arguments: dict[str, Any] = field(default_factory=dict)


GALLERY = (
    Plot(
        "khm-2025-campaign",
        "Cambodia's 2025 campaign: people arrested or detained",
        "The campaign counter as officials restated it, counted from the campaign's start; "
        "outlets say 'arrested' or 'detained' for the same total.",
        "scamstats plot series KHM arrested detained --baseline khm-2025-crackdown -o khm.png",
        "series",
        {"country": "KHM", "metric": ["arrested", "detained"], "baseline": "khm-2025-crackdown"},
    ),
    Plot(
        "khm-arrested",
        "Cambodia: people arrested",
        "Every whole-country arrest figure for Cambodia, whatever its baseline; new baselines and falls are marked.",
        "scamstats plot series KHM arrested -o khm-arrested.png",
        "series",
        {"country": "KHM", "metric": "arrested"},
    ),
    Plot(
        "khm-raided-sites",
        "Cambodia: sites raided",
        "Compounds and buildings raided, as reported on each date.",
        "scamstats plot series KHM raided_sites -o sites.png",
        "series",
        {"country": "KHM", "metric": "raided_sites"},
    ),
    Plot(
        "mmr-handed-over-chn",
        "Myanmar: Chinese nationals handed over to China",
        "Suspects handed over from Myanmar, as China's and Myanmar's authorities reported them.",
        "scamstats plot series MMR handed_over --nationality CHN -o mmr-chn.png",
        "series",
        {"country": "MMR", "metric": "handed_over", "nationality": "CHN"},
    ),
    Plot(
        "mmr-myawaddy",
        "Myanmar: foreigners detained and deported",
        "Myanmar's national counters of foreigners held and sent back since the 2025 Myawaddy operations.",
        "scamstats plot series MMR detained deported -o mmr.png",
        "series",
        {"country": "MMR", "metric": ["detained", "deported"]},
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
        "Each country's latest whole-country figure at that date, with its interval and as-of date.",
        "scamstats plot compare deported --at 2025-12-31 -o deported.png",
        "compare",
        {"metric": "deported", "at": "2025-12-31"},
    ),
)


def render(ds: Dataset, plot: Plot) -> bytes:
    """Draw one gallery plot and return it as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    arguments = dict(plot.arguments)
    if plot.kind == "series":
        figure = ds.plot_series(arguments.pop("country"), arguments.pop("metric"), **arguments)
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
        "Dotted lines mark events from the events table; the band is the interval the qualifiers allow.",
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
