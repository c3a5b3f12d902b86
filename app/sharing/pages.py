"""/sharing: the regency admin decides whether the national coordinator reads raw answers."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from app.accounts.deps import AdminDep
from app.deps import SessionDep, client_ip
from app.sharing.service import set_raw_answers, sharing_of
from app.web import render

router = APIRouter(tags=["pages: sharing"])


@router.get("/sharing")
def sharing_page(request: Request, session: SessionDep, _principal: AdminDep):
    """What this regency shares with the national coordinator."""
    return render(request, "sharing/page.html", {"sharing": sharing_of(session),
                                                 "saved": request.query_params.get("saved")})


@router.post("/sharing")
def sharing_save(request: Request, session: SessionDep, principal: AdminDep,
                 raw_answers: Annotated[str, Form()] = ""):
    """Share the raw answers, or stop sharing them (audited)."""
    set_raw_answers(session, shared=raw_answers == "1", actor=principal.user,
                    ip=client_ip(request))
    return RedirectResponse("/sharing?saved=1", status_code=303)
