"""The report under a chosen framework: the needs placed through the crosswalk, the chosen
framework's dimensions as the axes, and the needs it has no place for, listed.

Uses the same FrameworkView.place as the workbook's Matriks Dimensi, so the heat map, the
priority scores and the matrix count the same needs under the same nodes.
"""

from __future__ import annotations

from collections.abc import Sequence

from reports.builders.common import ref_of
from reports.columns import Rows
from reports.frameworks import FrameworkView
from reports.inputs import Dimension, Element, Need
from reports.results import FrameworkSection, OpdRef, UnmappedNeed


def reframe(view: FrameworkView, dimensions: list[Dimension], needs: Sequence[Need],
            refs: dict[str, OpdRef]) -> tuple[list[Dimension], Rows[Need], FrameworkSection]:
    """The chosen framework's axes, the needs with their placed codes, and the section.

    The placed needs share every column but the dimension and element with `needs`.
    """
    axes = [Dimension(a.code, a.label, tuple(Element(c, lab) for c, lab in a.elements))
            for a in view.axes]
    dim_labels = {d.code: d.label for d in dimensions}
    el_labels = {e.code: e.label for d in dimensions for e in d.elements}
    rows = needs if isinstance(needs, Rows) else Rows(Need, needs)
    places = [view.place(dimension, element) for dimension, element
              in zip(rows.column("dimension"), rows.column("element"), strict=True)]
    placed = rows.replace(dimension=(where.dimension for where in places),
                          element=(where.element for where in places))
    unmapped = []
    for index, where in enumerate(places):
        if not where.mapped:
            need = rows[index]
            unmapped.append(UnmappedNeed(
                ref_of(refs, need.opd_code), need.title,
                dim_labels.get(need.dimension or "", ""), el_labels.get(need.element or "", ""),
                need.cost, [view.label(code) for code in where.related]))
    section = FrameworkSection(view.info, unmapped, sum(n.cost or 0.0 for n in unmapped))
    return axes, placed, section
