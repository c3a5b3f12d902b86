"""The render model of a section: widgets per type, values shown the Indonesian way, logic."""

import datetime as dt

import pytest

from app.questionnaires.answers.validate import validate_answers
from app.submissions.form.defaults import initial_answers
from app.submissions.form.view import is_money, section_view
from tests.submissions.workbooks import types_questionnaire

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def form():
    return types_questionnaire()


def _view(form, answers, section=0, lang="id", errors=None, comments=None, elsewhere=None):
    cleaned = validate_answers(form, answers, today=TODAY, partial=True).answers
    return section_view(form, form.sections[section], shown=answers, cleaned=cleaned,
                        errors=errors or {}, comments=comments or {}, lang=lang, today=TODAY,
                        elsewhere=elsewhere)


def _by_name(items):
    found = {}
    for item in items:
        found[item.name] = item
        for row in getattr(item, "rows", []):
            for child in row.items:
                found[f"{item.name}[{row.index}].{child.name}"] = child
    return found


def test_each_question_type_gets_its_control(form):
    items = _by_name(_view(form, {}))
    widgets = {name: getattr(item, "widget", item.kind) for name, item in items.items()}
    assert widgets == {
        "catatan": "note", "nama": "text", "uraian": "textarea", "jumlah": "number",
        "anggaran": "number", "rasio": "number", "tanggal": "date", "punya": "radio",
        "nama_aplikasi": "text", "kecamatan": "select", "sasaran": "checkbox",
        "dobel": "calculate", "kode": "readonly"}
    assert items["nama"].required and items["nama"].hint == "Nama lengkap"
    assert items["anggaran"].money and not items["rasio"].money


def test_labels_follow_the_chosen_language(form):
    items = _by_name(_view(form, {}, lang="en"))
    assert items["nama"].label == "Name" and items["nama"].hint == "Full name"
    assert [o.label for o in items["punya"].options] == ["Yes", "No"]


def test_numbers_and_dates_are_shown_the_indonesian_way(form):
    answers = {"jumlah": 1500000, "anggaran": 2500000.5, "tanggal": "2026-08-17"}
    items = _by_name(_view(form, answers))
    assert items["jumlah"].value == "1.500.000"
    assert items["anggaran"].value == "2.500.000,5"
    assert items["tanggal"].value == "2026-08-17"
    assert items["tanggal"].day_words == "17 Agustus 2026"
    assert items["dobel"].value == "3.000.000"


def test_a_raw_value_that_could_not_be_read_is_shown_as_typed(form):
    items = _by_name(_view(form, {"jumlah": "sepuluh"}, errors={"jumlah": "Harus angka."}))
    assert items["jumlah"].value == "sepuluh" and items["jumlah"].error == "Harus angka."


def test_relevance_decides_what_is_hidden_when_the_page_loads(form):
    assert not _by_name(_view(form, {"punya": "tidak"}))["nama_aplikasi"].relevant
    assert _by_name(_view(form, {"punya": "ya"}))["nama_aplikasi"].relevant


def test_rows_keep_their_ids_and_filters_apply_in_each_row(form):
    answers = {"dimensi": "env", "kebutuhan": [
        {"_id": "r1", "judul": "Bank sampah", "elemen": "sampah", "biaya": 1500000}]}
    items = _view(form, answers, section=1)
    repeat = items[1]
    assert [row.row_id for row in repeat.rows] == ["r1"]
    row = repeat.rows[0]
    assert row.key == "kebutuhan#r1" and row.anchor == "q-kebutuhan[1]"
    fields = {item.name: item for item in row.items}
    assert fields["judul"].key == "kebutuhan#r1/judul"
    assert fields["judul"].anchor == "q-kebutuhan[1].judul"
    assert {o.name: o.offered for o in fields["elemen"].options} == {
        "layanan": False, "sampah": True}
    assert fields["biaya"].value == "1.500.000" and fields["biaya"].money
    assert repeat.template.row_id == "@1@"
    assert {item.key for item in repeat.template.items} == {
        "kebutuhan#@1@/judul", "kebutuhan#@1@/elemen", "kebutuhan#@1@/biaya"}


def test_comments_and_values_saved_elsewhere_sit_at_their_question(form):
    items = _by_name(_view(form, {"nama": "Andi"}, comments={"nama": ["Lengkapi gelar."]},
                           elsewhere={"nama": "Andi Baso", "punya": "ya"}))
    assert items["nama"].comments == ["Lengkapi gelar."]
    assert items["nama"].elsewhere == "Andi Baso"
    assert items["punya"].elsewhere == "Ya"


def test_defaults_fill_a_new_form_and_a_rupiah_hint_makes_a_money_field(form):
    assert initial_answers(form, TODAY) == {"kode": "ABC"}
    assert is_money(form.field("biaya")) and not is_money(form.field("nama"))
