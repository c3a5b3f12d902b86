"""OPD register API (JSON twin of the pages)."""

from typing import Annotated

from fastapi import APIRouter, Depends

from app.auth.policy import Principal, staff
from app.deps import SessionDep
from app.opds.schemas import OpdPublic
from app.opds.service import list_opds

router = APIRouter(prefix="/api/v1", tags=["api: OPD register"])


@router.get("/opds", response_model=list[OpdPublic])
def opd_list(session: SessionDep, _principal: Annotated[Principal, Depends(staff)]):
    """Every OPD, ordered by code."""
    opds = list_opds(session)
    codes = {opd.id: opd.code for opd in opds}
    return [
        OpdPublic(code=o.code, name=o.name, short_name=o.short_name, kind=o.kind,
                  parent_code=codes.get(o.parent_id), active=o.active)
        for o in opds
    ]
