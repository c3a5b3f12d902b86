"""A planner switches the round's view from Kominfo 2021 to the RPM draft: Smart Living
transport needs land under Mobilitas, Branding needs are redistributed, needs without a link
are listed (never dropped), and the page, the workbook and the report count the same."""

import re

from tests.analyses.conftest import audit_events, put, sheet, sign_in

RPM = "RPM-KC-2026"
# (needs, cost) per RPM aspect, worked out from NEEDS in conftest.py:
# Mobilitas: OPD-A transportasi 100 · Ekonomi: pariwisata 200 + bisnis 60
# Kehidupan Berkota: wajah_kota 300 + kesehatan 50 · Tata Kelola Birokrasi: layanan_publik 400
EXPECTED = {"tata_kelola_birokrasi": (1, 400), "ekonomi": (2, 260), "kehidupan_berkota": (2, 350),
            "masyarakat": (0, 0), "lingkungan": (0, 0), "mobilitas": (1, 100)}


def matrix(client, round_id, framework=None):
    query = f"?framework={framework}" if framework else ""
    response = client.get(f"/api/v1/rounds/{round_id}/matrix{query}")
    assert response.status_code == 200, response.text
    return response.json()


def report_dimensions(client, round_id, framework=None):
    query = f"?framework={framework}" if framework else ""
    data = client.get(f"/api/v1/rounds/{round_id}/report{query}").json()
    return data, {d["label"]: (d["total"]["needs"], d["total"]["cost"])
                  for d in data["dimensions"]["dimensions"]}


def test_by_default_the_round_shows_its_own_kominfo_2021_dimensions(client, seeded):
    sign_in(client, "viewer")
    data = matrix(client, seeded.round_id)
    assert (data["framework"]["code"], data["framework"]["crosswalk"]) == ("GMSC-2021", False)
    assert data["totals"]["needs"]["branding"] == 3 and data["totals"]["needs"]["living"] == 2
    assert "Smart Branding" in sheet(client, seeded.round_id, "Matriks Dimensi")[0]


def test_the_planner_switches_to_the_rpm_draft_and_all_three_count_the_same(client, seeded,
                                                                            db):
    csrf = sign_in(client, "planner")
    response = put(client, csrf, f"/api/v1/rounds/{seeded.round_id}/framework",
                   {"framework": RPM})
    assert response.json() == {"framework": RPM}
    [event] = audit_events(db, "round.analysis_changed")
    assert event.details["after"] == {"framework_code": RPM}
    assert event.details["before"] == {"framework_code": None}

    data = matrix(client, seeded.round_id)  # the round's default now
    assert (data["framework"]["code"], data["framework"]["status"]) == (RPM, "draft")
    assert [a["code"] for a in data["axes"]] == list(EXPECTED)
    totals = data["totals"]
    assert {c: (totals["needs"].get(c, 0), totals["cost"].get(c, 0)) for c in EXPECTED} \
        == EXPECTED
    assert (totals["total_needs"], totals["total_cost"], data["unmapped"]) == (6, 1110, [])

    rows = sheet(client, seeded.round_id, "Matriks Dimensi")
    header, total = rows[0], rows[-1]
    assert "Smart Branding" not in header and total[0] == "TOTAL"
    assert [total[header.index(label)] for label in ("Mobilitas", "Ekonomi",
                                                     "Kehidupan Berkota")] == [1, 2, 2]
    assert total[header.index("Mobilitas (Rp)")] == 100
    assert total[header.index("Total Perkiraan Biaya (Rp)")] == 1110
    info = dict(sheet(client, seeded.round_id, "Info")[1:])
    assert info["Kerangka"].startswith("Rancangan Peraturan Menteri") and "DRAF" in info[
        "Kerangka"]

    report, dims = report_dimensions(client, seeded.round_id)
    assert dims == {"Tata Kelola Birokrasi": (1, 400), "Ekonomi": (2, 260),
                    "Kehidupan Berkota": (2, 350), "Masyarakat": (0, 0), "Lingkungan": (0, 0),
                    "Mobilitas": (1, 100)}
    assert report["framework"]["info"]["code"] == RPM
    html = client.get(f"/rounds/{seeded.round_id}/report").text
    assert "<dt>Kerangka</dt><dd>Rancangan Peraturan Menteri" in html  # printed, with DRAF
    assert '<th rowspan="2" scope="rowgroup">Mobilitas</th>' in html  # a heat-map row

    page = client.get(f"/rounds/{seeded.round_id}/framework").text
    cell = re.search(r'<td class="num" data-code="mobilitas">(\d+)</td>', page)
    assert cell and cell.group(1) == "1"


def test_a_need_whose_link_is_removed_is_listed_with_suggestions_not_dropped(client, seeded,
                                                                            db):
    csrf = sign_in(client, "planner")
    links = client.get("/api/v1/crosswalks?source=GMSC-2021&target=RPM-KC-2026").json()
    [city_face] = [link for link in links if link["source"] == "GMSC-2021:wajah_kota"]
    deleted = client.delete(f"/api/v1/crosswalks/{city_face['id']}",
                            headers={"X-CSRF-Token": csrf})
    assert deleted.status_code == 204
    assert [e.details["relation"] for e in audit_events(db, "crosswalk.deleted")] == ["part_of"]

    data = matrix(client, seeded.round_id, RPM)
    [unmapped] = data["unmapped"]
    assert (unmapped["opd_code"], unmapped["element"], unmapped["cost"]) == ("OPD-A",
                                                                             "wajah_kota", 300)
    assert unmapped["related"] == ["ekonomi", "kehidupan_berkota"]  # Branding is "related"
    totals = data["totals"]
    assert (totals["needs"]["kehidupan_berkota"], totals["needs"]["tanpa_padanan"]) == (1, 1)
    assert (totals["total_needs"], totals["total_cost"]) == (6, 1110)  # nothing dropped

    rows = sheet(client, seeded.round_id, "Tanpa Padanan", framework=RPM)
    assert [(r[0], r[2], r[4], r[5], r[6]) for r in rows[1:]] == [
        ("OPD-A", unmapped["need"], "Branding Wajah Kota", 300,
         "Ekonomi; Kehidupan Berkota")]
    report, dims = report_dimensions(client, seeded.round_id, RPM)
    assert [(n["title"], n["cost"]) for n in report["framework"]["unmapped"]] == [
        (unmapped["need"], 300)]
    assert dims["Kehidupan Berkota"] == (1, 50)
    assert report["dimensions"]["total"]["needs"] == 6
    page = client.get(f"/rounds/{seeded.round_id}/framework?framework={RPM}").text
    assert unmapped["need"] in page.split('id="unmapped"')[1]


def test_a_viewer_sees_the_views_but_cannot_switch_or_edit_the_crosswalk(client, seeded, db):
    csrf = sign_in(client, "viewer")
    assert matrix(client, seeded.round_id, RPM)["framework"]["code"] == RPM
    refused = put(client, csrf, f"/api/v1/rounds/{seeded.round_id}/framework",
                  {"framework": RPM})
    assert refused.status_code == 403
    form = client.post(f"/rounds/{seeded.round_id}/framework",
                       data={"framework": RPM, "csrf_token": csrf}, follow_redirects=False)
    assert form.status_code == 403
    link = put(client, csrf, "/api/v1/crosswalks", {"source": "GMSC-2021:energi",
                                                     "target": "RPM-KC-2026:lingkungan",
                                                     "relation": "part_of"})
    assert link.status_code == 403
    assert matrix(client, seeded.round_id)["framework"]["code"] == "GMSC-2021"
    assert audit_events(db, "round.analysis_changed") == []
    assert audit_events(db, "crosswalk.saved") == []


def test_an_unknown_framework_is_refused_with_a_message(client, seeded):
    csrf = sign_in(client, "planner")
    response = put(client, csrf, f"/api/v1/rounds/{seeded.round_id}/framework",
                   {"framework": "NOPE"})
    assert response.status_code == 422
    assert "NOPE" in response.text
