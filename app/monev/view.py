"""The programmes of a submission as the review page lists them (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from app.monev.status import need_rows, status_fields
from app.questionnaires.schema import Questionnaire


@dataclass(frozen=True)
class ProgrammeView:
    row_id: str
    name: str
    status: str | None
    note: str | None


def programmes(form: Questionnaire, answers: dict, lang: str) -> list[ProgrammeView]:
    """Each need row: its id, name, status and status note (empty without a status field)."""
    fields = status_fields(form)
    if fields is None:
        return []
    name = next((loc.element.name for loc in form.walk()
                 if getattr(loc.element, "masterplan", None) == "nama_program"), None)
    return [ProgrammeView(str(row.get("_id")), str(row.get(name) or "–") if name else "–",
                          row.get(fields.status), row.get(fields.note) if fields.note else None)
            for row in need_rows(answers, fields.repeat_path)]
