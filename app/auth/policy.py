"""Who may call a route: every route declares a Policy, which also enforces CSRF on posts.

A Policy is a FastAPI dependency. `require(Role.planner, …)` admits those roles; `public`
admits everyone. For unsafe methods, a caller authenticated by cookie (or anonymous) must echo
the CSRF token, in the `csrf_token` form field or the `X-CSRF-Token` header; bearer-token calls
carry no ambient credentials and need none.
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.accounts.models import ApiToken, Role, User, UserSession
from app.auth import api_tokens
from app.auth.service import resolve_session
from app.auth.tokens import same
from app.deps import SAFE_METHODS, SessionDep
from app.errors import Forbidden, Unauthorized
from app.regencies.context import site_of
from app.security import csrf

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Principal:
    """The caller: a user reached through a session cookie or an API token."""

    user: User
    via: str  # "session" or "token"
    user_session: UserSession | None = None
    api_token: ApiToken | None = None

    @property
    def role(self) -> Role:
        return Role(self.user.role)

    def may_see_opd(self, opd_id: int) -> bool:
        """Officers see their own OPD only; every other role sees all OPDs."""
        return self.role != Role.officer or self.user.opd_id == opd_id


def session_cookie_name(request: Request) -> str:
    """`__Host-` prefixed behind HTTPS, so no subdomain can set or read it."""
    secure = site_of(request).settings.secure_cookies
    return "__Host-survei_session" if secure else "survei_session"


def authenticate(request: Request, session: Session) -> Principal | None:
    """The caller behind the Authorization header or the session cookie, once per request."""
    if "principal" in request.state._state:
        return request.state.principal
    principal = _resolve(request, session)
    request.state.principal = principal
    return principal


def _resolve(request: Request, session: Session) -> Principal | None:
    scheme, _, credential = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        found = api_tokens.live_token(session, credential.strip())
        return Principal(user=found[0], via="token", api_token=found[1]) if found else None
    found = resolve_session(session, request.cookies.get(session_cookie_name(request)))
    return Principal(user=found[0], via="session", user_session=found[1]) if found else None


async def sent_csrf_token(request: Request) -> str | None:
    """The CSRF token the request echoes, from the header or the form body."""
    if request.method in SAFE_METHODS:
        return None
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and "form" in request.headers.get("content-type", ""):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    return sent


def check_csrf(request: Request, principal: Principal | None, sent: str | None) -> None:
    """Refuse an unsafe request that does not echo the caller's CSRF token."""
    if request.method in SAFE_METHODS or (principal and principal.via == "token"):
        return
    if principal and principal.user_session:
        expected = principal.user_session.csrf_token
    else:
        expected = csrf.expected_token(request)
    if not same(sent, expected):
        raise Forbidden("error.csrf")


class Policy:
    """A route's access rule; `roles=None` means anyone, logged in or not."""

    def __init__(self, *roles: Role, name: str = ""):
        self.roles = frozenset(roles) if roles else None
        self.name = name or ("public" if not roles else "+".join(sorted(roles)))

    def __repr__(self) -> str:
        return f"Policy({self.name})"

    def __call__(
        self,
        request: Request,
        session: SessionDep,
        sent_csrf: Annotated[str | None, Depends(sent_csrf_token)],
    ) -> Principal | None:
        principal = authenticate(request, session)
        # End the look-up's transaction here: holding it (and on SQLite the write lock) into the
        # route's own worker-thread step could deadlock a full thread pool.
        session.commit()
        if principal and principal.api_token:
            api_tokens.touch(site_of(request).db, principal.api_token)
        check_csrf(request, principal, sent_csrf)
        if self.roles is None:
            return principal
        if principal is None:
            raise Unauthorized()
        if principal.role not in self.roles:
            raise Forbidden()
        return principal


def require(*roles: Role) -> Policy:
    """The policy admitting only users with one of `roles`."""
    return Policy(*roles)


public = Policy(name="public")
signed_in = Policy(*Role, name="signed-in")
staff = Policy(Role.planner, Role.viewer, Role.admin, name="staff")
planners = Policy(Role.planner, Role.admin, name="planner")
admins = Policy(Role.admin, name="admin")
