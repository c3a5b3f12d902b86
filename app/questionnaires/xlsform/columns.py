"""Column headers of the XLSForm subset: allowed columns, language columns, language codes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .read import FormError, Sheet

# `header`: the short column header of a question in the workbook export (its label is the
# question text); pyxform and KoboToolbox ignore the column.
TRANSLATABLE = ("label", "hint", "required_message", "constraint_message", "header")
# pyxform's custom instance attribute: which role a field plays in the master-plan export
# (surveys/README.md, "Master-plan roles"); the only `::` column that is not a language.
MASTERPLAN_COLUMN = "instance::masterplan"
MASTERPLAN_ROLES = (
    "dimensi", "elemen", "nama_program", "permasalahan", "output", "indikator", "opd_terkait",
    "jangka", "biaya", "sumber_dana", "prioritas", "quick_win", "tahun_mulai",
    "status_program", "catatan_status", "realisasi",
)
# Choices column binding a choice to a framework node, `FRAMEWORK:NODE` (surveys/README.md,
# "Framework binding"); pyxform treats it as one more choices column.
FRAMEWORK_COLUMN = "kerangka"
SURVEY_COLUMNS = frozenset(
    {
        "type", "name", "label", "hint", "required", "required_message", "relevant",
        "constraint", "constraint_message", "calculation", "default", "choice_filter",
        "repeat_count", "read_only", "appearance", "header", MASTERPLAN_COLUMN,
    }
)
CHOICES_COLUMNS = frozenset({"list_name", "name", "label"})
SETTINGS_COLUMNS = ("form_id", "form_title", "version", "default_language")
# Common pyxform aliases and neighbours, so the error can say what to write instead.
ALIASES = {
    "relevance": "relevant", "constraining_message": "constraint_message",
    "calculate": "calculation", "count": "repeat_count", "readonly": "read_only",
    "choice-filter": "choice_filter", "list name": "list_name", "value": "name",
    "caption": "label", "required message": "required_message",
}

NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_LANGUAGE_RE = re.compile(r"(?P<name>.*\S)\s*\((?P<code>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\)")
DEFAULT_LANGUAGE = "id"


@dataclass
class Languages:
    """Language codes found in the workbook; `plain` is the code of columns without `::`."""

    default: str = DEFAULT_LANGUAGE
    codes: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    has_plain: bool = False

    def code_of(self, header: str) -> str | None:
        """Return the language code of a translatable header such as 'label::English (en)'."""
        if "::" not in header:
            return self.default
        match = _LANGUAGE_RE.fullmatch(header.split("::", 1)[1].strip())
        return match.group("code") if match else None


def split_header(header: str) -> tuple[str, str | None]:
    """Split 'label::English (en)' into ('label', 'English (en)'); plain headers give None."""
    if "::" in header:
        base, lang = header.split("::", 1)
        return base.strip(), lang.strip()
    return header, None


def check_columns(sheet: Sheet, allowed: frozenset[str], extra_ok: bool) -> list[FormError]:
    """Report unknown columns and malformed language columns of a sheet's header row."""
    errors = []
    for header in sheet.headers:
        if header in allowed:
            continue
        base, lang = split_header(header)
        if lang is not None:
            if base not in TRANSLATABLE or base not in allowed:
                errors.append(FormError(sheet.name, 1, header, "unknown column"))
            elif not _LANGUAGE_RE.fullmatch(lang):
                message = f'language "{lang}" needs a code in brackets, e.g. "English (en)"'
                errors.append(FormError(sheet.name, 1, header, message))
        elif base not in allowed and not (extra_ok and NAME_RE.fullmatch(base)):
            errors.append(FormError(sheet.name, 1, header, _unknown_column(base)))
    return errors


def _unknown_column(base: str) -> str:
    if base in ALIASES:
        return f'unknown column (write "{ALIASES[base]}")'
    if base.lower() in SURVEY_COLUMNS | CHOICES_COLUMNS:
        return f'unknown column (column names are lowercase: "{base.lower()}")'
    return "unknown column"


def find_languages(sheets: list[Sheet], default_setting: str) -> tuple[Languages, list[FormError]]:
    """Collect language codes from translatable headers and decide the default language."""
    langs = Languages()
    errors: list[FormError] = []
    for sheet in sheets:
        for header in sheet.headers:
            base, lang = split_header(header)
            if base not in TRANSLATABLE:
                continue
            if lang is None:
                langs.has_plain = True
            elif match := _LANGUAGE_RE.fullmatch(lang):
                errors += _add_language(langs, match.group("code"), lang, sheet.name, header)
    errors += _choose_default(langs, default_setting)
    return langs, errors


def _add_language(langs: Languages, code: str, full: str, sheet: str, header: str):
    known = langs.names.get(code)
    if known is None:
        langs.codes.append(code)
        langs.names[code] = full
        return []
    if known != full:
        message = f'language code "{code}" is also written as "{known}"; use one spelling'
        return [FormError(sheet, 1, header, message)]
    return []


def _choose_default(langs: Languages, setting: str) -> list[FormError]:
    code = None
    if setting:
        match = _LANGUAGE_RE.fullmatch(setting)
        code = match.group("code") if match else setting
        if not match and not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", setting):
            message = f'"{setting}" is not a language such as "Bahasa Indonesia (id)"'
            return [FormError("settings", 2, "default_language", message)]
    if langs.has_plain:
        langs.default = code or DEFAULT_LANGUAGE
        if langs.default in langs.codes:
            message = (
                f'columns without a language are language "{langs.default}" '
                f"(the default language), which also has its own columns; use one or the other"
            )
            return [FormError("survey", 1, None, message)]
        langs.codes.insert(0, langs.default)
        langs.names.setdefault(langs.default, setting or langs.default)
        return []
    if code and code not in langs.codes and langs.codes:
        message = f'default language "{setting}" has no label columns'
        return [FormError("settings", 2, "default_language", message)]
    langs.default = code or (langs.codes[0] if langs.codes else DEFAULT_LANGUAGE)
    if langs.default in langs.codes:
        langs.codes.remove(langs.default)
    langs.codes.insert(0, langs.default)
    return []
