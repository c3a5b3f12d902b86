"""The input sheets of the Masterplan workbook: their names and columns, written by
workbook.py and read back by importer.py (headers in either language; a year column is its
label followed by the year, e.g. "Target 2026")."""

from __future__ import annotations

from app.i18n import translator

SHEETS = {"years": "Tahun", "rpjmd": "RPJMD", "programmes": "Program",
          "alignments": "Keselarasan"}
COLUMNS = {
    "years": ("tahun", "apbd"),
    "rpjmd": ("jenis", "kode", "induk", "uraian", "satuan"),
    "programmes": ("kode", "nama", "anggota", "opd_pemilik", "prioritas", "cepat_berdampak",
                   "tahun_mulai", "durasi", "tahap", "pendahulu", "sumber_dana",
                   "status_anggaran"),
    "alignments": ("kode_program", "kode_rpjmd", "kekuatan", "status"),
}
YEAR_COLUMNS = {"rpjmd": "target", "programmes": "biaya"}
INFO_COLUMNS = ("info_program", "info_opd", "info_dimensi", "info_jangka", "info_biaya_kebutuhan")
"""Read-only columns of the Program sheet (from the needs); the import ignores them."""
LIST_SEPARATOR = ";"
YES = frozenset({"ya", "yes", "y", "true", "1", "x"})
NO = frozenset({"tidak", "no", "n", "false", "0", ""})


def header(code: str, lang: str) -> str:
    return translator(lang)(f"planning.col.{code}")


def header_codes() -> dict[str, str]:
    """Header text (lowercased, either language) -> column code."""
    found = {}
    for lang in ("id", "en"):
        for code in {c for cols in COLUMNS.values() for c in cols} | set(YEAR_COLUMNS.values()) \
                | set(INFO_COLUMNS):
            found[header(code, lang).lower()] = code
    return found


def choice_codes(prefix: str, codes: tuple[str, ...]) -> dict[str, str]:
    """Label (either language) or code, lowercased -> code, for a choice column."""
    found = {code: code for code in codes}
    for lang in ("id", "en"):
        t = translator(lang)
        found.update({t(f"{prefix}.{code}").lower(): code for code in codes})
    return found
