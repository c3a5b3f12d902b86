"""Server-side sessions: open, resolve, end, log out (logging in: app.auth.login; API tokens:
app.auth.api_tokens)."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from app import audit
from app.accounts.models import User, UserSession
from app.auth.models import LoginAttempt
from app.auth.tokens import new_token, token_hash
from app.config import Settings
from app.types import utcnow


@dataclass(frozen=True)
class NewSession:
    """A login session just opened: the cookie value is shown once and never stored."""

    token: str
    row: UserSession


def sign_in(session: Session, *, settings: Settings, user: User, ip: str, agent: str = ""
            ) -> NewSession:
    """A session for a user who has just set their password through a one-time link (the
    link proved who they are: no second login); commits. The success is recorded as a login
    from that address, so throttling knows the address (app.auth.throttle)."""
    user.last_login_at = utcnow()
    session.add(LoginAttempt(username=user.username, ip=ip, success=True))
    opened = open_session(session, settings=settings, user=user, ip=ip, agent=agent)
    audit.record(session, action="login.succeeded", actor=user, ip=ip, via="link")
    session.commit()
    return opened


def open_session(
    session: Session, *, settings: Settings, user: User, ip: str = "", agent: str = ""
) -> NewSession:
    """A new server-side session for `user` (added to the session, not committed)."""
    token = new_token()
    row = UserSession(
        token_hash=token_hash(token),
        user_id=user.id,
        csrf_token=new_token(),
        expires_at=utcnow() + timedelta(hours=settings.session_hours),
        ip=ip[:64] or None,
        user_agent=agent[:255] or None,
    )
    session.add(row)
    return NewSession(token=token, row=row)


def resolve_session(session: Session, token: str | None) -> tuple[User, UserSession] | None:
    """The user and session behind a cookie value, if it is live; None otherwise."""
    if not token or len(token) > 128:
        return None
    query = select(UserSession).where(UserSession.token_hash == token_hash(token))
    row = session.exec(query).first()
    if row is None or row.revoked_at is not None or row.expires_at <= utcnow():
        return None
    user = session.get(User, row.user_id)
    return (user, row) if user and user.active else None


def logout(session: Session, *, user_session: UserSession, user: User, ip: str = "") -> None:
    """Revoke the session; its cookie no longer works anywhere."""
    user_session.revoked_at = utcnow()
    session.add(user_session)
    audit.record(session, action="logout", actor=user, ip=ip)
    session.commit()


def end_sessions(session: Session, *, user_id: int, keep_id: int | None = None) -> None:
    """Revoke every live session of a user except `keep_id` (added, not committed)."""
    query = update(UserSession).where(UserSession.user_id == user_id,
                                      UserSession.revoked_at.is_(None))
    if keep_id is not None:
        query = query.where(UserSession.id != keep_id)
    session.execute(query.values(revoked_at=utcnow()))
