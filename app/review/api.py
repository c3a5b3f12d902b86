"""Review API (JSON twin of the review pages)."""

from fastapi import APIRouter, Request

from app.deps import SessionDep
from app.i18n import language_of
from app.review import service
from app.review.deps import PlannerDep, PlannerSubmission, StaffDep, StaffSubmission
from app.review.schemas import (
    ApproveIn,
    ChangePublic,
    CommentIn,
    CommentPublic,
    DiffPublic,
    MomentPublic,
    ReturnIn,
    StatusPublic,
    SubmissionPublic,
    comment_public,
)
from app.submissions import review
from app.types import DbInt

router = APIRouter(prefix="/api/v1", tags=["api: review"])


def _status(submission) -> StatusPublic:
    return StatusPublic(id=submission.id, status=submission.status, version=submission.version)


@router.get("/submissions/{submission_id}", response_model=SubmissionPublic)
def submission_detail(request: Request, session: SessionDep, submission: StaffSubmission,
                      _principal: StaffDep):
    """A submission with its answers, revisions, comments and timeline."""
    view = service.review_view(session, submission=submission, lang=language_of(request))
    return SubmissionPublic.of(view)


@router.get("/submissions/{submission_id}/timeline", response_model=list[MomentPublic])
def submission_timeline(request: Request, session: SessionDep, submission: StaffSubmission,
                        _principal: StaffDep):
    """Status changes, revisions and comments, oldest first."""
    view = service.review_view(session, submission=submission, lang=language_of(request))
    return [MomentPublic.model_validate(m, from_attributes=True) for m in view.timeline]


@router.post("/submissions/{submission_id}/comments", response_model=CommentPublic,
             status_code=201)
def submission_comment(body: CommentIn, session: SessionDep, submission: PlannerSubmission,
                       principal: PlannerDep):
    """Comment on one question (field path such as `kebutuhan[2].biaya`) or the whole."""
    comment = review.add_comment(session, submission=submission, actor=principal.user,
                                 text=body.text, field_path=body.field_path)
    return comment_public(comment)


@router.post("/submissions/{submission_id}/return", response_model=StatusPublic)
def submission_return(body: ReturnIn, session: SessionDep, submission: PlannerSubmission,
                      principal: PlannerDep):
    """Return for revision; `note` is required (422 without it)."""
    return _status(service.send_back(session, submission=submission, actor=principal.user,
                                     note=body.note, version=body.version,
                                     field_comments=body.field_comments))


@router.post("/submissions/{submission_id}/approve", response_model=StatusPublic)
def submission_approve(body: ApproveIn, session: SessionDep, submission: PlannerSubmission,
                       principal: PlannerDep):
    """Approve a submitted submission (409 for any other status)."""
    return _status(service.approve(session, submission=submission, actor=principal.user,
                                   note=body.note, version=body.version))


@router.get("/submissions/{submission_id}/diff", response_model=DiffPublic)
def submission_diff(request: Request, session: SessionDep, submission: StaffSubmission,
                    _principal: StaffDep, a: DbInt | None = None, b: DbInt | None = None):
    """Field-level differences between revisions `a` and `b` (default: the last two)."""
    view = service.diff_view(session, submission=submission, a=a, b=b,
                             lang=language_of(request))
    return DiffPublic(a=view.a.number, b=view.b.number,
                      changes=[ChangePublic.model_validate(c, from_attributes=True)
                               for c in view.changes])
