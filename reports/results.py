"""The typed result of the builders: what the templates render and the JSON twin returns.

Fields named `chart` hold inline SVG; they are left out of the JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from reports.inputs import RoundInfo

if TYPE_CHECKING:
    from reports.applications import Rationalisation
    from reports.frameworks import FrameworkInfo
    from reports.satudata import SatuData
    from reports.spbe import Spbe


@dataclass(frozen=True, slots=True)  # one per OPD: no __dict__ each
class OpdRef:
    """An OPD as tables show it, with the anchor of its profile."""

    code: str
    name: str
    anchor: str


@dataclass(frozen=True, slots=True)
class LateOpd:
    opd: OpdRef
    state: str
    deadline: datetime | None
    days_late: int


@dataclass(frozen=True)
class Summary:
    """Ringkasan: how far the round has come."""

    asked: int
    started: int
    submitted: int
    """Submitted or approved."""
    approved: int
    by_state: dict[str, int]
    included: int
    """Submissions that pass the status filter and feed every other section."""
    late: list[LateOpd]
    submitted_late: int
    total_needs: int
    total_cost: float
    left_out: tuple[str, ...] = ()
    """OPDs whose submission could not be read and is counted nowhere (see Masalah)."""


@dataclass(slots=True)
class Cell:
    """Needs and estimated cost in one cell of a table, split by timeframe."""

    needs: int = 0
    cost: float = 0.0
    timeframes: dict[str, int] = field(default_factory=dict)
    heat: int = 0
    """0–5: the cell's shade in the heat-map (share of the largest cell)."""

    def add(self, cost: float | None, timeframe: str | None) -> None:
        self.needs += 1
        self.cost += cost or 0.0
        key = timeframe or "-"
        self.timeframes[key] = self.timeframes.get(key, 0) + 1


@dataclass(frozen=True, slots=True)
class ElementRow:
    code: str
    label: str
    cell: Cell


@dataclass(frozen=True)
class DimensionBlock:
    code: str
    label: str
    total: Cell
    elements: list[ElementRow]


@dataclass(frozen=True, slots=True)
class OpdDimensionRow:
    opd: OpdRef
    cells: list[Cell]
    """One per dimension, in the order of `NeedsByDimension.dimensions`."""
    total: Cell


@dataclass(frozen=True)
class NeedsByDimension:
    """Kebutuhan per Dimensi: the heat-map, the timeframes, the OPDs."""

    dimensions: list[DimensionBlock]
    unclassified: Cell
    total: Cell
    by_opd: Sequence[OpdDimensionRow]
    """Made when read (reports.builders.dimensions)."""
    timeframes: list[str]
    chart: str = ""


@dataclass(frozen=True, slots=True)
class RankedNeed:
    rank: int
    score: float
    parts: dict[str, float]
    """Criterion -> its 0–1 value before weighting."""
    opd: OpdRef
    title: str
    dimension: str
    element: str
    timeframe: str
    cost: float | None
    beneficiaries: int | None
    priority: int | None
    quick_win_proposed: bool


@dataclass(frozen=True)
class Priority:
    """Prioritas: the weights, the formula, the ranking and the quick-win shortlist."""

    weights: dict[str, float]
    ranked: list[RankedNeed]
    """The top of the ranking (the whole list is in the workbook)."""
    total_ranked: int
    quick_wins: list[RankedNeed]
    quick_win_min_score: float
    quick_wins_per_dimension: int


@dataclass(frozen=True)
class NeedGroup:
    """Similar needs raised by several OPDs: a candidate for one shared platform."""

    title: str
    titles: list[str]
    dimension: str
    element: str
    opds: list[OpdRef]
    """The first OPDs (by name); `opd_count` says how many there are."""
    opd_count: int
    needs: int
    cost: float
    national_app: int
    """How many of the needs say a national shared application already exists."""


@dataclass(frozen=True)
class AppGroup:
    """Existing applications of the same kind run by several OPDs."""

    name: str
    names: list[str]
    opds: list[OpdRef]
    opd_count: int
    apps: int
    kinds: dict[str, int]


@dataclass(frozen=True)
class CrossOpd:
    """Kebutuhan lintas OPD."""

    threshold: int
    need_groups: list[NeedGroup]
    app_groups: list[AppGroup]
    capped_blocks: int
    """Blocks too large for pairwise matching, grouped by identical normalised text only."""


@dataclass(frozen=True, slots=True)
class ReadinessRow:
    opd: OpdRef
    struktur: float | None
    infrastruktur: float | None
    suprastruktur: float | None
    mean: float | None


@dataclass(frozen=True)
class ReadinessSection:
    """Kesiapan: per OPD and the regency average."""

    rows: list[ReadinessRow]
    average: ReadinessRow | None
    respondents: int
    chart: str = ""


@dataclass(frozen=True)
class ChoiceCount:
    code: str
    label: str
    count: int
    share: float


@dataclass(frozen=True)
class NumberStats:
    count: int
    minimum: float
    median: float
    mean: float
    maximum: float


@dataclass(frozen=True)
class QuestionSummary:
    name: str
    label: str
    type: str
    unit: str
    """"respondent" or the repeat group's name (one answer per row)."""
    total: int
    answered: int
    not_answered: int
    not_applicable: int
    choices: list[ChoiceCount] | None = None
    numbers: NumberStats | None = None


@dataclass(frozen=True)
class QuestionSection:
    label: str
    questions: list[QuestionSummary]
    chart: str = ""


@dataclass(frozen=True, slots=True)
class OpdProfile:
    """Profil OPD: one short section per OPD."""

    opd: OpdRef
    kind: str
    state: str
    submitted_at: datetime | None
    approved_at: datetime | None
    needs: int
    cost: float
    dimensions: list[str]
    top_needs: list[str]
    quick_wins: int
    readiness: ReadinessRow | None
    applications: int
    long_texts: list[str] = field(default_factory=list)
    """The titles of its other needs that the tables cut (reports/text.py), in full."""


@dataclass(frozen=True)
class UnmappedNeed:
    """A need the chosen framework has no place for."""

    opd: OpdRef
    title: str
    dimension: str
    """Its dimension and element in its own questionnaire's labels."""
    element: str
    cost: float | None
    suggested: list[str]
    """Labels of the chosen framework's nodes linked to it only as `related`."""


@dataclass(frozen=True)
class FrameworkSection:
    """Which framework the report used, and what did not fit it."""

    info: FrameworkInfo
    unmapped: list[UnmappedNeed]
    unmapped_cost: float


@dataclass(frozen=True)
class PlanTable:
    """One table of the round's plan, labelled by the app (app/planning/tables.py)."""

    title: str
    headers: tuple[str, ...]
    kinds: tuple[str, ...]
    """text, integer, money, percent, ratio or mark (a roadmap year)."""
    rows: list[list]
    footer: list | None = None
    flagged: list[bool] = field(default_factory=list)


@dataclass(frozen=True)
class PlanningSection:
    """The master plan's tables: RPJMD alignment, roadmap (with its Gantt) and costs."""

    regency: str
    example: bool
    tables: list[PlanTable]
    chart: str = ""


@dataclass(frozen=True)
class Report:
    """The whole report."""

    round: RoundInfo
    lang: str
    summary: Summary
    dimensions: NeedsByDimension
    priority: Priority
    cross_opd: CrossOpd
    readiness: ReadinessSection
    questions: list[QuestionSection]
    profiles: list[OpdProfile]
    framework: FrameworkSection | None = None
    """The framework the dimensions, heat map and priorities are shown under."""
    spbe: Spbe | None = None
    applications: Rationalisation | None = None
    satu_data: SatuData | None = None
    planning: PlanningSection | None = None
    """Added by the app when the round has a plan (app/planning/report.py)."""
