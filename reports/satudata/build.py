"""Daftar Data and MS-Var, each with a completeness score.

- Daftar Data: one row per dataset an OPD entered; the producer is the OPD itself when it
  produces the data, else the agency it names; the walidata is the regency's (Perpres
  39/2019: usually Diskominfo [I]). Completeness = filled fields of dataset, producer,
  format, frequency, metadata and (for producers) published, over the fields that apply.
- MS-Var: one row per questionnaire variable; completeness = filled MS-Var fields / the
  fields that apply (of 10), per variable and per dataset (its table: Isian, Layanan, …).
"""

from __future__ import annotations

from reports.satudata.model import (
    MS_VAR_FIELDS,
    DatasetCompleteness,
    DatasetRecord,
    DatasetRow,
    SatuData,
    Variable,
    VariableRow,
)


def _producer(record: DatasetRecord) -> str:
    return record.opd_name if record.role == "produsen" else record.source


def dataset_completeness(record: DatasetRecord) -> float:
    """Filled fields / fields that apply (published is asked of producers only)."""
    values = [record.name, _producer(record), record.format_label, record.frequency_label,
              record.metadata]
    if record.role != "pengguna":
        values.append(record.published)
    return sum(1 for v in values if v not in (None, "")) / len(values)


def variable_completeness(variable: Variable) -> float:
    """Filled MS-Var fields / the fields that apply."""
    values = [getattr(variable, f) for f in MS_VAR_FIELDS]
    applicable = [v for v in values if v is not None]
    return sum(1 for v in applicable if v) / len(applicable) if applicable else 0.0


def dataset_row(record: DatasetRecord, walidata: str) -> DatasetRow:
    """One Daftar Data row: the dataset with its producer, the walidata and completeness."""
    return DatasetRow(record, _producer(record), walidata, dataset_completeness(record))


def build_satu_data(datasets: list[DatasetRecord], variables: list[Variable],
                    walidata: str) -> SatuData:
    """The Daftar Data and MS-Var rows with their completeness, and the counts."""
    rows = [dataset_row(r, walidata) for r in datasets]
    var_rows = [VariableRow(v, variable_completeness(v)) for v in variables]
    tables: dict[str, list[VariableRow]] = {}
    for row in var_rows:
        tables.setdefault(row.variable.dataset, []).append(row)
    by_dataset = [DatasetCompleteness(name, len(members),
                                      sum(m.completeness for m in members) / len(members))
                  for name, members in tables.items()]
    return SatuData(
        datasets=rows, variables=var_rows, by_dataset=by_dataset,
        produced=sum(1 for r in datasets if r.role == "produsen"),
        used=sum(1 for r in datasets if r.role == "pengguna"),
        with_metadata=sum(1 for r in datasets if r.metadata),
        published=sum(1 for r in datasets if r.published),
        completeness=sum(r.completeness for r in rows) / len(rows) if rows else 0.0,
        walidata=walidata)
