"""The Satu Data page of a round: the Daftar Data, MS-Var completeness, the walidata."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from app.analyses.display import helpers
from app.analyses.service import round_analyses
from app.deps import SessionDep, SettingsDep
from app.i18n import language_of
from app.opds.service import list_opds
from app.rounds.deps import PlannerDep, PlannerRound, StaffRound
from app.satudata.service import save_walidata
from app.web import render

router = APIRouter(tags=["pages: Satu Data"])


@router.get("/rounds/{round_id}/satu-data")
def satu_data_page(request: Request, session: SessionDep, settings: SettingsDep,
                   round_: StaffRound, notice: str = ""):
    """The datasets the OPDs reported (Daftar Data) and the MS-Var completeness per table."""
    data = round_analyses(session, round_id=round_.id, lang=language_of(request),
                          timezone=settings.timezone)
    context = {"data": data, "sd": data.analyses.satu_data, "notice": notice == "saved",
               "opds": list_opds(session, active_only=True), **helpers(language_of(request))}
    return render(request, "satudata/page.html", context)


@router.post("/rounds/{round_id}/satu-data/walidata")
def walidata_save(session: SessionDep, round_: PlannerRound, principal: PlannerDep,
                  opd_code: Annotated[str, Form(max_length=32)] = ""):
    """Name the round's walidata (usually the Diskominfo)."""
    save_walidata(session, round_=round_, opd_code=opd_code, actor=principal.user)
    return RedirectResponse(f"/rounds/{round_.id}/satu-data?notice=saved", status_code=303)
