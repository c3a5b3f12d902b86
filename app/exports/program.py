"""The `Program Masterplan`, `Matriks Dimensi` and `Matriks Panjang` sheets: columns and rows
from masterplan.py (the long sheet is the matrix as OPD · dimension · element rows, for a pivot
table)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reports.frameworks import FrameworkView

from .flatten import Column
from .masterplan import UNMAPPED, DimensionMatrix, LongRow, MasterplanSpec, MatrixRow, ProgramItem
from .sinks.base import Chart
from .stage import SortedStage

PROGRAM_COLUMNS = (
    ("no", "integer"), ("dimensi", "text"), ("elemen", "text"), ("nama_program", "text"),
    ("permasalahan", "text"), ("output_indikator", "text"), ("opd_pj", "text"),
    ("opd_kind", "text"), ("opd_terkait", "text"), ("jangka", "text"),
    ("tahun_mulai", "integer"), ("biaya", "money"), ("sumber_dana", "text"),
    ("prioritas", "integer"), ("quick_win", "text"), ("status", "text"), ("opd_code", "text"),
    ("submission_id", "integer"), ("row_id", "text"),
)  # fmt: skip
LONG_COLUMNS = (
    ("opd_code", "text"), ("opd_name", "text"), ("dimensi", "text"), ("elemen", "text"),
    ("needs_total", "integer"), ("biaya", "money"),
)  # fmt: skip


class ProgramSheet:
    """Numbers the program rows as they stream; stages each OPD's matrix rows on disk when it
    is done (app/exports/stage.py) and lays the matrix out at the end."""

    def __init__(self, spec: MasterplanSpec, t: Callable[..., str], labels: bool,
                 view: FrameworkView):
        self.spec, self.t, self.labels, self.view = spec, t, labels, view
        self.columns = [Column(code, t(f"export.col.{code}"), kind)
                        for code, kind in PROGRAM_COLUMNS]
        self.long_columns = [Column(code, t(f"export.col.{code}"), kind)
                             for code, kind in LONG_COLUMNS]
        self.number = 0
        self._keys: list[tuple[str, str]] | None = None
        self._headers: dict[str, str] = {}
        self._wide, self._long = SortedStage(), SortedStage()

    def done_opd(self, matrix: DimensionMatrix, opd_code: str) -> None:
        """Stage the matrix rows of an OPD whose submissions have all been added."""
        taken = matrix.take_opd(opd_code)
        if taken is not None:
            row, long_rows = taken
            self._wide.add([((opd_code,), self.matrix_row(row))])
            self._long.add(((opd_code,), self.long_row(long)) for long in long_rows)

    def matrix_rows(self, matrix: DimensionMatrix) -> Iterator[list]:
        """Every OPD's row of the wide matrix, by OPD code."""
        for opd_code in [row.opd_code for row in matrix.rows()]:  # the OPDs not done yet
            self.done_opd(matrix, opd_code)
        return self._wide.rows()

    def long_rows(self) -> Iterator[list]:
        """Every row of the long matrix (after matrix_rows)."""
        return self._long.rows()

    def _code_label(self, prefix: str, code: str) -> str:
        return self.t(f"{prefix}{code}") if self.labels and code else code

    def shown(self, role: str, value: object) -> object:
        """A select role's value as a label (labels mode) or as its code."""
        if value is None or not self.labels:
            return "; ".join(value) if isinstance(value, list) else value
        return self.spec.label(role, value)

    def row(self, item: ProgramItem) -> list:
        """One row of the program table; `No` counts on across submissions."""
        self.number += 1
        output = " / ".join(str(v) for v in (item.output, item.indicator) if v) or None
        return [self.number, self.shown("dimensi", item.dimension),
                self.shown("elemen", item.element), item.name, item.problem, output,
                item.opd_name, self._code_label("opd.kind_", item.opd_kind) or None,
                item.related_opds, self.shown("jangka", item.term), item.start_year, item.cost,
                self.shown("sumber_dana", item.funding), item.priority,
                self.shown("quick_win", item.quick_win),
                self._code_label("export.status.", item.status) or None, item.opd_code,
                item.submission_id, item.row_id]

    def long_row(self, row: LongRow) -> list:
        """One row of the long matrix: OPD, dimension, element (of the chosen framework, as
        the wide matrix heads them), needs, cost."""
        headers = self._headers or dict(self.matrix_keys())
        return [row.opd.opd_code, row.opd.opd_name, headers.get(row.dimension, row.dimension),
                headers.get(row.element, row.element), row.needs, row.cost]

    def matrix_keys(self) -> list[tuple[str, str]]:
        """(code, header) of the chosen framework's dimensions, then of their elements, then
        of the needs it has no place for."""
        if self._keys is not None:
            return self._keys
        axes = self.view.axes
        codes = [*((a.code, a.label) for a in axes),
                 *(element for a in axes for element in a.elements),
                 (UNMAPPED, self.t("analysis.col.unmapped"))]
        self._keys = [(code, label if self.labels else code) for code, label in codes]
        self._headers = dict(self._keys)
        return self._keys

    def matrix_columns(self) -> list[Column]:
        """OPD, needs per dimension and element, total; then the same as cost in Rupiah."""
        keys = self.matrix_keys()
        needs = [Column(f"jumlah/{code}", header, "integer") for code, header in keys]
        cost = [Column(f"biaya/{code}", self.t("export.col.cost_of", name=header), "money")
                for code, header in keys]
        return [Column("opd_code", self.t("export.col.opd_code")),
                Column("opd_name", self.t("export.col.opd_name")), *needs,
                Column("jumlah", self.t("export.col.needs_total"), "integer"), *cost,
                Column("biaya", self.t("export.col.cost_total"), "money")]

    def matrix_row(self, row: MatrixRow) -> list:
        codes = [code for code, _ in self.matrix_keys()]
        return [row.opd_code, row.opd_name, *(row.needs.get(c, 0) for c in codes),
                row.total_needs, *(row.cost.get(c, 0.0) for c in codes), row.total_cost]

    def matrix_footer(self, matrix: DimensionMatrix) -> list:
        total = matrix.totals()
        values = self.matrix_row(total)
        values[0] = self.t("export.matrix.total")
        return values

    def chart(self) -> Chart:
        """Needs per dimension: the dimension columns of the header and the totals row."""
        count = len(self.view.axes)
        return Chart(self.t("export.chart.needs_per_dimension"), 2, 1 + max(count, 1))
