"""The workbook sheets of the analyses: needs without a place in the chosen framework, the
SPBE self-assessment and its index, application rationalisation, Daftar Data and MS-Var.

Columns are (code, kind) with headers from the catalogue (`analysis.col.<code>`); the rows
come from the same typed results the report and the planner pages show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from app.analyses import fields as f
from app.exports.flatten import Column
from app.exports.masterplan import MasterplanSpec, ProgramItem
from app.exports.plan import ExportPlan
from reports.analyses import Analyses
from reports.applications import AppRow
from reports.frameworks import FrameworkView, Placement
from reports.satudata import DatasetRow
from reports.spbe import Spbe

UNMAPPED = (("opd_code", "text"), ("opd_name", "text"), ("need", "text"),
            ("source_dimension", "text"), ("source_element", "text"), ("cost", "money"),
            ("suggested", "text"), ("submission_id", "integer"), ("row_id", "text"))
SPBE = (("indicator", "text"), ("indicator_name", "text"), ("domain", "text"),
        ("aspect", "text"), ("weight", "number"), ("opd_in_charge", "text"),
        ("level", "integer"), ("level_source", "text"), ("target", "integer"),
        ("evidence", "text"), ("evidence_note", "text"), ("weighted", "number"),
        ("gain", "number"), ("services", "integer"), ("needs", "integer"),
        ("need_titles", "text"), ("example", "text"))
APPS = (("opd_code", "text"), ("opd_name", "text"), ("application", "text"),
        ("function", "text"), ("kind", "text"), ("app_status", "text"), ("hosting", "text"),
        ("integrated", "text"), ("integrated_with", "text"), ("cluster", "text"),
        ("cluster_opds", "integer"), ("national", "text"), ("match", "text"),
        ("hosting_note", "text"), ("draft", "text"), ("reason", "text"), ("final", "text"),
        ("decided_by", "text"), ("decision_note", "text"), ("submission_id", "integer"),
        ("row_id", "text"))
DATASETS = (("opd_code", "text"), ("dataset", "text"), ("producer", "text"),
            ("walidata", "text"), ("role", "text"), ("format", "text"), ("frequency", "text"),
            ("metadata", "text"), ("published", "text"), ("completeness", "percent"))
MS_VAR = (("dataset", "text"), ("variable", "text"), ("alias", "text"), ("concept", "text"),
          ("definition", "text"), ("question", "text"), ("data_type", "text"),
          ("classification", "text"), ("validation", "text"), ("reference_period", "text"),
          ("public_access", "text"), ("completeness", "percent"),
          ("dataset_completeness", "percent"))
SHEETS = (("tanpa_padanan", "Tanpa Padanan", UNMAPPED), ("spbe", "Penilaian SPBE", SPBE),
          ("spbe_indeks", "Indeks SPBE", (("item", "text"), ("value", "text"))),
          ("aplikasi_rasional", "Rasionalisasi Aplikasi", APPS),
          ("daftar_data", "Daftar Data", DATASETS), ("ms_var", "MS-Var", MS_VAR))


@dataclass(frozen=True)
class SheetRows:
    key: str
    rows: Iterable[list]
    footer: list | None = None


def columns(spec: tuple, t: Callable[..., str]) -> list[Column]:
    return [Column(code, t(f"analysis.col.{code}"), kind) for code, kind in spec]


# A sheet is there when the questionnaire has what it is built from.
NEEDS_FIELDS = {"spbe": (f.SERVICE_INDICATOR, f.NEED_INDICATOR),
                "spbe_indeks": (f.SERVICE_INDICATOR, f.NEED_INDICATOR),
                "aplikasi_rasional": (f.APP_NAME,), "daftar_data": (f.DATASET_NAME,)}


def sheet_specs(plan: ExportPlan, has_matrix: bool) -> list[tuple[str, str, tuple]]:
    """(key, sheet name, columns) of the analysis sheets this plan gets, in workbook order."""
    def present(key: str) -> bool:
        if key == "tanpa_padanan":
            return has_matrix
        return any(name in plan.fields for name in NEEDS_FIELDS.get(key, ())) or \
            key not in NEEDS_FIELDS

    return [sheet for sheet in SHEETS if present(sheet[0])]


def yes_no(value: bool | None, t: Callable[..., str]) -> str | None:
    return None if value is None else t("analysis.yes" if value else "analysis.no")


def unmapped_labels(spec: MasterplanSpec) -> tuple[dict[str, str], dict[str, str]]:
    """Dimension and element code -> label, for unmapped_values."""
    return dict(spec.dimensions), {code: label for code, label, _ in spec.elements}


def unmapped_values(item: ProgramItem, placement: Placement,
                    labels: tuple[dict[str, str], dict[str, str]],
                    view: FrameworkView) -> list:
    """A need the chosen framework has no place for, with the suggested nodes (written as
    the needs stream)."""
    dims, elements = labels
    return [item.opd_code, item.opd_name, item.name, dims.get(item.dimension or "", None),
            elements.get(item.element or "", None), item.cost,
            "; ".join(view.label(code) for code in placement.related) or None,
            item.submission_id, item.row_id]


NEED_TITLES = 5
"""Needs named per indicator on the SPBE sheet."""


def spbe_rows(spbe: Spbe, t: Callable[..., str], *, services: Mapping[str, int] | None = None,
              needs: Mapping[str, int] | None = None) -> SheetRows:
    """The indicator rows and the index; `services` and `needs` count per indicator when the
    rows hold only the first of them (the export's streaming collector)."""
    def count(counts: Mapping[str, int] | None, code: str, held: int) -> int:
        return held if counts is None else counts.get(code, 0)

    rows = [[r.indicator.code, r.indicator.label, r.indicator.domain_label,
             r.indicator.aspect_label, r.indicator.weight, r.opd_name or None, r.level,
             t(f"analysis.source.{r.source}"), r.target,
             t(f"analysis.evidence.{r.evidence}") if r.evidence else None,
             r.evidence_note or None, round(r.weighted, 4), round(r.gain, 4),
             count(services, r.indicator.code, r.services),
             count(needs, r.indicator.code, len(r.needs)),
             "; ".join(n.title for n in r.needs[:NEED_TITLES]) or None,
             t("analysis.example") if r.example else None]
            for r in spbe.rows]
    footer = [t("analysis.spbe.index"), None, None, None,
              sum(r.indicator.weight for r in spbe.rows), None, None, None, None, None, None,
              round(spbe.index, 4)]
    return SheetRows("spbe", rows, footer)


def spbe_summary_rows(spbe: Spbe, t: Callable[..., str]) -> list[list]:
    """Item / value: the framework, the index and predikat, the domains, the path."""
    def num(value: float) -> str:
        return f"{value:.3f}".replace(".", ",")

    rows = [[t("analysis.spbe.framework"), spbe.framework],
            [t("analysis.spbe.index"), num(spbe.index)],
            [t("analysis.spbe.predikat"), t(f"analysis.predikat.{spbe.predikat}")]]
    rows += [[t("analysis.spbe.domain", code=d.code, name=d.label), num(d.index)]
             for d in spbe.domains]
    rows.append([t("analysis.spbe.at_targets"), num(spbe.index_at_targets)])
    rows.append([t("analysis.spbe.assessed"), t("analysis.spbe.assessed_value",
                                                 count=spbe.assessed, total=len(spbe.rows),
                                                 answers=spbe.from_answers,
                                                 planner=spbe.from_planner)])
    if spbe.example:
        rows.append([t("analysis.example"), t("analysis.spbe.example_note")])
    if spbe.path is not None:
        rows += _path_rows(spbe, t, num)
    return rows


def _path_rows(spbe: Spbe, t: Callable[..., str], num: Callable[[float], str]) -> list[list]:
    path = spbe.path
    rows = [[t("analysis.spbe.target"), num(path.target)],
            [t("analysis.spbe.path"), t("analysis.spbe.path_value", gains=path.level_gains,
                                        after=num(path.index_after))
             if path.reached else t("analysis.spbe.unreachable")]]
    for number, step in enumerate(path.steps, start=1):
        needs = "; ".join(f"{n.title} ({n.opd_name})" for n in step.needs[:3])
        rows.append([t("analysis.spbe.step", number=number),
                     t("analysis.spbe.step_value", code=step.indicator.code,
                       name=step.indicator.label, start=step.from_level, end=step.to_level,
                       gain=num(step.gain)) + (f" — {needs}" if needs else "")])
    return rows


def app_values(r: AppRow, t: Callable[..., str]) -> list:
    """One row of the rationalisation sheet."""
    a, d = r.app, r.decision
    return [a.opd_code, a.opd_name, a.name, a.function or None,
            t(f"analysis.kind.{a.kind}") if a.kind else None, a.status_label or None,
            a.hosting_label or None, yes_no(a.integrated, t), a.integrated_with or None,
            r.cluster or None, r.cluster_opds or None, r.national or None,
            t(f"analysis.match.{r.match}") if r.match else None,
            t("analysis.hosting.move") if r.hosting_note else None,
            t(f"analysis.rec.{r.draft}"), t(f"analysis.reason.{r.reason}"),
            t(f"analysis.rec.{r.final}"), d.decided_by if d else None,
            (d.note or None) if d else None, a.submission_id, a.row_id]


def dataset_values(r: DatasetRow, t: Callable[..., str]) -> list:
    """One row of the Daftar Data sheet."""
    return [r.record.opd_code, r.record.name, r.producer or None, r.walidata or None,
            r.record.role_label or None, r.record.format_label or None,
            r.record.frequency_label or None, yes_no(r.record.metadata, t),
            yes_no(r.record.published, t), r.completeness]


def ms_var_rows(analyses: Analyses) -> list[list]:
    per_dataset = {d.dataset: d.completeness for d in analyses.satu_data.by_dataset}
    return [[v.dataset, v.name, v.alias or None, v.concept or None, v.definition or None,
             v.question or None, v.data_type or None, v.classification or None,
             v.validation or None, v.reference_period or None, v.public_access or None,
             row.completeness, per_dataset.get(v.dataset)]
            for row in analyses.satu_data.variables for v in (row.variable,)]
