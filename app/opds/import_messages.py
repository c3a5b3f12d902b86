"""The OPD importer's problem messages, kept in one place so they can be translated."""

MESSAGES = {
    "unsupported_type": "unsupported file type {ext} (use .csv or .xlsx)",
    "too_large": "file is too large (max {max_mb} MB)",
    "not_xlsx": "not a valid XLSX workbook",
    "xlsx_in_csv": "this is an Excel workbook, not a CSV file (save it as .xlsx or export as CSV)",
    "not_utf8": "the CSV file is not UTF-8 encoded (in Excel use 'Save as: CSV UTF-8')",
    "csv_unreadable": "the CSV file could not be read: {detail}",
    "no_data": "no data rows",
    "too_many_rows": "too many rows (max {max_rows} data rows)",
    "unknown_column": "unknown column {col} (allowed: {allowed})",
    "missing_column": "missing required column {col}",
    "duplicate_column": "column {col} appears more than once",
    "cell_without_header": "value in a column without a header",
    "required": "{col} is required",
    "bad_code": "invalid code {value} (1-32 letters, digits, '.', '-' or '_')",
    "too_long": "{col} is too long ({length} characters, max {max})",
    "unknown_kind": "unknown kind {value} (allowed: {allowed})",
    "duplicate_code": "code {value} already used on row {row}",
    "self_parent": "parent_code cannot be the row's own code",
    "unknown_parent": "parent_code {value} is not a code in this file or an existing OPD",
    "parent_cycle": "parent_code {value} makes a cycle ({path})",
}
