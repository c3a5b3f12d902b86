"""Satu Data outputs: the Daftar Data and the MS-Var metadata (pure)."""

from reports.satudata.build import build_satu_data, dataset_completeness, variable_completeness
from reports.satudata.model import (
    MS_VAR_FIELDS,
    DatasetCompleteness,
    DatasetRecord,
    DatasetRow,
    SatuData,
    Variable,
    VariableRow,
)

__all__ = [
    "MS_VAR_FIELDS", "DatasetCompleteness", "DatasetRecord", "DatasetRow", "SatuData",
    "Variable", "VariableRow", "build_satu_data", "dataset_completeness",
    "variable_completeness",
]
