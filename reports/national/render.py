"""The national report (one self-contained HTML document) and the labels and formats the
coordinator's page and the national workbook share with it."""

from __future__ import annotations

from reports import format as fmt
from reports.i18n import translator
from reports.national.model import Benchmarks, Indicator
from reports.render import render_page

NUMBER_FORMATS = {"percent": "0.0%", "ratio": "0.00", "score": "0.00", "index": "0.00",
                  "count": "#,##0", "rupiah": "[$Rp-421]#,##0"}
"""The workbook's number format per unit."""


def indicator_label(indicator: Indicator, lang: str) -> str:
    """"Layanan elektronik", or "Kebutuhan Smart Governance" for a per-dimension one."""
    t = translator(lang)
    if indicator.dimension:
        kind = indicator.key.partition(".")[0]
        return t(f"nat.i.{kind}", dimension=indicator.dimension_label or indicator.dimension)
    return t(f"nat.i.{indicator.key}")


def shown(value: float | None, unit: str, lang: str) -> str:
    """A value as the page and the report show it (45,7%, 2,25, Rp1.234.567; – when none)."""
    if unit == "percent":
        return fmt.percent(value, lang)
    if unit == "rupiah":
        return fmt.rupiah(value, lang)
    if unit == "count":
        return fmt.number(value, lang)
    return fmt.number(value, lang, 2)


def render_national(benchmarks: Benchmarks, lang: str = "id") -> str:
    """The national report: method, the values per regency, the ranks, the shared needs."""
    labels = {item.key: indicator_label(item, lang) for item in benchmarks.indicators}
    return render_page("national.html", lang, b=benchmarks, labels=labels,
                       value=lambda v, unit: shown(v, unit, lang))
