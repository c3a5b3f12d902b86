"""OPD register pages and API: search, filter, create, edit, deactivate, delete, import."""

import re

import pytest
from sqlmodel import select

from app.audits.models import AuditEvent
from app.opds.models import Opd
from tests.rounds.world import build_world, signed_in

HEADER = "code,name,short_name,kind,parent_code\n"


@pytest.fixture
def world(db):
    return build_world(db)


@pytest.fixture
def planner(app, client, db, settings, world):
    return signed_in(app, db, settings, world.users["planner"])


def codes_on(html: str) -> list[str]:
    return re.findall(r'<tr data-code="([^"]+)">', html)


def register(db) -> dict[str, tuple]:
    with db.session() as session:
        return {o.code: (o.name, o.kind, o.active) for o in session.exec(select(Opd))}


def test_search_and_filter_by_kind(planner):
    assert codes_on(planner.get("/opds").text) == ["KEC-C", "OPD-A", "OPD-B"]
    assert codes_on(planner.get("/opds?kind=kecamatan").text) == ["KEC-C"]
    assert codes_on(planner.get("/opds?q=dinas b").text) == ["OPD-B"]
    api = planner.get("/api/v1/opds?kind=dinas&q=OPD").json()
    assert [o["code"] for o in api] == ["OPD-A", "OPD-B"]


def test_create_edit_and_the_form_explains_problems(db, planner):
    bad = planner.post("/opds/new", data={"code": "no spaces", "name": "", "kind": "dinas"})
    assert bad.status_code == 422
    assert "Kode 1–32 karakter" in bad.text and "Nama OPD wajib diisi." in bad.text
    taken = planner.post("/opds/new", data={"code": "OPD-A", "name": "Lagi", "kind": "dinas"})
    assert "Kode ini sudah dipakai OPD lain." in taken.text
    done = planner.post("/opds/new", data={"code": "BAG-HUKUM", "name": "Bagian Hukum",
                                       "kind": "bagian", "parent_code": "OPD-A"},
                        follow_redirects=True)
    assert "OPD ditambahkan." in done.text and "BAG-HUKUM" in codes_on(done.text)
    with db.session() as session:
        opd = session.exec(select(Opd).where(Opd.code == "BAG-HUKUM")).one()
    edited = planner.post(f"/opds/{opd.id}", data={"name": "Bagian Hukum Setda",
                                                   "kind": "bagian", "parent_code": ""},
                          follow_redirects=True)
    assert "OPD diperbarui." in edited.text
    assert register(db)["BAG-HUKUM"] == ("Bagian Hukum Setda", "bagian", True)


def test_a_parent_loop_is_refused(db, planner, world):
    planner.post("/opds/new", data={"code": "ANAK", "name": "Anak", "kind": "bagian",
                                "parent_code": "OPD-A"})
    loop = planner.post(f"/opds/{world.opd_a.id}", data={"name": "Dinas A", "kind": "dinas",
                                                         "parent_code": "ANAK"})
    assert loop.status_code == 422 and "membuat lingkaran" in loop.text


def test_an_opd_with_data_is_deactivated_never_deleted(db, planner, world):
    refused = planner.post(f"/opds/{world.opd_a.id}/delete")
    assert refused.status_code == 409
    assert "OPD ini sudah memiliki data sehingga tidak dapat dihapus." in refused.text
    assert planner.delete(f"/api/v1/opds/{world.opd_a.id}").status_code == 409
    done = planner.post(f"/opds/{world.opd_a.id}/deactivate", follow_redirects=True)
    assert "OPD dinonaktifkan." in done.text
    assert register(db)["OPD-A"][2] is False
    planner.post("/opds/new", data={"code": "KOSONG", "name": "Tanpa data", "kind": "dinas"})
    with db.session() as session:
        empty = session.exec(select(Opd).where(Opd.code == "KOSONG")).one()
    assert planner.delete(f"/api/v1/opds/{empty.id}").status_code == 204
    assert "KOSONG" not in register(db)
    with db.session() as session:
        deleted = session.exec(select(AuditEvent).where(AuditEvent.action == "opd.deleted")).one()
    assert deleted.details["code"] == "KOSONG"


def test_import_previews_row_by_row_before_writing(db, planner):
    page = planner.post("/opds/import", files={"file": ("opd.csv", (
        HEADER + "OPD-A,Dinas A Baru,,dinas,\nBARU,Badan Baru,,badan,\n"
        "OPD-B,Dinas B,,dinas,\n").encode(), "text/csv")})
    assert page.status_code == 200
    actions = dict(re.findall(r'<tr data-code="([^"]+)">.*?<td>([^<]+)</td></tr>', page.text))
    assert actions == {"OPD-A": "diperbarui", "BARU": "baru", "OPD-B": "tetap"}
    assert "BARU" not in register(db)  # nothing written yet
    key = re.search(r'name="key" value="([0-9a-f]{64})"', page.text).group(1)
    done = planner.post("/opds/import/confirm", data={"key": key}, follow_redirects=True)
    assert "Impor selesai: 1 OPD baru, 2 OPD diperbarui." in done.text
    assert register(db)["OPD-A"][0] == "Dinas A Baru" and "BARU" in register(db)


def test_import_problems_are_listed_by_row_and_column_and_nothing_is_written(db, planner):
    page = planner.post("/opds/import", files={"file": ("opd.csv", (
        HEADER + "BARU,Badan Baru,,badan,\nX Y,,,planet,\n").encode(), "text/csv")})
    assert page.status_code == 422
    problems = re.findall(r"<tr><td>(\d+|–)</td><td>([^<]+)</td><td>([^<]+)</td></tr>",
                          page.text)
    assert ("3", "code", "invalid code &#39;X Y&#39; (1-32 letters, digits, &#39;.&#39;, "
            "&#39;-&#39; or &#39;_&#39;)") in problems
    assert {(row, column) for row, column, _ in problems} >= {("3", "name"), ("3", "kind")}
    assert "name=\"key\"" not in page.text and "BARU" not in register(db)


def test_a_file_over_one_megabyte_is_previewed_then_imported_by_its_key(db, planner):
    rows = "".join(f"IMP-{n:04d},Unit Pelaksana Teknis {n} {'x' * 150},UPT {n} {'y' * 60},"
                   "badan,\n" for n in range(4_000))
    data = (HEADER + rows).encode()
    assert len(data) > 1_000_000
    page = planner.post("/opds/import", files={"file": ("besar.csv", data, "text/csv")})
    assert page.status_code == 200, page.text[:500]
    key = re.search(r'name="key" value="([0-9a-f]{64})"', page.text).group(1)
    assert "name=\"data\"" not in page.text  # the file does not travel back to the browser
    done = planner.post("/opds/import/confirm", data={"key": key}, follow_redirects=True)
    assert "Impor selesai: 4000 OPD baru, 0 OPD diperbarui." in done.text
    assert "IMP-3999" in register(db)
    again = planner.post("/opds/import/confirm", data={"key": key})
    assert again.status_code == 422 and "Unggah berkasnya sekali lagi" in again.text


def test_the_import_api_dry_runs_by_default(db, planner):
    csv = (HEADER + "BARU,Badan Baru,,badan,\n").encode()
    refused = planner.post("/api/v1/opds/import",
                           files={"file": ("opd.csv", b"bukan,berkas\n\x00", "text/csv")})
    assert refused.status_code == 422
    assert refused.json()["error"]["problems"] and not refused.json().get("ok")
    dry = planner.post("/api/v1/opds/import", files={"file": ("opd.csv", csv, "text/csv")})
    assert dry.json()["ok"] and not dry.json()["written"] and "BARU" not in register(db)
    real = planner.post("/api/v1/opds/import?dry_run=false",
                        files={"file": ("opd.csv", csv, "text/csv")})
    assert real.json()["written"] and real.json()["created"] == 1 and "BARU" in register(db)


def test_viewers_read_the_register_but_cannot_change_it(app, client, db, settings, world):
    viewer = signed_in(app, db, settings, world.users["viewer"])
    page = viewer.get("/opds")
    assert page.status_code == 200 and "/opds/new" not in page.text
    assert viewer.post("/opds/new", data={"code": "X", "name": "X", "kind": "dinas"}).status_code \
        == 403
    assert viewer.get(f"/opds/{world.opd_a.id}").status_code == 403
    assert viewer.get(f"/api/v1/opds/{world.opd_a.id}").json()["code"] == "OPD-A"
