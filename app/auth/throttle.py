"""Login throttling that slows an attacker without locking out the owner or an office.

Two rules, both kept in the database so every worker process counts the same:

- **account + address**: after `login_max_failures_per_account` wrong passwords for one account
  from one address, that pair waits before its next check: 1 minute, then 2, 4, … up to
  `login_backoff_max_minutes`. The owner signing in from anywhere else is not slowed, and a
  right password ends the wait for that pair.
- **address**: one address may get wrong passwords for at most `login_max_accounts_per_ip`
  distinct accounts per `login_window_minutes` (password spraying). Accounts that signed in
  successfully from that address in the last `KNOWN_DAYS` days are exempt, so an office behind
  one public IP keeps working while a sprayer there is stopped.

A check is *reserved* before the password is hashed, in one short transaction that holds the
throttle rows locked (SELECT … FOR UPDATE on PostgreSQL, the write lock on SQLite): 30
simultaneous wrong passwords get exactly the allowed number of checks, on any number of workers.
Each refusal carries the seconds until a check is allowed again; one audit event is written per
throttling episode (when the refusals start), not per refused attempt.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from app import audit
from app.auth.models import LoginAttempt, LoginThrottle
from app.config import Settings
from app.errors import TooManyRequests
from app.types import utcnow

KNOWN_DAYS = 30


def account_key(username: str, ip: str) -> str:
    return f"acct:{username}@{ip}"[:160]


def ip_key(ip: str) -> str:
    return f"ip:{ip}"[:160]


def backoff(settings: Settings, failures: int) -> timedelta:
    """The wait after `failures` wrong passwords from one address for one account."""
    beyond = failures - settings.login_max_failures_per_account
    minutes = min(2 ** max(beyond, 0), settings.login_backoff_max_minutes)
    return timedelta(minutes=minutes)


@dataclass(frozen=True)
class Refusal:
    """Why no password check is allowed now, and for how long."""

    rule: str  # "account" or "address"
    until: datetime


def locked_row(session: Session, key: str) -> LoginThrottle:
    """The throttle row `key`, created if missing, locked until the transaction ends."""
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    session.execute(insert(LoginThrottle).values(key=key, failures=0).on_conflict_do_nothing())
    query = select(LoginThrottle).where(LoginThrottle.key == key).with_for_update()
    return session.exec(query.execution_options(populate_existing=True)).one()


def address_refusal(session: Session, *, settings: Settings, username: str, ip: str,
                    now: datetime) -> datetime | None:
    """When the address may try a new account again, if it is over its limit; else None."""
    known = select(LoginAttempt.id).where(
        LoginAttempt.username == username, LoginAttempt.ip == ip,
        LoginAttempt.success.is_(True), LoginAttempt.at >= now - timedelta(days=KNOWN_DAYS))
    if session.exec(known.limit(1)).first() is not None:
        return None
    window = timedelta(minutes=settings.login_window_minutes)
    latest = session.exec(
        select(LoginAttempt.username, func.max(LoginAttempt.at))
        .where(LoginAttempt.ip == ip, LoginAttempt.success.is_(False),
               LoginAttempt.at >= now - window)
        .group_by(LoginAttempt.username)).all()
    if username in {name for name, _at in latest}:
        return None
    over = len(latest) - settings.login_max_accounts_per_ip
    if over < 0:
        return None
    times = sorted(at for _name, at in latest)
    return times[over] + window  # when enough accounts have left the window


def refuse(session: Session, *, settings: Settings, row: LoginThrottle, refusal: Refusal,
           username: str, ip: str, now: datetime) -> TooManyRequests:
    """Audit the start of an episode (once), commit, and build the 429 to raise.

    An account+address episode lasts until a check is allowed again for that pair; an address
    episode until the time its refusal named (`blocked_until` of its row).
    """
    if refusal.rule == "address":
        new_episode = row.blocked_until is None or row.blocked_until <= now
        row.blocked_until = refusal.until
    else:
        new_episode = row.episode_since is None
        row.episode_since = row.episode_since or now
    session.add(row)
    if new_episode:
        audit.record(session, action="login.throttled", actor_name=username, ip=ip,
                     rule=refusal.rule, until=refusal.until.isoformat())
    session.commit()
    return throttled(refusal.until, now, settings.timezone)


def throttled(until: datetime, now: datetime, timezone: str) -> TooManyRequests:
    """The 429 a refused login gets, with Retry-After and the local time to try again."""
    seconds = max(1, math.ceil((until - now).total_seconds()))
    local = until.astimezone(ZoneInfo(timezone))
    return TooManyRequests("login.throttled", headers={"Retry-After": str(seconds)},
                           time=local.strftime("%H.%M"), minutes=max(1, math.ceil(seconds / 60)))


def quick_refusal(session: Session, *, settings: Settings, username: str,
                  ip: str) -> TooManyRequests | None:
    """The 429 for an attempt inside an episode already audited, read without any lock.

    A flood that is already being refused then costs reads only: no write, no write lock.
    Anything else (a possible check, or the first refusal) goes through `reserve_check`.
    """
    now = utcnow()
    row = session.get(LoginThrottle, account_key(username, ip))
    if row and row.episode_since and row.blocked_until and row.blocked_until > now:
        return throttled(row.blocked_until, now, settings.timezone)
    address = session.get(LoginThrottle, ip_key(ip))
    if address and address.blocked_until and address.blocked_until > now:
        until = address_refusal(session, settings=settings, username=username, ip=ip, now=now)
        if until is not None:
            return throttled(until, now, settings.timezone)
    return None


def reserve_check(session: Session, *, settings: Settings, username: str, ip: str) -> int:
    """Reserve one password check (counted as a wrong password until it proves right).

    Returns the id of the login attempt recorded; raises TooManyRequests (committed) when a
    rule refuses. The caller's session must be a write session with no open transaction.
    """
    now = utcnow()
    row = locked_row(session, account_key(username, ip))
    if row.last_failure_at and now - row.last_failure_at > timedelta(
            minutes=settings.login_window_minutes) + backoff(settings, row.failures):
        row.failures, row.blocked_until = 0, None  # forgiven after a quiet window
    if row.blocked_until and row.blocked_until > now:
        raise refuse(session, settings=settings, row=row,
                     refusal=Refusal("account", row.blocked_until), username=username, ip=ip,
                     now=now)
    until = address_refusal(session, settings=settings, username=username, ip=ip, now=now)
    if until is not None:
        raise refuse(session, settings=settings, row=locked_row(session, ip_key(ip)),
                     refusal=Refusal("address", until), username=username, ip=ip, now=now)
    row.failures += 1
    row.last_failure_at, row.episode_since = now, None
    if row.failures >= settings.login_max_failures_per_account:
        row.blocked_until = now + backoff(settings, row.failures)
    attempt = LoginAttempt(username=username, ip=ip, success=False, at=now)
    session.add_all([row, attempt])
    session.commit()
    return attempt.id


def record_success(session: Session, *, attempt_id: int, username: str, ip: str) -> None:
    """The reserved check proved right: the attempt is a success, the pair's count starts over."""
    attempt = session.get(LoginAttempt, attempt_id)
    if attempt is not None:
        attempt.success = True
        session.add(attempt)
    row = session.get(LoginThrottle, account_key(username, ip))
    if row is not None:
        session.delete(row)
