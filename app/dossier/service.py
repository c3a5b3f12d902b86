"""A submission's dossier from the database: the revision, its questionnaire, its review trail.

The dossier is always of a revision (a submitted version): its answers never change. Which
status a revision has: the submission's own for the latest one (submitted, approved, or
returned for revision), "superseded" for every earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.errors import NotFound
from app.opds.models import Opd
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.schema import Questionnaire
from app.questionnaires.service import definition_of
from app.review.service import review_trail
from app.review.timeline import Moment
from app.rounds.models import Round
from app.submissions.models import Submission, SubmissionRevision
from app.submissions.service import revisions as revisions_of

SUPERSEDED = "superseded"


@dataclass(frozen=True)
class Dossier:
    """Everything the PDF shows about one revision."""

    submission: Submission
    revision: SubmissionRevision
    latest: int
    """The number of the submission's latest revision."""
    opd: Opd
    round: Round
    questionnaire: QuestionnaireRow
    form: Questionnaire
    trail: list[Moment]
    approved_at: datetime | None

    @property
    def status(self) -> str:
        """The revision's status: the submission's for the latest, else "superseded"."""
        return revision_status(self.submission, self.revision, self.latest)

    @property
    def code(self) -> str:
        return self.revision.answers_sha256


def revision_status(submission: Submission, revision: SubmissionRevision, latest: int) -> str:
    """submitted, approved, needs_revision (returned) or superseded."""
    return submission.status if revision.number == latest else SUPERSEDED


def dossier_of(session: Session, *, submission: Submission,
               number: int | None = None) -> Dossier:
    """The dossier of revision `number` (default: the latest); NotFound before any submit."""
    revisions = revisions_of(session, submission_id=submission.id)
    if not revisions:
        raise NotFound("dossier.no_revision")
    by_number = {r.number: r for r in revisions}
    revision = by_number.get(number if number is not None else revisions[-1].number)
    if revision is None:
        raise NotFound("dossier.revision_not_found")
    questionnaire = session.get(QuestionnaireRow, revision.questionnaire_id)
    trail = review_trail(session, submission=submission)
    return Dossier(submission, revision, revisions[-1].number,
                   session.get(Opd, submission.opd_id), session.get(Round, submission.round_id),
                   questionnaire, definition_of(questionnaire), trail,
                   _approved_at(submission, revision, revisions, trail))


def _approved_at(submission: Submission, revision: SubmissionRevision,
                 revisions: list[SubmissionRevision], trail: list[Moment]) -> datetime | None:
    """When this revision was approved: an approval after it and before the next revision."""
    later = [r.created_at for r in revisions if r.number > revision.number]
    until = min(later) if later else None
    approvals = [m.at for m in trail if m.action == "submission.approve"
                 and m.at >= revision.created_at and (until is None or m.at < until)]
    return approvals[-1] if approvals else None


def round_submissions(session: Session, *, round_id: int) -> list[tuple[Submission, str]]:
    """Every submission of the round that has a revision, with its OPD code, by OPD code."""
    has_revision = select(SubmissionRevision.submission_id).distinct()
    query = (select(Submission, Opd.code).join(Opd, Opd.id == Submission.opd_id)
             .where(Submission.round_id == round_id, Submission.id.in_(has_revision))
             .order_by(Opd.code))
    return list(session.exec(query))


def record_download(session: Session, *, actor: User, dossier: Dossier, ip: str) -> None:
    """One audit event `dossier.downloaded` per PDF sent (the record holds personal data).
    Commits."""
    audit.record(session, action="dossier.downloaded", actor=actor, object_type="submission",
                 object_id=dossier.submission.id, ip=ip, revision=dossier.revision.number,
                 code=dossier.code)
    session.commit()
