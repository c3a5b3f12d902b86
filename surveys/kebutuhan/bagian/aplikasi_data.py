"""Sections C–D: the applications and datasets of the OPD."""

from ..rows import (
    Row,
    group,
    integer,
    note,
    repeat,
    select_multiple,
    select_one,
    text,
)

# A fixed upper bound: the supported functions offer no reliable way to get the year of today();
# 2040 ends the planning horizon and still catches slips such as 2062 for 2026.
TAHUN_APLIKASI_MIN = 1990
TAHUN_APLIKASI_MAX = 2040

APLIKASI: list[Row] = group(
    "daftar_aplikasi",
    ("C. Aplikasi", "C. Applications"),
    [
        select_one(
            "ya_tidak",
            "punya_aplikasi",
            (
                "Apakah Perangkat Daerah menggunakan atau mengelola aplikasi/sistem informasi?",
                "Does the agency use or manage any application or information system?",
            ),
            hint=(
                "Termasuk aplikasi umum dari pusat, misalnya SIPD, SRIKANDI, SP4N-LAPOR!.",
                "Including shared national applications such as SIPD, SRIKANDI, SP4N-LAPOR!.",
            ),
            required=True,
        ),
        *repeat(
            "aplikasi",
            ("Aplikasi", "Application"),
            [
                text(
                    "aplikasi_nama",
                    ("Nama aplikasi/sistem informasi", "Application name"),
                    required=True,
                ),
                text(
                    "aplikasi_url",
                    ("Alamat (URL)", "Address (URL)"),
                    hint=(
                        "Contoh: https://sipd.kemendagri.go.id; kosongkan jika tidak ada.",
                        "E.g. https://sipd.kemendagri.go.id; leave blank if none.",
                    ),
                ),
                text(
                    "aplikasi_fungsi",
                    ("Fungsi utama aplikasi", "Main functions"),
                    multiline=True,
                    required=True,
                ),
                select_one(
                    "jenis_aplikasi",
                    "aplikasi_jenis",
                    ("Jenis penggunaan", "Type of use"),
                    required=True,
                ),
                select_multiple(
                    "platform", "aplikasi_platform", ("Platform", "Platform"), required=True
                ),
                select_one(
                    "pengembang", "aplikasi_pengembang", ("Pengembang", "Developer"), required=True
                ),
                select_one(
                    "status_aplikasi", "aplikasi_status", ("Status", "Status"), required=True
                ),
                integer(
                    "aplikasi_tahun",
                    ("Tahun pembuatan", "Year built"),
                    constraint=f". >= {TAHUN_APLIKASI_MIN} and . <= {TAHUN_APLIKASI_MAX}",
                    constraint_message=(
                        f"Isikan tahun empat digit antara {TAHUN_APLIKASI_MIN} dan "
                        f"{TAHUN_APLIKASI_MAX}.",
                        f"Enter a four-digit year between {TAHUN_APLIKASI_MIN} and "
                        f"{TAHUN_APLIKASI_MAX}.",
                    ),
                ),
                select_one(
                    "lokasi_hosting",
                    "aplikasi_hosting",
                    ("Lokasi server (hosting)", "Hosting location"),
                    relevant="${aplikasi_status} != 'dalam_pengembangan'",
                ),
                select_one(
                    "ya_tidak",
                    "aplikasi_terintegrasi",
                    (
                        "Apakah terintegrasi dengan aplikasi lain?",
                        "Is it integrated with other applications?",
                    ),
                ),
                text(
                    "aplikasi_integrasi_dengan",
                    ("Terintegrasi dengan aplikasi apa?", "Integrated with which applications?"),
                    hint=(
                        "Contoh: SIPD melalui API; SIAK melalui SPLP.",
                        "E.g. SIPD via API; SIAK via SPLP.",
                    ),
                    relevant="${aplikasi_terintegrasi} = 'ya'",
                    required=True,
                ),
                select_one(
                    "sumber_dana_aplikasi",
                    "aplikasi_sumber_dana",
                    ("Sumber dana", "Source of funds"),
                ),
                text(
                    "aplikasi_kendala",
                    ("Kendala yang dihadapi", "Problems encountered"),
                    multiline=True,
                ),
            ],
            relevant="${punya_aplikasi} = 'ya'",
        ),
    ],
)

DATA: list[Row] = group(
    "daftar_data",
    ("D. Data", "D. Data"),
    [
        note(
            "dataset_petunjuk",
            (
                "Tambahkan satu baris untuk setiap kelompok data (dataset) yang dihasilkan atau "
                "digunakan Perangkat Daerah, sesuai prinsip Satu Data Indonesia.",
                "Add one row for every dataset the agency produces or uses (One Data Indonesia).",
            ),
        ),
        *repeat(
            "dataset",
            ("Dataset", "Dataset"),
            [
                text(
                    "dataset_nama",
                    ("Nama data/dataset", "Dataset name"),
                    required=True,
                    hint=(
                        "Contoh: Data penerima bantuan sosial per desa.",
                        "E.g. Social aid recipients per village.",
                    ),
                ),
                select_one(
                    "peran_data",
                    "dataset_peran",
                    ("Peran Perangkat Daerah", "Role of the agency"),
                    required=True,
                ),
                text(
                    "dataset_sumber",
                    ("Instansi penghasil data", "Agency that produces the data"),
                    relevant="${dataset_peran} = 'pengguna'",
                ),
                select_one("format_data", "dataset_format", ("Format utama", "Main format")),
                select_one(
                    "frekuensi", "dataset_frekuensi", ("Frekuensi pemutakhiran", "Update frequency")
                ),
                select_one(
                    "ya_tidak",
                    "dataset_metadata",
                    ("Apakah metadata tersedia?", "Is metadata available?"),
                ),
                select_one(
                    "ya_tidak",
                    "dataset_portal",
                    ("Dipublikasikan di Portal Satu Data?", "Published on the One Data portal?"),
                    relevant="${dataset_peran} = 'produsen'",
                ),
            ],
        ),
    ],
)
