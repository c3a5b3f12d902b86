"""Render a Report to one self-contained HTML document (inline CSS and SVG), and to JSON data."""

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from reports import format as fmt
from reports import text
from reports.i18n import translator
from reports.results import Report

TEMPLATE_DIR = Path(__file__).parent / "templates"
CHART_FIELDS = frozenset({"chart"})

_env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=True,  # every label and answer is escaped, whatever the file name
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

def user_text(value: object, limit: int | None = None) -> Markup:
    """User text isolated in <bdi>, bidi controls removed, escaped; cut at `limit`."""
    shown = text.cut(value, limit) if limit else text.shown(value)
    return Markup("<bdi>") + escape(shown) + Markup("</bdi>")


_env.filters["user"] = user_text
_env.filters["plain"] = text.shown  # where no markup may go (the <title>)


# Compile every template once, when the module is imported (a server renders many reports).
for _name in _env.list_templates(extensions=["html"]):
    _env.get_template(_name)


def _svg(value: str) -> Markup:
    """Only SVG made by reports.charts (matplotlib escapes its text) may be inlined."""
    if not value:
        return Markup("")
    if not value.startswith("<svg"):
        raise ValueError("only SVG made by reports.charts may be inlined")
    return Markup(value)


def render_html(report: Report) -> str:
    """The report as one HTML document in the report's language; makes no request when opened."""
    return _env.get_template("report.html").render(report=report, **_helpers(report.lang))


def write_html(report: Report, path: Path) -> None:
    """The same document written to `path` as it is rendered (never held whole in memory)."""
    stream = _env.get_template("report.html").stream(report=report, **_helpers(report.lang))
    with open(path, "w", encoding="utf-8") as handle:
        stream.dump(handle)


def render_page(template: str, lang: str, **context) -> str:
    """Another document of the reports' templates (e.g. national.html) with the same helpers."""
    return _env.get_template(template).render(**context, **_helpers(lang))


def _helpers(lang: str) -> dict:
    return {
        "_": translator(lang),
        "lang": lang,
        "rupiah": lambda v: fmt.rupiah(v, lang),
        "number": lambda v, digits=0: fmt.number(v, lang, digits),
        "decimal": lambda v: fmt.decimal(v, lang),
        "percent": lambda v: fmt.percent(v, lang),
        "when": lambda v: fmt.when(v, lang),
        "day": lambda v: fmt.day(v, lang),
        "svg": _svg,
        "CUT": text.CUT,
    }


def report_json(report: Report) -> dict:
    """The report's data as JSON-ready values (charts left out)."""
    return _plain(report)


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name not in CHART_FIELDS}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [_plain(v) for v in value]  # lists, tuples, and rows made when read
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
