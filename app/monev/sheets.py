"""The workbook's monev and year-on-year sheets (columns and rows), from table.py/figures.py.

`Monev Program`: programmes by status and cost per dimension and OPD (totals in the footer);
`Monev Jangka`: the share of short- and medium-term programmes running or done;
`Perbandingan Tahunan`: key figures per OPD, last round, this round, change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from app.exports.flatten import Column
from app.exports.masterplan import MasterplanSpec
from app.exports.stage import SortedStage
from app.monev.figures import DEFAULT_FIGURES, key_figures, year_rows
from app.monev.source import AnnualInput
from app.monev.status import PROGRAMME_STATUSES, StatusFields, apply_updates
from app.monev.table import NO_STATUS, MonevRow, MonevTable

SHEET_NAMES = {"monev": "Monev Program", "monev_jangka": "Monev Jangka",
               "tahunan": "Perbandingan Tahunan"}
STATUS_COLUMNS = (*PROGRAMME_STATUSES, NO_STATUS)


class AnnualSheets:
    """Accumulates the submissions as they stream; lays the sheets out at the end. The
    monev rows of each OPD done are staged on disk (app/exports/stage.py)."""

    def __init__(self, spec: MasterplanSpec | None, fields: StatusFields | None,
                 annual: AnnualInput, repeats: dict[str, tuple[str, ...]],
                 t: Callable[..., str], labels: bool, form=None):
        self.t, self.labels, self.annual, self.repeats, self.form = t, labels, annual, repeats, form
        self.spec = spec
        self.table = MonevTable(spec, fields) if spec is not None and fields else None
        self.now: dict[str, tuple[str, dict]] = {}
        self._stage = SortedStage()  # the monev rows of the OPDs done

    def keys(self) -> list[str]:
        """The sheets this export has (monev needs a programme status; the comparison a
        previous round)."""
        keys = ["monev", "monev_jangka"] if self.table is not None else []
        return [*keys, "tahunan"] if self.annual.previous_name else keys

    def columns(self, key: str) -> list[Column]:
        return {"monev": self._monev_columns, "monev_jangka": self._term_columns,
                "tahunan": self._year_columns}[key]()

    def col(self, code: str, kind: str = "text", **params) -> Column:
        return Column(code, self.t(f"monev.col.{code}", **params), kind)

    def _monev_columns(self) -> list[Column]:
        counts = [Column(f"status/{code}", self.t(f"monev.status_{code}"), "integer")
                  for code in STATUS_COLUMNS]
        return [self.col("dimensi"), self.col("opd_code"), self.col("opd_name"), *counts,
                self.col("jumlah", "integer"), self.col("biaya_rencana", "money"),
                self.col("biaya_realisasi", "money"), self.col("persen_realisasi", "percent")]

    def _term_columns(self) -> list[Column]:
        return [self.col("jangka"), self.col("jumlah", "integer"),
                self.col("berjalan_selesai", "integer"), self.col("persen_berjalan", "percent")]

    def _year_columns(self) -> list[Column]:
        out = [self.col("opd_code"), self.col("opd_name")]
        for figure in DEFAULT_FIGURES:
            name = self.t(f"monev.figure.{figure.code}")
            out += [Column(f"{figure.code}/lalu", self.t("monev.col.last", name=name), "number"),
                    Column(f"{figure.code}/kini", self.t("monev.col.now", name=name), "number"),
                    Column(f"{figure.code}/ubah", self.t("monev.col.change", name=name),
                           "number")]
        return out

    def add(self, submission_id: int, opd_code: str, opd_name: str, answers: dict) -> None:
        """One resolved submission of the round."""
        if self.table is not None:
            updates = self.annual.updates.get(submission_id, [])
            self.table.add(opd_code, opd_name, apply_updates(self.form, answers, updates)
                           if updates else answers)
        if self.annual.previous_name:
            self.now[opd_code] = (opd_name, key_figures(answers, self.repeats))

    def done_opd(self, opd_code: str) -> None:
        """Stage the monev rows of an OPD whose submissions have all been added."""
        if self.table is not None:
            self._stage.add((self.table.sort_key(row), self._monev_row(row))
                            for row in self.table.take_opd(opd_code))

    def rows(self, key: str) -> Iterator[list]:
        if key == "monev":
            self._stage.add((self.table.sort_key(row), self._monev_row(row))
                            for row in self.table.rows())  # the OPDs not done yet
            yield from self._stage.rows()
        elif key == "monev_jangka":
            for term in self.table.terms():
                yield [self.t(f"monev.term.{term.term}"), term.total, term.running, term.share]
        elif key == "tahunan":
            for row in year_rows(self.annual.previous, self.now):
                values = [row.opd_code, row.opd_name]
                for figure in DEFAULT_FIGURES:
                    values += [row.last.get(figure.code), row.now.get(figure.code),
                               row.change(figure.code)]
                yield values

    def footer(self, key: str) -> list | None:
        """The totals row of the monev sheet."""
        if key != "monev":
            return None
        total = self.table.totals()
        return [*self._monev_row(total)[:3], *self._monev_row(total)[3:]]

    def _monev_row(self, row: MonevRow) -> list:
        dimension = self.spec.label("dimensi", row.dimension) if self.labels and row.dimension \
            else row.dimension or None
        if not row.opd_code:
            dimension = self.t("monev.total")
        share = row.realised / row.planned if row.planned else None
        return [dimension, row.opd_code or None, row.opd_name or None,
                *(row.counts.get(code, 0) for code in STATUS_COLUMNS), row.total,
                row.planned, row.realised, share]
