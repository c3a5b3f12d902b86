"""A round of the default questionnaire with three OPDs: approved, submitted, not started."""

import datetime as dt
import random
from dataclasses import dataclass

import pytest

from app.clock import local_today, utcnow
from app.db import Database
from app.questionnaires.service import definition_of, publish
from app.rounds.models import RoundStatus
from app.rounds.service import create_round, set_status
from app.sample import DEFAULT_QUESTIONNAIRE
from app.sample.answers import AnswerFaker, Sizes
from app.submissions import review, service
from tests.support.factories import make_opd, make_user

HOSTILE_TITLE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
HOSTILE_OPD = '"><img src=x onerror=alert(1)> Dinas <b>Uji</b>'


@dataclass(frozen=True)
class Seeded:
    round_id: int
    needs: int
    cost: float


def seed_round(db: Database) -> Seeded:
    """Publish the default questionnaire; OPD-A approved, OPD-B submitted, OPD-C not started."""
    with db.write_session() as session:
        opds = [make_opd(session, "OPD-A", "Dinas A"), make_opd(session, "OPD-B", HOSTILE_OPD),
                make_opd(session, "OPD-C", "Dinas C")]
        make_user(session, "officer_a", "officer", "OPD-A")
        make_user(session, "officer_b", "officer", "OPD-B")
        planner = make_user(session, "planner", "planner")
        for role in ("viewer", "admin"):
            make_user(session, role, role)
        outcome = publish(session, filename=DEFAULT_QUESTIONNAIRE.name,
                          data=DEFAULT_QUESTIONNAIRE.read_bytes())
        assert outcome.ok, outcome.problems
        form = definition_of(outcome.row)
        round_ = create_round(session, name="Periode 2026", questionnaire_id=outcome.row.id,
                              opd_ids=[opd.id for opd in opds],
                              closes_at=utcnow() + dt.timedelta(days=30))
        set_status(session, round_=round_, status=RoundStatus.open)
        needs, cost = 0, 0.0
        for opd, sizes in ((opds[0], Sizes(3, 2, 1, 4)), (opds[1], Sizes(2, 2, 1, 3))):
            rng = random.Random(opd.code)
            faker = AnswerFaker(form, rng, local_today("Asia/Makassar"))
            answers = faker.document(sizes, hostile=False)
            answers["kebutuhan"][-1]["nama_kebutuhan"] = HOSTILE_TITLE
            answers["aplikasi"][0]["aplikasi_nama"] = "Aplikasi Kepegawaian"
            needs += len(answers["kebutuhan"])
            cost += sum(row["biaya"] for row in answers["kebutuhan"])
            officer = make_user(session, f"petugas-{opd.code.lower()}", "officer", opd.code)
            saved = service.save_draft(session, round_=round_, opd_id=opd.id, questionnaire=form,
                                       questionnaire_id=outcome.row.id, answers=answers,
                                       base_version=0, actor=officer)
            submitted = service.submit(session, round_=round_, submission=saved.submission,
                                       questionnaire=form, base_version=saved.submission.version,
                                       actor=officer)
            if opd.code == "OPD-A":
                review.approve(session, submission=submitted, actor=planner)
        return Seeded(round_.id, needs, cost)


@pytest.fixture
def seeded(db) -> Seeded:
    return seed_round(db)
