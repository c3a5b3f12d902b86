"""The workbook layout: which sheets, in which order, with which columns, and each row's values.

Pure: built from the plan, the options and a translator. Sheet names are Bahasa Indonesia
whatever the language of the headers, so a planner's formulas and macros keep working.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from app import clock
from app.analyses import sheets as analysis_sheets
from app.analyses.build import analysis_input
from app.analyses.context import AnalysisContext
from app.analyses.sheets import SheetRows
from app.analyses.streaming import WorkbookCollector
from app.frameworks.views import framework_view
from app.monev.sheets import SHEET_NAMES as ANNUAL_SHEETS
from app.monev.sheets import AnnualSheets
from app.monev.source import AnnualInput, repeat_paths
from app.monev.status import status_fields
from app.questionnaires.schema import text_in

from .applicable import NotApplicable, frames_at
from .flatten import Column, RepeatRow, TableFlattener, repeat_rows
from .hygiene import clean_sheet_name, unique_headers
from .masterplan import DimensionMatrix, masterplan_spec, program_items
from .options import ExportOptions
from .plan import ExportPlan, Table
from .program import ProgramSheet
from .records import StatusRecord, SubmissionRecord
from .sinks.base import PrintSetup, SheetSpec

Translator = Callable[..., str]
SHEET_NAMES = {"info": "Info", "status": "Status Pengisian", "isian": "Isian",
               "program": "Program Masterplan", "matriks": "Matriks Dimensi",
               "matriks_panjang": "Matriks Panjang", "kamus": "Kamus Data",
               "masalah": "Masalah"}


def repeat_key(table: Table) -> str:
    """The sheet key of a repeat table."""
    return f"repeat.{table.key}"


class Layout:
    """Sheets and row builders of one export."""

    def __init__(self, plan: ExportPlan, options: ExportOptions, t: Translator, *,
                 timezone: str = "Asia/Makassar", problems: bool = False, title: str = "",
                 context: AnalysisContext | None = None,
                 annual: AnnualInput | None = None):
        self.plan, self.options, self.t = plan, options, t
        self.context = context or AnalysisContext()
        self.print = PrintSetup(title, t("export.print.page"))
        self.zone = ZoneInfo(timezone)
        self.zone_name = "WITA" if timezone == "Asia/Makassar" else timezone
        default = plan.newest.form.default_language
        flatten = {"labels": options.labels, "lang": options.lang, "default_lang": default}
        self.main = TableFlattener(plan.tables[0], **flatten)
        self.repeats = [(table, TableFlattener(table, **flatten)) for table in plan.tables[1:]]
        spec = masterplan_spec(plan, lang=options.lang)
        self.masterplan = spec
        self.view = framework_view(plan, spec, self.context.registry,
                                   target=self.context.framework,
                                   lang=options.lang) if spec else None
        self.matrix = DimensionMatrix(spec, self.view, keep_unmapped=False) if spec else None
        self.program = ProgramSheet(spec, t, options.labels, self.view) if spec else None
        self._unmapped_labels = analysis_sheets.unmapped_labels(spec) if spec else None
        self._opd: str | None = None  # the OPD whose summary rows are still in memory
        self.collector = WorkbookCollector(plan, spec, options.lang, self.context.walidata)
        self.na = NotApplicable(plan, t("export.not_applicable"), clock.local_today(timezone)) \
            if options.mark_na else None
        newest = plan.newest.form
        self.annual = AnnualSheets(spec, status_fields(newest), annual or AnnualInput(),
                                   repeat_paths(newest), t, options.labels, form=newest)
        self.sheets = self._sheets(problems)
        self.by_key = {sheet.key: sheet for sheet in self.sheets}

    # -- sheets ---------------------------------------------------------------------------

    def col(self, code: str, kind: str = "text", **params) -> Column:
        """A fixed column with its header from the catalogue."""
        return Column(code, self.t(f"export.col.{code}", **params), kind)

    def _sheets(self, problems: bool) -> list[SheetSpec]:
        taken: set[str] = set()
        sheets = [self._info(), self._status(), self._main()]
        sheets += [self._repeat(table, flattener) for table, flattener in self.repeats]
        if self.program is not None:
            sheets += [self._spec("program", self.program.columns, freeze_cols=4),
                       self._spec("matriks", self.program.matrix_columns(), freeze_cols=2),
                       self._spec("matriks_panjang", self.program.long_columns, freeze_cols=2)]
        sheets += [self._spec(key, analysis_sheets.columns(spec, self.t), name=name,
                              table=key != "spbe_indeks", freeze_cols=2)
                   for key, name, spec in analysis_sheets.sheet_specs(self.plan,
                                                                       self.program is not None)]
        sheets += [self._spec(key, self.annual.columns(key), name=ANNUAL_SHEETS[key],
                              freeze_cols=2) for key in self.annual.keys()]
        sheets.append(self._codebook())
        self._problems_sheet = self._problems()
        for sheet in [*sheets, self._problems_sheet]:
            sheet.name = clean_sheet_name(sheet.name, taken)
        return [*sheets, self._problems_sheet] if problems else sheets

    def add_problems_sheet(self) -> SheetSpec:
        """The `Masalah` sheet, for a submission found unusable while streaming (it comes
        last, where it would be had it been known up front)."""
        if "masalah" not in self.by_key:
            self.sheets.append(self._problems_sheet)
            self.by_key["masalah"] = self._problems_sheet
        return self._problems_sheet

    def _spec(self, key: str, columns: list[Column], *, name: str | None = None,
              table: bool = True, freeze_cols: int = 0) -> SheetSpec:
        headers = unique_headers([column.header for column in columns])
        return SheetSpec(key, name or SHEET_NAMES[key], columns, table=table,
                         freeze_cols=freeze_cols, headers=headers, print=self.print)

    def _info(self) -> SheetSpec:
        return self._spec("info", [self.col("item"), self.col("value")], table=False)

    def _status(self) -> SheetSpec:
        zone = self.zone_name
        columns = [self.col("opd_code"), self.col("opd_name"), self.col("opd_kind"),
                   self.col("status"), self.col("submitted_at", "datetime", zone=zone),
                   self.col("approved_at", "datetime", zone=zone), self.col("officer"),
                   self.col("completion", "percent")]
        return self._spec("status", columns, freeze_cols=2)

    def main_columns(self) -> list[Column]:
        zone = self.zone_name
        return [self.col("opd_code"), self.col("opd_name"), self.col("opd_kind"),
                *self.main.columns, self.col("submission_id", "integer"), self.col("status"),
                self.col("version"), self.col("created_at", "datetime", zone=zone),
                self.col("submitted_at", "datetime", zone=zone),
                self.col("updated_at", "datetime", zone=zone)]

    def _main(self) -> SheetSpec:
        return self._spec("isian", self.main_columns(), freeze_cols=2)

    def repeat_columns(self, table: Table, flattener: TableFlattener) -> list[Column]:
        keys = [self.col("opd_code"), self.col("opd_name"),
                self.col("submission_id", "integer"), self.col("row_id")]
        if len(table.repeat_path) > 1:
            keys.append(self.col("parent_row_id"))
        return [*keys, self.col("position", "integer"), *flattener.columns]

    def _repeat(self, table: Table, flattener: TableFlattener) -> SheetSpec:
        name = text_in(table.label, "id", self.plan.newest.form.default_language) or table.key
        return self._spec(repeat_key(table), self.repeat_columns(table, flattener),
                          name=name, freeze_cols=2)

    def codebook_columns(self) -> list[Column]:
        return [self.col(code) for code in ("sheet", "column", "header", "label_id", "label_en",
                                            "type", "choices", "section", "first_version",
                                            "applies_when")]

    def _codebook(self) -> SheetSpec:
        return self._spec("kamus", self.codebook_columns())

    def _problems(self) -> SheetSpec:
        columns = [self.col("submission_id", "integer"), self.col("opd_code"),
                   self.col("opd_name"), self.col("status"),
                   self.col("questionnaire_id", "integer"), self.col("problem"),
                   self.col("answers")]
        return self._spec("masalah", columns)

    # -- rows -----------------------------------------------------------------------------

    def local(self, when: datetime | None) -> datetime | None:
        """An aware time in the regency's zone (the workbook drops the offset: Excel cells
        have no time zone; the JSON keeps it)."""
        return when.astimezone(self.zone) if when else None

    def status_label(self, status: str | None) -> str:
        code = status or "not_started"
        return self.t(f"export.status.{code}") if self.options.labels else code

    def kind_label(self, kind: str) -> str:
        return self.t(f"opd.kind_{kind}") if self.options.labels else kind

    def status_row(self, s: StatusRecord) -> list:
        return [s.opd_code, s.opd_name, self.kind_label(s.opd_kind), self.status_label(s.status),
                self.local(s.submitted_at), self.local(s.approved_at), s.officer or None,
                s.completion]

    def rows_of(self, record: SubmissionRecord) -> Iterator[tuple[str, list]]:
        """Every row one resolved submission gives: main, repeats, program items, needs the
        chosen framework has no place for, datasets. The submissions come by OPD code, so
        when another OPD starts, the summary rows of the one before are staged on disk."""
        if record.opd_code != self._opd:
            self.done_opd()
            self._opd = record.opd_code
        main = [record.opd_code, record.opd_name, self.kind_label(record.opd_kind),
                *self.main.values(record.answers), record.id, self.status_label(record.status),
                record.version, self.local(record.created_at), self.local(record.submitted_at),
                self.local(record.updated_at)]
        if self.na is not None:
            self.na.mark(record, self.main.columns, main, 3, record.answers)
        yield "isian", main
        for table, flattener in self.repeats:
            key, nested = repeat_key(table), len(table.repeat_path) > 1
            rows = repeat_rows(record.answers, table.repeat_path)
            if self.na is None:
                for found in rows:
                    yield key, self._repeat_row(record, found, flattener, nested)
                continue
            for found, frames in zip(rows, frames_at(record.answers, table.repeat_path),
                                     strict=True):
                values = self._repeat_row(record, found, flattener, nested)
                offset = len(values) - len(flattener.columns)
                yield key, self.na.mark(record, flattener.columns, values, offset, found.row,
                                        frames)
        self.collector.add(record)
        datasets = self.collector.dataset_rows(self.t)
        if "daftar_data" in self.by_key:
            for values in datasets:
                yield "daftar_data", values
        if self.program is not None:
            self.matrix.add_opd(record.opd_code, record.opd_name)
            for item in program_items(self.masterplan, record):
                placement = self.matrix.add(item)
                yield "program", self.program.row(item)
                if not placement.mapped:
                    yield "tanpa_padanan", analysis_sheets.unmapped_values(
                        item, placement, self._unmapped_labels, self.view)
        self.annual.add(record.id, record.opd_code, record.opd_name, record.answers)

    def done_opd(self) -> None:
        """Stage the matrix and monev rows of the OPD streamed last."""
        if self._opd is None:
            return
        if self.program is not None:
            self.program.done_opd(self.matrix, self._opd)
        self.annual.done_opd(self._opd)
        self._opd = None

    def analysis_sheets(self) -> Iterator[SheetRows]:
        """The SPBE, application and Satu Data sheets of the rows streamed so far."""
        data = analysis_input(self.context, self.collector, self.plan, self.t,
                              self.options.lang)
        return self.collector.sheets(data, self.t, set(self.by_key))

    def _repeat_row(self, record: SubmissionRecord, found: RepeatRow,
                    flattener: TableFlattener, nested: bool) -> list:
        keys = [record.opd_code, record.opd_name, record.id, found.row.get("_id")]
        if nested:
            keys.append(found.parent_id)
        return [*keys, found.position, *flattener.values(found.row)]

    def problem_row(self, record: SubmissionRecord, answers_json: str) -> list:
        return [record.id, record.opd_code, record.opd_name, self.status_label(record.status),
                record.questionnaire_id, record.problem, answers_json]
