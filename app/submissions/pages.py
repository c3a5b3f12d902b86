"""The officer's pages: the form (one section per step), submit, receipt and print view.

With JavaScript the form saves itself through the JSON API (api.py); without it, each section
posts here (POST → redirect → GET; 422 with the typed values kept). Both use the same service.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from app.carry.service import marks_for
from app.deps import SessionDep
from app.errors import Conflict, Invalid, NotFound
from app.i18n import language_of
from app.regencies.context import site_of
from app.submissions import service
from app.submissions.access import OfficerRound, OfficerRoundDep, local_today
from app.submissions.form.defaults import initial_answers
from app.submissions.form.page import (
    readonly_page,
    receipt_page,
    review_page,
    section_page,
    target_after_save,
)
from app.submissions.form.post import (
    changed_elsewhere,
    parse_action,
    read_section,
    section_digest,
)
from app.submissions.form.screens import Screen, pick_section
from app.types import as_db_int

router = APIRouter(tags=["pages: officer form"])


async def posted_form(request: Request) -> dict[str, list[str]]:
    """The posted form fields, each with all its values (checkboxes post several)."""
    form = await request.form()
    return {key: [v for v in form.getlist(key) if isinstance(v, str)] for key in form.keys()}


PostedDep = Annotated[dict[str, list[str]], Depends(posted_form)]


def _screen(request: Request, ctx: OfficerRound, session: Session) -> Screen:
    carried = marks_for(session, submission=ctx.submission, questionnaire=ctx.questionnaire)
    return Screen(ctx, ctx.questionnaire, language_of(request), local_today(request),
                  site_of(request).settings.timezone, carry=carried)


def _stored(screen: Screen) -> dict:
    ctx = screen.ctx
    return ctx.answers if ctx.submission else initial_answers(ctx.questionnaire, screen.today)


def _first(posted: dict[str, list[str]], name: str) -> str:
    return (posted.get(name) or [""])[0]


def _version(posted: dict[str, list[str]]) -> int:
    text = _first(posted, "version")
    number = as_db_int(text)
    return -1 if number is None else number


@router.get("/rounds/{round_id}/form")
def form_page(request: Request, session: SessionDep, ctx: OfficerRoundDep,
              section: str | None = None, step: str | None = None, saved: str = ""):
    """The questionnaire, a section per step; read-only once submitted or when closed."""
    screen = _screen(request, ctx, session)
    if not ctx.editable:
        return readonly_page(request, session, screen)
    if step == "review":
        return review_page(request, session, screen, _stored(screen), ctx.version)
    notice = "form.saved_notice" if saved == "1" else None
    return section_page(request, session, screen, pick_section(ctx.questionnaire, section),
                        shown=_stored(screen), stored=_stored(screen), version=ctx.version,
                        notice=notice)


@router.post("/rounds/{round_id}/form")
def save_section(request: Request, session: SessionDep, ctx: OfficerRoundDep,
                 posted: PostedDep, section: str | None = None):
    """Save one section (the form without JavaScript); 422 shows the problems and keeps input."""
    screen = _screen(request, ctx, session)
    current = pick_section(ctx.questionnaire, section)
    action = parse_action(_first(posted, "go"))
    stored = _stored(screen)
    answers = read_section(current, posted, stored, action)
    version = _version(posted)
    if version != ctx.version and _first(posted, "digest") == section_digest(current, stored):
        version = ctx.version  # only other sections changed since: nothing here is overwritten
    try:
        saved = service.save_draft(
            session, round_=ctx.round, opd_id=ctx.opd.id, questionnaire=ctx.questionnaire,
            questionnaire_id=ctx.round.questionnaire_id, answers=answers, base_version=version,
            actor=ctx.principal.user, lang=screen.lang, refuse=False)
    except Conflict as error:
        if error.key != "submission.stale":
            return readonly_page(request, session, screen, status=409, notice=error.key)
        theirs = error.detail["current"]["answers"]
        return section_page(request, session, screen, current, shown=answers, stored=theirs,
                            version=error.detail["current"]["version"], status=409,
                            notice="form.conflict_notice",
                            elsewhere=changed_elsewhere(current, answers, theirs))
    errors = {path: text for path, text in saved.result.errors.items()
              if screen.section_of(path) == current.name}
    if errors:
        return section_page(request, session, screen, current, shown=answers,
                            stored=service.working_answers(saved.submission),
                            version=saved.submission.version,
                            errors=errors, status=422, notice="form.fix_notice")
    target = target_after_save(screen, current, action, saved.result.answers)
    return RedirectResponse(target, status_code=303)


@router.post("/rounds/{round_id}/submit")
def submit(request: Request, session: SessionDep, ctx: OfficerRoundDep, posted: PostedDep):
    """Submit ("Kirim"): full validation; a repeated submit of the same version is one submit."""
    screen = _screen(request, ctx, session)
    try:
        service.submit_answers(
            session, round_=ctx.round, opd_id=ctx.opd.id, submission=ctx.submission,
            questionnaire=ctx.questionnaire, base_version=_version(posted),
            actor=ctx.principal.user, lang=screen.lang)
    except Invalid as error:
        return review_page(request, session, screen, _stored(screen), ctx.version,
                           errors=error.detail.get("fields", {}), status=422)
    except Conflict as error:
        if error.key == "submission.stale":
            return review_page(request, session, screen, _stored(screen), ctx.version,
                               status=409, notice="form.submit_stale_notice")
        return readonly_page(request, session, screen, status=409, notice=error.key)
    return RedirectResponse(f"/rounds/{ctx.round.id}/receipt", status_code=303)


@router.get("/rounds/{round_id}/receipt")
def receipt(request: Request, session: SessionDep, ctx: OfficerRoundDep):
    """The receipt of the latest submitted version: time, summary and a code to check it by."""
    if ctx.submission is None:
        raise NotFound("form.no_receipt")
    revision = service.latest_revision(session, submission_id=ctx.submission.id)
    if revision is None:
        raise NotFound("form.no_receipt")
    return receipt_page(request, _screen(request, ctx, session), revision)


@router.get("/rounds/{round_id}/print")
def print_view(request: Request, session: SessionDep, ctx: OfficerRoundDep):
    """Every answer on A4 pages, with a place for the OPD head's signature."""
    screen = _screen(request, ctx, session)
    return readonly_page(request, session, screen, template="submissions/print.html",
                         answers=_stored(screen))
