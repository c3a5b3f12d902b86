"""JSON twins of the application pages: rationalisation, decisions, national applications."""

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from app.analyses.service import round_analyses
from app.applications import service
from app.deps import SessionDep, SettingsDep
from app.errors import API_ERRORS
from app.i18n import language_of
from app.rounds.deps import PlannerDep, PlannerRound, StaffDep, StaffRound
from app.types import DbId
from reports import report_json

router = APIRouter(prefix="/api/v1", tags=["api: applications"], responses=API_ERRORS)


class DecisionIn(BaseModel):
    """The confirmed recommendation of one application row ("" clears it back to the draft)."""

    submission_id: DbId
    row_id: str = Field(max_length=64)
    recommendation: str = Field(default="", max_length=24)
    note: str = Field(default="", max_length=500)


class NationalAppIn(BaseModel):
    """A national shared application; aliases and keywords are "; "-separated."""

    name: str = Field(max_length=120)
    aliases: str = Field(default="", max_length=400)
    function: str = Field(default="", max_length=300)
    keywords: str = Field(default="", max_length=400)
    owner: str = Field(default="", max_length=120)
    spbe_indicator: str = Field(default="", max_length=64)
    active: bool = True


@router.get("/rounds/{round_id}/applications")
def applications_api(request: Request, session: SessionDep, settings: SettingsDep,
                     round_: StaffRound) -> dict[str, Any]:
    """Every application with its cluster, national match, hosting and recommendation."""
    data = round_analyses(session, round_id=round_.id, lang=language_of(request),
                          timezone=settings.timezone)
    return report_json(data.analyses.applications)


@router.put("/rounds/{round_id}/applications/decision")
def application_decision_put(body: DecisionIn, session: SessionDep, round_: PlannerRound,
                             principal: PlannerDep) -> dict[str, Any]:
    """Confirm the recommendation of one application (audited)."""
    saved = service.save_decision(session, round_=round_, submission_id=body.submission_id,
                                  row_id=body.row_id, recommendation=body.recommendation,
                                  note=body.note, actor=principal.user)
    return {"submission_id": body.submission_id, "row_id": body.row_id,
            "recommendation": saved.recommendation if saved else None,
            "note": saved.note if saved else ""}


def _public(row) -> dict[str, Any]:
    return {"code": row.code, "name": row.name, "aliases": row.aliases,
            "function": row.function, "keywords": row.keywords, "owner": row.owner,
            "spbe_indicator": row.spbe_indicator, "active": row.active,
            "inferred": row.inferred}


@router.get("/national-apps")
def national_apps_api(session: SessionDep, _principal: StaffDep) -> list[dict[str, Any]]:
    """The national shared applications (aplikasi umum)."""
    return [_public(row) for row in service.list_national_apps(session)]


@router.put("/national-apps/{code}")
def national_app_put(code: str, body: NationalAppIn, session: SessionDep,
                     principal: PlannerDep) -> dict[str, Any]:
    """Add a national application, or change the one with this code (audited)."""
    row = service.save_national_app(session, code=code[:32], actor=principal.user,
                                    **body.model_dump())
    return _public(row)
