"""Loading good XLSForm workbooks into the typed Questionnaire model."""

from pathlib import Path

import pytest

from app.questionnaires.schema import Expr, Group, Note, Question, Questionnaire, Repeat
from app.questionnaires.xlsform import FormError, compile_with_pyxform, load_xlsform
from tests.questionnaires.workbooks import (
    DEMO_CHOICES,
    DEMO_SETTINGS,
    build_workbook,
    demo_workbook,
    simple_form,
)

DEFAULT_WORKBOOK = Path(__file__).resolve().parents[3] / "surveys" / "kebutuhan-smart-city.xlsx"


@pytest.fixture(scope="module")
def demo() -> Questionnaire:
    result = load_xlsform(demo_workbook())
    assert result.errors == []
    return result.questionnaire


def test_demo_form_loads_with_settings_and_two_languages(demo):
    assert (demo.form_id, demo.version, demo.title) == ("demo", "1", "Formulir Demo")
    assert demo.default_language == "id"
    assert demo.languages == ["id", "en"]
    assert demo.language_names == {"id": "Bahasa Indonesia (id)", "en": "English (en)"}
    assert demo.field("nama_opd").label == {"id": "Nama OPD", "en": "Nama OPD (en)"}
    assert demo.field("nama_opd").required_message == {"id": "Nama OPD wajib."}


def test_top_level_groups_are_sections_and_loose_questions_an_implicit_first_one(demo):
    sections = [(s.name, s.implicit) for s in demo.sections]
    assert sections == [("_section1", True), ("profil", False), ("bagian_kebutuhan", False)]
    assert [item.name for item in demo.sections[0].items] == [
        "nama_opd", "jumlah_pegawai", "tanggal",
    ]  # fmt: skip
    assert demo.sections[0].label == {"id": "Umum", "en": "General"}
    nested = demo.sections[1].items[1]
    assert isinstance(nested, Group) and nested.name == "detail_aplikasi"
    assert nested.relevant.source == "${punya_aplikasi} = 'ya'"


def test_fields_know_their_repeat_path_and_groups(demo):
    fields = {ref.question.name: ref for ref in demo.fields()}
    assert fields["jumlah_aplikasi"].repeat_path == ()
    assert fields["jumlah_aplikasi"].group_path == ("profil", "detail_aplikasi")
    assert fields["dimensi"].repeat_path == ("kebutuhan",)
    assert fields["kegiatan_tahun"].repeat_path == ("kebutuhan", "kegiatan")
    assert "ringkasan" not in fields  # notes have no value
    assert demo.repeat_of("kegiatan_nama").name == "kegiatan"
    assert demo.repeat_of("kegiatan").name == "kebutuhan"
    assert demo.repeat_of("nama_opd") is None
    assert demo.field("no_such_field") is None


def test_items_are_typed(demo):
    assert isinstance(demo.locate("kebutuhan").element, Repeat)
    assert isinstance(demo.locate("ringkasan").element, Note)
    elemen = demo.field("elemen")
    assert (elemen.type, elemen.list_name, elemen.required) == ("select_one", "elemen", True)
    assert demo.field("catatan").appearance == "multiline"
    assert demo.field("total_biaya").type == "calculate"
    assert demo.field("sasaran").type == "select_multiple"


def test_expressions_keep_source_ast_and_references(demo):
    count = demo.locate("kebutuhan").element.repeat_count
    assert count == Expr(
        source="${jumlah_kebutuhan}",
        ast={"type": "ref", "name": "jumlah_kebutuhan"},
        refs=["jumlah_kebutuhan"],
    )
    choice_filter = demo.field("elemen").choice_filter
    assert choice_filter.source == "dimensi = ${dimensi}"
    assert choice_filter.refs == ["dimensi"]  # the bare name is a choices column, not a field
    assert choice_filter.ast["left"] == {"type": "ref", "name": "_choice.dimensi"}
    assert demo.field("jumlah_pegawai").constraint.ast["type"] == "binary"


def test_choice_lists_keep_order_labels_and_filter_columns(demo):
    elemen = demo.choices("elemen")
    assert [c.name for c in elemen] == ["layanan_publik", "birokrasi", "industri"]
    assert elemen[2].label == {"id": "Industri", "en": "Industry"}
    assert elemen[2].filters == {"dimensi": "economy"}
    assert demo.choices("ya_tidak")[0].filters == {}


def test_model_round_trips_through_json(demo):
    stored = demo.model_dump(mode="json")
    again = Questionnaire.model_validate(stored)
    assert again == demo
    assert again.field("alasan_biaya").relevant.source == "${biaya} > 1000"
    assert isinstance(again.sections[2].items[1], Repeat)


def test_plain_label_columns_are_the_default_language():
    data = simple_form(
        [["type", "name", "label", "label::English (en)", "required"],
         ["text", "nama", "Nama", "Name", "${umur} > 17"],
         ["integer", "umur", "Umur", "Age", ""]],
    )  # fmt: skip
    result = load_xlsform(data)
    assert result.errors == []
    q = result.questionnaire
    assert (q.default_language, q.languages) == ("id", ["id", "en"])
    assert q.field("nama").label == {"id": "Nama", "en": "Name"}
    assert q.field("nama").required.source == "${umur} > 17"


def test_static_and_dynamic_defaults():
    data = simple_form(
        [["type", "name", "label", "default"],
         ["integer", "jumlah", "Jumlah", "3"],
         ["date", "tanggal", "Tanggal", "today()"],
         ["text", "kota", "Kota", "Masamba"]],
    )  # fmt: skip
    q = load_xlsform(data).questionnaire
    assert (q.field("jumlah").default, q.field("jumlah").default_expr) == ("3", None)
    assert q.field("tanggal").default is None
    assert q.field("tanggal").default_expr.source == "today()"
    assert q.field("kota").default == "Masamba"


def test_pyxform_warnings_are_collected_not_errors():
    result = load_xlsform(demo_workbook())
    assert result.ok
    assert any("required_message" in warning for warning in result.warnings)


def test_pyxform_errors_become_form_errors():
    rows = [["type", "name", "label"], ["text", "a", "A"], ["text", "a", "A again"]]
    warnings, errors = compile_with_pyxform(build_workbook(rows, None, DEMO_SETTINGS))
    assert len(errors) == 1 and errors[0].sheet is None
    assert str(errors[0]).startswith("pyxform: ")


def test_loading_writes_no_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_xlsform(demo_workbook(choices=DEMO_CHOICES)).ok
    assert list(tmp_path.iterdir()) == []


def test_form_error_text_names_sheet_row_and_column():
    assert str(FormError("survey", 14, "relevant", "unknown field ${x}")) == (
        "survey row 14, column relevant: unknown field ${x}"
    )
    assert str(FormError("settings", None, None, "missing")) == "settings: missing"
    assert str(FormError(None, None, None, "not a workbook")) == "not a workbook"


@pytest.mark.skipif(not DEFAULT_WORKBOOK.exists(), reason="default questionnaire not built")
def test_default_questionnaire_loads_without_errors():
    result = load_xlsform(DEFAULT_WORKBOOK.read_bytes(), filename=DEFAULT_WORKBOOK.name)
    assert [str(e) for e in result.errors] == []
    q = result.questionnaire
    assert q.form_id == "kebutuhan_smart_city"
    assert q.languages == ["id", "en"]
    assert any(isinstance(loc.element, Repeat) for loc in q.walk())
    assert all(isinstance(ref.question, Question) for ref in q.fields())


def test_readme_documents_every_type_column_and_setting():
    from app.questionnaires.xlsform.columns import SETTINGS_COLUMNS, SURVEY_COLUMNS
    from app.questionnaires.xlsform.rows import QUESTION_TYPES, SELECTS

    readme = (DEFAULT_WORKBOOK.parent / "README.md").read_text(encoding="utf-8")
    documented = [*QUESTION_TYPES, *SELECTS, *SURVEY_COLUMNS, *SETTINGS_COLUMNS]
    documented += ["note", "calculate", "begin_group", "end_group", "begin_repeat", "end_repeat"]
    assert [word for word in documented if f"`{word}" not in readme] == []
