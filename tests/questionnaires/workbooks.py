"""Build small XLSForm workbooks in memory for tests."""

from io import BytesIO

from openpyxl import Workbook

Rows = list[list[object]]


def build_workbook(
    survey: Rows | None,
    choices: Rows | None = None,
    settings: Rows | None = None,
    **extra_sheets: Rows,
) -> bytes:
    """Return XLSX bytes with one sheet per given list of rows (the first row is the header)."""
    book = Workbook()
    book.remove(book.active)
    sheets = {"survey": survey, "choices": choices, "settings": settings, **extra_sheets}
    for title, rows in sheets.items():
        if rows is None:
            continue
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def default_settings(version: str = "1", form_id: str = "tes") -> Rows:
    """Return a settings sheet with the required keys."""
    return [["form_id", "form_title", "version"], [form_id, "Formulir Tes", version]]


def simple_form(survey_rows: Rows, choices: Rows | None = None, **kwargs: Rows) -> bytes:
    """Return a workbook from survey rows (header included) with default settings."""
    return build_workbook(survey_rows, choices, default_settings(), **kwargs)


ID = "Bahasa Indonesia (id)"
EN = "English (en)"
SURVEY_HEADER = [
    "type", "name", f"label::{ID}", f"label::{EN}", "required", f"required_message::{ID}",
    "relevant", "constraint", f"constraint_message::{ID}", f"constraint_message::{EN}",
    "calculation", "choice_filter", "repeat_count", "appearance",
]  # fmt: skip


def _row(type_: str, name: str = "", label: str = "", **cells: str) -> list[object]:
    """A survey row in SURVEY_HEADER order; the English label is the Indonesian one + ' (en)'."""
    values = {"type": type_, "name": name}
    if label:
        values[f"label::{ID}"], values[f"label::{EN}"] = label, f"{label} (en)"
    for key, value in cells.items():
        column = {"required_message": f"required_message::{ID}"}.get(key, key)
        if key == "constraint_message":
            values[f"constraint_message::{ID}"], values[f"constraint_message::{EN}"] = value
        else:
            values[column] = value
    return [values.get(column, "") for column in SURVEY_HEADER]


# A form with every feature of the subset: sections, a nested group with relevance, nested
# repeats, a cascading select inside repeat rows, constraints on `.`, calculations, two languages.
DEMO_SURVEY: Rows = [
    SURVEY_HEADER,
    _row("text", "nama_opd", "Nama OPD", required="yes", required_message="Nama OPD wajib."),
    _row("integer", "jumlah_pegawai", "Jumlah pegawai", constraint=". >= 0 and . <= 10000",
         constraint_message=("Antara 0 dan 10000.", "Between 0 and 10000.")),
    _row("date", "tanggal", "Tanggal pengisian", constraint=". <= today()"),
    _row("begin_group", "profil", "Profil"),
    _row("select_one ya_tidak", "punya_aplikasi", "Punya aplikasi?", required="yes"),
    _row("begin group", "detail_aplikasi", "Detail aplikasi",
         relevant="${punya_aplikasi} = 'ya'"),
    _row("integer", "jumlah_aplikasi", "Jumlah aplikasi", required="yes", constraint=". > 0"),
    _row("text", "catatan", "Catatan", appearance="multiline"),
    _row("end group"),
    _row("end_group"),
    _row("begin_group", "bagian_kebutuhan", "Kebutuhan"),
    _row("integer", "jumlah_kebutuhan", "Jumlah kebutuhan"),
    _row("begin_repeat", "kebutuhan", "Kebutuhan", repeat_count="${jumlah_kebutuhan}"),
    _row("select_one dimensi", "dimensi", "Dimensi", required="yes"),
    _row("select_one elemen", "elemen", "Elemen", required="yes",
         choice_filter="dimensi = ${dimensi}"),
    _row("decimal", "biaya", "Biaya (juta rupiah)", constraint=". > 0"),
    _row("text", "alasan_biaya", "Alasan biaya besar", required="yes",
         relevant="${biaya} > 1000"),
    _row("select_multiple sasaran", "sasaran", "Sasaran"),
    _row("begin_repeat", "kegiatan", "Kegiatan"),
    _row("text", "kegiatan_nama", "Nama kegiatan", required="yes"),
    _row("integer", "kegiatan_tahun", "Tahun", constraint=". >= 2024"),
    _row("calculate", "kegiatan_ke", calculation="position(..)"),
    _row("end_repeat"),
    _row("calculate", "jumlah_kegiatan", calculation="count(${kegiatan})"),
    _row("end_repeat"),
    _row("calculate", "total_biaya", calculation="sum(${biaya})"),
    _row("note", "ringkasan", "Periksa kembali kebutuhan Anda."),
    _row("end_group"),
]
DEMO_CHOICES: Rows = [
    ["list_name", "name", f"label::{ID}", f"label::{EN}", "dimensi"],
    ["ya_tidak", "ya", "Ya", "Yes", ""],
    ["ya_tidak", "tidak", "Tidak", "No", ""],
    ["dimensi", "governance", "Smart Governance", "Smart Governance", ""],
    ["dimensi", "economy", "Smart Economy", "Smart Economy", ""],
    ["elemen", "layanan_publik", "Layanan Publik", "Public Service", "governance"],
    ["elemen", "birokrasi", "Birokrasi", "Bureaucracy", "governance"],
    ["elemen", "industri", "Industri", "Industry", "economy"],
    ["sasaran", "masyarakat", "Masyarakat", "Citizens", ""],
    ["sasaran", "asn", "ASN", "Civil servants", ""],
]
DEMO_SETTINGS: Rows = [
    ["form_id", "form_title", "version", "default_language"],
    ["demo", "Formulir Demo", "1", ID],
]


def demo_workbook(**changes: Rows) -> bytes:
    """The demo form as XLSX bytes; pass survey=/choices=/settings= to replace a sheet."""
    sheets = {"survey": DEMO_SURVEY, "choices": DEMO_CHOICES, "settings": DEMO_SETTINGS}
    sheets.update(changes)
    return build_workbook(sheets.pop("survey"), sheets.pop("choices"), sheets.pop("settings"),
                          **sheets)
