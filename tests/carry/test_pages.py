"""The yearly cycle on the pages: the officer's carried marks and row status (no JavaScript),
the planner's review (changed since the last round, programme status) and the progress."""

from app.accounts.models import User
from app.submissions import service
from tests.carry.conftest import carry
from tests.rounds.world import signed_in


def _officer(app, db, settings, world):
    return signed_in(app, db, settings, world["officer_a"])


def test_officer_sees_last_year_and_confirms_rows_without_javascript(app, client, db, settings,
                                                                    year_one):
    second = carry(db, year_one)
    officer = _officer(app, db, settings, year_one)
    with db.session() as session:
        draft = service.find(session, round_id=second.id, opd_id=year_one["a"])
        answers, version = service.working_answers(draft), draft.version
    answers["internet_bandwidth"] = 25
    put = officer.put(f"/api/v1/rounds/{second.id}/submission",
                      json={"version": version, "answers": answers})
    assert put.status_code == 200, put.text
    page = officer.get(f"/rounds/{second.id}/form?section=infrastruktur").text
    assert "Isian ini dimulai dari jawaban Anda pada «Periode Pengisian 2025»" in page
    assert "Tahun lalu: <strong>50,5 Mbps</strong>" in page
    assert "Sama dengan periode sebelumnya" in page  # e.g. jumlah_komputer, unchanged
    layanan = officer.get(f"/rounds/{second.id}/form?section=daftar_layanan").text
    assert 'name="layanan#layanan1/_carry" value="retired"' in layanan
    assert "Masih sama" in layanan and "Tidak berlaku lagi" in layanan
    # the form without JavaScript: post the section with the rows' status
    form = {"version": str(put.json()["version"]), "go": "stay",
            "rows:layanan": ["layanan1", "layanan2"],
            "layanan#layanan1/_carry": "same", "layanan#layanan2/_carry": "retired"}
    for row in answers["layanan"]:
        for name, value in row.items():
            if not name.startswith("_"):
                values = value if isinstance(value, list) else [str(value)]
                form[f"layanan#{row['_id']}/{name}"] = values
    posted = officer.post(f"/rounds/{second.id}/form?section=daftar_layanan", data=form,
                          follow_redirects=False)
    assert posted.status_code == 303, posted.text[:2000]
    with db.session() as session:
        draft = service.find(session, round_id=second.id, opd_id=year_one["a"])
        assert [r["_id"] for r in draft.answers["layanan"]] == ["layanan1"]
        kept = {r["_id"]: r["_carry"] for r in draft.draft_answers["layanan"]}
        assert kept == {"layanan1": "same", "layanan2": "retired"}
    again = officer.get(f"/rounds/{second.id}/form?section=daftar_layanan").text
    assert 'data-carry="retired"' in again


def test_planner_sees_changes_since_last_round_and_updates_a_programme(app, client, db,
                                                                       settings, year_one):
    second = carry(db, year_one)
    with db.session() as session:
        draft = service.find(session, round_id=second.id, opd_id=year_one["a"])
        answers, version, draft_id = service.working_answers(draft), draft.version, draft.id
        planner = session.get(User, year_one["planner"].id)
    answers["internet_bandwidth"] = 25
    officer = _officer(app, db, settings, year_one)
    officer.put(f"/api/v1/rounds/{second.id}/submission",
                json={"version": version, "answers": answers})
    staff = signed_in(app, db, settings, planner)
    page = staff.get(f"/submissions/{draft_id}").text
    assert "Berubah sejak periode sebelumnya" in page
    assert "Kapasitas internet kantor (Mbps)" in page
    twin = staff.get(f"/api/v1/submissions/{draft_id}/since-last").json()
    assert twin["source_round"] == "Periode Pengisian 2025"
    assert [c for c in twin["changes"] if c["path"] == "internet_bandwidth"][0]["after"] == "25"
    done = staff.post(f"/api/v1/submissions/{draft_id}/programmes",
                      json={"row_id": "kebutuhan2", "status": "selesai", "note": "Tuntas"})
    assert done.status_code == 200, done.text
    bad = staff.post(f"/api/v1/submissions/{draft_id}/programmes",
                     json={"row_id": "kebutuhan2", "status": "entah"})
    assert bad.status_code == 422
    progress = staff.get(f"/api/v1/rounds/{second.id}/progress").json()
    row = [r for r in progress["rows"] if r["opd_code"] == "OPD-A"][0]
    assert row["carry"]["rows"] == 8 and row["carry"]["changed_answers"] == 1
    assert "8 baris dibawa · 0 dikonfirmasi" in staff.get(f"/rounds/{second.id}").text
