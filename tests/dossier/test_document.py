"""The dossier PDF of one revision, read back with pypdf: identity, every section's answers,
repeat tables, the review trail, the filled pernyataan, page numbers and the code; both
backends. And the lock: an approved revision changes only by being returned."""

import io

import pytest
from pypdf import PdfReader

from app.dossier.code import verification_code
from app.dossier.document import dossier_pdf
from app.dossier.service import dossier_of
from app.errors import Conflict
from app.review import service as review
from app.submissions import service as submissions
from app.submissions.models import Submission
from app.types import utcnow
from tests.dossier.conftest import RETURN_NOTE, act, save_and_submit
from tests.submissions.default_answers import NIP, default_answers


def render(db, submission_id: int, number: int | None = None, lang: str = "id"):
    with db.session() as session:
        dossier = dossier_of(session, submission=session.get(Submission, submission_id),
                             number=number)
        pdf = dossier_pdf(dossier, lang=lang, base_url="https://survei.example.go.id",
                          timezone="Asia/Makassar", generated_at=utcnow())
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    return dossier, reader, pages, " ".join("\n".join(pages).split())


def test_the_approved_revision_reads_back_whole(db, reviewed):
    dossier, reader, pages, text = render(db, reviewed.submission_id)
    code = verification_code(dossier.revision.answers)
    assert dossier.revision.number == 2 and dossier.code == code
    total = len(reader.pages)
    assert total >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {total}" in page
        assert f"Kode verifikasi {code[:16]}" in page
    assert code in text.replace(" ", "")
    assert f"https://survei.example.go.id/verifikasi/{code}" in text.replace(" ", "")
    for fact in ("Dinas A (OPD-A)", "Periode 2026", "2 dari 2", "Status Disetujui",
                 "Disetujui pada"):
        assert fact in text, fact
    # answers by section, the repeat rows as tables, the changed answer of revision 2
    for answer in ("Andi Baso, S.Kom.", "Layanan perizinan 1", "Layanan perizinan 2",
                   "Aplikasi 2", "(2 baris)", "SiCantik", "Tahun pembuatan 2019",
                   "Perkiraan biaya 250.000.000", "Tidak berlaku"):
        assert answer in text, answer
    # the review trail: submitted, returned with its note, revision 2, approved, by whom
    for event in ("Dikirim", "Dikembalikan untuk perbaikan", RETURN_NOTE, "Revisi 2 tersimpan",
                  "Planner", "Officer_A"):
        assert event in text, event
    # the pernyataan kebenaran data, filled from section K
    statement = text[text.rindex("Pernyataan Kebenaran Data"):]
    for part in ("Masamba, 27 November 2026", "Kepala Dinas", "Ir. Baso Amir", f"NIP {NIP}"):
        assert part in statement, part
    assert reader.metadata.title.startswith("Berkas Isian Kebutuhan Smart City")


def test_an_earlier_revision_is_its_own_answers_superseded(db, reviewed):
    first, _, _, text = render(db, reviewed.submission_id, number=1, lang="en")
    latest, *_ = render(db, reviewed.submission_id)
    assert first.code == verification_code(first.revision.answers) != latest.code
    assert (first.revision.answers["jumlah_pns"], latest.revision.answers["jumlah_pns"]) == (30, 31)
    assert "1 of 2" in text and "Superseded by a later revision" in text
    assert "Approved at" not in text and "Page 1 of" in text


def test_an_approved_revision_is_locked_until_returned(db, world, reviewed):
    with db.write_session() as session:
        submission = session.get(Submission, reviewed.submission_id)
        with pytest.raises(Conflict):
            submissions.save_draft(session, round_=world.round_a, opd_id=world.opd_a.id,
                                   questionnaire=world.form,
                                   questionnaire_id=world.round_a.questionnaire_id,
                                   answers=default_answers(rows=1),
                                   base_version=submission.version, actor=world.officer_a)
    approved_code = render(db, reviewed.submission_id)[0].code
    returned = act(db, reviewed.submission_id, review.send_back, actor=world.planner,
                   note="Tahun anggaran keliru.")
    assert returned.status == "needs_revision"
    save_and_submit(db, world, default_answers(rows=1))
    with db.session() as session:
        revisions = submissions.revisions(session, submission_id=reviewed.submission_id)
    assert [r.number for r in revisions] == [1, 2, 3]
    assert revisions[1].answers_sha256 == approved_code
    assert revisions[1].answers["jumlah_pns"] == 31 and len(revisions[1].answers["layanan"]) == 2
    assert revisions[2].answers_sha256 == verification_code(revisions[2].answers)

