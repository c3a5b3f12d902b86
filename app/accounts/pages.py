"""Account pages for planners and admins: list, invite, edit, deactivate, reset, role."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from app.accounts import service
from app.accounts.deps import AdminDep, AdminManagedUser, ManagedUser, PlannerDep
from app.accounts.message import link_message, one_time_link
from app.accounts.models import Role, User
from app.auth import api_tokens
from app.deps import SessionDep
from app.errors import Invalid
from app.i18n import translator
from app.opds.models import Opd
from app.opds.service import list_opds
from app.regencies.context import site_of
from app.security.headers import forbid_referrer
from app.types import DbId
from app.web import render

router = APIRouter(tags=["pages: accounts"])
NOTICES = ("updated", "deactivated", "activated", "role_changed", "token_revoked")
Text = Annotated[str, Form(max_length=200)]


@router.get("/accounts")
def account_list(request: Request, session: SessionDep, _principal: PlannerDep,
                 q: str = "", role: str = "", active: str = ""):
    """Every account with its role, OPD and last login."""
    flt = service.AccountFilter(q=q.strip()[:100], role=role, active=active)
    rows = service.list_accounts(session, flt=flt)
    return render(request, "accounts/list.html", {"rows": rows, "flt": flt, "roles": list(Role)})


def _invite_form(request: Request, session, principal, values: dict, errors: dict,
                 status: int = 200):
    roles = [r for r in Role if service.may_manage(principal.user, r)]
    context = {"values": values, "errors": errors, "roles": roles,
               "opds": list_opds(session, active_only=True)}
    return render(request, "accounts/new.html", context, status=status)


@router.get("/accounts/new")
def account_new(request: Request, session: SessionDep, principal: PlannerDep):
    """The invitation form."""
    return _invite_form(request, session, principal, {"role": "officer"}, {})


@router.post("/accounts/new")
def account_invite(request: Request, session: SessionDep, principal: PlannerDep,
                   username: Text = "", role: Text = "officer", opd_code: Text = "",
                   full_name: Text = "", nip: Text = "", phone: Text = ""):
    """Create the account and show its one-time invitation link (shown once)."""
    values = {"username": username, "role": role, "opd_code": opd_code,
              "full_name": full_name, "nip": nip, "phone": phone}
    try:
        user, token = service.invite(
            session, actor=principal.user, username=username, role=role,
            opd_code=opd_code if role == Role.officer else None, full_name=full_name,
            nip=nip or None, phone=phone or None)
    except Invalid as error:
        return _invite_form(request, session, principal, values,
                            error.detail.get("fields", {}), status=422)
    return _link_page(request, session, user, token, "invite")


def _link_page(request: Request, session, user: User, token: str, purpose: str):
    link = one_time_link(site_of(request).settings.base_url, token)
    message = link_message(name=user.full_name, username=user.username, link=link,
                           purpose=purpose, _=translator("id"))
    page = render(request, "accounts/link.html", {"user": user, "link": link,
                                                  "message": message, "purpose": purpose})
    return forbid_referrer(page)


@router.get("/accounts/{user_id}")
def account_detail(request: Request, session: SessionDep, user: ManagedUser,
                   principal: PlannerDep, notice: str = ""):
    """One account: details to edit and the actions on it."""
    return _detail(request, session, principal, user, {}, notice=notice)


def _detail(request, session, principal, user: User, errors: dict, *, notice: str = "",
            status: int = 200):
    context = {"user": user, "opd": session.get(Opd, user.opd_id) if user.opd_id else None,
               "opds": list_opds(session), "errors": errors, "roles": list(Role),
               "manageable": service.may_manage(principal.user, user.role)
               and user.id != principal.user.id,
               "notice": notice if notice in NOTICES else "",
               "tokens": api_tokens.tokens_of(session, user_id=user.id)
               if principal.user.role == Role.admin else [],
               "state_of": api_tokens.token_state}
    return render(request, "accounts/detail.html", context, status=status)


def _back(user_id: int, notice: str) -> RedirectResponse:
    return RedirectResponse(f"/accounts/{user_id}?notice={notice}", status_code=303)


@router.post("/accounts/{user_id}")
def account_update(request: Request, session: SessionDep, user: ManagedUser,
                   principal: PlannerDep, full_name: Text = "", phone: Text = "",
                   nip: Text = "", opd_code: Text = ""):
    """Change the account's name, phone, NIP or (officers) OPD."""
    try:
        service.update_details(session, actor=principal.user, user=user, full_name=full_name,
                               phone=phone, nip=nip, opd_code=opd_code)
    except Invalid as error:
        return _detail(request, session, principal, user, error.detail.get("fields", {}),
                       status=422)
    return _back(user.id, "updated")


@router.post("/accounts/{user_id}/deactivate")
def account_deactivate(session: SessionDep, user: ManagedUser, principal: PlannerDep):
    """Deactivate the account: it can no longer log in; its sessions and tokens end now."""
    service.set_active(session, actor=principal.user, user=user, active=False)
    return _back(user.id, "deactivated")


@router.post("/accounts/{user_id}/activate")
def account_activate(session: SessionDep, user: ManagedUser, principal: PlannerDep):
    """Reactivate the account."""
    service.set_active(session, actor=principal.user, user=user, active=True)
    return _back(user.id, "activated")


@router.post("/accounts/{user_id}/reset")
def account_reset(request: Request, session: SessionDep, user: ManagedUser,
                  principal: PlannerDep):
    """Make a one-time link for the user to choose a new password (shown once)."""
    token = service.reset_link(session, actor=principal.user, user=user)
    return _link_page(request, session, user, token, "reset")


@router.post("/accounts/{user_id}/role")
def account_role(request: Request, session: SessionDep, user: AdminManagedUser,
                 principal: AdminDep, role: Text = "", opd_code: Text = ""):
    """Give the account another role (admins only)."""
    try:
        service.change_role(session, actor=principal.user, user=user, role=role,
                            opd_code=opd_code)
    except Invalid as error:
        return _detail(request, session, principal, user, error.detail.get("fields", {}),
                       status=422)
    return _back(user.id, "role_changed")


@router.post("/accounts/{user_id}/tokens/{token_id}/revoke")
def account_token_revoke(token_id: DbId, session: SessionDep, user: AdminManagedUser,
                         principal: AdminDep):
    """Revoke one of the account's API tokens (admins only)."""
    api_tokens.revoke(session, actor=principal.user, user_id=user.id, token_id=token_id)
    return _back(user.id, "token_revoked")
