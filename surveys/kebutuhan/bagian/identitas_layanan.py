"""Sections A–B: the responsible official and the services the OPD runs."""

from ..rows import (
    EMAIL,
    NIP,
    NON_NEGATIVE,
    TELEPON,
    Row,
    group,
    integer,
    note,
    repeat,
    select_multiple,
    select_one,
    text,
)

# The app binds each submission to the respondent's OPD, so the OPD itself is not asked.
IDENTITAS: list[Row] = group(
    "identitas",
    ("A. Identitas Penanggung Jawab", "A. Responsible Official"),
    [
        note(
            "identitas_petunjuk",
            (
                "Perangkat Daerah pengisi tercatat otomatis sesuai akun Anda. Isikan identitas "
                "pejabat "
                "yang bertanggung jawab atas isian ini, misalnya Sekretaris atau Kepala Subbagian "
                "Perencanaan.",
                "Your agency is recorded automatically from your account. Enter the official "
                "responsible "
                "for this submission, e.g. the Secretary or the Head of the Planning Subdivision.",
            ),
        ),
        text(
            "pj_nama",
            ("Nama lengkap pejabat penanggung jawab", "Full name of the responsible official"),
            hint=("Tuliskan beserta gelar.", "Include academic titles."),
            required=True,
        ),
        text(
            "pj_jabatan",
            ("Jabatan", "Position"),
            required=True,
            hint=(
                "Contoh: Sekretaris Dinas; Kepala Subbagian Perencanaan dan Keuangan.",
                "E.g. Agency Secretary; Head of the Planning and Finance Subdivision.",
            ),
        ),
        text("pj_nip", ("NIP", "Civil servant ID number (NIP)"), required=True, **NIP),
        text(
            "pj_telepon",
            ("Nomor telepon/WhatsApp", "Phone/WhatsApp number"),
            required=True,
            **TELEPON,
        ),
        text("pj_email", ("Alamat surel", "E-mail address"), **EMAIL),
        text(
            "teknis_nama",
            ("Nama penanggung jawab teknis/operator", "Name of the technical contact"),
            hint=(
                "Pegawai yang dapat dihubungi untuk pertanyaan teknis; kosongkan jika sama dengan "
                "pejabat penanggung jawab.",
                "Staff member to contact for technical questions; leave blank if it is the "
                "responsible official.",
            ),
        ),
        text(
            "teknis_nip",
            ("NIP penanggung jawab teknis", "NIP of the technical contact"),
            relevant="${teknis_nama} != ''",
            **NIP,
        ),
        text(
            "teknis_telepon",
            (
                "Nomor telepon/WhatsApp penanggung jawab teknis",
                "Phone/WhatsApp number of the technical contact",
            ),
            relevant="${teknis_nama} != ''",
            required=True,
            **TELEPON,
        ),
        text(
            "teknis_email",
            ("Alamat surel penanggung jawab teknis", "E-mail address of the technical contact"),
            relevant="${teknis_nama} != ''",
            **EMAIL,
        ),
        select_multiple(
            "urusan",
            "urusan",
            ("Urusan pemerintahan yang diampu", "Government affairs handled"),
            hint=(
                "Pilih semua urusan (UU Nomor 23 Tahun 2014) atau fungsi penunjang yang "
                "menjadi tugas Perangkat Daerah Anda.",
                "Select every affair (Law 23/2014) or support function of your agency.",
            ),
            required=True,
        ),
        text(
            "tugas_fungsi",
            ("Tugas pokok dan fungsi secara singkat", "Main duties, in brief"),
            multiline=True,
        ),
    ],
)

LAYANAN: list[Row] = group(
    "daftar_layanan",
    ("B. Layanan", "B. Services"),
    [
        note(
            "layanan_petunjuk",
            (
                "Tambahkan satu baris untuk setiap layanan yang diselenggarakan, baik layanan "
                "publik "
                "maupun layanan administrasi pemerintahan (internal).",
                "Add one row for every service you run, public or internal administration.",
            ),
        ),
        *repeat(
            "layanan",
            ("Layanan", "Service"),
            [
                text(
                    "layanan_nama",
                    ("Nama layanan", "Service name"),
                    required=True,
                    hint=(
                        "Contoh: Penerbitan izin usaha mikro; Pengelolaan surat masuk dan keluar.",
                        "E.g. Micro business licences; Incoming and outgoing correspondence.",
                    ),
                ),
                select_one(
                    "jenis_layanan",
                    "layanan_jenis",
                    ("Jenis layanan", "Type of service"),
                    required=True,
                ),
                select_one(
                    "sektor_layanan",
                    "layanan_sektor",
                    ("Sektor layanan publik", "Public service sector"),
                    hint=(
                        "Ruang lingkup menurut UU Nomor 25 Tahun 2009.",
                        "Scope under Law 25/2009.",
                    ),
                    relevant="${layanan_jenis} = 'publik'",
                    required=True,
                ),
                select_multiple(
                    "sasaran_pengguna",
                    "layanan_sasaran",
                    ("Sasaran pengguna", "Target users"),
                    required=True,
                ),
                select_one(
                    "lingkup_wilayah",
                    "layanan_wilayah",
                    ("Lingkup wilayah layanan", "Service area"),
                ),
                select_one(
                    "cara_penyelenggaraan",
                    "layanan_cara",
                    ("Cara penyelenggaraan saat ini", "How the service is delivered today"),
                    required=True,
                ),
                select_one(
                    "tingkat_layanan",
                    "layanan_tingkat_kini",
                    ("Tingkat layanan elektronik saat ini", "Current electronic service level"),
                    hint=("Tingkat kematangan layanan SPBE.", "SPBE service maturity level."),
                    relevant="${layanan_cara} != 'manual'",
                    required=True,
                    constraint="number(.) >= 1",
                    constraint_message=(
                        "Layanan yang sudah (semi-)elektronik minimal berada pada "
                        "tingkat 1 (Informasi).",
                        "A (partly) electronic service is at least level 1.",
                    ),
                ),
                select_one(
                    "tingkat_layanan",
                    "layanan_tingkat_target",
                    ("Target tingkat layanan elektronik", "Target electronic service level"),
                    required=True,
                    constraint="number(.) >= number(coalesce(${layanan_tingkat_kini}, '0'))",
                    constraint_message=(
                        "Target tidak boleh lebih rendah daripada tingkat saat ini.",
                        "The target cannot be below the current level.",
                    ),
                ),
                text(
                    "layanan_aplikasi",
                    ("Aplikasi yang digunakan", "Application used"),
                    hint=(
                        "Nama aplikasi; rincian aplikasi diisi pada Bagian C.",
                        "Application name; details go in section C.",
                    ),
                    relevant="${layanan_cara} != 'manual'",
                ),
                integer(
                    "layanan_volume",
                    ("Perkiraan jumlah pengguna per tahun", "Estimated users per year"),
                    hint=(
                        "Jumlah pengguna atau transaksi dalam setahun; kosongkan jika belum "
                        "diketahui.",
                        "Users or transactions per year; leave blank if unknown.",
                    ),
                    **NON_NEGATIVE,
                ),
                select_one(
                    "indikator_spbe",
                    "layanan_indikator_spbe",
                    ("Indikator SPBE terkait", "Related SPBE indicator"),
                    choice_filter="jenis_layanan = ${layanan_jenis} or jenis_layanan = 'semua'",
                ),
                select_one(
                    "dimensi",
                    "layanan_dimensi",
                    ("Dimensi smart city", "Smart city dimension"),
                    required=True,
                ),
                select_one(
                    "elemen",
                    "layanan_elemen",
                    ("Elemen smart city", "Smart city element"),
                    choice_filter="dimensi=${layanan_dimensi}",
                    required=True,
                ),
            ],
        ),
    ],
)
