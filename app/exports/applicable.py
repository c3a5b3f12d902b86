"""Tell "not applicable" from "not answered" in the export (option `na=mark`).

Stored answers hold nothing for a question whose relevance condition was false, so both show
as an empty cell. With the option on, an empty cell of a question that did not apply (its own
condition, or its group's, repeat's or section's, evaluated on that submission's answers and
version) reads "Tidak berlaku" instead; an empty cell that stays empty was not answered. The
conditions are evaluated as the report does (app/reports_web/relevance.py), memoised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from app.questionnaires.answers.document import Frame
from app.reports_web.relevance import Applicability
from reports.inputs import NOT_APPLICABLE

from .flatten import Column
from .plan import ExportPlan
from .records import SubmissionRecord


class NotApplicable:
    """Fills the empty cells of questions that did not apply with a marker text."""

    def __init__(self, plan: ExportPlan, marker: str, today: dt.date):
        self.marker = marker
        self._forms = {version.id: Applicability(version.form, today)
                       for version in plan.versions}
        self._fallback = Applicability(plan.newest.form, today)

    def mark(self, record: SubmissionRecord, columns: list[Column], values: list, offset: int,
             scope: dict, frames: tuple[Frame, ...] = ()) -> list:
        """`values[offset:]` are the cells of `columns`; returns `values`, marked in place."""
        form = self._forms.get(record.questionnaire_id, self._fallback)
        seen: dict[str, bool] = {}
        for index, column in enumerate(columns, start=offset):
            if values[index] is not None or column.field is None:
                continue
            if column.field not in seen:
                found = form.value(column.field, scope, record.answers, frames)
                seen[column.field] = found is NOT_APPLICABLE
            if seen[column.field]:
                values[index] = self.marker
        return values


def frames_at(answers: dict, path: tuple[str, ...]) -> Iterator[tuple[Frame, ...]]:
    """The frames leading to every row of the repeat at `path`, in the order of
    flatten.repeat_rows."""
    level: list[tuple[dict, tuple[Frame, ...]]] = [(answers, ())]
    for name in path:
        level = [(row, (*frames, Frame(name, row, index)))
                 for scope, frames in level
                 for index, row in enumerate(_rows(scope.get(name)), start=1)]
    return (frames for _, frames in level)


def _rows(value: object) -> list[dict]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []
