"""Application rationalisation (pure): clusters across OPDs, national matches, the draft
recommendation rules and the planner's confirmation, counted by hand."""

from reports.applications import (
    AppRecord,
    Decision,
    NationalApp,
    build_rationalisation,
    match_national,
)

NATIONAL = [NationalApp("SRIKANDI", "SRIKANDI", ("Sistem Informasi Kearsipan Dinamis",),
                        "Kearsipan", ("kearsipan", "naskah dinas", "surat masuk")),
            NationalApp("SP4N-LAPOR", "SP4N-LAPOR!", ("LAPOR",), "Pengaduan", ("pengaduan",))]


def app(opd: str, row: str, name: str, function: str = "", status: str = "aktif",
        hosting: str = "pusat_data_pemda", integrated: bool | None = True) -> AppRecord:
    return AppRecord(opd, f"Dinas {opd}", 10 + ord(opd[0]), row, name, function,
                     status=status, hosting=hosting, hosting_label=hosting,
                     integrated=integrated)


APPS = [
    app("A", "a1", "SRIKANDI", "Arsip dinamis"),
    app("B", "b1", "Srikandi ", "Arsip"),
    app("A", "a2", "e-Surat Dinas", "Pengelolaan surat masuk dan keluar", hosting="server_opd"),
    app("B", "b2", "Aplikasi Antrean Daring", "Antrean loket"),
    app("C", "c1", "Aplikasi Antrian Daring", "Antrean loket", integrated=False),
    app("C", "c2", "Sistem Informasi Gudang Obat", "Stok obat", status="tidak_aktif"),
    app("C", "c3", "Dasbor Kinerja", "Visualisasi kinerja", hosting="cloud_pihak_ketiga"),
    app("D", "d1", "Lapor Bupati", "Kanal aduan warga"),
]


def test_national_applications_match_by_name_or_alias_then_by_function_words():
    assert match_national(APPS[0], NATIONAL)[1] == "name"
    found, how = match_national(APPS[2], NATIONAL)
    assert (found.code, how) == ("SRIKANDI", "function")  # "surat masuk" is a keyword
    assert match_national(APPS[7], NATIONAL)[0].code == "SP4N-LAPOR"  # alias LAPOR, whole word
    assert match_national(APPS[6], NATIONAL) is None
    assert match_national(app("E", "e1", "Kolaporan"), NATIONAL) is None  # not a whole word


def test_clusters_span_opds_and_each_application_gets_a_draft_by_the_first_rule():
    result = build_rationalisation(APPS, NATIONAL, [])
    rows = {r.app.row_id: r for r in result.rows}
    assert [(c.code, c.opd_codes, c.apps) for c in result.clusters] == [
        ("K1", ["B", "C"], 2), ("K2", ["A", "B"], 2)]  # Antrean/Antrian; SRIKANDI twice
    assert (rows["a1"].cluster, rows["a1"].draft, rows["a1"].reason) == ("K2", "pertahankan",
                                                                         "national")
    assert (rows["a2"].draft, rows["a2"].national, rows["a2"].hosting_note) == (
        "migrasi", "SRIKANDI", "move")
    assert (rows["b2"].draft, rows["b2"].reason, rows["b2"].cluster_opds) == (
        "integrasikan", "duplicate", 2)
    assert (rows["c2"].draft, rows["c2"].reason) == ("hentikan", "inactive")
    assert (rows["c3"].draft, rows["c3"].reason, rows["c3"].hosting_note) == (
        "pertahankan", "keep", "move")
    assert rows["d1"].draft == "pertahankan" and rows["d1"].match == "name"
    assert result.drafts == {"pertahankan": 4, "integrasikan": 2, "migrasi": 1, "hentikan": 1}
    assert result.not_integrated == 1 and result.confirmed == 0


def test_a_planners_decision_is_the_final_recommendation_and_unknown_ones_are_ignored():
    decisions = [Decision(APPS[5].submission_id, "c2", "migrasi", "Ganti dengan SATUSEHAT",
                          "perencana"),
                 Decision(APPS[6].submission_id, "c3", "tutup")]  # not a recommendation
    result = build_rationalisation(APPS, NATIONAL, decisions)
    rows = {r.app.row_id: r for r in result.rows}
    assert (rows["c2"].draft, rows["c2"].final) == ("hentikan", "migrasi")
    assert rows["c2"].decision.decided_by == "perencana" and rows["c3"].decision is None
    assert result.finals == {"pertahankan": 4, "integrasikan": 2, "migrasi": 2, "hentikan": 0}
    assert result.confirmed == 1
