"""Accounts: creating users and one-time links to set a password (invitation or reset)."""

import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from app import audit
from app.accounts.models import AccountLink, Role, User
from app.auth.passwords import hash_password, password_problem, verify_password
from app.auth.service import end_sessions
from app.auth.tokens import new_token, token_hash
from app.errors import Conflict, Invalid, NotFound
from app.opds.models import Opd
from app.types import utcnow

LINK_DAYS = 7
USERNAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{2,63}")
NIP_RE = re.compile(r"[0-9]{18}")
MAX_FULL_NAME, MAX_PHONE = 120, 20  # the columns' sizes (app/accounts/models.py)


def clean_nip(nip: str | None) -> str | None:
    """The NIP without the spaces people type between its groups; None when blank."""
    return "".join((nip or "").split()) or None


def nip_problem(nip: str | None) -> str | None:
    """A message key when `nip` is not a valid NIP (18 digits, spaces allowed when typed)."""
    nip = clean_nip(nip)
    if nip is None:
        return None
    # fullmatch: with match(), "$" would also accept a trailing newline.
    return None if NIP_RE.fullmatch(nip) else "account.nip_invalid"


def user_problems(*, username: str, role: str, opd: Opd | None, nip: str | None) -> dict[str, str]:
    """Field -> message key for everything wrong with a new account."""
    problems: dict[str, str] = {}
    if not USERNAME_RE.fullmatch(username):
        problems["username"] = "account.username_invalid"
    if role not in set(Role):
        problems["role"] = "account.role_invalid"
    elif role == Role.officer and opd is None:
        problems["opd"] = "account.officer_needs_opd"
    elif role != Role.officer and opd is not None:
        problems["opd"] = "account.only_officer_has_opd"
    if key := nip_problem(nip):
        problems["nip"] = key
    return problems


def _length_problems(full_name: str, phone: str | None) -> dict[str, str]:
    """The columns' limits, checked here so PostgreSQL never refuses a too-long value."""
    problems: dict[str, str] = {}
    if len(full_name.strip()) > MAX_FULL_NAME:
        problems["full_name"] = "account.full_name_too_long"
    if phone and len(phone.strip()) > MAX_PHONE:
        problems["phone"] = "account.phone_too_long"
    return problems


def create_user(
    session: Session,
    *,
    username: str,
    role: str,
    opd_code: str | None = None,
    full_name: str = "",
    nip: str | None = None,
    phone: str | None = None,
    password: str | None = None,
    actor: User | None = None,
) -> User:
    """Add an account (without a password unless one is given) and audit it; commits."""
    username = username.strip().lower()
    opd = _opd_by_code(session, opd_code) if opd_code else None
    problems = user_problems(username=username, role=role, opd=opd, nip=nip)
    problems.update(_length_problems(full_name, phone))
    if password is not None and (key := password_problem(password)):
        problems["password"] = key
    if problems:
        raise Invalid(detail={"fields": problems})
    if session.exec(select(User).where(User.username == username)).first():
        raise Conflict("account.username_taken", username=username)
    user = User(
        username=username,
        role=role,
        opd_id=opd.id if opd else None,
        full_name=full_name.strip(),
        nip=clean_nip(nip),
        phone=(phone or "").strip() or None,
        password_hash=hash_password(password) if password else None,
    )
    session.add(user)
    session.flush()
    audit.record(session, action="user.created", actor=actor, object_type="user",
                 object_id=user.id, username=username, role=role, opd=opd_code)
    session.commit()
    return user


def _opd_by_code(session: Session, code: str) -> Opd:
    opd = session.exec(select(Opd).where(Opd.code == code)).first()
    if opd is None:
        raise NotFound("opd.unknown_code", code=code)
    return opd


@dataclass(frozen=True)
class LinkState:
    """What a one-time link leads to, or why it leads nowhere ("expired", "used", "superseded",
    "unknown")."""

    link: AccountLink | None
    user: User | None
    problem: str | None


def create_link(session: Session, *, user: User, purpose: str, actor: User | None = None) -> str:
    """A one-time link token (valid 7 days) to set `user`'s password; every earlier unused link
    of the same user and purpose stops working. Commits."""
    token = new_token()
    _revoke_links(session, user_id=user.id, purpose=purpose)
    session.add(AccountLink(
        token_hash=token_hash(token),
        user_id=user.id,
        purpose=purpose,
        created_by_id=actor.id if actor else None,
        expires_at=utcnow() + timedelta(days=LINK_DAYS),
    ))
    audit.record(session, action=f"link.{purpose}", actor=actor, object_type="user",
                 object_id=user.id)
    session.commit()
    return token


def link_state(session: Session, token: str) -> LinkState:
    """Look a link token up without using it."""
    link = session.exec(
        select(AccountLink).where(AccountLink.token_hash == token_hash(token[:128]))
    ).first()
    user = session.get(User, link.user_id) if link else None
    if link is None or user is None or not user.active:
        return LinkState(None, None, "unknown")
    if link.used_at is not None:
        return LinkState(link, user, "used")
    if link.revoked_at is not None:
        return LinkState(link, user, "superseded")
    if link.expires_at <= utcnow():
        return LinkState(link, user, "expired")
    return LinkState(link, user, None)


def _revoke_links(session: Session, *, user_id: int, purpose: str | None = None) -> None:
    """Revoke the user's unused links (of one purpose, or all); added, not committed."""
    query = update(AccountLink).where(AccountLink.user_id == user_id,
                                      AccountLink.used_at.is_(None),
                                      AccountLink.revoked_at.is_(None))
    if purpose is not None:
        query = query.where(AccountLink.purpose == purpose)
    session.execute(query.values(revoked_at=utcnow()))


def use_link(session: Session, *, token: str, password: str, ip: str = "") -> User:
    """Set the password through a live link, spend it and every other unused link of the user,
    and end all the user's sessions; commits."""
    state = link_state(session, token)
    if state.problem:
        raise Invalid(f"link.{state.problem}")
    if key := password_problem(password):
        raise Invalid(detail={"fields": {"password": key}})
    spent = session.execute(
        update(AccountLink)
        .where(AccountLink.id == state.link.id, AccountLink.used_at.is_(None))
        .values(used_at=utcnow())
    )
    if spent.rowcount != 1:  # a concurrent use won the race
        session.rollback()
        raise Invalid("link.used")
    state.user.password_hash = hash_password(password)
    session.add(state.user)
    # Whoever held the old password (or an older link) is shut out: no session survives.
    end_sessions(session, user_id=state.user.id)
    _revoke_links(session, user_id=state.user.id)
    audit.record(session, action="password.set", actor=state.user, ip=ip,
                 object_type="user", object_id=state.user.id, purpose=state.link.purpose)
    session.commit()
    return state.user


def change_password(session: Session, *, user: User, current: str, new: str,
                    keep_session_id: int | None, ip: str = "") -> User:
    """Set a new password after checking the current one; every other session of the user
    ends (the one making the change stays). Commits."""
    if not verify_password(user.password_hash, current):
        raise Invalid(detail={"fields": {"current_password": "account.current_password_wrong"}})
    if key := password_problem(new):
        raise Invalid(detail={"fields": {"password": key}})
    user.password_hash = hash_password(new)
    session.add(user)
    end_sessions(session, user_id=user.id, keep_id=keep_session_id)
    _revoke_links(session, user_id=user.id)
    audit.record(session, action="password.changed", actor=user, ip=ip, object_type="user",
                 object_id=user.id)
    session.commit()
    return user
