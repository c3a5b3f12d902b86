"""The XLSX sink: xlsxwriter in constant-memory mode, every row written as it comes.

Every string is written as a string cell (write_string, or in the row loop the very tuple
write_string stores; never write(), which would turn "=..." into a formula), numbers as
number cells (write_number or its tuple), dates through write_datetime; the workbook options
switch off xlsxwriter's own conversions of strings to formulas, URLs and numbers. Text that
starts with a formula trigger is written exactly as typed in a cell with Excel's quote-prefix
style, so it stays text even when someone edits the cell (the CSV sink prefixes an apostrophe
instead). Measured against openpyxl's write-only mode in benchmarks/export.py: faster, less
memory.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_range
from xlsxwriter.worksheet import CellNumberTuple as _Number
from xlsxwriter.worksheet import CellStringTuple as _String

from app.exports.hygiene import (
    FORMULA_TRIGGERS,
    MAX_CELL_CHARS,
    MAX_ROWS,
    check_columns,
    check_rows,
    truncate,
)
from app.exports.sinks.base import Chart, PrintSetup, SheetSpec, table_name

FORMATS = {
    "money": {"num_format": "[$Rp-421]#,##0"},
    "date": {"num_format": "dd/mm/yyyy"},
    "datetime": {"num_format": "dd/mm/yyyy hh:mm"},
    "percent": {"num_format": "0%"},
    "number": {"num_format": "#,##0.##"},
    "integer": {"num_format": "0"},
}
# "#,##0.##" shows 50 as "50." in Excel: a whole number in a decimal column gets this instead.
WHOLE = {"num_format": "#,##0"}
HEADER = {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7"}
FOOTER = {"bold": True, "top": 1}
QUOTED = {"quote_prefix": True}
TABLE_STYLE = "Table Style Light 9"
A4 = 9
COMMENT = {"x_scale": 2.5, "y_scale": 2, "author": "Survei"}
SHORT_TEXT = 32_767 // 2
"""Text up to this length fits a cell whatever its characters (Excel counts UTF-16 units)."""
TRIGGER_CHARS = frozenset(FORMULA_TRIGGERS)  # each one character: `text[:1] in` is quicker
assert all(len(trigger) == 1 for trigger in FORMULA_TRIGGERS)


class _Sheet:
    def __init__(self, spec: SheetSpec, worksheet, formats: list, whole: list, quoted: list):
        self.spec = spec
        self.ws = worksheet
        self.formats = formats
        self.whole = whole  # per column: the format of a whole number, or None
        self.quoted = quoted  # per column: the format of text kept inert by the quote prefix
        self.next_row = 1  # row 0 is the header


class XlsxSink:
    """Writes the sections as one XLSX workbook at `path`."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.book = xlsxwriter.Workbook(str(self.path), {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False, "default_date_format": FORMATS["date"]["num_format"],
            "remove_timezone": True,
        })
        self._formats: dict[tuple, object] = {}
        self.sheets: dict[str, _Sheet] = {}
        self.counts: dict[str, int] = {}
        self.tables: set[str] = set()

    def format(self, *parts: dict | None):
        """One shared format per combination of the parts (None: no format at all)."""
        key = tuple(tuple(sorted(part.items())) for part in parts if part)
        if not key:
            return None
        if key not in self._formats:
            merged = {k: v for part in parts if part for k, v in part.items()}
            self._formats[key] = self.book.add_format(merged)
        return self._formats[key]

    def open(self, sheets: list[SheetSpec]) -> None:
        """Create the sheets in order: header row (question texts as comments), widths,
        frozen panes and print setup."""
        for spec in sheets:
            check_columns(spec.name, len(spec.columns))
            ws = self.book.add_worksheet(spec.name)
            kinds = [FORMATS.get(column.kind) for column in spec.columns]
            formats = [self.format(kind) for kind in kinds]
            whole = [self.format(WHOLE) if c.kind == "number" else None for c in spec.columns]
            quoted = [self.format(kind, QUOTED) for kind in kinds]
            for index, column in enumerate(spec.columns):
                ws.set_column(index, index, column.width)
                _write_text(ws, 0, index, spec.headers[index], self.format(HEADER),
                            self.format(HEADER, QUOTED))
                note = spec.notes[index] if index < len(spec.notes) else None
                if note and note != spec.headers[index]:
                    ws.write_comment(0, index, note[:MAX_CELL_CHARS], COMMENT)
            ws.freeze_panes(1, spec.freeze_cols)
            if spec.print is not None:
                _print_setup(ws, spec.print)
            self.sheets[spec.key] = _Sheet(spec, ws, formats, whole, quoted)
            self.counts[spec.key] = 0

    def row(self, key: str, values: list) -> None:
        """Write one data row; refuses to go past Excel's row limit."""
        sheet = self.sheets[key]
        number = sheet.next_row
        if number >= MAX_ROWS:
            check_rows(sheet.spec.name, number + 1)
        _write_row(sheet.ws, number, values, sheet)
        sheet.next_row += 1
        self.counts[key] += 1

    def close_sheet(self, key: str, footer: list | None = None, chart: Chart | None = None) -> None:
        """Add the Excel Table over header and data, then the footer row and the chart."""
        sheet = self.sheets[key]
        last_row, last_col = sheet.next_row - 1, len(sheet.spec.columns) - 1
        if sheet.spec.table and last_row >= 1 and last_col >= 0:
            _add_table(sheet.ws, last_row, last_col, sheet.spec, table_name(key, self.tables))
        if footer is not None:
            for col, (value, column) in enumerate(zip(footer, sheet.spec.columns, strict=False)):
                kind = FORMATS.get(column.kind)
                whole = column.kind == "number" and isinstance(value, int | float) \
                    and not isinstance(value, bool) and math.isfinite(value) and value % 1 == 0
                _write_cell(sheet.ws, sheet.next_row, col, value,
                            self.format(FOOTER, WHOLE if whole else kind),
                            self.format(FOOTER, kind, QUOTED))
            if chart is not None:
                self._chart(sheet, chart, sheet.next_row)
            sheet.next_row += 1

    def _chart(self, sheet: _Sheet, spec: Chart, footer_row: int) -> None:
        chart = self.book.add_chart({"type": "column"})
        name = sheet.spec.name
        chart.add_series({"name": spec.title,
                          "categories": [name, 0, spec.first_col, 0, spec.last_col],
                          "values": [name, footer_row, spec.first_col, footer_row, spec.last_col]})
        chart.set_title({"name": spec.title})
        chart.set_legend({"none": True})
        sheet.ws.insert_chart(footer_row + 2, 1, chart, {"x_scale": 1.6, "y_scale": 1.3})

    def finish(self) -> None:
        self.book.close()

    def abort(self) -> None:
        try:
            self.book.close()
        finally:
            self.path.unlink(missing_ok=True)


def _write_row(ws, row: int, values: list, sheet: _Sheet) -> None:
    """The hot loop: a whole row's cells stored in xlsxwriter's row table at once.

    xlsxwriter's `write_string` / `write_number` do, per cell, an A1-notation check, a bounds
    and dimensions update, a check whether the row before is to be written out, and then store
    a `String` / `Number` tuple in the current row's table. Here the bounds and dimensions are
    updated once per row from its first and last cell and the tuples stored directly: the same
    table, so the same XML, without the per-cell layers that took 15 % of a 5,000-submission
    export (benchmarks/README.md). Only plain cells take this path: short text (xlsxwriter measures
    long text in UTF-16 units) and finite numbers; every other cell goes through the public
    calls. tests/exports/test_fast_paths.py holds the workbook equal, cell for cell, to the one
    the public calls write.
    """
    formats, whole, quoted, new = sheet.formats, sheet.whole, sheet.quoted, tuple.__new__
    cells: dict[int, tuple] = {}
    others: list[tuple[int, object]] = []
    for col, value in enumerate(values):
        if value is None:
            continue
        kind = type(value)
        if kind is str and len(value) <= SHORT_TEXT:
            cells[col] = new(_String, (value, quoted[col] if value[:1] in TRIGGER_CHARS
                                       else formats[col]))
        elif kind is int or (kind is float and math.isfinite(value)):
            number_format = whole[col]
            if number_format is None or value % 1:
                number_format = formats[col]
            cells[col] = new(_Number, (value, number_format))
        else:
            others.append((col, value))
    if cells:
        if ws._check_dimensions(row, next(reversed(cells))):  # out of bounds: cell by cell
            others += [(col, cell[0]) for col, cell in cells.items()]
        else:
            ws._check_dimensions(row, next(iter(cells)))
            if row > ws.previous_row:
                ws._write_single_row(row)
            ws.table[row].update(cells)
    for col, value in others:
        _write_value(ws, row, col, value, sheet)


def _write_value(ws, row: int, col: int, value: object, sheet: _Sheet) -> None:
    """One cell through xlsxwriter's public calls, formatted as `_write_row` would."""
    if type(value) is str:
        _write_text(ws, row, col, value, sheet.formats[col], sheet.quoted[col])
        return
    if type(value) in (int, float) and sheet.whole[col] is not None and value % 1 == 0:
        _write_cell(ws, row, col, value, sheet.whole[col], sheet.quoted[col])
        return
    _write_cell(ws, row, col, value, sheet.formats[col], sheet.quoted[col])


def _write_text(ws, row: int, col: int, text: str, cell_format, quoted) -> None:
    """Text as typed; a formula trigger keeps it, inert, in the quote-prefixed format."""
    if text.startswith(FORMULA_TRIGGERS):
        ws.write_string(row, col, truncate(text), quoted)
    else:
        ws.write_string(row, col, truncate(text), cell_format)


def _write_cell(ws, row: int, col: int, value: object, cell_format, quoted) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        ws.write_boolean(row, col, value, cell_format)
    elif isinstance(value, int | float):
        if math.isfinite(value):
            ws.write_number(row, col, value, cell_format)
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, value, cell_format)
    else:
        _write_text(ws, row, col, str(value), cell_format, quoted)


def footer_parts(setup: PrintSetup) -> tuple[str, str, str]:
    """The footer's left, centre and right codes: round name, sheet name, page of pages.

    `&` starts a code in Excel's header/footer language, so the texts double it; Excel
    allows 255 characters in all.
    """
    def plain(text: str) -> str:
        return text.replace("&", "&&")

    page = plain(setup.page).replace("{page}", "&P").replace("{pages}", "&N")
    room = 255 - len("&L&C&A&R") - len(page)
    title = plain(setup.title)[: max(room, 0)]
    if (len(title) - len(title.rstrip("&"))) % 2:  # never cut a doubled "&&" in half
        title = title[:-1]
    return title, "&A", page


def excel_footer(setup: PrintSetup) -> str:
    """The whole footer as xlsxwriter's set_footer takes it."""
    left, centre, right = footer_parts(setup)
    return f"&L{left}&C{centre}&R{right}"


def _print_setup(ws, setup: PrintSetup) -> None:
    """A4 landscape, every column on the page width, the header row on each page, footer."""
    ws.set_paper(A4)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_footer(excel_footer(setup))


def _skip(*_args, **_kwargs) -> int:
    return 0


def _add_table(ws, last_row: int, last_col: int, spec: SheetSpec, name: str) -> None:
    """An Excel Table over rows 0..last_row, added after the rows were streamed.

    xlsxwriter refuses add_table() in constant-memory mode because it writes the header cells
    itself and indexes every cell of the range; ours are written already. So the table is
    declared over the header and one row (its header writes skipped) and its ranges are then
    widened to the real extent. Every export test reads the tables back with openpyxl.
    """
    columns = [{"header": truncate(header)} for header in spec.headers]
    ws.constant_memory = False
    ws._write_string = _skip
    try:
        status = ws.add_table(0, 0, 1, last_col, {"name": name, "columns": columns,
                                                  "style": TABLE_STYLE})
    finally:
        del ws._write_string
        ws.constant_memory = True
    if status == 0:
        table = ws.tables[-1]
        table["range"] = table["a_range"] = table["autofilter"] = xl_range(0, 0, last_row,
                                                                           last_col)
