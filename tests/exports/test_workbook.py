"""The consolidated workbook, read back with openpyxl: sheets, headers, typed cells, keys."""

import datetime as dt

import pytest

from app.audits.models import AuditEvent
from app.exports.options import Scope
from tests.exports.conftest import FORMULA_PAYLOADS, read, rows_of, stored

SHEETS = ["Info", "Status Pengisian", "Isian", "Layanan", "Kebutuhan", "Kegiatan",
          "Program Masterplan", "Matriks Dimensi", "Matriks Panjang", "Tanpa Padanan", "MS-Var",
          "Kamus Data"]


def test_sheets_in_order_each_data_sheet_a_table_with_a_frozen_header(export):
    book = read(export())
    assert book.sheetnames == SHEETS
    for name in SHEETS[1:]:
        ws = book[name]
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith("2"), name
        if name == "Tanpa Padanan":  # every need has its place in its own framework
            assert ws.max_row == 1 and not ws.tables
            continue
        (table,) = ws.tables.values()
        header = [cell.value for cell in ws[1]]
        assert [column.name for column in table.tableColumns] == header, name
    assert book["Isian"].tables["Tabel_isian"].ref == "A1:V3"  # 3 OPD, 13 answers, 6 meta


def test_isian_has_opd_then_questions_then_metadata_one_row_per_submission(export, world):
    rows = rows_of(read(export()), "Isian")
    assert [row["Kode OPD"] for row in rows] == ["OPD-A", "OPD-B"]  # drafts left out
    header = list(rows[0])
    assert header[:4] == ["Kode OPD", "Nama OPD", "Jenis OPD", "NIP"]
    assert header[-6:] == ["ID Isian", "Status", "Versi Kuesioner", "Dibuat (WITA)",
                           "Dikirim (WITA)", "Diperbarui (WITA)"]
    a = rows[0]
    assert a["ID Isian"] == world.submissions["OPD-A"] and a["Status"] == "Disetujui"
    assert a["Versi Kuesioner"] == "1" and isinstance(a["Dikirim (WITA)"], dt.datetime)


def test_cells_are_typed_and_text_keeps_leading_zeros(export):
    book = read(export())
    ws = book["Isian"]
    header = [cell.value for cell in ws[1]]
    cells = {name: ws.cell(row=2, column=header.index(name) + 1) for name in header}
    assert cells["NIP"].value == "001234567890123456" and cells["NIP"].data_type == "s"
    assert cells["Telepon"].value == "081234567890" and cells["Telepon"].data_type == "s"
    assert cells["Jumlah pegawai"].value == 12 and cells["Jumlah pegawai"].data_type == "n"
    assert cells["Anggaran TIK"].value == 150_000_000
    assert "Rp" in cells["Anggaran TIK"].number_format
    assert cells["Tanggal"].value == dt.datetime(2026, 2, 3)
    assert cells["Tanggal"].is_date and cells["Tanggal"].number_format == "dd/mm/yyyy"
    assert cells["skor"].value == 24  # a calculate keeps its number
    program = book["Program Masterplan"]
    cost = program.cell(row=2, column=12)
    assert program.cell(row=1, column=12).value == "Perkiraan Biaya (Rp)"
    assert cost.value == 250_000_000 and "Rp" in cost.number_format


def test_select_multiple_is_a_joined_column_plus_one_flag_per_choice(export):
    rows = rows_of(read(export()), "Isian")
    a, b = rows
    assert a["Platform"] == "Situs web; Android"
    assert (a["Platform: Situs web"], a["Platform: Android"], a["Platform: iOS"]) == (1, 1, 0)
    # not relevant for B (no applications): blank, not 0
    assert (b["Platform"], b["Platform: Situs web"], b["Platform: iOS"]) == (None, None, None)


def test_codes_instead_of_labels(export):
    rows = rows_of(read(export(labels=False)), "Isian")
    assert rows[0]["platform"] == "web; android" and rows[0]["platform/ios"] == 0
    assert rows[0]["punya_aplikasi"] == "ya" and rows[0]["Status"] == "approved"


def test_english_headers_and_labels(export):
    book = read(export(lang="en"))
    assert book.sheetnames == SHEETS  # sheet names stay Indonesian
    rows = rows_of(book, "Isian")
    assert rows[0]["OPD code"] == "OPD-A" and rows[0]["Platform"] == "Website; Android"
    assert rows[0]["Status"] == "Approved"


def test_repeat_rows_join_their_submission_and_parent_through_stable_keys(export, world):
    book = read(export())
    isian = {row["Kode OPD"]: row["ID Isian"] for row in rows_of(book, "Isian")}
    needs = rows_of(book, "Kebutuhan")
    assert [(n["Kode OPD"], n["ID Isian"], n["ID Baris"], n["No. Urut"]) for n in needs] == [
        ("OPD-A", isian["OPD-A"], "keb-a1", 1), ("OPD-A", isian["OPD-A"], "keb-a2", 2),
        ("OPD-B", isian["OPD-B"], "keb-b1", 1)]
    activities = rows_of(book, "Kegiatan")
    assert [(r["ID Baris Induk"], r["ID Baris"], r["Nama kegiatan"]) for r in activities] == [
        ("keb-a1", "keg-1", "Kajian"), ("keb-a1", "keg-2", "-1+1")]
    again = rows_of(read(export()), "Kebutuhan")
    assert [n["ID Baris"] for n in again] == [n["ID Baris"] for n in needs]  # stable


def excel_text(value: str) -> str:
    """openpyxl leaves OOXML's escape of CR (_x000D_, which Excel reads as CR) as it is."""
    return value.replace("_x000D_", "\r")


def test_every_hostile_payload_arrives_as_typed_in_an_inert_quote_prefixed_text_cell(export):
    book = read(export())
    ws = book["Layanan"]
    column = [cell.value for cell in ws[1]].index("Nama layanan")
    cells = {excel_text(row[column].value): row[column] for row in ws.iter_rows(min_row=2)}
    for payload in FORMULA_PAYLOADS:
        cell = cells[stored(payload)]  # exactly as typed: no apostrophe in the value
        assert cell.data_type == "s" and cell.quotePrefix, payload
    assert "<script>alert(1)</script>" in cells
    assert not cells["<script>alert(1)</script>"].quotePrefix  # only what needs it
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(
                        ("=", "+", "-", "@", "\t", "\r")):
                    assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
    isian = book["Isian"]
    header = {cell.value: cell for cell in isian[1]}
    assert header["@Catatan lain"].quotePrefix  # the header too
    note = header["@Catatan lain"].column - 1
    assert next(isian.iter_rows(min_row=2))[note].value == "=1+2"


def test_program_masterplan_and_matrix_agree(export):
    book = read(export())
    program = rows_of(book, "Program Masterplan")
    assert [p["No"] for p in program] == [1, 2, 3]
    first = program[0]
    assert (first["Dimensi"], first["Elemen"], first["OPD Penanggung Jawab"],
            first["Usulan Quick Win"]) == ("Smart Governance", "Layanan Publik", "Dinas A", "Ya")
    ws = book["Matriks Dimensi"]
    header = [c.value for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    total = dict(zip(header, rows[-1], strict=True))
    assert total["Kode OPD"] == "TOTAL" and total["Jumlah Kebutuhan"] == len(program)
    assert total["Total Perkiraan Biaya (Rp)"] == sum(p["Perkiraan Biaya (Rp)"] for p in program)
    assert total["Smart Governance"] == 2 and total["Smart Living"] == 1
    assert total["Kesehatan (Rp)"] == 1_500_000_000.5
    assert ws.tables["Tabel_matriks"].ref == f"A1:{ws.cell(1, len(header)).column_letter}3"
    assert len(ws._charts) == 1


def test_a_questionnaire_without_roles_gets_no_masterplan_sheets(db, tmp_path):
    from app.exports.options import ExportOptions, Format
    from app.exports.service import export_round
    from app.questionnaires.service import publish
    from app.rounds.service import create_round
    from tests.exports.forms import workbook

    with db.write_session() as session:
        row = publish(session, filename="tanpa.xlsx", data=workbook(roles=False)).row
        round_ = create_round(session, name="Tanpa peran", questionnaire_id=row.id, opd_ids=[])
    path = tmp_path / "x.xlsx"
    export_round(db, round_id=round_.id, options=ExportOptions(), fmt=Format.xlsx, path=path)
    names = read(path).sheetnames
    assert "Program Masterplan" not in names and "Matriks Dimensi" not in names
    assert names[:3] == ["Info", "Status Pengisian", "Isian"]


def test_status_sheet_lists_every_opd_asked(export, world):
    rows = rows_of(read(export()), "Status Pengisian")
    by_code = {row["Kode OPD"]: row for row in rows}
    assert [(code, row["Status"]) for code, row in by_code.items()] == [
        ("OPD-A", "Disetujui"), ("OPD-B", "Dikirim"), ("OPD-C", "Draf"),
        ("OPD-D", "Belum mulai")]
    assert isinstance(by_code["OPD-A"]["Disetujui (WITA)"], dt.datetime)
    assert by_code["OPD-B"]["Disetujui (WITA)"] is None
    assert by_code["OPD-A"]["Kelengkapan"] == 1 and by_code["OPD-D"]["Kelengkapan"] == 0
    assert by_code["OPD-A"]["Petugas"] == "Planner"


def test_codebook_describes_every_column(export):
    book = read(export())
    codebook = rows_of(book, "Kamus Data")
    isian_header = [c.value for c in book["Isian"][1]]
    described = [row["Judul Kolom"] for row in codebook if row["Lembar"] == "Isian"]
    assert described == isian_header
    platform = next(row for row in codebook if row["Kode Kolom"] == "platform")
    assert platform["Pertanyaan (English)"] == "Platform"
    assert platform["Tipe"] == "select_multiple platform"
    assert platform["Pilihan (kode = label)"] == "web = Situs web; android = Android; ios = iOS"
    assert platform["Bagian"] == "Umum" and platform["Versi Pertama"] == "1"
    flag = next(row for row in codebook if row["Kode Kolom"] == "platform/ios")
    assert flag["Tipe"] == "select_multiple (0/1)"


def test_info_says_what_the_file_holds(export):
    rows = dict(read(export(scope=Scope.all))["Info"].iter_rows(min_row=2, values_only=True))
    assert rows["Periode pengisian"] == "Periode Uji 2026"
    assert rows["Versi kuesioner"].startswith("1 (id ")
    assert rows["Dibuat oleh"] == "Planner" and rows["Dibuat pada"].endswith("WITA")
    assert rows["Isian yang disertakan"] == "Semua, termasuk draf dan yang dikembalikan"
    assert rows["Jumlah baris: Isian"] == 3 and rows["Jumlah baris: Kebutuhan"] == 4


@pytest.mark.parametrize(("scope", "codes"), [(Scope.approved, ["OPD-A"]),
                                              (Scope.submitted, ["OPD-A", "OPD-B"]),
                                              (Scope.all, ["OPD-A", "OPD-B", "OPD-C"])])
def test_statuses_included(export, scope, codes):
    assert [r["Kode OPD"] for r in rows_of(read(export(scope=scope)), "Isian")] == codes


def test_a_subset_of_opds(export):
    book = read(export(opd_codes=("OPD-B",)))
    assert [r["Kode OPD"] for r in rows_of(book, "Isian")] == ["OPD-B"]
    assert [r["Kode OPD"] for r in rows_of(book, "Status Pengisian")] == ["OPD-B"]


def test_an_opd_not_asked_is_refused_with_its_code(export):
    from app.errors import BadRequest

    with pytest.raises(BadRequest) as refused:
        export(opd_codes=("OPD-Z",))
    assert refused.value.key == "export.unknown_opds" and refused.value.params["codes"] == "OPD-Z"


def test_each_export_is_an_audit_event_with_its_filters(export, world):
    export(labels=False, opd_codes=("OPD-A",))
    with world.db.session() as session:
        from sqlmodel import select

        (event,) = session.exec(select(AuditEvent).where(AuditEvent.action ==
                                                         "export.downloaded")).all()
    assert event.actor_name == "planner" and event.object_id == str(world.round.id)
    assert event.details["format"] == "xlsx" and event.details["header"] == "codes"
    assert event.details["opds"] == ["OPD-A"] and event.details["statuses"] == "submitted"
    assert event.details["rows"]["isian"] == 1
