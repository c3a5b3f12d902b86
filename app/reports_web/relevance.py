"""Tell "not answered" from "not applicable": was a missing answer's question relevant?

Stored answers never hold a value for a question that was not relevant (validate_answers
removes them), so only a missing answer needs its relevance conditions evaluated — its own and
those of the groups, repeats and section around it. Results are memoised on the values the
conditions read, so a round of thousands of submissions evaluates each distinct case once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

from app.questionnaires.answers.document import AnswerContext, Frame
from app.questionnaires.expressions.evaluate import evaluate_boolean
from app.questionnaires.schema import Expr, Group, Question, Questionnaire, Repeat
from reports.inputs import NOT_APPLICABLE

_MISSING = object()


def conditions(form: Questionnaire) -> dict[str, tuple[Expr, ...]]:
    """Field name -> the relevance conditions that must all hold for it to be shown."""
    found: dict[str, tuple[Expr, ...]] = {}

    def visit(items, outer: tuple[Expr, ...]) -> None:
        for item in items:
            chain = (*outer, item.relevant) if getattr(item, "relevant", None) else outer
            if isinstance(item, Group | Repeat):
                visit(item.items, chain)
            elif isinstance(item, Question):
                found[item.name] = chain

    for section in form.sections:
        visit(section.items, (section.relevant,) if section.relevant else ())
    return found


class Applicability:
    """Answers of one questionnaire version as the report reads them (NOT_APPLICABLE marked)."""

    def __init__(self, form: Questionnaire, today: dt.date):
        self.form = form
        self.conditions = conditions(form)
        self._memo: dict[tuple, bool] = {}
        self._today = today

    def value(self, name: str, scope: dict, root: dict, frames: tuple[Frame, ...]) -> object:
        """The stored answer, or NOT_APPLICABLE when missing because its question was hidden."""
        value = scope.get(name, _MISSING)
        if value is not _MISSING and value is not None and value != "":
            return value
        chain = self.conditions.get(name)
        if chain and not self._shown(chain, root, frames):
            return NOT_APPLICABLE
        return None

    def _shown(self, chain: tuple[Expr, ...], root: dict, frames: tuple[Frame, ...]) -> bool:
        ctx = AnswerContext(self.form, root, frames, today=self._today)
        return all(self._holds(expr, ctx) for expr in chain)

    def _holds(self, expr: Expr, ctx: AnswerContext) -> bool:
        key = _key(expr, ctx)
        if key is not None and key in self._memo:
            return self._memo[key]
        try:
            result = evaluate_boolean(expr.ast, ctx)
        except Exception:  # noqa: BLE001 - a broken condition shows the question (as validate)
            result = True
        if key is not None:
            self._memo[key] = result
        return result


def _key(expr: Expr, ctx: AnswerContext) -> tuple | None:
    """(source, values of the refs it reads, row position) when all are hashable, else None."""
    values: list[Hashable] = [expr.source, ctx.position]
    for ref in expr.refs:
        value = ctx.value(ref)
        if isinstance(value, list):
            if any(isinstance(v, dict | list) for v in value):
                return None
            value = tuple(value)
        values.append(value)
    return tuple(values)

