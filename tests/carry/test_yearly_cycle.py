"""The yearly cycle end to end (both backends): round 1 approved → round 2 carried → the officer
confirms and changes → the review diff → the monev and year-on-year numbers in the workbook."""

import copy

from openpyxl import load_workbook

from app.carry.models import CarryForward
from app.carry.service import marks_for, round_stats
from app.exports.options import ExportOptions, Format
from app.exports.service import export_round
from app.review.diff import diff_answers
from app.submissions import review, service
from app.submissions.models import Submission
from tests.carry.conftest import carry


def test_the_yearly_cycle(db, year_one, tmp_path):
    world, form = year_one, year_one["form"]
    second = carry(db, world)
    with db.write_session() as session:
        draft = service.find(session, round_id=second.id, opd_id=world["a"])
        assert service.find(session, round_id=second.id, opd_id=world["b"]) is None  # not approved
        assert draft.status == "draft" and draft.answers["pj_nama"] == "Andi Baso, S.Kom."
        rows = draft.answers["layanan"]
        assert [r["_id"] for r in rows] == ["layanan1", "layanan2"]  # stable ids carried
        assert {r["_carry"] for r in rows} == {"pending"}
        # the planner's update in 2025 travels with the programme
        assert draft.answers["kebutuhan"][0]["kebutuhan_status"] == "masuk_rkpd"
        # unconfirmed rows count as not done: the carried draft is not complete, nor submittable
        check = service.validate_answers(form, draft.answers, today=None)
        assert check.required_total - check.required_answered == 8  # 2 rows × 4 repeats
        assert "layanan[1]._carry" in check.errors
        # the officer confirms, changes the bandwidth and a programme, retires one service
        answers = copy.deepcopy(service.working_answers(draft))
        for name in ("layanan", "aplikasi", "dataset", "kebutuhan"):
            for row in answers[name]:
                row["_carry"] = "same"
        answers["internet_bandwidth"] = 100
        answers["layanan"][1]["_carry"] = "retired"
        need = answers["kebutuhan"][0]
        need.update(_carry="changed", kebutuhan_status="berjalan", kebutuhan_realisasi=100e6,
                    kebutuhan_status_catatan="Sedang dibangun")
        saved = service.save_draft(session, round_=second, opd_id=world["a"],
                                   questionnaire=form, questionnaire_id=world["qid"],
                                   answers=answers, base_version=draft.version,
                                   actor=world["officer_a"]).submission
        assert [r["_id"] for r in saved.answers["layanan"]] == ["layanan1"]  # not this year's
        assert [r["_id"] for r in saved.draft_answers["layanan"]] == ["layanan1", "layanan2"]
        stats = round_stats(session, round_id=second.id)[saved.id]
        assert (stats.rows, stats.confirmed, stats.changed_rows, stats.retired) == (8, 8, 1, 1)
        submitted = service.submit(session, round_=second, submission=saved,
                                   questionnaire=form, base_version=saved.version,
                                   actor=world["officer_a"])
        assert submitted.status == "submitted"
        # the review: changed since the last round, rows matched by id
        carried = session.get(CarryForward, submitted.id)
        changes = {(c.path, c.kind) for c in diff_answers(form, carried.answers,
                                                          submitted.answers, "id")}
        assert ("internet_bandwidth", "changed") in changes
        assert ("kebutuhan[1].kebutuhan_status", "changed") in changes
        assert any(path.startswith("layanan[2].") and kind == "removed"
                   for path, kind in changes)
        assert not any(path.startswith("aplikasi") for path, _ in changes)
        marks = marks_for(session, submission=submitted, questionnaire=form)
        assert marks.source_name == "Periode Pengisian 2025"
        assert marks.last["internet_bandwidth"] == 50.5
        review.approve(session, submission=submitted, actor=world["planner"])
    path = tmp_path / "r2.xlsx"
    export_round(db, round_id=second.id, options=ExportOptions(), fmt=Format.xlsx, path=path)
    book = load_workbook(path, read_only=True)
    monev = list(book["Monev Program"].iter_rows(values_only=True))
    header, governance = monev[0], monev[1]
    assert governance[header.index("Berjalan")] == 1
    assert governance[header.index("Usulan")] == 1
    assert governance[header.index("Biaya rencana")] == 500_000_000
    assert governance[header.index("Biaya realisasi")] == 100_000_000
    terms = {row[0]: row for row in book["Monev Jangka"].iter_rows(values_only=True)}
    assert terms["Jangka pendek"][1:] == (2, 1, 0.5)
    yearly = list(book["Perbandingan Tahunan"].iter_rows(values_only=True))
    head, opd_a = yearly[0], yearly[1]
    assert opd_a[0] == "OPD-A"
    assert opd_a[head.index("Bandwidth (Mbps) (periode lalu)")] == 50.5
    assert opd_a[head.index("Bandwidth (Mbps) (periode ini)")] == 100
    assert opd_a[head.index("Bandwidth (Mbps) (perubahan)")] == 49.5
    assert opd_a[head.index("Layanan elektronik (periode ini)")] == 1  # one retired


def test_latest_submitted_is_the_other_basis(db, year_one):
    second = carry(db, year_one, basis="submitted")
    with db.session() as session:
        found = {s.opd_id for s in session.exec(
            Submission.__table__.select().where(Submission.round_id == second.id))}
    assert found == {year_one["a"], year_one["b"]}
