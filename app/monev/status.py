"""Which field holds a programme's status, and the planner's updates applied (pure).

The needs repeat declares it with the master-plan roles `status_program`, `catatan_status`
and `realisasi` (surveys/README.md); a questionnaire without `status_program` has none.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Protocol

from app.questionnaires.schema import Question, Questionnaire

PROGRAMME_STATUSES = ("usulan", "masuk_rkpd", "berjalan", "selesai", "batal")
RUNNING = ("berjalan", "selesai")
"""A programme counted as running (started, or done)."""


class Update(Protocol):
    row_id: str
    status: str
    note: str


@dataclass(frozen=True)
class StatusFields:
    """The needs repeat and its status, note and realised-cost field names."""

    repeat_path: tuple[str, ...]
    status: str
    note: str | None
    realised: str | None


def status_fields(form: Questionnaire) -> StatusFields | None:
    """The programme-status fields declared in `form`, or None."""
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    for loc in form.walk():
        element = loc.element
        if isinstance(element, Question) and element.masterplan:
            found[element.masterplan] = (element.name, loc.repeat_path)
    if "status_program" not in found:
        return None
    name, path = found["status_program"]
    return StatusFields(path, name, found.get("catatan_status", (None,))[0],
                        found.get("realisasi", (None,))[0])


def latest(updates: list[Update]) -> dict[str, Update]:
    """Row id -> its latest update (updates in the order they were made)."""
    return {update.row_id: update for update in updates}


def apply_updates(form: Questionnaire, answers: dict, updates: list[Update]) -> dict:
    """A copy of `answers` whose need rows carry the planner's latest status and note."""
    fields = status_fields(form)
    if fields is None or not updates:
        return answers
    by_row = latest(updates)
    document = copy.deepcopy(answers)
    for row in need_rows(document, fields.repeat_path):
        update = by_row.get(row.get("_id"))
        if update is not None:
            row[fields.status] = update.status
            if fields.note and update.note:
                row[fields.note] = update.note
    return document


def need_rows(document: dict, path: tuple[str, ...]) -> list[dict]:
    """Every row of the needs repeat (any depth) of an answers document."""
    rows = [document]
    for name in path:
        rows = [r for parent in rows for r in (parent.get(name) or []) if isinstance(r, dict)]
    return rows
