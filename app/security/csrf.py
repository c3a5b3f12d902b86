"""The anonymous CSRF token: a signed double-submit cookie.

A caller without a session gets a random nonce in a cookie; the token its forms echo is the
HMAC of that nonce under SURVEI_SECRET_KEY. A cookie planted by someone else (a sibling host, a
network attacker on plain HTTP) is useless without the key, and behind HTTPS the cookie carries
the `__Host-` prefix so no subdomain can set it at all.
"""

import hashlib
import hmac

from fastapi import Request

COOKIE, HOST_COOKIE = "survei_csrf", "__Host-survei_csrf"


def cookie_name(secure: bool) -> str:
    """`__Host-` prefixed behind HTTPS (the cookie is then Secure, host-only, path /)."""
    return HOST_COOKIE if secure else COOKIE


def sign(secret: str, nonce: str) -> str:
    """The token a form echoes for the nonce in the caller's cookie."""
    return hmac.new(secret.encode(), b"csrf:" + nonce.encode(), hashlib.sha256).hexdigest()


def token_for(request: Request) -> str:
    """The token a form on this page must echo: the session's (once the policy has found the
    caller), or the signed anonymous one."""
    principal = request.state._state.get("principal")
    if principal and principal.user_session:
        return principal.user_session.csrf_token
    return request.state.anon_csrf


def expected_token(request: Request) -> str | None:
    """The anonymous token this request must echo, or None when it sent no cookie."""
    settings = request.app.state.settings
    nonce = request.cookies.get(cookie_name(bool(settings.secure_cookies)))
    return sign(settings.secret_key, nonce[:128]) if nonce else None
