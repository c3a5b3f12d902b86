"""The roadmap (pure): each programme's years over the plan (a Gantt), and the predecessor
check (a predecessor starts before the programme it leads to)."""

from __future__ import annotations

from dataclasses import dataclass

from app.planning.plan import Plan, Programme


@dataclass(frozen=True)
class GanttRow:
    programme: Programme
    active: tuple[bool, ...]
    """One flag per plan year."""
    before: bool
    after: bool
    """It starts before / runs past the plan's years."""


@dataclass(frozen=True)
class OrderProblem:
    """A predecessor that is unknown, the programme itself, or does not start first."""

    programme_code: str
    predecessor_code: str
    kind: str
    """unknown, self or not_first."""
    programme_start: int
    predecessor_start: int | None


@dataclass(frozen=True)
class Roadmap:
    years: tuple[int, ...]
    rows: list[GanttRow]
    problems: list[OrderProblem]


def build_roadmap(plan: Plan) -> Roadmap:
    """The Gantt rows, ordered by start year, then the plan's order; and the order problems."""
    first = plan.years[0] if plan.years else 0
    last = plan.years[-1] if plan.years else -1
    order = sorted(range(len(plan.programmes)),
                   key=lambda i: (plan.programmes[i].start_year, i))
    rows = []
    for i in order:
        p = plan.programmes[i]
        active = tuple(p.start_year <= y <= p.end_year for y in plan.years)
        rows.append(GanttRow(p, active, p.start_year < first, p.end_year > last))
    return Roadmap(plan.years, rows, predecessor_problems(plan.programmes))


def predecessor_problems(programmes: list[Programme]) -> list[OrderProblem]:
    """Each predecessor must be a programme of the plan that starts in an earlier year."""
    starts = {p.code: p.start_year for p in programmes}
    problems = []
    for p in programmes:
        for code in p.predecessors:
            if code == p.code:
                kind, start = "self", p.start_year
            elif code not in starts:
                kind, start = "unknown", None
            elif starts[code] >= p.start_year:
                kind, start = "not_first", starts[code]
            else:
                continue
            problems.append(OrderProblem(p.code, code, kind, p.start_year, start))
    return problems
