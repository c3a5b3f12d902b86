"""Personal API tokens: created with a name and an optional expiry, listed and revoked by their
owner (an admin may revoke anyone's), refused once revoked, expired or their account inactive."""

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from app import audit
from app.accounts.models import ApiToken, Role, User
from app.auth.tokens import new_token, token_hash
from app.db import Database
from app.errors import Forbidden, Invalid, NotFound
from app.types import utcnow

MAX_NAME = 80
# A token's last use is written at most this often, so a busy script does not write per call.
TOUCH_EVERY = timedelta(minutes=1)


def token_state(row: ApiToken, now: datetime | None = None) -> str:
    """"active", "expired" or "revoked"."""
    if row.revoked_at is not None:
        return "revoked"
    if row.expires_at is not None and row.expires_at <= (now or utcnow()):
        return "expired"
    return "active"


def create_api_token(session: Session, *, user: User, name: str = "",
                     expires_at: datetime | None = None, actor: User | None = None) -> str:
    """A new token for `user`; the token is returned once and only its hash kept. Commits."""
    name = name.strip() or "token"
    if len(name) > MAX_NAME:
        raise Invalid(detail={"fields": {"name": "token.name_invalid"}})
    if expires_at is not None and expires_at <= utcnow():
        raise Invalid(detail={"fields": {"expires_at": "token.expiry_past"}})
    token = new_token("svk_")
    session.add(ApiToken(token_hash=token_hash(token), user_id=user.id, name=name,
                         expires_at=expires_at))
    audit.record(session, action="token.created", actor=actor or user, object_type="user",
                 object_id=user.id, name=name)
    session.commit()
    return token


def live_token(session: Session, token: str | None) -> tuple[User, ApiToken] | None:
    """The active user and live token behind a bearer credential; None otherwise."""
    if not token or len(token) > 128:
        return None
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == token_hash(token))).first()
    if row is None or token_state(row) != "active":
        return None
    user = session.get(User, row.user_id)
    return (user, row) if user and user.active else None


def resolve_api_token(session: Session, token: str | None) -> User | None:
    """The active user behind a bearer token, if the token is live."""
    found = live_token(session, token)
    return found[0] if found else None


def touch(db: Database, row: ApiToken) -> None:
    """Record that the token was used now (at most once a minute, in its own transaction)."""
    now = utcnow()
    if row.last_used_at is not None and now - row.last_used_at < TOUCH_EVERY:
        return
    with db.writing() as session:
        session.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now))


def tokens_of(session: Session, *, user_id: int) -> list[ApiToken]:
    """A user's tokens, newest first (revoked and expired ones too, marked by their state)."""
    query = select(ApiToken).where(ApiToken.user_id == user_id)
    return list(session.exec(query.order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))


def revoke(session: Session, *, actor: User, user_id: int, token_id: int) -> ApiToken:
    """Revoke one token: its owner may, and an admin may revoke anyone's. Commits."""
    if actor.id != user_id and actor.role != Role.admin:
        raise Forbidden("token.not_yours")
    row = session.get(ApiToken, token_id)
    if row is None or row.user_id != user_id:
        raise NotFound("token.not_found")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        session.add(row)
        audit.record(session, action="token.revoked", actor=actor, object_type="user",
                     object_id=user_id, token=row.id, name=row.name)
        session.commit()
    return row


def revoke_all(session: Session, *, user_id: int) -> None:
    """Revoke every live token of a user (added to the session, not committed)."""
    session.execute(update(ApiToken)
                    .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
                    .values(revoked_at=utcnow()))


def expiry(days: int | None) -> datetime | None:
    """The expiry `days` from now (None: the token does not expire)."""
    return utcnow() + timedelta(days=days) if days else None
