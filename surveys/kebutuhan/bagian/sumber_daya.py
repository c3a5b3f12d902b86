"""Sections E–G: ICT infrastructure, human resources and ICT budget."""

from ..rows import (
    NON_NEGATIVE,
    Row,
    Text,
    calculate,
    decimal,
    group,
    integer,
    select_multiple,
    select_one,
    text,
)

RUPIAH_HINT: Text = (
    "Dalam Rupiah, misalnya 250.000.000.",
    "In rupiah, e.g. 250,000,000.",
)


def _count(name: str, label: Text, **options: object) -> Row:
    """Return a required non-negative count."""
    return integer(name, label, required=True, **{**NON_NEGATIVE, **options})


INFRASTRUKTUR: list[Row] = group(
    "infrastruktur",
    ("E. Infrastruktur TIK", "E. ICT Infrastructure"),
    [
        decimal(
            "internet_bandwidth",
            ("Kapasitas internet kantor (Mbps)", "Office internet bandwidth (Mbps)"),
            hint=(
                "Isi 0 jika kantor belum memiliki koneksi internet.",
                "Enter 0 if the office has no internet connection.",
            ),
            required=True,
            **NON_NEGATIVE,
        ),
        text(
            "internet_penyedia",
            ("Penyedia layanan internet", "Internet service provider"),
            hint=(
                "Contoh: Telkom; jaringan Dinas Kominfo.",
                "E.g. Telkom; the communication office network.",
            ),
            relevant="${internet_bandwidth} > 0",
        ),
        select_one(
            "ya_tidak",
            "jaringan_intra",
            (
                "Terhubung ke jaringan intra Pemerintah Daerah?",
                "Connected to the regional government intranet?",
            ),
            required=True,
        ),
        _count(
            "jumlah_komputer",
            ("Jumlah komputer/laptop yang berfungsi", "Working computers/laptops"),
        ),
        _count("jumlah_server", ("Jumlah server", "Number of servers")),
        _count("jumlah_cctv", ("Jumlah kamera CCTV", "Number of CCTV cameras")),
        select_one(
            "ya_tidak",
            "ruang_server",
            ("Memiliki ruang server sendiri?", "Has its own server room?"),
            required=True,
        ),
        text(
            "blank_spot",
            (
                "Wilayah layanan yang belum terjangkau sinyal/internet (blank spot)",
                "Service areas without signal/internet (blank spots)",
            ),
            hint=(
                "Sebutkan desa, kecamatan, atau UPT; kosongkan jika tidak ada.",
                "Name villages, districts or units; leave blank if none.",
            ),
            multiline=True,
        ),
    ],
)

_JABATAN_FUNGSIONAL: list[tuple[str, Text]] = [
    (
        "jf_pranata_komputer",
        (
            "Jumlah pejabat fungsional Pranata Komputer",
            "Functional officials: computer administrators (Pranata Komputer)",
        ),
    ),
    (
        "jf_statistisi",
        (
            "Jumlah pejabat fungsional Statistisi",
            "Functional officials: statisticians (Statistisi)",
        ),
    ),
    (
        "jf_sandiman",
        ("Jumlah pejabat fungsional Sandiman", "Functional officials: cryptographers (Sandiman)"),
    ),
    (
        "jf_arsiparis",
        ("Jumlah pejabat fungsional Arsiparis", "Functional officials: archivists (Arsiparis)"),
    ),
]
_AT_MOST_TOTAL: dict[str, object] = {
    "constraint": ". >= 0 and . <= ${total_pegawai}",
    "constraint_message": (
        "Jumlah tidak boleh negatif atau melebihi total pegawai.",
        "The number cannot be negative or exceed the total staff.",
    ),
}

SDM: list[Row] = group(
    "sdm",
    ("F. Sumber Daya Manusia", "F. Human Resources"),
    [
        _count("jumlah_pns", ("Jumlah pegawai ASN (PNS)", "Civil servants (PNS)")),
        _count("jumlah_pppk", ("Jumlah pegawai PPPK", "Government contract employees (PPPK)")),
        _count("jumlah_non_asn", ("Jumlah pegawai non-ASN", "Non-civil-service staff")),
        calculate(
            "total_pegawai",
            "coalesce(${jumlah_pns}, 0) + coalesce(${jumlah_pppk}, 0) + "
            "coalesce(${jumlah_non_asn}, 0)",
            ("Jumlah seluruh pegawai (dihitung)", "Total staff (calculated)"),
        ),
        _count(
            "jumlah_pengelola_tik",
            ("Jumlah pegawai yang mengelola TIK", "Staff managing ICT"),
            hint=(
                "Pegawai yang tugas utamanya mengelola aplikasi, jaringan, situs web, atau data.",
                "Staff whose main duty is applications, networks, websites or data.",
            ),
            **_AT_MOST_TOTAL,
        ),
        *[_count(name, label, **_AT_MOST_TOTAL) for name, label in _JABATAN_FUNGSIONAL],
        select_multiple(
            "pelatihan",
            "pelatihan_dibutuhkan",
            ("Pelatihan TIK yang dibutuhkan pegawai", "ICT training needed by staff"),
            required=True,
            constraint="not(selected(., 'tidak_ada') and count-selected(.) > 1)",
            constraint_message=(
                'Pilihan "Tidak ada" tidak dapat digabung dengan pilihan lain.',
                '"None" cannot be combined with other options.',
            ),
        ),
        text(
            "pelatihan_lainnya",
            ("Pelatihan lain yang dibutuhkan", "Other training needed"),
            relevant="selected(${pelatihan_dibutuhkan}, 'lainnya')",
            required=True,
        ),
    ],
)

ANGGARAN: list[Row] = group(
    "anggaran",
    ("G. Anggaran", "G. Budget"),
    [
        decimal(  # ODK's integer is 32-bit (max ~Rp2,1 miliar): money is decimal
            "anggaran_tik_berjalan",
            ("Anggaran TIK/SPBE tahun anggaran berjalan", "ICT/SPBE budget, current fiscal year"),
            hint=RUPIAH_HINT,
            required=True,
            **NON_NEGATIVE,
        ),
        decimal(
            "anggaran_tik_lalu",
            ("Anggaran TIK/SPBE tahun anggaran lalu", "ICT/SPBE budget, last fiscal year"),
            hint=RUPIAH_HINT,
            required=True,
            **NON_NEGATIVE,
        ),
        select_multiple(
            "sumber_dana",
            "anggaran_sumber_dana",
            ("Sumber dana anggaran TIK", "Sources of ICT funds"),
            relevant="${anggaran_tik_berjalan} > 0 or ${anggaran_tik_lalu} > 0",
            required=True,
        ),
        text(
            "anggaran_kode_program",
            ("Program/kegiatan/subkegiatan TIK", "ICT programmes/activities"),
            hint=(
                "Kode dan nomenklatur menurut Permendagri 90/2019, satu per baris.",
                "Codes and names under Permendagri 90/2019, one per line.",
            ),
            multiline=True,
        ),
    ],
)
