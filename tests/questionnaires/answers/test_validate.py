"""validate_answers accepts and rejects the same answers KoboToolbox would for the demo form."""

import copy
import datetime as dt
import json

import pytest

from app.questionnaires.answers.bounds import TEXT_LIMITS
from app.questionnaires.answers.clean import MAX_ROWS
from app.questionnaires.answers.validate import validate_answers
from app.questionnaires.xlsform import load_xlsform
from tests.questionnaires.workbooks import demo_workbook, simple_form

TODAY = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def form():
    return load_xlsform(demo_workbook()).questionnaire


def good_answers() -> dict:
    return {
        "nama_opd": "Dinas Kominfo-SP",
        "jumlah_pegawai": 42,
        "tanggal": "2025-02-28",
        "punya_aplikasi": "ya",
        "jumlah_aplikasi": 3,
        "catatan": "Baris satu\nbaris dua",
        "jumlah_kebutuhan": 2,
        "kebutuhan": [
            {"_id": "a1", "dimensi": "governance", "elemen": "birokrasi", "biaya": 250,
             "sasaran": ["asn"], "kegiatan": [{"_id": "k1", "kegiatan_nama": "Survei"}]},
            {"_id": "b2", "dimensi": "economy", "elemen": "industri", "biaya": 1500.5,
             "alasan_biaya": "Pusat data", "kegiatan": []},
        ],
    }  # fmt: skip


def check(form, answers, **kwargs):
    return validate_answers(form, answers, today=TODAY, **kwargs)


def test_complete_answers_are_accepted_and_calculations_filled_in(form):
    result = check(form, good_answers())
    assert result.errors == {}
    assert result.complete
    assert (result.required_total, result.required_answered) == (9, 9)
    assert result.answers["total_biaya"] == 1750.5
    assert result.answers["kebutuhan"][0]["jumlah_kegiatan"] == 1
    assert result.answers["kebutuhan"][0]["kegiatan"][0]["kegiatan_ke"] == 1
    assert json.loads(json.dumps(result.answers)) == result.answers


def test_input_is_not_modified(form):
    answers = good_answers()
    before = copy.deepcopy(answers)
    check(form, answers)
    assert answers == before


def test_client_values_of_calculations_are_replaced(form):
    answers = good_answers()
    answers["total_biaya"] = 999
    answers["kebutuhan"][1]["jumlah_kegiatan"] = 7
    result = check(form, answers)
    assert result.answers["total_biaya"] == 1750.5
    assert result.answers["kebutuhan"][1]["jumlah_kegiatan"] == 0  # count() of no rows
    assert result.errors == {}


def test_required_only_when_relevant(form):
    answers = good_answers() | {"punya_aplikasi": "tidak"}
    del answers["jumlah_aplikasi"]
    assert check(form, answers).errors == {}
    answers["punya_aplikasi"] = "ya"
    assert check(form, answers).errors == {"jumlah_aplikasi": "Wajib diisi."}
    assert check(form, answers, lang="en").errors == {
        "jumlah_aplikasi": "This field is required."
    }


def test_custom_required_message(form):
    answers = good_answers() | {"nama_opd": "   "}
    assert check(form, answers).errors == {"nama_opd": "Nama OPD wajib."}


def test_answers_inside_a_non_relevant_group_are_left_out_but_kept_for_the_draft(form):
    answers = good_answers() | {"punya_aplikasi": "tidak"}
    result = check(form, answers)
    assert result.errors == {}
    assert "jumlah_aplikasi" not in result.answers and "catatan" not in result.answers
    assert [h.path for h in result.hidden] == ["jumlah_aplikasi", "catatan"]
    kept = result.kept()
    assert kept["jumlah_aplikasi"] == 3 and kept["catatan"] == "Baris satu\nbaris dua"
    assert kept["total_biaya"] == result.answers["total_biaya"]
    again = check(form, kept | {"punya_aplikasi": "ya"})
    assert again.answers["jumlah_aplikasi"] == 3 and again.hidden == []


def test_hidden_answers_inside_rows_go_back_to_their_row(form):
    answers = good_answers()
    answers["kebutuhan"][0]["alasan_biaya"] = "tidak perlu"
    result = check(form, answers)
    assert [h.path for h in result.hidden] == ["kebutuhan[1].alasan_biaya"]
    assert result.kept()["kebutuhan"][0]["alasan_biaya"] == "tidak perlu"
    assert "alasan_biaya" not in result.answers["kebutuhan"][0]


def test_an_invalid_answer_to_a_hidden_question_is_still_refused(form):
    answers = good_answers() | {"punya_aplikasi": "tidak", "jumlah_aplikasi": "x"}
    result = check(form, answers, lang="en")
    assert result.refused == {"jumlah_aplikasi": "Must be a whole number."}
    assert result.errors == result.refused


def test_non_relevant_question_in_a_repeat_row_is_dropped(form):
    answers = good_answers()
    answers["kebutuhan"][0]["alasan_biaya"] = "tidak perlu"
    result = check(form, answers)
    assert "alasan_biaya" not in result.answers["kebutuhan"][0]
    assert result.answers["kebutuhan"][1]["alasan_biaya"] == "Pusat data"


def test_relevance_inside_repeat_rows_uses_the_same_row(form):
    answers = good_answers()
    del answers["kebutuhan"][1]["alasan_biaya"]
    result = check(form, answers, lang="en")
    assert result.errors == {"kebutuhan[2].alasan_biaya": "This field is required."}


def test_constraint_on_dot_with_custom_messages(form):
    answers = good_answers() | {"jumlah_pegawai": -1}
    assert check(form, answers).errors == {"jumlah_pegawai": "Antara 0 dan 10000."}
    assert check(form, answers, lang="en").errors == {"jumlah_pegawai": "Between 0 and 10000."}
    assert check(form, answers).answers["jumlah_pegawai"] == -1  # kept for the user to fix


def test_constraint_default_message_and_today(form):
    answers = good_answers() | {"tanggal": "2025-03-02"}
    assert check(form, answers).errors == {"tanggal": "Jawaban tidak memenuhi syarat."}
    assert check(form, answers, lang="en").errors == {
        "tanggal": "The answer does not meet the constraint."
    }
    later = validate_answers(form, answers, today=dt.date(2025, 3, 2))
    assert later.errors == {}


def test_choice_filter_is_checked_in_each_repeat_row(form):
    answers = good_answers()
    answers["kebutuhan"][0]["elemen"] = "industri"  # an economy element in a governance row
    result = check(form, answers)
    assert result.errors == {
        "kebutuhan[1].elemen": "Pilihan ini tidak tersedia untuk jawaban sebelumnya."
    }
    assert "elemen" not in result.answers["kebutuhan"][0]
    assert result.answers["kebutuhan"][1]["elemen"] == "industri"


def test_choice_must_be_in_the_list(form):
    answers = good_answers() | {"punya_aplikasi": "mungkin"}
    assert check(form, answers).errors == {"punya_aplikasi": "Pilihan tidak valid."}


def test_repeat_count_limits_rows(form):
    answers = good_answers() | {"jumlah_kebutuhan": 1}
    assert check(form, answers, lang="en").errors == {
        "kebutuhan": "There are more rows than allowed (1)."
    }


def test_nested_repeat_paths(form):
    answers = good_answers()
    answers["kebutuhan"][1]["kegiatan"] = [
        {"kegiatan_nama": "A", "kegiatan_tahun": 2025},
        {"kegiatan_nama": "B", "kegiatan_tahun": "2030"},
        {"kegiatan_tahun": 2020},
    ]
    result = check(form, answers, lang="en")
    assert result.errors == {
        "kebutuhan[2].kegiatan[3].kegiatan_nama": "This field is required.",
        "kebutuhan[2].kegiatan[3].kegiatan_tahun": "The answer does not meet the constraint.",
    }
    rows = result.answers["kebutuhan"][1]["kegiatan"]
    assert [row["kegiatan_ke"] for row in rows] == [1, 2, 3]
    assert rows[1]["kegiatan_tahun"] == 2030
    assert result.answers["kebutuhan"][1]["jumlah_kegiatan"] == 3


def test_row_ids_are_kept_and_missing_ones_assigned(form):
    answers = good_answers()
    answers["kebutuhan"].reverse()
    answers["kebutuhan"][1]["kegiatan"].append({"kegiatan_nama": "Baru"})
    result = check(form, answers)
    rows = result.answers["kebutuhan"]
    assert [row["_id"] for row in rows] == ["b2", "a1"]
    new_id = rows[1]["kegiatan"][1]["_id"]
    assert isinstance(new_id, str) and len(new_id) == 32
    again = check(form, result.answers)
    assert again.answers == result.answers


def test_bad_and_duplicate_row_ids(form):
    answers = good_answers()
    answers["kebutuhan"][1]["_id"] = "a1"
    result = check(form, answers, lang="en")
    assert result.errors == {
        "kebutuhan[2]._id": "A row _id must be unique and 1–64 letters, digits, _ or -."}
    assert result.answers["kebutuhan"][0]["_id"] == "a1"


@pytest.mark.parametrize(
    "field, value, stored",
    [
        ("jumlah_pegawai", "12", 12),
        ("jumlah_pegawai", " 7 ", 7),
        ("jumlah_pegawai", 5.0, 5),
        ("tanggal", "2024-02-29", "2024-02-29"),
        ("jumlah_kebutuhan", None, None),
        ("jumlah_kebutuhan", "", None),
    ],
)
def test_values_are_coerced(form, field, value, stored):
    answers = good_answers() | {field: value}
    if field == "jumlah_kebutuhan":
        answers["kebutuhan"] = []
    result = check(form, answers)
    assert result.errors == {}
    assert result.answers.get(field) == stored


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("jumlah_pegawai", "1.5", "Must be a whole number."),
        ("jumlah_pegawai", True, "Must be a whole number."),
        ("jumlah_pegawai", "12 orang", "Must be a whole number."),
        ("jumlah_pegawai", 2**60,
         "The number is too large: at most 1,000,000,000,000,000 (10^15) either way."),
        ("tanggal", "2025-02-30", "Must be a valid date (YYYY-MM-DD)."),
        ("tanggal", "01/02/2025", "Must be a valid date (YYYY-MM-DD)."),
        ("nama_opd", 123, "Must be text."),
        ("nama_opd", "x" * (TEXT_LIMITS["line"] + 1),
         f"The text is too long (at most {TEXT_LIMITS['line']} characters)."),
        ("punya_aplikasi", ["ya"], "Not a valid choice."),
        ("kebutuhan", {"dimensi": "economy"}, "Must be a list of rows."),
    ],
)
def test_invalid_values_are_reported_and_dropped(form, field, value, message):
    answers = good_answers() | {field: value}
    result = check(form, answers, lang="en")
    assert result.errors[field] == message
    assert field not in result.answers or field == "kebutuhan"


def test_decimal_accepts_numbers_and_numeric_strings(form):
    answers = good_answers()
    answers["kebutuhan"][0]["biaya"] = "2.5"
    answers["kebutuhan"][1]["biaya"] = "1,5"
    result = check(form, answers, lang="en")
    assert result.answers["kebutuhan"][0]["biaya"] == 2.5
    assert result.errors == {"kebutuhan[2].biaya": "Must be a number."}


@pytest.mark.parametrize(
    "value, message",
    [
        ("asn", "Must be a list of choices."),
        (["asn", "asn"], "The same choice is selected more than once."),
        (["asn", "semua"], "Not a valid choice."),
    ],
)
def test_select_multiple(form, value, message):
    answers = good_answers()
    answers["kebutuhan"][0]["sasaran"] = value
    assert check(form, answers, lang="en").errors == {"kebutuhan[1].sasaran": message}


def test_unknown_fields_are_reported_at_their_path(form):
    answers = good_answers() | {"ringkasan": "x", "profil": {}}
    answers["kebutuhan"][0]["nama_opd"] = "salah tempat"
    result = check(form, answers, lang="en")
    assert result.errors == {
        "ringkasan": "Unknown field.",
        "profil": "Unknown field.",
        "kebutuhan[1].nama_opd": "Unknown field.",
    }
    assert "ringkasan" not in result.answers


@pytest.mark.parametrize("answers", [[], "teks", 3, None])
def test_non_object_answers_are_an_error_at_the_root(form, answers):
    result = check(form, answers, lang="en")
    assert result.errors == {"": "The answers must be a JSON object."}
    assert result.answers == {}


def test_rows_that_are_not_objects(form):
    answers = good_answers()
    answers["kebutuhan"].append("baris")
    result = check(form, answers, lang="en")
    assert result.errors["kebutuhan[3]"] == "Each row must be an object."


def test_too_many_rows_are_cut(form):
    answers = good_answers() | {"jumlah_kebutuhan": None}
    row = {"dimensi": "economy", "elemen": "industri"}
    answers["kebutuhan"] = [dict(row) for _ in range(MAX_ROWS + 5)]
    result = check(form, answers, lang="en")
    assert result.errors == {"kebutuhan": f"Too many rows (at most {MAX_ROWS})."}
    assert len(result.answers["kebutuhan"]) == MAX_ROWS


def test_partial_mode_skips_required_but_not_types(form):
    answers = {"jumlah_pegawai": "banyak", "punya_aplikasi": "ya"}
    result = check(form, answers, partial=True, lang="en")
    assert result.errors == {"jumlah_pegawai": "Must be a whole number."}
    assert (result.required_total, result.required_answered) == (3, 1)
    assert not result.complete
    full = check(form, answers, lang="en")
    assert set(full.errors) == {"jumlah_pegawai", "nama_opd", "jumlah_aplikasi"}


def test_empty_draft_is_fine_in_partial_mode(form):
    result = check(form, {}, partial=True)
    assert result.errors == {}
    assert result.answers == {"total_biaya": 0}  # sum() over no rows
    assert result.required_total == 2  # nama_opd and punya_aplikasi


def test_required_expression_and_forward_reference_to_a_calculate():
    data = simple_form(
        [["type", "name", "label", "required", "relevant", "calculation"],
         ["integer", "umur", "Umur", "", "", ""],
         ["text", "alasan", "Alasan", "${dewasa} = 'ya'", "", ""],
         ["text", "wali", "Wali", "", "${dewasa} = 'tidak'", ""],
         ["calculate", "dewasa", "", "", "", "if(${umur} >= 18, 'ya', 'tidak')"]],
    )  # fmt: skip
    form = load_xlsform(data).questionnaire
    adult = validate_answers(form, {"umur": 20, "wali": "Ibu"}, lang="en", today=TODAY)
    assert adult.errors == {"alasan": "This field is required."}
    assert adult.answers == {"umur": 20, "dewasa": "ya"}
    child = validate_answers(form, {"umur": "12", "wali": "Ibu"}, today=TODAY)
    assert child.errors == {}
    assert child.answers == {"umur": 12, "wali": "Ibu", "dewasa": "tidak"}
