"""Accounts API (JSON twin of the account pages)."""

from fastapi import APIRouter, Request

from app.accounts import service
from app.accounts.deps import AdminDep, AdminManagedUser, ManagedUser, PlannerDep
from app.accounts.message import link_message, one_time_link
from app.accounts.models import Role, User
from app.accounts.schemas import AccountPublic, AccountUpdate, InviteIn, LinkPublic, RoleIn
from app.auth import api_tokens
from app.auth.api import TokenPublic
from app.deps import SessionDep
from app.errors import API_ERRORS
from app.i18n import translator
from app.opds.models import Opd
from app.regencies.context import site_of
from app.types import DbId

router = APIRouter(prefix="/api/v1", tags=["api: accounts"], responses=API_ERRORS)


def _public(session, user: User) -> AccountPublic:
    return AccountPublic.of(user, session.get(Opd, user.opd_id) if user.opd_id else None)


def _link(request: Request, session, user: User, token: str, purpose: str) -> LinkPublic:
    link = one_time_link(site_of(request).settings.base_url, token)
    message = link_message(name=user.full_name, username=user.username, link=link,
                           purpose=purpose, _=translator("id"))
    return LinkPublic(account=_public(session, user), link=link, message=message)


@router.get("/accounts", response_model=list[AccountPublic])
def accounts(session: SessionDep, _principal: PlannerDep, q: str = "", role: str = "",
             active: str = ""):
    """Every account (filtered by text, role and active state), with last login."""
    flt = service.AccountFilter(q=q.strip()[:100], role=role, active=active)
    return [AccountPublic.of(user, opd) for user, opd in service.list_accounts(session, flt=flt)]


@router.post("/accounts", response_model=LinkPublic, status_code=201)
def account_invite(body: InviteIn, request: Request, session: SessionDep,
                   principal: PlannerDep):
    """Create an account and return its one-time invitation link (shown once)."""
    user, token = service.invite(
        session, actor=principal.user, username=body.username, role=body.role,
        opd_code=body.opd_code if body.role == Role.officer else None,
        full_name=body.full_name, nip=body.nip, phone=body.phone)
    return _link(request, session, user, token, "invite")


@router.get("/accounts/{user_id}", response_model=AccountPublic)
def account_detail(session: SessionDep, user: ManagedUser, _principal: PlannerDep):
    """One account."""
    return _public(session, user)


@router.patch("/accounts/{user_id}", response_model=AccountPublic)
def account_update(body: AccountUpdate, session: SessionDep, user: ManagedUser,
                   principal: PlannerDep):
    """Change name, phone, NIP or (officers) OPD; fields left out keep their value."""
    opd = session.get(Opd, user.opd_id) if user.opd_id else None
    service.update_details(session, actor=principal.user, user=user, **body.over(user, opd))
    return _public(session, user)


@router.post("/accounts/{user_id}/deactivate", response_model=AccountPublic)
def account_deactivate(session: SessionDep, user: ManagedUser, principal: PlannerDep):
    """Deactivate; the account's sessions and API tokens stop working at once."""
    service.set_active(session, actor=principal.user, user=user, active=False)
    return _public(session, user)


@router.post("/accounts/{user_id}/activate", response_model=AccountPublic)
def account_activate(session: SessionDep, user: ManagedUser, principal: PlannerDep):
    """Reactivate the account."""
    service.set_active(session, actor=principal.user, user=user, active=True)
    return _public(session, user)


@router.post("/accounts/{user_id}/reset", response_model=LinkPublic)
def account_reset(request: Request, session: SessionDep, user: ManagedUser,
                  principal: PlannerDep):
    """A one-time link for the user to choose a new password (shown once)."""
    token = service.reset_link(session, actor=principal.user, user=user)
    return _link(request, session, user, token, "reset")


@router.post("/accounts/{user_id}/role", response_model=AccountPublic)
def account_role(body: RoleIn, session: SessionDep, user: AdminManagedUser,
                 principal: AdminDep):
    """Give the account another role (admins only; officers need `opd_code`)."""
    service.change_role(session, actor=principal.user, user=user, role=body.role,
                        opd_code=body.opd_code)
    return _public(session, user)


@router.get("/accounts/{user_id}/tokens", response_model=list[TokenPublic])
def account_tokens(session: SessionDep, user: AdminManagedUser, _principal: AdminDep):
    """The account's API tokens (admins only)."""
    return [TokenPublic.of(row) for row in api_tokens.tokens_of(session, user_id=user.id)]


@router.post("/accounts/{user_id}/tokens/{token_id}/revoke", response_model=TokenPublic)
def account_token_revoke(token_id: DbId, session: SessionDep, user: AdminManagedUser,
                         principal: AdminDep):
    """Revoke one of the account's API tokens (admins only); it stops working at once."""
    return TokenPublic.of(api_tokens.revoke(session, actor=principal.user, user_id=user.id,
                                            token_id=token_id))
