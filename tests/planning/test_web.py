"""The planning workspace over HTTP (both backends): planners edit through the pages and the
JSON API, viewers read, every change is audited, the Masterplan workbook round-trips."""

import io
import re

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app.audits.models import AuditEvent
from tests.reports.conftest import seed_round
from tests.support.factories import csrf_from, login

NODES = [
    {"kind": "misi", "code": "M1", "text": "Tata kelola pemerintahan digital yang bersih"},
    {"kind": "tujuan", "code": "M1.T1", "parent_code": "M1", "text": "Tata kelola yang baik"},
    {"kind": "sasaran", "code": "M1.T1.S1", "parent_code": "M1.T1",
     "text": "Meningkatnya layanan publik dan integrasi data"},
    {"kind": "iku", "code": "IKU-1", "parent_code": "M1.T1.S1", "text": "Indeks SPBE",
     "unit": "indeks", "targets": {"2026": 2.8, "2029": 3.13}},
    {"kind": "misi", "code": "M2", "text": "Ekonomi kerakyatan"},
]


@pytest.fixture
def seeded(db):
    return seed_round(db)


def as_role(client, role):
    client.cookies.clear()
    assert login(client, role).status_code == 303
    return {"X-CSRF-Token": csrf_from(client.get("/account").text)}


def fill(client, round_id):
    """Years, APBD and the RPJMD through the API, as a planner."""
    headers = as_role(client, "planner")
    api = f"/api/v1/rounds/{round_id}/planning"
    answer = client.put(f"{api}/years", headers=headers, json={
        "first": 2025, "last": 2029, "apbd": {"2026": 1_500_000_000_000}})
    assert answer.status_code == 200, answer.text
    for node in NODES:
        assert client.put(f"{api}/nodes", headers=headers, json=node).status_code == 200
    return headers, api


def test_viewers_read_and_planners_edit(client, seeded):
    headers, api = fill(client, seeded.round_id)
    data = client.get(api).json()
    assert data["years"] == [2025, 2026, 2027, 2028, 2029]
    assert data["regency"] == "Kabupaten Luwu Utara"
    assert len(data["programmes"]) == seeded.needs
    viewer = as_role(client, "viewer")
    assert client.get(api).status_code == 200
    page = client.get(f"/rounds/{seeded.round_id}/planning")
    assert page.status_code == 200 and "Struktur RPJMD" in page.text
    assert "Indeks SPBE" in page.text and "Belum ada program" in page.text
    assert client.put(f"{api}/years", headers=viewer,
                      json={"first": 2025, "last": 2026}).status_code == 403
    as_role(client, "officer_a")
    assert client.get(api).status_code == 403


def test_bad_input_is_refused_with_a_message_and_keeps_what_was_saved(client, seeded, db):
    headers, api = fill(client, seeded.round_id)
    orphan = client.put(f"{api}/nodes", headers=headers,
                        json={"kind": "sasaran", "code": "S9", "parent_code": "M1",
                              "text": "Sasaran tanpa tujuan"})
    assert orphan.status_code == 422
    assert orphan.json()["error"]["fields"]["parent_code"] == "planning.error.parent_sasaran"
    page = client.post(f"/rounds/{seeded.round_id}/planning/years",
                       data={"first": "2025", "last": "2040", "csrf_token": headers[
                           "X-CSRF-Token"]})
    assert page.status_code == 422 and "1–10 tahun berurutan" in page.text
    assert client.get(api).json()["years"] == [2025, 2026, 2027, 2028, 2029]
    with db.session() as session:
        actions = [e.action for e in session.exec(select(AuditEvent).where(
            AuditEvent.action.startswith("planning.")))]
    assert actions.count("planning.node_saved") == len(NODES)
    assert "planning.years_set" in actions


def test_a_suggestion_accepted_on_the_page_fills_the_coverage(client, seeded):
    headers, api = fill(client, seeded.round_id)
    code = client.get(api).json()["programmes"][0]["code"]
    posted = client.post(f"/rounds/{seeded.round_id}/planning/alignments", data={
        "programme_code": code, "node_code": "M1.T1.S1", "state": "accepted",
        "strength": "langsung", "csrf_token": headers["X-CSRF-Token"]}, follow_redirects=False)
    assert posted.status_code == 303
    data = client.get(api).json()
    coverage = next(t for t in data["tables"] if t["key"] == "cakupan")
    rows = {row[0]: row for row in coverage["rows"]}
    assert rows["M1"][2] == 1 and rows["M1"][3] == 1  # one programme, direct
    assert rows["M2"][-1] == "Belum ada program"
    matrix = next(t for t in data["tables"] if t["key"] == "matriks")
    assert sum(matrix["flagged"]) == seeded.needs - 1  # the others align to nothing


def test_a_group_of_needs_of_two_opds_and_its_costs(client, seeded):
    headers, api = fill(client, seeded.round_id)
    programmes = client.get(api).json()["programmes"]
    a = next(p for p in programmes if p["opds"] == ["OPD-A"])
    b = next(p for p in programmes if p["opds"] == ["OPD-B"])
    answer = client.put(f"{api}/programmes", headers=headers, json={
        "code": "PLATFORM", "name": "Platform bersama", "members": [a["code"], b["code"]],
        "owner_opd": "OPD-A", "start_year": 2026, "duration": 2, "funding": "kpbu",
        "costs": {"2026": 600_000_000, "2027": 400_000_000}})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    group = next(p for p in data["programmes"] if p["code"] == "PLATFORM")
    assert group["opds"] == ["OPD-A", "OPD-B"] and group["cost"] == 1_000_000_000
    assert len(data["programmes"]) == seeded.needs - 1
    funding = next(t for t in data["tables"] if t["key"] == "rab_sumber")
    kpbu = next(r for r in funding["rows"] if r[0] == "KPBU")
    assert kpbu[1:4] == [1, 0, 600_000_000]  # programmes, 2025, 2026
    yearly = next(t for t in data["tables"] if t["key"] == "rab_tahun")
    year_2026 = next(r for r in yearly["rows"] if r[0] == 2026)
    assert year_2026[3] == 1_500_000_000_000 and year_2026[4] == year_2026[1] / year_2026[3]


def test_the_workbook_round_trips_and_a_bad_workbook_changes_nothing(client, seeded):
    headers, api = fill(client, seeded.round_id)
    as_role(client, "viewer")
    download = client.get(f"/rounds/{seeded.round_id}/planning/masterplan.xlsx")
    assert download.status_code == 200
    book = load_workbook(io.BytesIO(download.content))
    for name in ("Tahun", "RPJMD", "Program", "Keselarasan", "Cakupan Misi", "Peta Jalan",
                 "RAB Dimensi", "RAB Sumber Dana", "RAB OPD", "RAB Tahunan", "Cek Quick Win"):
        assert name in book.sheetnames
    gantt = book["Peta Jalan"]
    assert gantt.conditional_formatting  # the year cells are filled where a programme runs
    assert [c.value for c in gantt[1]][9:14] == ["2025", "2026", "2027", "2028", "2029"]
    totals = [r for r in book["RAB Tahunan"].iter_rows(values_only=True)]
    page_total = next(t for t in client.get(api).json()["tables"] if t["key"] == "rab_tahun")
    assert totals[-1][1] == page_total["footer"][1]
    assert totals[-2][0] == "Di luar periode rencana (tidak termasuk jumlah)"
    assert totals[-1][1] + totals[-2][1] == seeded.cost
    book["Tahun"]["B2"] = 1_200_000_000_000
    book["RPJMD"].append(["Misi", "M3", None, "Lingkungan lestari", None])
    changed = io.BytesIO()
    book.save(changed)
    headers = as_role(client, "planner")
    upload = client.post(f"/rounds/{seeded.round_id}/planning/import", headers=headers,
                         files={"file": ("rencana.xlsx", changed.getvalue())},
                         follow_redirects=False)
    assert upload.status_code == 303
    data = client.get(api).json()
    assert data["apbd"]["2025"] == 1_200_000_000_000
    assert [n["code"] for n in data["nodes"]][-1] == "M3"
    book["RPJMD"].append(["Sasaran", "S-X", "M3", "Tanpa tujuan", None])
    book["Tahun"]["B3"] = "banyak"
    broken = io.BytesIO()
    book.save(broken)
    refused = client.post(f"/rounds/{seeded.round_id}/planning/import", headers=headers,
                          files={"file": ("rencana.xlsx", broken.getvalue())})
    assert refused.status_code == 422
    assert "Lembar RPJMD, baris" in refused.text and "Lembar Tahun, baris 3" in refused.text
    assert len(client.get(api).json()["nodes"]) == len(NODES) + 1


def test_the_report_gets_the_plan_with_the_roadmap_as_svg(client, seeded):
    fill(client, seeded.round_id)
    as_role(client, "viewer")
    html = client.get(f"/rounds/{seeded.round_id}/report").text
    assert "11. Perencanaan Masterplan" in html and html.count("<svg") == 4
    contents = re.findall(r'<li><a href="#([\w-]+)">', html.split("</nav>")[0])
    assert contents.index("perencanaan") == 10 and contents[-1] == "perencanaan"
    assert "Kabupaten Luwu Utara" in html
    data = client.get(f"/api/v1/rounds/{seeded.round_id}/report").json()
    planning = {t["title"]: t for t in data["planning"]["tables"]}
    yearly = planning["RAB per tahun, quick win dan rasio terhadap APBD"]
    page = client.get(f"/api/v1/rounds/{seeded.round_id}/planning").json()
    assert yearly["footer"] == next(t for t in page["tables"]
                                    if t["key"] == "rab_tahun")["footer"]
    assert "chart" not in data["planning"]


def test_text_is_inert_in_the_page_and_the_workbook(client, seeded):
    headers, api = fill(client, seeded.round_id)
    hostile = '=HYPERLINK("http://x")<script>alert(1)</script>'
    assert client.put(f"{api}/nodes", headers=headers, json={
        "kind": "misi", "code": "M9", "text": hostile}).status_code == 200
    huge = client.put(f"{api}/nodes", headers=headers, json={
        "kind": "iku", "code": "IKU-9", "parent_code": "M1.T1.S1", "text": "x",
        "targets": {"2026": 1e300}})
    assert huge.status_code == 422
    page = client.get(f"/rounds/{seeded.round_id}/planning").text
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    book = load_workbook(io.BytesIO(
        client.get(f"/rounds/{seeded.round_id}/planning/masterplan.xlsx").content))
    texts = [row[3] for row in book["RPJMD"].iter_rows(values_only=True)]
    assert "'" + hostile in texts
    assert any(row[1] == "'" + hostile for row in book["Cakupan Misi"].iter_rows(
        values_only=True))
    again = io.BytesIO()
    book.save(again)
    assert client.post(f"/rounds/{seeded.round_id}/planning/import", headers=headers,
                       files={"file": ("x.xlsx", again.getvalue())},
                       follow_redirects=False).status_code == 303
    assert hostile in [n["text"] for n in client.get(api).json()["nodes"]]  # unchanged
