"""Kebutuhan per Dimensi: needs and estimated cost by dimension and element, timeframe and OPD."""

import math
from collections.abc import Iterable

from reports.builders.common import ref_of
from reports.inputs import TIMEFRAMES, Dimension, Need
from reports.results import (
    Cell,
    DimensionBlock,
    ElementRow,
    NeedsByDimension,
    OpdDimensionRow,
    OpdRef,
)

OTHER = "-"  # a need whose element is missing or not one of its dimension's three


def build_dimensions(dimensions: list[Dimension], needs: Iterable[Need],
                     refs: dict[str, OpdRef]) -> NeedsByDimension:
    """Count needs and add up cost per element, per dimension and per OPD × dimension."""
    blocks = [_empty_block(dim) for dim in dimensions]
    index = {block.code: (i, {row.code: row.cell for row in block.elements})
             for i, block in enumerate(blocks)}
    unclassified, total = Cell(), Cell()
    per_opd: dict[str, list[Cell]] = {}
    for need in needs:
        total.add(need.cost, need.timeframe)
        found = index.get(need.dimension or "")
        if found is None:
            unclassified.add(need.cost, need.timeframe)
            continue
        position, cells = found
        blocks[position].total.add(need.cost, need.timeframe)
        cell = cells.get(need.element or "") or _other_row(blocks[position], cells)
        cell.add(need.cost, need.timeframe)
        row = per_opd.setdefault(need.opd_code, [Cell() for _ in blocks])
        row[position].add(need.cost, need.timeframe)
    by_opd = _opd_rows(per_opd, refs)
    _shade([row.cell for block in blocks for row in block.elements])
    _shade([cell for row in by_opd for cell in row.cells])
    return NeedsByDimension(dimensions=blocks, unclassified=unclassified, total=total,
                            by_opd=by_opd, timeframes=list(TIMEFRAMES))


def _empty_block(dim: Dimension) -> DimensionBlock:
    rows = [ElementRow(el.code, el.label, Cell()) for el in dim.elements]
    return DimensionBlock(code=dim.code, label=dim.label, total=Cell(), elements=rows)


def _other_row(block: DimensionBlock, cells: dict[str, Cell]) -> Cell:
    if OTHER not in cells:
        cells[OTHER] = Cell()
        block.elements.append(ElementRow(OTHER, "", cells[OTHER]))
    return cells[OTHER]


def _opd_rows(per_opd: dict[str, list[Cell]], refs: dict[str, OpdRef]) -> list[OpdDimensionRow]:
    order = {code: i for i, code in enumerate(refs)}
    rows = []
    for code in sorted(per_opd, key=lambda c: (order.get(c, len(order)), c)):
        cells = per_opd[code]
        total = Cell(needs=sum(c.needs for c in cells), cost=sum(c.cost for c in cells))
        rows.append(OpdDimensionRow(opd=ref_of(refs, code), cells=cells, total=total))
    return rows


def _shade(cells: list[Cell]) -> None:
    """Heat level 1–5 in proportion to the largest count; 0 stays unshaded."""
    top = max((cell.needs for cell in cells), default=0)
    for cell in cells:
        cell.heat = math.ceil(5 * cell.needs / top) if top and cell.needs else 0
