"""Kebutuhan per Dimensi: needs and estimated cost by dimension and element, timeframe and OPD."""

import math
from array import array
from collections.abc import Iterable, Sequence
from functools import partial

from reports.builders.common import ref_of
from reports.columns import Mapped
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
    per_opd = _OpdCells(len(blocks))
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
        per_opd.add(need.opd_code, position, need.cost, need.timeframe)
    _shade([row.cell for block in blocks for row in block.elements])
    by_opd = per_opd.rows(refs)
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


class _OpdCells:
    """The OPD × dimension cells in arrays while the needs stream (5,000 OPDs make 30,000
    cells); the rows are made when read, shaded against the largest cell."""

    def __init__(self, blocks: int):
        self.blocks, self.opds = blocks, {}  # OPD code -> its row's first cell
        self.needs, self.cost = array("q"), array("d")
        self.keys: dict[str, array] = {}  # timeframe -> its count in every cell
        self.orders: list[tuple[str, ...]] = [()]  # a cell's timeframes in first-seen order
        self.order = array("H")

    def add(self, opd_code: str, position: int, cost: float | None,
            timeframe: str | None) -> None:
        if opd_code not in self.opds:
            self.opds[opd_code] = len(self.needs)
            for counts in (self.needs, self.order, *self.keys.values()):
                counts.extend([0] * self.blocks)
            self.cost.extend([0.0] * self.blocks)
        i = self.opds[opd_code] + position
        self.needs[i] += 1
        self.cost[i] += cost or 0.0  # as Cell.add adds
        key = timeframe or "-"
        if key not in self.keys:
            self.keys[key] = array("q", [0] * len(self.needs))
        self.keys[key][i] += 1
        order = self.orders[self.order[i]]
        if key not in order:
            self.order[i] = self._order_index((*order, key))

    def _order_index(self, order: tuple[str, ...]) -> int:
        if order not in self.orders:
            self.orders.append(order)
        return self.orders.index(order)

    def rows(self, refs: dict[str, OpdRef]) -> Sequence[OpdDimensionRow]:
        order = {code: i for i, code in enumerate(refs)}
        codes = sorted(self.opds, key=lambda c: (order.get(c, len(order)), c))
        top = max(self.needs, default=0)
        return Mapped(partial(self._row, refs, top), codes)

    def _row(self, refs: dict[str, OpdRef], top: int, code: str) -> OpdDimensionRow:
        start = self.opds[code]
        cells = [self._cell(i, top) for i in range(start, start + self.blocks)]
        total = Cell(needs=sum(c.needs for c in cells), cost=sum(c.cost for c in cells))
        return OpdDimensionRow(opd=ref_of(refs, code), cells=cells, total=total)

    def _cell(self, i: int, top: int) -> Cell:
        needs = self.needs[i]
        return Cell(needs=needs, cost=self.cost[i],
                    timeframes={key: self.keys[key][i] for key in self.orders[self.order[i]]},
                    heat=math.ceil(5 * needs / top) if top and needs else 0)


def _shade(cells: list[Cell]) -> None:
    """Heat level 1–5 in proportion to the largest count; 0 stays unshaded."""
    top = max((cell.needs for cell in cells), default=0)
    for cell in cells:
        cell.heat = math.ceil(5 * cell.needs / top) if top and cell.needs else 0
