"""outline(): the plain-text view of a questionnaire kept beside its workbook."""

from app.questionnaires.outline import outline
from app.questionnaires.schema import Questionnaire
from app.questionnaires.xlsform import load_xlsform
from tests.questionnaires.workbooks import demo_workbook, simple_form

EXPECTED = """\
Formulir Demo
form_id: demo; version: 1
languages: id (Bahasa Indonesia (id)), en (English (en)); default: id

Section 1: _section1 (implicit) - Umum
  nama_opd (text, required): Nama OPD
  jumlah_pegawai (integer): Jumlah pegawai
    constraint: . >= 0 and . <= 10000  -> Antara 0 dan 10000.
  tanggal (date): Tanggal pengisian
    constraint: . <= today()

Section 2: profil - Profil
  punya_aplikasi (select_one ya_tidak, required): Punya aplikasi?
  detail_aplikasi (group): Detail aplikasi
    relevant: ${punya_aplikasi} = 'ya'
    jumlah_aplikasi (integer, required): Jumlah aplikasi
      constraint: . > 0
    catatan (text, multiline): Catatan

Section 3: bagian_kebutuhan - Kebutuhan
  jumlah_kebutuhan (integer): Jumlah kebutuhan
  kebutuhan (repeat): Kebutuhan
    repeat_count: ${jumlah_kebutuhan}
    dimensi (select_one dimensi, required): Dimensi
    elemen (select_one elemen, required): Elemen
      choice_filter: dimensi = ${dimensi}
    biaya (decimal): Biaya (juta rupiah)
      constraint: . > 0
    alasan_biaya (text, required): Alasan biaya besar
      relevant: ${biaya} > 1000
    sasaran (select_multiple sasaran): Sasaran
    kegiatan (repeat): Kegiatan
      kegiatan_nama (text, required): Nama kegiatan
      kegiatan_tahun (integer): Tahun
        constraint: . >= 2024
      kegiatan_ke (calculate)
        calculation: position(..)
    jumlah_kegiatan (calculate)
      calculation: count(${kegiatan})
  total_biaya (calculate)
    calculation: sum(${biaya})
  ringkasan (note): Periksa kembali kebutuhan Anda.

Choice lists
  dimensi
    governance: Smart Governance
    economy: Smart Economy
  elemen
    layanan_publik: Layanan Publik [dimensi=governance]
    birokrasi: Birokrasi [dimensi=governance]
    industri: Industri [dimensi=economy]
  sasaran
    masyarakat: Masyarakat
    asn: ASN
  ya_tidak
    ya: Ya
    tidak: Tidak
"""


def test_demo_outline_shows_sections_logic_and_choices():
    form = load_xlsform(demo_workbook()).questionnaire
    assert outline(form) == EXPECTED


def test_outline_is_the_same_after_a_json_round_trip():
    form = load_xlsform(demo_workbook()).questionnaire
    stored = Questionnaire.model_validate_json(form.model_dump_json())
    assert outline(stored) == outline(form)


def test_outline_shows_required_expressions_defaults_and_read_only():
    data = simple_form(
        [["type", "name", "label", "required", "default", "read_only"],
         ["integer", "umur", "Umur", "", "17", "yes"],
         ["date", "tanggal", "Tanggal", "${umur} > 10", "today()", ""]],
    )  # fmt: skip
    text = outline(load_xlsform(data).questionnaire)
    assert "  umur (integer, read-only): Umur\n    default: 17\n" in text
    assert "  tanggal (date, required if ${umur} > 10): Tanggal\n    default: today()\n" in text
