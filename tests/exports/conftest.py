"""A round of the small export form: OPD A approved (hostile text), B submitted, C draft, D idle."""

from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import Session

from app.accounts.models import User
from app.db import Database
from app.exports.options import ExportOptions, Format
from app.exports.service import export_round
from app.opds.models import Opd
from app.questionnaires.service import definition_of, publish
from app.rounds.models import Round, RoundStatus
from app.rounds.service import create_round, set_status
from app.sample.names import HOSTILE
from app.submissions import review, service
from tests.exports.forms import workbook
from tests.support.factories import make_opd, make_user

FORMULA_PAYLOADS = ("=1+2", '=HYPERLINK("http://x","y")', "+1", "-1+1", "@SUM(A1)", "\t=1+2",
                    "\r=1+2")


def stored(payload: str) -> str:
    """A payload as saved: the text rule removes control characters but tab and newline."""
    return payload.replace("\r", "")
ANSWERS_A = {
    "pj_nip": "001234567890123456", "pj_telepon": "081234567890", "catatan": "=1+2",
    "kesiapan": "2",
    "jumlah_pegawai": 12, "anggaran_tik": 150_000_000, "tanggal": "2026-02-03",
    "punya_aplikasi": "ya", "platform": ["web", "android"],
    "layanan": [{"_id": f"lay-{i}", "layanan_nama": text} for i, text in enumerate(HOSTILE)],
    "kebutuhan": [
        {"_id": "keb-a1", "nama_kebutuhan": '=HYPERLINK("http://x","y")',
         "kebutuhan_dimensi": "governance", "kebutuhan_elemen": "layanan_publik",
         "biaya": 250_000_000, "kebutuhan_quick_win": "ya", "kebutuhan_tahun_mulai": 2027,
         "kegiatan": [{"_id": "keg-1", "kegiatan_nama": "Kajian"},
                      {"_id": "keg-2", "kegiatan_nama": "-1+1"}]},
        {"_id": "keb-a2", "nama_kebutuhan": "Rekam medis elektronik",
         "kebutuhan_dimensi": "living", "kebutuhan_elemen": "kesehatan",
         "biaya": 1_500_000_000.5, "kebutuhan_quick_win": "tidak"},
    ],
}
ANSWERS_B = {
    "pj_nip": "198609262015051001", "punya_aplikasi": "tidak", "jumlah_pegawai": 5,
    "layanan": [{"_id": "lay-b1", "layanan_nama": "Pengaduan masyarakat"}],
    "kebutuhan": [{"_id": "keb-b1", "nama_kebutuhan": "Dasbor pimpinan",
                   "kebutuhan_dimensi": "governance", "kebutuhan_elemen": "birokrasi",
                   "biaya": 50_000_000, "kebutuhan_quick_win": "tidak"}],
}
ANSWERS_C = {"pj_nip": "0000", "kebutuhan": [
    {"_id": "keb-c1", "nama_kebutuhan": "Masih draf", "kebutuhan_dimensi": "living",
     "kebutuhan_elemen": "kesehatan", "biaya": 10}]}


@dataclass
class World:
    db: Database
    round: Round
    qid: int
    form: object
    opds: dict[str, Opd]
    planner: User
    submissions: dict[str, int]


def add_submission(session: Session, w: World, code: str, answers: dict, target: str) -> int:
    """Save, then submit and approve through the real services as far as `target`."""
    saved = service.save_draft(session, round_=w.round, opd_id=w.opds[code].id,
                               questionnaire=w.form, questionnaire_id=w.qid, answers=answers,
                               base_version=0, actor=w.planner)
    submission = saved.submission
    assert saved.result.ok, saved.result.errors
    if target in ("submitted", "approved"):
        submission = service.submit(session, round_=w.round, submission=submission,
                                    questionnaire=w.form, base_version=submission.version,
                                    actor=w.planner)
    if target == "approved":
        review.approve(session, submission=submission, actor=w.planner)
    return submission.id


@pytest.fixture
def world(db) -> World:
    with db.write_session() as session:
        opds = {code: make_opd(session, code, f"Dinas {code[-1]}")
                for code in ("OPD-A", "OPD-B", "OPD-C", "OPD-D")}
        planner = make_user(session, "planner", "planner")
        outcome = publish(session, filename="uji.xlsx", data=workbook("1"))
        assert outcome.ok, outcome.problems
        round_ = create_round(session, name="Periode Uji 2026", questionnaire_id=outcome.row.id,
                              opd_ids=[opd.id for opd in opds.values()])
        set_status(session, round_=round_, status=RoundStatus.open)
        w = World(db, round_, outcome.row.id, definition_of(outcome.row), opds, planner, {})
        for code, answers, target in (("OPD-A", ANSWERS_A, "approved"),
                                      ("OPD-B", ANSWERS_B, "submitted"),
                                      ("OPD-C", ANSWERS_C, "draft")):
            w.submissions[code] = add_submission(session, w, code, answers, target)
    return w


@pytest.fixture
def export(world, tmp_path):
    """export(fmt=…, **options) -> the written file's path."""
    counter = iter(range(1000))

    def run(fmt: Format = Format.xlsx, **options) -> Path:
        path = tmp_path / f"export-{next(counter)}.{fmt.value}"
        export_round(world.db, round_id=world.round.id, options=ExportOptions(**options),
                     fmt=fmt, path=path, actor=world.planner)
        return path

    return run


def rows_of(book, sheet: str) -> list[dict]:
    """The data rows of a sheet as dicts by header (header = row 1)."""
    ws = book[sheet]
    values = list(ws.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def read(path: Path):
    return load_workbook(path)
