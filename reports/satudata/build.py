"""Daftar Data and MS-Var, each with a completeness score.

- Daftar Data: one row per dataset an OPD entered; the producer is the OPD itself when it
  produces the data, else the agency it names; the walidata is the regency's (Perpres
  39/2019: usually Diskominfo [I]). Completeness = filled fields of dataset, producer,
  format, frequency, metadata and (for producers) published, over the fields that apply.
- MS-Var: one row per questionnaire variable; completeness = filled MS-Var fields / the
  fields that apply (of 10), per variable and per dataset (its table: Isian, Layanan, …).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence
from functools import partial

from reports.columns import Mapped
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


def build_satu_data(datasets: Sequence[DatasetRecord], variables: list[Variable],
                    walidata: str) -> SatuData:
    """The Daftar Data and MS-Var rows with their completeness, and the counts.

    The Daftar Data rows are made when read (reports.columns.Mapped), from the datasets kept
    column by column: a round of 50,000 datasets renders them all."""
    var_rows = [VariableRow(v, variable_completeness(v)) for v in variables]
    tables: dict[str, list[VariableRow]] = {}
    for row in var_rows:
        tables.setdefault(row.variable.dataset, []).append(row)
    by_dataset = [DatasetCompleteness(name, len(members),
                                      sum(m.completeness for m in members) / len(members))
                  for name, members in tables.items()]
    completeness, roles, with_metadata, published = array("d"), Counter(), 0, 0
    for record in datasets:  # once: each read of a compact row makes it again
        completeness.append(dataset_completeness(record))
        roles[record.role] += 1
        with_metadata += bool(record.metadata)
        published += bool(record.published)
    return SatuData(
        datasets=Mapped(partial(dataset_row, walidata=walidata), datasets), variables=var_rows,
        by_dataset=by_dataset, produced=roles["produsen"], used=roles["pengguna"],
        with_metadata=with_metadata, published=published,
        completeness=sum(completeness) / len(completeness) if completeness else 0.0,
        walidata=walidata)
