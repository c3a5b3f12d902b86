"""Review pages: read a submission by section, comment, return for revision, approve, diff."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from app.carry.service import since_last
from app.deps import SessionDep
from app.errors import Invalid
from app.i18n import language_of
from app.monev.view import programmes
from app.review import service
from app.review.deps import PlannerDep, PlannerSubmission, StaffDep, StaffSubmission
from app.submissions import review
from app.types import DbInt
from app.web import render

FormVersion = Annotated[DbInt | None, Form()]
router = APIRouter(tags=["pages: review"])
NOTICES = ("commented", "returned", "approved", "programme")


def _page(request: Request, session, submission, *, errors: dict | None = None,
          values: dict | None = None, notice: str = "", status: int = 200):
    lang = language_of(request)
    view = service.review_view(session, submission=submission, lang=lang)
    form = service.form_of(session, submission)
    context = {"view": view, "errors": errors or {}, "values": values or {},
               "notice": notice if notice in NOTICES else "",
               "since": since_last(session, submission=submission, questionnaire=form,
                                   lang=lang),
               "programmes": programmes(form, submission.answers, lang)}
    return render(request, "review/submission.html", context, status=status)


@router.get("/submissions/{submission_id}")
def submission_review(request: Request, session: SessionDep, submission: StaffSubmission,
                      _principal: StaffDep, notice: str = ""):
    """A submission laid out by section, with its comments, revisions and timeline."""
    return _page(request, session, submission, notice=notice)


def _done(submission_id: int, notice: str, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/submissions/{submission_id}?notice={notice}{anchor}",
                            status_code=303)


@router.post("/submissions/{submission_id}/comments")
def submission_comment(
    request: Request, session: SessionDep, submission: PlannerSubmission, principal: PlannerDep,
    text: Annotated[str, Form(max_length=2000)] = "",
    field_path: Annotated[str, Form(max_length=200)] = "",
):
    """Comment on one question (field path) or on the whole submission."""
    try:
        review.add_comment(session, submission=submission, actor=principal.user, text=text,
                           field_path=field_path)
    except Invalid as error:
        return _page(request, session, submission, errors=error.detail.get("fields", {}),
                     values={"field_path": field_path}, status=422)
    return _done(submission.id, "commented", "#comments")


@router.post("/submissions/{submission_id}/return")
def submission_return(
    request: Request, session: SessionDep, submission: PlannerSubmission, principal: PlannerDep,
    note: Annotated[str, Form(max_length=2000)] = "", version: FormVersion = None,
):
    """Send the submission back to its OPD for revision (a comment is required)."""
    try:
        service.send_back(session, submission=submission, actor=principal.user, note=note,
                          version=version)
    except Invalid as error:
        return _page(request, session, submission, errors=error.detail.get("fields", {}),
                     status=422)
    return _done(submission.id, "returned")


@router.post("/submissions/{submission_id}/approve")
def submission_approve(
    session: SessionDep, submission: PlannerSubmission, principal: PlannerDep,
    note: Annotated[str, Form(max_length=2000)] = "", version: FormVersion = None,
):
    """Approve the submission."""
    service.approve(session, submission=submission, actor=principal.user, note=note,
                    version=version)
    return _done(submission.id, "approved")


@router.get("/submissions/{submission_id}/diff")
def submission_diff(request: Request, session: SessionDep, submission: StaffSubmission,
                    _principal: StaffDep, a: DbInt | None = None, b: DbInt | None = None):
    """The answers that differ between two revisions."""
    view = service.diff_view(session, submission=submission, a=a, b=b,
                             lang=language_of(request))
    return render(request, "review/diff.html", {"diff": view, "submission": submission})
