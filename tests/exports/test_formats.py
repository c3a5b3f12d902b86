"""The same sections as CSV (ZIP, UTF-8 with BOM) and JSON; the openpyxl sink; the limits."""

import csv
import io
import json
import zipfile

import pytest

from app.exports import hygiene
from app.exports.flatten import Column
from app.exports.hygiene import ExportTooLarge
from app.exports.options import Format
from app.exports.sinks import SheetSpec, XlsxSink
from app.exports.sinks.xlsx_openpyxl import OpenpyxlSink
from tests.exports.conftest import FORMULA_PAYLOADS, read, rows_of, stored


def csv_sheets(path) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(path) as archive:
        sheets = {}
        for name in archive.namelist():
            raw = archive.read(name)
            assert raw.startswith(b"\xef\xbb\xbf"), f"{name} has no BOM"
            sheets[name] = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    return sheets


def test_csv_zip_has_one_file_per_sheet_with_bom_and_neutralised_text(export):
    sheets = csv_sheets(export(Format.csv))
    assert list(sheets) == ["01 Info.csv", "02 Status Pengisian.csv", "03 Isian.csv",
                            "04 Layanan.csv", "05 Kebutuhan.csv", "06 Kegiatan.csv",
                            "07 Program Masterplan.csv", "08 Matriks Dimensi.csv",
                            "09 Matriks Panjang.csv", "10 Tanpa Padanan.csv",
                            "11 MS-Var.csv", "12 Kamus Data.csv"]
    header, *rows = sheets["03 Isian.csv"]
    a = dict(zip(header, rows[0], strict=True))
    assert a["NIP"] == "001234567890123456" and a["Anggaran TIK"] == "150000000"
    assert a["Tanggal"] == "2026-02-03" and a["'@Catatan lain"] == "'=1+2"
    names = [row[5] for row in sheets["04 Layanan.csv"][1:]]
    for payload in FORMULA_PAYLOADS:
        assert "'" + stored(payload) in names
    assert sheets["08 Matriks Dimensi.csv"][-1][0] == "TOTAL"


def test_json_holds_every_sheet_with_codes_headers_and_raw_values(export):
    document = json.loads(export(Format.json).read_text(encoding="utf-8"))
    assert document["format"] == "survei-export/1"
    sheets = {sheet["key"]: sheet for sheet in document["sheets"]}
    assert list(sheets)[:3] == ["info", "status", "isian"]
    isian = sheets["isian"]
    codes = [column["code"] for column in isian["columns"]]
    a = dict(zip(codes, isian["rows"][0], strict=True))
    assert a["pj_nip"] == "001234567890123456" and a["tanggal"] == "2026-02-03"
    assert a["catatan"] == "=1+2"  # data, not a spreadsheet cell: shown escaped by consumers
    assert a["platform/android"] == 1 and a["anggaran_tik"] == 150000000
    assert sheets["matriks"]["footer"][0] == "TOTAL"
    assert len(sheets["repeat.kebutuhan"]["rows"]) == 3


def test_the_openpyxl_sink_writes_the_same_cells(export, world, tmp_path, monkeypatch):
    from app.exports import sinks

    xlsxwriter_book = read(export())
    monkeypatch.setattr(sinks, "sink_for", lambda fmt, path: OpenpyxlSink(path))
    monkeypatch.setattr("app.exports.service.sink_for", lambda fmt, path: OpenpyxlSink(path))
    openpyxl_book = read(export())
    assert openpyxl_book.sheetnames == xlsxwriter_book.sheetnames
    def same(rows):  # openpyxl writes CR raw (XML reads it back as LF); xlsxwriter escapes it
        return [{k: v.replace("_x000D_", "\n").replace("\r", "\n") if isinstance(v, str) else v
                 for k, v in row.items()} for row in rows]

    for name in ("Isian", "Layanan", "Kegiatan", "Program Masterplan"):
        assert same(rows_of(openpyxl_book, name)) == same(rows_of(xlsxwriter_book, name))
    assert list(openpyxl_book["Isian"].tables) == ["Tabel_isian"]


def _one_sheet(sink, values):
    sink.open([SheetSpec("s", "Data", [Column("a", "A")])])
    try:
        for value in values:
            sink.row("s", [value])
    except ExportTooLarge:
        sink.abort()
        raise
    sink.close_sheet("s")
    sink.finish()


@pytest.mark.parametrize("sink_class", [XlsxSink, OpenpyxlSink])
def test_a_cell_over_32767_characters_is_truncated_visibly(tmp_path, sink_class):
    path = tmp_path / "long.xlsx"
    _one_sheet(sink_class(path), ["y" * 50_000])
    value = read(path)["Data"]["A2"].value
    assert len(value) == 32_767 and value.startswith("[TERPOTONG] yyy")


@pytest.mark.parametrize("sink_class", [XlsxSink, OpenpyxlSink])
def test_too_many_rows_stop_with_a_clear_error_before_writing(tmp_path, monkeypatch, sink_class):
    monkeypatch.setattr(hygiene, "MAX_ROWS", 3)
    monkeypatch.setattr("app.exports.sinks.xlsx.MAX_ROWS", 3)
    monkeypatch.setattr("app.exports.sinks.xlsx_openpyxl.MAX_ROWS", 3)
    with pytest.raises(ExportTooLarge) as refused:
        _one_sheet(sink_class(tmp_path / "big.xlsx"), ["1", "2", "3"])
    assert refused.value.params == {"sheet": "Data", "count": 4, "limit": 3}


def test_too_many_columns_stop_before_writing(tmp_path):
    sink = XlsxSink(tmp_path / "wide.xlsx")
    columns = [Column(f"c{i}", f"C{i}") for i in range(hygiene.MAX_COLUMNS + 1)]
    with pytest.raises(ExportTooLarge) as refused:
        sink.open([SheetSpec("s", "Lebar", columns)])
    assert refused.value.params["count"] == hygiene.MAX_COLUMNS + 1


def test_the_service_checks_the_row_count_before_writing(export, monkeypatch, tmp_path):
    monkeypatch.setattr(hygiene, "MAX_ROWS", 2)
    with pytest.raises(ExportTooLarge) as refused:
        export()
    assert refused.value.params == {"sheet": "Isian", "count": 3, "limit": 2}
    assert not list(tmp_path.glob("export-*.xlsx"))


def test_table_names_are_valid_and_unique():
    from app.exports.sinks.base import table_name

    taken: set[str] = set()
    names = [table_name(key, taken) for key in ("isian", "repeat.a.b", "repeat.a-b", "Isian")]
    assert names == ["Tabel_isian", "Tabel_repeat_a_b", "Tabel_repeat_a_b_2", "Tabel_Isian_2"]
