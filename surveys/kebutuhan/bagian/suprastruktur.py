"""Sections H–I: regulation and institutions, and the readiness self-assessment."""

from ..rows import (
    Row,
    Text,
    average,
    calculate,
    group,
    note,
    select_one,
    text,
)

REGULASI: list[Row] = group(
    "regulasi",
    ("H. Regulasi dan Kelembagaan", "H. Regulation and Institutions"),
    [
        select_one(
            "ya_tidak",
            "regulasi_spbe",
            (
                "Apakah sudah ada Peraturan Bupati atau Surat Keputusan tentang SPBE atau smart "
                "city "
                "yang menjadi dasar kerja Perangkat Daerah?",
                "Is there a regent regulation or decree on SPBE or smart city that guides the "
                "agency?",
            ),
            required=True,
        ),
        text(
            "regulasi_spbe_nomor",
            ("Nomor, tahun, dan judul regulasi", "Number, year and title"),
            hint=(
                "Contoh: Peraturan Bupati Nomor 12 Tahun 2022 tentang Penyelenggaraan SPBE.",
                "E.g. Regent Regulation No. 12 of 2022 on SPBE.",
            ),
            relevant="${regulasi_spbe} = 'ya'",
            required=True,
            multiline=True,
        ),
        select_one(
            "cakupan",
            "sop_layanan_digital",
            ("Ketersediaan SOP layanan digital", "SOPs for digital services"),
            required=True,
        ),
        select_one(
            "ya_tidak",
            "tim_pengelola",
            (
                "Apakah ada tim atau unit pengelola layanan digital/TIK?",
                "Is there a team or unit managing digital services/ICT?",
            ),
            required=True,
        ),
        text(
            "tim_pengelola_dasar",
            ("Dasar pembentukan tim", "Legal basis of the team"),
            hint=("Nomor dan tahun SK, jika ada.", "Decree number and year, if any."),
            relevant="${tim_pengelola} = 'ya'",
        ),
        text(
            "regulasi_lainnya",
            ("Regulasi lain terkait layanan digital dan data", "Other relevant regulations"),
            hint=(
                "Perda, Perbup, SK, atau SOP beserta nomor dan tahunnya.",
                "Regional regulations, decrees or SOPs with number and year.",
            ),
            multiline=True,
        ),
    ],
)

# Readiness items per element of domain §3; each score is the mean of its items (1–5).
KESIAPAN_ITEMS: dict[str, list[tuple[str, Text]]] = {
    "struktur": [
        (
            "kesiapan_struktur_jumlah_sdm",
            ("Kecukupan jumlah pegawai pengelola TIK", "Enough staff to manage ICT"),
        ),
        ("kesiapan_struktur_kompetensi", ("Kompetensi TIK aparatur", "ICT skills of the staff")),
        (
            "kesiapan_struktur_anggaran",
            ("Kecukupan anggaran untuk layanan digital", "Enough budget for digital services"),
        ),
        (
            "kesiapan_struktur_pimpinan",
            (
                "Komitmen pimpinan terhadap transformasi digital",
                "Leadership commitment to digital transformation",
            ),
        ),
    ],
    "infrastruktur": [
        (
            "kesiapan_infra_jaringan",
            ("Kualitas koneksi internet dan jaringan", "Internet and network quality"),
        ),
        ("kesiapan_infra_perangkat", ("Kecukupan perangkat keras", "Enough hardware")),
        (
            "kesiapan_infra_aplikasi",
            ("Dukungan aplikasi terhadap layanan", "Applications support services"),
        ),
        (
            "kesiapan_infra_sarana",
            ("Ketersediaan sarana layanan bagi masyarakat", "Public service facilities"),
        ),
    ],
    "suprastruktur": [
        (
            "kesiapan_supra_regulasi",
            (
                "Ketersediaan regulasi dan kebijakan pendukung",
                "Supporting regulations and policies",
            ),
        ),
        (
            "kesiapan_supra_kelembagaan",
            ("Kejelasan kelembagaan dan pembagian peran", "Clear institutions and roles"),
        ),
        (
            "kesiapan_supra_sop",
            (
                "Ketersediaan SOP dan proses bisnis yang terdokumentasi",
                "Documented SOPs and business processes",
            ),
        ),
        (
            "kesiapan_supra_standar",
            ("Penetapan dan publikasi standar pelayanan", "Service standards set and published"),
        ),
    ],
}


SCORE_LABELS = {
    "struktur": ("Skor struktur (rata-rata, 1–5)", "Structure score (average, 1–5)"),
    "infrastruktur": ("Skor infrastruktur (rata-rata, 1–5)",
                      "Infrastructure score (average, 1–5)"),
    "suprastruktur": ("Skor suprastruktur (rata-rata, 1–5)",
                      "Superstructure score (average, 1–5)"),
}


def _kesiapan_rows() -> list[Row]:
    """Return the readiness items, each element followed by its score."""
    rows: list[Row] = []
    for element, items in KESIAPAN_ITEMS.items():
        rows += [select_one("skala", name, label, required=True) for name, label in items]
        rows.append(calculate(f"skor_{element}", average([name for name, _ in items]),
                              SCORE_LABELS[element]))
    return rows


KESIAPAN: list[Row] = group(
    "kesiapan",
    ("I. Penilaian Mandiri Kesiapan", "I. Readiness Self-Assessment"),
    [
        note(
            "kesiapan_petunjuk",
            (
                "Nilailah kondisi Perangkat Daerah saat ini untuk setiap pernyataan: 1 = sangat "
                "kurang "
                "sampai 5 = sangat baik. Struktur mencakup SDM, anggaran, dan kepemimpinan; "
                "infrastruktur mencakup jaringan, perangkat, dan aplikasi; suprastruktur mencakup "
                "regulasi, kelembagaan, dan tata laksana.",
                "Rate the agency's current condition for each statement from 1 = very poor to "
                "5 = very good. Structure covers staff, budget and leadership; infrastructure "
                "covers "
                "networks, hardware and applications; superstructure covers regulation, "
                "institutions "
                "and procedures.",
            ),
        ),
        *_kesiapan_rows(),
    ],
)
