"""Account API: who am I, my API tokens, my password."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from app.accounts.models import ApiToken
from app.auth import accounts, api_tokens
from app.auth.policy import Principal, signed_in
from app.deps import SessionDep, client_ip
from app.errors import API_ERRORS
from app.opds.models import Opd
from app.types import DbId

router = APIRouter(prefix="/api/v1", tags=["api: accounts"], responses=API_ERRORS)
SignedInDep = Annotated[Principal, Depends(signed_in)]


class Me(BaseModel):
    """The caller's account."""

    username: str
    full_name: str
    role: str
    opd_code: str | None


@router.get("/me", response_model=Me)
def me(session: SessionDep, principal: SignedInDep):
    """The account behind this session or token."""
    user = principal.user
    opd = session.get(Opd, user.opd_id) if user.opd_id else None
    return Me(username=user.username, full_name=user.full_name, role=user.role,
              opd_code=opd.code if opd else None)


class TokenPublic(BaseModel):
    """A personal API token (never the token itself: it is shown once, when made)."""

    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    state: str  # active, expired or revoked

    @classmethod
    def of(cls, row: ApiToken) -> "TokenPublic":
        return cls(id=row.id, name=row.name, created_at=row.created_at,
                   last_used_at=row.last_used_at, expires_at=row.expires_at,
                   state=api_tokens.token_state(row))


class PasswordIn(BaseModel):
    current_password: str = Field(max_length=1000)
    password: str = Field(max_length=1000)


@router.get("/me/tokens", response_model=list[TokenPublic])
def my_tokens(session: SessionDep, principal: SignedInDep):
    """My API tokens, newest first, with their last use and state."""
    return [TokenPublic.of(row) for row in api_tokens.tokens_of(session, user_id=principal.user.id)]


@router.post("/me/tokens/{token_id}/revoke", response_model=TokenPublic)
def revoke_my_token(token_id: DbId, session: SessionDep, principal: SignedInDep):
    """Revoke one of my API tokens; it stops working at once (also when it is this call's)."""
    return TokenPublic.of(api_tokens.revoke(session, actor=principal.user,
                                            user_id=principal.user.id, token_id=token_id))


@router.post("/me/password", status_code=204)
def change_my_password(body: PasswordIn, request: Request, session: SessionDep,
                       principal: SignedInDep):
    """Change my password; every other session of the account ends."""
    keep = principal.user_session.id if principal.user_session else None
    accounts.change_password(session, user=principal.user, current=body.current_password,
                             new=body.password, keep_session_id=keep, ip=client_ip(request))
    return Response(status_code=204)
