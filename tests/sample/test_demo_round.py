"""The demo round: published default questionnaire, 30 OPDs in every state, idempotent."""

from sqlmodel import func, select

from app.accounts.models import User
from app.audits.models import AuditEvent
from app.clock import local_today
from app.demo import load_demo
from app.review.models import ReviewComment
from app.rounds.models import Round, RoundStatus
from app.sample.demo.cast import TARGETS
from app.sample.demo.round import ROUND_NAME, load_demo_round
from app.submissions.models import Submission


def test_the_demo_round_has_thirty_opds_in_every_state_and_a_second_run_changes_nothing(db):
    with db.write_session() as session:
        first = load_demo(session, today=local_today("Asia/Makassar"))[2]
    assert first.created
    assert first.states == {"not_started": 6, "draft": 6, "submitted": 7, "needs_revision": 4,
                            "approved": 7}
    assert sum(first.states.values()) == len(TARGETS) == 30
    with db.session() as session:
        round_ = session.exec(select(Round).where(Round.name == ROUND_NAME)).one()
        assert round_.status == RoundStatus.open
        events = session.exec(select(func.count()).select_from(AuditEvent)).one()
        users = session.exec(select(func.count()).select_from(User)).one()
        kominfo = session.exec(select(Submission).join(User, User.id == Submission.updated_by_id)
                               .where(User.username == "petugas.kominfo",
                                      Submission.round_id == round_.id)).one()
        assert kominfo.status == "draft"  # the demo officer has a draft to continue
        returned = session.exec(select(ReviewComment)).all()
        assert len({c.submission_id for c in returned}) == 4 and all(c.text for c in returned)
    with db.write_session() as session:
        second = load_demo_round(session, today=local_today("Asia/Makassar"))
    assert not second.created and second.states == first.states
    with db.session() as session:
        assert session.exec(select(func.count()).select_from(AuditEvent)).one() == events
        assert session.exec(select(func.count()).select_from(User)).one() == users
