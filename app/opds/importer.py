"""Parse an OPD register file (CSV or XLSX) into rows and row-level problems; no DB."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from openpyxl import load_workbook
from pydantic import BaseModel

from app.opds.import_messages import MESSAGES
from app.uploads.limits import MB, TooLarge, XlsxLimits, check_xlsx
from app.uploads.problems import capped

KINDS: tuple[str, ...] = (
    "sekretariat",
    "bagian",
    "inspektorat",
    "dinas",
    "badan",
    "satpol",
    "rsud",
    "kecamatan",
)
COLUMNS = ("code", "name", "short_name", "kind", "parent_code")
REQUIRED = ("code", "name", "kind")
CODE_RE = re.compile(r"^[A-Za-z0-9.\-_]{1,32}$")
MAX_NAME, MAX_SHORT_NAME = 200, 100
# Hostile-input guards: the real register has ~50 rows (a 10 KB sheet), so these are generous.
MAX_FILE_BYTES = 5 * MB
MAX_DATA_ROWS = 5_000
MAX_COLUMNS = 100
LIMITS = XlsxLimits(max_bytes=MAX_FILE_BYTES, max_unpacked=3 * MB, max_part=2 * MB,
                    max_rows=2 * MAX_DATA_ROWS, max_cells=MAX_COLUMNS)


def _msg(key: str, **params: object) -> str:
    return MESSAGES[key].format(**params)


def _show(value: str, limit: int = 40) -> str:
    """Quote a user value for a message, cut short so hostile cells can't flood the report."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


class OpdRow(BaseModel):
    """One valid OPD row from an import file."""

    code: str
    name: str
    short_name: str | None = None
    kind: str
    parent_code: str | None = None


@dataclass(frozen=True)
class ImportProblem:
    """One problem found in an import file; row is the spreadsheet row (header = 1)."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = "file" if self.row is None else f"row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    """Rows that passed every check, and all problems found; import only when ok."""

    rows: list[OpdRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    more_problems: int = 0  # beyond the problems listed, counted, not kept
    too_large: bool = False  # refused for a size limit (HTTP 413)

    @property
    def ok(self) -> bool:
        return not self.problems


class _FileError(Exception):
    """A problem that stops reading the whole file."""

    def __init__(self, message: str, *, too_large: bool = False):
        super().__init__(message)
        self.too_large = too_large


def parse_opd_file(
    filename: str, data: bytes, *, known_codes: set[str] | frozenset[str] = frozenset()
) -> ImportResult:
    """Parse an OPD CSV/XLSX file; never raises on bad input, returns every problem found."""
    ext = PurePath(filename or "").suffix.lower()
    try:
        if ext not in (".csv", ".xlsx"):
            raise _FileError(_msg("unsupported_type", ext=_show(ext) if ext else "(none)"))
        if len(data) > MAX_FILE_BYTES:
            raise _FileError(_msg("too_large", max_mb=MAX_FILE_BYTES // MB), too_large=True)
        table = _read_xlsx(data) if ext == ".xlsx" else _read_csv(data)
        result = _parse_table(table, known_codes)
    except _FileError as exc:
        return ImportResult(problems=[ImportProblem(None, None, str(exc))],
                            too_large=exc.too_large)
    result.problems, result.more_problems = capped(result.problems)
    return result


# --- reading: bytes -> list of (row number, cells) -------------------------------------------

Table = list[tuple[int, list[str]]]


def _read_csv(data: bytes) -> Table:
    if data.startswith(b"PK\x03\x04"):
        raise _FileError(_msg("xlsx_in_csv"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _FileError(_msg("not_utf8")) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return _numbered(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise _FileError(_msg("csv_unreadable", detail=exc)) from None


def _read_xlsx(data: bytes) -> Table:
    # openpyxl raises many exception types on garbage (zip, XML, KeyError...), so catch broadly.
    try:
        check_xlsx(data, LIMITS)  # before openpyxl sees it: sizes, rows and cells per row
    except TooLarge as refused:
        raise _FileError(str(refused), too_large=True) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = next(iter(workbook.worksheets), None)
            if sheet is None:
                return []
            sheet.reset_dimensions()  # some writers store wrong dimensions; read what is there
            rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
            return _numbered([_cell_text(value) for value in row] for row in rows)
        finally:
            workbook.close()
    except _FileError:
        raise
    except Exception:
        raise _FileError(_msg("not_xlsx")) from None


def _numbered(records: Iterable[list[str]]) -> Table:
    """Number records as spreadsheet rows, trim cells, and drop blank rows; stop at a cap
    (blank rows count: a file of a million empty rows is refused at once, not read)."""
    table: Table = []
    for number, record in enumerate(records, start=1):
        if number > LIMITS.max_rows:
            raise _FileError(_msg("too_many_lines", max_rows=LIMITS.max_rows), too_large=True)
        if len(record) > LIMITS.max_cells:
            raise _FileError(_msg("too_many_cells", row=number, max_cells=LIMITS.max_cells),
                             too_large=True)
        cells = [cell.strip() for cell in record]
        if any(cells):
            if len(table) > MAX_DATA_ROWS:  # header + MAX_DATA_ROWS already kept
                raise _FileError(_msg("too_many_rows", max_rows=MAX_DATA_ROWS))
            table.append((number, cells))
    return table


def _cell_text(value: object) -> str:
    """Turn an Excel cell value into text the way a person reading the sheet would."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


# --- checking: table -> ImportResult ---------------------------------------------------------


def _parse_table(table: Table, known_codes: Iterable[str]) -> ImportResult:
    if len(table) < 2:
        raise _FileError(_msg("no_data"))
    (header_row, header), body = table[0], table[1:]
    problems: list[ImportProblem] = []
    columns = _check_header(header_row, header, problems)
    first_row_of: dict[str, int] = {}
    records = []
    for number, cells in body:
        record = _row_dict(number, cells, columns, problems)
        _check_row(number, record, columns, first_row_of, problems)
        records.append((number, record))
    targets = set(first_row_of) | set(known_codes)
    parents = {r["code"]: r.get("parent_code", "") for _, r in records if r.get("code")}
    for number, record in records:
        _check_parent(number, record, targets, parents, problems)
    problems.sort(key=lambda problem: problem.row or 0)  # stable: keeps order within a row
    rows: list[OpdRow] = []
    if all(name in columns for name in REQUIRED):
        bad_rows = {problem.row for problem in problems}
        rows = [_to_row(record) for number, record in records if number not in bad_rows]
    return ImportResult(rows=rows, problems=problems)


def _check_header(row: int, header: list[str], problems: list[ImportProblem]) -> list[str]:
    """Return normalised column names and record header problems."""
    columns = [cell.lower().replace(" ", "_") for cell in header]
    seen: set[str] = set()
    for original, name in zip(header, columns, strict=True):
        if not name:
            continue
        if name not in COLUMNS:
            allowed = ", ".join(COLUMNS)
            message = _msg("unknown_column", col=_show(original), allowed=allowed)
            problems.append(ImportProblem(row, None, message))
        elif name in seen:
            problems.append(ImportProblem(row, None, _msg("duplicate_column", col=_show(name))))
        seen.add(name)
    for name in REQUIRED:
        if name not in seen:
            problems.append(ImportProblem(row, None, _msg("missing_column", col=_show(name))))
    return columns


def _row_dict(
    number: int, cells: list[str], columns: list[str], problems: list[ImportProblem]
) -> dict[str, str]:
    """Map a row's cells to known columns; cells under unknown columns are ignored."""
    record: dict[str, str] = {}
    stray = False
    for index, cell in enumerate(cells):
        name = columns[index] if index < len(columns) else ""
        if name in COLUMNS and name not in record:
            record[name] = cell
        stray = stray or (not name and bool(cell))
    if stray:
        problems.append(ImportProblem(number, None, _msg("cell_without_header")))
    return record


def _check_row(
    number: int,
    record: dict[str, str],
    columns: list[str],
    first_row_of: dict[str, int],
    problems: list[ImportProblem],
) -> None:
    """Check one row's own cells; remember the first row of each code for duplicates."""

    def add(column: str, key: str, **params: object) -> None:
        problems.append(ImportProblem(number, column, _msg(key, **params)))

    for name in REQUIRED:
        if name in columns and not record.get(name):
            add(name, "required", col=name)
    code = record.get("code", "")
    if code and not CODE_RE.match(code):
        add("code", "bad_code", value=_show(code))
    elif code in first_row_of:
        add("code", "duplicate_code", value=_show(code), row=first_row_of[code])
    elif code:
        first_row_of[code] = number
    for name, limit in (("name", MAX_NAME), ("short_name", MAX_SHORT_NAME)):
        if len(record.get(name, "")) > limit:
            add(name, "too_long", col=name, length=len(record[name]), max=limit)
    kind = record.get("kind", "").lower()
    if kind and kind not in KINDS:
        add("kind", "unknown_kind", value=_show(record["kind"]), allowed=", ".join(KINDS))


def _check_parent(
    number: int,
    record: dict[str, str],
    targets: set[str],
    parents: dict[str, str],
    problems: list[ImportProblem],
) -> None:
    """Check that parent_code names another OPD and does not loop back to this row."""
    parent, code = record.get("parent_code", ""), record.get("code", "")
    if not parent:
        return
    if parent == code:
        message = _msg("self_parent")
    elif parent not in targets:
        message = _msg("unknown_parent", value=_show(parent))
    elif cycle := _cycle_from(code, parents):
        message = _msg("parent_cycle", value=_show(parent), path=" → ".join(cycle))
    else:
        return
    problems.append(ImportProblem(number, "parent_code", message))


def _cycle_from(code: str, parents: dict[str, str]) -> list[str]:
    """Return the parent chain that leads back to code, or [] when it ends."""
    chain, current = [code], parents.get(code, "")
    while current and current in parents and len(chain) <= len(parents):
        chain.append(current)
        if current == code:
            return chain
        current = parents[current]
    return []


def _to_row(record: dict[str, str]) -> OpdRow:
    optional = {name: record.get(name) or None for name in ("short_name", "parent_code")}
    return OpdRow(code=record["code"], name=record["name"], kind=record["kind"].lower(), **optional)
