"""Review pages and their JSON twins: read by section, comment, return, approve, diff."""

import re

from app.submissions.models import Submission
from tests.rounds.world import submit
from tests.support.forms import VALID_ANSWERS

HOSTILE = "<script>alert(1)</script>"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_review_page_lays_out_answers_by_section(db, world, as_user):
    sent = submit(db, world, world.opd_a)
    page = as_user("viewer").get(f"/submissions/{sent.id}")
    assert page.status_code == 200
    sections = re.findall(r'<h2 id="sec-[^"]*">([^<]+)</h2>', page.text)
    assert sections == ["Umum", "Kebutuhan"]
    answer = re.search(r'data-path="kebutuhan\[1\]\.judul">(.*?)</div>\s*</div>', page.text,
                       re.S)
    assert "Judul kebutuhan" in answer.group(1) and "Aplikasi perizinan" in page.text
    # a viewer reads only: no comment, return or approve forms
    assert "/comments" not in page.text and "/approve" not in page.text


def test_a_comment_on_one_question_is_shown_at_that_question(db, world, as_user):
    sent = submit(db, world, world.opd_a)
    planner = as_user("planner")
    done = planner.post(f"/submissions/{sent.id}/comments",
                        data={"field_path": "jumlah", "text": "Jumlah " + HOSTILE},
                        follow_redirects=True)
    assert "Catatan tersimpan." in done.text
    block = re.search(r'<div class="answer" id="q-jumlah" data-path="jumlah">(.*?)<details',
                      done.text, re.S).group(1)
    assert "Jumlah &lt;script&gt;alert(1)&lt;/script&gt;" in block
    assert HOSTILE not in done.text
    empty = planner.post(f"/submissions/{sent.id}/comments", data={"text": ""})
    assert empty.status_code == 422


def test_return_without_a_comment_is_refused_on_the_page(db, world, as_user):
    sent = submit(db, world, world.opd_a)
    page = as_user("planner").post(f"/submissions/{sent.id}/return",
                                   data={"note": " ", "version": sent.version})
    assert page.status_code == 422
    assert "Tuliskan catatan untuk Perangkat Daerah sebelum mengembalikan isian." in page.text


def test_return_then_approve_is_refused_and_resubmission_can_be_approved(db, world, as_user):
    sent = submit(db, world, world.opd_a)
    planner = as_user("planner")
    returned = planner.post(f"/submissions/{sent.id}/return",
                            data={"note": "Perbaiki jumlah.", "version": sent.version},
                            follow_redirects=True)
    assert "Isian dikembalikan ke OPD untuk perbaikan." in returned.text
    assert "Perlu perbaikan" in returned.text
    refused = planner.post(f"/submissions/{sent.id}/approve")
    assert refused.status_code == 409
    assert "tidak dapat dilakukan pada isian berstatus needs_revision" in refused.text
    again = submit(db, world, world.opd_a, {**VALID_ANSWERS, "jumlah": 15})
    approved = planner.post(f"/submissions/{sent.id}/approve",
                            data={"version": again.version}, follow_redirects=True)
    assert "Isian disetujui." in approved.text
    progress = planner.get(f"/rounds/{world.round.id}")
    row = re.search(r'<tr data-opd="OPD-A">(.*?)</tr>', progress.text, re.S).group(1)
    assert "Disetujui" in row


def test_the_diff_page_shows_what_changed_between_two_revisions(db, world, as_user):
    sent = submit(db, world, world.opd_a)
    planner = as_user("planner")
    planner.post(f"/api/v1/submissions/{sent.id}/return", json={"note": "Perbaiki."})
    submit(db, world, world.opd_a, {**VALID_ANSWERS, "jumlah": 15})
    page = planner.get(f"/submissions/{sent.id}/diff?a=1&b=2")
    assert page.status_code == 200
    row = re.search(r'<tr data-path="jumlah" data-kind="changed">(.*?)</tr>', page.text,
                    re.S).group(1)
    assert '<td class="before">12</td><td class="after">15</td>' in row
    api = planner.get(f"/api/v1/submissions/{sent.id}/diff?a=1&b=2").json()
    assert api["changes"] == [{"path": "jumlah", "label": "Jumlah pegawai", "before": "12",
                               "after": "15", "kind": "changed"}]
    assert planner.get(f"/submissions/{sent.id}/diff?a=1&b=9").status_code == 404


def test_the_api_twin_reads_comments_returns_and_approves(db, world, as_user):
    sent = submit(db, world, world.opd_a)
    planner = as_user("planner")
    comment = planner.post(f"/api/v1/submissions/{sent.id}/comments",
                           json={"text": "Cek judul.", "field_path": "kebutuhan[1].judul"})
    assert comment.status_code == 201 and comment.json()["field_path"] == "kebutuhan[1].judul"
    no_note = planner.post(f"/api/v1/submissions/{sent.id}/return", json={})
    assert no_note.status_code == 422
    assert no_note.json()["error"]["fields"] == {"note": "review.comment_required"}
    stale = planner.post(f"/api/v1/submissions/{sent.id}/approve", json={"version": 1})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "review.changed"
    approved = planner.post(f"/api/v1/submissions/{sent.id}/approve",
                            json={"version": sent.version})
    assert approved.json()["status"] == "approved"
    detail = as_user("viewer").get(f"/api/v1/submissions/{sent.id}").json()
    assert detail["opd_code"] == "OPD-A" and detail["answers"]["nama"] == "Andi"
    assert detail["comments"][0]["label"] == "Kebutuhan 1 › Judul kebutuhan"
    assert [m["after"] for m in detail["timeline"] if m["kind"] == "status"] == \
        ["draft", "submitted", "approved"]


def test_officers_and_viewers_cannot_review(db, world, as_user):
    sent = submit(db, world, world.opd_a)
    for name in ("officer_a", "officer_b"):
        user = as_user(name)
        assert user.get(f"/submissions/{sent.id}").status_code == 403
        assert user.get(f"/api/v1/submissions/{sent.id}").status_code == 403
    viewer = as_user("viewer")
    assert viewer.post(f"/api/v1/submissions/{sent.id}/approve", json={}).status_code == 403
    assert viewer.post(f"/submissions/{sent.id}/return", data={"note": "x"}).status_code == 403
    with db.session() as session:
        assert session.get(Submission, sent.id).status == "submitted"
    assert as_user("planner").get("/submissions/999999").status_code == 404
