"""Chapters 8–11 of the PDF report (Indeks SPBE, Rasionalisasi Aplikasi, Satu Data and, when
the round has a plan, Perencanaan Masterplan) and the framework on its cover, read back with
pypdf: the same figures as the HTML report of the same round (both backends)."""

import dataclasses
import re

from reports import build_report, render_html
from reports.pdf import render_pdf
from reports.results import PlanningSection, PlanTable
from tests.planning.test_web import as_role, fill
from tests.reports.conftest import seed_round
from tests.reports.fixtures import report_input
from tests.reports.test_pdf import text_of

CHAPTERS = ("8. Indeks SPBE", "9. Rasionalisasi Aplikasi", "10. Satu Data")
PLANNING = "11. Perencanaan Masterplan"


def both(client, round_id: int) -> tuple[str, str]:
    """The HTML report and the PDF's text, as a viewer sees them."""
    as_role(client, "viewer")
    html = client.get(f"/rounds/{round_id}/report").text
    response = client.get(f"/rounds/{round_id}/report.pdf")
    assert response.status_code == 200
    return html, "\n".join(text_of(response.content)[1])


def card(html: str, label: str) -> str:
    found = re.search(rf'<span class="value">([^<]+)</span><span class="label">{label}', html)
    assert found, label
    return found.group(1)


def test_the_analyses_chapters_show_the_html_figures_and_no_plan_without_one(client, db):
    html, text = both(client, seed_round(db).round_id)
    for title in CHAPTERS:
        assert title in html and title in text, title
    assert PLANNING not in html and PLANNING not in text
    index = card(html, "Indeks SPBE")
    assert re.fullmatch(r"\d+,\d{3}", index) and f"{index}\nIndeks SPBE" in text
    assert f"Indeks SPBE 100 {index}" in text  # the domains table's total row
    completeness = card(html, "kelengkapan rata-rata")
    assert completeness.endswith("%") and completeness in text.split(CHAPTERS[2])[1]
    confirmed = re.search(r"Total</td><td class=\"num\">(\d+)</td><td class=\"num\">"
                          r"(\d+ dikonfirmasi)", html)
    assert confirmed and f"Total {confirmed.group(1)} {confirmed.group(2)}" in text
    framework = re.search(r"<dt>Kerangka</dt><dd>([^<]+)</dd>", html).group(1)
    assert f"Kerangka {framework}" in text.split("Daftar Isi")[0]  # on the cover


def test_the_plan_is_chapter_11_with_its_totals_in_rupiah_and_the_roadmap(client, db):
    round_id = seed_round(db).round_id
    fill(client, round_id)
    html, text = both(client, round_id)
    assert PLANNING in html and PLANNING in text
    plan_html, plan_text = html.split(PLANNING)[-1], text.split(PLANNING)[-1]
    totals = re.findall(r"<tfoot>.*?</tfoot>", plan_html, re.S)
    money = {m for t in totals for m in re.findall(r"Rp[\d.]+", t)}
    assert money and all(m in plan_text for m in money), money
    assert "Peta jalan program per tahun" in plan_text  # the Gantt's caption
    assert "Kabupaten Luwu Utara" in plan_text


def test_an_example_plan_says_so_and_shows_its_rows_and_total_as_the_html():
    table = PlanTable("RAB per tahun", ("Tahun", "Biaya"), ("text", "money"),
                      [["2026", 1_250_000], ["2027", None]], ["Total", 1_250_000], [True, False])
    report = dataclasses.replace(build_report(report_input()),
                                 planning=PlanningSection("Kabupaten Contoh", True, [table]))
    html, text = render_html(report), "\n".join(text_of(render_pdf(report))[1])
    plan = text.split(PLANNING)[-1]
    assert "RPJMD di sini contoh data demo" in html and "RPJMD di sini contoh data demo" in plan
    assert "2026 Rp1.250.000" in plan and "Total Rp1.250.000" in plan
    assert "Rp1.250.000" in html.split(PLANNING)[-1]
