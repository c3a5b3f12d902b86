"""Review of a submitted submission: return it for revision (with comments) or approve it."""

from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.errors import Conflict, Invalid
from app.review.models import ReviewComment
from app.submissions.models import Submission, SubmissionStatus
from app.submissions.service import update_if_current
from app.types import utcnow

# The whole state machine: which status may follow which, and through which action.
TRANSITIONS = {
    ("submit", SubmissionStatus.draft): SubmissionStatus.submitted,
    ("submit", SubmissionStatus.needs_revision): SubmissionStatus.submitted,
    ("return", SubmissionStatus.submitted): SubmissionStatus.needs_revision,
    ("approve", SubmissionStatus.submitted): SubmissionStatus.approved,
    # An approved revision is locked: only returning it reopens the answers, and the next
    # submit makes a new revision (the approved one stays as it was, with its code).
    ("return", SubmissionStatus.approved): SubmissionStatus.needs_revision,
}


def _move(session: Session, submission: Submission, action: str, actor: User,
          note: str, **details) -> None:
    target = TRANSITIONS.get((action, SubmissionStatus(submission.status)))
    if target is None:
        raise Conflict("submission.illegal_transition", action=action, status=submission.status)
    before = submission.status
    update_if_current(session, submission, submission.version, status=target,
                      updated_at=utcnow())
    session.refresh(submission)
    audit.record(session, action=f"submission.{action}", actor=actor, object_type="submission",
                 object_id=submission.id, before=before, after=target.value, note=note,
                 **details)


def return_for_revision(
    session: Session, *, submission: Submission, actor: User, note: str,
    field_comments: dict[str, str] | None = None,
) -> Submission:
    """Send a submission back to its OPD; a comment is required. Commits."""
    field_comments = {k: v.strip() for k, v in (field_comments or {}).items() if v.strip()}
    if not note.strip() and not field_comments:
        raise Invalid(detail={"fields": {"note": "review.comment_required"}})
    _move(session, submission, "return", actor, note.strip())
    if note.strip():
        session.add(ReviewComment(submission_id=submission.id, author_id=actor.id,
                                  text=note.strip()))
    for path, text in field_comments.items():
        session.add(ReviewComment(submission_id=submission.id, author_id=actor.id,
                                  field_path=path[:200], text=text))
    session.commit()
    return submission


def approve(session: Session, *, submission: Submission, actor: User, note: str = "") -> Submission:
    """Approve a submitted submission. Commits."""
    _move(session, submission, "approve", actor, note.strip())
    session.commit()
    return submission


def comments(session: Session, *, submission_id: int) -> list[ReviewComment]:
    """Every review comment on a submission, oldest first."""
    query = select(ReviewComment).where(ReviewComment.submission_id == submission_id)
    return list(session.exec(query.order_by(ReviewComment.created_at, ReviewComment.id)))


def approve_many(session: Session, *, submissions: list[Submission], actor: User,
                 round_id: int, filters: dict[str, str] | None = None) -> list[Submission]:
    """Approve several submitted submissions in one transaction (all or none). Commits."""
    for submission in submissions:
        _move(session, submission, "approve", actor, "", bulk=True)
    audit.record(session, action="submission.bulk_approve", actor=actor, object_type="round",
                 object_id=round_id, count=len(submissions),
                 submissions=[s.id for s in submissions], filters=filters or {})
    session.commit()
    return submissions


MAX_COMMENT = 2000


def add_comment(session: Session, *, submission: Submission, actor: User, text: str,
                field_path: str | None = None) -> ReviewComment:
    """A planner's comment on the whole submission or on one question (field path). Commits."""
    text, path = text.strip(), (field_path or "").strip() or None
    if not text:
        raise Invalid(detail={"fields": {"text": "review.comment_required"}})
    if len(text) > MAX_COMMENT or (path and len(path) > 200):
        raise Invalid(detail={"fields": {"text": "review.comment_too_long"}})
    comment = ReviewComment(submission_id=submission.id, author_id=actor.id, text=text,
                            field_path=path)
    session.add(comment)
    session.flush()
    audit.record(session, action="submission.comment", actor=actor, object_type="submission",
                 object_id=submission.id, field_path=path, comment_id=comment.id)
    session.commit()
    return comment
