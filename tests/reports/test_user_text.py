"""User text in the report: bidi controls cannot reorder it, long texts are cut in tables and
shown whole in the OPD profile (issue 15)."""

import dataclasses
import re

from reports import Need, build_report, render_html
from reports.text import CUT, cut, shown
from tests.reports.fixtures import report_input

RLO_NAME = "Aplikasi \u202egnp.exe\u202c resmi"
LONG = "Sistem informasi terpadu " + "sangat panjang " * 700  # about 10,000 characters


def _html() -> str:
    data = report_input()
    extra = [Need("DINKES", RLO_NAME, "governance", "layanan_publik", cost=1, priority=4),
             Need("DINKES", LONG, "living", "kesehatan", cost=2, priority=5)]
    data = dataclasses.replace(data, needs=[*data.needs, *extra])
    return render_html(build_report(data))


def test_bidi_controls_are_removed_and_user_text_isolated():
    html = _html()
    assert "\u202e" not in html and "\u202c" not in html
    assert "<bdi>Aplikasi gnp.exe resmi</bdi>" in html
    assert "<bdi>Dinas Kesehatan</bdi>" in html  # OPD names too
    assert shown("a\u2067b\u2069\u200fc") == "abc"


def test_a_long_title_is_cut_in_tables_and_whole_in_the_opd_profile():
    html = _html()
    cells = re.findall(r'<td class="wrap"><bdi>(Sistem informasi terpadu[^<]*)</bdi>', html)
    assert cells and all(len(cell) <= CUT and cell.endswith("…") for cell in cells)
    profile = html[html.index('id="opd-dinkes"'):]
    profile = profile[:profile.index("</article>")]
    assert f"<bdi>{LONG.strip()}</bdi>" in profile or f"<bdi>{LONG}</bdi>" in profile
    assert html.count(LONG) == 1  # once, in the profile


def test_cut_keeps_short_text_and_marks_a_cut():
    assert cut("pendek") == "pendek"
    assert cut("x" * 500, 10) == "x" * 9 + "…"
