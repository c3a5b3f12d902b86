"""Indicative costs (RAB, pure): each programme's cost per plan year (as the planner gave it,
else spread evenly over its years in whole Rupiah, the remainder in the last year), and the
summaries by year × dimension, year × funding source, per OPD, the quick-win subtotal and the
ratio to the APBD per year."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.planning.plan import Plan, Programme
from app.planning.rules import FUNDING_SOURCES

UNSET = ""
"""The key of programmes without a dimension or funding source."""


def spread(p: Programme) -> dict[int, float]:
    """Year -> cost of one programme (explicit, else even in whole Rupiah)."""
    if p.costs:
        return dict(sorted(p.costs.items()))
    if not p.cost or p.duration < 1:
        return {}
    whole = int(p.cost)
    each = whole // p.duration
    years = {p.start_year + k: float(each) for k in range(p.duration)}
    years[p.end_year] += whole - each * p.duration + (p.cost - whole)
    return years


@dataclass
class Line:
    """One row of a summary: the cost per plan year, its total and share of the grand total."""

    key: str
    years: dict[int, float] = field(default_factory=dict)
    programmes: int = 0
    total: float = 0.0
    share: float | None = None


@dataclass(frozen=True)
class CostTables:
    years: tuple[int, ...]
    per_programme: list[tuple[Programme, dict[int, float]]]
    by_dimension: list[Line]
    by_funding: list[Line]
    by_opd: list[Line]
    by_status: list[Line]
    total: Line
    quick_wins: Line
    apbd: dict[int, float]
    ratio: dict[int, float | None]
    """Plan cost in a year / the APBD that year (None without an APBD)."""
    outside: float
    """Cost falling in years outside the plan period (left out of the tables)."""


def _summary(rows: list[tuple[Programme, dict[int, float]]], years: tuple[int, ...],
             key: Callable[[Programme], str], order: tuple[str, ...], grand: float) -> list[Line]:
    lines: dict[str, Line] = {}
    for p, by_year in rows:
        line = lines.setdefault(key(p), Line(key(p)))
        line.programmes += 1
        for y in years:
            line.years[y] = line.years.get(y, 0.0) + by_year.get(y, 0.0)
    for line in lines.values():
        line.years = {y: line.years.get(y, 0.0) for y in years}
        line.total = sum(line.years.values())
        line.share = line.total / grand if grand else None
    rank = {k: i for i, k in enumerate(order)}
    return sorted(lines.values(), key=lambda x: (x.key == UNSET, rank.get(x.key, len(rank)),
                                                 x.key))


def build_costs(plan: Plan, dimension_order: tuple[str, ...] = ()) -> CostTables:
    """Every summary of the plan's costs over its years."""
    years = plan.years
    rows = [(p, spread(p)) for p in plan.programmes]
    inside = {y for y in years}
    outside = sum(c for _, by in rows for y, c in by.items() if y not in inside)
    grand = sum(c for _, by in rows for y, c in by.items() if y in inside)
    total = _summary(rows, years, lambda p: "total", (), grand)
    total = total[0] if total else Line("total", {y: 0.0 for y in years})
    quick = _summary([r for r in rows if r[0].quick_win], years, lambda p: "quick_win", (),
                     grand)
    quick = quick[0] if quick else Line("quick_win", {y: 0.0 for y in years}, share=0.0)
    ratio = {y: (total.years.get(y, 0.0) / plan.apbd[y]) if plan.apbd.get(y) else None
             for y in years}
    return CostTables(
        years, rows,
        by_dimension=_summary(rows, years, lambda p: p.dimension or UNSET, dimension_order,
                              grand),
        by_funding=_summary(rows, years, lambda p: p.funding or UNSET, FUNDING_SOURCES, grand),
        by_opd=_summary(rows, years, lambda p: p.owner_opd or UNSET, (), grand),
        by_status=_summary(rows, years, lambda p: p.budget_status or UNSET, (), grand),
        total=total, quick_wins=quick, apbd=dict(plan.apbd), ratio=ratio, outside=outside)
