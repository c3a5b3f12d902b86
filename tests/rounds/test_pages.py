"""Round pages and their JSON twins: create, open/close, progress, filters, reminder, bulk."""

import re

from sqlmodel import select

from app.rounds.models import Round, RoundOpd
from app.submissions.models import Submission
from tests.rounds.world import save, submit

HOSTILE = '"><img src=x onerror=alert(1)>'


def text_of(html: str) -> str:
    """The page's visible text, tags removed and spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_planner_creates_a_round_for_chosen_opds_then_opens_it(db, world, as_user):
    planner = as_user("planner")
    form = planner.get("/rounds/new")
    assert form.status_code == 200 and "Formulir Kecil · v1" in form.text
    created = planner.post("/rounds/new", data={
        "name": "Periode Uji", "questionnaire_id": str(world.qid), "scope": "chosen",
        "opd_ids": [str(world.opd_a.id), str(world.opd_c.id)],
        "closes_at": "2030-01-31"}, follow_redirects=False)
    assert created.status_code == 303
    page = planner.get(created.headers["location"])
    assert "Periode dibuat sebagai draf." in page.text
    assert "31 Januari 2030 23.59 WITA" in page.text
    with db.session() as session:
        round_ = session.exec(select(Round).where(Round.name == "Periode Uji")).one()
        asked = session.exec(select(RoundOpd.opd_id).where(RoundOpd.round_id == round_.id))
        assert sorted(asked) == sorted([world.opd_a.id, world.opd_c.id])
    opened = planner.post(f"/rounds/{round_.id}/open", follow_redirects=True)
    assert "Periode dibuka." in opened.text
    assert planner.get(f"/api/v1/rounds/{round_.id}").json()["status"] == "open"


def test_the_new_round_form_explains_its_problems(world, as_user):
    page = as_user("planner").post("/rounds/new", data={
        "name": "", "questionnaire_id": str(world.qid), "scope": "chosen",
        "closes_at": "kemarin"})
    assert page.status_code == 422
    assert "Nama periode wajib diisi." in page.text
    assert "Pilih sedikitnya satu OPD." in page.text
    assert "Tanggal dan jam tidak valid." in page.text


def test_progress_shows_status_completion_officer_and_counts(db, world, as_user):
    with db.write_session() as session:
        officer = world.users["officer_a"]
        officer = session.merge(officer)
        officer.phone = "081234567890"
        session.commit()
    save(db, world, world.opd_a, {"jumlah": 3})
    submit(db, world, world.opd_b, officer="officer_b")
    page = as_user("viewer").get(f"/rounds/{world.round.id}")
    assert page.status_code == 200
    rows = dict(re.findall(r'<tr data-opd="([^"]+)">(.*?)</tr>', page.text, re.S))
    assert "Draf" in rows["OPD-A"] and "0%" in rows["OPD-A"]
    assert "Officer_A" in rows["OPD-A"] and "081234567890" in rows["OPD-A"]
    assert "Dikirim" in rows["OPD-B"] and "100%" in rows["OPD-B"]
    assert "Belum mulai" in rows["KEC-C"] and "Belum ada petugas" in rows["KEC-C"]
    counts = dict(re.findall(r'data-status="(\w+)">(\d+)<', page.text))
    assert counts == {"not_started": "1", "draft": "1", "submitted": "1",
                      "needs_revision": "0", "approved": "0"}
    # the viewer reads but gets no planner actions
    assert "/approve" not in page.text and "/deadline" not in page.text


def test_filters_narrow_the_table_and_the_reminder(world, as_user):
    planner = as_user("planner")
    page = planner.get(f"/rounds/{world.round.id}?kind=kecamatan")
    assert re.findall(r'<tr data-opd="([^"]+)"', page.text) == ["KEC-C"]
    reminder = re.search(r'<textarea id="reminder-text" readonly>(.*?)</textarea>', page.text,
                         re.S).group(1)
    assert "1. Kecamatan C: belum mulai mengisi." in reminder and "Dinas A" not in reminder
    api = planner.get(f"/api/v1/rounds/{world.round.id}/progress?status=not_started&q=dinas")
    assert [r["opd_code"] for r in api.json()["rows"]] == ["OPD-A", "OPD-B"]
    assert api.json()["counts"]["not_started"] == 3
    reminder = planner.get(f"/api/v1/rounds/{world.round.id}/reminder?kind=dinas").json()
    assert reminder["opd_codes"] == ["OPD-A", "OPD-B"]
    assert reminder["text"].startswith("Yth. Bapak/Ibu Petugas OPD,")


def test_bulk_approval_from_the_page_approves_only_the_filtered_rows(db, world, as_user):
    submit(db, world, world.opd_a)
    submit(db, world, world.opd_b, officer="officer_b")
    planner = as_user("planner")
    page = planner.get(f"/rounds/{world.round.id}?q=OPD-A")
    assert "Setujui 1 isian terkirim yang ditampilkan" in page.text
    seen = re.findall(r'name="seen" value="([^"]+)"', page.text)
    done = planner.post(f"/rounds/{world.round.id}/approve",
                        data={"q": "OPD-A", "seen": seen}, follow_redirects=True)
    assert "1 isian disetujui." in done.text
    with db.session() as session:
        statuses = {s.opd_id: s.status for s in session.exec(select(Submission))}
    assert statuses == {world.opd_a.id: "approved", world.opd_b.id: "submitted"}
    api = planner.post(f"/api/v1/rounds/{world.round.id}/approve", json={"status": "submitted"})
    assert api.status_code == 200 and len(api.json()["approved"]) == 1


def test_extending_one_opds_deadline_from_the_page_and_the_api(world, as_user):
    planner = as_user("planner")
    done = planner.post(f"/rounds/{world.round.id}/deadline",
                        data={"opd_id": world.opd_b.id, "closes_at": "2031-03-01T12:00"},
                        follow_redirects=True)
    assert "Batas waktu OPD diperpanjang." in done.text
    row = re.search(r'<tr data-opd="OPD-B">(.*?)</tr>', done.text, re.S).group(1)
    assert "1 Maret 2031 12.00 WITA" in row
    api = planner.post(f"/api/v1/rounds/{world.round.id}/deadline",
                       json={"opd_id": world.opd_a.id, "closes_at": "2031-03-02T00:00:00Z"})
    assert api.status_code == 200 and api.json()["closes_at"].startswith("2031-03-02")
    past = planner.post(f"/api/v1/rounds/{world.round.id}/deadline",
                        json={"opd_id": world.opd_a.id, "closes_at": "2001-01-01T00:00:00Z"})
    assert past.status_code == 422


def test_closing_twice_is_a_clear_conflict(world, as_user):
    planner = as_user("planner")
    assert planner.post(f"/api/v1/rounds/{world.round.id}/close").json()["status"] == "closed"
    again = planner.post(f"/api/v1/rounds/{world.round.id}/close")
    assert again.status_code == 409
    assert again.json()["error"]["message"] == \
        "Status periode tidak dapat diubah dari closed ke closed."
    page = planner.post(f"/rounds/{world.round.id}/close")
    assert page.status_code == 409 and "Status periode tidak dapat diubah" in page.text


def test_the_api_creates_rounds_and_lists_them_with_counts(world, as_user):
    planner = as_user("planner")
    created = planner.post("/api/v1/rounds", json={"name": "API", "questionnaire_id": world.qid,
                                                   "opd_ids": [world.opd_a.id]})
    assert created.status_code == 201 and created.json()["status"] == "draft"
    listed = {r["name"]: r for r in planner.get("/api/v1/rounds").json()}
    assert listed["API"]["opds"] == 1 and listed["Periode 2026"]["opds"] == 3
    empty = planner.post("/api/v1/rounds", json={"name": "X", "questionnaire_id": world.qid,
                                                 "opd_ids": []})
    assert empty.status_code == 422


def test_viewers_and_officers_cannot_change_rounds(world, as_user):
    for name, status in (("viewer", 403), ("officer_a", 403)):
        user = as_user(name)
        assert user.post(f"/api/v1/rounds/{world.round.id}/close").status_code == status
        assert user.post(f"/rounds/{world.round.id}/close").status_code == status
    assert as_user("officer_a").get(f"/rounds/{world.round.id}").status_code == 403


def test_hostile_names_stay_inert_on_the_progress_page(db, world, as_user):
    with db.write_session() as session:
        opd = session.merge(world.opd_a)
        opd.name = HOSTILE
        session.commit()
    save(db, world, world.opd_a, {"nama": "<script>alert(1)</script>"})
    page = as_user("planner").get(f"/rounds/{world.round.id}")
    assert HOSTILE not in page.text and "&#34;&gt;&lt;img src=x" in page.text
    assert "<script>alert(1)" not in page.text


def test_every_planner_api_route_is_documented_in_openapi(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/rounds", "/api/v1/rounds/{round_id}/progress",
                 "/api/v1/rounds/{round_id}/reminder", "/api/v1/submissions/{submission_id}",
                 "/api/v1/submissions/{submission_id}/return", "/api/v1/accounts",
                 "/api/v1/audit", "/api/v1/opds/import"):
        assert path in paths, path
    progress = paths["/api/v1/rounds/{round_id}/progress"]["get"]
    assert progress["description"].startswith("One row per OPD asked")
    assert "ProgressPublic" in str(progress["responses"]["200"])
