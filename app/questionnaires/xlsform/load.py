"""Load an XLSForm workbook into a typed Questionnaire, collecting every located error.

Our own checks of the supported subset run first (surveys/README.md); only a workbook that
passes them is compiled with pyxform, so every accepted questionnaire also works in
KoboToolbox/ODK.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.uploads.problems import capped

from ..schema import Questionnaire
from .build import build_questionnaire
from .columns import (
    CHOICES_COLUMNS,
    SURVEY_COLUMNS,
    check_columns,
    find_languages,
)
from .read import KNOWN_SHEETS, FormError, Sheet, read_workbook
from .sheets import parse_choices, parse_settings
from .survey import check_survey

__all__ = ["FormError", "LoadResult", "compile_with_pyxform", "load_xlsform"]
log = logging.getLogger(__name__)


@dataclass
class LoadResult:
    """The questionnaire (None when there are errors), the errors and pyxform's warnings."""

    questionnaire: Questionnaire | None
    errors: list[FormError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    more_errors: int = 0  # errors beyond the first MAX_PROBLEMS, counted, not kept

    @property
    def ok(self) -> bool:
        """Whether the workbook loaded without errors."""
        return self.questionnaire is not None and not self.errors

    @property
    def too_large(self) -> bool:
        """Whether the workbook was refused for a size limit (HTTP 413)."""
        return any(error.too_large for error in self.errors)


def load_xlsform(data: bytes, *, filename: str = "form.xlsx") -> LoadResult:
    """Read, check and compile an XLSForm workbook; never raises for a bad workbook."""
    try:
        result = _load(data, filename)
    except Exception as exc:  # a bug or a workbook shape nobody foresaw: report, don't crash
        log.exception("unexpected error loading %s", filename)
        message = f"{filename} could not be loaded ({type(exc).__name__}: {exc})"
        return LoadResult(None, [FormError(None, None, None, message)])
    result.errors, result.more_errors = capped(result.errors)
    return result


def _load(data: bytes, filename: str) -> LoadResult:
    sheets, errors = read_workbook(data, filename)
    if not sheets:
        return LoadResult(None, errors)
    errors += _sheet_errors(sheets)
    survey = sheets.get("survey")
    if survey is None:
        return LoadResult(None, errors)
    choices_sheet = sheets.get("choices")
    settings, settings_errors = parse_settings(sheets.get("settings"))
    errors += settings_errors + check_columns(survey, SURVEY_COLUMNS, extra_ok=False)
    if choices_sheet is not None:
        errors += check_columns(choices_sheet, CHOICES_COLUMNS, extra_ok=True)
    present = [sheet for sheet in (survey, choices_sheet) if sheet is not None]
    langs, lang_errors = find_languages(present, settings.default_language)
    choices, choice_errors = parse_choices(choices_sheet, langs)
    checked, survey_errors = check_survey(survey, langs, choices)
    errors += lang_errors + choice_errors + survey_errors
    if errors:
        return LoadResult(None, errors)
    warnings, pyxform_errors = compile_with_pyxform(data)
    if pyxform_errors:
        return LoadResult(None, pyxform_errors, warnings)
    return LoadResult(build_questionnaire(checked, settings, langs, choices), [], warnings)


def _sheet_errors(sheets: dict[str, Sheet]) -> list[FormError]:
    allowed = ", ".join(KNOWN_SHEETS)
    errors = [
        FormError(name, None, None, f"unknown sheet (only {allowed} are allowed)")
        for name in sheets
        if name not in KNOWN_SHEETS
    ]
    if "survey" not in sheets:
        found = ", ".join(sheets) or "none"
        errors.append(FormError(None, None, None, f'no "survey" sheet (sheets: {found})'))
    return errors


def compile_with_pyxform(data: bytes) -> tuple[list[str], list[FormError]]:
    """Convert with pyxform (in memory, no ODK Validate); return its warnings and errors."""
    from pyxform.errors import PyXFormError  # imported lazily: pyxform is slow to import
    from pyxform.xls2xform import convert

    warnings: list[str] = []
    try:
        convert(data, warnings=warnings, validate=False, file_type=".xlsx")
    except PyXFormError as exc:
        return warnings, [FormError(None, None, None, f"pyxform: {exc}")]
    except Exception as exc:  # pyxform bugs surface as arbitrary exceptions
        message = f"pyxform could not convert the form ({type(exc).__name__}: {exc})"
        return warnings, [FormError(None, None, None, message)]
    return [w for warning in warnings for w in warning.splitlines() if w.strip()], []
