"""What the Satu Data outputs read and return: the Daftar Data (section D of every OPD) and
the MS-Var metadata of the questionnaire's variables (Peraturan BPS 5/2020)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class DatasetRecord:
    """One dataset row an OPD entered."""

    opd_code: str
    opd_name: str
    name: str
    role: str = ""
    """produsen (the OPD produces it) or pengguna (it uses another agency's)."""
    role_label: str = ""
    source: str = ""
    """The producing agency, for a dataset the OPD only uses."""
    format_label: str = ""
    frequency_label: str = ""
    metadata: bool | None = None
    published: bool | None = None
    """On the Satu Data portal (asked of producers only)."""


@dataclass(frozen=True)
class DatasetRow:
    """A Daftar Data row."""

    record: DatasetRecord
    producer: str
    walidata: str
    completeness: float
    """Share of the list's fields that are filled (0–1)."""


@dataclass(frozen=True)
class Variable:
    """One variable of the questionnaire as MS-Var describes it.

    "" = not filled in (counts against completeness); None = does not apply (a text question
    has no classification).
    """

    dataset: str
    """The table it belongs to (Isian, Layanan, Aplikasi, …)."""
    name: str
    alias: str | None = ""
    concept: str | None = ""
    definition: str | None = ""
    question: str | None = ""
    data_type: str | None = ""
    classification: str | None = ""
    validation: str | None = ""
    reference_period: str | None = ""
    public_access: str | None = ""


MS_VAR_FIELDS = ("name", "alias", "concept", "definition", "question", "data_type",
                 "classification", "validation", "reference_period", "public_access")


@dataclass(frozen=True)
class VariableRow:
    variable: Variable
    completeness: float


@dataclass(frozen=True)
class DatasetCompleteness:
    """MS-Var completeness of one table: filled fields over all fields of its variables."""

    dataset: str
    variables: int
    completeness: float


@dataclass(frozen=True)
class SatuData:
    """The Daftar Data, the MS-Var rows and the completeness per dataset."""

    datasets: Sequence[DatasetRow]
    """Made when read (reports.columns.Mapped), in the order the datasets came."""
    variables: list[VariableRow]
    by_dataset: list[DatasetCompleteness]
    produced: int
    used: int
    with_metadata: int
    published: int
    completeness: float
    """Mean completeness of the Daftar Data rows."""
    walidata: str
