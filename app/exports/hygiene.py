"""Excel hygiene, as named pure functions: formula injection, sheet names, cell and sheet limits.

Answers come from many agencies, so any text may be hostile (CWE-1236): a string that starts
with a formula trigger is prefixed with an apostrophe, in values and headers, in XLSX and CSV,
and XLSX cells are always written as strings. Excel's limits are checked before writing.
"""

from __future__ import annotations

import re

from app.errors import BadRequest

MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_CELL_CHARS = 32_767
MAX_SHEET_NAME = 31
# `=`, `+`, `-`, `@`, tab and CR start a formula (or a DDE payload) when a spreadsheet
# re-reads the text; the full-width forms are folded to these by some Excel input paths.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
TRUNCATION_MARKER = "[TERPOTONG] "
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_RESERVED_SHEET_NAMES = {"history"}  # Excel reserves it for change tracking


class ExportTooLarge(BadRequest):
    """A sheet would exceed Excel's row or column limit; nothing was written."""

    key = "export.too_large"


def neutralise(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would read as a formula; else unchanged."""
    if text and text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def truncate(text: str, limit: int = MAX_CELL_CHARS, marker: str = TRUNCATION_MARKER) -> str:
    """Cut text to Excel's cell limit, starting it with a visible marker when cut."""
    if len(text) <= limit:
        return text
    return marker + text[: limit - len(marker)]


def safe_cell_text(text: str) -> str:
    """Text as it may go into a spreadsheet cell: neutralised, then within the cell limit."""
    if not text or (len(text) <= MAX_CELL_CHARS and not text.startswith(FORMULA_TRIGGERS)):
        return text  # the fast path: nearly every answer
    return truncate(neutralise(text))


def clean_sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique (case-insensitive) sheet name; records it in `taken` (lowercased)."""
    base = _SHEET_FORBIDDEN.sub("_", name).strip().strip("'").strip() or "Sheet"
    base = base[:MAX_SHEET_NAME].rstrip() or "Sheet"
    candidate, number = base, 1
    while candidate.lower() in taken or candidate.lower() in _RESERVED_SHEET_NAMES:
        number += 1
        suffix = f" ({number})"
        candidate = base[: MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
    taken.add(candidate.lower())
    return candidate


def unique_headers(headers: list[str], limit: int = 200) -> list[str]:
    """Headers on one line, unique case-insensitively (an Excel Table requires both), ≤ `limit`.

    A line break would not survive in the table's column name (an XML attribute), and Excel
    repairs a workbook whose table names differ from the header cells.
    """
    seen: set[str] = set()
    result = []
    for header in headers:
        base = (" ".join(header.split()) or "-")[:limit]
        candidate, number = base, 1
        while candidate.lower() in seen:
            number += 1
            candidate = f"{base[: limit - 6]} ({number})"
        seen.add(candidate.lower())
        result.append(candidate)
    return result


def check_columns(sheet: str, count: int) -> None:
    """Refuse a sheet wider than Excel allows, before anything is written."""
    if count > MAX_COLUMNS:
        raise ExportTooLarge("export.too_many_columns", sheet=sheet, count=count,
                             limit=MAX_COLUMNS)


def check_rows(sheet: str, count: int) -> None:
    """Refuse a sheet longer than Excel allows (`count` includes the header row)."""
    if count > MAX_ROWS:
        raise ExportTooLarge("export.too_many_rows", sheet=sheet, count=count, limit=MAX_ROWS)
