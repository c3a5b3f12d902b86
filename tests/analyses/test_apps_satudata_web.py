"""Application rationalisation and the Satu Data sheets of a round: the drafts, a planner's
audited confirmation, the editable national list, the walidata; page, workbook and report
show the same rows."""

from tests.analyses.conftest import audit_events, put, sheet, sign_in

# conftest APPS: SRIKANDI (OPD-A) and Srikandi (OPD-B) are one cluster and the national
# application itself; e-Surat Dinas does SRIKANDI's job on an OPD server; the queue
# application is no longer used.
DRAFTS = {"SRIKANDI": "pertahankan", "e-Surat Dinas": "migrasi", "Srikandi": "pertahankan",
          "Aplikasi Antrean Loket": "hentikan"}


def applications(client, round_id):
    response = client.get(f"/api/v1/rounds/{round_id}/applications")
    assert response.status_code == 200, response.text
    return response.json()


def by_name(rows):
    return {r["app"]["name"]: r for r in rows}


def test_drafts_clusters_and_national_matches_are_the_same_in_all_three(client, seeded):
    sign_in(client, "viewer")
    data = applications(client, seeded.round_id)
    rows = by_name(data["rows"])
    assert {name: r["draft"] for name, r in rows.items()} == DRAFTS
    assert [(c["code"], c["opd_codes"]) for c in data["clusters"]] == [("K1", ["OPD-A",
                                                                              "OPD-B"])]
    surat = rows["e-Surat Dinas"]
    assert (surat["national"], surat["match"], surat["hosting_note"]) == ("SRIKANDI",
                                                                          "function", "move")
    book = sheet(client, seeded.round_id, "Rasionalisasi Aplikasi")
    header = book[0]
    name, draft, national = (header.index(h) for h in ("Aplikasi", "Rekomendasi Draf",
                                                       "Aplikasi Umum"))
    assert {r[name]: (r[draft], r[national]) for r in book[1:]} == {
        "SRIKANDI": ("Pertahankan", "SRIKANDI"), "Srikandi": ("Pertahankan", "SRIKANDI"),
        "e-Surat Dinas": ("Migrasi ke aplikasi umum", "SRIKANDI"),
        "Aplikasi Antrean Loket": ("Hentikan", None)}
    report = client.get(f"/api/v1/rounds/{seeded.round_id}/report").json()["applications"]
    assert report["drafts"] == {"pertahankan": 2, "integrasikan": 0, "migrasi": 1,
                                "hentikan": 1}
    page = client.get(f"/rounds/{seeded.round_id}/applications").text
    assert "e-Surat Dinas" in page and "Migrasi ke aplikasi umum" in page


def test_the_planner_confirms_a_recommendation_audited_and_shown_everywhere(client, seeded,
                                                                           db):
    sign_in(client, "planner")
    queue = by_name(applications(client, seeded.round_id)["rows"])["Aplikasi Antrean Loket"]
    csrf = sign_in(client, "planner")
    body = {"submission_id": queue["app"]["submission_id"], "row_id": queue["app"]["row_id"],
            "recommendation": "integrasikan", "note": "Dipakai lagi di MPP"}
    saved = put(client, csrf, f"/api/v1/rounds/{seeded.round_id}/applications/decision", body)
    assert saved.json()["recommendation"] == "integrasikan"
    [event] = audit_events(db, "application.decision_saved")
    assert event.actor_name == "planner"
    row = by_name(applications(client, seeded.round_id)["rows"])["Aplikasi Antrean Loket"]
    assert (row["draft"], row["decision"]["recommendation"]) == ("hentikan", "integrasikan")
    book = sheet(client, seeded.round_id, "Rasionalisasi Aplikasi")
    header = book[0]
    [line] = [r for r in book[1:] if r[header.index("Aplikasi")] == "Aplikasi Antrean Loket"]
    assert (line[header.index("Rekomendasi Draf")], line[header.index("Rekomendasi")]) == (
        "Hentikan", "Integrasikan")
    report = client.get(f"/api/v1/rounds/{seeded.round_id}/report").json()["applications"]
    assert (report["finals"]["hentikan"], report["finals"]["integrasikan"]) == (0, 1)
    assert report["confirmed"] == 1

    refused = put(client, csrf, f"/api/v1/rounds/{seeded.round_id}/applications/decision",
                  {**body, "recommendation": "tutup"})
    assert refused.status_code == 422
    assert len(audit_events(db, "application.decision_saved")) == 1


def test_the_national_list_is_editable_by_planners_and_matches_at_once(client, seeded, db):
    csrf = sign_in(client, "viewer")
    body = {"name": "SIMPEL Antrean", "keywords": "antrean; loket", "owner": "KemenPANRB"}
    assert put(client, csrf, "/api/v1/national-apps/SIMPEL-ANTRE", body).status_code == 403
    csrf = sign_in(client, "planner")
    saved = put(client, csrf, "/api/v1/national-apps/SIMPEL-ANTRE", body)
    assert saved.status_code == 200 and saved.json()["keywords"] == "antrean; loket"
    assert [e.object_id for e in audit_events(db, "national_app.saved")] == ["SIMPEL-ANTRE"]
    row = by_name(applications(client, seeded.round_id)["rows"])["Aplikasi Antrean Loket"]
    assert (row["national"], row["match"]) == ("SIMPEL Antrean", "function")


def test_daftar_data_and_ms_var_with_the_walidata_named_by_the_planner(client, seeded, db):
    csrf = sign_in(client, "viewer")
    url = f"/api/v1/rounds/{seeded.round_id}/walidata"
    assert put(client, csrf, url, {"opd_code": "OPD-C"}).status_code == 403
    csrf = sign_in(client, "planner")
    assert put(client, csrf, url, {"opd_code": "OPD-C"}).json() == {"opd_code": "OPD-C",
                                                                    "name": "Dinas C"}
    assert put(client, csrf, url, {"opd_code": "NOPE"}).status_code == 422
    data = client.get(f"/api/v1/rounds/{seeded.round_id}/satu-data").json()
    assert [(d["record"]["name"], d["producer"], d["walidata"], d["completeness"])
            for d in data["datasets"]] == [("Data OPD-A", "Dinas A", "Dinas C", 1.0),
                                           ("Data OPD-B", "Dinas B", "Dinas C", 1.0)]
    daftar = sheet(client, seeded.round_id, "Daftar Data")
    assert [(r[1], r[2], r[3], r[-1]) for r in daftar[1:]] == [
        ("Data OPD-A", "Dinas A", "Dinas C", 1), ("Data OPD-B", "Dinas B", "Dinas C", 1)]
    ms_var = sheet(client, seeded.round_id, "MS-Var")
    assert len(ms_var) - 1 == len(data["variables"]) > 100
    names = {(r[0], r[1]): r for r in ms_var[1:]}
    nip = names[("Isian", "pj_nip")]
    assert nip[5] == "NIP" and "18 digit" in nip[8]  # question text, validation rule
    per_dataset = {d["dataset"]: d["completeness"] for d in data["by_dataset"]}
    assert nip[-1] == per_dataset["Isian"]
    report = client.get(f"/api/v1/rounds/{seeded.round_id}/report").json()["satu_data"]
    assert {d["dataset"]: d["completeness"] for d in report["by_dataset"]} == per_dataset
    assert report["walidata"] == "Dinas C"
    page = client.get(f"/rounds/{seeded.round_id}/satu-data").text
    assert "Data OPD-A" in page and "Dinas C" in page
