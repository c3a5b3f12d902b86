"""The render model of one form section: a pure function of the questionnaire and the answers.

`section_view` turns the typed questionnaire, the answers to show (possibly raw, as posted),
the cleaned answers (for relevance, choice filters and calculations), the errors and the
review comments into plain objects the template draws. Relevance here only decides what is
hidden when the page loads; the browser script re-evaluates it on every change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from app.questionnaires.answers.carried import ROW_CARRY, STATUSES
from app.questionnaires.answers.clean import text_limit
from app.questionnaires.answers.document import ROW_ID, AnswerContext, Frame, row_path
from app.questionnaires.expressions import ExpressionError, evaluate_boolean
from app.questionnaires.schema import (
    Expr,
    Group,
    Item,
    Note,
    Question,
    Questionnaire,
    Repeat,
    Section,
    text_in,
)
from app.submissions.form import formats
from app.submissions.form.compare import same_value
from app.submissions.form.keys import anchor, row_scope

_UNIT = re.compile(r"\(([^()\s]{1,5})\)\s*$")
"""A short unit at the end of a label: "Kapasitas internet kantor (Mbps)"."""
RADIO_MAX = 7
"""Choice lists longer than this are drawn as a drop-down rather than radio buttons."""


@dataclass
class Option:
    name: str
    label: str
    selected: bool
    offered: bool = True


@dataclass
class FieldView:
    kind = "field"
    name: str
    key: str
    path: str
    label: str
    hint: str
    widget: str
    required: bool
    relevant: bool
    value: str = ""
    options: list[Option] = field(default_factory=list)
    error: str | None = None
    comments: list[str] = field(default_factory=list)
    money: bool = False
    plain: bool = False
    """A year: shown without thousands separators (2026, not 2.026)."""
    day_words: str = ""
    elsewhere: str | None = None
    """The value saved elsewhere meanwhile, when it differs from this one (conflict)."""
    max_chars: int | None = None
    """How long a text answer may be (the browser says so before the server refuses it)."""
    last: str | None = None
    """Last year's value as shown, when this answer was carried from an earlier round."""
    last_raw: object = None
    last_same: bool = False
    """Whether the answer still equals the carried one."""

    @property
    def anchor(self) -> str:
        return anchor(self.path)


@dataclass
class NoteView:
    kind = "note"
    name: str
    key: str
    label: str
    hint: str
    relevant: bool


@dataclass
class GroupView:
    kind = "group"
    name: str
    key: str
    label: str
    hint: str
    relevant: bool
    items: list = field(default_factory=list)


@dataclass
class RowView:
    row_id: str
    index: int | str
    key: str
    path: str
    items: list = field(default_factory=list)
    carry: str | None = None
    """A carried row's status (answers/carried.py); None for a row added this year."""
    carry_error: str | None = None

    @property
    def anchor(self) -> str:
        return anchor(self.path)


@dataclass
class RepeatView:
    kind = "repeat"
    name: str
    key: str
    path: str
    label: str
    hint: str
    relevant: bool
    depth: int
    rows: list[RowView] = field(default_factory=list)
    template: RowView | None = None
    error: str | None = None
    comments: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return anchor(self.path)


def is_money(question: Question) -> bool:
    """A number asked in Rupiah: its hint or label says so (the XLSForm subset has no currency)."""
    if question.type not in ("integer", "decimal"):
        return False
    texts = [*question.hint.values(), *question.label.values()]
    return any("rupiah" in text.lower() for text in texts)


def is_year(question: Question) -> bool:
    """A whole number that is a year (named `tahun…`/`…year…`): no thousands separators."""
    name = question.name.lower()
    return question.type == "integer" and ("tahun" in name or "year" in name)


def widget_of(question: Question, questionnaire: Questionnaire) -> str:
    """Which control draws a question."""
    if question.type == "calculate":
        return "calculate"
    if question.read_only:
        return "readonly"
    if question.type == "select_one":
        many = len(questionnaire.choices(question.list_name or "")) > RADIO_MAX
        return "select" if many else "radio"
    return {"text": "textarea" if question.appearance == "multiline" else "text",
            "integer": "number", "decimal": "number", "date": "date",
            "select_multiple": "checkbox"}[question.type]


def show_value(question: Question, value: object, lang: str) -> str:
    """An answer as text for an input or a read-only display (numbers the Indonesian way)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if question.type in ("integer", "decimal", "calculate") and isinstance(value, int | float):
        return str(value) if is_year(question) else formats.format_number(value)
    return value if isinstance(value, str) else str(value)


@dataclass
class _Builder:
    questionnaire: Questionnaire
    lang: str
    shown: dict
    cleaned: dict
    errors: dict[str, str]
    comments: dict[str, list[str]]
    today: dt.date
    elsewhere: dict[str, object] = field(default_factory=dict)
    carried: dict[str, object] = field(default_factory=dict)

    def text(self, texts: dict[str, str]) -> str:
        return text_in(texts, self.lang, self.questionnaire.default_language)

    def relevant(self, expr: Expr | None, ctx: AnswerContext) -> bool:
        return expr is None or _safe(lambda: evaluate_boolean(expr.ast, ctx), True)

    def items(self, items: list[Item], shown: dict, ctx: AnswerContext, scope: str,
              prefix: str, visible: bool) -> list:
        out = []
        for item in items:
            here = visible and self.relevant(item.relevant, ctx)
            if isinstance(item, Note):
                out.append(NoteView(item.name, scope + item.name, self.text(item.label),
                                    self.text(item.hint), here))
            elif isinstance(item, Group):
                view = GroupView(item.name, scope + item.name, self.text(item.label),
                                 self.text(item.hint), here)
                view.items = self.items(item.items, shown, ctx, scope, prefix, here)
                out.append(view)
            elif isinstance(item, Repeat):
                out.append(self.repeat(item, shown, ctx, scope, prefix, here))
            elif item.type != "calculate" or item.label:
                out.append(self.question(item, shown, ctx, scope, prefix, here))
        return out

    def question(self, q: Question, shown: dict, ctx: AnswerContext, scope: str, prefix: str,
                 relevant: bool) -> FieldView:
        key, path = scope + q.name, prefix + q.name
        value = ctx.value(q.name) if q.type == "calculate" else shown.get(q.name)
        required = q.required
        if isinstance(required, Expr):
            required = _safe(lambda: evaluate_boolean(required.ast, ctx), False)
        view = FieldView(q.name, key, path, self.text(q.label), self.text(q.hint),
                         widget_of(q, self.questionnaire), bool(required), relevant,
                         value=show_value(q, value, self.lang), error=self.errors.get(path),
                         comments=self.comments.get(key, []), money=is_money(q),
                         plain=is_year(q), max_chars=text_limit(q) if q.type == "text" else None)
        if q.type == "date" and isinstance(value, str):
            view.day_words = formats.format_day(value, self.lang)
        if q.list_name:
            view.options = self.options(q, value, ctx)
        if view.widget == "readonly" and view.options:
            view.value = ", ".join(o.label for o in view.options if o.selected)
        if key in self.elsewhere:
            view.elsewhere = self.display(q, self.elsewhere[key]) or "–"
        if key in self.carried:
            last = self.carried[key]
            view.last, view.last_raw = self.with_unit(q, view.label, self.display(q, last)), last
            view.last_same = same_value(value, last)
        return view

    def display(self, q: Question, value: object) -> str:
        """A value as a reader sees it: choice labels, Indonesian numbers, dates in words."""
        if q.list_name:
            codes = value if isinstance(value, list) else [value]
            labels = {c.name: self.text(c.label) for c in self.questionnaire.choices(q.list_name)}
            return ", ".join(labels.get(str(code), str(code)) for code in codes if code)
        if q.type == "date" and isinstance(value, str):
            return formats.format_day(value, self.lang)
        return show_value(q, value, self.lang)

    @staticmethod
    def with_unit(q: Question, label: str, text: str) -> str:
        """A number with the unit its label names ("25 Mbps", "Rp 1.500.000")."""
        if not text or q.type not in ("integer", "decimal"):
            return text or "–"
        if is_money(q):
            return f"Rp {text}"
        unit = _UNIT.search(label)
        return f"{text} {unit.group(1)}" if unit else text

    def options(self, q: Question, value: object, ctx: AnswerContext) -> list[Option]:
        chosen = set(value) if isinstance(value, list) else {value}
        options = []
        for choice in self.questionnaire.choices(q.list_name or ""):
            offered = q.choice_filter is None or _safe(
                lambda c=choice: evaluate_boolean(q.choice_filter.ast, ctx.at(choice=c)), False)
            options.append(Option(choice.name, self.text(choice.label), choice.name in chosen,
                                  offered))
        return options

    def repeat(self, r: Repeat, shown: dict, ctx: AnswerContext, scope: str, prefix: str,
               relevant: bool) -> RepeatView:
        path = prefix + r.name
        view = RepeatView(r.name, scope + r.name, path, self.text(r.label), self.text(r.hint),
                          relevant, depth=len(ctx.frames) + 1, error=self.errors.get(path),
                          comments=self.comments.get(scope + r.name, []))
        rows = shown.get(r.name)
        cleaned_rows = {row.get(ROW_ID): row for row in _rows(ctx.value(r.name))}
        for index, row in enumerate(_rows(rows), start=1):
            row_id = str(row.get(ROW_ID, ""))
            view.rows.append(self.row(r, row, cleaned_rows.get(row_id, {}), ctx, scope, prefix,
                                      row_id, index, relevant))
        placeholder = f"@{view.depth}@"
        view.template = self.row(r, {}, {}, ctx, scope, prefix, placeholder, placeholder,
                                 relevant)
        return view

    def row(self, r: Repeat, row: dict, cleaned: dict, ctx: AnswerContext, scope: str,
            prefix: str, row_id: str, index: int | str, relevant: bool) -> RowView:
        frames = (*ctx.frames, Frame(r.name, cleaned, index if isinstance(index, int) else 0))
        here = row_scope(scope, r.name, row_id)
        path = row_path(prefix, r.name, index) if isinstance(index, int) else \
            f"{prefix}{r.name}[{index}]"
        view = RowView(row_id, index, here.removesuffix("/"), path)
        if row.get(ROW_CARRY) in STATUSES:
            view.carry = row[ROW_CARRY]
            view.carry_error = self.errors.get(f"{path}.{ROW_CARRY}")
        view.items = self.items(r.items, row, ctx.at(frames=frames), here, f"{path}.", relevant)
        return view


def _rows(value: object) -> list[dict]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def _safe(compute, fallback):
    try:
        return compute()
    except (ExpressionError, TypeError, ValueError, OverflowError, RecursionError):
        return fallback


def section_view(
    questionnaire: Questionnaire, section: Section, *, shown: dict, cleaned: dict,
    errors: dict[str, str], comments: dict[str, list[str]], lang: str, today: dt.date,
    elsewhere: dict[str, object] | None = None, carried: dict[str, object] | None = None,
) -> list:
    """The items of one section, ready to draw; `elsewhere` marks answers saved meanwhile,
    `carried` (key -> value) the answers carried from an earlier round."""
    builder = _Builder(questionnaire, lang, shown, cleaned, errors, comments, today,
                       elsewhere or {}, carried or {})
    ctx = AnswerContext(questionnaire, cleaned, today=today)
    visible = builder.relevant(section.relevant, ctx)
    return builder.items(section.items, shown, ctx, "", "", visible)


def section_relevant(questionnaire: Questionnaire, section: Section, cleaned: dict,
                     today: dt.date) -> bool:
    """Whether a section applies, given the cleaned answers."""
    if section.relevant is None:
        return True
    ctx = AnswerContext(questionnaire, cleaned, today=today)
    return _safe(lambda: evaluate_boolean(section.relevant.ast, ctx), True)
