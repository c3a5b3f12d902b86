"""Chapter 11 of the PDF report, Perencanaan Masterplan: the plan's tables and the roadmap's
Gantt, as reports/templates/planning.html shows them (present only when the round has a plan),
on landscape pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reports.pdf import blocks as b
from reports.text import shown

if TYPE_CHECKING:
    from reports.pdf.writer import Writer
    from reports.results import PlanTable

FLAGGED = {"fill": "#fce4d6", "color": "#7a2e00", "bold": True}
"""The last cell of a flagged row, as report.css marks `tr.flagged`."""
SMALL = 7.0
"""Text size (pt) of a table with more than seven columns (the matrix, the roadmap)."""


def planning(w: Writer, number: int) -> list[dict]:
    _, pl = w._, w.r.planning
    note = _("rpt.planning_note", regency=shown(pl.regency))
    if pl.example:
        note += " " + _("rpt.planning_example")
    out = [b.heading(f"{number}. {_('rpt.s.planning')}"), b.para(note, note=True)]
    if pl.chart:
        out.append(b.figure(pl.chart, _("rpt.fig.roadmap")))
    for t in pl.tables:
        out += [b.heading(shown(t.title), 3), _table(w, t)]
    return [b.landscape(out)]  # the matrix and the roadmap have a dozen columns


def _table(w: Writer, t: PlanTable) -> dict:
    rows = []
    for index, row in enumerate(t.rows):
        cells = [_value(w, v, k) for v, k in zip(row, t.kinds, strict=False)]
        if cells and index < len(t.flagged) and t.flagged[index]:
            cells[-1] = b.cell(cells[-1], **FLAGGED)
        rows.append(cells)
    rows = rows or [["–", *([""] * (len(t.headers) - 1))]]
    bold = []
    if t.footer:
        bold.append(len(rows))
        rows.append([_value(w, v, k) for v, k in zip(t.footer, t.kinds, strict=False)])
    align = "".join("l" if k == "text" else "r" for k in t.kinds)
    headers = [shown(h) for h in t.headers]
    return b.table(headers, rows, align, _widths(headers, rows), bold,
                   SMALL if len(headers) > 7 else None)


def _widths(headers: list[str], rows: list[list]) -> list[float]:
    """Each column as wide as its longest word (an id does not break), within limits."""
    def longest(value: object) -> int:
        text = value["t"] if isinstance(value, dict) else str(value or "")
        return max((len(word) for word in text.split()), default=0)

    return [min(max(longest(h), *(longest(r[i]) for r in rows if i < len(r)), 5), 40) + 2
            for i, h in enumerate(headers)]  # + 2: the cell's inset


def _value(w: Writer, value: object, kind: str) -> str:
    """One cell as planning.html's plan_cell macro writes it."""
    if value is None or value == "":
        return ""
    if kind == "money":
        return w.rp(value)
    if kind in ("percent", "ratio"):
        return w.pct(value)
    return shown(value)
