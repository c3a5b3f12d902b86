"""Collect, submission by submission, what the analyses read from the answers.

Fed by the workbook export and the report while they stream the submissions (and by the
planner pages), so all three see the same rows: services and needs linked to an SPBE
indicator, applications (section C) and datasets (section D).
"""

from __future__ import annotations

import sys

from app.analyses import fields as f
from app.exports.flatten import choice_labels, repeat_rows
from app.exports.masterplan import MasterplanSpec
from app.exports.plan import ExportPlan
from app.exports.records import SubmissionRecord
from app.frameworks.binding import spbe_nodes
from reports.applications import AppRecord
from reports.columns import Rows
from reports.satudata import DatasetRecord
from reports.spbe import LinkedNeed, LinkedService


class Collector:
    """Reads each submission once and keeps the analyses' input rows."""

    def __init__(self, plan: ExportPlan, spec: MasterplanSpec | None, lang: str):
        self.spec = spec
        # Column by column (reports/columns.py): at 5,000 submissions a few MB, not 40.
        self.services: Rows[LinkedService] = Rows(LinkedService)
        self.needs: Rows[LinkedNeed] = Rows(LinkedNeed, distinct=("row_id",))
        self.apps: Rows[AppRecord] = Rows(AppRecord, distinct=("row_id",))
        self.datasets: Rows[DatasetRecord] = Rows(DatasetRecord)
        default = plan.newest.form.default_language
        self._labels = {name: choice_labels(planned, lang, default)
                        for name, planned in plan.fields.items() if planned.choices}
        nodes = spbe_nodes(plan)
        self.spbe_framework = next((ref.framework for refs in nodes.values()
                                    for ref in refs.values()), f.SPBE_FRAMEWORK)
        self._indicators = {name: {code: ref.node for code, ref in refs.items()
                                   if ref.framework == self.spbe_framework}
                            for name, refs in nodes.items()}

    def label(self, name: str, code: object) -> str:
        """A choice's label in the analyses' language ("" when not answered)."""
        if not isinstance(code, str):
            return ""
        return self._labels.get(name, {}).get(code, code)

    def indicator(self, name: str, code: object) -> str | None:
        """The SPBE indicator a choice of an indicator field is (None: not one)."""
        if not isinstance(code, str):
            return None
        bound = self._indicators.get(name)
        if bound:
            return bound.get(code)
        return code if code.isdigit() else None  # an unbound list: its codes are numbers

    def add(self, record: SubmissionRecord) -> None:
        """Take what the analyses need from one readable submission."""
        if record.problem is not None:
            return
        answers = record.answers
        for found in repeat_rows(answers, (f.SERVICE_REPEAT,)):
            self._service(record, found.row)
        if self.spec is not None:
            for found in repeat_rows(answers, self.spec.repeat_path):
                self._need(record, found.row)
        for found in repeat_rows(answers, (f.APP_REPEAT,)):
            self.apps.append(self._app(record, found.row))
        for found in repeat_rows(answers, (f.DATASET_REPEAT,)):
            self.datasets.append(self._dataset(record, found.row))

    def _service(self, record: SubmissionRecord, row: dict) -> None:
        indicator = self.indicator(f.SERVICE_INDICATOR, row.get(f.SERVICE_INDICATOR))
        if indicator:
            self.services.append(LinkedService(
                record.opd_code, record.opd_name, _text(row.get(f.SERVICE_NAME)), indicator,
                _level(row.get(f.SERVICE_LEVEL)), _level(row.get(f.SERVICE_TARGET))))

    def _need(self, record: SubmissionRecord, row: dict) -> None:
        indicator = self.indicator(f.NEED_INDICATOR, row.get(f.NEED_INDICATOR))
        if not indicator:
            return
        name_field, cost_field = self.spec.fields.get("nama_program"), self.spec.fields.get(
            "biaya")
        cost = row.get(cost_field) if cost_field else None
        self.needs.append(LinkedNeed(
            record.opd_code, record.opd_name, _text(row.get(name_field)) if name_field else "",
            indicator, float(cost) if _is_number(cost) else None, _row_id(row.get("_id"))))

    def _app(self, record: SubmissionRecord, row: dict) -> AppRecord:
        integrated = row.get(f.APP_INTEGRATED)
        return AppRecord(
            opd_code=record.opd_code, opd_name=record.opd_name, submission_id=record.id,
            row_id=_row_id(row.get("_id")), name=_text(row.get(f.APP_NAME)),
            function=_text(row.get(f.APP_FUNCTION)), kind=_text(row.get(f.APP_KIND)),
            status=_text(row.get(f.APP_STATUS)),
            status_label=self.label(f.APP_STATUS, row.get(f.APP_STATUS)),
            hosting=_text(row.get(f.APP_HOSTING)),
            hosting_label=self.label(f.APP_HOSTING, row.get(f.APP_HOSTING)),
            integrated=None if integrated is None else integrated == f.YES,
            integrated_with=_text(row.get(f.APP_INTEGRATED_WITH)),
            developer_label=self.label(f.APP_DEVELOPER, row.get(f.APP_DEVELOPER)))

    def _dataset(self, record: SubmissionRecord, row: dict) -> DatasetRecord:
        role = _text(row.get(f.DATASET_ROLE))
        return DatasetRecord(
            opd_code=record.opd_code, opd_name=record.opd_name,
            name=_text(row.get(f.DATASET_NAME)), role=role,
            role_label=self.label(f.DATASET_ROLE, role), source=_text(row.get(f.DATASET_SOURCE)),
            format_label=self.label(f.DATASET_FORMAT, row.get(f.DATASET_FORMAT)),
            frequency_label=self.label(f.DATASET_FREQUENCY, row.get(f.DATASET_FREQUENCY)),
            metadata=_yes(row.get(f.DATASET_METADATA)),
            published=_yes(row.get(f.DATASET_PUBLISHED)))


def _text(value: object) -> str:
    """The answer as text, interned: the rows of a big round hold each repeated text once,
    not one copy per parsed answers document."""
    return "" if value is None else sys.intern(str(value))


def _row_id(value: object) -> str:
    return "" if value is None else str(value)  # unique per row: interning would only add


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _level(value: object) -> int | None:
    if _is_number(value):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _yes(value: object) -> bool | None:
    return None if value in (None, "") else value == f.YES
