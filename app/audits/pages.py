"""The audit log page."""

from urllib.parse import urlencode

from fastapi import APIRouter, Request

from app.audits import service
from app.audits.deps import FilterDep, PlannerDep
from app.deps import SessionDep, SettingsDep
from app.types import DbId
from app.web import render

router = APIRouter(tags=["pages: audit"])


@router.get("/audit")
def audit_log(request: Request, session: SessionDep, settings: SettingsDep,
              _principal: PlannerDep, flt: FilterDep, page: DbId = 1):
    """Audit events filtered by actor, action, object and date, newest first."""
    found = service.search(session, flt=flt, tz=settings.timezone, page=page)
    actions, types = service.known_values(session)
    base = urlencode(flt.query())
    return render(request, "audits/list.html", {"found": found, "flt": flt, "actions": actions,
                                                "types": types, "base": base})
