"""A submission's answers laid out for reading: by section, groups and repeat rows (pure).

Field paths are those validate_answers reports: `nama`, `kebutuhan[2].biaya` (rows count from
1), so a reviewer's comment on a path lands on the same question the officer sees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from babel.dates import format_date
from babel.numbers import format_decimal

from app.questionnaires.answers.bounds import number_problem
from app.questionnaires.schema import Group, Item, Question, Questionnaire, Repeat, text_in

ROW_ID = "_id"


@dataclass(frozen=True)
class Entry:
    """One question with its answer as text ('' when unanswered)."""

    path: str
    label: str
    text: str


@dataclass
class Block:
    """A titled part of a section: a group, or one row of a repeat."""

    title: str
    items: list[Entry | Block] = field(default_factory=list)
    path: str = ""


@dataclass(frozen=True)
class Cell:
    """A flattened answer: `key` identifies it across revisions (rows by their _id)."""

    key: str
    path: str
    label: str
    value: object
    text: str


def lay_out(form: Questionnaire, answers: dict, lang: str) -> list[Block]:
    """One block per section that has questions, in document order."""
    blocks = []
    for section in form.sections:
        block = Block(text_in(section.label, lang, form.default_language) or section.name,
                      _items(form, section.items, answers, lang, ""), section.name)
        if block.items:
            blocks.append(block)
    return blocks


def _items(form: Questionnaire, items: list[Item], scope: dict, lang: str,
           prefix: str) -> list[Entry | Block]:
    out: list[Entry | Block] = []
    for item in items:
        label = text_in(item.label, lang, form.default_language) or item.name
        if isinstance(item, Question):
            out.append(Entry(prefix + item.name, label,
                             display(form, item, scope.get(item.name), lang)))
        elif isinstance(item, Group):
            inner = _items(form, item.items, scope, lang, prefix)
            if inner:
                out.append(Block(label, inner))
        elif isinstance(item, Repeat):
            for index, row in enumerate(_rows(scope.get(item.name)), start=1):
                here = f"{prefix}{item.name}[{index}]"
                out.append(Block(f"{label} {index}",
                                 _items(form, item.items, row, lang, here + "."), here))
    return out


def _rows(value: object) -> list[dict]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def display(form: Questionnaire, question: Question, value: object, lang: str) -> str:
    """An answer as a reader sees it: choice labels, Indonesian numbers and dates."""
    if value is None or value == "" or value == []:
        return ""
    if question.list_name:
        labels = {c.name: text_in(c.label, lang, form.default_language) or c.name
                  for c in form.choices(question.list_name)}
        codes = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(code), str(code)) for code in codes)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        if number_problem(value):  # stored around the bounds: shown as it is, never a crash
            return repr(value)
        return format_decimal(value, locale=lang)
    if question.type == "date" and isinstance(value, str):
        try:
            return format_date(dt.date.fromisoformat(value), "d MMMM y", locale=lang)
        except ValueError:
            return value
    return str(value)


def flatten(form: Questionnaire, answers: dict, lang: str) -> dict[str, Cell]:
    """Every question of the document, keyed stably: repeat rows by their _id."""
    items = [item for section in form.sections for item in section.items]
    return {cell.key: cell for cell in _cells(form, items, answers, lang, ("", "", ""))}


def _cells(form: Questionnaire, items: list[Item], scope: dict, lang: str,
           where: tuple[str, str, str]) -> Iterator[Cell]:
    """`where` is (path prefix, key prefix, label trail) of the scope being walked."""
    prefix, key_prefix, trail = where
    for item in items:
        label = text_in(item.label, lang, form.default_language) or item.name
        if isinstance(item, Question):
            value = scope.get(item.name)
            yield Cell(key_prefix + item.name, prefix + item.name, trail + label, value,
                       display(form, item, value, lang))
        elif isinstance(item, Group):
            yield from _cells(form, item.items, scope, lang, where)
        elif isinstance(item, Repeat):
            for index, row in enumerate(_rows(scope.get(item.name)), start=1):
                row_where = (f"{prefix}{item.name}[{index}].",
                             f"{key_prefix}{item.name}#{row.get(ROW_ID) or index}.",
                             f"{trail}{label} {index} › ")
                yield from _cells(form, item.items, row, lang, row_where)


def labels_by_path(form: Questionnaire, answers: dict, lang: str) -> dict[str, str]:
    """Field path -> label, for naming the question a comment is about."""
    labels = {cell.path: cell.label for cell in flatten(form, answers, lang).values()}
    for loc in form.walk():  # paths of questions not answered yet, outside repeats
        if isinstance(loc.element, Question) and not loc.repeat_path:
            labels.setdefault(loc.element.name,
                              text_in(loc.element.label, lang, form.default_language))
    return labels
