"""Random secrets handed to users (cookies, API tokens, one-time links); we keep only hashes."""

import hashlib
import hmac
import secrets


def new_token(prefix: str = "") -> str:
    """A fresh unguessable token (256 bits)."""
    return prefix + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The SHA-256 we store instead of the token itself."""
    return hashlib.sha256(token.encode()).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two secrets; False when either is missing."""
    return bool(a) and bool(b) and hmac.compare_digest(a.encode(), b.encode())
