"""Done when: a planner downloads the demo round's workbook; every sheet is there, text inert."""

import io

from openpyxl import load_workbook

from app.clock import local_today
from app.demo import load_demo
from app.sample.demo.round import load_demo_round
from tests.support.factories import login


def test_the_planner_downloads_the_demo_round(client, db):
    with db.write_session() as session:
        load_demo(session, today=local_today("Asia/Makassar"))
        round_id = load_demo_round(session, today=local_today("Asia/Makassar")).round_id
    assert login(client, "perencana", "demo-perencana-2026").status_code == 303
    response = client.get(f"/rounds/{round_id}/export.xlsx?statuses=all")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Info", "Status Pengisian", "Isian", "Layanan", "Aplikasi",
                               "Dataset", "Kebutuhan", "Program Masterplan", "Matriks Dimensi",
                               "Matriks Panjang", "Tanpa Padanan", "Penilaian SPBE",
                               "Indeks SPBE", "Rasionalisasi Aplikasi", "Daftar Data",
                               "MS-Var", "Monev Program", "Monev Jangka",
                               "Perbandingan Tahunan", "Kamus Data"]
    status = [row[3] for row in book["Status Pengisian"].iter_rows(min_row=2, values_only=True)]
    assert len(status) == 30 and {"Belum mulai", "Draf", "Dikirim", "Perlu perbaikan",
                                  "Disetujui"} == set(status)
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    assert cell.quotePrefix, cell  # as typed, kept inert by the style
    matrix = list(book["Matriks Dimensi"].iter_rows(values_only=True))
    header, total = matrix[0], matrix[-1]
    dimensions = [header.index(f"Smart {d}") for d in ("Governance", "Branding", "Economy",
                                                         "Living", "Society", "Environment")]
    assert all(total[i] > 0 for i in dimensions)  # the demo needs cover all six dimensions
    # the demo round is carried from "Periode Pengisian 2025": last year's figures are there
    yearly = list(book["Perbandingan Tahunan"].iter_rows(values_only=True))
    last = yearly[0].index("Bandwidth (Mbps) (periode lalu)")
    assert sum(1 for row in yearly[1:] if row[last] is not None) == 24
