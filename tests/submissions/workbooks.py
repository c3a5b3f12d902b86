"""A small questionnaire with every supported question type, for render and post tests."""

from io import BytesIO

from openpyxl import Workbook

from app.questionnaires.schema import Questionnaire
from app.questionnaires.xlsform import load_xlsform

ID, EN = "Bahasa Indonesia (id)", "English (en)"
COLUMNS = ["type", "name", f"label::{ID}", f"label::{EN}", f"hint::{ID}", f"hint::{EN}",
           "required", "relevant", "constraint", f"constraint_message::{ID}",
           f"constraint_message::{EN}", "calculation", "choice_filter", "default", "read_only",
           "appearance"]


def _row(type_, name="", id_="", en="", **extra) -> list:
    values = {"type": type_, "name": name, f"label::{ID}": id_, f"label::{EN}": en}
    aliases = {"hint_id": f"hint::{ID}", "hint_en": f"hint::{EN}", "message_id":
               f"constraint_message::{ID}", "message_en": f"constraint_message::{EN}"}
    for key, value in extra.items():
        values[aliases.get(key, key)] = value
    return [values.get(column, "") for column in COLUMNS]


SURVEY = [
    COLUMNS,
    _row("begin_group", "umum", "A. Umum", "A. General"),
    _row("note", "catatan", "Isilah dengan jujur.", "Answer truthfully."),
    _row("text", "nama", "Nama", "Name", hint_id="Nama lengkap", hint_en="Full name",
         required="yes"),
    _row("text", "uraian", "Uraian", "Description", appearance="multiline"),
    _row("integer", "jumlah", "Jumlah pegawai", "Staff", constraint=". >= 0",
         message_id="Tidak boleh negatif.", message_en="Must not be negative."),
    _row("decimal", "anggaran", "Anggaran", "Budget", hint_id="Dalam Rupiah.",
         hint_en="In rupiah."),
    _row("decimal", "rasio", "Rasio", "Ratio"),
    _row("date", "tanggal", "Tanggal", "Date"),
    _row("select_one yt", "punya", "Punya aplikasi?", "Has applications?", required="yes"),
    _row("text", "nama_aplikasi", "Nama aplikasi", "Application name", required="yes",
         relevant="${punya} = 'ya'"),
    _row("select_one kecamatan", "kecamatan", "Kecamatan", "District"),
    _row("select_multiple sasaran", "sasaran", "Sasaran", "Target users"),
    _row("calculate", "dobel", "Dua kali jumlah", "Twice the staff", calculation="${jumlah} * 2"),
    _row("text", "kode", "Kode", "Code", default="ABC", read_only="yes"),
    _row("end_group"),
    _row("begin_group", "rincian", "B. Rincian", "B. Details"),
    _row("select_one dimensi", "dimensi", "Dimensi", "Dimension"),
    _row("begin_repeat", "kebutuhan", "Kebutuhan", "Need"),
    _row("text", "judul", "Judul", "Title", required="yes"),
    _row("select_one elemen", "elemen", "Elemen", "Element", choice_filter="dimensi = ${dimensi}"),
    _row("decimal", "biaya", "Biaya", "Cost", hint_id="Dalam Rupiah.", hint_en="In rupiah.",
         constraint=". >= 0"),
    _row("end_repeat"),
    _row("end_group"),
]
CHOICES = [
    ["list_name", "name", f"label::{ID}", f"label::{EN}", "dimensi"],
    ["yt", "ya", "Ya", "Yes", ""], ["yt", "tidak", "Tidak", "No", ""],
    *[["kecamatan", f"kec{n}", f"Kecamatan {n}", f"District {n}", ""] for n in range(1, 10)],
    ["sasaran", "g2c", "Masyarakat", "Citizens", ""], ["sasaran", "g2b", "Usaha", "Business", ""],
    ["dimensi", "gov", "Smart Governance", "Smart Governance", ""],
    ["dimensi", "env", "Smart Environment", "Smart Environment", ""],
    ["elemen", "layanan", "Layanan Publik", "Public Services", "gov"],
    ["elemen", "sampah", "Sampah", "Waste", "env"],
]
SETTINGS = [["form_id", "form_title", "version", "default_language"],
            ["semua_jenis", "Semua Jenis", "1", ID]]


def types_workbook() -> bytes:
    """The workbook as bytes."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in (("survey", SURVEY), ("choices", CHOICES), ("settings", SETTINGS)):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def types_questionnaire() -> Questionnaire:
    """The typed questionnaire of types_workbook()."""
    loaded = load_xlsform(types_workbook(), filename="semua-jenis.xlsx")
    assert loaded.ok, loaded.errors
    return loaded.questionnaire
