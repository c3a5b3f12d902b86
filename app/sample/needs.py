"""One generated row of the needs repeat: a program of the master plan."""

from __future__ import annotations

import random
from typing import Protocol

from app.questionnaires.schema import Questionnaire

from . import names


class Faker(Protocol):
    """What a need row is drawn from (app.sample.answers.AnswerFaker)."""

    rng: random.Random
    q: Questionnaire

    def codes(self, list_name: str) -> list[str]: ...

    def pick(self, list_name: str) -> str: ...

# Cost bands in millions of rupiah, by term: quick, medium and long programs.
COST_MILLIONS = {"pendek": (25, 500), "menengah": (150, 3_000), "panjang": (1_000, 25_000)}
SOLUTIONS = ("aplikasi_baru", "pengembangan_aplikasi", "integrasi", "data", "infrastruktur",
             "sdm", "regulasi")
PRIORITY_MAX = 20


def need_row(faker: Faker, rank: int) -> dict:
    """A need with every required answer; the dimension follows from the element."""
    rng = faker.rng
    element = rng.choice(faker.codes("elemen"))
    dimension = next(c.filters.get("dimensi") for c in faker.q.choices("elemen")
                     if c.name == element)
    name, problem, output, indicator = rng.choice(names.NEEDS.get(element, _fallback()))
    term = faker.pick("jangka")
    low, high = COST_MILLIONS.get(term, (25, 1_000))
    row = {"_id": names.row_id(rng), "kebutuhan_permasalahan": problem, "nama_kebutuhan": name,
           "kebutuhan_jenis_solusi": rng.choice([s for s in SOLUTIONS
                                                 if s in faker.codes("jenis_solusi")]),
           "kebutuhan_dimensi": dimension, "kebutuhan_elemen": element,
           "kebutuhan_penerima_manfaat": rng.choice(("Masyarakat umum", "Pelaku UMKM",
                                                     "Pegawai Perangkat Daerah", "Pelajar")),
           "kebutuhan_jumlah_penerima": rng.randint(50, 300_000),
           "kebutuhan_output": output, "kebutuhan_indikator": indicator,
           "biaya": float(rng.randint(low, high) * 1_000_000),
           "kebutuhan_sumber_dana": faker.pick("sumber_dana"), "kebutuhan_jangka": term,
           "kebutuhan_tahun_mulai": rng.randint(2026, 2029),
           "kebutuhan_prioritas": min(rank, PRIORITY_MAX),
           "kebutuhan_quick_win": "ya" if term == "pendek" and rng.random() < 0.5 else "tidak",
           "kebutuhan_indikator_spbe": faker.pick("indikator_spbe"),
           "kebutuhan_rpjmd": "Misi 2: Mewujudkan tata kelola pemerintahan yang baik",
           "kebutuhan_status": "usulan"}
    if row["kebutuhan_jenis_solusi"] == "aplikasi_baru":
        row["kebutuhan_aplikasi_umum"] = faker.pick("ya_tidak_tahu")
    if row["kebutuhan_quick_win"] == "ya":
        row["kebutuhan_alasan_quick_win"] = "Dapat selesai dalam satu tahun anggaran"
    if rng.random() < 0.6:
        row["kebutuhan_opd_terkait"] = "Dinas Kominfo-SP, Bapperida"
    if rng.random() < 0.5:
        row["kebutuhan_penyebab_dampak"] = "Proses masih manual sehingga lambat dan rawan salah"
    return row


def _fallback() -> tuple:
    return next(iter(names.NEEDS.values()))
