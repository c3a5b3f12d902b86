"""The plan's pure builders on a small plan whose figures are checked by hand (fixtures.py)."""

from dataclasses import replace

from app.planning.alignment import build_alignment, suggestions
from app.planning.costs import build_costs, spread
from app.planning.plan import ProgrammeInput, build_plan, default_duration
from app.planning.quickwins import quick_win_warnings
from app.planning.roadmap import build_roadmap
from tests.planning.fixtures import M, plan_input

DIMENSIONS = ("governance", "branding", "economy", "living", "society", "environment")


def test_a_group_replaces_its_needs_and_defaults_come_from_the_timeframe():
    plan = build_plan(plan_input())
    codes = [p.code for p in plan.programmes]
    assert codes == ["DINKES/k1", "DINKES/k2", "SATU-DATA"]
    group = plan.by_code()["SATU-DATA"]
    assert group.opds == ("DUKCAPIL", "KOMINFO") and group.cost == 390 * M
    assert group.term == "menengah" and group.quick_win  # KOMINFO/k1 is on the shortlist
    first = plan.by_code()["DINKES/k1"]
    assert (first.start_year, first.duration, first.owner_opd) == (2025, 1, "DINKES")
    assert [default_duration(t) for t in ("pendek", "menengah", "panjang", None)] == \
        [1, 5, 10, 1]
    assert plan.by_code()["DINKES/k2"].cost == 250 * M  # the explicit years: 50 + 200


def test_a_member_that_is_no_need_is_listed():
    group = ProgrammeInput("G", "G", members=("DINKES/k1", "GONE/x"))
    plan = build_plan(plan_input(programmes=[group]))
    assert plan.unknown_members == ["GONE/x"]
    assert [p.code for p in plan.programmes] == ["G", "DINKES/k2", "DUKCAPIL/k1", "KOMINFO/k1"]


def test_coverage_per_misi_and_what_is_flagged():
    result = build_alignment(build_plan(plan_input()))
    by_code = {m.code: m for m in result.misi}
    assert result.total_cost == 740 * M  # 100 + 250 + 390
    assert (by_code["M1"].programmes, by_code["M1"].direct, by_code["M1"].supporting) == (2, 1, 1)
    assert by_code["M1"].cost == 640 * M and round(by_code["M1"].share, 4) == 0.8649
    assert (by_code["M2"].programmes, by_code["M2"].cost) == (1, 250 * M)
    assert [m.code for m in result.uncovered] == ["M3"]
    assert [p.code for p in result.orphans] == ["DINKES/k1"]


def test_a_rejected_mapping_counts_for_nothing():
    data = plan_input()
    data.alignments = [replace(a, state="rejected") for a in data.alignments]
    result = build_alignment(build_plan(data))
    assert [m.code for m in result.uncovered] == ["M1", "M2", "M3"]
    assert len(result.orphans) == 3


def test_suggestions_come_from_the_text_and_respect_a_rejection():
    found = suggestions(build_plan(plan_input(alignments=[])))
    best = {s.programme_code: s.node_code for s in reversed(found)}
    assert best["DINKES/k1"] == "M2.T1.S1"  # "rujukan pasien"
    assert best["SATU-DATA"] == "M1.T1.S1"  # "integrasi data"
    rejected = plan_input(alignments=[replace(a, state="rejected", node_code="M2.T1.S1",
                                              programme_code="DINKES/k1")
                                      for a in plan_input().alignments[:1]])
    again = [s for s in suggestions(build_plan(rejected)) if s.programme_code == "DINKES/k1"]
    assert "M2.T1.S1" not in {s.node_code for s in again}


def test_the_gantt_and_the_predecessor_check():
    data = plan_input()
    roadmap = build_roadmap(build_plan(data))
    rows = {r.programme.code: r.active for r in roadmap.rows}
    assert rows["SATU-DATA"] == (True, True, False, False, False)
    assert rows["DINKES/k2"] == (False, True, True, False, False)
    assert rows["DINKES/k1"] == (True, False, False, False, False)
    assert roadmap.problems == []
    data.programmes = [replace(data.programmes[0], start_year=2026),
                       replace(data.programmes[1], predecessors=("SATU-DATA", "NONE"))]
    kinds = {(p.predecessor_code, p.kind) for p in build_roadmap(build_plan(data)).problems}
    assert kinds == {("SATU-DATA", "not_first"), ("NONE", "unknown")}


def test_even_spread_keeps_whole_rupiah():
    programme = build_plan(plan_input(programmes=[])).by_code()["DINKES/k2"]
    assert programme.duration == 5
    assert spread(replace(programme, cost=1000.0, duration=3)) == \
        {2025: 333.0, 2026: 333.0, 2027: 334.0}


def test_cost_tables_by_year_dimension_funding_and_opd():
    tables = build_costs(build_plan(plan_input()), DIMENSIONS)
    # DINKES/k1 100 in 2025; SATU-DATA 195 + 195 in 2025–26; DINKES/k2 50 in 2026, 200 in 2027
    assert tables.total.years == {2025: 295 * M, 2026: 245 * M, 2027: 200 * M, 2028: 0,
                                  2029: 0}
    assert tables.total.total == 740 * M
    dims = {line.key: line.total for line in tables.by_dimension}
    assert dims == {"governance": 390 * M, "living": 350 * M}
    funding = {line.key: (line.total, round(line.share, 4)) for line in tables.by_funding}
    assert funding == {"dak": (390 * M, 0.527), "apbd": (250 * M, 0.3378),
                       "": (100 * M, 0.1351)}
    assert [line.key for line in tables.by_funding] == ["apbd", "dak", ""]
    opds = {line.key: (line.total, line.programmes) for line in tables.by_opd}
    assert opds == {"DINKES": (350 * M, 2), "KOMINFO": (390 * M, 1)}
    assert tables.quick_wins.years[2025] == 295 * M and tables.quick_wins.total == 490 * M
    assert tables.ratio[2025] == 0.000295 and tables.ratio[2027] is None


def test_quick_win_warnings():
    data = plan_input()
    warnings = quick_win_warnings(build_plan(data), DIMENSIONS)
    assert [(w.kind, w.subject) for w in warnings] == [
        ("no_quick_win", "branding"), ("no_quick_win", "economy"),
        ("no_quick_win", "society"), ("no_quick_win", "environment"),
        ("not_in_rpjmd", "DINKES/k1")]
    data.programmes.append(ProgrammeInput("DINKES/k1", cepat_berdampak=True))
    assert "not_in_rpjmd" not in {w.kind for w in quick_win_warnings(build_plan(data),
                                                                     DIMENSIONS)}
