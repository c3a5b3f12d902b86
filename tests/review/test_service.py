"""Every review transition, legal and illegal, with its audit event; both backends."""

import pytest
from sqlmodel import select

from app.audits.models import AuditEvent
from app.errors import Conflict, Invalid
from app.review import service
from app.submissions import review
from app.submissions.models import Submission
from tests.rounds.world import save, submit
from tests.support.forms import VALID_ANSWERS


def act(db, submission_id, fn, **kwargs):
    with db.write_session() as session:
        return fn(session, submission=session.get(Submission, submission_id), **kwargs)


def audit_of(db, submission_id):
    with db.session() as session:
        query = select(AuditEvent).where(AuditEvent.object_type == "submission",
                                         AuditEvent.object_id == str(submission_id))
        return [(e.action, e.actor_name, e.details.get("before"), e.details.get("after"),
                 e.details.get("note")) for e in session.exec(query.order_by(AuditEvent.id))]


@pytest.fixture
def sent(db, world):
    return submit(db, world, world.opd_a)


def test_approve_a_submitted_submission_is_audited_with_from_to_and_note(db, world, sent):
    done = act(db, sent.id, service.approve, actor=world.users["planner"], note="Lengkap.",
               version=sent.version)
    assert done.status == "approved"
    assert audit_of(db, sent.id)[-1] == ("submission.approve", "planner", "submitted",
                                         "approved", "Lengkap.")


def test_return_needs_a_comment_and_is_refused_with_422(db, world, sent):
    with pytest.raises(Invalid) as refused:
        act(db, sent.id, service.send_back, actor=world.users["planner"], note="  ")
    assert refused.value.status == 422
    assert refused.value.detail["fields"] == {"note": "review.comment_required"}
    done = act(db, sent.id, service.send_back, actor=world.users["planner"],
               note="Jumlah pegawai belum sesuai.")
    assert done.status == "needs_revision"
    assert audit_of(db, sent.id)[-1] == ("submission.return", "planner", "submitted",
                                         "needs_revision", "Jumlah pegawai belum sesuai.")
    with db.session() as session:
        [comment] = review.comments(session, submission_id=sent.id)
    assert comment.text == "Jumlah pegawai belum sesuai." and comment.field_path is None


@pytest.mark.parametrize("status", ["draft", "needs_revision", "approved"])
def test_approving_anything_but_a_submitted_submission_is_a_409(db, world, status):
    if status == "draft":
        submission = save(db, world, world.opd_a, VALID_ANSWERS)
    else:
        submission = submit(db, world, world.opd_a)
        fn = service.send_back if status == "needs_revision" else service.approve
        extra = {"note": "x"} if status == "needs_revision" else {}
        submission = act(db, submission.id, fn, actor=world.users["planner"], **extra)
    with pytest.raises(Conflict) as illegal:
        act(db, submission.id, service.approve, actor=world.users["planner"])
    assert illegal.value.status == 409 and illegal.value.key == "submission.illegal_transition"
    assert illegal.value.params == {"action": "approve", "status": status}


@pytest.mark.parametrize("status", ["draft", "needs_revision"])
def test_returning_anything_but_a_submitted_or_approved_submission_is_a_409(db, world, status):
    if status == "draft":
        submission = save(db, world, world.opd_a, VALID_ANSWERS)
    else:
        submission = submit(db, world, world.opd_a)
        fn = service.send_back if status == "needs_revision" else service.approve
        extra = {"note": "x"} if status == "needs_revision" else {}
        submission = act(db, submission.id, fn, actor=world.users["planner"], **extra)
    with pytest.raises(Conflict) as illegal:
        act(db, submission.id, service.send_back, actor=world.users["planner"], note="lagi")
    assert illegal.value.key == "submission.illegal_transition"


def test_acting_on_a_version_the_reviewer_did_not_see_is_a_409(db, world, sent):
    with pytest.raises(Conflict) as changed:
        act(db, sent.id, service.approve, actor=world.users["planner"], version=sent.version - 1)
    assert changed.value.key == "review.changed"
    with db.session() as session:
        assert session.get(Submission, sent.id).status == "submitted"


def test_comments_on_a_question_or_the_whole_are_stored_and_audited(db, world, sent):
    act(db, sent.id, review.add_comment, actor=world.users["planner"],
        text="Perjelas judulnya.", field_path="kebutuhan[1].judul")
    act(db, sent.id, review.add_comment, actor=world.users["planner"], text="Secara umum baik.")
    with pytest.raises(Invalid):
        act(db, sent.id, review.add_comment, actor=world.users["planner"], text=" ")
    with pytest.raises(Invalid):
        act(db, sent.id, review.add_comment, actor=world.users["planner"], text="x" * 2001)
    with db.session() as session:
        view = service.review_view(session, submission=session.get(Submission, sent.id),
                                   lang="id")
    assert [c.text for c in view.comments_at("kebutuhan[1].judul")] == ["Perjelas judulnya."]
    assert [c.text for c in view.comments_at(None)] == ["Secara umum baik."]
    assert [a[0] for a in audit_of(db, sent.id)].count("submission.comment") == 2


def test_the_whole_loop_keeps_revisions_and_shows_the_diff(db, world, sent):
    act(db, sent.id, review.add_comment, actor=world.users["planner"], text="Jumlah salah.",
        field_path="jumlah")
    act(db, sent.id, service.send_back, actor=world.users["planner"], note="Perbaiki jumlah.")
    submit(db, world, world.opd_a, {**VALID_ANSWERS, "jumlah": 15})
    with db.session() as session:
        submission = session.get(Submission, sent.id)
        diff = service.diff_view(session, submission=submission, a=None, b=None, lang="id")
        view = service.review_view(session, submission=submission, lang="id")
    assert (diff.a.number, diff.b.number) == (1, 2)
    assert [(c.path, c.before, c.after) for c in diff.changes] == [("jumlah", "12", "15")]
    assert [m.kind for m in view.timeline].count("revision") == 2
    statuses = [(m.before, m.after) for m in view.timeline if m.kind == "status"]
    assert statuses == [("not_started", "draft"), ("draft", "submitted"),
                        ("submitted", "needs_revision"), ("needs_revision", "submitted")]
    act(db, sent.id, service.approve, actor=world.users["planner"])
