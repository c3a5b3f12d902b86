"""Reading a submission for review: answers by section, comments, revisions, timeline, diff."""

from dataclasses import dataclass

from sqlmodel import Session, select

from app.accounts.models import User
from app.audits.models import AuditEvent
from app.errors import Conflict, NotFound
from app.opds.models import Opd
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.schema import Questionnaire
from app.questionnaires.service import definition_of
from app.review.diff import Change, diff_answers
from app.review.layout import Block, labels_by_path, lay_out
from app.review.models import ReviewComment
from app.review.timeline import Moment, timeline
from app.rounds.models import Round
from app.submissions import review
from app.submissions.models import Submission, SubmissionRevision
from app.submissions.review import comments as comments_of
from app.submissions.service import revisions as revisions_of


@dataclass(frozen=True)
class ReviewView:
    """Everything the review page and its JSON twin show."""

    submission: Submission
    opd: Opd
    round: Round
    questionnaire: QuestionnaireRow
    sections: list[Block]
    labels: dict[str, str]
    comments: list[ReviewComment]
    revisions: list[SubmissionRevision]
    timeline: list[Moment]
    names: dict[int, str]

    def comments_at(self, path: str | None) -> list[ReviewComment]:
        """The comments on one question (None: on the whole submission)."""
        return [c for c in self.comments if c.field_path == path]


@dataclass(frozen=True)
class DiffView:
    """Two revisions of a submission and the answers that differ between them."""

    a: SubmissionRevision
    b: SubmissionRevision
    revisions: list[SubmissionRevision]
    changes: list[Change]


def form_of(session: Session, submission: Submission) -> Questionnaire:
    """The typed questionnaire version the submission answers."""
    return definition_of(session.get(QuestionnaireRow, submission.questionnaire_id))


def review_view(session: Session, *, submission: Submission, lang: str) -> ReviewView:
    """The submission with its current answers laid out, comments, revisions and timeline."""
    form = form_of(session, submission)
    comments = comments_of(session, submission_id=submission.id)
    revisions = revisions_of(session, submission_id=submission.id)
    events = _events(session, submission.id)
    names = _names(session, {c.author_id for c in comments}
                   | {r.created_by_id for r in revisions if r.created_by_id}
                   | {e.actor_id for e in events if e.actor_id})
    return ReviewView(
        submission=submission, opd=session.get(Opd, submission.opd_id),
        round=session.get(Round, submission.round_id),
        questionnaire=session.get(QuestionnaireRow, submission.questionnaire_id),
        sections=lay_out(form, submission.answers, lang),
        labels=labels_by_path(form, submission.answers, lang), comments=comments,
        revisions=revisions, names=names,
        timeline=timeline(events, revisions, comments, names),
    )


def review_trail(session: Session, *, submission: Submission) -> list[Moment]:
    """The submission's timeline: status changes, revisions and comments, with names."""
    comments = comments_of(session, submission_id=submission.id)
    revisions = revisions_of(session, submission_id=submission.id)
    events = _events(session, submission.id)
    names = _names(session, {c.author_id for c in comments}
                   | {r.created_by_id for r in revisions if r.created_by_id}
                   | {e.actor_id for e in events if e.actor_id})
    return timeline(events, revisions, comments, names)


def _events(session: Session, submission_id: int) -> list[AuditEvent]:
    query = (select(AuditEvent)
             .where(AuditEvent.object_type == "submission",
                    AuditEvent.object_id == str(submission_id))
             .order_by(AuditEvent.at, AuditEvent.id))
    return list(session.exec(query))


def _names(session: Session, user_ids: set[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    users = session.exec(select(User).where(User.id.in_(user_ids)))
    return {u.id: u.full_name or u.username for u in users}


def diff_view(session: Session, *, submission: Submission, a: int | None, b: int | None,
              lang: str) -> DiffView:
    """The differences between revisions `a` and `b` (default: the last two)."""
    revisions = revisions_of(session, submission_id=submission.id)
    if not revisions:
        raise NotFound("review.no_revisions")
    by_number = {r.number: r for r in revisions}
    b = b if b is not None else revisions[-1].number
    a = a if a is not None else max(b - 1, 1)
    if a not in by_number or b not in by_number:
        raise NotFound("review.revision_not_found")
    old, new = by_number[a], by_number[b]
    form = definition_of(session.get(QuestionnaireRow, new.questionnaire_id))
    return DiffView(old, new, revisions, diff_answers(form, old.answers, new.answers, lang))


def check_version(submission: Submission, version: int | None) -> None:
    """Refuse to act on a submission that changed since the reviewer loaded it."""
    if version is not None and version != submission.version:
        raise Conflict("review.changed", detail={"version": submission.version,
                                                 "status": submission.status})


def send_back(session: Session, *, submission: Submission, actor: User, note: str,
              version: int | None = None,
              field_comments: dict[str, str] | None = None) -> Submission:
    """Return for revision (a comment is required), if the reviewer saw this version. Commits."""
    check_version(submission, version)
    return review.return_for_revision(session, submission=submission, actor=actor, note=note,
                                      field_comments=field_comments)


def approve(session: Session, *, submission: Submission, actor: User, note: str = "",
            version: int | None = None) -> Submission:
    """Approve, if the reviewer saw this version. Commits."""
    check_version(submission, version)
    return review.approve(session, submission=submission, actor=actor, note=note)
