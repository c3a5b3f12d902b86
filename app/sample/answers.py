"""Plausible answers to the default questionnaire (surveys/kebutuhan-smart-city.xlsx).

`plausible_answers` returns a raw answers document that validate_answers accepts in full
(every required answer, every constraint and relevance rule), so it can be submitted; it is
deterministic for a given random generator. Choice codes come from the questionnaire itself.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from app.questionnaires.schema import Questionnaire

from . import names
from .needs import need_row

HOSTILE_FIELDS = ("tugas_fungsi", "blank_spot", "regulasi_lainnya")  # free text, no constraint


@dataclass(frozen=True)
class Sizes:
    """How many rows each repeat gets."""

    layanan: int = 4
    aplikasi: int = 3
    dataset: int = 3
    kebutuhan: int = 4

    @classmethod
    def varied(cls, rng: random.Random) -> Sizes:
        """A typical OPD: a few rows of each repeat."""
        return cls(rng.randint(2, 6), rng.randint(0, 4), rng.randint(1, 4), rng.randint(1, 6))


def person(rng: random.Random) -> str:
    """A name with an academic title, e.g. 'Andi Baso, S.Kom.'."""
    first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
    return f"{first} {last}, {rng.choice(names.TITLES)}"


def nip(rng: random.Random) -> str:
    """An 18-digit NIP: birth date, appointment month, sex, sequence."""
    born = dt.date(rng.randint(1968, 1996), rng.randint(1, 12), rng.randint(1, 28))
    return f"{born:%Y%m%d}{rng.randint(2005, 2022)}{rng.randint(1, 12):02d}{rng.randint(1, 2)}" \
           f"{rng.randint(1, 30):03d}"


def phone(rng: random.Random) -> str:
    """A mobile number that starts with 0 (a leading zero the export must keep)."""
    return f"08{rng.choice('125')}{rng.randint(10**8, 10**9 - 1)}"


class AnswerFaker:
    """Builds answer documents for one questionnaire with one random generator."""

    def __init__(self, questionnaire: Questionnaire, rng: random.Random, today: dt.date):
        self.q = questionnaire
        self.rng = rng
        self.today = today

    def codes(self, list_name: str, **filters: str) -> list[str]:
        """Choice codes of a list, keeping those whose filter columns match."""
        return [c.name for c in self.q.choices(list_name)
                if all(c.filters.get(k) in v.split("|") for k, v in filters.items())]

    def pick(self, list_name: str, **filters: str) -> str:
        return self.rng.choice(self.codes(list_name, **filters))

    def some(self, list_name: str, most: int = 3, exclude: tuple[str, ...] = ()) -> list[str]:
        pool = [code for code in self.codes(list_name) if code not in exclude]
        return self.rng.sample(pool, self.rng.randint(1, min(most, len(pool))))

    def document(self, sizes: Sizes, hostile: bool | float = 0.1) -> dict:
        """A complete answers document; `hostile` = True puts every hostile string in."""
        doc = {**self.identity(), **self.resources(), **self.readiness(), **self.closing()}
        doc["layanan"] = [self.service() for _ in range(sizes.layanan)]
        doc["punya_aplikasi"] = "ya" if sizes.aplikasi else "tidak"
        if sizes.aplikasi:
            doc["aplikasi"] = [self.application() for _ in range(sizes.aplikasi)]
        doc["dataset"] = [self.dataset() for _ in range(sizes.dataset)]
        # at least one need: the declaration's constraint asks for one
        doc["kebutuhan"] = [need_row(self, rank) for rank in range(1, max(sizes.kebutuhan, 1) + 1)]
        if hostile is True:
            self.plant_every_hostile_string(doc)
        elif hostile and self.rng.random() < hostile:
            doc[self.rng.choice(HOSTILE_FIELDS)] = self.rng.choice(names.HOSTILE)
        return doc

    def identity(self) -> dict:
        rng = self.rng
        doc = {"pj_nama": person(rng), "pj_jabatan": rng.choice(names.POSITIONS),
               "pj_nip": nip(rng), "pj_telepon": phone(rng),
               "urusan": self.some("urusan", 2),
               "tugas_fungsi": "Melaksanakan urusan pemerintahan daerah sesuai tugas pokok."}
        if rng.random() < 0.7:
            doc["pj_email"] = f"{doc['pj_nama'].split()[0].lower()}@luwuutarakab.go.id"
        if rng.random() < 0.6:
            doc.update(teknis_nama=person(rng), teknis_nip=nip(rng), teknis_telepon=phone(rng))
        return doc

    def resources(self) -> dict:
        rng = self.rng
        pns, pppk, honor = rng.randint(15, 120), rng.randint(0, 30), rng.randint(0, 40)
        doc = {"internet_bandwidth": float(rng.choice((0, 20, 50, 100, 200))),
               "jaringan_intra": self.pick("ya_tidak"), "jumlah_komputer": rng.randint(5, 80),
               "jumlah_server": rng.randint(0, 3), "jumlah_cctv": rng.randint(0, 12),
               "ruang_server": self.pick("ya_tidak"), "jumlah_pns": pns, "jumlah_pppk": pppk,
               "jumlah_non_asn": honor, "jumlah_pengelola_tik": rng.randint(0, 4),
               "jf_pranata_komputer": rng.randint(0, 3), "jf_statistisi": rng.randint(0, 1),
               "jf_sandiman": rng.randint(0, 1), "jf_arsiparis": rng.randint(0, 2),
               "pelatihan_dibutuhkan": self.some("pelatihan", 3, exclude=("tidak_ada", "lainnya")),
               "anggaran_tik_berjalan": float(rng.randint(0, 40) * 25_000_000),
               "anggaran_tik_lalu": float(rng.randint(0, 40) * 25_000_000),
               "regulasi_spbe": self.pick("ya_tidak"),
               "sop_layanan_digital": self.pick("cakupan"), "tim_pengelola": self.pick("ya_tidak")}
        if doc["internet_bandwidth"] > 0:
            doc["internet_penyedia"] = rng.choice(names.PROVIDERS)
        if doc["anggaran_tik_berjalan"] > 0 or doc["anggaran_tik_lalu"] > 0:
            doc["anggaran_sumber_dana"] = self.some("sumber_dana", 2)
        if doc["regulasi_spbe"] == "ya":
            doc["regulasi_spbe_nomor"] = f"Peraturan Bupati Nomor {rng.randint(1, 60)} Tahun 2023"
        if doc["tim_pengelola"] == "ya":
            doc["tim_pengelola_dasar"] = f"SK Kepala Dinas Nomor {rng.randint(10, 400)}/2024"
        return doc

    def readiness(self) -> dict:
        items = [ref.question.name for ref in self.q.fields()
                 if ref.question.name.startswith("kesiapan_") and ref.question.list_name]
        return {name: self.pick("skala") for name in items}

    def closing(self) -> dict:
        days = self.rng.randint(0, 60)
        return {"pernyataan_setuju": "setuju", "penandatangan_nama": person(self.rng),
                "penandatangan_jabatan": "Kepala Dinas", "penandatangan_nip": nip(self.rng),
                "tempat_pengisian": self.rng.choice(names.PLACES),
                "tanggal_pengisian": (self.today - dt.timedelta(days=days)).isoformat()}

    def service(self) -> dict:
        rng = self.rng
        kind = self.pick("jenis_layanan")
        row = {"_id": names.row_id(rng), "layanan_nama": rng.choice(names.SERVICES),
               "layanan_jenis": kind, "layanan_sasaran": self.some("sasaran_pengguna", 2),
               "layanan_wilayah": self.pick("lingkup_wilayah"),
               "layanan_cara": self.pick("cara_penyelenggaraan"),
               "layanan_volume": rng.randint(50, 20_000),
               "layanan_indikator_spbe": self.pick("indikator_spbe", jenis_layanan=f"{kind}|semua"),
               "layanan_dimensi": self.pick("dimensi")}
        row["layanan_elemen"] = self.pick("elemen", dimensi=row["layanan_dimensi"])
        if kind == "publik":
            row["layanan_sektor"] = self.pick("sektor_layanan")
        now = 0
        if row["layanan_cara"] != "manual":
            now = rng.randint(1, 3)
            row["layanan_tingkat_kini"] = str(now)
            row["layanan_aplikasi"] = rng.choice(names.APPLICATIONS)[0]
        row["layanan_tingkat_target"] = str(rng.randint(max(now, 1), 5))
        return row

    def application(self) -> dict:
        rng = self.rng
        name, purpose, url = rng.choice(names.APPLICATIONS)
        row = {"_id": names.row_id(rng), "aplikasi_nama": name, "aplikasi_fungsi": purpose,
               "aplikasi_jenis": self.pick("jenis_aplikasi"),
               "aplikasi_platform": self.some("platform", 2),
               "aplikasi_pengembang": self.pick("pengembang"),
               "aplikasi_status": self.pick("status_aplikasi"),
               "aplikasi_tahun": rng.randint(2012, 2025),
               "aplikasi_terintegrasi": self.pick("ya_tidak"),
               "aplikasi_sumber_dana": self.pick("sumber_dana_aplikasi")}
        if url:
            row["aplikasi_url"] = url
        if row["aplikasi_status"] != "dalam_pengembangan":
            row["aplikasi_hosting"] = self.pick("lokasi_hosting")
        if row["aplikasi_terintegrasi"] == "ya":
            row["aplikasi_integrasi_dengan"] = rng.choice(names.APPLICATIONS)[0]
        return row

    def dataset(self) -> dict:
        rng = self.rng
        row = {"_id": names.row_id(rng), "dataset_nama": rng.choice(names.DATASETS),
               "dataset_peran": self.pick("peran_data"), "dataset_format": self.pick("format_data"),
               "dataset_frekuensi": self.pick("frekuensi"),
               "dataset_metadata": self.pick("ya_tidak")}
        if row["dataset_peran"] == "pengguna":
            row["dataset_sumber"] = rng.choice(names.AGENCIES)
        else:
            row["dataset_portal"] = self.pick("ya_tidak")
        return row

    def plant_every_hostile_string(self, doc: dict) -> None:
        """Put each hostile string at the start of a cell of the main sheet and of repeats."""
        payloads = list(names.HOSTILE)
        doc["tugas_fungsi"] = payloads[0]
        services = doc["layanan"]
        while len(services) < len(payloads):
            services.append(self.service())
        for row, payload in zip(services, payloads, strict=False):
            row["layanan_nama"] = payload
        needs = doc["kebutuhan"]
        needs[0]["nama_kebutuhan"] = payloads[1]
        for index, payload in enumerate(payloads):
            needs[index % len(needs)]["kebutuhan_penyebab_dampak"] = payload
