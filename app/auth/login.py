"""Logging in: reserve a password check, hash outside any transaction, write the outcome.

No transaction (and on SQLite no write lock) is open while the password is hashed. The hash runs
under the hashing limiter (`SURVEI_PASSWORD_HASH_CONCURRENCY` per worker process, about one
per core), whose queue waits on the event loop: a login flood waits there, and autosaves keep
their threads and the database. Throttling: app.auth.throttle.
"""

from dataclasses import dataclass

import anyio
from sqlmodel import select
from starlette.concurrency import run_in_threadpool

from app import audit
from app.auth import throttle
from app.auth.passwords import check_password_bounded
from app.auth.service import NewSession, open_session
from app.config import Settings
from app.db import Database
from app.errors import ServiceUnavailable, Unauthorized
from app.models import User
from app.types import utcnow

# Logins waiting for the hashing limiter in one process before more are turned away (503).
MAX_WAITING = 200
BUSY_RETRY_SECONDS = 5


@dataclass(frozen=True)
class Reserved:
    """A reserved password check: the attempt's id and the account's stored credentials."""

    attempt_id: int
    user_id: int | None
    password_hash: str | None
    active: bool


def normalise(username: str) -> str:
    return username.strip().lower()[:64]


async def login(db: Database, *, settings: Settings, limiter: anyio.CapacityLimiter,
                username: str, password: str, ip: str, agent: str = "") -> NewSession:
    """Check the password (throttled per account+address and per address); open a session."""
    username = normalise(username)
    if limiter.statistics().tasks_waiting >= MAX_WAITING:
        raise ServiceUnavailable("login.busy",
                                 headers={"Retry-After": str(BUSY_RETRY_SECONDS)})
    reserved = await run_in_threadpool(_reserve, db, settings, username, ip)
    ok, new_hash = await check_password_bounded(limiter, reserved.password_hash, password)
    if not (ok and reserved.active and reserved.user_id):
        await run_in_threadpool(_failed, db, username, ip)
        raise Unauthorized("login.invalid")
    return await run_in_threadpool(_succeeded, db, settings, reserved, new_hash, ip, agent)


def _reserve(db: Database, settings: Settings, username: str, ip: str) -> Reserved:
    with db.write_session() as session:
        user = session.exec(select(User).where(User.username == username)).first()
        found = (user.id, user.password_hash, user.active) if user else (None, None, False)
        attempt_id = throttle.reserve_check(session, settings=settings, username=username,
                                            ip=ip)
    return Reserved(attempt_id, *found)


def _failed(db: Database, username: str, ip: str) -> None:
    with db.writing() as session:
        audit.record(session, action="login.failed", actor_name=username, ip=ip)


def _succeeded(db: Database, settings: Settings, reserved: Reserved, new_hash: str | None,
               ip: str, agent: str) -> NewSession:
    with db.writing() as session:
        user = session.get(User, reserved.user_id)
        throttle.record_success(session, attempt_id=reserved.attempt_id,
                                username=user.username, ip=ip)
        if new_hash:
            user.password_hash = new_hash
        user.last_login_at = utcnow()
        session.add(user)
        opened = open_session(session, settings=settings, user=user, ip=ip, agent=agent)
        audit.record(session, action="login.succeeded", actor=user, ip=ip)
    return opened
