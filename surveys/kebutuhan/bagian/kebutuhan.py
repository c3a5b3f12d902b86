"""Sections J–K: the needs table (one row per need, the unit of the master plan) and sign-off."""

from ..rows import (
    NIP,
    NON_NEGATIVE,
    Row,
    calculate,
    date,
    decimal,
    group,
    integer,
    note,
    repeat,
    select_one,
    text,
)

TAHUN_MULAI_MIN = 2024
TAHUN_MULAI_MAX = 2040
PRIORITAS_MAX = 20

KEBUTUHAN: list[Row] = group(
    "daftar_kebutuhan",
    ("J. Permasalahan dan Kebutuhan", "J. Problems and Needs"),
    [
        note(
            "kebutuhan_petunjuk",
            (
                "Tambahkan satu baris untuk setiap kebutuhan. Mulailah dari permasalahan nyata "
                "yang "
                "ingin diselesaikan, bukan dari teknologinya. Minimal satu kebutuhan wajib diisi.",
                "Add one row per need. Start from the real problem to solve, not from the "
                "technology. "
                "At least one need is required.",
            ),
        ),
        *repeat(
            "kebutuhan",
            ("Kebutuhan", "Need"),
            [
                text(
                    "kebutuhan_permasalahan",
                    ("Permasalahan", "Problem"),
                    masterplan="permasalahan",
                    multiline=True,
                    required=True,
                    required_message=(
                        "Uraikan permasalahan yang melatarbelakangi kebutuhan ini.",
                        "Describe the problem behind this need.",
                    ),
                    hint=(
                        "Contoh: Antrean pendaftaran di puskesmas mencapai dua jam pada pagi hari.",
                        "E.g. Registration queues at the health centre take two hours each "
                        "morning.",
                    ),
                ),
                text(
                    "kebutuhan_penyebab_dampak",
                    ("Penyebab dan dampak permasalahan", "Causes and effects"),
                    multiline=True,
                ),
                text(
                    "nama_kebutuhan",
                    ("Usulan solusi/kebutuhan", "Proposed solution/need"),
                    masterplan="nama_program",
                    required=True,
                    hint=(
                        "Nama singkat program atau kegiatan, misalnya Aplikasi Antrean Daring "
                        "Puskesmas.",
                        "Short name of the programme, e.g. Online Health Centre Queue.",
                    ),
                ),
                select_one(
                    "jenis_solusi",
                    "kebutuhan_jenis_solusi",
                    ("Jenis solusi", "Type of solution"),
                    required=True,
                ),
                select_one(
                    "ya_tidak_tahu",
                    "kebutuhan_aplikasi_umum",
                    (
                        "Apakah sudah ada aplikasi umum nasional untuk kebutuhan ini?",
                        "Does a shared national application already cover this need?",
                    ),
                    hint=(
                        "Menurut kebijakan SPBE, aplikasi umum yang tersedia diutamakan daripada "
                        "membangun aplikasi baru.",
                        "SPBE policy prefers an available shared application to building a new "
                        "one.",
                    ),
                    relevant="${kebutuhan_jenis_solusi} = 'aplikasi_baru'",
                    required=True,
                ),
                text(
                    "kebutuhan_layanan_terkait",
                    ("Layanan atau aplikasi terkait", "Related service or application"),
                    hint=(
                        "Nama layanan (Bagian B) atau aplikasi (Bagian C) yang terkait, jika ada.",
                        "Name of the related service (section B) or application (section C), if "
                        "any.",
                    ),
                ),
                select_one(
                    "dimensi",
                    "kebutuhan_dimensi",
                    ("Dimensi smart city", "Smart city dimension"),
                    masterplan="dimensi",
                    required=True,
                ),
                select_one(
                    "elemen",
                    "kebutuhan_elemen",
                    ("Elemen smart city", "Smart city element"),
                    masterplan="elemen",
                    choice_filter="dimensi=${kebutuhan_dimensi}",
                    required=True,
                ),
                text(
                    "kebutuhan_penerima_manfaat",
                    ("Penerima manfaat", "Beneficiaries"),
                    required=True,
                    hint=(
                        "Contoh: pasien puskesmas; pelaku UMKM; pegawai Perangkat Daerah.",
                        "E.g. health centre patients; small businesses; agency staff.",
                    ),
                ),
                integer(
                    "kebutuhan_jumlah_penerima",
                    ("Perkiraan jumlah penerima manfaat", "Estimated number of beneficiaries"),
                    **NON_NEGATIVE,
                ),
                text(
                    "kebutuhan_output",
                    ("Keluaran (output) yang diharapkan", "Expected output"),
                    masterplan="output",
                    required=True,
                ),
                text(
                    "kebutuhan_indikator",
                    ("Indikator keberhasilan", "Success indicator"),
                    masterplan="indikator",
                    hint=(
                        "Contoh: waktu tunggu pendaftaran turun menjadi 15 menit.",
                        "E.g. registration waiting time falls to 15 minutes.",
                    ),
                ),
                text(
                    "kebutuhan_opd_terkait",
                    ("Perangkat Daerah atau instansi terkait", "Related agencies"),
                    masterplan="opd_terkait",
                    hint=("Pisahkan dengan koma.", "Separate with commas."),
                ),
                decimal(  # ODK's integer is 32-bit (max ~Rp2,1 miliar): money is decimal
                    "biaya",
                    ("Perkiraan biaya", "Estimated cost"),
                    masterplan="biaya",
                    hint=(
                        "Dalam Rupiah; kosongkan jika belum diketahui.",
                        "In rupiah; leave blank if unknown.",
                    ),
                    **NON_NEGATIVE,
                ),
                select_one(
                    "sumber_dana",
                    "kebutuhan_sumber_dana",
                    ("Usulan sumber dana", "Proposed funding source"),
                    masterplan="sumber_dana",
                ),
                select_one(
                    "jangka",
                    "kebutuhan_jangka",
                    ("Jangka waktu", "Time frame"),
                    required=True,
                    masterplan="jangka",
                ),
                integer(
                    "kebutuhan_tahun_mulai",
                    ("Tahun mulai", "Start year"),
                    required=True,
                    masterplan="tahun_mulai",
                    constraint=f". >= {TAHUN_MULAI_MIN} and . <= {TAHUN_MULAI_MAX}",
                    constraint_message=(
                        f"Tahun mulai antara {TAHUN_MULAI_MIN} dan {TAHUN_MULAI_MAX}.",
                        f"The start year is between {TAHUN_MULAI_MIN} and {TAHUN_MULAI_MAX}.",
                    ),
                ),
                integer(
                    "kebutuhan_prioritas",
                    ("Peringkat prioritas Perangkat Daerah", "Agency priority rank"),
                    masterplan="prioritas",
                    hint=(
                        "1 = paling prioritas; gunakan peringkat berbeda untuk setiap kebutuhan.",
                        "1 = highest priority; give each need a different rank.",
                    ),
                    required=True,
                    constraint=f". >= 1 and . <= {PRIORITAS_MAX}",
                    constraint_message=(
                        f"Isikan angka 1 sampai {PRIORITAS_MAX}.",
                        f"Enter a number from 1 to {PRIORITAS_MAX}.",
                    ),
                ),
                select_one(
                    "ya_tidak",
                    "kebutuhan_quick_win",
                    ("Diusulkan sebagai quick win?", "Proposed as a quick win?"),
                    masterplan="quick_win",
                    hint=(
                        "Quick win berdampak langsung bagi masyarakat dan dapat diselesaikan dalam "
                        "satu tahun anggaran.",
                        "A quick win benefits the public directly and can be delivered within one "
                        "fiscal year.",
                    ),
                    required=True,
                ),
                text(
                    "kebutuhan_alasan_quick_win",
                    (
                        "Capaian yang diharapkan dari quick win",
                        "Expected achievement of the quick win",
                    ),
                    relevant="${kebutuhan_quick_win} = 'ya'",
                    multiline=True,
                ),
                select_one(
                    "indikator_spbe",
                    "kebutuhan_indikator_spbe",
                    ("Indikator SPBE terkait", "Related SPBE indicator"),
                ),
                text(
                    "kebutuhan_rpjmd",
                    ("Keterkaitan dengan RPJMD/Renstra", "Link to the RPJMD/strategic plan"),
                    hint=(
                        "Sebutkan misi, sasaran, atau program RPJMD/Renstra yang didukung.",
                        "Name the RPJMD/strategic plan mission, goal or programme supported.",
                    ),
                    multiline=True,
                ),
                select_one(
                    "status_program",
                    "kebutuhan_status",
                    ("Status program", "Programme status"),
                    masterplan="status_program",
                    required=True,
                    default="usulan",
                    hint=(
                        "Perbarui setiap tahun: usulan, masuk RKPD, berjalan, selesai, atau batal.",
                        "Update it every year: proposed, in the RKPD, running, done or cancelled.",
                    ),
                ),
                text(
                    "kebutuhan_status_catatan",
                    ("Catatan status", "Status note"),
                    masterplan="catatan_status",
                    relevant="${kebutuhan_status} != 'usulan'",
                    hint=(
                        "Contoh: masuk RKPD 2026 melalui subkegiatan layanan informasi.",
                        "E.g. included in the 2026 RKPD under the information service activity.",
                    ),
                ),
                decimal(
                    "kebutuhan_realisasi",
                    ("Realisasi biaya sampai saat ini", "Cost realised so far"),
                    masterplan="realisasi",
                    relevant="${kebutuhan_status} = 'berjalan' or ${kebutuhan_status} = 'selesai'",
                    hint=("Dalam Rupiah.", "In rupiah."),
                    **NON_NEGATIVE,
                ),
            ],
        ),
        # A repeat cannot be required; the declaration in section K checks this count instead.
        calculate("jumlah_kebutuhan", "count(${kebutuhan})",
                  ("Jumlah kebutuhan yang diisi (dihitung)", "Needs entered (calculated)")),
    ],
)

PENUTUP: list[Row] = group(
    "penutup",
    ("K. Pernyataan dan Pengesahan", "K. Declaration and Sign-off"),
    [
        note(
            "pernyataan_kebenaran",
            (
                "Dengan ini saya menyatakan bahwa data dan informasi dalam kuesioner ini benar, "
                "lengkap, "
                "dan dapat dipertanggungjawabkan.",
                "I hereby declare that the data and information in this questionnaire are true, "
                "complete "
                "and accountable.",
            ),
        ),
        select_one(
            "setuju",
            "pernyataan_setuju",
            ("Persetujuan pernyataan", "Agreement to the declaration"),
            required=True,
            constraint="${jumlah_kebutuhan} >= 1",
            constraint_message=(
                "Isikan minimal satu kebutuhan pada Bagian J sebelum menyetujui.",
                "Enter at least one need in section J before agreeing.",
            ),
        ),
        text(
            "penandatangan_nama",
            ("Nama penandatangan", "Name of the signatory"),
            required=True,
            hint=("Biasanya Kepala Perangkat Daerah.", "Usually the head of the agency."),
        ),
        text(
            "penandatangan_jabatan",
            ("Jabatan penandatangan", "Position of the signatory"),
            required=True,
        ),
        text(
            "penandatangan_nip", ("NIP penandatangan", "NIP of the signatory"), required=True, **NIP
        ),
        text(
            "tempat_pengisian",
            ("Tempat", "Place"),
            required=True,
            hint=("Contoh: Masamba.", "E.g. Masamba."),
        ),
        date(
            "tanggal_pengisian",
            ("Tanggal", "Date"),
            required=True,
            constraint=". <= today()",
            constraint_message=(
                "Tanggal tidak boleh melewati hari ini.",
                "The date cannot be in the future.",
            ),
        ),
    ],
)
