"""JSON twin of the Satu Data page."""

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from app.analyses.service import round_analyses
from app.deps import SessionDep, SettingsDep
from app.errors import API_ERRORS
from app.i18n import language_of
from app.rounds.deps import PlannerDep, PlannerRound, StaffRound
from app.satudata.service import save_walidata
from reports import report_json

router = APIRouter(prefix="/api/v1", tags=["api: Satu Data"], responses=API_ERRORS)


class WalidataIn(BaseModel):
    opd_code: str = Field(default="", max_length=32)


@router.get("/rounds/{round_id}/satu-data")
def satu_data_api(request: Request, session: SessionDep, settings: SettingsDep,
                  round_: StaffRound) -> dict[str, Any]:
    """The Daftar Data and MS-Var rows with their completeness (the workbook's sheets)."""
    data = round_analyses(session, round_id=round_.id, lang=language_of(request),
                          timezone=settings.timezone)
    return report_json(data.analyses.satu_data)


@router.put("/rounds/{round_id}/walidata")
def walidata_put(body: WalidataIn, session: SessionDep, round_: PlannerRound,
                 principal: PlannerDep) -> dict[str, Any]:
    """Name the round's walidata ("" clears it)."""
    opd = save_walidata(session, round_=round_, opd_code=body.opd_code, actor=principal.user)
    return {"opd_code": opd.code if opd else None, "name": opd.name if opd else None}
