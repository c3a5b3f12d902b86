"""Static SVG charts drawn by matplotlib's SVG backend (object API; no pyplot, no GUI).

Text stays text (`svg.fonttype = none`) in a generic sans-serif family, so the SVG needs no
font file and makes no request; matplotlib escapes every label. Math text is off, so a `$` in
an answer is just a dollar sign.
"""

import io
from collections.abc import Callable, Sequence

from matplotlib import rc_context
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from reports.format import number, short_rupiah

PALETTE = ("#1f5f8b", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#999999")
LABEL_CHARS = 38
NO_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
WIDTH = 7.0  # inches: fills an A4 text column and the 1280 px layout
BAR = 0.62  # bar thickness, in category units
_RC = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"],
    "font.size": 8.5,
    "text.parse_math": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#666666",
    "svg.image_inline": True,
}


def short(label: str, limit: int = LABEL_CHARS) -> str:
    """A label cut to fit beside a bar."""
    label = " ".join(str(label).split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _figure(rows: int, salt: str, panels: int = 1) -> tuple[Figure, list]:
    height = max(1.4, 0.28 * rows + 0.7)
    fig = Figure(figsize=(WIDTH, height))
    axes = fig.subplots(1, panels, squeeze=False)[0]
    fig.set_gid(salt)
    return fig, list(axes)


def _svg(fig: Figure, salt: str) -> str:
    buffer = io.StringIO()
    with rc_context({**_RC, "svg.hashsalt": salt}):
        FigureCanvasSVG(fig).print_svg(buffer, metadata=NO_METADATA)
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype: it is inlined in HTML


def _margin(fig: Figure, labels: Sequence[str], right: float = 0.97) -> None:
    longest = max((len(label) for label in labels), default=4)
    left = min(0.55, 0.035 + longest * 0.0105)
    fig.subplots_adjust(left=left, right=right, top=0.92, bottom=0.16, wspace=0.08)


def _categories(ax, labels: Sequence[str]) -> None:
    """Category names beside the bars, top to bottom. Plain texts, not tick labels: a tick
    is six artists, and charts are drawn on every report."""
    ax.set_yticks([])
    ax.set_ylim(len(labels) - 0.5, -0.5)
    to_axes = ax.get_yaxis_transform()
    for y, label in enumerate(labels):
        if label:  # a right-hand panel repeats no names
            ax.text(-0.012, y, label, transform=to_axes, ha="right", va="center")


def _bars(ax, lefts: Sequence[float], widths: Sequence[float], colour: str, name: str = ""):
    """One colour's horizontal bars as a single collection (far cheaper than a patch per bar),
    and a legend handle for it."""
    boxes = [[(x, y - BAR / 2), (x + w, y - BAR / 2), (x + w, y + BAR / 2), (x, y + BAR / 2)]
             for y, (x, w) in enumerate(zip(lefts, widths, strict=True)) if w]
    ax.add_collection(PolyCollection(boxes, facecolors=colour, edgecolors="none"),
                      autolim=False)
    return Patch(facecolor=colour, label=short(name, 28))


def _stack(ax, series: dict[str, Sequence[float]], count: int) -> tuple[list, list[float]]:
    """Stacked bars, one colour per series; the legend handles and each stack's total."""
    handles, start = [], [0.0] * count
    for colour, (name, values) in zip(_colours(len(series)), series.items(), strict=True):
        handles.append(_bars(ax, start, values, colour, name))
        start = [a + b for a, b in zip(start, values, strict=True)]
    return handles, start


def _totals(ax, totals: Sequence[float], fmt: Callable[[float], str]) -> None:
    """Each bar's value at its end; the axis leaves room for it."""
    top = max(totals, default=0) or 1
    for y, value in enumerate(totals):
        if value:
            ax.text(value + top * 0.01, y, fmt(value), va="center", fontsize=7.5)
    ax.set_xlim(0, top * 1.18)


def _axis(ax, fmt: Callable[[float], str], bins: int, integer: bool = True) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(nbins=bins, integer=integer))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt(v)))


def dimension_chart(labels: Sequence[str], series: dict[str, Sequence[float]],
                    costs: Sequence[float], *, titles: tuple[str, str], salt: str,
                    lang: str = "id") -> str:
    """Two panels: needs per dimension stacked by timeframe (total at the end), and cost."""
    with rc_context(_RC):
        names = [short(label, 24) for label in labels]
        fig, (left, right) = _figure(len(names) + 1, salt, panels=2)
        handles, totals = _stack(left, series, len(names))
        _totals(left, totals, lambda v: number(v, lang))
        _categories(left, names)
        _axis(left, lambda v: number(v, lang), 4)
        left.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0),
                    ncol=min(len(series), 3), frameon=False, fontsize=7.5)
        _bars(right, [0.0] * len(costs), costs, PALETTE[1])
        _totals(right, costs, lambda v: short_rupiah(v, lang))
        _categories(right, [""] * len(names))
        _axis(right, lambda v: short_rupiah(v, lang), 3, integer=False)
        left.set_title(titles[0], loc="left", fontsize=9, pad=20)
        right.set_title(titles[1], loc="left", fontsize=9, pad=20)
        _margin(fig, names)
        fig.subplots_adjust(top=0.78)
        return _svg(fig, salt)


def stacked_chart(labels: Sequence[str], series: dict[str, Sequence[float]], *, salt: str,
                  lang: str = "id", percent: bool = False) -> str:
    """Horizontal stacked bars (one stack per label, one colour per series) with a legend."""
    with rc_context(_RC):
        names = [short(label) for label in labels]
        fig, (ax,) = _figure(len(names) + 1, salt)
        handles, totals = _stack(ax, series, len(names))
        _categories(ax, names)
        if percent:
            ax.set_xlim(0, 1)
            _axis(ax, lambda v: f"{number(v * 100, lang)}%", 5, integer=False)
        else:
            _totals(ax, totals, lambda v: number(v, lang))
            _axis(ax, lambda v: number(v, lang), 5)
        # three per row: browsers may set the text a little wider than matplotlib measured it
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0),
                  ncol=min(len(series), 3), frameon=False, fontsize=7.5)
        _margin(fig, names)
        fig.subplots_adjust(top=0.8)
        return _svg(fig, salt)


def readiness_chart(aspects: Sequence[str], scores: Sequence[Sequence[float]],
                    averages: Sequence[float | None], *, salt: str, lang: str = "id",
                    average_label: str = "", range_label: str = "") -> str:
    """Per aspect: the range of the OPDs' scores (1–5) as a line, the regency average as a dot."""
    with rc_context(_RC):
        fig, (ax,) = _figure(len(aspects) + 2, salt)
        rows = [(y, min(s), max(s)) for y, s in enumerate(scores) if s]
        ax.hlines([y for y, _, _ in rows], [lo for _, lo, _ in rows], [hi for _, _, hi in rows],
                  colors="#9db9d3", linewidth=6, label=range_label)
        marks = [(a, y) for y, a in enumerate(averages) if a is not None]
        ax.scatter([a for a, _ in marks], [y for _, y in marks], marker="D", s=36,
                   color=PALETTE[5], zorder=3, label=average_label)
        for value, y in marks:
            ax.text(value, y - 0.32, number(value, lang, 2), ha="center", fontsize=7.5)
        _categories(ax, list(aspects))
        ax.set_xlim(0.8, 5.2)
        ax.set_xticks([1, 2, 3, 4, 5])
        if marks:
            ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False,
                      fontsize=7.5)
        _margin(fig, list(aspects))
        fig.subplots_adjust(top=0.78)
        return _svg(fig, salt)


def _colours(n: int) -> list[str]:
    return [PALETTE[i % len(PALETTE)] for i in range(n)]
