"""The settings and choices sheets, and translated texts of a row."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema import Choice, LangText
from .columns import FRAMEWORK_COLUMN, NAME_RE, SETTINGS_COLUMNS, Languages, split_header
from .read import FormError, Sheet, SheetRow

NODE_RE = re.compile(r"[A-Za-z0-9_.-]{1,32}:[A-Za-z0-9_.-]{1,64}")


@dataclass
class Settings:
    """The values of the settings sheet."""

    form_id: str = ""
    form_title: str = ""
    version: str = ""
    default_language: str = ""


@dataclass
class ChoiceLists:
    """Choice lists by name, the filter columns of the choices sheet, and where each list starts."""

    lists: dict[str, list[Choice]] = field(default_factory=dict)
    columns: set[str] = field(default_factory=set)


def parse_settings(sheet: Sheet | None) -> tuple[Settings, list[FormError]]:
    """Read the settings sheet (headers, one row of values); form_id and version are required."""
    settings = Settings()
    if sheet is None:
        message = "the settings sheet is missing (it needs form_id and version)"
        return settings, [FormError("settings", None, None, message)]
    allowed = ", ".join(SETTINGS_COLUMNS)
    errors = [
        FormError("settings", 1, header, f"unknown setting (allowed: {allowed})")
        for header in sheet.headers
        if header not in SETTINGS_COLUMNS
    ]
    errors += [
        FormError("settings", row.number, None, "only one row of values is allowed")
        for row in sheet.rows[1:]
    ]
    values = sheet.rows[0] if sheet.rows else SheetRow(2, {})
    for key in SETTINGS_COLUMNS:
        setattr(settings, key, values.get(key))
    for key in ("form_id", "version"):
        if not getattr(settings, key):
            errors.append(FormError("settings", 2, key, f"{key} is required"))
    if settings.form_id and not NAME_RE.fullmatch(settings.form_id):
        errors.append(FormError("settings", 2, "form_id", f'invalid form_id "{settings.form_id}"'))
    return settings, errors


def translations(row: SheetRow, base: str, langs: Languages) -> LangText:
    """Return the non-empty texts of a translatable column by language code."""
    texts: LangText = {}
    for header, value in row.cells.items():
        column, _ = split_header(header)
        code = langs.code_of(header) if column == base else None
        if code:
            texts[code] = value
    return texts


def header_for(base: str, code: str, langs: Languages) -> str:
    """Return the column header that holds `base` in language `code`."""
    if langs.has_plain and code == langs.default:
        return base
    return f"{base}::{langs.names.get(code, code)}"


def missing_labels(
    sheet: str, row: SheetRow, texts: LangText, langs: Languages, what: str = "label"
) -> list[FormError]:
    """Report each language whose label is empty for this row."""
    return [
        FormError(sheet, row.number, header_for(what, code, langs), f"{what} is required")
        for code in langs.codes
        if not texts.get(code)
    ]


def parse_choices(sheet: Sheet | None, langs: Languages) -> tuple[ChoiceLists, list[FormError]]:
    """Read the choices sheet into lists; report missing names, duplicates and missing labels."""
    result = ChoiceLists()
    if sheet is None:
        return result, []
    result.columns = {h for h in sheet.headers if "::" not in h and h not in ("list_name", "label")}
    errors: list[FormError] = []
    first_row: dict[tuple[str, str], int] = {}
    for row in sheet.rows:
        list_name, name = row.get("list_name"), row.get("name")
        problem = _choice_problem(list_name, name)
        if problem:
            errors.append(FormError("choices", row.number, problem[0], problem[1]))
            continue
        if (list_name, name) in first_row:
            message = (
                f'duplicate choice "{name}" in list {list_name} '
                f"(also at row {first_row[list_name, name]})"
            )
            errors.append(FormError("choices", row.number, "name", message))
            continue
        first_row[list_name, name] = row.number
        label = translations(row, "label", langs)
        errors += missing_labels("choices", row, label, langs)
        extra = sorted(result.columns - {"name", FRAMEWORK_COLUMN})
        filters = {c: row.get(c) for c in extra if row.get(c)}
        node = row.get(FRAMEWORK_COLUMN) or None
        if node and not NODE_RE.fullmatch(node):
            message = (f'"{node}" is not a framework node: write FRAMEWORK:NODE, '
                       "e.g. GMSC-2021:governance")
            errors.append(FormError("choices", row.number, FRAMEWORK_COLUMN, message))
            node = None
        choice = Choice(name=name, label=label, filters=filters, node=node)
        result.lists.setdefault(list_name, []).append(choice)
    return result, errors


def _choice_problem(list_name: str, name: str) -> tuple[str, str] | None:
    if not list_name:
        return "list_name", "list_name is required"
    if not NAME_RE.fullmatch(list_name):
        return "list_name", f'invalid list_name "{list_name}"'
    if not name:
        return "name", "name is required"
    if re.search(r"\s", name):
        return "name", f'choice name "{name}" must not contain spaces'
    return None
