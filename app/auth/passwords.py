"""Password hashing with argon2id at OWASP's parameters (19 MiB, t=2, p=1)."""

import asyncio
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import anyio
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's defaults (64 MiB, t=3, p=4) cost ~100 ms a check here: a dozen logins a second
# would saturate two cores. OWASP's minimum costs ~18 ms.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_PASSWORD_LENGTH = 10
# Checked when the account does not exist, so a wrong username costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password-only-for-timing")


def hash_password(password: str) -> str:
    """The argon2id hash to store."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; constant work whether or not a hash exists."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def check_password(password_hash: str | None, password: str) -> tuple[bool, str | None]:
    """(matches, a new hash to store when today's parameters differ, else None)."""
    ok = verify_password(password_hash, password)
    if ok and password_hash and needs_rehash(password_hash):
        return True, hash_password(password)
    return ok, None


# Hashing threads run below the request threads' CPU priority: under a login flood the
# kernel gives the officers' saves the CPU first and the hashing what is left.
HASH_NICENESS = 10


class Hasher:
    """Password checks in threads of their own, `threads` at once, at a lower CPU priority.

    Waiting happens on the event loop, not in a thread: a login flood queues here and leaves
    the thread pool (and so autosave) alone. argon2 releases the GIL while it hashes.
    """

    def __init__(self, threads: int):
        self.limiter = anyio.CapacityLimiter(threads)
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="password-hash",
                                        initializer=_lower_priority)

    async def check(self, password_hash: str | None, password: str) -> tuple[bool, str | None]:
        """`check_password`, queued behind the checks already running."""
        async with self.limiter:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._pool, check_password, password_hash,
                                              password)

    def waiting(self) -> int:
        return self.limiter.statistics().tasks_waiting


def _lower_priority() -> None:
    """Lower this thread's CPU priority by HASH_NICENESS below the thread that started it
    (Linux: a thread id is a process id to setpriority; a service started niced stays below)."""
    if hasattr(os, "setpriority"):
        thread = threading.get_native_id()
        try:
            current = os.getpriority(os.PRIO_PROCESS, thread)
            os.setpriority(os.PRIO_PROCESS, thread, min(current + HASH_NICENESS, 19))
        except OSError:  # not permitted here: the thread keeps the normal priority
            pass


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with other parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


def password_problem(password: str) -> str | None:
    """A message key when the password is too weak to accept, else None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "account.password_too_short"
    if password.strip() != password or not password.strip():
        return "account.password_spaces"
    return None
