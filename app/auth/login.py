"""Logging in: reserve a password check, hash outside any transaction, write the outcome.

No transaction (and on SQLite no write lock) is open while the password is hashed. Logins run in
their own lanes, whose queues wait on the event loop, not in threads: the hash under
`limiters.hashing` (`SURVEI_PASSWORD_HASH_CONCURRENCY` per worker process, about one per core)
and the two short database steps under `limiters.database` (two at a time). A login flood then
waits there and never fills the thread pool or the SQLite write-lock queue that autosave needs;
past `MAX_WAITING` queued logins it is turned away with 503. Throttling: app.auth.throttle.
"""

from dataclasses import dataclass

import anyio
from anyio import to_thread
from sqlmodel import select

from app import audit
from app.accounts.models import User
from app.auth import throttle
from app.auth.passwords import Hasher
from app.auth.service import NewSession, open_session
from app.config import Settings
from app.db import Database
from app.errors import ServiceUnavailable, Unauthorized
from app.types import utcnow

# Logins queued in one process before more are turned away (503): a few seconds of hashing.
MAX_WAITING = 100
BUSY_RETRY_SECONDS = 5
DATABASE_LANE = 1


@dataclass(frozen=True)
class Limiters:
    """The lanes logins run in (one set per worker process, made on its event loop)."""

    hashing: Hasher
    database: anyio.CapacityLimiter

    @classmethod
    def create(cls, settings: Settings) -> "Limiters":
        return cls(Hasher(settings.password_hash_concurrency),
                   anyio.CapacityLimiter(DATABASE_LANE))

    def busy(self) -> bool:
        waiting = self.hashing.waiting() + self.database.statistics().tasks_waiting
        return waiting >= MAX_WAITING


@dataclass(frozen=True)
class Reserved:
    """A reserved password check: the attempt's id and the account's stored credentials."""

    attempt_id: int
    user_id: int | None
    password_hash: str | None
    active: bool


def normalise(username: str) -> str:
    return username.strip().lower()[:64]


async def login(db: Database, *, settings: Settings, limiters: Limiters, username: str,
                password: str, ip: str, agent: str = "") -> NewSession:
    """Check the password (throttled per account+address and per address); open a session."""
    username = normalise(username)
    if limiters.busy():
        raise ServiceUnavailable("login.busy",
                                 headers={"Retry-After": str(BUSY_RETRY_SECONDS)})
    lane = limiters.database
    reserved = await to_thread.run_sync(_reserve, db, settings, username, ip, limiter=lane)
    ok, new_hash = await limiters.hashing.check(reserved.password_hash, password)
    if not (ok and reserved.active and reserved.user_id):
        await to_thread.run_sync(_failed, db, username, ip, limiter=lane)
        raise Unauthorized("login.invalid")
    return await to_thread.run_sync(_succeeded, db, settings, reserved, new_hash, ip, agent,
                                    limiter=lane)


def _reserve(db: Database, settings: Settings, username: str, ip: str) -> Reserved:
    with db.session() as session:
        refused = throttle.quick_refusal(session, settings=settings, username=username, ip=ip)
    if refused is not None:
        raise refused
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
