"""The audit routes' policy and their filter parameters (shared by the page and the API)."""

from typing import Annotated

from fastapi import Depends

from app.audits.service import AuditFilter, parse_day
from app.auth.policy import Principal, planners

PlannerDep = Annotated[Principal, Depends(planners)]


def audit_filter(actor: str = "", action: str = "", object_type: str = "", object_id: str = "",
                 date_from: str = "", date_to: str = "") -> AuditFilter:
    """The filters from the query string; a malformed date is ignored."""
    return AuditFilter(actor=actor.strip()[:64], action=action.strip()[:64],
                       object_type=object_type.strip()[:32], object_id=object_id.strip()[:64],
                       date_from=parse_day(date_from), date_to=parse_day(date_to))


FilterDep = Annotated[AuditFilter, Depends(audit_filter)]
