"""The roadmap's SVG Gantt: one bar per programme within the plan's years, text escaped."""

from reports.gantt import WARNING, gantt_chart

YEARS = [2025, 2026, 2027, 2028, 2029]


def test_bars_are_clipped_to_the_plan_and_a_problem_is_drawn_in_the_warning_colour():
    svg = gantt_chart(['<b>Satu "Data"</b> · KOMINFO', "Rujukan · DINKES", "Nanti · DLH"],
                      [(2024, 2026), (2027, 2035), (2031, 2032)], YEARS,
                      flagged=[False, True, False], salt="t")
    assert svg.startswith("<svg") and "<b>" not in svg and "&lt;b&gt;" in svg
    assert WARNING.lower() in svg.lower()
    assert all(str(y) in svg for y in YEARS)
    assert gantt_chart([], [], YEARS, salt="t") == ""


def test_the_same_input_draws_the_same_svg():
    one = gantt_chart(["A"], [(2025, 2026)], YEARS, salt="same")
    assert one == gantt_chart(["A"], [(2025, 2026)], YEARS, salt="same")
