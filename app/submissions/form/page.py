"""Assemble the officer pages: validate once, gather comments, build the models, render."""

from __future__ import annotations

from fastapi import Request
from sqlmodel import Session

from app.i18n import translator_for
from app.questionnaires.answers.validate import validate_answers
from app.questionnaires.schema import Section
from app.submissions import service
from app.submissions.completion import Completion, missing_by_section, problems
from app.submissions.form.keys import anchor, path_of_key
from app.submissions.form.not_sent import not_sent
from app.submissions.form.post import Action, section_digest
from app.submissions.form.remarks import Remark, remarks
from app.submissions.form.screens import Screen, neighbours, pick_section, receipt
from app.submissions.form.signature import signature
from app.submissions.models import SubmissionRevision, SubmissionStatus
from app.types import utcnow
from app.web import render

FORM = "submissions/form.html"


def _remarks(session: Session, screen: Screen, answers: dict) -> list[Remark]:
    submission = screen.ctx.submission
    if submission is None:
        return []
    comments, written_on = service.open_comments(session, submission=submission)
    return remarks(screen.questionnaire, comments, revision_answers=written_on, answers=answers,
                   lang=screen.lang)


def _render(request: Request, session: Session, template: str, context: dict, status: int = 200):
    # Reading is done: end the transaction before drawing the page, since on SQLite a POST's
    # transaction holds the database's write lock and other officers' saves wait on it.
    session.commit()
    return render(request, template, context, status=status)


def _checks(screen: Screen, answers: dict):
    q, lang, today = screen.questionnaire, screen.lang, screen.today
    partial = validate_answers(q, answers, lang=lang, today=today, partial=True)
    full = validate_answers(q, answers, lang=lang, today=today)
    return partial, full


def section_page(
    request: Request, session: Session, screen: Screen, section: Section, *, shown: dict,
    stored: dict, version: int, errors: dict[str, str] | None = None, status: int = 200,
    notice: str | None = None, elsewhere: dict[str, object] | None = None,
):
    """One section of the form, as the officer fills it."""
    partial, full = _checks(screen, shown)
    cleaned = partial.answers
    if errors is None:
        errors = {p: t for p, t in partial.errors.items() if screen.section_of(p) == section.name}
    found = _remarks(session, screen, cleaned)
    nav = screen.nav(cleaned, section.name, missing_by_section(screen.questionnaire, full, partial))
    before, after = neighbours(nav, section.name)
    context = {
        **screen.base(Completion.of(partial)), "mode": "section", "section": section,
        "section_label": screen.text(section.label), "section_hint": screen.text(section.hint),
        "items": screen.items(section, shown, cleaned, errors, found, elsewhere),
        "nav": nav, "prev": before, "next": after, "version": version,
        "digest": section_digest(section, stored), "remarks": found, "notice": notice,
        "elsewhere": elsewhere or {}, "logic": screen.logic(),
        "state": screen.state(stored, version, section.name, translator_for(request)),
    }
    return _render(request, session, FORM, context, status)


def review_page(request: Request, session: Session, screen: Screen, answers: dict, version: int,
                *, errors: dict[str, str] | None = None, status: int = 200,
                notice: str | None = None):
    """The last step: what is still missing (each problem links to its question) and Kirim."""
    partial, full = _checks(screen, answers)
    found = _remarks(session, screen, partial.answers)
    listed = full.errors if errors is None else errors
    nav = screen.nav(partial.answers, None, missing_by_section(screen.questionnaire, full,
                                                                partial))
    context = {
        **screen.base(Completion.of(partial)), "mode": "review", "nav": nav,
        "problems": problems(screen.questionnaire, listed, screen.lang),
        "not_sent": not_sent(screen.questionnaire, partial, screen.lang, translator_for(request)),
        "blocked": errors is not None, "version": version, "remarks": found,
        "notice": notice, "logic": screen.logic(), "prev": nav[-1] if nav else None,
        "state": screen.state(answers, version, None, translator_for(request)),
    }
    return _render(request, session, FORM, context, status)


def readonly_page(request: Request, session: Session, screen: Screen, *, status: int = 200,
                  notice: str | None = None, template: str = "submissions/readonly.html",
                  answers: dict | None = None):
    """Every answer, read-only: after submitting, when closed, and for printing."""
    answers = screen.ctx.answers if answers is None else answers
    partial, _full = _checks(screen, answers)
    cleaned = partial.answers
    sections = [(s, screen.text(s.label), screen.items(s, cleaned, cleaned, {}, []))
                for s in screen.questionnaire.sections if screen.relevant(s, cleaned)]
    submission = screen.ctx.submission
    revision = service.latest_revision(session, submission_id=submission.id) \
        if submission else None
    code = None
    if revision and submission.status in (SubmissionStatus.submitted, SubmissionStatus.approved):
        code = receipt(screen.questionnaire, screen.ctx.opd.code, screen.ctx.round.id,
                       revision, screen.lang).code
    context = {**screen.base(Completion.of(partial)), "sections": sections, "notice": notice,
               "revision": revision, "code": code, "remarks": _remarks(session, screen, cleaned),
               "printed_at": utcnow(), "signature": signature(cleaned, screen.lang)}
    return _render(request, session, template, context, status)


def receipt_page(request: Request, screen: Screen, revision: SubmissionRevision):
    """The receipt of a submitted version."""
    partial = validate_answers(screen.questionnaire, revision.answers, lang=screen.lang,
                               today=screen.today, partial=True)
    context = {**screen.base(Completion.of(partial)),
               "receipt": receipt(screen.questionnaire, screen.ctx.opd.code, screen.ctx.round.id,
                                  revision, screen.lang),
               "officer": screen.ctx.principal.user}
    return render(request, "submissions/receipt.html", context)


def target_after_save(screen: Screen, current: Section, action: Action, answers: dict) -> str:
    """Where the form goes after a valid post: the next step, or back here for row changes."""
    url = screen.form_url
    here = f"{url}?section={current.name}&saved=1"
    if action.verb == "review":
        return f"{url}?step=review"
    if action.verb == "section":
        return f"{url}?section={pick_section(screen.questionnaire, action.target).name}&saved=1"
    if action.changes_rows:
        path = path_of_key(action.target, answers)
        return here + (f"#{anchor(path)}" if path else "")
    if action.verb in ("next", "prev"):
        nav = screen.nav(answers, current.name, {})
        before, after = neighbours(nav, current.name)
        step = after if action.verb == "next" else before
        if step is None:
            return f"{url}?step=review" if action.verb == "next" else here
        return f"{url}?section={step.name}&saved=1"
    return here
