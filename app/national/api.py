"""The JSON twin of /nasional."""

from fastapi import APIRouter, Request

from app.errors import API_ERRORS
from app.national.pages import CoordinatorDep
from app.national.progress import totals
from app.national.service import regency_rounds

router = APIRouter(prefix="/api/v1", tags=["api: national"], responses=API_ERRORS)


@router.get("/nasional/progress")
def national_progress_api(request: Request, _principal: CoordinatorDep) -> dict:
    """Every regency's rounds and how far their OPDs are, with the totals."""
    rows = regency_rounds(request.app.state.sites.all())
    return {"totals": totals(rows), "rounds": [
        {"regency_code": r.regency_code, "regency_name": r.regency_name, "round_id": r.round_id,
         "round": r.round_name, "raw_answers_shared": r.shared,
         "round_status": r.round_status, "closes_at": r.closes_at, "asked": r.asked,
         "counts": r.counts, "sent": r.sent, "overdue": r.overdue} for r in rows]}
