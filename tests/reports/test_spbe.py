"""The SPBE index, its domains and predikat, the gain of one level and the cheapest path, on
a fixture whose numbers are worked out by hand (PermenPANRB 59/2020's 47 weights)."""

import pytest

from reports.spbe import Entry, Indicator, LinkedNeed, LinkedService, build_spbe, predikat

# (domain, aspect, weight, levels of its indicators)
LAYOUT = (("D1", "A1", 1.3, (4, 3, 3, 3, 3, 3, 3, 3, 3, 3)),             # Σ 31
          ("D2", "A2", 2.5, (3, 2, 3, 2)), ("D2", "A3", 2.5, (2, 2, 2, 2)),
          ("D2", "A4", 2.5, (3, 2)),                                      # Σ 23
          ("D3", "A5", 1.5, (2, 2, 3, 2, 2, 2, 2, 2)), ("D3", "A6", 1.5, (3, 2, 2)),  # Σ 24
          ("D4", "A7", 2.75, (3, 4, 3, 4, 3, 3, 3, 2, 3, 4)),             # Σ 32
          ("D4", "A8", 3.0, (4, 3, 3, 2, 3, 3)))                          # Σ 18


def fixture() -> tuple[list[Indicator], list[Entry]]:
    indicators, entries, number = [], [], 0
    for domain, aspect, weight, levels in LAYOUT:
        for level in levels:
            number += 1
            indicators.append(Indicator(str(number), f"Indikator {number}", domain, domain,
                                        aspect, aspect, weight))
            entries.append(Entry(str(number), level=level))
    return indicators, entries


def test_the_index_domains_and_predikat_match_the_hand_computation():
    # Σ weight × level = 31×1,3 + 23×2,5 + 24×1,5 + 32×2,75 + 18×3 = 40,3 + 57,5 + 36 + 88 + 54
    indicators, entries = fixture()
    spbe = build_spbe(indicators, entries, [], [])
    assert len(spbe.rows) == 47 and sum(i.weight for i in indicators) == pytest.approx(100)
    assert round(spbe.index, 3) == 2.758
    assert spbe.predikat == "baik"
    assert [(d.code, round(d.index, 3)) for d in spbe.domains] == [
        ("D1", 3.100), ("D2", 2.300), ("D3", 2.182), ("D4", 3.121)]  # 24/11, 142/45,5
    assert [d.weight for d in spbe.domains] == pytest.approx([13, 25, 16.5, 45.5])
    assert spbe.assessed == 47 and spbe.from_planner == 47 and spbe.from_answers == 0
    assert sum(r.weighted for r in spbe.rows) == pytest.approx(spbe.index)


def test_one_more_level_adds_weight_over_100_and_nothing_at_level_5():
    indicators, entries = fixture()
    entries[46] = Entry("47", level=5)
    rows = {r.indicator.code: r for r in build_spbe(indicators, entries, [], []).rows}
    assert rows["1"].gain == pytest.approx(0.013) and rows["42"].gain == pytest.approx(0.030)
    assert rows["32"].gain == pytest.approx(0.0275) and rows["47"].gain == 0


def test_the_cheapest_path_to_3_13_takes_the_heaviest_indicators_first():
    # +0,372 needed. The six A8 indicators (3,0) can rise 1+2+2+3+2+2 = 12 levels (+0,36);
    # one A7 level (2,75) more reaches it: 13 gains, index 2,758 + 0,36 + 0,0275 = 3,1455.
    indicators, entries = fixture()
    needs = [LinkedNeed("DISKOMINFO", "Dinas Kominfo", "Portal layanan terpadu", "45")]
    path = build_spbe(indicators, entries, [], needs, target=3.13).path
    assert path.reached and path.level_gains == 13
    assert round(path.index_after, 4) == 3.1455
    assert [(s.indicator.code, s.from_level, s.to_level) for s in path.steps][:2] == [
        ("45", 2, 5), ("43", 3, 5)]  # linked needs first among equals, then the lowest level
    assert path.steps[0].needs == needs
    a7 = [s for s in path.steps if s.indicator.aspect == "A7"]
    assert [(s.indicator.code, s.from_level, s.to_level) for s in a7] == [("39", 2, 3)]
    assert sum(s.gain for s in path.steps) == pytest.approx(0.3875)


def test_a_target_beyond_level_5_everywhere_is_unreachable_one_already_met_needs_nothing():
    indicators, entries = fixture()
    full = build_spbe(indicators, entries, [], [], target=5.0).path
    assert full.reached and full.level_gains == 5 * 47 - (31 + 23 + 24 + 32 + 18)
    beyond = build_spbe(indicators, entries, [], [], target=5.01).path
    assert not beyond.reached and round(beyond.index_after, 6) == 5
    met = build_spbe(indicators, entries, [], [], target=2.5).path
    assert met.reached and met.steps == [] and met.level_gains == 0


def test_levels_from_the_answers_when_the_planner_entered_none():
    indicators, _ = fixture()
    services = [LinkedService("DINKES", "Dinas Kesehatan", "Pendaftaran Pasien", "45", 2, 4),
                LinkedService("DISDUK", "Disdukcapil", "Akta Kelahiran", "45", 3, 3),
                LinkedService("DLH", "DLH", "Pengaduan Sampah", "42", None, 2)]
    entries = [Entry("42", level=4, target=5, evidence="ada", opd_code="KOMINFO",
                     opd_name="Dinas Kominfo")]
    rows = {r.indicator.code: r for r in build_spbe(indicators, entries, services, []).rows}
    assert (rows["45"].level, rows["45"].source, rows["45"].target) == (3, "answers", 4)
    assert rows["45"].opd_name == "Disdukcapil"  # runs the most advanced linked service
    assert (rows["42"].level, rows["42"].source, rows["42"].opd_name) == (4, "planner",
                                                                         "Dinas Kominfo")
    assert (rows["1"].level, rows["1"].source, rows["1"].opd_code) == (0, "none", None)
    assert rows["45"].services == 2


@pytest.mark.parametrize(("index", "expected"), [
    (4.2, "memuaskan"), (4.19, "sangat_baik"), (3.5, "sangat_baik"), (3.499, "sangat_baik"),
    (3.49, "baik"), (2.6, "baik"), (2.5951, "baik"), (2.59, "cukup"), (1.8, "cukup"),
    (1.79, "kurang"), (0.0, "kurang")])
def test_predikat_thresholds_on_the_index_rounded_to_two_decimals(index, expected):
    assert predikat(index) == expected
