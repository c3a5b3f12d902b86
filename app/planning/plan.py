"""The programmes of a plan (pure): every need is a programme of its own unless a planner's
group brings it together with others (a shared-platform programme across OPDs); each carries
the planner's flags, roadmap and cost inputs, with defaults from its needs.

    plan = build_plan(PlanInput(years=(2025, …, 2029), needs=[Need…], programmes=[…]))
    plan.programmes  # in the needs' order, groups where their first member was
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.planning.rules import TERM_YEARS
from reports.inputs import Need

TERM_ORDER = ("pendek", "menengah", "panjang")


def need_code(need: Need) -> str:
    """The code of a need as a programme: its OPD and its stable row id."""
    return f"{need.opd_code}/{need.row_id}"


@dataclass(frozen=True)
class Node:
    """A misi, tujuan, sasaran or IKU."""

    kind: str
    code: str
    text: str
    parent_code: str | None = None
    unit: str = ""
    targets: dict[int, float] = field(default_factory=dict)
    example: bool = False


@dataclass(frozen=True)
class ProgrammeInput:
    """What the planner set for a programme (a need's code, or a group's own code)."""

    code: str
    name: str = ""
    members: tuple[str, ...] = ()
    owner_opd: str = ""
    prioritas: bool = False
    cepat_berdampak: bool = False
    start_year: int | None = None
    duration: int | None = None
    stage: str = ""
    predecessors: tuple[str, ...] = ()
    funding: str = ""
    budget_status: str = ""
    costs: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Alignment:
    programme_code: str
    node_code: str
    strength: str = "langsung"
    state: str = "accepted"


@dataclass
class PlanInput:
    """Everything a plan's builders read: plain data."""

    years: tuple[int, ...]
    needs: list[Need] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    programmes: list[ProgrammeInput] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)
    apbd: dict[int, float] = field(default_factory=dict)
    quick_wins: frozenset[str] = frozenset()
    """Need codes on today's quick-win shortlist (reports.builders.priority)."""


@dataclass(frozen=True)
class Programme:
    """A programme as the outputs see it (inputs applied, defaults filled)."""

    code: str
    name: str
    needs: tuple[str, ...]
    opds: tuple[str, ...]
    owner_opd: str
    dimensions: tuple[str, ...]
    term: str | None
    cost: float
    quick_win: bool
    prioritas: bool
    cepat_berdampak: bool
    start_year: int
    duration: int
    stage: str
    predecessors: tuple[str, ...]
    funding: str
    budget_status: str
    costs: dict[int, float]
    text: str
    """Name, problems and outputs: what suggestions compare."""
    is_group: bool = False

    @property
    def dimension(self) -> str:
        return self.dimensions[0] if self.dimensions else ""

    @property
    def end_year(self) -> int:
        return self.start_year + self.duration - 1


@dataclass
class Plan:
    years: tuple[int, ...]
    programmes: list[Programme]
    nodes: list[Node]
    alignments: list[Alignment]
    apbd: dict[int, float]
    unknown_members: list[str]
    """Group members that are no need of the round (removed since, or mistyped)."""

    def by_code(self) -> dict[str, Programme]:
        return {p.code: p for p in self.programmes}


def default_duration(term: str | None) -> int:
    """Short ≤ 1 year, medium ≤ 5, long ≤ 10; unknown: 1."""
    return TERM_YEARS.get(term or "", 1)


def build_plan(data: PlanInput) -> Plan:
    """The programmes of the plan, in the needs' order."""
    needs = {need_code(n): n for n in data.needs}
    inputs = {p.code: p for p in data.programmes}
    groups = [p for p in data.programmes if p.members]
    grouped = {m: g.code for g in groups for m in g.members if m in needs}
    unknown = [m for g in groups for m in g.members if m not in needs]
    first_year = data.years[0] if data.years else 0
    out, placed = [], set()
    for code, need in needs.items():
        owner = grouped.get(code)
        if owner is None:
            given = inputs.get(code, ProgrammeInput(code))
            out.append(_programme(given, [need], first_year, data.quick_wins, is_group=False))
        elif owner not in placed:
            placed.add(owner)
            group = inputs[owner]
            members = [needs[m] for m in group.members if m in needs]
            out.append(_programme(group, members, first_year, data.quick_wins, is_group=True))
    return Plan(data.years, out, data.nodes, data.alignments, data.apbd, unknown)


def _programme(given: ProgrammeInput, needs: list[Need], first_year: int,
               shortlist: frozenset[str], *, is_group: bool) -> Programme:
    terms = [n.timeframe for n in needs if n.timeframe in TERM_ORDER]
    term = max(terms, key=TERM_ORDER.index) if terms else None
    opds = tuple(dict.fromkeys(n.opd_code for n in needs))
    name = given.name or (needs[0].title if needs else given.code)
    explicit = {y: c for y, c in given.costs.items() if c}
    cost = sum(explicit.values()) if explicit else sum(n.cost or 0.0 for n in needs)
    text = " ".join([name, *(f"{n.title} {n.problem} {n.output}" for n in needs)])
    codes = tuple(need_code(n) for n in needs)
    return Programme(
        code=given.code, name=name, needs=codes, opds=opds,
        owner_opd=given.owner_opd or (opds[0] if opds else ""),
        dimensions=tuple(dict.fromkeys(n.dimension for n in needs if n.dimension)),
        term=term, cost=float(cost), quick_win=bool(set(codes) & shortlist),
        prioritas=given.prioritas,
        cepat_berdampak=given.cepat_berdampak, start_year=given.start_year or first_year,
        duration=given.duration or default_duration(term), stage=given.stage,
        predecessors=given.predecessors, funding=given.funding,
        budget_status=given.budget_status, costs=explicit, text=text, is_group=is_group)

