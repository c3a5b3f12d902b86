"""Drafts, optimistic concurrency, submit (idempotent), return and approve; both backends."""

import threading

import pytest
from sqlmodel import select

from app.audits.models import AuditEvent
from app.errors import Conflict, Invalid
from app.rounds.models import RoundStatus
from app.rounds.service import set_status
from app.submissions import review, service
from app.submissions.models import Submission, SubmissionRevision, SubmissionStatus
from tests.support.factories import make_opd, make_user
from tests.support.forms import VALID_ANSWERS, open_round_with_form


@pytest.fixture
def world(db):
    with db.write_session() as session:
        opd = make_opd(session, "OPD-A", "Dinas A")
        other = make_opd(session, "OPD-B", "Dinas B")
        officer = make_user(session, "officer_a", "officer", "OPD-A")
        planner = make_user(session, "planner", "planner")
        round_, form = open_round_with_form(session, [opd, other])
        qid = round_.questionnaire_id
    return {"opd": opd, "officer": officer, "planner": planner, "round": round_, "form": form,
            "qid": qid}


def _save(db, w, answers, base_version):
    with db.write_session() as session:
        return service.save_draft(session, round_=w["round"], opd_id=w["opd"].id,
                                  questionnaire=w["form"], questionnaire_id=w["qid"],
                                  answers=answers, base_version=base_version, actor=w["officer"])


def test_first_save_creates_a_draft_and_each_save_bumps_the_version(db, world):
    first = _save(db, world, {"nama": "Andi"}, 0)
    assert first.submission.status == SubmissionStatus.draft and first.submission.version == 1
    second = _save(db, world, {"nama": "Andi Baso", "jumlah": "7"}, 1)
    assert second.submission.version == 2
    with db.session() as session:
        stored = service.find(session, round_id=world["round"].id, opd_id=world["opd"].id)
    assert stored.answers == {"nama": "Andi Baso", "jumlah": 7}


def test_a_stale_save_is_refused_with_the_current_answers(db, world):
    _save(db, world, {"nama": "Tab satu"}, 0)
    _save(db, world, {"nama": "Tab satu lagi"}, 1)
    with pytest.raises(Conflict) as stale:
        _save(db, world, {"nama": "Tab dua"}, 1)
    assert stale.value.detail["current"]["version"] == 2
    assert stale.value.detail["current"]["answers"] == {"nama": "Tab satu lagi"}


def test_a_closed_round_accepts_no_saves(db, world):
    with db.write_session() as session:
        set_status(session, round_=world["round"], status=RoundStatus.closed)
    with pytest.raises(Conflict) as closed:
        _save(db, world, {"nama": "Terlambat"}, 0)
    assert closed.value.key == "submission.round_closed"


def _submit(db, w, base_version):
    with db.write_session() as session:
        submission = service.find(session, round_id=w["round"].id, opd_id=w["opd"].id)
        return service.submit(session, round_=w["round"], submission=submission,
                              questionnaire=w["form"], base_version=base_version,
                              actor=w["officer"])


def test_submit_with_missing_required_answers_lists_the_problems(db, world):
    _save(db, world, {"jumlah": 3, "kebutuhan": [{"_id": "r1"}]}, 0)
    with pytest.raises(Invalid) as blocked:
        _submit(db, world, 1)
    assert set(blocked.value.detail["fields"]) == {"nama", "kebutuhan[1].judul"}


def test_fifty_concurrent_identical_submits_store_one_submission_event(db, world):
    _save(db, world, VALID_ANSWERS, 0)
    results, errors = [], []

    def go():
        try:
            results.append(_submit(db, world, 1).status)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=go) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and results == [SubmissionStatus.submitted] * 50
    with db.session() as session:
        events = session.exec(select(AuditEvent).where(
            AuditEvent.action == "submission.submitted")).all()
        revisions = session.exec(select(SubmissionRevision)).all()
    assert len(events) == 1 and len(revisions) == 1
    assert revisions[0].answers["kebutuhan"][0]["judul"] == "Aplikasi perizinan"


def test_return_needs_a_comment_then_resubmit_keeps_every_revision(db, world):
    _save(db, world, VALID_ANSWERS, 0)
    submitted = _submit(db, world, 1)
    with db.write_session() as session, pytest.raises(Invalid):
        review.return_for_revision(session, submission=session.get(Submission, submitted.id),
                                   actor=world["planner"], note="")
    with db.write_session() as session:
        returned = review.return_for_revision(
            session, submission=session.get(Submission, submitted.id), actor=world["planner"],
            note="Lengkapi jumlah.", field_comments={"jumlah": "Jumlah pegawai belum benar."})
    assert returned.status == SubmissionStatus.needs_revision
    _save(db, world, {**VALID_ANSWERS, "jumlah": 15}, returned.version)
    again = _submit(db, world, returned.version + 1)
    assert again.status == SubmissionStatus.submitted
    with db.write_session() as session:
        approved = review.approve(session, submission=session.get(Submission, again.id),
                                  actor=world["planner"])
        numbers = [r.number for r in service.revisions(session, submission_id=again.id)]
        notes = [c.field_path for c in review.comments(session, submission_id=again.id)]
    assert approved.status == SubmissionStatus.approved
    assert numbers == [1, 2] and notes == [None, "jumlah"]


def test_illegal_transitions_are_refused(db, world):
    draft = _save(db, world, VALID_ANSWERS, 0).submission
    with db.write_session() as session, pytest.raises(Conflict) as illegal:
        review.approve(session, submission=session.get(Submission, draft.id),
                       actor=world["planner"])
    assert illegal.value.key == "submission.illegal_transition"
    approved = _submit(db, world, 1)
    with db.write_session() as session:
        review.approve(session, submission=session.get(Submission, approved.id),
                       actor=world["planner"])
    with pytest.raises(Conflict):
        _save(db, world, VALID_ANSWERS, approved.version + 1)
