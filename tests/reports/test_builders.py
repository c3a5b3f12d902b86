"""Each builder on the small fixture, with figures worked out by hand."""

import math

import pytest

from reports import PriorityOptions, PriorityWeights, ReportOptions, build_report
from reports.builders.common import Labels, opd_refs
from reports.builders.priority import build_priority
from reports.inputs import Need
from tests.reports.fixtures import DIMENSIONS, HOSTILE, TIMEFRAMES, report_input

NO_CHARTS = ReportOptions(charts=False)


@pytest.fixture(scope="module")
def report():
    return build_report(report_input(), NO_CHARTS)


def test_summary_counts_opds_by_state_and_lists_the_late_ones(report):
    s = report.summary
    assert (s.asked, s.started, s.submitted, s.approved, s.included) == (5, 3, 2, 1, 2)
    assert s.by_state == {"not_started": 2, "draft": 1, "needs_revision": 0, "submitted": 1,
                          "approved": 1}
    # BAPPEDA (draft) and DISDIK (not started) are past 1 March; DLH's deadline is 20 March.
    # most days late first, then by name ("<script…" sorts before "Dinas…")
    assert [(late.opd.code, late.days_late) for late in s.late] == [("BAPPEDA", 8),
                                                                    ("DISDIK", 8)]
    assert s.submitted_late == 1  # DISKOMINFO sent on 5 March
    assert (s.total_needs, s.total_cost) == (5, 4_100_000_000)


def test_heat_map_counts_needs_and_cost_per_element_and_timeframe(report):
    d = report.dimensions
    gov = d.dimensions[0]
    assert (gov.label, gov.total.needs, gov.total.cost) == ("Smart Governance", 3, 3.5e9)
    cells = {row.code: row.cell for row in gov.elements}
    assert (cells["layanan_publik"].needs, cells["layanan_publik"].cost) == (2, 1.5e9)
    assert cells["layanan_publik"].timeframes == {"pendek": 1, "menengah": 1}
    assert (cells["birokrasi"].needs, cells["kebijakan"].needs) == (1, 0)
    assert [row.cell.heat for row in gov.elements] == [5, 3, 0]
    assert [b.total.needs for b in d.dimensions] == [3, 0, 0, 1, 1, 0]
    assert d.total.timeframes == {"pendek": 2, "menengah": 2, "panjang": 1}
    assert (d.total.needs, d.total.cost, d.unclassified.needs) == (5, 4.1e9, 0)


def test_needs_by_opd_and_dimension(report):
    rows = {row.opd.code: row for row in report.dimensions.by_opd}
    assert list(rows) == ["DINKES", "DISKOMINFO"]
    assert [c.needs for c in rows["DINKES"].cells] == [1, 0, 0, 1, 1, 0]
    assert (rows["DINKES"].total.needs, rows["DINKES"].total.cost) == (3, 6e8)
    assert (rows["DISKOMINFO"].cells[0].needs, rows["DISKOMINFO"].cells[0].cost) == (2, 3.5e9)
    assert rows["DINKES"].opd.anchor == "opd-dinkes"


def test_priority_score_follows_the_printed_formula(report):
    ranked = report.priority.ranked
    top = ranked[0]
    assert top.title == "Aplikasi rekam medis elektronik"
    readiness = ((3 + 4 + 2.5) / 3 - 1) / 4
    expected = (25 * 1 + 10 * (3 - 1) / 3 + 20 * 1
                + 15 * (1 - math.log1p(5e8) / math.log1p(2e9)) + 15 * 1 + 15 * readiness)
    assert top.score == round(expected, 2) == 75.76
    assert top.parts["cakupan_dimensi"] == pytest.approx(2 / 3)
    assert [n.score for n in ranked] == sorted((n.score for n in ranked), reverse=True)
    assert [n.rank for n in ranked] == [1, 2, 3, 4, 5]
    hostile = ranked[-1]
    # long-term, no beneficiaries, most expensive, most crowded dimension
    assert (hostile.title, hostile.parts["jangka"], hostile.parts["biaya"]) == (HOSTILE, 0, 0)
    assert report.priority.total_ranked == 5


def test_quick_wins_are_short_term_high_scores_at_most_n_per_dimension(report):
    assert [n.title for n in report.priority.quick_wins] == ["Aplikasi rekam medis elektronik"]
    crowded = [Need("A", f"Kebutuhan {i}", "governance", "birokrasi", timeframe="pendek",
                    priority=i, cost=1e6) for i in range(1, 5)]
    crowded.append(Need("A", "Jangka menengah", "governance", "birokrasi", timeframe="menengah",
                        priority=1))
    refs = opd_refs([])
    options = PriorityOptions(quick_win_min_score=0, quick_wins_per_dimension=2)
    result = build_priority(crowded, DIMENSIONS, [], refs, Labels(DIMENSIONS, TIMEFRAMES),
                            options)
    assert [n.title for n in result.quick_wins] == ["Kebutuhan 1", "Kebutuhan 2"]


def test_weights_are_configurable():
    only_cost = PriorityWeights(prioritas_opd=0, cakupan_dimensi=0, penerima_manfaat=0,
                                biaya=1, jangka=0, kesiapan=0)
    options = ReportOptions(charts=False, priority=PriorityOptions(weights=only_cost))
    ranked = build_report(report_input(), options).priority.ranked
    # the need without a cost scores the neutral 0.5 (50 points), then cheapest first:
    # 1 − log(1 + 1e8) / log(1 + 2e9) = 0.1398…
    assert [n.cost for n in ranked] == [None, 1e8, 5e8, 1.5e9, 2e9]
    assert ranked[0].score == 50.0
    assert ranked[1].score == round(100 * (1 - math.log1p(1e8) / math.log1p(2e9)), 2)
    assert ranked[-1].score == 0.0


def test_similar_needs_of_several_opds_are_grouped(report):
    groups = report.cross_opd.need_groups
    assert len(groups) == 1
    group = groups[0]
    assert group.title == "Aplikasi perizinan online"
    assert group.titles == ["Aplikasi perizinan online", "Aplikasi Perizinan Online!"]
    assert [r.code for r in group.opds] == ["DINKES", "DISKOMINFO"]
    assert (group.opd_count, group.needs, group.cost, group.national_app) == (2, 2, 1.5e9, 1)
    assert group.dimension == "Smart Governance"


def test_same_kind_of_application_in_several_opds(report):
    apps = report.cross_opd.app_groups
    assert [(g.name, g.opd_count, g.apps) for g in apps] == [("SIMPEG", 2, 2)]
    assert apps[0].kinds == {"Aplikasi khusus": 1, "Aplikasi umum": 1}


def test_readiness_per_opd_and_regency_average(report):
    r = report.readiness
    assert [(row.opd.code, row.struktur, row.infrastruktur, row.suprastruktur, row.mean)
            for row in r.rows] == [("DINKES", 3.0, 4.0, 2.5, 3.17),
                                   ("DISKOMINFO", 4.0, 5.0, None, 4.5)]
    avg = r.average
    assert (avg.struktur, avg.infrastruktur, avg.suprastruktur, avg.mean) == (3.5, 4.5, 2.5, 3.5)
    assert avg.opd.name == "Rata-rata kabupaten"
    assert r.respondents == 2


def test_per_question_counts_choices_and_numbers(report):
    sections = {s.label: {q.name: q for q in s.questions} for s in report.questions}
    assert list(sections) == ["A. Identitas", "E. Infrastruktur", "J. Kebutuhan"]
    urusan = sections["A. Identitas"]["urusan"]
    assert (urusan.total, urusan.answered, urusan.not_answered, urusan.not_applicable) == \
        (3, 2, 1, 0)
    # over respondents: statistik was picked by both who answered
    assert [(c.code, c.count, c.share) for c in urusan.choices] == [
        ("kesehatan", 1, 0.5), ("kominfo", 1, 0.5), ("statistik", 2, 1.0), ("lama", 1, 0.5)]
    infra = sections["E. Infrastruktur"]
    assert [(c.count, round(c.share, 4)) for c in infra["jaringan"].choices] == \
        [(2, 0.6667), (1, 0.3333)]
    assert infra["server"].not_answered == 1
    bandwidth = infra["bandwidth"]
    assert (bandwidth.answered, bandwidth.not_answered) == (2, 1)  # NaN is not an answer
    n = bandwidth.numbers
    assert (n.count, n.minimum, n.median, n.mean, n.maximum) == (2, 0, 10, 10, 20)
    penyedia = infra["penyedia"]
    assert (penyedia.answered, penyedia.not_answered, penyedia.not_applicable) == (1, 1, 1)
    cost = sections["J. Kebutuhan"]["biaya"]
    assert (cost.unit, cost.total, cost.answered) == ("kebutuhan", 5, 4)
    assert (cost.numbers.median, cost.numbers.mean) == (1e9, 1.025e9)


def test_profiles_one_per_opd_asked(report):
    profiles = {p.opd.code: p for p in report.profiles}
    assert list(profiles) == ["DINKES", "DISKOMINFO", "BAPPEDA", "DLH", "DISDIK"]
    dinkes = profiles["DINKES"]
    assert (dinkes.needs, dinkes.cost, dinkes.quick_wins, dinkes.applications) == (3, 6e8, 1, 1)
    assert dinkes.dimensions == ["Smart Governance", "Smart Living", "Smart Society"]
    assert dinkes.top_needs == ["Aplikasi rekam medis elektronik", "Pelatihan SDM TIK puskesmas",
                                "Aplikasi perizinan online"]
    assert dinkes.readiness.mean == 3.17
    assert (profiles["BAPPEDA"].needs, profiles["BAPPEDA"].state) == (0, "draft")


def test_an_empty_round_builds_without_errors():
    data = report_input()
    data.needs, data.readiness, data.applications, data.answers = [], [], [], []
    empty = build_report(data, NO_CHARTS)
    assert empty.summary.total_needs == 0
    assert empty.priority.ranked == [] and empty.cross_opd.need_groups == []
    assert empty.readiness.average is None
