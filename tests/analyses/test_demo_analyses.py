"""Done when: from the demo data a planner opens each analysis in the app, the workbook and
the report, switches the framework, and gets the same numbers in all three."""

import re
from collections import Counter

from app.clock import local_today
from app.demo import load_demo
from app.sample.demo.round import load_demo_round
from tests.analyses.conftest import sheet
from tests.support.factories import login

RPM_ASPECTS = ("Tata Kelola Birokrasi", "Ekonomi", "Kehidupan Berkota", "Masyarakat",
               "Lingkungan", "Mobilitas")


def test_the_demo_round_gives_the_same_numbers_in_app_workbook_and_report(client, db):
    with db.write_session() as session:
        load_demo(session, today=local_today("Asia/Makassar"))
        round_id = load_demo_round(session, today=local_today("Asia/Makassar")).round_id
    assert login(client, "perencana", "demo-perencana-2026").status_code == 303
    base = f"/rounds/{round_id}"

    for framework in ("GMSC-2021", "RPM-KC-2026"):
        matrix = client.get(f"/api/v1{base}/matrix?framework={framework}").json()
        rows = sheet(client, round_id, "Matriks Dimensi", framework=framework)
        header, total = rows[0], rows[-1]
        report = client.get(f"/api/v1{base}/report?framework={framework}").json()
        for axis in matrix["axes"]:
            needs = matrix["totals"]["needs"].get(axis["code"], 0)
            assert total[header.index(axis["label"])] == needs, (framework, axis)
            [dim] = [d for d in report["dimensions"]["dimensions"]
                     if d["code"] == axis["code"]]
            assert dim["total"]["needs"] == needs, (framework, axis)
        assert matrix["totals"]["total_needs"] == report["dimensions"]["total"]["needs"] > 0
        assert len(matrix["unmapped"]) == len(report["framework"]["unmapped"])
    assert [a["label"] for a in matrix["axes"]] == list(RPM_ASPECTS)
    assert matrix["totals"]["needs"]["mobilitas"] > 0  # Smart Living transport needs

    spbe = client.get(f"/api/v1{base}/spbe").json()["spbe"]
    index = f"{spbe['index']:.3f}".replace(".", ",")
    assert dict(sheet(client, round_id, "Indeks SPBE")[1:])["Indeks SPBE"] == index
    assert f"{report['spbe']['index']:.3f}" == f"{spbe['index']:.3f}"
    page = client.get(f"{base}/spbe").text
    assert re.search(r'id="spbe-index"><strong>([0-9,]+)</strong>', page).group(1) == index
    # domains 1-3 are the example entries matching Luwu Utara's published 2022 result
    assert [round(d["index"], 2) for d in spbe["domains"][:3]] == [3.10, 2.30, 2.18]
    from_answers = [r for r in spbe["rows"] if r["source"] == "answers"]
    assert len(from_answers) == spbe["from_answers"] > 0  # the rest come from the OPDs
    assert spbe["path"]["target"] == 3.13 and spbe["path"]["reached"]

    apps = client.get(f"/api/v1{base}/applications").json()
    drafts = Counter(r["draft"] for r in apps["rows"])
    assert {k: v for k, v in report["applications"]["drafts"].items() if v} == dict(drafts)
    assert len(sheet(client, round_id, "Rasionalisasi Aplikasi")) - 1 == len(apps["rows"]) > 0

    satu = client.get(f"/api/v1{base}/satu-data").json()
    assert len(sheet(client, round_id, "Daftar Data")) - 1 == len(satu["datasets"]) > 0
    assert report["satu_data"]["completeness"] == satu["completeness"]
    assert satu["walidata"]  # the demo names one
