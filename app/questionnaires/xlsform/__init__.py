"""The XLSForm loader: read the workbook, check its sheets, columns, rows, survey tree,
expressions and master-plan roles, compile it with pyxform, build the typed Questionnaire."""

from .load import FormError, LoadResult, compile_with_pyxform, load_xlsform

__all__ = ["FormError", "LoadResult", "compile_with_pyxform", "load_xlsform"]
