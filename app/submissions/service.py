"""A submission's life: draft saves (optimistic concurrency), submit, return, approve.

Every save carries the version it was based on; a stale save is refused with 409 and the
current answers, never applied over someone else's work. Submitting snapshots a revision.
A draft keeps the answers of questions that do not apply right now (`draft_answers`); the
submitted revision, and `answers` that planners read, leave them out.
"""

from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.dossier.code import verification_code
from app.errors import Conflict, Invalid, NotFound
from app.questionnaires.answers.validate import ValidationResult, validate_answers
from app.questionnaires.schema import Questionnaire
from app.review.models import ReviewComment
from app.rounds.models import Round
from app.rounds.service import accepts_answers, asked
from app.submissions.models import Submission, SubmissionRevision, SubmissionStatus
from app.types import utcnow

EDITABLE = (SubmissionStatus.draft, SubmissionStatus.needs_revision)


def working_answers(submission: Submission) -> dict:
    """The officer's whole draft, with the answers of questions that do not apply right now."""
    return submission.draft_answers if submission.draft_answers is not None \
        else submission.answers


def _draft_of(result: ValidationResult) -> dict | None:
    return result.kept() if result.hidden or result.retired else None


@dataclass(frozen=True)
class Saved:
    """A stored draft and the problems found so far (drafts may be incomplete)."""

    submission: Submission
    result: ValidationResult


def find(session: Session, *, round_id: int, opd_id: int) -> Submission | None:
    """The OPD's submission in the round, if it has started one."""
    query = select(Submission).where(Submission.round_id == round_id,
                                     Submission.opd_id == opd_id)
    return session.exec(query).first()


def _require_open(session: Session, round_: Round, opd_id: int) -> None:
    if not accepts_answers(round_, asked(session, round_id=round_.id, opd_id=opd_id)):
        raise Conflict("submission.round_closed")


def save_draft(
    session: Session, *, round_: Round, opd_id: int, questionnaire: Questionnaire,
    questionnaire_id: int, answers: object, base_version: int, actor: User, lang: str = "id",
    refuse: bool = True,
) -> Saved:
    """Store the answers if `base_version` is current (0 for a first save); commits.

    With `refuse` (the JSON API), a document holding anything that cannot be stored as sent
    (result.refused) is refused whole with 422; without it (the form without JavaScript,
    whose page shows the typed text again) what can be stored is.
    """
    _require_open(session, round_, opd_id)
    result = validate_answers(questionnaire, answers, lang=lang, partial=True)
    if "" in result.errors or (refuse and result.refused):
        raise Invalid("submission.refused", detail={"fields": result.refused or result.errors})
    stored = _update_draft(session, round_, opd_id, result, base_version, actor)
    if stored is not None:
        return Saved(stored, result)
    current = find(session, round_id=round_.id, opd_id=opd_id)
    if current is None:
        return Saved(_first_save(session, round_, opd_id, questionnaire_id, result,
                                 base_version, actor), result)
    key = "submission.stale" if current.status in EDITABLE else "submission.not_editable"
    detail = _state(current)
    session.rollback()  # nothing was written; end the transaction (SQLite: the write lock)
    raise Conflict(key, detail=detail)


def _update_draft(session: Session, round_: Round, opd_id: int, result: ValidationResult,
                  base_version: int, actor: User) -> Submission | None:
    """The common case in one statement: an editable draft at `base_version` gets the answers.

    None when nothing matched (a first save, a stale version, or not editable); commits.
    """
    statement = (update(Submission)
                 .where(Submission.round_id == round_.id, Submission.opd_id == opd_id,
                        Submission.version == base_version, Submission.status.in_(EDITABLE))
                 .values(version=base_version + 1, answers=result.answers,
                         draft_answers=_draft_of(result), updated_at=utcnow(),
                         updated_by_id=actor.id)
                 .returning(Submission)
                 .execution_options(populate_existing=True))
    stored = session.execute(statement).scalars().first()
    if stored is not None:
        session.commit()
    return stored


def _first_save(session, round_, opd_id, questionnaire_id, result, base_version, actor):
    if base_version != 0:
        raise NotFound("submission.not_found")
    submission = Submission(round_id=round_.id, opd_id=opd_id, questionnaire_id=questionnaire_id,
                            answers=result.answers, draft_answers=_draft_of(result),
                            updated_by_id=actor.id)
    session.add(submission)
    try:
        session.flush()
    except IntegrityError:
        # Another first save of the same OPD won the race (PostgreSQL): stale, like any other.
        session.rollback()
        raise Conflict("submission.stale",
                       detail=_state(find(session, round_id=round_.id, opd_id=opd_id))) from None
    audit.record(session, action="submission.started", actor=actor, object_type="submission",
                 object_id=submission.id)
    session.commit()
    return submission


def update_if_current(session: Session, submission: Submission, base_version: int,
                        **values) -> None:
    """Apply `values` only if nobody saved since `base_version` (one SQL statement)."""
    statement = (update(Submission)
                 .where(Submission.id == submission.id, Submission.version == base_version)
                 .values(version=base_version + 1, **values)
                 .execution_options(synchronize_session=False))
    if session.execute(statement).rowcount != 1:
        session.rollback()
        session.refresh(submission)
        raise Conflict("submission.stale", detail=_state(submission))


def _state(submission: Submission) -> dict:
    """The error detail of a refused save: the submission as it is now (the officer's whole
    draft), apart from the error's own fields (`error.status` stays the HTTP status)."""
    return {"current": {"version": submission.version, "status": submission.status,
                        "answers": working_answers(submission)}}


def submit(
    session: Session, *, round_: Round, submission: Submission, questionnaire: Questionnaire,
    base_version: int, actor: User, lang: str = "id",
) -> Submission:
    """Validate fully and submit; a repeat of the same submit is answered, not stored twice."""
    if submission.status == SubmissionStatus.submitted and submission.version == base_version + 1:
        return submission  # this very submit already happened (a retry or a double click)
    _require_open(session, round_, submission.opd_id)
    if submission.status not in EDITABLE:
        raise Conflict("submission.not_editable", detail=_state(submission))
    result = validate_answers(questionnaire, working_answers(submission), lang=lang)
    if result.errors:
        raise Invalid("submission.incomplete", detail={"fields": result.errors})
    before = submission.status
    try:
        update_if_current(session, submission, base_version, status=SubmissionStatus.submitted,
                          answers=result.answers, draft_answers=_draft_of(result),
                          submitted_at=utcnow(), updated_at=utcnow(), updated_by_id=actor.id)
    except Conflict:
        if submission.status == SubmissionStatus.submitted and \
                submission.version == base_version + 1:
            return submission  # a concurrent identical submit won; same outcome
        raise
    session.refresh(submission)
    _snapshot(session, submission, actor)
    audit.record(session, action="submission.submitted", actor=actor, object_type="submission",
                 object_id=submission.id, before=before, after=submission.status,
                 version=submission.version)
    session.commit()
    return submission


def _snapshot(session: Session, submission: Submission, actor: User) -> SubmissionRevision:
    count = len(revisions(session, submission_id=submission.id))
    revision = SubmissionRevision(submission_id=submission.id, number=count + 1,
                                  questionnaire_id=submission.questionnaire_id,
                                  status=submission.status, answers=submission.answers,
                                  answers_sha256=verification_code(submission.answers),
                                  created_by_id=actor.id)
    session.add(revision)
    return revision


def revisions(session: Session, *, submission_id: int) -> list[SubmissionRevision]:
    """Every submitted version of a submission, oldest first."""
    query = select(SubmissionRevision).where(SubmissionRevision.submission_id == submission_id)
    return list(session.exec(query.order_by(SubmissionRevision.number)))


def submit_answers(
    session: Session, *, round_: Round, opd_id: int, submission: Submission | None,
    questionnaire: Questionnaire, base_version: int, actor: User, lang: str = "id",
) -> Submission:
    """Submit the OPD's answers; with nothing saved yet, the problems of an empty form."""
    if submission is None:
        _require_open(session, round_, opd_id)
        result = validate_answers(questionnaire, {}, lang=lang)
        raise Invalid("submission.incomplete", detail={"fields": result.errors})
    return submit(session, round_=round_, submission=submission, questionnaire=questionnaire,
                  base_version=base_version, actor=actor, lang=lang)


def open_comments(session: Session, *, submission: Submission
                  ) -> tuple[list[ReviewComment], dict]:
    """The unresolved comments of the latest return, with the answers they were written on."""
    if submission.status != SubmissionStatus.needs_revision:
        return [], {}
    latest = latest_revision(session, submission_id=submission.id)
    since = latest.created_at if latest else None
    query = (select(ReviewComment)
             .where(ReviewComment.submission_id == submission.id,
                    ReviewComment.resolved.is_(False))
             .order_by(ReviewComment.created_at, ReviewComment.id))
    comments = [c for c in session.exec(query) if since is None or c.created_at >= since]
    return comments, latest.answers if latest else submission.answers


def latest_revision(session: Session, *, submission_id: int) -> SubmissionRevision | None:
    """The most recent submitted version, or None."""
    query = (select(SubmissionRevision)
             .where(SubmissionRevision.submission_id == submission_id)
             .order_by(SubmissionRevision.number.desc()))
    return session.exec(query).first()
