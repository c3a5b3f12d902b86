"""Rounds: create, open/close, deadlines, progress rows and bulk approval; both backends."""

from datetime import timedelta

import pytest
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import select

from app.audits.models import AuditEvent
from app.errors import Conflict, Invalid, NotFound
from app.rounds import monitor, service
from app.rounds.models import Round, RoundStatus
from app.rounds.progress import ProgressFilter
from app.submissions import review
from app.submissions.models import Submission
from app.types import utcnow
from tests.rounds.world import save, submit
from tests.support.forms import VALID_ANSWERS


def events(db, action):
    with db.session() as session:
        return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_round_asks_the_chosen_opds_or_every_active_one(db, world):
    with db.write_session() as session:
        chosen = service.create_round(session, name="Pilihan", questionnaire_id=world.qid,
                                      opd_ids=[world.opd_b.id], actor=world.users["planner"])
        world.opd_c.active = False
        session.add(world.opd_c)
        session.commit()
        everyone = service.create_round(session, name="Semua", questionnaire_id=world.qid)
        asked = {r.name: [opd.code for _, opd in service.asked_opds(session, round_id=r.id)]
                 for r in (chosen, everyone)}
    assert asked == {"Pilihan": ["OPD-B"], "Semua": ["OPD-A", "OPD-B"]}
    assert chosen.status == RoundStatus.draft
    [event] = [e for e in events(db, "round.created") if e.object_id == str(chosen.id)]
    assert event.actor_name == "planner" and event.details["opds"] == 1


def test_a_round_refuses_a_blank_name_an_unknown_opd_and_dates_in_the_wrong_order(db, world):
    now = utcnow()
    with db.write_session() as session, pytest.raises(Invalid) as refused:
        service.create_round(session, name=" ", questionnaire_id=world.qid, opd_ids=[99999],
                             opens_at=now, closes_at=now - timedelta(days=1))
    assert refused.value.detail["fields"] == {"name": "round.name_required",
                                              "opd_ids": "round.opd_unknown",
                                              "closes_at": "round.closes_before_opens"}


def test_open_and_close_follow_the_allowed_transitions(db, world):
    with db.write_session() as session:
        round_ = service.create_round(session, name="R", questionnaire_id=world.qid, opd_ids=[])
        with pytest.raises(Conflict) as illegal:
            service.set_status(session, round_=round_, status=RoundStatus.closed)
        assert illegal.value.key == "round.bad_transition" and illegal.value.status == 409
        service.set_status(session, round_=round_, status=RoundStatus.open)
        service.set_status(session, round_=round_, status=RoundStatus.closed)
        service.set_status(session, round_=round_, status=RoundStatus.open)  # reopen
    assert [e.details["after"] for e in events(db, "round.open")] == ["open", "open", "open"]


def test_an_extended_deadline_lets_one_opd_keep_saving_after_the_round_deadline(db, world):
    with db.write_session() as session:
        round_ = session.get(Round, world.round.id)
        round_.closes_at = utcnow() - timedelta(hours=1)
        session.add(round_)
        session.commit()
        world.round = round_
        service.extend_deadline(session, round_=round_, opd_id=world.opd_a.id,
                                closes_at=utcnow() + timedelta(days=2),
                                actor=world.users["planner"])
    assert save(db, world, world.opd_a, {"nama": "Masih boleh"}).version == 1
    with pytest.raises(Conflict):
        save(db, world, world.opd_b, {"nama": "Terlambat"}, officer="officer_b")
    with db.session() as session:
        rows = {r.opd_code: r for r in monitor.load_progress(session, round_=world.round)}
    assert rows["OPD-B"].overdue and not rows["OPD-A"].overdue


def test_a_deadline_in_the_past_or_for_an_opd_not_asked_is_refused(db, world):
    with db.write_session() as session:
        with pytest.raises(Invalid):
            service.extend_deadline(session, round_=world.round, opd_id=world.opd_a.id,
                                    closes_at=utcnow() - timedelta(minutes=1))
        other = service.create_round(session, name="R2", questionnaire_id=world.qid,
                                     opd_ids=[world.opd_a.id])
        with pytest.raises(NotFound):
            service.extend_deadline(session, round_=other, opd_id=world.opd_b.id,
                                    closes_at=utcnow() + timedelta(days=1))


def test_progress_has_one_row_per_opd_with_status_completion_and_officers(db, world):
    save(db, world, world.opd_a, {"jumlah": 3})  # nama (required) missing
    submit(db, world, world.opd_b, officer="officer_b")
    with db.session() as session:
        rows = {r.opd_code: r for r in monitor.load_progress(session, round_=world.round)}
    assert [rows[c].status for c in ("OPD-A", "OPD-B", "KEC-C")] == \
        ["draft", "submitted", "not_started"]
    assert (rows["OPD-A"].completion, rows["OPD-A"].missing_required) == (0, 1)
    assert rows["OPD-B"].completion == 100 and rows["KEC-C"].completion == 0
    assert [c.name for c in rows["OPD-A"].officers] == ["Officer_A"]
    assert rows["KEC-C"].officers == () and rows["KEC-C"].last_activity is None
    assert rows["OPD-A"].last_activity is not None


def test_bulk_approval_applies_the_table_filters_and_skips_what_changed(db, world):
    first = submit(db, world, world.opd_a)
    second = submit(db, world, world.opd_b, officer="officer_b")
    with db.write_session() as session:
        round_ = session.get(Round, world.round.id)
        none = monitor.approve_filtered(session, round_=round_, flt=ProgressFilter.parse(q="B"),
                                        actor=world.users["planner"], seen={first.id: 2})
        assert none.approved == [] and none.skipped == [second.id]
        outcome = monitor.approve_filtered(
            session, round_=round_, flt=ProgressFilter.parse(q="B"),
            actor=world.users["planner"], seen={second.id: second.version})
    assert outcome.approved == [second.id]
    with db.session() as session:
        statuses = {s.opd_id: s.status for s in session.exec(select(Submission))}
    assert statuses == {world.opd_a.id: "submitted", world.opd_b.id: "approved"}
    [bulk] = events(db, "submission.bulk_approve")
    assert bulk.details["submissions"] == [second.id] and bulk.details["filters"] == {"q": "B"}
    [approve] = events(db, "submission.approve")
    assert (approve.details["before"], approve.details["after"]) == ("submitted", "approved")


def test_bulk_approval_is_all_or_nothing_when_a_submission_changes_underneath(db, world):
    first = submit(db, world, world.opd_a)
    second = submit(db, world, world.opd_b, officer="officer_b")
    with db.write_session() as session:
        fresh, stale = session.get(Submission, first.id), session.get(Submission, second.id)
        # as if the officer saved again after this session read the submission
        set_committed_value(stale, "version", stale.version - 1)
        with pytest.raises(Conflict):
            review.approve_many(session, submissions=[fresh, stale],
                                actor=world.users["planner"], round_id=world.round.id)
    with db.session() as session:
        assert {s.status for s in session.exec(select(Submission))} == {"submitted"}


def test_summaries_count_each_status_per_round(db, world):
    submit(db, world, world.opd_a)
    save(db, world, world.opd_b, VALID_ANSWERS, officer="officer_b")
    with db.session() as session:
        [summary] = monitor.summaries(session)
    assert summary.opds == 3
    assert summary.counts == {"not_started": 1, "draft": 1, "submitted": 1,
                              "needs_revision": 0, "approved": 0}
    assert summary.questionnaire.title == "Formulir Kecil"
