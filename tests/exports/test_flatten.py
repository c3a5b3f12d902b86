"""The pure flattening and the plan over versions: union of columns, typed values, flags."""

import datetime as dt

from app.exports.flatten import TableFlattener, repeat_rows
from app.exports.masterplan import DimensionMatrix, masterplan_spec, program_items
from app.exports.plan import Version, build_plan
from app.exports.records import SubmissionRecord
from app.frameworks.views import framework_view
from app.questionnaires.xlsform import load_xlsform
from reports.frameworks import Registry
from tests.exports.forms import CHOICES_V2, HEAD, SURVEY_V2, build_workbook, workbook


def version(number: str, data: bytes | None = None) -> Version:
    form = load_xlsform(data or workbook(number)).questionnaire
    return Version(int(number), number, form)


def without_catatan() -> bytes:
    settings = [["form_id", "version"], ["uji_ekspor", "3"]]
    survey = [row for row in SURVEY_V2 if row[1] != "catatan"]
    return build_workbook([HEAD, *survey], CHOICES_V2, settings)


def test_the_plan_is_the_union_of_versions_newest_order_first():
    plan = build_plan([version("1"), version("2"), version("3", without_catatan())])
    main = [field.name for field in plan.tables[0].fields]
    assert main[:4] == ["pj_nip", "pj_telepon", "surel", "jumlah_pegawai"]
    assert main[-1] == "catatan"  # removed in version 3: kept, after the others
    assert [table.key for table in plan.tables] == ["", "layanan", "kebutuhan", "kegiatan"]
    assert [c.name for c in plan.fields["platform"].choices] == ["web", "android", "ios",
                                                                "desktop"]
    assert plan.fields["surel"].first_version == "2"
    assert plan.fields["pj_nip"].first_version == "1"


def test_values_are_typed_and_select_multiple_is_split():
    plan = build_plan([version("1")])
    flat = TableFlattener(plan.tables[0], labels=True, lang="id")
    headers = [column.header for column in flat.columns]
    values = dict(zip(headers, flat.values({"pj_nip": "0012", "tanggal": "2026-02-03",
                                            "anggaran_tik": 2.5e9, "platform": ["ios"],
                                            "punya_aplikasi": "ya"}), strict=True))
    assert values["NIP"] == "0012" and values["Tanggal"] == dt.date(2026, 2, 3)
    assert values["Punya aplikasi?"] == "Ya" and values["Platform"] == "iOS"
    assert [values[f"Platform: {c}"] for c in ("Situs web", "Android", "iOS")] == [0, 0, 1]
    kinds = {column.code: column.kind for column in flat.columns}
    assert kinds["anggaran_tik"] == "money" and kinds["tanggal"] == "date"
    assert kinds["pj_nip"] == "text" and kinds["platform/ios"] == "flag"
    blank = flat.values({})
    assert blank == [None] * len(flat.columns)


def test_nested_repeat_rows_carry_their_parent_row_id_and_position():
    answers = {"kebutuhan": [{"_id": "k1", "kegiatan": [{"_id": "g1"}, {"_id": "g2"}]},
                             {"_id": "k2"}, "not a row"]}
    found = [(r.parent_id, r.row["_id"], r.position)
             for r in repeat_rows(answers, ("kebutuhan", "kegiatan"))]
    assert found == [("k1", "g1", 1), ("k1", "g2", 2)]
    assert [r.row["_id"] for r in repeat_rows(answers, ("kebutuhan",))] == ["k1", "k2"]


def test_masterplan_items_and_matrix_from_the_declared_roles():
    plan = build_plan([version("1")])
    spec = masterplan_spec(plan, lang="id")
    assert spec.repeat_path == ("kebutuhan",) and spec.fields["biaya"] == "biaya"
    assert spec.elements == [("layanan_publik", "Layanan Publik", "governance"),
                             ("birokrasi", "Birokrasi", "governance"),
                             ("kesehatan", "Kesehatan", "living")]
    record = SubmissionRecord(7, "OPD-A", "Dinas A", "dinas", "approved", 1, {"kebutuhan": [
        {"_id": "k1", "kebutuhan_elemen": "birokrasi", "biaya": 10.0},
        {"_id": "k2", "kebutuhan_dimensi": "living", "kebutuhan_elemen": "kesehatan"}]})
    items = list(program_items(spec, record))
    assert [(i.row_id, i.dimension, i.element, i.cost) for i in items] == [
        ("k1", None, "birokrasi", 10.0), ("k2", "living", "kesehatan", None)]
    matrix = DimensionMatrix(spec, framework_view(plan, spec, Registry(), target=None, lang="id"))
    matrix.add_opd("OPD-Z", "Dinas Z")
    for item in items:
        matrix.add(item)
    total = matrix.totals()
    assert total.needs == {"governance": 1, "birokrasi": 1, "living": 1, "kesehatan": 1}
    assert total.total_needs == 2 and total.total_cost == 10.0
    assert [row.opd_code for row in matrix.rows()] == ["OPD-A", "OPD-Z"]


def test_no_roles_no_masterplan():
    plan = build_plan([version("1", workbook(roles=False))])
    assert masterplan_spec(plan) is None
