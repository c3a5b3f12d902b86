"""Confirming an application's recommendation, and keeping the list of national shared
applications; each change commits once and is an audit event."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.analyses import fields as f
from app.applications.models import AppDecision, NationalApp
from app.errors import Invalid, NotFound
from app.rounds.models import Round
from app.submissions.models import Submission
from app.types import utcnow
from reports.applications import RECOMMENDATIONS

CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_.-]{0,31}$")
NATIONAL_FIELDS = ("name", "aliases", "function", "keywords", "owner", "spbe_indicator",
                   "active")


def _app_row(submission: Submission, row_id: str) -> dict | None:
    rows = submission.answers.get(f.APP_REPEAT)
    rows = rows if isinstance(rows, list) else []
    return next((r for r in rows if isinstance(r, dict) and r.get("_id") == row_id), None)


def save_decision(session: Session, *, round_: Round, submission_id: int, row_id: str,
                  recommendation: str, note: str = "", actor: User | None) -> AppDecision | None:
    """Confirm (or change) the recommendation for one application; "" clears it back to the
    draft. The application must be a row of a submission of this round."""
    submission = session.get(Submission, submission_id)
    if submission is None or submission.round_id != round_.id or not _app_row(submission,
                                                                              row_id):
        raise NotFound("apps.not_found")
    if recommendation and recommendation not in RECOMMENDATIONS:
        raise Invalid(detail={"fields": {"recommendation": "apps.recommendation_unknown"}})
    decision = session.exec(select(AppDecision).where(
        AppDecision.submission_id == submission_id, AppDecision.row_id == row_id)).first()
    before = {"recommendation": decision.recommendation, "note": decision.note} \
        if decision else None
    if not recommendation:
        if decision is not None:
            session.delete(decision)
        decision = None
    else:
        decision = decision or AppDecision(round_id=round_.id, submission_id=submission_id,
                                           row_id=row_id, recommendation=recommendation)
        decision.recommendation, decision.note = recommendation, note.strip()[:500]
        decision.decided_at, decision.decided_by_id = utcnow(), actor.id if actor else None
        session.add(decision)
    audit.record(session, action="application.decision_saved", actor=actor,
                 object_type="submission", object_id=submission_id, row_id=row_id,
                 before=before, after={"recommendation": recommendation or None,
                                       "note": note.strip()[:500]})
    session.commit()
    return decision


def national_problems(code: str, name: str) -> dict[str, str]:
    problems = {}
    if not CODE_RE.match(code):
        problems["code"] = "apps.national_code"
    if not name.strip():
        problems["name"] = "apps.national_name"
    return problems


def save_national_app(session: Session, *, code: str, name: str, aliases: str = "",
                      function: str = "", keywords: str = "", owner: str = "",
                      spbe_indicator: str = "", active: bool = True,
                      actor: User | None) -> NationalApp:
    """Add a national application to the list, or change the one with this code."""
    code = code.strip().upper()
    problems = national_problems(code, name)
    if problems:
        raise Invalid(detail={"fields": problems})
    row = session.exec(select(NationalApp).where(NationalApp.code == code)).first()
    before = {k: getattr(row, k) for k in NATIONAL_FIELDS} if row else None
    row = row or NationalApp(code=code, name=name)
    row.name, row.aliases, row.function = name.strip()[:120], _list(aliases, 400), \
        function.strip()[:300]
    row.keywords, row.owner = _list(keywords, 400), owner.strip()[:120]
    row.spbe_indicator, row.active = spbe_indicator.strip()[:64] or None, active
    row.inferred, row.updated_at = False, utcnow()
    row.updated_by_id = actor.id if actor else None
    session.add(row)
    audit.record(session, action="national_app.saved", actor=actor, object_type="national_app",
                 object_id=code, before=before, after={k: getattr(row, k)
                                                       for k in NATIONAL_FIELDS})
    session.commit()
    return row


def _list(text: str, limit: int) -> str:
    """"a; b ;; c" -> "a; b; c" (the list is kept as "; "-joined text)."""
    return "; ".join(p.strip() for p in (text or "").split(";") if p.strip())[:limit]


def list_national_apps(session: Session) -> list[NationalApp]:
    return list(session.exec(select(NationalApp).order_by(NationalApp.id)))
