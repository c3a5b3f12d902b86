"""Password hashing with argon2id at OWASP's parameters (19 MiB, t=2, p=1)."""

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


async def check_password_bounded(limiter: anyio.CapacityLimiter, password_hash: str | None,
                                 password: str) -> tuple[bool, str | None]:
    """`check_password` in a worker thread, at most `limiter.total_tokens` at once.

    Waiting happens on the event loop, not in a thread: a login flood queues here and leaves
    the thread pool (and so autosave) alone. argon2 releases the GIL while it hashes.
    """
    return await anyio.to_thread.run_sync(check_password, password_hash, password,
                                          limiter=limiter)


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
