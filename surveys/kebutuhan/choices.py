"""Choice lists of the questionnaire and the rows of the `choices` sheet."""

from .rows import EN, ID, Row
from .rujukan import DIMENSI, ELEMEN, INDIKATOR_SPBE, SEKTOR_LAYANAN, URUSAN, Choice

# Extra columns of the choices sheet that a choice_filter can test.
FILTER_COLUMNS: tuple[str, ...] = ("dimensi", "jenis_layanan")
# `kerangka` binds a choice to a framework node (FRAMEWORK:NODE, surveys/README.md): the
# dimensions and elements are Kominfo 2021's, the SPBE indicators PermenPANRB 59/2020's.
CHOICE_COLUMNS: tuple[str, ...] = ("list_name", "name", f"label::{ID}", f"label::{EN}",
                                   "kerangka")
SMART_CITY = "GMSC-2021"
SPBE = "SPBE-59-2020"

YA_TIDAK: list[Choice] = [("ya", "Ya", "Yes"), ("tidak", "Tidak", "No")]

SKALA: list[Choice] = [
    ("1", "1 – Sangat kurang", "1 – Very poor"),
    ("2", "2 – Kurang", "2 – Poor"),
    ("3", "3 – Cukup", "3 – Fair"),
    ("4", "4 – Baik", "4 – Good"),
    ("5", "5 – Sangat baik", "5 – Very good"),
]

# Functional maturity ladder of SPBE services (domain §6.4), 0 = no electronic service yet.
TINGKAT_LAYANAN: list[Choice] = [
    ("0", "0 – Belum ada layanan elektronik", "0 – No electronic service yet"),
    ("1", "1 – Informasi (penyampaian informasi satu arah)", "1 – Information (one-way)"),
    ("2", "2 – Interaksi (unduh/unggah, tanya jawab)", "2 – Interaction (download/upload, Q&A)"),
    ("3", "3 – Transaksi (pengajuan diproses secara elektronik)", "3 – Transaction"),
    ("4", "4 – Kolaborasi (terintegrasi dengan layanan lain)", "4 – Collaboration (integrated)"),
    ("5", "5 – Optimalisasi (terus disesuaikan dengan kebutuhan)", "5 – Optimisation"),
]

SUMBER_DANA: list[Choice] = [
    ("pad", "Pendapatan Asli Daerah (PAD)", "Own-source revenue (PAD)"),
    ("dau", "Dana Alokasi Umum (DAU)", "General allocation fund (DAU)"),
    ("dak", "Dana Alokasi Khusus (DAK)", "Special allocation fund (DAK)"),
    ("dbh", "Dana Bagi Hasil (DBH)", "Revenue-sharing fund (DBH)"),
    ("apbd_provinsi", "Bantuan keuangan APBD Provinsi", "Provincial budget assistance"),
    ("apbn", "APBN (kementerian/lembaga)", "State budget (ministries/agencies)"),
    ("dana_desa", "Dana Desa", "Village fund"),
    ("csr", "CSR/swasta", "CSR/private sector"),
    ("kpbu", "Kerja Sama Pemerintah dan Badan Usaha (KPBU)", "Public-private partnership (KPBU)"),
]

LISTS: dict[str, list[Choice]] = {
    "ya_tidak": YA_TIDAK,
    "ya_tidak_tahu": [*YA_TIDAK, ("tidak_tahu", "Tidak tahu", "Don't know")],
    "setuju": [("setuju", "Saya setuju", "I agree")],
    "urusan": URUSAN,
    "jenis_layanan": [
        ("publik", "Layanan publik", "Public service"),
        ("administrasi", "Layanan administrasi pemerintahan (internal)", "Internal administration"),
    ],
    "sektor_layanan": SEKTOR_LAYANAN,
    "sasaran_pengguna": [
        ("g2c", "G2C – Masyarakat/penduduk", "G2C – Citizens"),
        ("g2b", "G2B – Pelaku usaha", "G2B – Businesses"),
        ("g2g", "G2G – Instansi pemerintah/Perangkat Daerah lain", "G2G – Government agencies"),
        ("g2e", "G2E – Pegawai/ASN", "G2E – Employees"),
    ],
    "cara_penyelenggaraan": [
        ("manual", "Manual (tatap muka/berkas kertas)", "Manual (in person/paper)"),
        ("semi_elektronik", "Semi-elektronik (sebagian tahap daring)", "Partly electronic"),
        ("elektronik_penuh", "Elektronik penuh (seluruh tahap daring)", "Fully electronic"),
    ],
    "tingkat_layanan": TINGKAT_LAYANAN,
    "lingkup_wilayah": [
        ("kabupaten", "Seluruh kabupaten", "Whole regency"),
        ("kecamatan", "Kecamatan tertentu", "Certain districts"),
        ("desa", "Desa/kelurahan tertentu", "Certain villages"),
    ],
    "dimensi": DIMENSI,
    "jenis_aplikasi": [
        ("umum", "Aplikasi umum (dipakai bersama instansi lain)", "General (shared) application"),
        ("khusus", "Aplikasi khusus (hanya untuk Perangkat Daerah ini)", "Specific application"),
    ],
    "platform": [
        ("web_informasi", "Situs web informasi", "Information website"),
        ("aplikasi_web", "Aplikasi berbasis web", "Web application"),
        ("desktop", "Aplikasi desktop", "Desktop application"),
        ("android", "Aplikasi Android", "Android app"),
        ("ios", "Aplikasi iOS", "iOS app"),
    ],
    "pengembang": [
        ("swakelola", "Dikembangkan sendiri (swakelola)", "Built in-house"),
        ("pihak_ketiga", "Pihak ketiga/vendor", "Third party/vendor"),
        ("kementerian_lembaga", "Kementerian/lembaga (pusat)", "Central ministry/agency"),
        ("dinas_kominfo", "Dinas Kominfo daerah", "Regional communication office"),
    ],
    "status_aplikasi": [
        ("aktif", "Aktif digunakan", "In use"),
        ("tidak_aktif", "Tidak aktif", "Not in use"),
        ("dalam_pengembangan", "Dalam pengembangan", "Under development"),
    ],
    "lokasi_hosting": [
        ("server_opd", "Server milik Perangkat Daerah", "Agency's own server"),
        ("pusat_data_pemda", "Pusat data Pemerintah Daerah", "Regional government data centre"),
        ("pdn", "Pusat Data Nasional (PDN)", "National Data Centre (PDN)"),
        ("cloud_pihak_ketiga", "Cloud/server pihak ketiga", "Third-party cloud/server"),
        ("server_pusat", "Server kementerian/lembaga", "Central ministry/agency server"),
        ("belum_diketahui", "Belum diketahui", "Not known"),
    ],
    "sumber_dana_aplikasi": [
        ("apbd_kabupaten", "APBD kabupaten", "Regency budget"),
        ("apbd_provinsi", "APBD provinsi", "Provincial budget"),
        ("apbn_dak", "APBN/DAK", "State budget/DAK"),
        ("hibah", "Hibah", "Grant"),
        ("disediakan_pusat", "Disediakan pusat tanpa biaya daerah", "Provided free by the centre"),
        ("lainnya", "Lainnya", "Other"),
    ],
    "peran_data": [
        ("produsen", "Produsen data (menghasilkan data)", "Data producer"),
        ("pengguna", "Pengguna data (memakai data instansi lain)", "Data user"),
    ],
    "format_data": [
        ("basis_data", "Basis data dalam aplikasi", "Database in an application"),
        ("lembar_kerja", "Lembar kerja (Excel/CSV)", "Spreadsheet (Excel/CSV)"),
        ("dokumen_digital", "Dokumen digital (PDF/Word)", "Digital document (PDF/Word)"),
        ("spasial", "Data spasial/peta", "Spatial data/map"),
        ("kertas", "Kertas/arsip fisik", "Paper records"),
    ],
    "frekuensi": [
        ("harian", "Harian", "Daily"),
        ("mingguan", "Mingguan", "Weekly"),
        ("bulanan", "Bulanan", "Monthly"),
        ("triwulanan", "Triwulanan", "Quarterly"),
        ("semesteran", "Semesteran", "Every six months"),
        ("tahunan", "Tahunan", "Yearly"),
        ("tidak_tentu", "Tidak tentu", "Irregular"),
    ],
    "cakupan": [
        ("semua", "Ada untuk semua layanan", "Available for all services"),
        ("sebagian", "Ada untuk sebagian layanan", "Available for some services"),
        ("belum", "Belum ada", "Not yet available"),
    ],
    "pelatihan": [
        ("konten_website", "Pengelolaan konten situs web", "Website content management"),
        ("pengembangan_aplikasi", "Pengembangan aplikasi", "Application development"),
        (
            "jaringan_server",
            "Administrasi jaringan dan server",
            "Network and server administration",
        ),
        ("keamanan_informasi", "Keamanan informasi", "Information security"),
        (
            "analisis_data",
            "Pengolahan dan analisis data/statistik",
            "Data and statistical analysis",
        ),
        ("sistem_informasi_geografis", "Sistem informasi geografis", "GIS"),
        ("pengadaan_elektronik", "Pengadaan secara elektronik (SPSE)", "E-procurement (SPSE)"),
        ("arsip_elektronik", "Kearsipan elektronik (SRIKANDI)", "Electronic records (SRIKANDI)"),
        ("literasi_digital", "Literasi digital", "Digital literacy"),
        ("lainnya", "Lainnya", "Other"),
        ("tidak_ada", "Tidak ada", "None"),
    ],
    "sumber_dana": SUMBER_DANA,
    "skala": SKALA,
    "jenis_solusi": [
        ("aplikasi_baru", "Aplikasi baru", "New application"),
        ("pengembangan_aplikasi", "Pengembangan aplikasi yang ada", "Improving an application"),
        ("integrasi", "Integrasi sistem/aplikasi", "System integration"),
        ("data", "Penyediaan/pengelolaan data", "Data provision/management"),
        ("infrastruktur", "Infrastruktur TIK", "ICT infrastructure"),
        ("sdm", "Peningkatan kapasitas SDM", "Human resource capacity"),
        ("regulasi", "Regulasi/kebijakan", "Regulation/policy"),
        ("non_tik", "Non-TIK", "Non-ICT"),
    ],
    "jangka": [
        ("pendek", "Jangka pendek (≤ 1 tahun)", "Short term (≤ 1 year)"),
        ("menengah", "Jangka menengah (≤ 5 tahun)", "Medium term (≤ 5 years)"),
        ("panjang", "Jangka panjang (≤ 10 tahun)", "Long term (≤ 10 years)"),
    ],
    # The programme's course through the years (monev): the OPD updates it in each new round.
    "status_program": [
        ("usulan", "Usulan", "Proposed"),
        ("masuk_rkpd", "Masuk RKPD", "In the annual plan (RKPD)"),
        ("berjalan", "Berjalan", "Running"),
        ("selesai", "Selesai", "Done"),
        ("batal", "Batal", "Cancelled"),
    ],
}


def _row(list_name: str, choice: Choice, **filters: str) -> Row:
    name, label_id, label_en = choice
    return {
        "list_name": list_name,
        "name": name,
        f"label::{ID}": label_id,
        f"label::{EN}": label_en,
        **filters,
    }


def _bound(framework: str, choice: Choice) -> str:
    return f"{framework}:{choice[0]}"


def choice_rows() -> list[Row]:
    """Return every row of the choices sheet, lists in a fixed order."""
    rows = [
        _row(list_name, choice, kerangka=_bound(SMART_CITY, choice) if list_name == "dimensi"
             else "")
        for list_name, items in LISTS.items()
        for choice in items
    ]
    rows += [
        _row("elemen", choice, dimensi=dimensi, kerangka=_bound(SMART_CITY, choice))
        for dimensi, choice in ELEMEN
    ]
    rows += [
        _row("indikator_spbe", choice, jenis_layanan=jenis,
             kerangka=_bound(SPBE, choice) if choice[0].isdigit() else "")
        for jenis, choice in INDIKATOR_SPBE
    ]
    return [{key: value for key, value in row.items() if value} for row in rows]
