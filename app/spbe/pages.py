"""The SPBE self-assessment page of a round, the what-if target, and a planner's entry form."""

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from app.analyses.display import helpers
from app.analyses.service import round_analyses
from app.deps import SessionDep, SettingsDep
from app.errors import Invalid, NotFound
from app.i18n import language_of
from app.opds.service import list_opds
from app.rounds.deps import PlannerDep, PlannerRound, StaffRound
from app.spbe import service
from app.web import render
from reports.spbe import EVIDENCE

router = APIRouter(tags=["pages: SPBE"])
Text = Annotated[str, Form(max_length=40)]


def _target(text: str) -> tuple[float | None, bool]:
    """The what-if target of the query string, and whether it was unreadable."""
    try:
        return service.parse_target(text), False
    except ValueError:
        return None, True


@router.get("/rounds/{round_id}/spbe")
def spbe_page(request: Request, session: SessionDep, settings: SettingsDep, round_: StaffRound,
              target: str = "", notice: str = ""):
    """Every indicator with its level, weight and gain; the indices, predikat and the cheapest
    path to a target index (the round's, or one typed here to try)."""
    return _page(request, session, settings, round_, target[:20], notice)


def _page(request, session, settings, round_, target: str, notice: str = "", status: int = 200):
    what_if, bad = _target(target)
    data = round_analyses(session, round_id=round_.id, lang=language_of(request),
                          timezone=settings.timezone, spbe_target=what_if)
    context = {"data": data, "spbe": data.analyses.spbe, "target": target, "bad_target": bad,
               "notice": notice if notice in ("saved", "target") else "",
               **helpers(language_of(request))}
    return render(request, "spbe/page.html", context, status=status)


def _row(data, indicator: str):
    spbe = data.analyses.spbe
    row = next((r for r in spbe.rows if r.indicator.code == indicator), None) if spbe else None
    if row is None:
        raise NotFound("spbe.indicator_not_found")
    return row


def _form(request, session, data, row, values: dict, errors: dict, status: int = 200):
    services = [s for s in data.inputs.spbe_services if s.indicator == row.indicator.code]
    context = {"data": data, "row": row, "values": values, "errors": errors,
               "evidence": EVIDENCE, "opds": list_opds(session, active_only=True),
               "services": services,
               **helpers(language_of(request))}
    return render(request, "spbe/entry.html", context, status=status)


@router.get("/rounds/{round_id}/spbe/{indicator}")
def spbe_entry_page(request: Request, session: SessionDep, settings: SettingsDep,
                    round_: PlannerRound, _principal: PlannerDep, indicator: str):
    """The planner's entry for one indicator, with the services and needs linked to it."""
    data = round_analyses(session, round_id=round_.id, lang=language_of(request),
                          timezone=settings.timezone)
    row = _row(data, indicator[:64])
    entry = next((e for e in data.context.spbe_entries if e.indicator == row.indicator.code),
                 None)
    values = {"level": "" if entry is None or entry.level is None else str(entry.level),
              "target": "" if entry is None or entry.target is None else str(entry.target),
              "evidence": entry.evidence if entry else "",
              "evidence_note": entry.evidence_note if entry else "",
              "opd_code": (entry.opd_code or "") if entry else ""}
    return _form(request, session, data, row, values, {})


def _level(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 2:
        return -1  # refused by the service as out of range
    return int(text)


@router.post("/rounds/{round_id}/spbe/{indicator}")
def spbe_entry_save(request: Request, session: SessionDep, settings: SettingsDep,
                    round_: PlannerRound, principal: PlannerDep, indicator: str,
                    level: Text = "", target: Text = "", evidence: Text = "",
                    evidence_note: Annotated[str, Form(max_length=1000)] = "",
                    opd_code: Text = ""):
    """Save the planner's level, target, evidence and OPD in charge of an indicator."""
    values = {"level": level, "target": target, "evidence": evidence,
              "evidence_note": evidence_note, "opd_code": opd_code}
    try:
        service.save_entry(session, round_=round_, indicator=indicator[:64], level=_level(level),
                           target=_level(target), evidence=evidence, evidence_note=evidence_note,
                           opd_code=opd_code, actor=principal.user)
    except Invalid as error:
        data = round_analyses(session, round_id=round_.id, lang=language_of(request),
                              timezone=settings.timezone)
        return _form(request, session, data, _row(data, indicator[:64]), values,
                     error.detail.get("fields", {}), status=422)
    query = urlencode({"notice": "saved"})
    return RedirectResponse(f"/rounds/{round_.id}/spbe?{query}#i-{indicator}", status_code=303)


@router.post("/rounds/{round_id}/spbe-target")
def spbe_target_save(request: Request, session: SessionDep, settings: SettingsDep,
                     round_: PlannerRound, principal: PlannerDep, target: Text = ""):
    """Save the round's target index (blank: none)."""
    try:
        value = service.parse_target(target)
    except ValueError:
        return _page(request, session, settings, round_, target, status=422)
    service.save_target(session, round_=round_, target=value, actor=principal.user)
    return RedirectResponse(f"/rounds/{round_.id}/spbe?notice=target", status_code=303)
