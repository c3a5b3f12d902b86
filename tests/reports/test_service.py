"""The report of a real round, read from the database the way the export reads it."""

from app.exports.options import Scope
from app.reports_web.service import ReportRequest, report_filename, round_report
from app.submissions import service
from reports import ReportOptions, render_html, report_json
from tests.reports.conftest import HOSTILE_TITLE
from tests.support.factories import make_opd, make_user
from tests.support.forms import VALID_ANSWERS, open_round_with_form

NO_CHARTS = ReportOptions(charts=False)


def build(db, round_id, **request):
    with db.session() as session:
        return round_report(session, round_id=round_id, request=ReportRequest(**request),
                            actor_name="planner", options=NO_CHARTS)


def test_report_of_a_round_counts_what_was_submitted(db, seeded):
    report = build(db, seeded.round_id)
    s = report.summary
    assert (s.asked, s.started, s.submitted, s.approved, s.included) == (3, 2, 2, 1, 2)
    assert (s.total_needs, s.total_cost) == (seeded.needs, seeded.cost)
    assert [b.code for b in report.dimensions.dimensions] == [
        "governance", "branding", "economy", "living", "society", "environment"]
    assert sum(len(b.elements) for b in report.dimensions.dimensions) == 18
    assert report.readiness.respondents == 2
    assert HOSTILE_TITLE in {n.title for n in report.priority.ranked}
    groups = report.cross_opd.app_groups
    assert any(g.name == "Aplikasi Kepegawaian" and g.opd_count == 2 for g in groups)
    assert [p.opd.code for p in report.profiles] == ["OPD-A", "OPD-B", "OPD-C"]


def test_status_filter_and_opd_subset_as_in_the_export(db, seeded):
    approved = build(db, seeded.round_id, scope=Scope.approved)
    assert approved.summary.included == 1
    assert {r.opd.code for r in approved.dimensions.by_opd} == {"OPD-A"}
    only_b = build(db, seeded.round_id, opd_codes=("OPD-B",))
    assert only_b.summary.asked == 1 and [p.opd.code for p in only_b.profiles] == ["OPD-B"]


def test_per_question_counts_tell_skipped_from_unanswered(db, seeded):
    report = build(db, seeded.round_id)
    questions = {q.name: q for s in report.questions for q in s.questions}
    urusan = questions["urusan"]
    assert (urusan.unit, urusan.total, urusan.answered) == ("respondent", 2, 2)
    assert sum(c.count for c in urusan.choices) >= 2
    # aplikasi_integrasi_dengan shows only when aplikasi_terintegrasi = ya
    integrasi = questions["aplikasi_integrasi_dengan"]
    terintegrasi = questions["aplikasi_terintegrasi"]
    ya = next(c.count for c in terintegrasi.choices if c.code == "ya")
    assert (integrasi.answered, integrasi.not_applicable) == (ya, terintegrasi.answered - ya)
    assert integrasi.not_answered == 0
    assert questions["biaya"].unit == "kebutuhan"
    assert questions["biaya"].numbers.count == report.summary.total_needs


def test_html_and_json_of_a_round(db, seeded):
    report = build(db, seeded.round_id, lang="en")
    html = render_html(report)
    assert "<script" not in html and "<img" not in html
    assert "Smart Governance" in html and "Submitted and approved" in html
    assert report_json(report)["summary"]["total_needs"] == seeded.needs
    assert report_filename("Periode 2026 / Uji!", report.round.generated_at).startswith(
        "laporan-periode-2026-uji-")


def test_a_questionnaire_without_master_plan_roles_still_gets_a_report(db):
    with db.write_session() as session:
        opd = make_opd(session)
        officer = make_user(session, "petugas", "officer", opd.code)
        round_, form = open_round_with_form(session, [opd])
        saved = service.save_draft(session, round_=round_, opd_id=opd.id, questionnaire=form,
                                   questionnaire_id=round_.questionnaire_id,
                                   answers=VALID_ANSWERS, base_version=0, actor=officer)
        service.submit(session, round_=round_, submission=saved.submission, questionnaire=form,
                       base_version=saved.submission.version, actor=officer)
        round_id = round_.id
    with db.session() as session:
        report = round_report(session, round_id=round_id, request=ReportRequest())
    assert report.summary.included == 1 and report.summary.total_needs == 0
    assert report.dimensions.dimensions == [] and report.dimensions.chart == ""
    questions = {q.name: q for s in report.questions for q in s.questions}
    assert questions["jumlah"].numbers.mean == 12
    assert "<script" not in render_html(report)
