"""Planners edit the crosswalk on its page and through an XLSX round trip (download, edit,
preview, confirm); bad rows are refused with their row; viewers only read."""

import io

from openpyxl import load_workbook
from sqlmodel import select

from app.audits.models import AuditEvent
from tests.analyses.conftest import sign_in
from tests.support.factories import seed_roles

PAIR = "source=GMSC-2021&target=RPM-KC-2026"


def links(client) -> dict[tuple[str, str], str]:
    return {(link["source"], link["target"]): link["relation"]
            for link in client.get(f"/api/v1/crosswalks?{PAIR}").json()}


def edited(client, change) -> bytes:
    response = client.get(f"/crosswalks.xlsx?{PAIR}")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    change(book["Padanan"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def make_energy_environment(sheet):
    for row in sheet.iter_rows(min_row=2):
        if row[1].value == "wajah_kota":
            row[6].value = "terkait"
    sheet.append(["GMSC-2021", "energi", "", "RPM-KC-2026", "lingkungan", "", "bagian dari",
                  "Energi masuk Lingkungan"])


def test_the_xlsx_round_trip_replaces_the_pairs_links_after_a_preview(client, db):
    seed_roles(db)
    csrf = sign_in(client, "planner")
    before = links(client)
    assert before[("GMSC-2021:wajah_kota", "RPM-KC-2026:kehidupan_berkota")] == "part_of"
    data = edited(client, make_energy_environment)
    preview = client.post("/crosswalks/import", data={"csrf_token": csrf},
                          files={"file": ("padanan.xlsx", data)})
    assert preview.status_code == 200
    assert links(client) == before  # a preview changes nothing
    key = preview.text.split('name="key" value="')[1].split('"')[0]
    confirmed = client.post("/crosswalks/import/confirm", data={"csrf_token": csrf, "key": key},
                            follow_redirects=False)
    assert confirmed.status_code == 303 and "n=15" in confirmed.headers["location"]
    after = links(client)
    assert after[("GMSC-2021:wajah_kota", "RPM-KC-2026:kehidupan_berkota")] == "related"
    assert after[("GMSC-2021:energi", "RPM-KC-2026:lingkungan")] == "part_of"
    assert len(after) == 15
    with db.session() as session:
        [event] = session.exec(select(AuditEvent).where(
            AuditEvent.action == "crosswalk.imported")).all()
    assert (event.details["links"], event.details["removed"]) == (15, 14)


def test_a_file_naming_an_unknown_node_is_refused_with_its_row_and_imports_nothing(client, db):
    seed_roles(db)
    sign_in(client, "planner")
    before = links(client)

    def bad(sheet):
        sheet.append(["GMSC-2021", "tidak_ada", "", "RPM-KC-2026", "lingkungan", "", "sama"])

    response = client.post("/api/v1/crosswalks/import?dry_run=false",
                           files={"file": ("padanan.xlsx", edited(client, bad))},
                           headers={"X-CSRF-Token": sign_in(client, "planner")})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["message"] == "Berkas padanan ditolak: lihat daftar masalah."
    assert error["problems"] == ['row 16: column simpul_asal: GMSC-2021 has no node "tidak_ada"']
    assert links(client) == before


def test_a_link_added_on_the_page_is_audited_and_viewers_cannot(client, db):
    seed_roles(db)
    csrf = sign_in(client, "viewer")
    form = {"source": "GMSC-2021:energi", "target": "RPM-KC-2026:lingkungan",
            "relation": "part_of", "csrf_token": csrf}
    assert client.post("/crosswalks", data=form, follow_redirects=False).status_code == 403
    assert client.get(f"/crosswalks.xlsx?{PAIR}").status_code == 200  # viewers download
    csrf = sign_in(client, "planner")
    saved = client.post("/crosswalks", data={**form, "csrf_token": csrf},
                        follow_redirects=False)
    assert saved.status_code == 303
    assert links(client)[("GMSC-2021:energi", "RPM-KC-2026:lingkungan")] == "part_of"
    wrong = client.post("/crosswalks", data={**form, "csrf_token": csrf, "relation": "mirip"})
    assert wrong.status_code == 422
