"""The national workbook (xlsxwriter): Info, the values per regency (one column per core
indicator), the ranks in long form (one row per regency and indicator, for pivot tables) and
the shared needs. Numbers are typed cells with the indicator's format; text is neutralised
against formulas."""

from __future__ import annotations

import io

import xlsxwriter

from app.exports.hygiene import safe_cell_text
from reports.format import when
from reports.i18n import translator
from reports.national import PEER_GROUPS, Benchmarks
from reports.national.render import NUMBER_FORMATS, indicator_label

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _text(value: object) -> object:
    return safe_cell_text(value) if isinstance(value, str) else value


class _Book:
    def __init__(self):
        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        self.bold = self.book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.formats = {unit: self.book.add_format({"num_format": code})
                        for unit, code in NUMBER_FORMATS.items()}
        self.formats["percentile"] = self.book.add_format({"num_format": "0.0"})
        self.formats["text"] = None

    def sheet(self, name: str, headers: list[str], rows: list[list], units: list[str]):
        ws = self.book.add_worksheet(name)
        ws.write_row(0, 0, [_text(h) for h in headers], self.bold)
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values):
                unit = units[c]
                if isinstance(value, tuple):  # (value, unit): a column of several units
                    value, unit = value
                if value is not None:
                    ws.write(r, c, _text(value), self.formats.get(unit))
        ws.freeze_panes(1, 1)
        if headers:
            ws.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
        ws.set_column(0, 0, 12)
        ws.set_column(1, max(len(headers) - 1, 1), 18)
        return ws

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


def national_workbook(benchmarks: Benchmarks, lang: str = "id") -> bytes:
    """The workbook's bytes."""
    t = translator(lang)
    book = _Book()
    info = [[t("nat.computed_at"), when(benchmarks.computed_at, lang)],
            [t("nat.core"), f"{benchmarks.core_form_id} ({benchmarks.core_version})"],
            [t("nat.regencies"), len(benchmarks.regencies)],
            [t("nat.s.method"), t("nat.method")]]
    if benchmarks.left_out:
        info.append(["", t("nat.left_out", keys=", ".join(benchmarks.left_out))])
    info_sheet = book.sheet(t("nat.sheet.info"), [t("nat.title"), ""], info, ["text", "text"])
    info_sheet.set_column(1, 1, 100)

    base = [t("nat.col.code"), t("nat.col.regency"), t("nat.col.kind"), t("nat.col.province")]
    labels = [indicator_label(item, lang) for item in benchmarks.indicators]
    units = [item.unit for item in benchmarks.indicators]

    def about(r) -> list:
        return [r.code, r.name, t(f"nat.kind.{r.kind}"), r.province]

    matrix = [[*about(r), r.round_name, r.sent,
               t(f"nat.note.{r.note}") if r.note else "",
               *(r.values.get(item.key) for item in benchmarks.indicators)]
              for r in benchmarks.regencies]
    book.sheet(t("nat.sheet.matrix"),
               [*base, t("nat.col.round"), t("nat.col.sent"), "", *labels], matrix,
               ["text"] * 5 + ["count", "text", *units])

    ranks = []
    for r in benchmarks.regencies:
        for item, label in zip(benchmarks.indicators, labels, strict=True):
            value = r.values.get(item.key)
            if value is None:
                continue
            places = r.ranks.get(item.key, {})
            ranks.append([*about(r), label, (value, item.unit), *(
                part for group in PEER_GROUPS for part in _place(places.get(group)))])
    book.sheet(t("nat.sheet.ranks"),
               [*base, t("nat.col.indicator"), t("nat.col.value"),
                t("nat.col.rank_kind"), "", t("nat.col.percentile_kind"),
                t("nat.col.rank_province"), "", t("nat.col.percentile_province")],
               ranks, ["text"] * 5 + ["text", "count", "count", "percentile",
                                      "count", "count", "percentile"])

    shared = [[need.title, need.dimension_label, len(need.regencies), ", ".join(need.regencies),
               need.opds, need.cost, "; ".join(need.variants)] for need in benchmarks.shared]
    book.sheet(t("nat.sheet.shared"),
               [t("nat.col.need"), t("nat.col.dimension"), t("nat.col.regency_count"),
                t("nat.col.regency_names"), t("nat.col.opds"), t("nat.col.cost"),
                t("nat.col.variants")],
               shared, ["text", "text", "count", "text", "count", "rupiah", "text"])
    return book.close()


def _place(place) -> list:
    return [place.rank, place.of, place.percentile] if place else [None, None, None]
