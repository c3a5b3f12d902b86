"""The analysis report as an A4 PDF (Typst), read back with pypdf: pages, numbers, the same
figures as the HTML, the charts, repeated table headers; the route and the CLI (issue 15)."""

import io
import re

import pytest
from pypdf import PdfReader

from reports import build_report, render_html
from reports.pdf import blocks, render_document, render_pdf
from tests.reports.conftest import seed_round
from tests.reports.fixtures import report_input
from tests.reports.test_web import ROLES, as_role

A4 = (595, 842)  # points, rounded
PAGE = {"anonymous": 303, "officer_a": 403, "officer_b": 403, "viewer": 200, "planner": 200,
        "admin": 200}


def text_of(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [page.extract_text() for page in reader.pages]


@pytest.fixture(scope="module")
def built():
    report = build_report(report_input())
    return report, render_pdf(report), render_html(report)


def test_a4_pages_numbered_n_of_total(built):
    _, pdf, _ = built
    reader, pages = text_of(pdf)
    total = len(reader.pages)
    assert pdf.startswith(b"%PDF") and total >= 8  # the cover and seven chapters, a page each
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4
    for number, text in enumerate(pages, start=1):
        assert f"Halaman {number} dari {total}" in text


def test_every_chapter_and_the_same_numbers_as_the_html(built):
    report, pdf, html = built
    text = "\n".join(text_of(pdf)[1])
    for title in ("1. Ringkasan", "2. Kebutuhan per Dimensi", "3. Prioritas",
                  "4. Kebutuhan Lintas OPD", "5. Kesiapan", "6. Per Pertanyaan",
                  "7. Profil OPD"):
        assert title in text
    for figure in ("Rp4.100.000.000", "75,8", "3,50", "66,7%"):
        assert figure in html and figure in text, figure
    assert str(report.summary.total_needs) in text


def test_the_charts_are_drawn(built):
    _, _, html = built
    text = "\n".join(text_of(built[1])[1])
    for label in ("Rp1,5 M", "Struktur"):  # axis labels of the cost and readiness charts
        assert label in html and label in text, label


def test_a_table_longer_than_a_page_repeats_its_header_on_every_page():
    rows = [[f"baris {i}", f"Rp{i}.000"] for i in range(300)]
    document = {"title": "Uji", "lang": "id", "header": "Uji", "footer": "{page}/{pages}",
                "blocks": [blocks.table(["Kolom Nama", "Kolom Biaya"], rows, "lr")]}
    reader, pages = text_of(render_document(document))
    assert len(pages) >= 4
    assert all("Kolom Nama" in text and "Kolom Biaya" in text for text in pages)
    assert "baris 299" in pages[-1]


def test_the_route_gives_the_pdf_to_staff_only(client, db):
    round_id = seed_round(db).round_id
    for role in ROLES:
        as_role(client, role)
        response = client.get(f"/rounds/{round_id}/report.pdf", follow_redirects=False)
        assert response.status_code == PAGE[role], role
    assert response.headers["content-type"] == "application/pdf"
    assert re.match(r'attachment; filename="laporan-periode-2026-\d{8}-\d{4}\.pdf"',
                    response.headers["content-disposition"])
    html = client.get(f"/rounds/{round_id}/report").text
    text = "\n".join(text_of(response.content)[1])
    cost = re.search(r'<span class="value">(Rp[\d.]+)</span><span class="label">Perkiraan', html)
    assert cost and cost.group(1) in text  # the total cost, as the HTML shows it
