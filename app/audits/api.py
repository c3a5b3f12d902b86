"""Audit API (JSON twin of the audit page)."""

from fastapi import APIRouter

from app.audits import service
from app.audits.deps import FilterDep, PlannerDep
from app.audits.schemas import AuditEventPublic, AuditPagePublic
from app.deps import SessionDep, SettingsDep
from app.types import DbId

router = APIRouter(prefix="/api/v1", tags=["api: audit"])


@router.get("/audit", response_model=AuditPagePublic)
def audit_log(session: SessionDep, settings: SettingsDep, _principal: PlannerDep,
              flt: FilterDep, page: DbId = 1):
    """Audit events filtered by actor, action, object and date (YYYY-MM-DD), newest first."""
    found = service.search(session, flt=flt, tz=settings.timezone, page=page)
    return AuditPagePublic(
        events=[AuditEventPublic.model_validate(e, from_attributes=True) for e in found.events],
        total=found.total, page=found.page, pages=found.pages)
