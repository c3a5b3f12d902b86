"""A workbook a planner can pivot, print and cite as it is (issue 15), read back with openpyxl."""

import json
import re

from app.exports.flatten import Column
from app.exports.options import Format, Scope
from app.exports.sinks.base import PrintSetup, SheetSpec
from app.exports.sinks.xlsx import XlsxSink, excel_footer
from tests.exports.conftest import read, rows_of
from tests.exports.forms import READINESS_LABEL


def test_program_masterplan_has_status_start_year_and_opd_kind(export, world):
    program = rows_of(read(export()), "Program Masterplan")
    first, _, last = program
    assert (first["Status"], first["Tahun Mulai"], first["Jenis OPD"]) == (
        "Disetujui", 2027, "Dinas")
    assert (last["Kode OPD"], last["Status"], last["Tahun Mulai"]) == ("OPD-B", "Dikirim", None)
    codes = rows_of(read(export(labels=False)), "Program Masterplan")
    assert (codes[0]["Status"], codes[0]["Jenis OPD"]) == ("approved", "dinas")


def test_a_rating_scale_is_a_number_that_can_be_averaged(export):
    ws = read(export())["Isian"]
    header = [cell.value for cell in ws[1]]
    cell = ws.cell(row=2, column=header.index("Kesiapan jaringan") + 1)
    assert cell.value == 2 and cell.data_type == "n"


def test_the_long_matrix_sums_to_the_wide_matrix_total(export):
    book = read(export())
    long_rows = rows_of(book, "Matriks Panjang")
    assert list(long_rows[0]) == ["Kode OPD", "Nama OPD", "Dimensi", "Elemen",
                                  "Jumlah Kebutuhan", "Perkiraan Biaya (Rp)"]
    assert [(r["Kode OPD"], r["Dimensi"], r["Elemen"], r["Jumlah Kebutuhan"]) for r in long_rows] \
        == [("OPD-A", "Smart Governance", "Layanan Publik", 1),
            ("OPD-A", "Smart Living", "Kesehatan", 1),
            ("OPD-B", "Smart Governance", "Birokrasi", 1)]
    wide = book["Matriks Dimensi"]
    header = [c.value for c in wide[1]]
    total = dict(zip(header, [c.value for c in list(wide.iter_rows())[-1]], strict=True))
    assert sum(r["Jumlah Kebutuhan"] for r in long_rows) == total["Jumlah Kebutuhan"]
    assert sum(r["Perkiraan Biaya (Rp)"] for r in long_rows) == \
        total["Total Perkiraan Biaya (Rp)"]
    assert "Tabel_matriks_panjang" in book["Matriks Panjang"].tables


def test_the_total_row_is_in_rupiah_and_whole_numbers_show_no_decimal_point(export):
    book = read(export())
    wide = book["Matriks Dimensi"]
    header = [c.value for c in wide[1]]
    total = list(wide.iter_rows())[-1]
    cost = total[header.index("Total Perkiraan Biaya (Rp)")]
    assert total[0].value == "TOTAL" and cost.font.b and "Rp" in cost.number_format
    isian = book["Isian"]
    names = [c.value for c in isian[1]]
    skor = isian.cell(row=2, column=names.index("skor") + 1)  # a calculate: 24
    assert skor.value == 24 and skor.number_format == "#,##0"


def test_a_decimal_column_shows_fractions_but_no_dangling_decimal_point(tmp_path):
    path = tmp_path / "n.xlsx"
    sink = XlsxSink(path)
    sink.open([SheetSpec("s", "Data", [Column("a", "A", "number")])])
    for value in (50.0, 2.5, 7):
        sink.row("s", [value])
    sink.close_sheet("s")
    sink.finish()
    cells = [row[0] for row in read(path)["Data"].iter_rows(min_row=2)]
    assert [(c.value, c.number_format) for c in cells] == [
        (50, "#,##0"), (2.5, "#,##0.##"), (7, "#,##0")]


def test_every_sheet_prints_landscape_on_the_page_width_with_header_and_footer(export, world):
    book = read(export(scope=Scope.all))
    for ws in book:
        setup = ws.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToHeight) == (
            "landscape", 9, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth in (None, 1)
        assert ws.print_title_rows == "$1:$1", ws.title
        footer = ws.oddFooter
        assert (footer.left.text, footer.center.text, footer.right.text) == (
            "Periode Uji 2026", "&A", "Halaman &P dari &N"), ws.title


def test_the_footer_escapes_ampersands_and_fits_excels_limit():
    text = excel_footer(PrintSetup("Dinas A & B " + "x" * 300, "Page {page} of {pages}"))
    assert text.startswith("&LDinas A && B x") and text.endswith("&C&A&RPage &P of &N")
    assert len(text) <= 255


def test_short_headers_with_the_question_text_as_comment_and_in_the_codebook(export):
    book = read(export())
    isian = book["Isian"]
    cell = next(c for c in isian[1] if c.value == "Kesiapan jaringan")
    assert cell.comment is not None and cell.comment.text == READINESS_LABEL
    assert next(c for c in isian[1] if c.value == "NIP").comment is None  # header = label
    codebook = {r["Kode Kolom"]: r for r in rows_of(book, "Kamus Data")}
    assert codebook["kesiapan"]["Judul Kolom"] == "Kesiapan jaringan"
    assert codebook["kesiapan"]["Pertanyaan (Bahasa Indonesia)"] == READINESS_LABEL
    english = rows_of(read(export(lang="en")), "Isian")[0]
    assert "Network readiness" in english


def test_the_codebook_says_when_a_question_applies(export):
    codebook = {r["Kode Kolom"]: r for r in rows_of(read(export()), "Kamus Data")}
    assert codebook["platform"]["Berlaku bila"] == "«Punya aplikasi?» = «Ya»"
    assert codebook["platform/web"]["Berlaku bila"] == "«Punya aplikasi?» = «Ya»"
    assert codebook["nama_kebutuhan"]["Berlaku bila"] == "Selalu ditanyakan"
    assert codebook["submission_id"]["Berlaku bila"] is None  # metadata
    english = {r["Column code"]: r for r in rows_of(read(export(lang="en")), "Kamus Data")}
    assert english["platform"]["Applies when"] == "«Has applications?» = «Yes»"


def test_not_applicable_cells_can_be_told_from_blank_ones(export):
    plain = rows_of(read(export()), "Isian")
    marked = rows_of(read(export(mark_na=True)), "Isian")
    b_plain, b_marked = plain[1], marked[1]  # OPD-B answered "tidak": no platform question
    assert b_plain["Platform"] is None and b_plain["Platform: iOS"] is None
    assert b_marked["Platform"] == "Tidak berlaku" and b_marked["Platform: iOS"] == "Tidak berlaku"
    assert b_marked["@Catatan lain"] is None  # asked, not answered: stays blank
    assert marked[0]["Platform"] == "Situs web; Android"
    info = dict(list(read(export(mark_na=True))["Info"].iter_rows(values_only=True))[1:])
    assert info["Sel pertanyaan yang tidak berlaku"] == "ditandai «Tidak berlaku»"


def test_json_timestamps_have_seconds_and_the_offset(export):
    document = json.loads(export(Format.json).read_text(encoding="utf-8"))
    isian = next(sheet for sheet in document["sheets"] if sheet["key"] == "isian")
    codes = [column["code"] for column in isian["columns"]]
    row = dict(zip(codes, isian["rows"][0], strict=True))
    for code in ("created_at", "submitted_at", "updated_at"):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", row[code]), row[code]
    column = next(c for c in isian["columns"] if c["code"] == "kesiapan")
    assert column["header"] == "Kesiapan jaringan" and column["label"] == READINESS_LABEL


def test_info_reports_what_the_options_included_and_excluded(export, world):
    info = list(read(export(opd_codes=("OPD-A", "OPD-C")))["Info"].iter_rows(values_only=True))
    report = dict(info[info.index(("LAPORAN EKSPOR DATA", None)) + 1:])
    assert report["OPD yang belum mulai mengisi (tanpa isian)"] == 0  # OPD-D is not chosen
    assert report["OPD berstatus Disetujui: disertakan"] == 1
    assert report["OPD berstatus Dikirim: disertakan"] == 0
    assert report["OPD berstatus Dikirim: tidak disertakan (pilihan OPD)"] == 1
    assert report["OPD berstatus Draf: tidak disertakan (pilihan status)"] == 1
    assert report[f"Isian dengan kuesioner versi 1 (id {world.qid})"] == 1
    assert report["Baris di lembar Masalah"] == 0
