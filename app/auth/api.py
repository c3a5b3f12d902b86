"""Account API: who am I."""

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from app.auth.policy import Principal, signed_in
from app.deps import SessionDep
from app.errors import API_ERRORS
from app.models import Opd

router = APIRouter(prefix="/api/v1", tags=["api: accounts"], responses=API_ERRORS)


class Me(BaseModel):
    """The caller's account."""

    username: str
    full_name: str
    role: str
    opd_code: str | None


@router.get("/me", response_model=Me)
def me(session: SessionDep, principal: Annotated[Principal, Depends(signed_in)]):
    """The account behind this session or token."""
    user = principal.user
    opd = session.get(Opd, user.opd_id) if user.opd_id else None
    return Me(username=user.username, full_name=user.full_name, role=user.role,
              opd_code=opd.code if opd else None)
