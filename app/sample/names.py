"""Plausible Indonesian names for generated submissions: people, services, applications, needs;
and repeat row ids as the browser makes them."""

import random
import uuid

FIRST_NAMES = (
    "Andi", "Muhammad", "Sitti", "Nurhayati", "Ahmad", "Hasmawati", "Rahmat", "Irwan",
    "Fitriani", "Syamsul", "Hasanuddin", "Kartini", "Arifin", "Darmawati", "Basri", "Suardi",
    "Nurul", "Akbar", "Rosmiati", "Hendra",
)  # fmt: skip
LAST_NAMES = (
    "Baso", "Rizal", "Aminah", "Fauzi", "Amir", "Patongai", "Lamba", "Mappanyukki", "Djemma",
    "Sanusi", "Hamzah", "Tahir", "Ramli", "Latif", "Makkasau", "Saleh",
)  # fmt: skip
TITLES = ("S.Kom.", "S.E.", "S.STP., M.Si.", "S.T.", "S.Sos.", "S.KM., M.Kes.", "S.H.")
POSITIONS = (
    "Sekretaris", "Kepala Subbagian Perencanaan dan Keuangan", "Kepala Bidang Pelayanan",
    "Kepala Subbagian Umum dan Kepegawaian", "Analis Kebijakan Ahli Muda",
)  # fmt: skip
PROVIDERS = ("Telkom Indonesia (IndiHome)", "Lintasarta", "Icon+ PLN", "Biznet", "Telkomsel")
PLACES = ("Masamba", "Bone-Bone", "Sabbang", "Baebunta", "Malangke", "Sukamaju")

SERVICES = (
    "Pelayanan Perizinan Berusaha", "Pengaduan Masyarakat", "Penerbitan Kartu Keluarga",
    "Pendaftaran Pasien Puskesmas", "Penerbitan Rekomendasi Teknis", "Penyaluran Bantuan Sosial",
    "Perpustakaan Keliling", "Pengujian Kendaraan Bermotor", "Pengangkutan Sampah Rumah Tangga",
    "Informasi Harga Pangan", "Penerbitan Surat Keterangan", "Layanan Kenaikan Pangkat",
    "Penyusunan Rencana Kerja", "Pelayanan Akta Kelahiran", "Penyuluhan Pertanian",
    "Pendaftaran Sekolah", "Layanan Informasi Publik (PPID)", "Pemeriksaan Kualitas Air",
    "Penanganan Kebakaran", "Pemberian Beasiswa Daerah", "Pendataan Keluarga Miskin",
    "Pelayanan Administrasi Kependudukan Keliling", "Pembinaan UMKM", "Layanan Kearsipan",
)  # fmt: skip
APPLICATIONS = (
    ("SIPD", "Perencanaan dan penganggaran daerah", "https://sipd.kemendagri.go.id"),
    ("SRIKANDI", "Kearsipan dinamis terintegrasi", "https://srikandi.arsip.go.id"),
    ("SIMPUS", "Rekam medis dan antrean puskesmas", ""),
    ("E-Kinerja", "Penilaian kinerja pegawai", "https://ekinerja.luwuutarakab.go.id"),
    ("SP4N-LAPOR!", "Pengaduan pelayanan publik", "https://www.lapor.go.id"),
    ("Situs Web Perangkat Daerah", "Informasi dan berita kegiatan", ""),
    ("SIMPEG", "Data kepegawaian", ""),
    ("Sistem Informasi Desa", "Profil dan administrasi desa", ""),
    ("SIMDA BMD", "Penatausahaan barang milik daerah", ""),
    ("JDIH", "Dokumentasi produk hukum daerah", "https://jdih.luwuutarakab.go.id"),
    ("Aplikasi Antrean Daring", "Antrean layanan tatap muka", ""),
    ("Dasbor Data Sektoral", "Visualisasi data sektoral", ""),
)  # fmt: skip
DATASETS = (
    "Data Penduduk per Desa", "Data Fasilitas Kesehatan", "Data Jalan dan Jembatan",
    "Data Harga Komoditas Pangan", "Data Satuan Pendidikan", "Data Pelaku UMKM",
    "Data Titik Rawan Bencana", "Data Penerima Bantuan Sosial", "Data Kunjungan Wisata",
    "Data Produksi Padi", "Data Pegawai ASN", "Data Timbulan Sampah", "Data Izin Usaha",
    "Data Koleksi Perpustakaan", "Data Kejadian Kebakaran",
)  # fmt: skip
AGENCIES = ("Badan Pusat Statistik", "Kementerian Dalam Negeri", "Dinas Kesehatan Provinsi",
            "Dinas Kependudukan dan Pencatatan Sipil", "Bapperida")

# element -> (program name, problem, output, indicator); two per element of domain.md §2.
NEEDS = {
    "layanan_publik": (
        ("Mal Pelayanan Publik Digital", "Warga harus datang berkali-kali untuk mengurus izin",
         "Portal layanan terpadu", "Waktu penyelesaian izin turun 50%"),
        ("Antrean Daring Layanan Tatap Muka", "Antrean di loket mencapai dua jam setiap pagi",
         "Aplikasi antrean daring", "Waktu tunggu rata-rata di bawah 20 menit"),
    ),
    "birokrasi": (
        ("Tanda Tangan Elektronik Pejabat", "Naskah dinas menunggu pimpinan yang sedang dinas luar",
         "Sertifikat elektronik untuk pejabat", "90% naskah dinas ditandatangani elektronik"),
        ("Integrasi Data Kepegawaian", "Data pegawai berbeda di setiap aplikasi",
         "Basis data kepegawaian tunggal", "Satu sumber data untuk seluruh aplikasi"),
    ),
    "kebijakan": (
        ("Satu Data Kabupaten", "Data sektoral sulit ditemukan saat menyusun kebijakan",
         "Portal Satu Data", "100 dataset prioritas terbit"),
        ("Dasbor Eksekutif Pimpinan", "Pimpinan tidak memiliki gambaran kinerja terkini",
         "Dasbor kinerja daerah", "Rapat pimpinan memakai dasbor setiap bulan"),
    ),
    "pariwisata": (
        ("Promosi Wisata Digital", "Destinasi wisata kurang dikenal di luar daerah",
         "Kanal promosi wisata terpadu", "Kunjungan wisatawan naik 20%"),
        ("Sistem Informasi Desa Wisata", "Informasi paket wisata desa tersebar",
         "Katalog desa wisata daring", "15 desa wisata terdaftar"),
    ),
    "bisnis": (
        ("Katalog Produk Unggulan Daerah", "Produk UMKM sulit menjangkau pembeli baru",
         "Lokapasar produk unggulan", "500 UMKM memasarkan produk secara daring"),
        ("Layanan Investasi Terpadu", "Calon investor kesulitan memperoleh peta peluang",
         "Peta peluang investasi daring", "10 proyek investasi ditawarkan"),
    ),
    "wajah_kota": (
        ("Penataan Ruang Publik Cerdas", "Taman kota kurang terawat dan gelap",
         "Taman dengan penerangan dan Wi-Fi publik", "5 taman tertata"),
        ("Papan Informasi Digital Kota", "Informasi publik di ruang kota tidak mutakhir",
         "Papan informasi digital", "10 titik papan informasi"),
    ),
    "industri": (
        ("Pendampingan Digitalisasi UMKM", "UMKM belum memakai pembukuan digital",
         "Pelatihan dan pendampingan", "300 UMKM memakai aplikasi kasir"),
        ("Sistem Informasi Hilirisasi Kakao", "Petani kakao menjual biji tanpa olahan",
         "Data rantai pasok kakao", "Nilai tambah kakao naik 15%"),
    ),
    "kesejahteraan": (
        ("Basis Data Terpadu Kesejahteraan", "Bantuan sosial tidak tepat sasaran",
         "Data penerima bantuan yang mutakhir", "Kesalahan sasaran turun 30%"),
        ("Bursa Kerja Daring", "Pencari kerja tidak mengetahui lowongan",
         "Portal lowongan kerja daerah", "1.000 pencari kerja terdaftar"),
    ),
    "transaksi_keuangan": (
        ("Pembayaran Pajak Daerah Nontunai", "Wajib pajak harus datang ke kantor untuk membayar",
         "Kanal pembayaran QRIS dan bank", "80% pajak daerah dibayar nontunai"),
        ("Retribusi Pasar Elektronik", "Setoran retribusi pasar rawan kebocoran",
         "Kartu retribusi elektronik", "Penerimaan retribusi naik 25%"),
    ),
    "tata_ruang": (
        ("Sistem Informasi Tata Ruang", "Masyarakat sulit memeriksa kesesuaian lahan",
         "Peta rencana tata ruang daring", "Layanan informasi tata ruang tersedia daring"),
        ("Pemantauan Banjir Berbasis Sensor", "Banjir di Masamba datang tanpa peringatan",
         "Sensor ketinggian air sungai", "Peringatan dini 3 jam sebelum banjir"),
    ),
    "kesehatan": (
        ("Rekam Medis Elektronik Puskesmas", "Berkas pasien sering hilang dan dicari manual",
         "Rekam medis elektronik di 20 puskesmas", "Semua puskesmas memakai rekam medis"),
        ("Telekonsultasi Dokter Spesialis", "Pasien di Seko dan Rampi jauh dari dokter spesialis",
         "Layanan telekonsultasi RSUD", "200 konsultasi jarak jauh per tahun"),
    ),
    "transportasi": (
        ("Informasi Angkutan Pedesaan", "Jadwal angkutan pedesaan tidak pasti",
         "Informasi jadwal dan rute daring", "Jadwal 12 trayek tersedia daring"),
        ("Penerangan Jalan Umum Cerdas", "Lampu jalan padam berhari-hari tanpa laporan",
         "PJU dengan pemantauan jarak jauh", "Waktu perbaikan PJU di bawah 2 hari"),
    ),
    "komunitas": (
        ("Aplikasi Aspirasi Warga", "Usulan warga dalam musrenbang tidak terlacak",
         "Kanal aspirasi dan pelacakan usulan", "Seluruh usulan musrenbang terlacak"),
        ("Desa Cerdas", "Perangkat desa belum memakai layanan digital",
         "Pendampingan desa digital", "30 desa memakai layanan administrasi daring"),
    ),
    "ekosistem_belajar": (
        ("Perpustakaan Digital Daerah", "Koleksi perpustakaan sulit diakses dari kecamatan",
         "Aplikasi perpustakaan digital", "5.000 anggota aktif"),
        ("Literasi Digital Pelajar", "Pelajar rentan terhadap hoaks dan perundungan daring",
         "Kelas literasi digital di sekolah", "50 sekolah mengikuti kelas"),
    ),
    "sistem_keamanan": (
        ("Layanan Kegawatdaruratan 112", "Warga tidak tahu nomor darurat yang harus dihubungi",
         "Pusat panggilan darurat 112", "Respons darurat di bawah 15 menit"),
        ("CCTV Titik Rawan", "Kejadian di persimpangan ramai tidak terpantau",
         "CCTV terhubung ke ruang kendali", "40 titik terpantau"),
    ),
    "proteksi_lingkungan": (
        ("Pemantauan Kualitas Udara dan Air", "Pencemaran sungai baru diketahui setelah dikeluhkan",
         "Stasiun pemantau kualitas air", "Data kualitas air harian terbit"),
        ("Peta Rawan Bencana Daring", "Informasi daerah rawan longsor tidak mudah diakses",
         "Peta rawan bencana interaktif", "Peta dipakai di 15 kecamatan"),
    ),
    "sampah_limbah": (
        ("Bank Sampah Digital", "Sampah rumah tangga tidak terpilah",
         "Aplikasi bank sampah", "Sampah terpilah naik 20%"),
        ("Pelacakan Armada Sampah", "Jadwal pengangkutan sampah tidak teratur",
         "GPS pada truk sampah", "Ketepatan jadwal angkut 90%"),
    ),
    "energi": (
        ("Penerangan Tenaga Surya Desa Terpencil", "Desa di Seko belum teraliri listrik PLN",
         "PLTS komunal", "10 desa teraliri listrik"),
        ("Efisiensi Energi Kantor Pemerintah", "Tagihan listrik kantor pemerintah terus naik",
         "Audit dan sensor energi", "Konsumsi listrik turun 15%"),
    ),
}
# Strings that must stay inert in every export and page (formula and HTML injection).
HOSTILE = (
    "=1+2", '=HYPERLINK("http://x","y")', "+1", "-1+1", "@SUM(A1)", "\t=1+2", "\r=1+2",
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
)  # fmt: skip


def row_id(rng: random.Random) -> str:
    """A repeat row id as the browser makes it (uuid4 hex), from the generator's stream."""
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex
