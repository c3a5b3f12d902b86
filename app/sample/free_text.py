"""Distinct, realistic free text for the similarity benchmark and tests: need titles of one
dimension as many OPDs would write them, with their problem descriptions.

Titles are built from what OPDs actually ask for (an action, an object, a domain, a place or a
qualifier), so most are distinct but many share words; about one in six is a rewording of an
earlier one (another OPD asking for the same thing: words dropped or swapped, a typo, an
abbreviation), which is what the cross-OPD grouping has to find.
"""

from __future__ import annotations

import random

ACTIONS = ("Pengembangan", "Pembangunan", "Pengadaan", "Peningkatan", "Integrasi",
           "Digitalisasi", "Penyediaan", "Penguatan", "Pemeliharaan", "Optimalisasi",
           "Penerapan", "Modernisasi")
OBJECTS = ("Aplikasi", "Sistem Informasi", "Portal", "Dasbor", "Basis Data", "Jaringan",
           "Layanan Daring", "Pusat Data", "Kanal Pengaduan", "Sensor", "Kios Layanan",
           "Tanda Tangan Elektronik", "Aplikasi Seluler", "Peta Digital", "Server")
DOMAINS = ("Kepegawaian", "Keuangan Daerah", "Perizinan Berusaha", "Kesehatan Ibu dan Anak",
           "Pertanian Padi", "Perikanan Tangkap", "Pariwisata Desa", "Kependudukan",
           "Pendidikan Dasar", "Kebencanaan", "Pasar Rakyat", "Pajak Daerah", "Retribusi Parkir",
           "Perpustakaan", "Arsip Dinamis", "Bantuan Sosial", "Ketenagakerjaan", "Perhubungan",
           "Lingkungan Hidup", "Persampahan", "Air Minum", "Kehutanan", "Perkebunan Kakao",
           "Peternakan", "Koperasi dan UMKM", "Penanaman Modal", "Kearsipan", "Pengadaan Barang",
           "Aset Daerah", "Perencanaan Pembangunan", "Statistik Sektoral", "Hukum Daerah",
           "Kepemudaan", "Olahraga", "Kebudayaan", "Ketahanan Pangan", "Pemadam Kebakaran",
           "Satpol PP", "Kesehatan Hewan", "Gizi Buruk", "Stunting", "Imunisasi", "Rumah Sakit",
           "Puskesmas", "Posyandu", "Sekolah Menengah", "Beasiswa", "Jalan dan Jembatan",
           "Irigasi", "Perumahan Rakyat", "Tata Ruang", "Pertanahan", "Sengketa Lahan")
QUALIFIERS = ("Terpadu", "Berbasis Web", "Berbasis Android", "Terintegrasi", "Real Time",
              "untuk Masyarakat", "di Kecamatan", "Tingkat Desa", "Satu Pintu", "Nontunai",
              "Berbasis Peta", "untuk Pimpinan", "Terbuka", "Mandiri", "Keliling")
PLACES = ("Masamba", "Sabbang", "Baebunta", "Malangke", "Sukamaju", "Bone-Bone", "Seko",
          "Rampi", "Limbong", "Mappedeceng", "Rongkong", "Tana Lili", "Sukamaju Selatan",
          "Masamba Kota", "Baebunta Selatan")
CAUSES = ("Proses masih manual", "Data tersebar di beberapa aplikasi", "Berkas masih kertas",
          "Jaringan internet sering putus", "Petugas mencatat di buku lalu mengetik ulang",
          "Tidak ada tempat menyimpan data yang aman", "Aplikasi lama tidak dipelihara",
          "Informasi tidak sampai ke warga", "Laporan disusun ulang setiap bulan")
EFFECTS = ("sehingga layanan lambat", "sehingga data rawan salah",
           "sehingga warga datang berkali-kali",
           "sehingga pimpinan tidak memiliki gambaran terkini", "sehingga anggaran boros",
           "sehingga pengaduan tidak tertangani", "sehingga target kinerja tidak tercapai")
PEOPLE = ("pegawai", "warga", "pelaku usaha", "pasien", "siswa", "petani", "nelayan", "kader")
ABBREVIATIONS = {"Sistem Informasi": "SI", "Aplikasi": "Apl.", "Pengembangan": "Pengemb.",
                 "Kabupaten": "Kab.", "Pembangunan": "Pemb."}


def distinct_needs(count: int, *, seed: int = 13, reworded: float = 0.17) -> list[tuple[str, str]]:
    """`count` distinct (title, problem) pairs; a share of them reword an earlier title."""
    rng = random.Random(seed)
    seen: set[str] = set()
    needs: list[tuple[str, str]] = []
    while len(needs) < count:
        if needs and rng.random() < reworded:
            base, problem = rng.choice(needs)
            title = reword(base, rng)
        else:
            title, problem = _title(rng), ""
        if title.lower() not in seen:
            seen.add(title.lower())
            needs.append((title, problem or _problem(rng, title)))
    return needs


def _title(rng: random.Random) -> str:
    words = [rng.choice(ACTIONS), rng.choice(OBJECTS), rng.choice(DOMAINS)]
    tail = rng.random()
    if tail < 0.4:
        words.append(rng.choice(QUALIFIERS))
    elif tail < 0.75:
        words.append(f"Kecamatan {rng.choice(PLACES)}")
    elif tail < 0.9:
        words.append(f"Tahun {rng.randint(2026, 2031)}")
    return " ".join(words)


def reword(title: str, rng: random.Random) -> str:
    """Another OPD's wording of the same need: one small change."""
    words = title.split()
    change = rng.randrange(5)
    if change == 0 and len(words) > 3:
        words.pop(rng.randrange(1, len(words)))
    elif change == 1 and len(words) > 2:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    elif change == 2:
        i = rng.randrange(len(words))
        word = words[i]
        if len(word) > 4:
            k = rng.randrange(1, len(word) - 1)
            words[i] = word[:k] + word[k + 1:]  # a letter dropped
    elif change == 3:
        text = " ".join(words)
        for long, short in ABBREVIATIONS.items():
            text = text.replace(long, short, 1)
        return text + ("" if text != title else " Daerah")
    else:
        words.append(rng.choice(("Daerah", "Kabupaten", "Terpadu", "Baru")))
    return " ".join(words)


def _problem(rng: random.Random, title: str) -> str:
    """A problem statement about the title's domain (reworded needs keep their base's)."""
    subject = " ".join(title.split()[1:4]).lower()
    clauses = [f"{rng.choice(CAUSES).lower()} untuk {subject}",
               f"{rng.choice(EFFECTS).removeprefix('sehingga ')}",
               f"terjadi di {rng.choice(PLACES)} sejak {rng.randint(2015, 2025)}",
               f"{rng.randint(2, 900)} {rng.choice(PEOPLE)} terdampak"]
    rng.shuffle(clauses)
    return (", ".join(clauses[:rng.randint(2, 4)]) + ".").capitalize()
