"""Application rationalisation page of a round (confirm a recommendation per application) and
the list of national shared applications (aplikasi umum)."""

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from app.analyses.display import helpers
from app.analyses.service import round_analyses
from app.applications import service
from app.deps import SessionDep, SettingsDep
from app.errors import Invalid
from app.i18n import language_of
from app.rounds.deps import PlannerDep, PlannerRound, StaffDep, StaffRound
from app.types import DbId
from app.web import render
from reports.applications import RECOMMENDATIONS

router = APIRouter(tags=["pages: applications"])
Text = Annotated[str, Form(max_length=400)]


@router.get("/rounds/{round_id}/applications")
def applications_page(request: Request, session: SessionDep, settings: SettingsDep,
                      round_: StaffRound, notice: str = "", cluster: str = ""):
    """Every application of the round's OPDs with its cluster, national match, hosting and
    recommendation; planners confirm or change each draft."""
    data = round_analyses(session, round_id=round_.id, lang=language_of(request),
                          timezone=settings.timezone)
    rows = data.analyses.applications.rows
    if cluster:
        rows = [r for r in rows if r.cluster == cluster]
    context = {"data": data, "ap": data.analyses.applications, "rows": rows,
               "cluster": cluster, "recommendations": RECOMMENDATIONS,
               "notice": notice == "saved", **helpers(language_of(request))}
    return render(request, "applications/page.html", context)


@router.post("/rounds/{round_id}/applications/decision")
def application_decide(session: SessionDep, round_: PlannerRound, principal: PlannerDep,
                       submission_id: Annotated[DbId, Form()], row_id: Annotated[
                           str, Form(max_length=64)], recommendation: Text = "",
                       note: Annotated[str, Form(max_length=500)] = "",
                       cluster: Annotated[str, Form(max_length=10)] = ""):
    """Confirm the recommendation of one application (blank: back to the draft)."""
    service.save_decision(session, round_=round_, submission_id=submission_id, row_id=row_id,
                          recommendation=recommendation, note=note, actor=principal.user)
    query = urlencode({"notice": "saved", **({"cluster": cluster} if cluster else {})})
    return RedirectResponse(f"/rounds/{round_.id}/applications?{query}#a-{row_id}",
                            status_code=303)


def _national(request, session, values: dict, errors: dict, notice: str = "",
              status: int = 200):
    context = {"apps": service.list_national_apps(session), "values": values,
               "errors": errors, "notice": notice}
    return render(request, "applications/national.html", context, status=status)


@router.get("/national-apps")
def national_apps_page(request: Request, session: SessionDep, _principal: StaffDep,
                       notice: str = ""):
    """The national shared applications OPD applications are matched against."""
    return _national(request, session, {}, {}, "saved" if notice == "saved" else "")


@router.post("/national-apps")
def national_app_save(request: Request, session: SessionDep, principal: PlannerDep,
                      code: Annotated[str, Form(max_length=32)] = "", name: Text = "",
                      aliases: Text = "", function: Text = "", keywords: Text = "",
                      owner: Text = "", spbe_indicator: Annotated[str, Form(max_length=64)] = "",
                      active: Annotated[str, Form(max_length=5)] = ""):
    """Add a national application, or change the one with this code."""
    values = {"code": code, "name": name, "aliases": aliases, "function": function,
              "keywords": keywords, "owner": owner, "spbe_indicator": spbe_indicator,
              "active": active}
    try:
        service.save_national_app(session, code=code, name=name, aliases=aliases,
                                  function=function, keywords=keywords, owner=owner,
                                  spbe_indicator=spbe_indicator, active=bool(active),
                                  actor=principal.user)
    except Invalid as error:
        return _national(request, session, values, error.detail.get("fields", {}),
                         status=422)
    return RedirectResponse("/national-apps?notice=saved", status_code=303)
