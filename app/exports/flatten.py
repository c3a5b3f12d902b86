"""The flattening, written once: answers -> typed cell values of the main table and repeats.

Pure: a table of the plan plus an answers scope (the root object or a repeat row) gives the
row's values in column order. Values are typed for the sinks: str, int, float, datetime.date,
or None for an empty cell. select_multiple gives a "; "-joined column and one 0/1 column per
choice of the union list, all blank when the question was not answered (not relevant).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from app.questionnaires.answers.bounds import MIN_DATE
from app.questionnaires.schema import text_in

from .plan import PlannedField, Table

ROW_ID = "_id"
JOIN = "; "
Emit = Callable[[dict, list], None]
WIDTHS = {"text": 28, "integer": 12, "number": 12, "money": 18, "date": 12, "datetime": 17,
          "flag": 8, "percent": 10}


@dataclass(frozen=True)
class Column:
    """A column: stable code, header shown, kind (decides the cell format) and width; `note`
    is the question text when the header is a short one (a comment on the header cell)."""

    code: str
    header: str
    kind: str = "text"
    field: str | None = None
    note: str | None = None

    @property
    def width(self) -> int:
        widest = 40 if self.kind == "text" else 24
        return max(WIDTHS.get(self.kind, 14), min(len(self.header) + 2, widest))


class RepeatRow(NamedTuple):
    """One row of a repeat with its keys: parent row id (nested repeats) and 1-based position."""

    row: dict
    parent_id: str | None
    position: int


class TableFlattener:
    """Columns and row values of one table of the plan, in labels or codes."""

    def __init__(self, table: Table, *, labels: bool, lang: str, default_lang: str = "id"):
        self.table = table
        self.columns: list[Column] = []
        self._emitters: list[Emit] = []
        run: list[tuple[str, object]] = []
        for planned in table.fields:
            columns, how = _field(planned, labels, lang, default_lang)
            self.columns += columns
            if how is None or isinstance(how, dict) or how is _date:
                run.append((planned.name, how))
                continue
            self._flush(run)
            self._emitters.append(how)
        self._flush(run)

    def _flush(self, run: list[tuple[str, object]]) -> None:
        """A run of one-column fields is read in one comprehension, then fixed up (speed)."""
        if run:
            self._emitters.append(_run_emitter(run))
            run.clear()

    def values(self, scope: dict) -> list:
        """The cell values of one scope (the answers root or a repeat row)."""
        out: list = []
        for emit in self._emitters:
            emit(scope, out)
        return out


def _run_emitter(run: list[tuple[str, object]]) -> Emit:
    names = tuple(name for name, _ in run)
    maps = tuple((i, how) for i, (_, how) in enumerate(run) if isinstance(how, dict))
    dates = tuple(i for i, (_, how) in enumerate(run) if how is _date)

    def emit(scope: dict, out: list) -> None:
        get = scope.get
        values = [get(name) for name in names]
        for i, labels in maps:  # choice code -> label
            value = values[i]
            if value is not None:
                values[i] = labels.get(value, value)
        for i in dates:
            values[i] = _date(values[i])
        out.extend(values)

    return emit


def repeat_rows(answers: dict, path: tuple[str, ...]) -> Iterator[RepeatRow]:
    """Every row of the repeat at `path`, following nested repeats down from the root."""
    level = [RepeatRow(answers, None, 0)]
    for depth, name in enumerate(path):
        last = depth == len(path) - 1
        level = [RepeatRow(row, parent.row.get(ROW_ID) if depth else None, position)
                 for parent in level
                 for position, row in enumerate(_rows(parent.row.get(name)), start=1)]
        if last:
            return iter(level)
    return iter(())


def _rows(value: object) -> list[dict]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def header_of(planned: PlannedField, labels: bool, lang: str, default_lang: str) -> str:
    """The column header of a field: its short header (column `header` of the XLSForm), else
    its label, in `lang`; its name in codes mode."""
    if not labels:
        return planned.name
    q = planned.question
    return (text_in(q.header, lang, default_lang) or text_in(q.label, lang, default_lang)
            or planned.name)


def note_of(planned: PlannedField, lang: str, default_lang: str) -> str | None:
    """The question text, shown with a short header (a comment on the header cell)."""
    return text_in(planned.question.label, lang, default_lang) or None


def choice_labels(planned: PlannedField, lang: str, default_lang: str) -> dict[str, str]:
    """Choice code -> label in `lang` over the union list."""
    return {c.name: text_in(c.label, lang, default_lang) or c.name for c in planned.choices}


def _field(planned: PlannedField, labels: bool, lang: str, default_lang: str):
    """The columns of a field and how to get its cells: None (the stored value), a dict
    (choice code -> label), _date (ISO text -> date) or an emitter (several columns)."""
    q, name = planned.question, planned.name
    header = header_of(planned, labels, lang, default_lang)
    note = note_of(planned, lang, default_lang)
    if q.type == "select_multiple":
        return _multiple(planned, header, labels, lang, default_lang, note)
    if q.type == "select_one":
        if is_scale(planned):  # a rating 1–5: a number cell, so a column can be averaged
            return [Column(name, header, "integer", name, note)], {
                c.name: int(c.name) for c in planned.choices}
        column = Column(name, header, "text", name, note)
        if not labels:
            return [column], None
        return [column], choice_labels(planned, lang, default_lang)
    if q.type == "date":
        return [Column(name, header, "date", name, note)], _date
    kind = {"integer": "integer", "decimal": "number", "calculate": "number"}.get(q.type, "text")
    return [Column(name, header, "money" if planned.money else kind, name, note)], None


def is_scale(planned: PlannedField) -> bool:
    """A select_one whose choice codes are all whole numbers (a rating scale such as 1–5)."""
    codes = [choice.name for choice in planned.choices]
    return len(codes) >= 2 and all(code.isascii() and code.lstrip("-").isdigit()
                                   and len(code) < 10 for code in codes)


def _multiple(planned: PlannedField, header: str, labels: bool, lang: str, default_lang: str,
              note: str | None):
    name = planned.name
    names = choice_labels(planned, lang, default_lang)
    codes = [choice.name for choice in planned.choices]
    columns = [Column(name, header, "text", name, note)]
    for code in codes:
        shown = f"{header}: {names.get(code, code)}" if labels else f"{name}/{code}"
        flag_note = f"{note}: {names.get(code, code)}" if note else None
        columns.append(Column(f"{name}/{code}", shown, "flag", name, flag_note))
    blank = [None] * (len(codes) + 1)

    def emit(scope: dict, out: list) -> None:
        value = scope.get(name)
        if not isinstance(value, list):
            out.extend(blank if value is None else [str(value), *([None] * len(codes))])
            return
        chosen = set(value)
        out.append(JOIN.join(names.get(v, v) for v in value) if labels else JOIN.join(value))
        out.extend([1 if code in chosen else 0 for code in codes])

    return columns, emit


def _date(value: object) -> object:
    """ISO text as a date cell; a date Excel's calendar cannot hold (before 1900) stays text."""
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return day if day >= MIN_DATE else value
    return value
