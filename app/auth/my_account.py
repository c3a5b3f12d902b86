"""Akun saya: a signed-in user changes their password and lists or revokes their API tokens."""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from app.auth import accounts, api_tokens
from app.auth.policy import Principal, signed_in
from app.deps import SessionDep, client_ip
from app.errors import Invalid
from app.types import DbId
from app.web import render

router = APIRouter(tags=["pages: accounts"])
SignedInDep = Annotated[Principal, Depends(signed_in)]
Secret = Annotated[str, Form(max_length=1000)]
NOTICES = ("password_changed", "token_revoked")


def _page(request: Request, session, principal: Principal, *, errors: dict | None = None,
          notice: str = "", status: int = 200):
    context = {"tokens": api_tokens.tokens_of(session, user_id=principal.user.id),
               "state_of": api_tokens.token_state, "errors": errors or {},
               "notice": notice if notice in NOTICES else ""}
    return render(request, "auth/my_account.html", context, status=status)


@router.get("/account")
def my_account(request: Request, session: SessionDep, principal: SignedInDep, notice: str = ""):
    """Akun saya: change the password; the API tokens with their last use, to revoke."""
    return _page(request, session, principal, notice=notice)


@router.post("/account/password")
def change_password(request: Request, session: SessionDep, principal: SignedInDep,
                    current_password: Secret = "", password: Secret = "",
                    password2: Secret = ""):
    """Change the password; every other session of the account ends."""
    if password != password2:
        return _page(request, session, principal, errors={"password2": "link.mismatch"},
                     status=422)
    keep = principal.user_session.id if principal.user_session else None
    try:
        accounts.change_password(session, user=principal.user, current=current_password,
                                 new=password, keep_session_id=keep, ip=client_ip(request))
    except Invalid as error:
        return _page(request, session, principal, errors=error.detail.get("fields", {}),
                     status=422)
    return RedirectResponse("/account?notice=password_changed", status_code=303)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(token_id: DbId, session: SessionDep, principal: SignedInDep):
    """Revoke one of my API tokens: it stops working at once."""
    api_tokens.revoke(session, actor=principal.user, user_id=principal.user.id, token_id=token_id)
    return RedirectResponse("/account?notice=token_revoked", status_code=303)
