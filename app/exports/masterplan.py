"""The master-plan view of the needs: program items and the OPD × dimension matrix (pure).

Which field plays which role is declared in the questionnaire (`instance::masterplan`,
surveys/README.md). The workbook's `Program Masterplan` and `Matriks Dimensi` sheets and the
HTML report are both built from these functions, so their totals are the same numbers:

    spec = masterplan_spec(plan, lang="id")          # None: no role declared
    matrix = DimensionMatrix(spec, view)              # view: app.frameworks.views
    for record in records:                            # SubmissionRecord, any order
        matrix.add_opd(record.opd_code, record.opd_name)
        for item in program_items(spec, record):
            matrix.add(item)
    matrix.rows(), matrix.totals()
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from reports.frameworks import FrameworkView, Placement

from .flatten import choice_labels, repeat_rows
from .plan import ExportPlan
from .records import SubmissionRecord

ROW_ID = "_id"


@dataclass(frozen=True)
class MasterplanSpec:
    """The needs repeat, role -> field name, and the dimension and element lists with labels."""

    repeat_path: tuple[str, ...]
    fields: dict[str, str]
    dimensions: list[tuple[str, str]]
    elements: list[tuple[str, str, str | None]]
    """(code, label, dimension code) of each element."""
    labels: dict[str, dict[str, str]]
    """Role -> choice code -> label, for the select roles."""

    def label(self, role: str, code: object) -> object:
        """The label of a choice code of a select role (the code itself when unknown)."""
        if isinstance(code, list):
            return "; ".join(str(self.labels.get(role, {}).get(c, c)) for c in code)
        return self.labels.get(role, {}).get(code, code) if isinstance(code, str) else code


@dataclass(frozen=True)
class ProgramItem:
    """One need as a program of the master plan (choice values are codes)."""

    opd_code: str
    opd_name: str
    submission_id: int
    row_id: str | None
    dimension: str | None
    element: str | None
    name: str | None
    problem: str | None
    output: str | None
    indicator: str | None
    related_opds: str | None
    term: str | None
    cost: float | None
    funding: object
    priority: object
    quick_win: str | None
    start_year: object = None
    opd_kind: str = ""
    status: str = ""


def masterplan_spec(plan: ExportPlan, *, lang: str = "id") -> MasterplanSpec | None:
    """The spec from the plan's declared roles; None when the questionnaire declares none."""
    roles = plan.roles()
    if not roles:
        return None
    default = plan.newest.form.default_language
    labels = {role: choice_labels(planned, lang, default)
              for role, planned in roles.items() if planned.choices}
    dimensions = list(labels.get("dimensi", {}).items())
    dimension_codes = {code for code, _ in dimensions}
    elements = []
    if "elemen" in roles:
        for choice in roles["elemen"].choices:
            parent = next((v for v in choice.filters.values() if v in dimension_codes), None)
            elements.append((choice.name, labels["elemen"][choice.name], parent))
    path = next(iter(roles.values())).repeat_path
    return MasterplanSpec(path, {role: p.name for role, p in roles.items()}, dimensions,
                          elements, labels)


# The roles in ProgramItem's field order, from `dimension` to `quick_win`.
ITEM_ROLES = ("dimensi", "elemen", "nama_program", "permasalahan", "output", "indikator",
              "opd_terkait", "jangka", "biaya", "sumber_dana", "prioritas", "quick_win",
              "tahun_mulai")
COST = ITEM_ROLES.index("biaya")


def program_items(spec: MasterplanSpec, record: SubmissionRecord) -> Iterator[ProgramItem]:
    """The needs of one submission as program items, in the order the OPD entered them."""
    names = tuple(spec.fields.get(role) for role in ITEM_ROLES)
    for found in repeat_rows(record.answers, spec.repeat_path):
        get = found.row.get
        values = [get(name) if name else None for name in names]
        cost = values[COST]
        is_number = isinstance(cost, int | float) and not isinstance(cost, bool)
        values[COST] = float(cost) if is_number else None
        yield ProgramItem(record.opd_code, record.opd_name, record.id, get(ROW_ID), *values,
                          opd_kind=record.opd_kind, status=record.status)


@dataclass
class MatrixRow:
    """Needs and estimated cost of one OPD (or the totals) per dimension and per element."""

    opd_code: str
    opd_name: str
    needs: dict[str, int] = field(default_factory=dict)
    cost: dict[str, float] = field(default_factory=dict)
    total_needs: int = 0
    total_cost: float = 0.0

    def add(self, keys: Iterable[str], cost: float) -> None:
        for key in keys:
            self.needs[key] = self.needs.get(key, 0) + 1
            self.cost[key] = self.cost.get(key, 0.0) + cost
        self.total_needs += 1
        self.total_cost += cost

    def merge(self, other: MatrixRow) -> None:
        """Add another row's numbers to this one."""
        for key, count in other.needs.items():
            self.needs[key] = self.needs.get(key, 0) + count
            self.cost[key] = self.cost.get(key, 0.0) + other.cost[key]
        self.total_needs += other.total_needs
        self.total_cost += other.total_cost


UNMAPPED = "tanpa_padanan"
"""Matrix key of the needs the chosen framework has no place for (listed, never dropped)."""


@dataclass(frozen=True)
class LongRow:
    """Needs and cost of one OPD in one dimension and element of the chosen framework."""

    opd: MatrixRow
    dimension: str | None
    element: str | None
    needs: int
    cost: float


class DimensionMatrix:
    """OPD × the chosen framework's dimensions and elements: needs and summed cost, totals.

    `view` places each need (reports.frameworks): under its own framework's nodes, or through
    the crosswalk under another's; a need with no place counts under UNMAPPED and is kept in
    `unmapped` for the list (unless `keep_unmapped` is off: the export writes them as they
    come). `take_opd` hands one OPD's rows out (the export stages them on disk) and keeps its
    numbers in the totals.
    """

    def __init__(self, spec: MasterplanSpec, view: FrameworkView, *, keep_unmapped: bool = True):
        self.spec, self.view = spec, view
        self._rows: dict[str, MatrixRow] = {}
        self._parent = {code: parent for code, _, parent in spec.elements}
        self.unmapped: list[tuple[ProgramItem, Placement]] = []
        self._keep_unmapped = keep_unmapped
        self._pairs: dict[tuple[str, str | None, str | None], list] = {}
        self._taken = MatrixRow("", "")
        self._axis_order: tuple[dict[str, int], dict[str, int]] | None = None

    def add_opd(self, code: str, name: str) -> None:
        """Give an OPD a row even when it entered no need."""
        self._rows.setdefault(code, MatrixRow(code, name))

    def add(self, item: ProgramItem) -> Placement:
        """Count one program item under the node(s) the view places it; where it went."""
        row = self._rows.setdefault(item.opd_code, MatrixRow(item.opd_code, item.opd_name))
        element = _code(item.element)
        dimension = _code(item.dimension) or self._parent.get(element or "")
        placement = self.view.place(dimension, element)
        if placement.mapped:
            keys = [k for k in (placement.dimension, placement.element) if k]
            pair = (item.opd_code, placement.dimension, placement.element)
        else:
            keys = [UNMAPPED]
            if self._keep_unmapped:
                self.unmapped.append((item, placement))
            pair = (item.opd_code, UNMAPPED, None)
        row.add(keys, item.cost or 0.0)
        tally = self._pairs.setdefault(pair, [0, 0.0])
        tally[0] += 1
        tally[1] += item.cost or 0.0
        return placement

    def _order(self, pair: tuple) -> tuple:
        """The long rows' order: OPD code, then the chosen framework's order of dimensions
        and elements (the needs it has no place for last)."""
        if self._axis_order is None:
            axes = self.view.axes
            self._axis_order = ({axis.code: i for i, axis in enumerate(axes)},
                                {code: i for i, (code, _) in enumerate(
                                    element for axis in axes for element in axis.elements)})
        dimensions, elements = self._axis_order
        last = len(dimensions) + len(elements)
        opd, dimension, element = pair
        return (opd, dimensions.get(dimension, last), elements.get(element, last),
                dimension or "", element or "")

    def take_opd(self, code: str) -> tuple[MatrixRow, list[LongRow]] | None:
        """One OPD's row and long rows (in long_rows' order), taken out; the totals keep
        them."""
        row = self._rows.pop(code, None)
        if row is None:
            return None
        self._taken.merge(row)
        pairs = sorted((pair for pair in self._pairs if pair[0] == code), key=self._order)
        return row, [LongRow(row, pair[1], pair[2], *self._pairs.pop(pair)) for pair in pairs]

    def long_rows(self) -> list[LongRow]:
        """One row per OPD, dimension and element that has needs (the pivot-ready form),
        by OPD code, then in the chosen framework's order of dimensions and elements (the
        needs it has no place for last)."""
        return [LongRow(self._rows[pair[0]], pair[1], pair[2], *self._pairs[pair])
                for pair in sorted(self._pairs, key=self._order)]

    def rows(self) -> list[MatrixRow]:
        """One row per OPD, by OPD code."""
        return [self._rows[code] for code in sorted(self._rows)]

    def totals(self) -> MatrixRow:
        """The sum over every OPD."""
        total = MatrixRow("", "")
        for row in (self._taken, *self._rows.values()):
            total.merge(row)
        return total


def _code(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
