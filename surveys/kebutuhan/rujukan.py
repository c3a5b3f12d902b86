"""Reference taxonomies: smart city dimensions and elements, SPBE service indicators, urusan.

Sources are summarised in the project domain brief: §2 (dimensions), §6.3 (indicators
32–47), §7 (urusan).
"""

Choice = tuple[str, str, str]
"""A choice: (name, label in Bahasa Indonesia, label in English)."""

# Kominfo keeps the dimension names in English in Indonesian documents as well (domain §2).
DIMENSI: list[Choice] = [
    ("governance", "Smart Governance", "Smart Governance"),
    ("branding", "Smart Branding", "Smart Branding"),
    ("economy", "Smart Economy", "Smart Economy"),
    ("living", "Smart Living", "Smart Living"),
    ("society", "Smart Society", "Smart Society"),
    ("environment", "Smart Environment", "Smart Environment"),
]

# (dimension, element); the dimension becomes the `dimensi` filter column of the `elemen` list.
ELEMEN: list[tuple[str, Choice]] = [
    ("governance", ("layanan_publik", "Layanan Publik", "Public Service")),
    ("governance", ("birokrasi", "Birokrasi", "Bureaucracy")),
    ("governance", ("kebijakan", "Kebijakan Publik", "Public Policy")),
    ("branding", ("pariwisata", "Branding Pariwisata", "Tourism Branding")),
    ("branding", ("bisnis", "Branding Bisnis", "Business Branding")),
    ("branding", ("wajah_kota", "Branding Wajah Kota", "City Appearance Branding")),
    ("economy", ("industri", "Ekosistem Industri", "Industry")),
    ("economy", ("kesejahteraan", "Kesejahteraan Masyarakat", "Welfare")),
    ("economy", ("transaksi_keuangan", "Ekosistem Transaksi Keuangan", "Financial Transaction")),
    ("living", ("tata_ruang", "Harmonisasi Tata Ruang Wilayah", "Harmony")),
    ("living", ("kesehatan", "Kesehatan", "Health")),
    ("living", ("transportasi", "Transportasi", "Mobility")),
    ("society", ("komunitas", "Komunitas Masyarakat", "Community")),
    ("society", ("ekosistem_belajar", "Ekosistem Belajar", "Learning")),
    ("society", ("sistem_keamanan", "Sistem Keamanan", "Security")),
    ("environment", ("proteksi_lingkungan", "Proteksi Lingkungan", "Protection")),
    ("environment", ("sampah_limbah", "Tata Kelola Sampah dan Limbah", "Waste")),
    ("environment", ("energi", "Tata Kelola Energi", "Energy")),
]

# SPBE service indicators (PermenPANRB 59/2020): 32–41 administrasi, 42–47 layanan publik.
# (jenis_layanan filter value, choice); "semua" rows are offered for both kinds of service.
INDIKATOR_SPBE: list[tuple[str, Choice]] = [
    ("administrasi", ("32", "32 – Layanan Perencanaan", "32 – Planning")),
    ("administrasi", ("33", "33 – Layanan Penganggaran", "33 – Budgeting")),
    ("administrasi", ("34", "34 – Layanan Keuangan", "34 – Finance")),
    ("administrasi", ("35", "35 – Layanan Pengadaan Barang dan Jasa", "35 – Procurement")),
    ("administrasi", ("36", "36 – Layanan Kepegawaian", "36 – Human Resources")),
    ("administrasi", ("37", "37 – Layanan Kearsipan", "37 – Records Management")),
    (
        "administrasi",
        ("38", "38 – Layanan Pengelolaan Barang Milik Daerah", "38 – Regional Asset Management"),
    ),
    ("administrasi", ("39", "39 – Layanan Pengawasan Internal", "39 – Internal Audit")),
    (
        "administrasi",
        ("40", "40 – Layanan Akuntabilitas Kinerja", "40 – Performance Accountability"),
    ),
    ("administrasi", ("41", "41 – Layanan Kinerja Pegawai", "41 – Employee Performance")),
    ("publik", ("42", "42 – Layanan Pengaduan Pelayanan Publik", "42 – Public Complaints")),
    ("publik", ("43", "43 – Layanan Data Terbuka", "43 – Open Data")),
    (
        "publik",
        (
            "44",
            "44 – Layanan Jaringan Dokumentasi dan Informasi Hukum (JDIH)",
            "44 – Legal Documentation and Information Network (JDIH)",
        ),
    ),
    ("publik", ("45", "45 – Layanan Publik Sektor 1", "45 – Sector Public Service 1")),
    ("publik", ("46", "46 – Layanan Publik Sektor 2", "46 – Sector Public Service 2")),
    ("publik", ("47", "47 – Layanan Publik Sektor 3", "47 – Sector Public Service 3")),
    ("semua", ("lainnya", "Indikator SPBE lainnya (1–31)", "Another SPBE indicator (1–31)")),
    ("semua", ("tidak_ada", "Tidak ada/belum diketahui", "None/not known yet")),
]

# Urusan pemerintahan of a kabupaten (UU 23/2014) plus the supporting functions held by
# Sekretariat, Badan, Inspektorat and Kecamatan, which otherwise could not answer.
URUSAN: list[Choice] = [
    ("pendidikan", "Pendidikan", "Education"),
    ("kesehatan", "Kesehatan", "Health"),
    ("pekerjaan_umum", "Pekerjaan umum dan penataan ruang", "Public works and spatial planning"),
    ("perumahan", "Perumahan rakyat dan kawasan permukiman", "Housing and settlement areas"),
    (
        "trantibum_linmas",
        "Ketenteraman, ketertiban umum, dan pelindungan masyarakat",
        "Public order and community protection",
    ),
    ("sosial", "Sosial", "Social affairs"),
    ("tenaga_kerja", "Tenaga kerja", "Manpower"),
    (
        "pemberdayaan_perempuan",
        "Pemberdayaan perempuan dan pelindungan anak",
        "Women's empowerment and child protection",
    ),
    ("pangan", "Pangan", "Food"),
    ("pertanahan", "Pertanahan", "Land affairs"),
    ("lingkungan_hidup", "Lingkungan hidup", "Environment"),
    (
        "adminduk_capil",
        "Administrasi kependudukan dan pencatatan sipil",
        "Population administration and civil registration",
    ),
    ("pemberdayaan_desa", "Pemberdayaan masyarakat dan desa", "Community and village empowerment"),
    (
        "pengendalian_penduduk",
        "Pengendalian penduduk dan keluarga berencana",
        "Population control and family planning",
    ),
    ("perhubungan", "Perhubungan", "Transportation"),
    ("kominfo", "Komunikasi dan informatika", "Communication and informatics"),
    ("koperasi_ukm", "Koperasi, usaha kecil, dan menengah", "Cooperatives and SMEs"),
    ("penanaman_modal", "Penanaman modal", "Investment"),
    ("kepemudaan_olahraga", "Kepemudaan dan olahraga", "Youth and sports"),
    ("statistik", "Statistik", "Statistics"),
    ("persandian", "Persandian", "Cryptography"),
    ("kebudayaan", "Kebudayaan", "Culture"),
    ("perpustakaan", "Perpustakaan", "Libraries"),
    ("kearsipan", "Kearsipan", "Archives"),
    ("kelautan_perikanan", "Kelautan dan perikanan", "Marine affairs and fisheries"),
    ("pariwisata", "Pariwisata", "Tourism"),
    ("pertanian", "Pertanian", "Agriculture"),
    ("perdagangan", "Perdagangan", "Trade"),
    ("perindustrian", "Perindustrian", "Industry"),
    ("transmigrasi", "Transmigrasi", "Transmigration"),
    ("pemerintahan_umum", "Pemerintahan umum", "General government affairs"),
    ("penunjang_perencanaan", "Penunjang: perencanaan", "Support: planning"),
    ("penunjang_keuangan", "Penunjang: keuangan", "Support: finance"),
    ("penunjang_kepegawaian", "Penunjang: kepegawaian", "Support: personnel"),
    (
        "penunjang_litbang",
        "Penunjang: penelitian dan pengembangan",
        "Support: research and development",
    ),
    ("pengawasan", "Pengawasan internal (Inspektorat)", "Internal oversight (Inspectorate)"),
    ("kesekretariatan", "Kesekretariatan (Setda/Sekretariat DPRD)", "Secretariat functions"),
    ("kewilayahan", "Kewilayahan (kecamatan)", "Territorial administration (district)"),
]

# Public service sectors of UU 25/2009 Pasal 5.
SEKTOR_LAYANAN: list[Choice] = [
    ("pendidikan", "Pendidikan", "Education"),
    ("pengajaran", "Pengajaran", "Teaching"),
    ("pekerjaan_usaha", "Pekerjaan dan usaha", "Employment and business"),
    ("tempat_tinggal", "Tempat tinggal", "Housing"),
    ("komunikasi_informasi", "Komunikasi dan informasi", "Communication and information"),
    ("lingkungan_hidup", "Lingkungan hidup", "Environment"),
    ("kesehatan", "Kesehatan", "Health"),
    ("jaminan_sosial", "Jaminan sosial", "Social security"),
    ("energi", "Energi", "Energy"),
    ("perbankan", "Perbankan", "Banking"),
    ("perhubungan", "Perhubungan", "Transportation"),
    ("sumber_daya_alam", "Sumber daya alam", "Natural resources"),
    ("pariwisata", "Pariwisata", "Tourism"),
    ("lainnya", "Sektor lain yang terkait", "Other related sector"),
]
