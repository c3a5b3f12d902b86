"""Round pages: the list, a new round, and a round's progress with its planner actions."""

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from app.clock import local_today
from app.deps import SessionDep, SettingsDep
from app.errors import Invalid
from app.i18n import translator
from app.jobs.context import job_context
from app.opds.service import list_opds
from app.rounds import monitor, service
from app.rounds.deps import PlannerDep, PlannerRound, StaffDep, StaffRound
from app.rounds.forms import local_input, parse_ids, parse_local, parse_seen
from app.rounds.models import RoundStatus
from app.rounds.progress import STATUSES, ProgressFilter
from app.rounds.reminder import reminder_text, wita
from app.rounds.versions import published
from app.types import DbId, as_db_int
from app.web import render

router = APIRouter(tags=["pages: rounds"])
# Notices a redirect may ask the progress page to show (anything else is ignored).
NOTICES = ("created", "opened", "closed", "extended", "approved", "job_started", "report_large",
           "dossiers_large")


@router.get("/rounds")
def round_list(request: Request, session: SessionDep, _principal: StaffDep):
    """Every round with how far its OPDs are."""
    return render(request, "rounds/list.html", {"summaries": monitor.summaries(session),
                                                "statuses": STATUSES})


@router.get("/rounds/new")
def round_new(request: Request, session: SessionDep, _principal: PlannerDep):
    """The form for a new round."""
    return _new_form(request, session, {"scope": "all", "opd_ids": []}, {})


def _new_form(request: Request, session, values: dict, errors: dict, status: int = 200):
    context = {"versions": published(session), "opds": list_opds(session, active_only=True),
               "earlier": service.list_rounds(session), "values": values, "errors": errors}
    return render(request, "rounds/new.html", context, status=status)


@router.post("/rounds/new")
def round_create(
    request: Request, session: SessionDep, settings: SettingsDep, principal: PlannerDep,
    name: Annotated[str, Form(max_length=200)] = "",
    questionnaire_id: Annotated[str, Form(max_length=20)] = "",
    scope: Annotated[str, Form(max_length=10)] = "all",
    opd_ids: Annotated[list[str] | None, Form()] = None,
    opens_at: Annotated[str, Form(max_length=40)] = "",
    closes_at: Annotated[str, Form(max_length=40)] = "",
    carry_from_id: Annotated[str, Form(max_length=20)] = "",
    carry_basis: Annotated[str, Form(max_length=16)] = "approved",
):
    """Create a round in draft (all active OPDs, or the ones ticked), optionally started from
    an earlier round (each OPD's draft carried forward)."""
    values = {"name": name, "questionnaire_id": questionnaire_id, "scope": scope,
              "opd_ids": parse_ids(opd_ids or []), "opens_at": opens_at, "closes_at": closes_at,
              "carry_from_id": carry_from_id, "carry_basis": carry_basis}
    errors = _create_problems(values)
    try:
        dates = {key: parse_local(values[key], settings.timezone, end_of_day=key == "closes_at")
                 for key in ("opens_at", "closes_at")}
    except ValueError:
        errors["closes_at"] = "round.date_invalid"
    if errors:
        return _new_form(request, session, values, errors, status=422)
    try:
        round_ = service.create_round(
            session, name=name, questionnaire_id=int(questionnaire_id),
            opd_ids=values["opd_ids"] if scope == "chosen" else None, actor=principal.user,
            carry_from_id=as_db_int(carry_from_id) if carry_from_id else None,
            carry_basis=carry_basis, today=local_today(settings.timezone), **dates)
    except Invalid as error:
        return _new_form(request, session, values, error.detail.get("fields", {}), status=422)
    return RedirectResponse(f"/rounds/{round_.id}?notice=created", status_code=303)


def _create_problems(values: dict) -> dict[str, str]:
    problems = {}
    if not values["name"].strip():
        problems["name"] = "round.name_required"
    if as_db_int(values["questionnaire_id"]) is None:
        problems["questionnaire_id"] = "round.questionnaire_unknown"
    if values["scope"] == "chosen" and not values["opd_ids"]:
        problems["opd_ids"] = "round.no_opds"
    if values["carry_from_id"] and as_db_int(values["carry_from_id"]) is None:
        problems["carry_from_id"] = "round.carry_unknown"
    return problems


@router.get("/rounds/{round_id}")
def round_progress(
    request: Request, session: SessionDep, settings: SettingsDep, round_: StaffRound,
    status: str = "", kind: str = "", q: str = "", overdue: str = "", notice: str = "",
    n: int = 0,
):
    """A round's progress: one row per OPD, counts, filters, reminder, planner actions."""
    flt = ProgressFilter.parse(status=status, kind=kind, q=q, overdue=overdue)
    view = monitor.progress_view(session, round_=round_, flt=flt)
    text = reminder_text(round_name=round_.name, rows=view.shown, _=translator("id"),
                         when=wita(settings.timezone), link=str(request.base_url))
    context = {"view": view, "reminder": text, "statuses": STATUSES,
               "notice": notice if notice in NOTICES else "", "n": n,
               "deadline_value": local_input(round_.closes_at, settings.timezone),
               **job_context(request, session, round_.id)}
    return render(request, "rounds/progress.html", context)


def _back(round_id: int, notice: str, **query) -> RedirectResponse:
    query_string = urlencode({"notice": notice, **query})
    return RedirectResponse(f"/rounds/{round_id}?{query_string}", status_code=303)


@router.post("/rounds/{round_id}/open")
def round_open(session: SessionDep, round_: PlannerRound, principal: PlannerDep):
    """Open the round: asked OPDs may fill in their answers."""
    service.set_status(session, round_=round_, status=RoundStatus.open, actor=principal.user)
    return _back(round_.id, "opened")


@router.post("/rounds/{round_id}/close")
def round_close(session: SessionDep, round_: PlannerRound, principal: PlannerDep):
    """Close the round: it accepts no more saves."""
    service.set_status(session, round_=round_, status=RoundStatus.closed, actor=principal.user)
    return _back(round_.id, "closed")


@router.post("/rounds/{round_id}/deadline")
def round_deadline(
    session: SessionDep, settings: SettingsDep, round_: PlannerRound, principal: PlannerDep,
    opd_id: Annotated[DbId, Form()], closes_at: Annotated[str, Form(max_length=40)] = "",
):
    """Give one OPD a later deadline."""
    try:
        when = parse_local(closes_at, settings.timezone, end_of_day=True)
    except ValueError:
        when = None
    if when is None:
        raise Invalid(detail={"fields": {"closes_at": "round.date_invalid"}})
    service.extend_deadline(session, round_=round_, opd_id=opd_id, closes_at=when,
                            actor=principal.user)
    return _back(round_.id, "extended")


@router.post("/rounds/{round_id}/approve")
def round_bulk_approve(
    session: SessionDep, round_: PlannerRound, principal: PlannerDep,
    status: Annotated[str, Form(max_length=20)] = "", kind: Annotated[str, Form()] = "",
    q: Annotated[str, Form(max_length=100)] = "", overdue: Annotated[str, Form()] = "",
    seen: Annotated[list[str] | None, Form()] = None,
):
    """Approve every submitted submission the filtered table shows (and only those seen)."""
    flt = ProgressFilter.parse(status=status, kind=kind, q=q, overdue=overdue)
    outcome = monitor.approve_filtered(session, round_=round_, flt=flt, actor=principal.user,
                                       seen=parse_seen(seen or []))
    return _back(round_.id, "approved", n=len(outcome.approved), **flt.query())
