"""A round of the default questionnaire whose needs, services, applications and datasets are
chosen by hand, so every figure of the framework view, the SPBE index, the rationalisation
and the Daftar Data can be worked out: OPD-A approved, OPD-B submitted, OPD-C not started."""

import datetime as dt
import io
import random
from dataclasses import dataclass

import openpyxl
import pytest
from sqlmodel import select

from app.audits.models import AuditEvent
from app.clock import local_today, utcnow
from app.db import Database
from app.questionnaires.service import definition_of, publish
from app.rounds.models import RoundStatus
from app.rounds.service import create_round, set_status
from app.sample import DEFAULT_QUESTIONNAIRE
from app.sample.answers import AnswerFaker, Sizes
from app.submissions import review, service
from tests.support.factories import csrf_from, login, make_opd, make_user

# OPD -> needs (dimension, element, cost, SPBE indicator)
NEEDS = {
    "OPD-A": [("living", "transportasi", 100.0, "tidak_ada"),
              ("branding", "pariwisata", 200.0, "45"),
              ("branding", "wajah_kota", 300.0, "tidak_ada"),
              ("governance", "layanan_publik", 400.0, "42")],
    "OPD-B": [("living", "kesehatan", 50.0, "37"), ("branding", "bisnis", 60.0, "tidak_ada")],
}
# OPD -> services (kind, SPBE indicator, level now, target)
SERVICES = {"OPD-A": [("publik", "42", 3, 4)],
            "OPD-B": [("publik", "42", 2, 5), ("administrasi", "37", 4, 4)]}
# OPD -> applications (name, function, status, hosting)
APPS = {"OPD-A": [("SRIKANDI", "Kearsipan dinamis", "aktif", "server_pusat"),
                  ("e-Surat Dinas", "Pengelolaan surat masuk dan keluar", "aktif",
                   "server_opd")],
        "OPD-B": [("Srikandi", "Arsip elektronik", "aktif", "server_pusat"),
                  ("Aplikasi Antrean Loket", "Antrean layanan tatap muka", "tidak_aktif",
                   "cloud_pihak_ketiga")]}


@dataclass(frozen=True)
class Seeded:
    round_id: int
    submissions: dict[str, int]


def _answers(faker: AnswerFaker, code: str) -> dict:
    doc = faker.document(Sizes(len(SERVICES[code]), len(APPS[code]), 1, len(NEEDS[code])),
                         hostile=False)
    for row, (dim, element, cost, indicator) in zip(doc["kebutuhan"], NEEDS[code], strict=True):
        row.update(kebutuhan_dimensi=dim, kebutuhan_elemen=element, biaya=cost,
                   kebutuhan_indikator_spbe=indicator)
    for row, (kind, indicator, now, target) in zip(doc["layanan"], SERVICES[code], strict=True):
        row.update(layanan_jenis=kind, layanan_indikator_spbe=indicator,
                   layanan_cara="elektronik_penuh", layanan_tingkat_kini=str(now),
                   layanan_tingkat_target=str(target), layanan_aplikasi="Aplikasi")
        row.pop("layanan_sektor", None)
        if kind == "publik":
            row["layanan_sektor"] = "komunikasi_informasi"
    for row, (name, function, status, hosting) in zip(doc["aplikasi"], APPS[code],
                                                      strict=True):
        row.update(aplikasi_nama=name, aplikasi_fungsi=function, aplikasi_status=status,
                   aplikasi_hosting=hosting, aplikasi_terintegrasi="tidak")
        row.pop("aplikasi_integrasi_dengan", None)
    doc["dataset"] = [{"_id": f"d-{code}", "dataset_nama": f"Data {code}",
                       "dataset_peran": "produsen", "dataset_format": "lembar_kerja",
                       "dataset_frekuensi": "tahunan", "dataset_metadata": "ya",
                       "dataset_portal": "tidak"}]
    return doc


def seed_analysis_round(db: Database) -> Seeded:
    with db.write_session() as session:
        opds = [make_opd(session, "OPD-A", "Dinas A"), make_opd(session, "OPD-B", "Dinas B"),
                make_opd(session, "OPD-C", "Dinas C")]
        planner = make_user(session, "planner", "planner")
        for role in ("viewer", "admin"):
            make_user(session, role, role)
        outcome = publish(session, filename=DEFAULT_QUESTIONNAIRE.name,
                          data=DEFAULT_QUESTIONNAIRE.read_bytes())
        assert outcome.ok, outcome.problems
        form = definition_of(outcome.row)
        round_ = create_round(session, name="Periode Analisis", questionnaire_id=outcome.row.id,
                              opd_ids=[opd.id for opd in opds],
                              closes_at=utcnow() + dt.timedelta(days=30))
        set_status(session, round_=round_, status=RoundStatus.open)
        ids = {}
        for opd in opds[:2]:
            faker = AnswerFaker(form, random.Random(opd.code), local_today("Asia/Makassar"))
            officer = make_user(session, f"petugas-{opd.code.lower()}", "officer", opd.code)
            saved = service.save_draft(session, round_=round_, opd_id=opd.id, questionnaire=form,
                                       questionnaire_id=outcome.row.id,
                                       answers=_answers(faker, opd.code), base_version=0,
                                       actor=officer)
            sent = service.submit(session, round_=round_, submission=saved.submission,
                                  questionnaire=form, base_version=saved.submission.version,
                                  actor=officer)
            if opd.code == "OPD-A":
                review.approve(session, submission=sent, actor=planner)
            ids[opd.code] = sent.id
        return Seeded(round_.id, ids)


@pytest.fixture
def seeded(db) -> Seeded:
    return seed_analysis_round(db)


def sign_in(client, username: str) -> str:
    """Log in as `username` and return the CSRF token for the X-CSRF-Token header / forms."""
    client.cookies.clear()
    assert login(client, username).status_code == 303
    return csrf_from(client.get("/").text)


def put(client, csrf: str, url: str, body: dict):
    return client.put(url, json=body, headers={"X-CSRF-Token": csrf})


def sheet(client, round_id: int, name: str, **params) -> list[tuple]:
    """The rows of one sheet of the round's downloaded workbook, read back with openpyxl."""
    response = client.get(f"/rounds/{round_id}/export.xlsx", params=params)
    assert response.status_code == 200, response.text
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    return list(book[name].iter_rows(values_only=True))


def audit_events(db: Database, action: str) -> list[AuditEvent]:
    with db.session() as session:
        return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)
                                 .order_by(AuditEvent.id)))
