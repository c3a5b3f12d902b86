"""The home page (Beranda) and the health check."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse

from app.accounts.models import Role
from app.auth.policy import Principal, public
from app.deps import DatabaseDep, SessionDep
from app.health import api as health
from app.i18n import language_of
from app.opds.models import Opd
from app.submissions.access import local_today
from app.submissions.form.screens import STATUS_KEYS
from app.submissions.overview import officer_rounds
from app.web import render

router = APIRouter(tags=["pages: home"])


@router.get("/", include_in_schema=False)
def home(request: Request, session: SessionDep,
         principal: Annotated[Principal | None, Depends(public)]):
    """Beranda for a signed-in user; the login page for everyone else."""
    if principal is None:
        return RedirectResponse("/login", status_code=303)
    opd = session.get(Opd, principal.user.opd_id) if principal.user.opd_id else None
    cards = None
    if principal.role == Role.officer and opd is not None:
        cards = officer_rounds(session, opd_id=opd.id, lang=language_of(request),
                               today=local_today(request))
    return render(request, "home.html", {"opd": opd, "cards": cards, "status_keys": STATUS_KEYS})


@router.get("/healthz", responses={503: {"description": "The database is unreachable, "
                                            "behind the code's schema, or takes no writes."}})
def healthz(db: DatabaseDep, _principal: Annotated[Principal | None, Depends(public)]):
    """200 when the database answers, is at the newest migration and accepts writes."""
    status, body = health.check(db)
    return JSONResponse(body, status_code=status)
