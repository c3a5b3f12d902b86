"""From the export's flattening to the report's input: plan + submission records -> ReportInput.

The needs come from the export's `program_items` (the rows of the `Program Masterplan` sheet)
and the dimension of a need without one from its element, as `DimensionMatrix` does, so the
report's totals are the workbook's. Submissions are read once: `AnswerStream` yields the rows
of the per-question section and collects needs, readiness and applications on the way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from app.analyses.collect import Collector
from app.exports.masterplan import MasterplanSpec, program_items
from app.exports.plan import MAIN, ExportPlan, PlannedField
from app.exports.records import SubmissionRecord
from app.questionnaires.answers.document import Frame
from app.questionnaires.schema import text_in
from app.reports_web import fields
from app.reports_web.relevance import Applicability
from reports.columns import Rows
from reports.inputs import (
    AnswerRow,
    Application,
    ChoiceOption,
    Dimension,
    Element,
    Need,
    QuestionSpec,
    Readiness,
)

YES = frozenset({"ya", "yes", "true", "1"})


def dimensions_of(spec: MasterplanSpec | None) -> list[Dimension]:
    """The six dimensions with their elements, labelled, in the questionnaire's order."""
    if spec is None:
        return []
    return [Dimension(code, label, tuple(Element(c, lab) for c, lab, parent in spec.elements
                                         if parent == code))
            for code, label in spec.dimensions]


def question_specs(plan: ExportPlan, lang: str) -> list[QuestionSpec]:
    """Every field of every table, in questionnaire order, labelled in `lang`."""
    default = plan.newest.form.default_language
    specs = []
    for table in plan.tables:
        table_label = text_in(table.label, lang, default)
        for planned in table.fields:
            specs.append(_spec(planned, MAIN_TABLE if table.key == MAIN else table.key,
                               table_label, lang, default))
    return specs


MAIN_TABLE = "main"


def _spec(planned: PlannedField, table: str, table_label: str, lang: str,
          default: str) -> QuestionSpec:
    q = planned.question
    section = text_in(planned.section_label, lang, default) or table_label
    choices = tuple(ChoiceOption(c.name, text_in(c.label, lang, default) or c.name)
                    for c in planned.choices)
    return QuestionSpec(name=q.name, label=text_in(q.label, lang, default) or q.name,
                        section=section, type=q.type, table=table, choices=choices)


class AnswerStream:
    """Reads submission records once; yields per-question rows; collects the rest."""

    def __init__(self, plan: ExportPlan, spec: MasterplanSpec | None, lang: str, *,
                 today: dt.date, collector: Collector | None = None):
        self.plan, self.spec = plan, spec
        self.collector = collector
        # Column by column (reports/columns.py): 100,000 needs in a few MB, not 100.
        self.needs: Rows[Need] = Rows(Need, distinct=("row_id",))
        self.readiness: list[Readiness] = []
        self.applications: Rows[Application] = Rows(Application)
        self.submissions = 0
        self.left_out: list[str] = []
        self._forms = {v.id: Applicability(v.form, today) for v in plan.versions}
        self._fallback = Applicability(plan.newest.form, today)
        self._tables = [(MAIN_TABLE if t.key == MAIN else t.key, t.repeat_path)
                        for t in plan.tables]
        self._parent = {code: parent for code, _, parent in spec.elements} if spec else {}
        kinds = plan.fields.get(fields.APP_KIND)
        default = plan.newest.form.default_language
        self._kind_labels = {c.name: text_in(c.label, lang, default) or c.name
                             for c in (kinds.choices if kinds else [])}

    def rows(self, records: Iterable[SubmissionRecord]) -> Iterator[AnswerRow]:
        """Every (table, answers) row of every record, in order."""
        for record in records:
            if record.problem is not None:  # the workbook lists it apart; the report says so
                self.left_out.append(record.opd_code)
                continue
            self.submissions += 1
            self._collect(record)
            form = self._forms.get(record.questionnaire_id, self._fallback)
            root = record.answers
            for table, path in self._tables:
                for scope, frames in _scopes(root, path):
                    yield table, _View(form, scope, root, frames)

    def _collect(self, record: SubmissionRecord) -> None:
        if self.collector is not None:
            self.collector.add(record)
        answers = record.answers
        if self.spec is not None:
            self.needs.extend(self._needs(record))
        scores = [_number(answers.get(name)) for name in fields.READINESS]
        self.readiness.append(Readiness(record.opd_code, *scores))
        for row in _list(answers.get(fields.APP_REPEAT)):
            self.applications.append(self._app(record.opd_code, row))

    def _needs(self, record: SubmissionRecord) -> Iterator[Need]:
        assert self.spec is not None
        rows = _rows_at(record.answers, self.spec.repeat_path)
        for item, row in zip(program_items(self.spec, record), rows, strict=True):
            dimension = item.dimension or self._parent.get(item.element or "")
            yield Need(
                opd_code=item.opd_code, title=_text(item.name), dimension=dimension,
                element=item.element, problem=_text(item.problem), output=_text(item.output),
                timeframe=item.term if isinstance(item.term, str) else None, cost=item.cost,
                priority=_integer(item.priority), beneficiaries=_integer(
                    row.get(fields.BENEFICIARIES)),
                quick_win=str(item.quick_win).lower() in YES,
                national_app=str(row.get(fields.NATIONAL_APP, "")).lower() in YES,
                funding=_text(self.spec.label("sumber_dana", item.funding)),
                related_opds=_text(item.related_opds), row_id=item.row_id or "")

    def _app(self, opd_code: str, row: dict) -> Application:
        kind = row.get(fields.APP_KIND)
        platforms = row.get(fields.APP_PLATFORMS)
        return Application(
            opd_code=opd_code, name=_text(row.get(fields.APP_NAME)),
            kind=kind if isinstance(kind, str) else None,
            kind_label=self._kind_labels.get(kind, kind) if isinstance(kind, str) else "",
            function=_text(row.get(fields.APP_FUNCTION)),
            platforms=tuple(platforms) if isinstance(platforms, list) else ())


class _View:
    """One scope's answers as the per-question builder reads them (`get`)."""

    __slots__ = ("form", "scope", "root", "frames")

    def __init__(self, form: Applicability, scope: dict, root: dict, frames: tuple):
        self.form, self.scope, self.root, self.frames = form, scope, root, frames

    def get(self, name: str, default: object = None) -> object:
        value = self.scope.get(name)
        if value is not None and value != "":
            return value  # answered: the common case, no relevance to evaluate
        return self.form.value(name, self.scope, self.root, self.frames)


def _scopes(root: dict, path: tuple[str, ...]) -> Iterator[tuple[dict, tuple[Frame, ...]]]:
    """The root (path ()) or every row of the repeat at `path`, with the frames leading to it."""
    level: list[tuple[dict, tuple[Frame, ...]]] = [(root, ())]
    for name in path:
        level = [(row, (*frames, Frame(name, row, index)))
                 for scope, frames in level
                 for index, row in enumerate(_list(scope.get(name)), start=1)]
    return iter(level)


def _rows_at(root: dict, path: tuple[str, ...]) -> Iterator[dict]:
    return (row for row, _ in _scopes(root, path))


def _list(value: object) -> list[dict]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if value == value else None  # NaN is not a score


def _integer(value: object) -> int | None:
    number = _number(value)
    if number is None and isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return int(number) if number is not None else None
