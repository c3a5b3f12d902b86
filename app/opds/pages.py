"""OPD register pages."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from app.auth.policy import Principal, staff
from app.deps import SessionDep
from app.opds.service import list_opds
from app.web import render

router = APIRouter(tags=["pages: OPD register"])


@router.get("/opds")
def opd_list_page(request: Request, session: SessionDep,
                  _principal: Annotated[Principal, Depends(staff)]):
    """The OPD register."""
    return render(request, "opds/list.html", {"opds": list_opds(session)})
