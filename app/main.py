"""create_app(settings): the FastAPI application, its lifespan, middleware and routers."""

import importlib
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app import docs, migrate, tables  # noqa: F401  (tables: every table registered)
from app.auth.login import Limiters
from app.auth.tokens import new_token
from app.config import Settings, load_settings
from app.db import Database
from app.errors import install_error_handlers
from app.jobs.runner import JobRunner
from app.limits import BodyTimeoutMiddleware, DeclaredLengthMiddleware
from app.regencies.context import Site
from app.regencies.sites import Sites, SitesMiddleware, home_site
from app.responses import SafeJSONResponse
from app.security import csrf, log_redaction
from app.security.headers import security_headers

STATIC_DIR = Path(__file__).parent / "static"
# Every module with routes; each has a `router`. Pages first, then their JSON twins.
ROUTER_MODULES = (
    "app.home", "app.docs",
    "app.auth.pages", "app.auth.my_account", "app.auth.api",
    "app.opds.pages", "app.opds.api",
    "app.accounts.pages", "app.accounts.api",
    "app.questionnaires.pages", "app.questionnaires.api",
    "app.rounds.pages", "app.rounds.api",
    "app.submissions.pages", "app.submissions.api",
    "app.review.pages", "app.review.api",
    "app.exports.pages", "app.exports.api",
    "app.audits.pages", "app.audits.api",
    "app.reports_web.pages", "app.reports_web.api",
    "app.frameworks.pages", "app.frameworks.api",
    "app.spbe.pages", "app.spbe.api",
    "app.applications.pages", "app.applications.api",
    "app.satudata.pages", "app.satudata.api",
    "app.jobs.pages", "app.jobs.api",
    "app.monev.pages", "app.monev.api",
    "app.dossier.pages",
    "app.planning.pages", "app.planning.api",
    "app.national.pages", "app.national.benchmarks.pages", "app.national.api",
    "app.sharing.pages",
)
# Page modules whose file downloads are in the OpenAPI document (their HTML pages are not).
DOWNLOAD_MODULES = frozenset({"app.exports.pages", "app.questionnaires.pages",
                              "app.dossier.pages"})
# Routes that are not FastAPI endpoints and so carry no Policy dependency: documentation and
# static files, open to everyone by design. The route-policy test accepts only these.
PUBLIC_NON_ENDPOINTS = frozenset({"/openapi.json", "/static", docs.ASSETS})
# Text answers compress 5-10x; workbooks and ZIPs are compressed already.
GZIP_MINIMUM_BYTES = 1000
GZIP_LEVEL = 6
NOT_COMPRESSED = (*DEFAULT_EXCLUDED_CONTENT_TYPES,
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


class SchemaOutOfDate(RuntimeError):
    """The PostgreSQL schema is behind the code; an operator must run the migration."""


def prepare_database(db: Database) -> None:
    """Upgrade an embedded SQLite database; refuse an out-of-date PostgreSQL schema."""
    if db.is_sqlite:
        migrate.upgrade(db.url)
    elif not migrate.is_at_head(db.engine):
        raise SchemaOutOfDate(
            "The database schema is out of date. Run `survei db upgrade` and start again."
        )


def _open_site(app: FastAPI, site: Site) -> None:
    """A regency's database ready (as the home one), served by the worker's one job runner."""
    prepare_database(site.db)
    site.jobs = app.state.jobs


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the service; the database is opened in the lifespan, not at import."""
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        log_redaction.install()
        app.state.db = Database(settings.database_url, schema=settings.database_schema)
        prepare_database(app.state.db)
        app.state.login_limiters = Limiters.create(settings)
        sites = Sites(home_site(settings, app.state.db),
                      on_open=lambda site: _open_site(app, site))
        app.state.sites = sites
        app.state.jobs = JobRunner(app.state.db, settings, places=lambda: [
            (site.db, site.settings) for site in sites.all()])
        sites.home.jobs = app.state.jobs
        sites.load()
        app.state.jobs.start()
        yield
        app.state.sites.close()
        app.state.db.dispose()

    app = FastAPI(title="Survei Kebutuhan Smart City", version="0.1.0", lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # /docs is app.docs: local assets, a CSP
                  default_response_class=SafeJSONResponse)
    app.state.settings = settings
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount(docs.ASSETS, docs.assets(), name="docs-assets")
    for module in ROUTER_MODULES:
        # The default body cap per route, not app-wide: FastAPI's app-wide limiter sits outside
        # our middleware and would answer in plain text (see app.limits).
        app.include_router(importlib.import_module(module).router,
                           max_body_size=settings.max_body_bytes,
                           include_in_schema=not module.endswith(".pages")
                           or module in DOWNLOAD_MODULES)
    install_error_handlers(app)
    _install_middleware(app, settings)
    return app


def _install_middleware(app: FastAPI, settings: Settings) -> None:
    """From the inside out: the regency site, body cap and deadline, headers and cookies,
    compression, proxies."""
    app.add_middleware(SitesMiddleware)
    app.add_middleware(DeclaredLengthMiddleware, fastapi_app=app, default=settings.max_body_bytes)
    app.add_middleware(BodyTimeoutMiddleware, seconds=settings.body_timeout_seconds)
    _install_headers(app, settings)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_BYTES,
                       compresslevel=GZIP_LEVEL, exclude_content_types=NOT_COMPRESSED)
    if settings.trusted_proxies:
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)


def _install_headers(app: FastAPI, settings: Settings) -> None:
    production = settings.env == "production"
    cookie = csrf.cookie_name(bool(settings.secure_cookies))

    @app.middleware("http")
    async def anonymous_csrf_and_headers(request: Request, call_next):
        known = request.cookies.get(cookie)
        nonce = known[:128] if known else new_token()
        request.state.anon_csrf = csrf.sign(settings.secret_key, nonce)
        response = await call_next(request)
        if not known:
            response.set_cookie(cookie, nonce, httponly=True, samesite="lax",
                                secure=bool(settings.secure_cookies), path="/")
        for name, value in security_headers(request.url.path, production=production).items():
            response.headers.setdefault(name, value)
        return response
