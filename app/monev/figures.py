"""Key figures of one OPD, and the year-on-year comparison (pure).

Which answers make a figure is declared (`KeyFigure`) for a questionnaire; DEFAULT_FIGURES fit
the default questionnaire (surveys/kebutuhan-smart-city.xlsx). A figure whose field a version
lacks is blank, never zero.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.exports.flatten import repeat_rows


@dataclass(frozen=True)
class KeyFigure:
    """A number per OPD: a field's value, or how many rows of a repeat (optionally where a
    field equals, or differs from, a value)."""

    code: str
    field: str | None = None
    rows: str | None = None
    where: tuple[str, str, str] | None = None
    """(field, "=" or "!=", value) a row must meet to count."""

    def of(self, answers: dict, repeats: dict[str, tuple[str, ...]]) -> float | None:
        if self.field:
            value = answers.get(self.field)
            is_number = isinstance(value, int | float) and not isinstance(value, bool)
            return float(value) if is_number else None
        if self.rows not in repeats:
            return None
        found = [r.row for r in repeat_rows(answers, repeats[self.rows])]
        if self.where:
            name, op, wanted = self.where
            found = [row for row in found if (row.get(name) == wanted) == (op == "=")
                     and row.get(name) is not None]
        return float(len(found))


DEFAULT_FIGURES = (
    KeyFigure("layanan_elektronik", rows="layanan", where=("layanan_cara", "!=", "manual")),
    KeyFigure("aplikasi", rows="aplikasi"),
    KeyFigure("dataset_publik", rows="dataset", where=("dataset_portal", "=", "ya")),
    KeyFigure("bandwidth", field="internet_bandwidth"),
    KeyFigure("pegawai", field="total_pegawai"),
    KeyFigure("skor_struktur", field="skor_struktur"),
    KeyFigure("skor_infrastruktur", field="skor_infrastruktur"),
    KeyFigure("skor_suprastruktur", field="skor_suprastruktur"),
)


def key_figures(answers: dict, repeats: dict[str, tuple[str, ...]],
                figures: tuple[KeyFigure, ...] = DEFAULT_FIGURES) -> dict[str, float | None]:
    """Figure code -> value for one submission's answers."""
    return {figure.code: figure.of(answers, repeats) for figure in figures}


@dataclass(frozen=True)
class YearRow:
    """One OPD: each figure last round, this round, and the change."""

    opd_code: str
    opd_name: str
    last: dict[str, float | None]
    now: dict[str, float | None]

    def change(self, code: str) -> float | None:
        before, after = self.last.get(code), self.now.get(code)
        return None if before is None or after is None else round(after - before, 6)


def year_rows(last: dict[str, tuple[str, dict]], now: dict[str, tuple[str, dict]]
              ) -> list[YearRow]:
    """OPD code -> (name, figures) of both rounds, as rows by OPD code (either round's OPDs)."""
    rows = []
    for code in sorted(set(last) | set(now)):
        name = (now.get(code) or last.get(code))[0]
        rows.append(YearRow(code, name, last.get(code, ("", {}))[1], now.get(code, ("", {}))[1]))
    return rows
