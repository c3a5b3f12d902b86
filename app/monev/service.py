"""A planner's update of one programme's status (with a note), kept as history."""

from __future__ import annotations

from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.errors import Invalid
from app.monev.models import ProgrammeUpdate
from app.monev.status import PROGRAMME_STATUSES, need_rows, status_fields
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.service import definition_of
from app.submissions.models import Submission

NOTE_MAX = 2000


def update_programme(session: Session, *, submission: Submission, row_id: str, status: str,
                     note: str = "", actor: User) -> ProgrammeUpdate:
    """Record the planner's status of one need row of `submission`; commits."""
    form = definition_of(session.get(QuestionnaireRow, submission.questionnaire_id))
    fields = status_fields(form)
    if fields is None:
        raise Invalid("monev.no_status_field")
    if status not in PROGRAMME_STATUSES:
        raise Invalid(detail={"fields": {"status": "monev.status_unknown"}})
    ids = {row.get("_id") for row in need_rows(submission.answers, fields.repeat_path)}
    if row_id not in ids:
        raise Invalid(detail={"fields": {"row_id": "monev.row_unknown"}})
    update = ProgrammeUpdate(submission_id=submission.id, row_id=row_id, status=status,
                             note=note.strip()[:NOTE_MAX], actor_id=actor.id)
    session.add(update)
    audit.record(session, action="programme.updated", actor=actor, object_type="submission",
                 object_id=submission.id, row_id=row_id, status=status)
    session.commit()
    return update


def updates_of(session: Session, *, submission_ids: list[int]) -> dict[int, list[ProgrammeUpdate]]:
    """Submission id -> its programme updates, oldest first."""
    if not submission_ids:
        return {}
    query = (select(ProgrammeUpdate).where(ProgrammeUpdate.submission_id.in_(submission_ids))
             .order_by(ProgrammeUpdate.at, ProgrammeUpdate.id))
    found: dict[int, list[ProgrammeUpdate]] = {}
    for update in session.exec(query):
        found.setdefault(update.submission_id, []).append(update)
    return found
