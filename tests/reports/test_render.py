"""The report as one self-contained HTML file, and its JSON twin."""

import json
import re

import pytest

from reports import build_report, render_html, report_json
from reports.render import _svg
from tests.reports.fixtures import HOSTILE, report_input

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture(scope="module")
def html():
    return render_html(build_report(report_input()))


def test_every_section_is_there_with_its_figures(html):
    for title in ("1. Ringkasan", "2. Kebutuhan per Dimensi", "3. Prioritas",
                  "4. Kebutuhan Lintas OPD", "5. Kesiapan", "6. Per Pertanyaan",
                  "7. Profil OPD"):
        assert f"{title}</h2>" in html
    assert "Rp4.100.000.000" in html  # total estimated cost
    assert "75,8" in html  # the top score
    assert "Skor = 100 × (25 × prioritas_opd + 10 × cakupan_dimensi" in html
    assert "token_sort_ratio" in html and "≥ 85" in html
    assert "Rata-rata kabupaten" in html and "3,50" in html
    assert "66,7%" in html  # jaringan intra: 2 of 3
    assert html.count("<svg") == 2  # needs by timeframe and cost per dimension; readiness


def test_hostile_text_is_escaped_everywhere(html):
    assert "<script" not in html and "<img" not in html
    assert html.count(ESCAPED) >= 6  # round name, OPD name, need title, choice label


def test_tables_link_to_the_opd_profiles(html):
    assert '<article class="profile" id="opd-dinkes">' in html
    assert '<a href="#opd-dinkes"><bdi>Dinas Kesehatan</bdi></a>' in html
    anchors = set(re.findall(r'href="#([^"]+)"', html))
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert anchors <= ids


def test_the_file_makes_no_request(html):
    attribute = r"""<[^>]*\s(src|href|xlink:href|action|srcset|data)\s*=\s*["']?(?![#"'])"""
    assert not re.search(attribute, html)
    assert not re.search(r"url\((?!#)", html)
    assert "@import" not in html and "<link" not in html and "<script" not in html


def test_print_stylesheet_for_a4(html):
    assert "@page { size: A4" in html
    assert "break-before: page" in html and "display: table-header-group" in html


def test_english_report():
    html = render_html(build_report(report_input("en")))
    assert '<html lang="en">' in html and "1. Summary</h2>" in html
    assert "Rp4,100,000,000" in html and "Regency average" in html


def test_only_chart_svg_is_inlined():
    with pytest.raises(ValueError):
        _svg(HOSTILE)


def test_json_twin_has_the_data_without_charts():
    data = report_json(build_report(report_input()))
    text = json.dumps(data)
    assert "<svg" not in text
    assert data["summary"]["total_cost"] == 4_100_000_000
    assert data["dimensions"]["total"]["needs"] == 5
    assert data["priority"]["ranked"][0]["score"] == 75.76
    assert data["round"]["generated_at"] == "2026-03-10T04:00:00+00:00"
