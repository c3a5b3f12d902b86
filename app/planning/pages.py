"""The planning workspace pages of a round (Perencana edits, Pimpinan reads); POST → redirect
→ GET, or the page again with the problems (422)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app import audit
from app.deps import SessionDep
from app.downloads import attachment
from app.errors import Invalid
from app.i18n import language_of
from app.limits import upload_cap
from app.planning import forms, service
from app.planning.importer import MAX_FILE_BYTES, parse_plan_workbook
from app.planning.labels import NOTICES
from app.planning.source import planner_inputs
from app.planning.view import planning_view
from app.planning.workbook import generated_label, masterplan_workbook
from app.regencies.context import RegencyDep, site_of
from app.rounds.deps import PlannerDep, PlannerRound, StaffDep, StaffRound
from app.types import utcnow
from app.web import render

router = APIRouter(tags=["pages: planning"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def form_values(request: Request) -> dict[str, str]:
    """The posted form's text fields (the year fields are named after the plan's years)."""
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


FormDep = Annotated[dict[str, str], Depends(form_values)]


def _page(request: Request, session, round_, regency, *, errors=None, problems=(),
          notice: str = "", status: int = 200, programme_code: str = ""):
    view = planning_view(session, round_=round_, lang=language_of(request), regency=regency)
    return render(request, "planning/page.html", {
        "view": view, "errors": errors or {}, "problems": problems, "notice": notice,
        "round": round_}, status=status)


def _back(round_id: int, notice: str, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/rounds/{round_id}/planning?notice={notice}{anchor}",
                            status_code=303)


@router.get("/rounds/{round_id}/planning")
def planning_page(request: Request, session: SessionDep, round_: StaffRound, _p: StaffDep,
                  regency: RegencyDep, notice: str = ""):
    """The round's plan: RPJMD, alignment, roadmap, costs and quick-win checks."""
    return _page(request, session, round_, regency, notice=notice if notice in NOTICES else "")


def _attempt(request, session, round_, regency, action, notice: str, anchor: str):
    try:
        action()
    except forms.BadNumber as bad:
        return _page(request, session, round_, regency, status=422,
                     errors={str(bad.args[0]): "planning.error.number"})
    except Invalid as refused:
        return _page(request, session, round_, regency, status=422,
                     errors=refused.detail.get("fields", {}))
    return _back(round_.id, notice, anchor)


@router.post("/rounds/{round_id}/planning/years")
def planning_years(request: Request, session: SessionDep, round_: PlannerRound,
                   principal: PlannerDep, regency: RegencyDep, values: FormDep):
    """Set the plan's years and the APBD of each."""
    def act():
        first, last = forms.whole(values, "first") or 0, forms.whole(values, "last") or 0
        apbd = {y: forms.whole(values, f"apbd_{y}") for y in range(first, last + 1)} \
            if 0 < last - first < 10 else {}
        service.set_years(session, round_=round_, first=first, last=last, apbd=apbd,
                          actor=principal.user)
    return _attempt(request, session, round_, regency, act, "years", "#years")


@router.post("/rounds/{round_id}/planning/nodes")
def planning_node(request: Request, session: SessionDep, round_: PlannerRound,
                  principal: PlannerDep, regency: RegencyDep, values: FormDep):
    """Add or change a misi, tujuan, sasaran or IKU (by its code)."""
    def act():
        years = planner_inputs(session, round_id=round_.id).years
        service.save_node(session, round_=round_, kind=values.get("kind", ""),
                          code=values.get("code", ""), text=values.get("text", ""),
                          parent_code=values.get("parent_code"), unit=values.get("unit", ""),
                          targets=forms.per_year(values, "target", years),
                          actor=principal.user)
    return _attempt(request, session, round_, regency, act, "node", "#rpjmd")


@router.post("/rounds/{round_id}/planning/nodes/delete")
def planning_node_delete(request: Request, session: SessionDep, round_: PlannerRound,
                         principal: PlannerDep, regency: RegencyDep, values: FormDep):
    """Remove an RPJMD node that has no children."""
    def act():
        service.delete_node(session, round_=round_, code=values.get("code", ""),
                            actor=principal.user)
    return _attempt(request, session, round_, regency, act, "node_deleted", "#rpjmd")


@router.post("/rounds/{round_id}/planning/programmes")
def planning_programme(request: Request, session: SessionDep, round_: PlannerRound,
                       principal: PlannerDep, regency: RegencyDep, values: FormDep):
    """Set a programme's flags, roadmap and costs, or create a group of needs."""
    def act():
        years = planner_inputs(session, round_id=round_.id).years
        service.save_programme(session, round_=round_,
                               given=forms.programme_input(values, years), actor=principal.user)
    return _attempt(request, session, round_, regency, act, "programme", "#programmes")


@router.post("/rounds/{round_id}/planning/programmes/delete")
def planning_programme_delete(request: Request, session: SessionDep, round_: PlannerRound,
                              principal: PlannerDep, regency: RegencyDep, values: FormDep):
    """Remove a group (its needs are programmes again) or a need's settings."""
    def act():
        service.delete_programme(session, round_=round_, code=values.get("code", ""),
                                 actor=principal.user)
    return _attempt(request, session, round_, regency, act, "programme_deleted", "#programmes")


@router.post("/rounds/{round_id}/planning/alignments")
def planning_alignment(request: Request, session: SessionDep, round_: PlannerRound,
                       principal: PlannerDep, regency: RegencyDep, values: FormDep):
    """Accept or reject a suggested mapping, map by hand, or forget a decision."""
    def act():
        code, node = values.get("programme_code", ""), values.get("node_code", "")
        if values.get("state") == "removed":
            service.remove_alignment(session, round_=round_, programme_code=code,
                                     node_code=node, actor=principal.user)
            return
        service.decide_alignment(session, round_=round_, programme_code=code, node_code=node,
                                 state=values.get("state", ""),
                                 strength=values.get("strength") or "langsung",
                                 actor=principal.user)
    return _attempt(request, session, round_, regency, act, "alignment", "#alignment")


@router.post("/rounds/{round_id}/planning/import", max_body_size=upload_cap(MAX_FILE_BYTES))
def planning_import(request: Request, session: SessionDep, round_: PlannerRound,
                    principal: PlannerDep, regency: RegencyDep,
                    file: Annotated[UploadFile | None, File()] = None):
    """Replace the plan's inputs with a Masterplan workbook's (all or nothing)."""
    data = file.file.read(MAX_FILE_BYTES + 1) if file else b""
    parsed, problems = parse_plan_workbook(data)
    if parsed is None:
        return _page(request, session, round_, regency, problems=problems, status=422)
    service.import_plan(session, round_=round_, parsed=parsed, actor=principal.user)
    return _back(round_.id, "imported")


@router.get("/rounds/{round_id}/planning/masterplan.xlsx",
            response_class=Response, responses={200: {"content": {XLSX: {}}}})
def planning_workbook(request: Request, session: SessionDep, round_: StaffRound,
                      principal: StaffDep, regency: RegencyDep):
    """The Masterplan workbook: the inputs (to edit in Excel and import) and every output."""
    lang = language_of(request)
    view = planning_view(session, round_=round_, lang=lang, regency=regency)
    data = masterplan_workbook(
        data=view.planning.data, outputs=view.outputs, labels=view.labels, lang=lang,
        regency=regency.name, round_name=round_.name, example=view.example,
        generated_at=generated_label(utcnow(), regency.timezone))
    with site_of(request).db.writing() as writing:
        audit.record(writing, action="planning.downloaded", actor=principal.user,
                     object_type="round", object_id=round_.id)
    return Response(data, media_type=XLSX, headers={
        "Content-Disposition": attachment(f"masterplan-{round_.id}.xlsx")})
