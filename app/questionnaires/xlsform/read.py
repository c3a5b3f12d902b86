"""Read an XLSForm workbook into plain sheets of text cells, with located errors."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from io import BytesIO

from openpyxl import load_workbook

from app.uploads.limits import MB, TooLarge, XlsxLimits, check_xlsx

MAX_ROWS = 20_000
MAX_COLUMNS = 200
# A real XLSForm is a few hundred KB unpacked (the default questionnaire: 138 KB).
LIMITS = XlsxLimits(max_bytes=5 * MB, max_unpacked=5 * MB, max_part=4 * MB,
                    max_rows=MAX_ROWS, max_cells=1_000)
KNOWN_SHEETS = ("survey", "choices", "settings")


@dataclass(frozen=True)
class FormError:
    """A problem in a workbook, located by sheet, spreadsheet row (header = 1) and column."""

    sheet: str | None
    row: int | None
    column: str | None
    message: str
    too_large: bool = False  # beyond an upload limit (HTTP 413)

    def __str__(self) -> str:
        where = self.sheet or ""
        if self.row is not None:
            where = f"{where} row {self.row}".strip()
        if self.column:
            where = f"{where}, column {self.column}" if where else f"column {self.column}"
        return f"{where}: {self.message}" if where else self.message


@dataclass
class SheetRow:
    """One non-blank data row: its spreadsheet number and its non-empty cells by header."""

    number: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        """Return the cell text of `column` ('' when empty)."""
        return self.cells.get(column, "")


@dataclass
class Sheet:
    """A sheet: header names in column order and its non-blank data rows."""

    name: str
    headers: list[str] = field(default_factory=list)
    rows: list[SheetRow] = field(default_factory=list)


def cell_text(value: object) -> str:
    """Return a cell value as stripped text (whole floats without '.0', dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_workbook(data: bytes, filename: str) -> tuple[dict[str, Sheet], list[FormError]]:
    """Return the sheets of an .xlsx workbook, or errors saying why it cannot be read."""
    problem = _sniff(data, filename)
    if problem:
        return {}, [FormError(None, None, None, problem)]
    try:
        check_xlsx(data, LIMITS)
    except TooLarge as refused:
        return {}, [FormError(None, None, None, f"{filename}: {refused}", too_large=True)]
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        message = f"{filename} cannot be read as an .xlsx workbook ({type(exc).__name__})"
        return {}, [FormError(None, None, None, message)]
    sheets: dict[str, Sheet] = {}
    errors: list[FormError] = []
    try:
        for ws in book.worksheets:
            sheet, sheet_errors = _read_sheet(ws)
            sheets[ws.title] = sheet
            errors += sheet_errors
    except Exception as exc:  # a damaged sheet part inside a valid zip
        message = f"{filename} cannot be read as an .xlsx workbook ({type(exc).__name__})"
        return {}, [FormError(None, None, None, message)]
    finally:
        book.close()
    return sheets, errors


def _sniff(data: bytes, filename: str) -> str | None:
    if not data:
        return f"{filename} is empty"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return f"{filename} is an old Excel 97-2003 (.xls) file; save it as .xlsx"
    if not data.startswith(b"PK"):
        return f"{filename} is not an Excel .xlsx workbook"
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError):
        return f"{filename} is not a valid .xlsx workbook (damaged zip archive)"
    if "xl/workbook.xml" not in names:
        return f"{filename} is a zip archive but not an .xlsx workbook"
    return None


def _read_sheet(ws) -> tuple[Sheet, list[FormError]]:
    sheet = Sheet(ws.title)
    errors: list[FormError] = []
    header_row: list[str] | None = None
    # max_col: a cell far to the right must not widen every row; rows are counted blank or not.
    rows = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    for number, values in enumerate(rows, start=1):
        if number > MAX_ROWS:
            errors.append(FormError(ws.title, number, None, f"more than {MAX_ROWS} rows"))
            break
        texts = [cell_text(v) for v in values[:MAX_COLUMNS]]
        if header_row is None:
            header_row = texts
            sheet.headers, header_errors = _headers(ws.title, texts)
            errors += header_errors
            continue
        row, row_errors = _data_row(ws.title, number, header_row, texts)
        errors += row_errors
        if row is not None:
            sheet.rows.append(row)
    return sheet, errors


def _headers(title: str, texts: list[str]) -> tuple[list[str], list[FormError]]:
    headers: list[str] = []
    errors: list[FormError] = []
    for text in texts:
        if not text:
            continue
        if text in headers:
            errors.append(FormError(title, 1, text, "duplicate column"))
        else:
            headers.append(text)
    return headers, errors


def _data_row(
    title: str, number: int, header_row: list[str], texts: list[str]
) -> tuple[SheetRow | None, list[FormError]]:
    cells: dict[str, str] = {}
    errors: list[FormError] = []
    for index, text in enumerate(texts):
        if not text:
            continue
        header = header_row[index] if index < len(header_row) else ""
        if not header:
            column = _column_letter(index)
            errors.append(FormError(title, number, column, "value in a column without a header"))
        elif header not in cells:
            cells[header] = text
    return (SheetRow(number, cells) if cells else None), errors


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
