"""validate_answers: the one validation path for answers (HTML form, autosave, API, CLI).

Pure and deterministic given `today`. Two passes: clean.py checks shape, types and
bounds; then the form is walked in document order, evaluating relevance, calculations,
required, constraints, choice filters and repeat_count as KoboToolbox/ODK would.

Answers of questions that do not apply are left out of `answers` (what is submitted, what a
planner sees, what later expressions read), but they are not lost: `hidden` lists them and
`kept()` is the whole draft with them, so an answer comes back when its condition holds again.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from dataclasses import dataclass, field

from ..expressions import ExpressionError, evaluate, evaluate_boolean
from ..messages import message
from ..schema import Expr, Group, Item, Note, Question, Questionnaire, Repeat, text_in
from .carried import PENDING, ROW_CARRY, STATUSES, Retired, restore, retire
from .clean import Cleaner
from .coerce import is_empty
from .document import AnswerContext, Frame, row_path


@dataclass(frozen=True)
class Hidden:
    """An answer left out because its question (or a group, repeat or section around it) does
    not apply: where it is, the item, the condition that is false, and the value kept."""

    path: str
    item: Question | Repeat
    condition: Expr | None
    value: object
    scope: dict = field(repr=False, compare=False)


@dataclass
class ValidationResult:
    """The cleaned answers to store, errors by path, and how many required answers are given."""

    answers: dict
    errors: dict[str, str] = field(default_factory=dict)
    required_total: int = 0
    required_answered: int = 0
    refused: dict[str, str] = field(default_factory=dict)
    """The errors of values that cannot be stored as sent (a subset of `errors`)."""
    hidden: list[Hidden] = field(default_factory=list)
    retired: list[Retired] = field(default_factory=list)
    """Carried rows the officer marked "tidak berlaku lagi": kept in the draft, not in
    `answers` (answers/carried.py)."""

    def kept(self) -> dict:
        """The whole draft: `answers` plus the hidden answers and the retired rows, each back
        in its place."""
        copies: dict[int, dict] = {}
        document = _copy_scopes(self.answers, copies)
        for entry in self.hidden:
            target = copies.get(id(entry.scope))
            if target is not None:
                target[entry.item.name] = copy.deepcopy(entry.value)
        return restore(document, copy.deepcopy(self.retired))

    @property
    def ok(self) -> bool:
        """Whether there are no errors."""
        return not self.errors

    @property
    def complete(self) -> bool:
        """Whether there are no errors and every required (relevant) question is answered."""
        return self.ok and self.required_answered == self.required_total


def validate_answers(
    questionnaire: Questionnaire,
    answers: object,
    *,
    lang: str = "id",
    today: dt.date | None = None,
    partial: bool = False,
) -> ValidationResult:
    """Check and clean an answers document; `partial` (drafts) does not enforce required."""
    if not isinstance(answers, dict):
        return ValidationResult({}, {"": message("not_object", lang)})
    cleaner = Cleaner(questionnaire, lang)
    document = cleaner.clean(answers)
    retired = retire(document)
    walker = _Walker(questionnaire, document, lang, today or dt.date.today(), partial, cleaner)
    walker.run(calculate_only=True)  # so expressions above a calculate can read its value
    walker.run(calculate_only=False)
    errors = {**walker.errors, **cleaner.errors}  # what cannot be stored says so first
    return ValidationResult(document, errors, walker.required_total, walker.required_answered,
                            dict(cleaner.errors), walker.hidden, retired)


def _copy_scopes(value: object, copies: dict[int, dict]) -> object:
    """A deep copy of a document, noting which copy each original object (scope) became."""
    if isinstance(value, dict):
        out = {key: _copy_scopes(item, copies) for key, item in value.items()}
        copies[id(value)] = out
        return out
    if isinstance(value, list):
        return [_copy_scopes(item, copies) for item in value]
    return value


class _Walker:
    """Walks the form over the working document, applying the form's logic in place."""

    def __init__(self, questionnaire, document, lang, today, partial, cleaner: Cleaner) -> None:
        self.questionnaire = questionnaire
        self.document = document
        self.lang = lang
        self.partial = partial
        self.root_ctx = AnswerContext(questionnaire, document, today=today)
        self.hidden: list[Hidden] = []
        self.errors: dict[str, str] = {}
        self.required_total = self.required_answered = 0
        self.calculate_only = False

    def run(self, *, calculate_only: bool) -> None:
        """One pass over every section."""
        self.calculate_only = calculate_only
        for section in self.questionnaire.sections:
            if calculate_only or self._relevant(section.relevant, self.root_ctx):
                self._items(section.items, self.document, self.root_ctx, "")
            else:
                self._drop(section.items, self.document, "", section.relevant)

    def _items(self, items: list[Item], scope: dict, ctx: AnswerContext, prefix: str) -> None:
        for item in items:
            if isinstance(item, Note):
                continue
            if not self.calculate_only and not self._relevant(item.relevant, ctx):
                self._drop([item], scope, prefix, item.relevant)
            elif isinstance(item, Group):
                self._items(item.items, scope, ctx, prefix)
            elif isinstance(item, Repeat):
                self._repeat(item, scope, ctx, prefix)
            elif item.type == "calculate":
                self._calculate(item, scope, ctx)
            elif not self.calculate_only:
                self._question(item, scope, ctx, f"{prefix}{item.name}")

    def _drop(self, items: list[Item], scope: dict, prefix: str, condition: Expr | None) -> None:
        """Take out the answers of items that do not apply (everything inside a group), noting
        each in `hidden` so the draft keeps it; calculations are simply recomputed later."""
        for item in items:
            if isinstance(item, Group):
                self._drop(item.items, scope, prefix, condition)
            elif not isinstance(item, Note) and item.name in scope:
                value = scope.pop(item.name)
                if isinstance(item, Repeat) or item.type != "calculate":
                    self.hidden.append(Hidden(f"{prefix}{item.name}", item, condition, value,
                                              scope))

    def _repeat(self, repeat: Repeat, scope: dict, ctx: AnswerContext, prefix: str) -> None:
        path = f"{prefix}{repeat.name}"
        rows = scope.get(repeat.name, [])
        if not self.calculate_only:
            limit = self._repeat_limit(repeat.repeat_count, ctx)
            if limit is not None and len(rows) > limit:
                self.errors.setdefault(path, message("repeat_count", self.lang, limit=limit))
        for index, row in enumerate(rows, start=1):
            frames = (*ctx.frames, Frame(repeat.name, row, index))
            here = f"{row_path(prefix, repeat.name, index)}."
            if not self.calculate_only and row.get(ROW_CARRY) in STATUSES:
                self._carried_row(row, here)
            self._items(repeat.items, row, ctx.at(frames=frames), here)

    def _carried_row(self, row: dict, here: str) -> None:
        """A carried row counts as one required answer: given once the officer confirmed it."""
        self.required_total += 1
        if row[ROW_CARRY] != PENDING:
            self.required_answered += 1
        elif not self.partial:
            self.errors[f"{here}{ROW_CARRY}"] = message("carry_unconfirmed", self.lang)

    def _repeat_limit(self, count: Expr | None, ctx: AnswerContext) -> int | None:
        if count is None:
            return None
        value = self._safe(lambda: evaluate(count.ast, ctx), None)
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            return None
        return max(int(value), 0) if math.isfinite(value) else None

    def _calculate(self, question: Question, scope: dict, ctx: AnswerContext) -> None:
        value = self._safe(lambda: evaluate(question.calculation.ast, ctx), None)
        if isinstance(value, float) and not math.isfinite(value):
            value = None  # NaN/Infinity have no JSON form
        if is_empty(value):
            scope.pop(question.name, None)
        else:
            scope[question.name] = value

    def _question(self, question: Question, scope: dict, ctx: AnswerContext, path: str) -> None:
        value = scope.get(question.name)
        if value is not None and question.choice_filter and not self._offered(question, value, ctx):
            scope.pop(question.name)
            value = None
            self.errors[path] = message("choice_filtered", self.lang)
        required = question.required
        if isinstance(required, Expr):
            required = self._safe(lambda: evaluate_boolean(required.ast, ctx), False)
        if required:
            self.required_total += 1
            self.required_answered += value is not None
            if value is None and not self.partial:
                self.errors.setdefault(path, self._text(question.required_message, "required"))
        if value is not None and question.constraint is not None:
            here = ctx.at(current=value)
            if not self._safe(lambda: evaluate_boolean(question.constraint.ast, here), False):
                self.errors.setdefault(path, self._text(question.constraint_message, "constraint"))

    def _offered(self, question: Question, value: object, ctx: AnswerContext) -> bool:
        """Whether every selected code passes the choice_filter in this row."""
        wanted = set(value) if isinstance(value, list) else {value}
        choices = [c for c in self.questionnaire.choices(question.list_name) if c.name in wanted]
        ast = question.choice_filter.ast
        return all(
            self._safe(lambda c=c: evaluate_boolean(ast, ctx.at(choice=c)), False)
            for c in choices
        )

    def _relevant(self, relevant: Expr | None, ctx: AnswerContext) -> bool:
        return relevant is None or self._safe(lambda: evaluate_boolean(relevant.ast, ctx), True)

    def _text(self, custom: dict[str, str], key: str) -> str:
        if custom:
            return text_in(custom, self.lang, self.questionnaire.default_language)
        return message(key, self.lang)

    @staticmethod
    def _safe(compute, fallback):
        """Evaluate, turning a runtime expression error into the cautious fallback."""
        try:
            return compute()
        except (ExpressionError, TypeError, ValueError, OverflowError, RecursionError):
            return fallback
