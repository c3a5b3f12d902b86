"""Log in, log out, set a password through a one-time link, choose the language."""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from app.auth import accounts, service
from app.auth import login as login_flow
from app.auth.policy import Principal, public, session_cookie_name, signed_in
from app.deps import DatabaseDep, SessionDep, SettingsDep, client_ip
from app.errors import AppError
from app.i18n import LANG_COOKIE, LANGUAGES, translator_for
from app.regencies.context import site_of
from app.web import render

router = APIRouter(tags=["pages: accounts"])
PublicDep = Annotated[Principal | None, Depends(public)]
SignedInDep = Annotated[Principal, Depends(signed_in)]


def safe_next(target: str | None) -> str:
    """Only same-site paths: never an open redirect to another host."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
def login_page(request: Request, principal: PublicDep, next: str = "/", done: str = ""):
    """The login page (after a password was set through a link, it says so)."""
    if principal:
        return RedirectResponse(safe_next(next), status_code=303)
    notice = translator_for(request)("link.done") if done == "1" else None
    return render(request, "auth/login.html", {"next": safe_next(next), "username": "",
                                                "message": None, "notice": notice})


@router.post("/login")
async def login(
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
    _principal: PublicDep,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
):
    """Check the password and open a session (a wrong password never says which part was wrong)."""
    try:
        opened = await login_flow.login(
            db, settings=settings, limiters=request.app.state.login_limiters, username=username,
            password=password, ip=client_ip(request), agent=request.headers.get("user-agent", ""))
    except AppError as error:
        message = translator_for(request)(error.key, **error.params)
        context = {"next": safe_next(next), "username": username[:64], "message": message,
                   "notice": None}
        response = render(request, "auth/login.html", context, status=error.status)
        response.headers.update(error.headers)
        return response
    return _signed_in(request, settings, opened.token, safe_next(next))


def _signed_in(request: Request, settings, token: str, target: str) -> RedirectResponse:
    """Go on to `target` with the new session's cookie."""
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        session_cookie_name(request), token, max_age=settings.session_hours * 3600,
        httponly=True, samesite="lax", secure=bool(settings.secure_cookies), path="/",
    )
    return response


@router.post("/logout")
def logout(request: Request, session: SessionDep, principal: SignedInDep):
    """Revoke this session and go back to the login page."""
    if principal.user_session:
        service.logout(session, user_session=principal.user_session, user=principal.user,
                       ip=client_ip(request))
    response = RedirectResponse("/login", status_code=303)
    # Browsers ignore a `__Host-` cookie (even its deletion) unless it is Secure like when set.
    response.delete_cookie(session_cookie_name(request), path="/", httponly=True, samesite="lax",
                           secure=bool(site_of(request).settings.secure_cookies))
    return response


@router.get("/account/link/{token}")
def link_page(request: Request, token: str, session: SessionDep, _principal: PublicDep):
    """The page behind an invitation or reset link: choose a password."""
    state = accounts.link_state(session, token)
    if state.problem:
        return _link_problem(request, state.problem)
    return render(request, "auth/link.html", {"user": state.user, "purpose": state.link.purpose,
                                              "message": None})


@router.post("/account/link/{token}")
def link_submit(
    request: Request,
    token: str,
    session: SessionDep,
    settings: SettingsDep,
    _principal: PublicDep,
    password: Annotated[str, Form(max_length=1000)] = "",
    password2: Annotated[str, Form(max_length=1000)] = "",
):
    """Set the password through the link, once; the user is then signed in (Beranda)."""
    _ = translator_for(request)
    state = accounts.link_state(session, token)
    if state.problem:
        return _link_problem(request, state.problem)
    context = {"user": state.user, "purpose": state.link.purpose}
    if password != password2:
        return render(request, "auth/link.html", {**context, "message": _("link.mismatch")},
                      status=422)
    try:
        user = accounts.use_link(session, token=token, password=password, ip=client_ip(request))
    except AppError as error:
        key = next(iter(error.detail.get("fields", {}).values()), error.key)
        return render(request, "auth/link.html", {**context, "message": _(key)}, status=422)
    opened = service.sign_in(session, settings=settings, user=user, ip=client_ip(request),
                             agent=request.headers.get("user-agent", ""))
    return _signed_in(request, settings, opened.token, "/")


def _link_problem(request: Request, problem: str):
    """Why a link leads nowhere: 404 for an unknown link, 410 for a used or expired one."""
    status = 404 if problem == "unknown" else 410
    return render(request, "auth/link_problem.html", {"problem": problem}, status=status)


@router.post("/language")
def choose_language(
    settings: SettingsDep,
    _principal: PublicDep,
    lang: Annotated[str, Form()] = "id",
    next: Annotated[str, Form(max_length=2000)] = "/",
):
    """Remember the chosen interface language (Bahasa Indonesia or English)."""
    response = RedirectResponse(safe_next(next), status_code=303)
    if lang in LANGUAGES:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax", httponly=True,
                            secure=bool(settings.secure_cookies))
    return response
