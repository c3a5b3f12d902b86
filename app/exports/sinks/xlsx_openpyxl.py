"""The same XLSX with openpyxl's write-only mode: the benchmark's alternative to xlsxwriter.

benchmarks/export.py measures both; the service uses the faster XlsxSink. Kept complete (types,
formats, quote prefix, header comments, tables, frozen header, print setup, chart) so the
comparison is like for like.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

from app.exports.hygiene import FORMULA_TRIGGERS, MAX_ROWS, check_columns, check_rows, truncate
from app.exports.sinks.base import Chart, PrintSetup, SheetSpec, table_name
from app.exports.sinks.xlsx import FORMATS, WHOLE, footer_parts

NUMBER_FORMATS = {kind: spec["num_format"] for kind, spec in FORMATS.items()}


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", truncate(value))


def _print_setup(ws, setup: PrintSetup) -> None:
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    footer = ws.oddFooter
    footer.left.text, footer.center.text, footer.right.text = footer_parts(setup)


class OpenpyxlSink:
    """Writes the sections as one XLSX workbook at `path` with openpyxl (write-only)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.book = Workbook(write_only=True)
        self.sheets: dict[str, tuple[SheetSpec, object, list]] = {}
        self.counts: dict[str, int] = {}
        self.tables: set[str] = set()

    def open(self, sheets: list[SheetSpec]) -> None:
        for spec in sheets:
            check_columns(spec.name, len(spec.columns))
            ws = self.book.create_sheet(spec.name)
            for index, column in enumerate(spec.columns, start=1):
                ws.column_dimensions[get_column_letter(index)].width = column.width
            ws.freeze_panes = f"{get_column_letter(spec.freeze_cols + 1)}2"
            if spec.print is not None:
                _print_setup(ws, spec.print)
            ws.append([self._header(ws, header, note)
                       for header, note in zip(spec.headers, spec.notes, strict=False)])
            formats = [NUMBER_FORMATS.get(column.kind) for column in spec.columns]
            self.sheets[spec.key] = (spec, ws, formats)
            self.counts[spec.key] = 0

    def _header(self, ws, text: str, note: str | None = None) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, _text(text))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.quotePrefix = text.startswith(FORMULA_TRIGGERS)
        if note and note != text:
            cell.comment = Comment(_text(note), "Survei")
        return cell

    def row(self, key: str, values: list) -> None:
        spec, ws, formats = self.sheets[key]
        if self.counts[key] + 1 >= MAX_ROWS:
            check_rows(spec.name, self.counts[key] + 2)
        ws.append([self._cell(ws, value, formats[i]) for i, value in enumerate(values)])
        self.counts[key] += 1

    def _cell(self, ws, value: object, number_format: str | None) -> object:
        if value is None:
            return None
        if isinstance(value, str):
            if not value.startswith(FORMULA_TRIGGERS):
                return _text(value)
            cell = WriteOnlyCell(ws, _text(value))
            cell.quotePrefix = True
            return cell
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            value = value.replace(tzinfo=None)  # Excel cells have no time zone
        if number_format is None and not isinstance(value, dt.date):
            return value
        if number_format == NUMBER_FORMATS["number"] and not isinstance(value, dt.date) \
                and value % 1 == 0:
            number_format = WHOLE["num_format"]
        cell = WriteOnlyCell(ws, value)
        cell.number_format = number_format or NUMBER_FORMATS["date"]
        return cell

    def close_sheet(self, key: str, footer: list | None = None, chart: Chart | None = None) -> None:
        spec, ws, formats = self.sheets[key]
        last_row, last_col = self.counts[key] + 1, len(spec.columns)
        if spec.table and self.counts[key] and last_col:
            ref = f"A1:{get_column_letter(last_col)}{last_row}"
            table = Table(displayName=table_name(key, self.tables), ref=ref)
            table._initialise_columns()  # write-only mode cannot read the header cells back
            for table_column, header in zip(table.tableColumns, spec.headers, strict=True):
                table_column.name = _text(header)
            table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            with warnings.catch_warnings():  # "add table columns manually": done above
                warnings.simplefilter("ignore", UserWarning)
                ws.add_table(table)
        if footer is not None:
            ws.append([self._cell(ws, value, formats[i]) for i, value in enumerate(footer)])
            if chart is not None:
                self._chart(ws, chart, last_row + 1)

    def _chart(self, ws, spec: Chart, footer_row: int) -> None:
        chart = BarChart()
        chart.title = spec.title
        chart.legend = None
        first, last = spec.first_col + 1, spec.last_col + 1
        chart.add_data(Reference(ws, min_col=first, max_col=last, min_row=footer_row,
                                 max_row=footer_row), from_rows=True)
        chart.set_categories(Reference(ws, min_col=first, max_col=last, min_row=1, max_row=1))
        ws.add_chart(chart, f"B{footer_row + 2}")

    def finish(self) -> None:
        self.book.save(self.path)

    def abort(self) -> None:
        try:  # closes the sheets' row writers and their temporary files
            self.book.save(self.path)
        except Exception:  # noqa: S110 - the partial file is deleted either way
            pass
        self.path.unlink(missing_ok=True)
