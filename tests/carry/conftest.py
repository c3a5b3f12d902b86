"""Two rounds of the default questionnaire: 2025 (OPD-A approved, OPD-B submitted), and the
carrying of 2026 from it."""

import pytest

from app.monev.service import update_programme
from app.questionnaires.service import definition_of, publish
from app.rounds.models import Round, RoundStatus
from app.rounds.service import create_round, set_status
from app.submissions import review, service
from tests.submissions.default_answers import DEFAULT_WORKBOOK, default_answers
from tests.support.factories import make_opd, make_user

TODAY = "2019-06-03"


@pytest.fixture
def year_one(db):
    """Round 2025 with OPD-A approved (2 rows per repeat) and OPD-B only submitted."""
    with db.write_session() as session:
        a, b = make_opd(session, "OPD-A", "Dinas A"), make_opd(session, "OPD-B", "Dinas B")
        officer_a = make_user(session, "officer_a", "officer", "OPD-A")
        officer_b = make_user(session, "officer_b", "officer", "OPD-B")
        planner = make_user(session, "planner", "planner")
        row = publish(session, filename="k.xlsx", data=DEFAULT_WORKBOOK.read_bytes()).row
        form = definition_of(row)
        first = create_round(session, name="Periode Pengisian 2025", questionnaire_id=row.id,
                             opd_ids=[a.id, b.id])
        set_status(session, round_=first, status=RoundStatus.open)
        for opd, officer in ((a, officer_a), (b, officer_b)):
            saved = service.save_draft(session, round_=first, opd_id=opd.id,
                                       questionnaire=form, questionnaire_id=row.id,
                                       answers=default_answers(today=TODAY), base_version=0,
                                       actor=officer).submission
            service.submit(session, round_=first, submission=saved, questionnaire=form,
                           base_version=saved.version, actor=officer)
            if opd is a:
                review.approve(session, submission=saved, actor=planner)
        approved = service.find(session, round_id=first.id, opd_id=a.id)
        update_programme(session, submission=approved, row_id="kebutuhan1",
                         status="masuk_rkpd", note="RKPD 2026", actor=planner)
        set_status(session, round_=first, status=RoundStatus.closed)
        return {"round": first.id, "form": form, "qid": row.id, "a": a.id, "b": b.id,
                "officer_a": officer_a, "planner": planner}


def _carry(db, world, basis="approved") -> Round:
    with db.write_session() as session:
        second = create_round(session, name="Periode Pengisian 2026",
                              questionnaire_id=world["qid"], carry_from_id=world["round"],
                              carry_basis=basis, actor=world["planner"])
        set_status(session, round_=second, status=RoundStatus.open)
        return second



def carry(db, world, basis="approved") -> Round:
    """Round 2026, carried from 2025, open."""
    with db.write_session() as session:
        second = create_round(session, name="Periode Pengisian 2026",
                              questionnaire_id=world["qid"], carry_from_id=world["round"],
                              carry_basis=basis, actor=world["planner"])
        set_status(session, round_=second, status=RoundStatus.open)
        return second
