"""Managing accounts: list, invite, deactivate, reset by link, edit details, change role.

Who may do what: planners manage officer and viewer accounts; only an admin manages planner
and admin accounts and changes anyone's role. Nobody deactivates or re-roles themselves (it
would lock the service out). Every action is an audit event.
"""

from dataclasses import dataclass

from sqlmodel import Session, or_, select

from app import audit
from app.accounts.models import Role, User
from app.auth import accounts, api_tokens
from app.auth.service import end_sessions
from app.errors import Conflict, Forbidden, Invalid, NotFound
from app.opds.models import Opd

PLANNER_MANAGES = frozenset({Role.officer, Role.viewer})


@dataclass(frozen=True)
class AccountFilter:
    """The account list's filters."""

    q: str = ""
    role: str = ""
    active: str = ""  # "", "1" (active only) or "0" (inactive only)


def may_manage(actor: User, role: str) -> bool:
    """Whether `actor` may invite or manage an account with `role`."""
    return actor.role == Role.admin or (actor.role == Role.planner and role in PLANNER_MANAGES)


def _require_manage(actor: User, target: User | None = None, role: str | None = None) -> None:
    for checked in {role, target.role if target else None} - {None}:
        if not may_manage(actor, checked):
            raise Forbidden("accounts.not_allowed")
    if target is not None and target.id == actor.id:
        raise Conflict("accounts.not_self")


def list_accounts(session: Session, *, flt: AccountFilter) -> list[tuple[User, Opd | None]]:
    """Accounts with their OPD, ordered by username."""
    query = select(User, Opd).join(Opd, Opd.id == User.opd_id, isouter=True)
    if flt.q:
        like = f"%{flt.q.lower()}%"
        query = query.where(or_(User.username.like(like), User.full_name.ilike(like),
                                Opd.code.ilike(like), Opd.name.ilike(like)))
    if flt.role in set(Role):
        query = query.where(User.role == flt.role)
    if flt.active in ("0", "1"):
        query = query.where(User.active.is_(flt.active == "1"))
    return list(session.exec(query.order_by(User.username)))


def get_user(session: Session, user_id: int) -> User:
    """The account, or 404."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("accounts.not_found")
    return user


def invite(session: Session, *, actor: User, username: str, role: str, opd_code: str | None,
           full_name: str = "", nip: str | None = None,
           phone: str | None = None) -> tuple[User, str]:
    """A new account without a password and its one-time invitation link token. Commits."""
    _require_manage(actor, role=role)
    user = accounts.create_user(session, username=username, role=role, opd_code=opd_code or None,
                                full_name=full_name, nip=nip, phone=phone, actor=actor)
    return user, accounts.create_link(session, user=user, purpose="invite", actor=actor)


def reset_link(session: Session, *, actor: User, user: User) -> str:
    """A one-time link for `user` to choose a new password. Commits."""
    _require_manage(actor, user)
    if not user.active:
        raise Conflict("accounts.inactive")
    return accounts.create_link(session, user=user, purpose="reset", actor=actor)


def set_active(session: Session, *, actor: User, user: User, active: bool) -> User:
    """Deactivate (revoking every session and API token) or reactivate an account. Commits."""
    _require_manage(actor, user)
    if user.active != active:
        user.active = active
        session.add(user)
        if not active:
            _revoke_credentials(session, user)
        audit.record(session, action="user.activated" if active else "user.deactivated",
                     actor=actor, object_type="user", object_id=user.id, username=user.username)
        session.commit()
    return user


def _revoke_credentials(session: Session, user: User) -> None:
    end_sessions(session, user_id=user.id)
    api_tokens.revoke_all(session, user_id=user.id)


def update_details(session: Session, *, actor: User, user: User, full_name: str,
                   phone: str | None, nip: str | None, opd_code: str | None) -> User:
    """Change name, phone, NIP and (for an officer) the OPD. Commits."""
    _require_manage(actor, user)
    opd = _opd(session, opd_code) if user.role == Role.officer else None
    problems = accounts.user_problems(username=user.username, role=user.role, opd=opd, nip=nip)
    problems.update(_length_problems(full_name, phone))
    if problems:
        raise Invalid(detail={"fields": problems})
    changes = _apply(user, full_name=full_name.strip(), phone=(phone or "").strip() or None,
                     nip=accounts.clean_nip(nip), opd_id=opd.id if opd else None)
    if changes:
        session.add(user)
        audit.record(session, action="user.updated", actor=actor, object_type="user",
                     object_id=user.id, changed=sorted(changes))
        session.commit()
    return user


def change_role(session: Session, *, actor: User, user: User, role: str,
                opd_code: str | None) -> User:
    """Give an account another role (admin only; an officer needs an OPD). Commits."""
    if actor.role != Role.admin:
        raise Forbidden("accounts.not_allowed")
    if user.id == actor.id:
        raise Conflict("accounts.not_self")
    opd = _opd(session, opd_code) if role == Role.officer else None
    problems = accounts.user_problems(username=user.username, role=role, opd=opd, nip=None)
    if problems:
        raise Invalid(detail={"fields": problems})
    before = user.role
    if _apply(user, role=role, opd_id=opd.id if opd else None):
        session.add(user)
        audit.record(session, action="user.role_changed", actor=actor, object_type="user",
                     object_id=user.id, before=before, after=role,
                     opd=opd.code if opd else None)
        session.commit()
    return user


def _length_problems(full_name: str, phone: str | None) -> dict[str, str]:
    problems = {}
    if len(full_name.strip()) > accounts.MAX_FULL_NAME:
        problems["full_name"] = "account.full_name_too_long"
    if phone and len(phone.strip()) > accounts.MAX_PHONE:
        problems["phone"] = "account.phone_too_long"
    return problems


def _opd(session: Session, code: str | None) -> Opd | None:
    if not code:
        return None
    opd = session.exec(select(Opd).where(Opd.code == code)).first()
    if opd is None:
        raise Invalid(detail={"fields": {"opd": "accounts.opd_unknown"}})
    return opd


def _apply(user: User, **values) -> set[str]:
    """Set the values that differ; returns the names of the fields changed."""
    changed = {name for name, value in values.items() if getattr(user, name) != value}
    for name in changed:
        setattr(user, name, values[name])
    return changed
