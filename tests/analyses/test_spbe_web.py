"""The SPBE self-assessment of a round: levels from the answers, a planner's audited entry,
the what-if target and its cheapest path, the same index on the page, workbook and report."""

from tests.analyses.conftest import audit_events, put, sheet, sign_in

# From the answers (conftest SERVICES): indicator 42 at level max(3, 2) = 3 (weight 3,0),
# 37 at level 4 (weight 2,75): index (3×3 + 4×2,75) / 100 = 0,200; domain D4 20 / 45,5.
# At the targets 42 → 5, 37 → 4: (15 + 11) / 100 = 0,260.


def spbe_api(client, round_id, target=None):
    query = f"?target={target}" if target is not None else ""
    response = client.get(f"/api/v1/rounds/{round_id}/spbe{query}")
    assert response.status_code == 200, response.text
    return response.json()["spbe"]


def summary(client, round_id) -> dict:
    return dict(sheet(client, round_id, "Indeks SPBE")[1:])


def test_levels_from_the_answers_give_the_same_index_in_all_three(client, seeded):
    sign_in(client, "viewer")
    spbe = spbe_api(client, seeded.round_id)
    assert (round(spbe["index"], 3), spbe["predikat"]) == (0.2, "kurang")
    assert (spbe["assessed"], spbe["from_answers"], spbe["from_planner"]) == (2, 2, 0)
    assert round(spbe["domains"][3]["index"], 3) == 0.44
    assert round(spbe["index_at_targets"], 3) == 0.26
    rows = {r["indicator"]["code"]: r for r in spbe["rows"]}
    assert (rows["42"]["level"], rows["42"]["source"], rows["42"]["opd_name"]) == (
        3, "answers", "Dinas A")
    values = summary(client, seeded.round_id)
    assert (values["Indeks SPBE"], values["Predikat"]) == ("0,200", "Kurang")
    assert values["Indeks domain D4 – Layanan SPBE"] == "0,440"
    sheet_rows = {r[0]: r for r in sheet(client, seeded.round_id, "Penilaian SPBE")[1:]}
    assert sheet_rows["42"][6] == 3 and sheet_rows["37"][6] == 4 and len(sheet_rows) == 48
    report = client.get(f"/api/v1/rounds/{seeded.round_id}/report").json()["spbe"]
    assert round(report["index"], 3) == 0.2
    page = client.get(f"/rounds/{seeded.round_id}/spbe").text
    assert '<div class="card-value" id="spbe-index"><strong>0,200</strong>' in page


def test_the_cheapest_path_to_a_what_if_target(client, seeded):
    # +0,05 needed: the A8 indicators (weight 3,0) come first, 45 (a linked need, level 0)
    # before 42: two levels of 45 reach 0,260.
    sign_in(client, "viewer")
    path = spbe_api(client, seeded.round_id, target=0.25)["path"]
    assert path["reached"] and path["level_gains"] == 2
    assert round(path["index_after"], 3) == 0.26
    assert [(s["indicator"]["code"], s["from_level"], s["to_level"]) for s in path["steps"]] \
        == [("45", 0, 2)]
    assert [n["opd_code"] for n in path["steps"][0]["needs"]] == ["OPD-A"]
    page = client.get(f"/rounds/{seeded.round_id}/spbe?target=0,25").text
    assert 'data-indicator="45"' in page and "0 → 2" in page
    bad = client.get(f"/rounds/{seeded.round_id}/spbe?target=tujuh").text
    assert "target-error" in bad


def test_a_planners_entry_is_saved_audited_and_counted_everywhere(client, seeded, db):
    csrf = sign_in(client, "planner")
    url = f"/api/v1/rounds/{seeded.round_id}/spbe/1"
    saved = put(client, csrf, url, {"level": 3, "target": 4, "evidence": "ada",
                                    "evidence_note": "Perbup 12/2024", "opd_code": "OPD-C"})
    assert saved.status_code == 200, saved.text
    [event] = audit_events(db, "spbe.entry_saved")
    assert event.details["before"] is None and event.details["indicator"] == "1"
    assert (event.details["after"]["level"], event.actor_name) == (3, "planner")
    # 0,200 + 1,3 × 3 / 100 = 0,239
    assert round(spbe_api(client, seeded.round_id)["index"], 3) == 0.239
    assert summary(client, seeded.round_id)["Indeks SPBE"] == "0,239"
    report = client.get(f"/api/v1/rounds/{seeded.round_id}/report").json()["spbe"]
    assert round(report["index"], 3) == 0.239
    row = {r[0]: r for r in sheet(client, seeded.round_id, "Penilaian SPBE")[1:]}["1"]
    assert (row[5], row[6], row[8], row[10]) == ("Dinas C", 3, 4, "Perbup 12/2024")

    changed = put(client, csrf, url, {"level": 2})
    assert changed.status_code == 200
    later = audit_events(db, "spbe.entry_saved")[-1]
    assert (later.details["before"]["level"], later.details["after"]["level"]) == (3, 2)


def test_a_bad_entry_is_refused_in_indonesian_and_keeps_the_saved_one(client, seeded, db):
    csrf = sign_in(client, "planner")
    form = client.post(f"/rounds/{seeded.round_id}/spbe/1",
                       data={"level": "7", "opd_code": "TIDAK-ADA", "csrf_token": csrf})
    assert form.status_code == 422
    assert "Tingkat harus 0 sampai 5." in form.text
    assert audit_events(db, "spbe.entry_saved") == []
    assert spbe_api(client, seeded.round_id)["from_planner"] == 0


def test_the_round_target_is_saved_by_planners_only(client, seeded, db):
    csrf = sign_in(client, "viewer")
    url = f"/api/v1/rounds/{seeded.round_id}/spbe-target"
    assert put(client, csrf, url, {"target": 3.13}).status_code == 403
    assert put(client, csrf, f"/api/v1/rounds/{seeded.round_id}/spbe/1",
               {"level": 5}).status_code == 403
    edit_link = f'href="/rounds/{seeded.round_id}/spbe/1"'
    assert edit_link not in client.get(f"/rounds/{seeded.round_id}/spbe").text
    csrf = sign_in(client, "planner")
    assert edit_link in client.get(f"/rounds/{seeded.round_id}/spbe").text
    assert put(client, csrf, url, {"target": 3.13}).json() == {"target": 3.13}
    response = client.get(f"/api/v1/rounds/{seeded.round_id}/spbe").json()
    assert response["round_target"] == 3.13 and response["spbe"]["path"]["target"] == 3.13
    assert [e.details["after"] for e in audit_events(db, "round.analysis_changed")] == [
        {"spbe_target": 3.13}]
    assert audit_events(db, "spbe.entry_saved") == []
