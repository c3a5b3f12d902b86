"""The answers a new form starts with: the questions' defaults (static, or `today()` and such)."""

from __future__ import annotations

import datetime as dt
import math

from app.questionnaires.answers.coerce import CoerceError, coerce
from app.questionnaires.answers.document import AnswerContext
from app.questionnaires.expressions import ExpressionError, evaluate
from app.questionnaires.schema import Question, Questionnaire


def initial_answers(questionnaire: Questionnaire, today: dt.date) -> dict:
    """Defaults of the questions outside repeats (rows get theirs when added, in the browser)."""
    answers: dict = {}
    ctx = AnswerContext(questionnaire, answers, today=today)
    for field in questionnaire.fields():
        question = field.question
        if field.repeat_path or question.type == "calculate":
            continue
        value = _default(questionnaire, question, ctx)
        if value is not None:
            answers[question.name] = value
    return answers


def _default(questionnaire: Questionnaire, question: Question, ctx: AnswerContext) -> object:
    raw: object = None
    if question.default is not None:
        raw = question.default.split() if question.type == "select_multiple" else question.default
    elif question.default_expr is not None:
        try:
            raw = evaluate(question.default_expr.ast, ctx)
        except (ExpressionError, TypeError, ValueError, OverflowError):
            return None
        if isinstance(raw, float) and not math.isfinite(raw):
            return None
    codes = {c.name for c in questionnaire.choices(question.list_name or "")}
    try:
        return coerce(question.type, raw, codes)
    except CoerceError:
        return None
