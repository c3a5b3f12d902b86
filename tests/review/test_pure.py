"""Laying out answers, diffing revisions and merging the timeline: pure functions."""

from datetime import UTC, datetime, timedelta

from app.audits.models import AuditEvent
from app.questionnaires.xlsform import load_xlsform
from app.review.diff import diff_answers
from app.review.layout import Block, Entry, flatten, labels_by_path, lay_out
from app.review.models import ReviewComment
from app.review.timeline import timeline
from app.submissions.models import SubmissionRevision
from tests.support.forms import VALID_ANSWERS, small_workbook

FORM = load_xlsform(small_workbook()).questionnaire
T0 = datetime(2026, 12, 1, tzinfo=UTC)


def test_answers_are_laid_out_by_section_with_repeat_rows_and_paths():
    answers = {"nama": "Andi", "jumlah": 1200,
               "kebutuhan": [{"_id": "r1", "judul": "A"}, {"_id": "r2", "judul": "B"}]}
    umum, kebutuhan = lay_out(FORM, answers, "id")
    assert umum.title == "Umum"
    assert umum.items == [Entry("nama", "Nama penanggung jawab", "Andi"),
                          Entry("jumlah", "Jumlah pegawai", "1.200")]
    rows = [item for item in kebutuhan.items if isinstance(item, Block)]
    assert [r.title for r in rows] == ["Kebutuhan 1", "Kebutuhan 2"]
    assert rows[1].items == [Entry("kebutuhan[2].judul", "Judul kebutuhan", "B")]
    english = lay_out(FORM, answers, "en")
    assert english[0].items[1] == Entry("jumlah", "Number of staff", "1,200")


def test_unanswered_questions_show_empty_and_labels_cover_them():
    [umum] = lay_out(FORM, {}, "id")
    assert umum.items[0] == Entry("nama", "Nama penanggung jawab", "")
    labels = labels_by_path(FORM, {"kebutuhan": [{"_id": "x", "judul": "A"}]}, "id")
    assert labels["jumlah"] == "Jumlah pegawai"
    assert labels["kebutuhan[1].judul"] == "Kebutuhan 1 › Judul kebutuhan"


def test_rows_are_matched_by_id_so_deleting_the_first_row_is_one_removal():
    old = {**VALID_ANSWERS, "kebutuhan": [{"_id": "r1", "judul": "Satu"},
                                          {"_id": "r2", "judul": "Dua"}]}
    new = {**VALID_ANSWERS, "jumlah": 15, "kebutuhan": [{"_id": "r2", "judul": "Dua"}]}
    changes = diff_answers(FORM, old, new, "id")
    assert [(c.path, c.kind, c.before, c.after) for c in changes] == [
        ("jumlah", "changed", "12", "15"),
        ("kebutuhan[1].judul", "removed", "Satu", ""),
    ]


def test_added_and_cleared_answers_are_reported():
    changes = diff_answers(FORM, {"nama": "Andi"}, {"jumlah": 3}, "id")
    assert [(c.path, c.kind) for c in changes] == [("nama", "removed"), ("jumlah", "added")]
    assert diff_answers(FORM, VALID_ANSWERS, VALID_ANSWERS, "id") == []


def test_flatten_keys_rows_by_their_id():
    keys = set(flatten(FORM, VALID_ANSWERS, "id"))
    assert keys == {"nama", "jumlah", "kebutuhan#r1.judul"}


def test_the_timeline_merges_status_changes_revisions_and_comments_in_time_order():
    events = [
        AuditEvent(actor_id=1, actor_name="officer_a", action="submission.started",
                   at=T0),
        AuditEvent(actor_id=1, actor_name="officer_a", action="submission.submitted",
                   details={"before": "draft", "after": "submitted"},
                   at=T0 + timedelta(minutes=2)),
        AuditEvent(actor_id=2, actor_name="planner", action="submission.comment",
                   at=T0 + timedelta(minutes=3)),
        AuditEvent(actor_id=2, actor_name="planner", action="submission.return",
                   details={"before": "submitted", "after": "needs_revision", "note": "Cek"},
                   at=T0 + timedelta(minutes=4)),
    ]
    revisions = [SubmissionRevision(number=1, status="submitted", answers={},
                                    questionnaire_id=1, submission_id=1, created_by_id=1,
                                    created_at=T0 + timedelta(minutes=2))]
    comments = [ReviewComment(submission_id=1, author_id=2, text="Jumlah?", field_path="jumlah",
                              created_at=T0 + timedelta(minutes=3)),
                # the comment a return stores for its note shows once, with the return
                ReviewComment(submission_id=1, author_id=2, text="Cek",
                              created_at=T0 + timedelta(minutes=4))]
    moments = timeline(events, revisions, comments, {1: "Andi", 2: "Perencana"})
    assert [(m.kind, m.actor, m.before, m.after) for m in moments] == [
        ("status", "Andi", "not_started", "draft"),
        ("status", "Andi", "draft", "submitted"),
        ("revision", "Andi", "", "submitted"),
        ("comment", "Perencana", "", ""),
        ("status", "Perencana", "submitted", "needs_revision"),
    ]
    assert moments[3].field_path == "jumlah" and moments[4].note == "Cek"
