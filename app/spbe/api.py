"""JSON twin of the SPBE page: the self-assessment, a planner's entry, the target index."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from app.analyses.service import round_analyses
from app.deps import SessionDep, SettingsDep
from app.errors import API_ERRORS, Invalid
from app.i18n import language_of
from app.rounds.deps import PlannerDep, PlannerRound, StaffRound
from app.spbe import service
from reports import report_json

router = APIRouter(prefix="/api/v1", tags=["api: SPBE"], responses=API_ERRORS)


class EntryIn(BaseModel):
    """A planner's entry: level and target 0–5 (null: none), evidence ada / sebagian / belum."""

    level: int | None = Field(default=None, ge=0, le=5)
    target: int | None = Field(default=None, ge=0, le=5)
    evidence: str = Field(default="", max_length=16)
    evidence_note: str = Field(default="", max_length=1000)
    opd_code: str = Field(default="", max_length=32)


class TargetIn(BaseModel):
    target: float | None = Field(default=None, gt=0, le=5)


@router.get("/rounds/{round_id}/spbe")
def spbe_api(request: Request, session: SessionDep, settings: SettingsDep, round_: StaffRound,
             target: Annotated[float | None, Query(gt=0, le=5)] = None) -> dict[str, Any]:
    """Every indicator's row, the domain indices, the SPBE index and predikat, and the
    cheapest path to the target (the round's, or `target` to try another)."""
    data = round_analyses(session, round_id=round_.id, lang=language_of(request),
                          timezone=settings.timezone, spbe_target=target)
    spbe = data.analyses.spbe
    return {"spbe": report_json(spbe) if spbe else None,
            "round_target": data.context.spbe_target}


@router.put("/rounds/{round_id}/spbe/{indicator}")
def spbe_entry_put(body: EntryIn, session: SessionDep, round_: PlannerRound,
                   principal: PlannerDep, indicator: str) -> dict[str, Any]:
    """Save the planner's entry for one indicator (audited)."""
    entry = service.save_entry(session, round_=round_, indicator=indicator[:64],
                               level=body.level, target=body.target, evidence=body.evidence,
                               evidence_note=body.evidence_note, opd_code=body.opd_code,
                               actor=principal.user)
    return {"indicator": entry.indicator, "level": entry.level, "target": entry.target,
            "evidence": entry.evidence, "evidence_note": entry.evidence_note,
            "opd_code": body.opd_code.strip() or None}


@router.put("/rounds/{round_id}/spbe-target")
def spbe_target_put(body: TargetIn, session: SessionDep, round_: PlannerRound,
                    principal: PlannerDep) -> dict[str, Any]:
    """Save the round's target SPBE index (null: none)."""
    if body.target is not None and not 0 < body.target <= 5:
        raise Invalid(detail={"fields": {"target": "spbe.target_invalid"}})
    value = round(body.target, 3) if body.target is not None else None
    service.save_target(session, round_=round_, target=value, actor=principal.user)
    return {"target": value}
