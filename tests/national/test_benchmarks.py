"""National benchmarks: core indicators per regency, ranked in peer groups, the shared needs;
computed by a background job, shown to the coordinator as a page, a workbook and a report."""

import io
from datetime import UTC, datetime

import openpyxl
import pytest
from sqlmodel import select

from app.clock import local_today
from app.demo import load_demo
from app.jobs.runner import InlineJob, JobRunner
from app.national.core import publish_core
from app.regencies.demo import register_without_kecamatan
from app.rounds.models import Round
from app.sample import DEFAULT_QUESTIONNAIRE
from app.submissions.models import Submission
from reports.national import Ranked, RegencyFigures, RegencyNeeds, Tally, core_indicators, kind_of
from reports.national.ranking import place, rank_all
from reports.national.shared import shared_needs

NOW = datetime(2031, 3, 2, 1, 0, tzinfo=UTC)
DIMENSIONS = [("governance", "Smart Governance"), ("living", "Smart Living")]


# -- pure: indicators, ranks, shared needs ------------------------------------------------

def test_kota_are_numbered_from_71_within_their_province():
    assert [kind_of(code) for code in ("73.22", "73.15", "73.71", "73.73", "31.71")] == \
        ["kabupaten", "kabupaten", "kota", "kota", "kota"]


def test_an_indicator_whose_item_is_not_in_the_core_is_left_out():
    names = {"layanan", "layanan_cara", "kebutuhan", "nama_kebutuhan", "biaya",
             "kebutuhan_dimensi", "skor_struktur"}
    kept, left_out = core_indicators(names, DIMENSIONS)
    keys = [item.key for item in kept]
    assert keys[:3] == ["services_electronic", "readiness_struktur", "needs_total"]
    assert "needs.living" in keys and "cost.governance" in keys
    assert "datasets_published" in left_out and "applications_per_opd" in left_out
    assert "spbe_index" in left_out  # needs layanan_indikator_spbe and the levels


def test_one_regencys_answers_fold_into_its_values():
    every = {"layanan", "layanan_cara", "layanan_indikator_spbe", "layanan_tingkat_kini",
             "layanan_tingkat_target", "aplikasi", "dataset", "dataset_peran",
             "dataset_portal", "skor_struktur", "skor_infrastruktur", "skor_suprastruktur",
             "kebutuhan", "nama_kebutuhan", "kebutuhan_dimensi", "biaya"}
    tally = Tally(core_indicators(every, DIMENSIONS)[0])
    tally.add({"layanan": [{"layanan_cara": "manual"}, {"layanan_cara": "elektronik_penuh"},
                           {"layanan_cara": "semi_elektronik"}, {}],
               "aplikasi": [{}, {}, {}],
               "dataset": [{"dataset_peran": "produsen", "dataset_portal": "ya"},
                           {"dataset_peran": "produsen", "dataset_portal": "tidak"},
                           {"dataset_peran": "pengguna"}],
               "skor_struktur": 3.5,
               "kebutuhan": [{"nama_kebutuhan": "Aplikasi antrean", "kebutuhan_dimensi":
                              "governance", "biaya": 100_000_000},
                             {"nama_kebutuhan": "Taman kota", "kebutuhan_dimensi": "living"}]})
    tally.add({"skor_struktur": 2.5, "skor_infrastruktur": "not a number",
               "kebutuhan": [{"nama_kebutuhan": "Aplikasi antrean",
                              "kebutuhan_dimensi": "governance", "biaya": 50_000_000.0}]})
    values = tally.values(spbe_index=2.1)
    assert values["services_electronic"] == pytest.approx(2 / 3)
    assert values["applications_per_opd"] == 1.5
    assert values["datasets_published"] == 0.5
    assert values["readiness_struktur"] == 3.0
    assert values["readiness_infrastruktur"] is None
    assert values["spbe_index"] == 2.1
    assert (values["needs_total"], values["cost_total"]) == (3, 150_000_000)
    assert (values["needs.governance"], values["cost.governance"]) == (2, 150_000_000)
    assert (values["needs.living"], values["cost.living"]) == (1, 0)
    assert tally.titles[("governance", "Aplikasi antrean")] == [2, 150_000_000]


def test_places_share_ranks_on_ties_and_the_percentile_counts_the_others():
    peers = [3.0, 2.0, 2.0, 1.0]
    assert place(3.0, peers) == Ranked(rank=1, of=4, percentile=100.0)
    assert (place(2.0, peers).rank, place(2.0, peers).percentile) == (2, 66.7)
    assert (place(1.0, peers).rank, place(1.0, peers).percentile) == (4, 0.0)
    assert place(5.0, [5.0]).percentile == 100.0


def test_regencies_are_ranked_within_their_kind_and_their_province():
    def regency(code, value):
        return RegencyFigures(code, f"R{code}", kind_of(code), code[:2],
                              values={"x": value})
    ranked = {r.code: r.ranks for r in rank_all(
        [regency("73.22", 0.5), regency("73.15", 0.9), regency("73.73", 0.7),
         regency("74.01", 0.6), regency("74.02", None)], ["x"])}
    assert ranked["73.22"]["x"]["kind"].rank == 3  # kabupaten: 0.9, 0.6, 0.5
    assert ranked["73.22"]["x"]["province"].rank == 3  # 73: 0.9, 0.7, 0.5
    assert ranked["73.73"]["x"]["kind"].of == 1  # the only kota
    assert ranked["74.01"]["x"]["province"].rank == 1 and ranked["74.01"]["x"]["province"].of == 1
    assert ranked["74.02"] == {}  # no value: no place


def test_needs_with_similar_titles_in_two_regencies_are_shared_and_one_regencys_are_not():
    gov = "governance"
    found = shared_needs([
        RegencyNeeds("73.22", "Luwu Utara", {(gov, "Aplikasi Antrean Puskesmas"): (2, 5e8),
                                             ("living", "Taman Kota"): (1, 1e8)}),
        RegencyNeeds("73.15", "Luwu Timur", {(gov, "aplikasi antrean puskesmas."): (1, 2e8),
                                             (gov, "Taman Kota"): (1, 1e8)}),
        RegencyNeeds("73.73", "Palopo", {(gov, "Aplikasi Antrian Puskesmas"): (3, 1e8)}),
    ], {gov: "Smart Governance"})
    assert len(found) == 1  # "Taman Kota" sits in two different dimensions
    need = found[0]
    assert need.regencies == ("Luwu Timur", "Luwu Utara", "Palopo")
    assert (need.opds, need.cost, need.dimension_label) == (6, 8e8, "Smart Governance")
    assert need.title == "Aplikasi Antrian Puskesmas"  # the title most OPDs wrote


# -- the coordinator's flow on two regencies ---------------------------------------------

@pytest.fixture
def demo_rounds(db, other, settings):
    """The demo round in Luwu Utara (home) and in Luwu Timur, and the core published."""
    with db.write_session() as session:
        load_demo(session, today=local_today("Asia/Makassar"))
        publish_core(session, filename="inti.xlsx", data=DEFAULT_QUESTIONNAIRE.read_bytes())
    with other.db.write_session() as session:
        load_demo(session, today=local_today("Asia/Makassar"),
                  register=register_without_kecamatan())
    return other


def _electronic_share(database) -> float:
    """The oracle: services run (semi-)electronically of those whose way is answered, over the
    submitted and approved submissions of the newest round (the demo has an older one too)."""
    with database.session() as session:
        newest = max(session.exec(select(Round.id)))
        docs = [s.answers for s in session.exec(select(Submission).where(
            Submission.round_id == newest, Submission.status.in_(("submitted", "approved"))))]
    ways = [row.get("layanan_cara") for doc in docs for row in doc.get("layanan", [])
            if row.get("layanan_cara")]
    return sum(way != "manual" for way in ways) / len(ways)


def test_the_coordinator_computes_and_reads_the_benchmarks(demo_rounds, app, client, db,
                                                           settings, coordinator):
    page = coordinator.get("/nasional/tolok-ukur")
    assert "Tolok ukur belum pernah dihitung" in page.text
    assert coordinator.get("/nasional/tolok-ukur.xlsx").status_code == 404

    started = coordinator.post("/api/v1/nasional/benchmarks/jobs", json={"lang": "id"})
    assert started.status_code == 202, started.text
    job_id = started.json()["id"]
    assert JobRunner(db, settings, launch=InlineJob).run_once()
    status = coordinator.get(f"/api/v1/nasional/jobs/{job_id}").json()
    assert status["state"] == "done", status
    assert status["done"] == status["total"] == 2  # regencies read

    body = coordinator.get("/api/v1/nasional/benchmarks").json()
    figures = {r["code"]: r for r in body["regencies"]}
    assert set(figures) == {"73.22", "73.15"}
    home = figures["73.22"]
    assert home["values"]["services_electronic"] == pytest.approx(_electronic_share(db))
    assert figures["73.15"]["values"]["services_electronic"] == pytest.approx(
        _electronic_share(demo_rounds.db))
    assert home["ranks"]["services_electronic"]["kind"]["of"] == 2  # both kabupaten
    assert body["shared"], "the demo's needs are proposed in both regencies"
    assert body["shared"][0]["regencies"] == ["Kabupaten Luwu Timur", "Kabupaten Luwu Utara"]

    page = coordinator.get("/nasional/tolok-ukur").text
    assert "73.15 Kabupaten Luwu Timur" in page and "Layanan elektronik" in page
    assert body["shared"][0]["title"] in page

    download = coordinator.get(status["download_url"].removeprefix("/api/v1"))
    assert download.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(download.content))
    assert book.sheetnames == ["Info", "Tolok Ukur", "Peringkat", "Kebutuhan Bersama"]
    sheet = book["Tolok Ukur"]
    headers = [cell.value for cell in sheet[1]]
    column = headers.index("Layanan elektronik")
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    cell = rows["73.22"][column]
    assert cell.value == pytest.approx(home["values"]["services_electronic"])
    assert cell.number_format == "0.0%"
    shared = book["Kebutuhan Bersama"]
    assert shared["A2"].value == body["shared"][0]["title"] and shared["C2"].value == 2

    same = openpyxl.load_workbook(io.BytesIO(coordinator.get("/nasional/tolok-ukur.xlsx").content))
    assert same["Tolok Ukur"]["A2"].value == sheet["A2"].value

    report = coordinator.get("/nasional/tolok-ukur/laporan?lang=en")
    assert report.status_code == 200
    assert "default-src 'none'" in report.headers["content-security-policy"]
    assert "National Smart City Benchmarks" in report.text
    assert "Kabupaten Luwu Timur" in report.text and "Electronic services" in report.text


def test_a_regency_without_a_round_on_the_core_is_listed_with_the_reason(db, other, settings):
    from app.national.benchmarks.service import compute

    with db.write_session() as session:
        load_demo(session, today=local_today("Asia/Makassar"))
        publish_core(session, filename="inti.xlsx", data=DEFAULT_QUESTIONNAIRE.read_bytes())
    found = compute(db, var_dir=settings.var_dir, home_code="73.22",
                    home_name="Kabupaten Luwu Utara", now=NOW)
    notes = {r.code: r.note for r in found.regencies}
    assert notes == {"73.22": "", "73.15": "no_round"}
    by_code = {r.code: r for r in found.regencies}
    assert found.computed_at == NOW and by_code["73.15"].values == {}
    assert by_code["73.22"].values["spbe_index"] > 0  # the demo's planner assessed SPBE
    assert [r.code for r in found.regencies] == ["73.15", "73.22"]  # in code order
    national_office = compute(db, var_dir=settings.var_dir, home_code="00",
                              home_name="Komdigi", now=NOW)
    assert [r.code for r in national_office.regencies] == ["73.15"]  # the office is no regency


def test_without_a_core_the_computation_fails_with_a_message(db, settings, coordinator):
    coordinator.post("/api/v1/nasional/benchmarks/jobs", json={})
    assert JobRunner(db, settings, launch=InlineJob).run_once()
    job = coordinator.get("/nasional/tolok-ukur").text
    assert "belum menerbitkan kuesioner inti nasional" in job
    assert coordinator.post("/api/v1/nasional/benchmarks/jobs", json={"lang": "xx"}
                            ).status_code == 422


def test_hostile_text_in_the_national_workbook_is_never_a_formula():
    from app.national.benchmarks.workbook import national_workbook
    from reports.national import Benchmarks, Indicator, SharedNeed

    hostile = '=HYPERLINK("http://evil.example","klik")'
    benchmarks = Benchmarks(
        computed_at=NOW, core_form_id="inti", core_version="1",
        indicators=(Indicator("needs_total", "count", ("kebutuhan",)),),
        regencies=(RegencyFigures("73.22", hostile, "kabupaten", "73", 1, "+SUM(A1)", 3,
                                  values={"needs_total": 4.0}),),
        shared=(SharedNeed(hostile, "governance", "-1+1", ("A", "B"), 2, 1e6, ("@x",)),))
    book = openpyxl.load_workbook(io.BytesIO(national_workbook(benchmarks)))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert book["Tolok Ukur"]["B2"].value == "'" + hostile
    assert book["Tolok Ukur"]["H2"].value == 4 and book["Kebutuhan Bersama"]["F2"].value == 1e6


def test_a_failed_computation_is_started_again_from_the_api(db, settings, coordinator):
    failed = coordinator.post("/api/v1/nasional/benchmarks/jobs", json={}).json()
    assert JobRunner(db, settings, launch=InlineJob).run_once()  # no core: it fails
    status = coordinator.get(failed["status_url"]).json()
    assert status["state"] == "failed"
    restart = coordinator.post(status["restart_url"], json={})
    assert restart.status_code == 202, restart.text
    assert restart.json()["state"] == "queued" and restart.json()["id"] != failed["id"]
