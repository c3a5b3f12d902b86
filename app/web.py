"""Jinja templates (autoescaped, whatever the file name) and the page renderer."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from babel.numbers import format_decimal
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from app.i18n import language_of, translator
from app.regencies.context import site_of
from app.responses import encodable
from app.security.csrf import token_for

TEMPLATE_DIR = Path(__file__).parent / "templates"

_env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=True,  # every template, whatever its file name
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _format_when(value: datetime | None, lang: str, tz: str) -> str:
    if value is None:
        return "–"
    local = value.astimezone(ZoneInfo(tz))
    zone = "WITA" if tz == "Asia/Makassar" else local.tzname()
    return f"{format_datetime(local, 'd MMMM y HH.mm', locale=lang)} {zone}"


def _format_number(value: int | float, lang: str) -> str:
    try:
        return format_decimal(value, locale=lang)
    except (ArithmeticError, ValueError):  # beyond what Babel formats: shown as it is
        return repr(value)


def render(request: Request, template: str, context: dict | None = None, *, status: int = 200):
    """Render a page in the user's language with the helpers every template may use."""
    lang = language_of(request)
    site = site_of(request)
    settings = site.settings
    principal = request.state._state.get("principal")
    values = {
        "request": request,
        "_": translator(lang),
        "lang": lang,
        "principal": principal,
        "regency": site.regency,
        "csrf_token": token_for(request),
        "when": lambda v: _format_when(v, lang, settings.timezone),
        "number": lambda v: _format_number(v, lang),
        **(context or {}),
    }
    html = encodable(_env.get_template(template).render(values))
    return HTMLResponse(html, status_code=status)
