"""Every answer of a revision by section, as blocks: a question-and-answer table per section,
each repeat as a table (one row per entry; a wide repeat as one small table per entry)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.questionnaires.answers.document import Frame
from app.questionnaires.schema import Group, Item, Note, Question, Questionnaire, Repeat, text_in
from app.reports_web.relevance import Applicability
from app.review.layout import display
from reports.inputs import NOT_APPLICABLE
from reports.pdf import blocks as b
from reports.text import shown

NARROW = 4  # a repeat with at most this many questions is one table, a column per question
DASH = "–"


class _Walk:
    def __init__(self, form: Questionnaire, answers: dict, lang: str, t: Callable[..., str],
                 today: dt.date):
        self.form, self.root, self.lang, self.t = form, answers, lang, t
        self.applies = Applicability(form, today)

    def label(self, item: Item) -> str:
        return shown(text_in(item.label, self.lang, self.form.default_language) or item.name)

    def answer(self, q: Question, scope: dict, frames: tuple[Frame, ...]) -> str:
        value = scope.get(q.name)
        if q.type == "integer" and "tahun" in q.name and isinstance(value, int):
            return str(value)  # a year (tahun_mulai, aplikasi_tahun): 2019, never "2.019"
        text = display(self.form, q, value, self.lang)
        if text:
            return shown(text)
        found = self.applies.value(q.name, scope, self.root, frames)
        return self.t("dossier.not_applicable") if found is NOT_APPLICABLE else DASH

    def section(self, items: list[Item]) -> list[dict]:
        out: list[dict] = []
        rows: list[list] = []

        def flush() -> None:
            if rows:
                out.append(b.table([self.t("dossier.question"), self.t("dossier.answer")],
                                   list(rows), "ll", [3, 4]))
                rows.clear()

        for item, _depth in _flat(items):
            if isinstance(item, Repeat):
                flush()
                out += self.repeat(item, self.root, ())
            elif isinstance(item, Group):
                rows.append([b.cell(self.label(item), bold=True), ""])
            elif isinstance(item, Question):
                rows.append([self.label(item), self.answer(item, self.root, ())])
        flush()
        return out

    def repeat(self, repeat: Repeat, scope: dict, frames: tuple[Frame, ...]) -> list[dict]:
        label = self.label(repeat)
        entries = [row for row in scope.get(repeat.name) or [] if isinstance(row, dict)]
        fields = [item for item, _ in _flat(repeat.items)
                  if isinstance(item, Question | Repeat)]
        out = [b.heading(self.t("dossier.repeat_rows", label=label, count=len(entries)), 3)]
        if not entries:
            return [*out, b.para(self.t("dossier.no_rows"), note=True)]
        if len(fields) <= NARROW:
            rows = [[str(i), *(self.value(f, row, (*frames, Frame(repeat.name, row, i)))
                               for f in fields)] for i, row in enumerate(entries, start=1)]
            return [*out, b.table(["No", *(self.label(f) for f in fields)], rows,
                                  "r" + "l" * len(fields), [0.4, *([3] * len(fields))])]
        for i, row in enumerate(entries, start=1):
            here = (*frames, Frame(repeat.name, row, i))
            rows = [[self.label(f), self.value(f, row, here)] for f in fields]
            out.append(b.table([f"{label} {i}", self.t("dossier.answer")], rows, "ll", [3, 4]))
        return out

    def value(self, item: Question | Repeat, row: dict, frames: tuple[Frame, ...]) -> str:
        if isinstance(item, Question):
            return self.answer(item, row, frames)
        nested = [r for r in row.get(item.name) or [] if isinstance(r, dict)]
        fields = [q for q, _ in _flat(item.items) if isinstance(q, Question)]
        parts = []
        for i, entry in enumerate(nested, start=1):
            here = (*frames, Frame(item.name, entry, i))
            values = ", ".join(f"{self.label(q)}: {self.answer(q, entry, here)}" for q in fields)
            parts.append(f"{i}. {values}")
        return "\n".join(parts) or DASH


def _flat(items: list[Item], depth: int = 0):
    """Items in order with groups opened (a group yields itself, then its items); a repeat
    is yielded whole, notes are left out."""
    for item in items:
        if isinstance(item, Note):
            continue
        if isinstance(item, Group):
            yield item, depth
            yield from _flat(item.items, depth + 1)
        else:
            yield item, depth


def section_blocks(form: Questionnaire, answers: dict, lang: str, t: Callable[..., str], *,
                   today: dt.date) -> list[dict]:
    """A heading and the answers of every section, in questionnaire order."""
    walk = _Walk(form, answers, lang, t, today)
    out: list[dict] = []
    for section in form.sections:
        inner = walk.section(section.items)
        if inner:
            label = shown(text_in(section.label, lang, form.default_language) or section.name)
            out += [b.heading(label, 2), *inner]
    return out
