"""Reading a round for export: its questionnaire versions, OPD statuses, submissions in batches.

Submissions are selected as plain columns (no ORM objects, no identity map), BATCH at a time
by id, so at most one batch of answers documents is in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import String, and_, cast, func
from sqlmodel import Session, select

from app.accounts.models import User
from app.audits.models import AuditEvent
from app.opds.models import Opd
from app.questionnaires.answers import bounds
from app.questionnaires.answers.validate import validate_answers
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.service import definition_of
from app.rounds.models import Round, RoundOpd
from app.submissions.models import Submission, SubmissionStatus

from .options import ExportOptions
from .plan import Version
from .records import StatusRecord, SubmissionRecord

BATCH = 50
DONE = (SubmissionStatus.submitted, SubmissionStatus.approved)


def load_versions(session: Session, round_: Round) -> tuple[list[Version], dict[int, str]]:
    """The versions the round uses (oldest first) and, per unusable version id, why."""
    used = select(Submission.questionnaire_id).where(Submission.round_id == round_.id).distinct()
    ids = {round_.questionnaire_id, *session.exec(used)}
    rows = list(session.exec(select(QuestionnaireRow).where(QuestionnaireRow.id.in_(ids))
                             .order_by(QuestionnaireRow.published_at, QuestionnaireRow.id)))
    form_id = next((row.form_id for row in rows if row.id == round_.questionnaire_id), None)
    versions: list[Version] = []
    problems = {qid: "export.problem.unknown_version" for qid in ids - {r.id for r in rows}}
    for row in rows:
        if row.form_id != form_id:
            problems[row.id] = "export.problem.other_form"
            continue
        try:
            versions.append(Version(row.id, row.version, definition_of(row)))
        except Exception:  # a stored definition that no longer parses: report, never drop
            problems[row.id] = "export.problem.unknown_version"
    return versions, problems


def _filtered(query, options: ExportOptions):
    return query.where(Opd.code.in_(options.opd_codes)) if options.opd_codes else query


def count_submissions(session: Session, *, round_id: int, options: ExportOptions) -> int:
    """How many submissions the export will contain."""
    query = (select(func.count()).select_from(Submission).join(Opd, Opd.id == Submission.opd_id)
             .where(Submission.round_id == round_id, Submission.status.in_(options.statuses)))
    return session.exec(_filtered(query, options)).one()


def submission_records(session: Session, *, round_id: int, options: ExportOptions,
                       versions: list[Version], problems: dict[int, str],
                       describe=lambda key, **_: key) -> Iterator[SubmissionRecord]:
    """The round's submissions in the export, by OPD code, read BATCH at a time.

    The order is taken from the ids alone: sorting the full rows would make the database
    sort every answers document (SQLite builds a temporary B-tree of all of them).
    """
    names = {version.id: version.version for version in versions}
    ids = list(session.exec(_filtered(
        select(Submission.id).join(Opd, Opd.id == Submission.opd_id)
        .where(Submission.round_id == round_id, Submission.status.in_(options.statuses)),
        options).order_by(Opd.code, Submission.id)))
    columns = select(Submission.id, Submission.status, Submission.questionnaire_id,
                     Submission.answers, Submission.created_at, Submission.submitted_at,
                     Submission.updated_at, Opd.code, Opd.name, Opd.kind
                     ).join(Opd, Opd.id == Submission.opd_id)
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        rows = {row.id: row for row in session.exec(columns.where(Submission.id.in_(batch)))}
        for row in (rows[i] for i in batch if i in rows):
            problem = None if row.questionnaire_id in names else describe(
                problems.get(row.questionnaire_id, "export.problem.unknown_version"))
            yield _record(row, names.get(row.questionnaire_id, ""), problem, describe)
        rows.clear()


def _record(row, version: str, problem: str | None, describe) -> SubmissionRecord:
    answers = row.answers if isinstance(row.answers, dict) else {}
    if bounds.breaks_rule(answers):  # stored before the bounds, or written around the service
        found = bounds.stored_problem(answers)
        if found is not None:
            problem = problem or describe(f"export.problem.{found[0]}", where=found[1])
        answers = bounds.repaired(answers)
    return SubmissionRecord(row.id, row.code, row.name, row.kind, row.status,
                            row.questionnaire_id, answers, version, row.created_at,
                            row.submitted_at, row.updated_at, problem)


def opd_states(session: Session, *, round_id: int) -> list[tuple[str, str]]:
    """(OPD code, submission status or "not_started") of every OPD the round asks, by code."""
    query = (select(Opd.code, Submission.status).select_from(RoundOpd)
             .join(Opd, Opd.id == RoundOpd.opd_id)
             .outerjoin(Submission, and_(Submission.round_id == RoundOpd.round_id,
                                         Submission.opd_id == RoundOpd.opd_id))
             .where(RoundOpd.round_id == round_id).order_by(Opd.code))
    return [(code, status or "not_started") for code, status in session.exec(query)]


def status_records(session: Session, *, round_id: int, options: ExportOptions,
                   versions: list[Version]) -> Iterator[StatusRecord]:
    """Every OPD the round asks (filtered by OPD), with its submission's state."""
    forms = {version.id: version.form for version in versions}
    approved = approval_times(session, round_id=round_id)
    query = _filtered(
        select(Opd.code, Opd.name, Opd.kind, Submission.id, Submission.status,
               Submission.submitted_at, Submission.questionnaire_id, User.full_name,
               User.username)
        .select_from(RoundOpd).join(Opd, Opd.id == RoundOpd.opd_id)
        .outerjoin(Submission, and_(Submission.round_id == RoundOpd.round_id,
                                    Submission.opd_id == RoundOpd.opd_id))
        .outerjoin(User, User.id == Submission.updated_by_id)
        .where(RoundOpd.round_id == round_id), options).order_by(Opd.code)
    for row in session.exec(query.execution_options(yield_per=BATCH)).all():
        completion = _completion(session, row, forms)
        yield StatusRecord(row.code, row.name, row.kind, row.status, row.submitted_at,
                           approved.get(row.id) if row.status == SubmissionStatus.approved
                           else None, row.full_name or row.username or "", completion)


def _completion(session: Session, row, forms: dict) -> float | None:
    """1 for a submitted or approved submission (it passed full validation), else measured."""
    if row.id is None:
        return 0.0
    if row.status in DONE:
        return 1.0
    form = forms.get(row.questionnaire_id)
    if form is None:
        return None
    answers = session.exec(select(Submission.answers).where(Submission.id == row.id)).one()
    result = validate_answers(form, answers, partial=True)
    return result.required_answered / result.required_total if result.required_total else 1.0


def approval_times(session: Session, *, round_id: int) -> dict[int, datetime]:
    """Submission id -> when it was (last) approved, from the audit trail."""
    ids = select(cast(Submission.id, String)).where(Submission.round_id == round_id)
    query = (select(AuditEvent.object_id, func.max(AuditEvent.at))
             .where(AuditEvent.action == "submission.approve",
                    AuditEvent.object_type == "submission", AuditEvent.object_id.in_(ids))
             .group_by(AuditEvent.object_id))
    return {int(object_id): at for object_id, at in session.exec(query)}
