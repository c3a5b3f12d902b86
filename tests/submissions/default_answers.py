"""A complete, valid answers document for the default questionnaire (tests and benchmark)."""

from __future__ import annotations

from pathlib import Path

DEFAULT_WORKBOOK = Path(__file__).resolve().parents[2] / "surveys" / "kebutuhan-smart-city.xlsx"
NIP = "198609262015051001"


def _layanan(n: int) -> dict:
    return {"_id": f"layanan{n}", "layanan_nama": f"Layanan perizinan {n}",
            "layanan_jenis": "publik", "layanan_sektor": "pekerjaan_usaha",
            "layanan_sasaran": ["g2c", "g2b"], "layanan_wilayah": "kabupaten",
            "layanan_cara": "semi_elektronik", "layanan_tingkat_kini": "2",
            "layanan_tingkat_target": "4", "layanan_aplikasi": "SiCantik",
            "layanan_volume": 1500 * n, "layanan_dimensi": "governance",
            "layanan_elemen": "layanan_publik"}


def _aplikasi(n: int) -> dict:
    return {"_id": f"aplikasi{n}", "aplikasi_nama": f"Aplikasi {n}",
            "aplikasi_url": "https://contoh.luwuutarakab.go.id",
            "aplikasi_fungsi": "Mengelola permohonan izin.\nBaris kedua.",
            "aplikasi_jenis": "khusus", "aplikasi_platform": ["aplikasi_web"],
            "aplikasi_pengembang": "pihak_ketiga", "aplikasi_status": "aktif",
            "aplikasi_tahun": 2019, "aplikasi_hosting": "pusat_data_pemda",
            "aplikasi_terintegrasi": "tidak", "aplikasi_sumber_dana": "apbd_kabupaten"}


def _dataset(n: int) -> dict:
    return {"_id": f"dataset{n}", "dataset_nama": f"Data perizinan {n}",
            "dataset_peran": "produsen", "dataset_format": "lembar_kerja",
            "dataset_frekuensi": "bulanan", "dataset_metadata": "ya", "dataset_portal": "tidak"}


def _kebutuhan(n: int) -> dict:
    return {"_id": f"kebutuhan{n}", "kebutuhan_permasalahan": "Antrean berkas masih manual.",
            "nama_kebutuhan": f"Aplikasi antrean daring {n}",
            "kebutuhan_jenis_solusi": "pengembangan_aplikasi", "kebutuhan_dimensi": "governance",
            "kebutuhan_elemen": "layanan_publik", "kebutuhan_penerima_manfaat": "Pemohon izin",
            "kebutuhan_jumlah_penerima": 2500, "kebutuhan_output": "Aplikasi antrean",
            "biaya": 250_000_000, "kebutuhan_sumber_dana": "dau", "kebutuhan_jangka": "pendek",
            "kebutuhan_tahun_mulai": 2026, "kebutuhan_prioritas": n, "kebutuhan_quick_win": "ya",
            "kebutuhan_alasan_quick_win": "Antrean berkurang separuh.",
            "kebutuhan_status": "usulan"}


def default_answers(rows: int = 2, today: str = "2026-11-27") -> dict:
    """Every required answer of the default questionnaire, with `rows` rows in each repeat."""
    scale = {name: "4" for name in (
        "kesiapan_struktur_jumlah_sdm", "kesiapan_struktur_kompetensi",
        "kesiapan_struktur_anggaran", "kesiapan_struktur_pimpinan", "kesiapan_infra_jaringan",
        "kesiapan_infra_perangkat", "kesiapan_infra_aplikasi", "kesiapan_infra_sarana",
        "kesiapan_supra_regulasi", "kesiapan_supra_kelembagaan", "kesiapan_supra_sop",
        "kesiapan_supra_standar")}
    return {
        "pj_nama": "Andi Baso, S.Kom.", "pj_jabatan": "Sekretaris", "pj_nip": NIP,
        "pj_telepon": "081234567890", "pj_email": "sekretariat@luwuutarakab.go.id",
        "urusan": ["pendidikan"],
        "layanan": [_layanan(n) for n in range(1, rows + 1)],
        "punya_aplikasi": "ya", "aplikasi": [_aplikasi(n) for n in range(1, rows + 1)],
        "dataset": [_dataset(n) for n in range(1, rows + 1)],
        "internet_bandwidth": 50.5, "internet_penyedia": "Telkom", "jaringan_intra": "ya",
        "jumlah_komputer": 25, "jumlah_server": 1, "jumlah_cctv": 4, "ruang_server": "tidak",
        "jumlah_pns": 30, "jumlah_pppk": 10, "jumlah_non_asn": 5, "jumlah_pengelola_tik": 3,
        "jf_pranata_komputer": 1, "jf_statistisi": 0, "jf_sandiman": 0, "jf_arsiparis": 1,
        "pelatihan_dibutuhkan": ["keamanan_informasi"],
        "anggaran_tik_berjalan": 150_000_000, "anggaran_tik_lalu": 120_000_000,
        "anggaran_sumber_dana": ["dau"], "regulasi_spbe": "tidak",
        "sop_layanan_digital": "sebagian", "tim_pengelola": "tidak", **scale,
        "kebutuhan": [_kebutuhan(n) for n in range(1, rows + 1)],
        "pernyataan_setuju": "setuju", "penandatangan_nama": "Ir. Baso Amir",
        "penandatangan_jabatan": "Kepala Dinas", "penandatangan_nip": NIP,
        "tempat_pengisian": "Masamba", "tanggal_pengisian": today,
    }
