"""The roadmap as an SVG Gantt (matplotlib, the report's chart style): one bar per programme
over the plan's years, a programme with a predecessor problem in a warning colour."""

from collections.abc import Sequence

from matplotlib import rc_context
from matplotlib.ticker import FixedLocator

from reports.charts import _RC, PALETTE, _bars, _categories, _figure, _margin, _svg, short

WARNING = "#d55e00"


def gantt_chart(labels: Sequence[str], spans: Sequence[tuple[int, int]],
                years: Sequence[int], *, flagged: Sequence[bool] = (), salt: str) -> str:
    """`spans`: (first year, last year) of each programme, clipped to `years`."""
    if not years or not labels:
        return ""
    with rc_context(_RC):
        return _draw(labels, spans, years, list(flagged), salt)


def _draw(labels, spans, years, flagged: list[bool], salt: str) -> str:
    first, last = years[0], years[-1]
    names = [short(label) for label in labels]
    fig, (ax,) = _figure(len(names), salt)
    _margin(fig, names)
    height = fig.get_figheight()
    fig.subplots_adjust(top=1 - 0.4 / height, bottom=0.1 / height)  # inches: the year axis
    _categories(ax, names)
    flags = flagged or [False] * len(names)
    for colour, keep in ((PALETTE[0], False), (WARNING, True)):
        lefts, widths = [], []
        for (start, end), flag in zip(spans, flags, strict=True):
            lo, hi = max(start, first), min(end, last)
            on = flag == keep and hi >= lo
            lefts.append(lo if on else 0)
            widths.append(hi - lo + 1 if on else 0)
        _bars(ax, lefts, widths, colour)
    ax.set_xlim(first, last + 1)
    ax.xaxis.set_major_locator(FixedLocator([y + 0.5 for y in years]))
    ax.set_xticklabels([str(y) for y in years])
    ax.xaxis.set_ticks_position("top")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    for side in ("right", "bottom"):
        ax.spines[side].set_visible(False)
    return _svg(fig, salt)
