"""The officer's submission API (JSON twin of the form pages): read, save (409 when stale), submit.

The OPD is the caller's own; a round that does not ask it is 404. Errors are JSON
`{"error": {"status", "code", "message", ...}}`; a 409 on save also carries `current`: the
submission's `version`, `status` and `answers`, so a client can merge instead of overwriting.
"""

from fastapi import APIRouter, Request

from app.deps import SessionDep
from app.errors import API_ERRORS
from app.i18n import language_of
from app.questionnaires.answers.validate import validate_answers
from app.submissions import service
from app.submissions.access import OfficerRoundDep, local_today
from app.submissions.form.defaults import initial_answers
from app.submissions.schemas import (
    CommentOut,
    CompletionOut,
    SavedOut,
    SaveIn,
    SubmissionOut,
    SubmitIn,
    SubmittedOut,
)

router = APIRouter(prefix="/api/v1", tags=["api: officer submissions"], responses=API_ERRORS)
CONFLICT = {409: {"description": "Stale version, closed round, or not editable: the body's "
                                 "error carries `current`: the version, status and answers."}}
INVALID = {422: {"description": "The body is not an answers document, or (submit) the "
                                "answers are incomplete: `error.fields` maps paths to problems."}}


@router.get("/rounds/{round_id}/submission", response_model=SubmissionOut)
def read_submission(request: Request, session: SessionDep, ctx: OfficerRoundDep):
    """Read the OPD's draft or submission: answers, version, status and open comments."""
    today = local_today(request)
    answers = ctx.answers if ctx.submission else initial_answers(ctx.questionnaire, today)
    result = validate_answers(ctx.questionnaire, answers, lang=language_of(request), today=today,
                              partial=True)
    comments = service.open_comments(session, submission=ctx.submission)[0] \
        if ctx.submission else []
    return SubmissionOut(
        round_id=ctx.round.id, round_name=ctx.round.name, opd_code=ctx.opd.code,
        status=ctx.status, version=ctx.version, answers=answers,
        saved_at=ctx.submission.updated_at if ctx.submission else None,
        submitted_at=ctx.submission.submitted_at if ctx.submission else None,
        deadline=ctx.deadline, accepting=ctx.accepting,
        completion=CompletionOut(answered=result.required_answered, total=result.required_total),
        comments=[CommentOut(field_path=c.field_path, text=c.text, created_at=c.created_at)
                  for c in comments])


@router.put("/rounds/{round_id}/submission", response_model=SavedOut,
            responses={**CONFLICT, **INVALID})
def save_submission(request: Request, session: SessionDep, ctx: OfficerRoundDep, body: SaveIn):
    """Save the draft if `version` is the current one (0 for the first save)."""
    saved = service.save_draft(
        session, round_=ctx.round, opd_id=ctx.opd.id, questionnaire=ctx.questionnaire,
        questionnaire_id=ctx.round.questionnaire_id, answers=body.answers,
        base_version=body.version, actor=ctx.principal.user, lang=language_of(request))
    result = saved.result
    return SavedOut(version=saved.submission.version, saved_at=saved.submission.updated_at,
                    errors=result.errors,
                    completion=CompletionOut(answered=result.required_answered,
                                             total=result.required_total))


@router.post("/rounds/{round_id}/submission/submit", response_model=SubmittedOut,
             responses={**CONFLICT, **INVALID})
def submit_submission(request: Request, session: SessionDep, ctx: OfficerRoundDep,
                      body: SubmitIn):
    """Submit the answers as saved at `version`; repeating the same submit is harmless."""
    submission = service.submit_answers(
        session, round_=ctx.round, opd_id=ctx.opd.id, submission=ctx.submission,
        questionnaire=ctx.questionnaire, base_version=body.version, actor=ctx.principal.user,
        lang=language_of(request))
    return SubmittedOut(status=submission.status, version=submission.version,
                        submitted_at=submission.submitted_at,
                        receipt_url=f"/rounds/{ctx.round.id}/receipt")
