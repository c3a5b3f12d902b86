"""Excel hygiene: formula injection, sheet names, cell truncation, row and column limits."""

import pytest

from app.exports import hygiene
from app.exports.hygiene import (
    ExportTooLarge,
    check_columns,
    check_rows,
    clean_sheet_name,
    neutralise,
    safe_cell_text,
    truncate,
    unique_headers,
)
from app.i18n import translator
from tests.exports.conftest import FORMULA_PAYLOADS


@pytest.mark.parametrize("payload", [*FORMULA_PAYLOADS, "\uff1d1+2", "=", "-"])
def test_formula_triggers_are_prefixed_with_an_apostrophe(payload):
    assert neutralise(payload) == "'" + payload
    assert safe_cell_text(payload) == "'" + payload


@pytest.mark.parametrize("text", ["", "Dinas Kesehatan", "081234567890", "a=1", " =1",
                                  "'=1", "<script>alert(1)</script>", "Rp1.000"])
def test_ordinary_text_is_left_alone(text):
    assert neutralise(text) == text and safe_cell_text(text) == text


def test_text_over_the_cell_limit_is_cut_with_a_visible_marker():
    long = "x" * 40_000
    cut = safe_cell_text(long)
    assert len(cut) == hygiene.MAX_CELL_CHARS and cut.startswith("[TERPOTONG] x")
    assert truncate("x" * hygiene.MAX_CELL_CHARS) == "x" * hygiene.MAX_CELL_CHARS
    hostile = safe_cell_text("=" + long)
    assert hostile.startswith("[TERPOTONG] '=") and len(hostile) == hygiene.MAX_CELL_CHARS


@pytest.mark.parametrize(("name", "expected"), [
    ("Kebutuhan", "Kebutuhan"),
    ("Data [2026]: a/b\\c*d?e", "Data _2026__ a_b_c_d_e"),
    ("'Dikutip'", "Dikutip"),
    ("Layanan publik yang diselenggarakan OPD", "Layanan publik yang diselenggar"),
    ("", "Sheet"),
    ("History", "History (2)"),
])  # fmt: skip
def test_sheet_names_are_cleaned(name, expected):
    cleaned = clean_sheet_name(name, set())
    assert cleaned == expected and len(cleaned) <= 31


def test_sheet_names_are_unique_ignoring_case_and_stay_within_31_characters():
    taken: set[str] = set()
    names = [clean_sheet_name(n, taken) for n in ("Isian", "ISIAN", "isian", "A" * 40, "A" * 35)]
    assert names == ["Isian", "ISIAN (2)", "isian (3)", "A" * 31, "A" * 27 + " (2)"]
    assert all(len(name) <= 31 for name in names)


def test_headers_are_made_unique_for_an_excel_table():
    assert unique_headers(["Dimensi", "dimensi", "Dimensi", ""]) == [
        "Dimensi", "dimensi (2)", "Dimensi (3)", "-"]
    assert unique_headers(["Nama\nlayanan", " nama  layanan\t"]) == ["Nama layanan",
                                                                    "nama layanan (2)"]


def test_limits_are_checked_with_a_clear_message():
    check_rows("Isian", hygiene.MAX_ROWS)
    check_columns("Isian", hygiene.MAX_COLUMNS)
    with pytest.raises(ExportTooLarge) as rows:
        check_rows("Kebutuhan", hygiene.MAX_ROWS + 1)
    message = translator("id")(rows.value.key, **rows.value.params)
    assert message == ("Lembar “Kebutuhan” akan berisi 1048577 baris, sedangkan Excel hanya "
                       "menampung 1048576. Pilih sebagian OPD atau unduh dalam format CSV.")
    with pytest.raises(ExportTooLarge) as columns:
        check_columns("Isian", 20_000)
    assert "20000" in translator("en")(columns.value.key, **columns.value.params)
