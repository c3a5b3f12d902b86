"""Charts are SVG drawn by matplotlib: text stays escaped text, nothing is fetched."""

import re

from reports import charts
from tests.reports.fixtures import HOSTILE


def test_chart_is_inline_svg_with_escaped_labels():
    svg = charts.stacked_chart(["Smart Governance", HOSTILE, "Biaya $5 dan $6"],
                               {"Ya": [3, 1, 2], HOSTILE: [1, 1, 1]}, salt="t")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "Smart Governance" in svg
    assert "<script" not in svg and "<img" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg  # a category and a legend entry
    assert "Biaya $5 dan $6" in svg  # no math text
    assert not re.search(r"(href|src)=\"(?!#)", svg)
    assert "@font-face" not in svg and "url(http" not in svg


def test_money_axis_and_values_are_in_indonesian_format():
    svg = charts.dimension_chart(["Smart Living", "Smart Society"],
                                 {"Jangka pendek": [1_200, 3], "Jangka panjang": [34, 0]},
                                 [1_500_000_000, 0], titles=("Kebutuhan", "Perkiraan biaya"),
                                 salt="m")
    assert "Rp1,5 M" in svg and "Perkiraan biaya" in svg and "Jangka panjang" in svg
    assert "1.234" in svg  # the total of the first stack, in Indonesian format


def test_stacked_and_readiness_charts_render():
    stacked = charts.stacked_chart(["A", "B"], {"Ya": [0.5, 1.0], "Tidak": [0.5, 0.0]},
                                   salt="s", percent=True)
    assert "100%" in stacked and "Tidak" in stacked
    box = charts.readiness_chart(["Struktur", "Infrastruktur", "Suprastruktur"],
                                 [[3.0, 4.0], [5.0], []], [3.5, 5.0, None], salt="r",
                                 average_label="Rata-rata kabupaten")
    assert "Suprastruktur" in box and "Rata-rata kabupaten" in box
