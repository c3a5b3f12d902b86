"""Benchmark data for benchmarks/export.py: a SQLite round of N generated submissions, cached.

Each submission answers the default questionnaire with 15 services, 10 applications,
10 datasets and 20 needs (app/sample), passes validate_answers, and is stored as submitted or
approved (with its approval in the audit trail). The file is built once per size and reused.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session

from app import migrate
from app.audits.models import AuditEvent
from app.clock import local_today, utcnow
from app.db import Database
from app.opds.models import Opd
from app.questionnaires.answers.validate import validate_answers
from app.questionnaires.service import definition_of, publish
from app.rounds.models import Round, RoundOpd, RoundStatus
from app.sample import DEFAULT_QUESTIONNAIRE
from app.sample.answers import AnswerFaker, Sizes
from app.submissions.models import Submission

SIZES = Sizes(layanan=15, aplikasi=10, dataset=10, kebutuhan=20)
BATCH = 250
GENERATOR_VERSION = "1"  # bump when the generated data changes shape


def cache_file(directory: Path, count: int) -> Path:
    """Where the round of `count` submissions is cached (named after the data's fingerprint)."""
    digest = hashlib.sha256(DEFAULT_QUESTIONNAIRE.read_bytes()).hexdigest()[:10]
    return directory / f"export-{count}-{digest}-g{GENERATOR_VERSION}.db"


def ensure_round(directory: Path, count: int, log=print) -> tuple[str, int]:
    """The SQLite URL of a round of `count` submissions (built when missing) and its id."""
    path = cache_file(directory, count)
    url = f"sqlite:///{path}"
    if path.exists():
        return url, 1
    directory.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    partial_url = f"sqlite:///{partial}"
    migrate.upgrade(partial_url)
    db = Database(partial_url)
    try:
        with db.write_session() as session:
            round_id = _fill(session, count, log)
    finally:
        db.dispose()
    partial.rename(path)
    return url, round_id


def _fill(session: Session, count: int, log) -> int:
    row = publish(session, filename=DEFAULT_QUESTIONNAIRE.name,
                  data=DEFAULT_QUESTIONNAIRE.read_bytes()).row
    form = definition_of(row)
    opds = [{"code": f"BENCH-{i:05d}", "name": f"Perangkat Daerah Uji {i:05d}", "kind": "dinas",
             "active": True, "created_at": utcnow()} for i in range(1, count + 1)]
    session.execute(insert(Opd), opds)
    round_ = Round(name=f"Benchmark {count}", questionnaire_id=row.id, status=RoundStatus.open)
    session.add(round_)
    session.flush()
    session.execute(insert(RoundOpd), [{"round_id": round_.id, "opd_id": i}
                                       for i in range(1, count + 1)])
    today = local_today("Asia/Makassar")
    for start in range(0, count, BATCH):
        ids = range(start + 1, min(start + BATCH, count) + 1)
        rows = [_submission(form, row.id, round_.id, opd_id, today) for opd_id in ids]
        session.execute(insert(Submission), rows)
        session.flush()
        log(f"  generated {ids[-1]}/{count} submissions")
    approved = [{"action": "submission.approve", "object_type": "submission",
                 "object_id": str(i), "actor_name": "bench", "details": {}, "at": utcnow()}
                for i in range(1, count + 1) if i % 2]
    session.execute(insert(AuditEvent), approved)
    session.commit()
    return round_.id


def _submission(form, questionnaire_id: int, round_id: int, opd_id: int, today) -> dict:
    rng = random.Random(f"bench-{opd_id}")
    raw = AnswerFaker(form, rng, today).document(SIZES, hostile=0.1)
    result = validate_answers(form, raw, today=today)
    if not result.complete:
        raise RuntimeError(f"generated submission {opd_id} is not valid: {result.errors}")
    now = utcnow()
    return {"round_id": round_id, "opd_id": opd_id, "questionnaire_id": questionnaire_id,
            "status": "approved" if opd_id % 2 else "submitted", "answers": result.answers,
            "version": 2, "created_at": now, "updated_at": now, "submitted_at": now}
