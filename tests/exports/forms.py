"""A small questionnaire with every question type, two repeats (one nested), master-plan roles,
a rating scale and short column headers (`header::…`)."""

from tests.questionnaires.workbooks import build_workbook

ID, EN = "Bahasa Indonesia (id)", "English (en)"
HEAD = ["type", "name", f"label::{ID}", f"label::{EN}", "relevant", "calculation",
        "choice_filter", f"header::{ID}", f"header::{EN}", "instance::masterplan"]
READINESS_LABEL = "Bagaimana kesiapan jaringan internet di kantor Anda saat ini?"


def _q(type_, name, label_id="", label_en="", relevant="", calculation="", choice_filter="",
       role="", header=("", "")):
    return [type_, name, label_id, label_en or (label_id and f"{label_id} (en)"), relevant,
            calculation, choice_filter, *header, role]


SURVEY = [
    _q("begin_group", "umum", "Umum", "General"),
    _q("text", "pj_nip", "NIP", "NIP"),
    _q("text", "pj_telepon", "Telepon", "Phone"),
    _q("text", "catatan", "@Catatan lain", "-Other notes"),
    _q("integer", "jumlah_pegawai", "Jumlah pegawai", "Number of staff"),
    _q("decimal", "anggaran_tik", "Anggaran TIK", "ICT budget"),
    _q("date", "tanggal", "Tanggal", "Date"),
    _q("select_one ya_tidak", "punya_aplikasi", "Punya aplikasi?", "Has applications?"),
    _q("select_multiple platform", "platform", "Platform", "Platform",
       relevant="${punya_aplikasi} = 'ya'"),
    _q("calculate", "skor", calculation="coalesce(${jumlah_pegawai}, 0) * 2"),
    _q("select_one skala", "kesiapan", READINESS_LABEL, "How ready is your office's internet?",
       header=("Kesiapan jaringan", "Network readiness")),
    _q("end_group", ""),
    _q("begin_group", "bagian_layanan", "Layanan", "Services"),
    _q("begin_repeat", "layanan", "Layanan", "Service"),
    _q("text", "layanan_nama", "Nama layanan", "Service name"),
    _q("end_repeat", ""),
    _q("end_group", ""),
    _q("begin_group", "bagian_kebutuhan", "Kebutuhan", "Needs"),
    _q("begin_repeat", "kebutuhan", "Kebutuhan", "Need"),
    _q("text", "nama_kebutuhan", "Nama kebutuhan", "Name of the need", role="nama_program"),
    _q("select_one dimensi", "kebutuhan_dimensi", "Dimensi", "Dimension", role="dimensi"),
    _q("select_one elemen", "kebutuhan_elemen", "Elemen", "Element",
       choice_filter="dimensi=${kebutuhan_dimensi}", role="elemen"),
    _q("decimal", "biaya", "Perkiraan biaya", "Estimated cost", role="biaya"),
    _q("select_one ya_tidak", "kebutuhan_quick_win", "Quick win?", "Quick win?", role="quick_win"),
    _q("integer", "kebutuhan_tahun_mulai", "Tahun mulai", "Start year", role="tahun_mulai"),
    _q("begin_repeat", "kegiatan", "Kegiatan", "Activity"),
    _q("text", "kegiatan_nama", "Nama kegiatan", "Activity name"),
    _q("end_repeat", ""),
    _q("end_repeat", ""),
    _q("end_group", ""),
]
CHOICES = [
    ["list_name", "name", f"label::{ID}", f"label::{EN}", "dimensi"],
    ["ya_tidak", "ya", "Ya", "Yes", ""],
    ["ya_tidak", "tidak", "Tidak", "No", ""],
    ["platform", "web", "Situs web", "Website", ""],
    ["platform", "android", "Android", "Android", ""],
    ["platform", "ios", "iOS", "iOS", ""],
    ["dimensi", "governance", "Smart Governance", "Smart Governance", ""],
    ["dimensi", "living", "Smart Living", "Smart Living", ""],
    ["elemen", "layanan_publik", "Layanan Publik", "Public Service", "governance"],
    ["elemen", "birokrasi", "Birokrasi", "Bureaucracy", "governance"],
    ["elemen", "kesehatan", "Kesehatan", "Health", "living"],
    ["skala", "1", "1 – Kurang", "1 – Poor", ""],
    ["skala", "2", "2 – Cukup", "2 – Fair", ""],
    ["skala", "3", "3 – Baik", "3 – Good", ""],
]
# Version 2 adds a question (surel) and a choice (desktop).
SURVEY_V2 = [*SURVEY[:3], _q("text", "surel", "Surel", "E-mail"), *SURVEY[3:]]
CHOICES_V2 = [*CHOICES[:6], ["platform", "desktop", "Desktop", "Desktop", ""], *CHOICES[6:]]


def workbook(version: str = "1", *, roles: bool = True) -> bytes:
    survey = SURVEY_V2 if version == "2" else SURVEY
    choices = CHOICES_V2 if version == "2" else CHOICES
    head, rows = HEAD, survey
    if not roles:
        head, rows = HEAD[:-1], [row[:-1] for row in survey]
    settings = [["form_id", "form_title", "version", "default_language"],
                ["uji_ekspor", "Formulir Uji Ekspor", version, ID]]
    return build_workbook([head, *rows], choices, settings)
