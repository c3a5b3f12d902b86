"""The `instance::masterplan` column: known roles on one repeat; anything else a located error."""

import pytest

from app.questionnaires.xlsform import load_xlsform
from tests.questionnaires.workbooks import build_workbook, default_settings

ROLE = "instance::masterplan"
HEAD = ["type", "name", "label", ROLE]
CHOICES = [["list_name", "name", "label", "dimensi"], ["dim", "gov", "Governance", ""],
           ["el", "lp", "Layanan publik", "gov"]]  # fmt: skip


def form(*rows: list) -> bytes:
    return build_workbook([HEAD, *rows], CHOICES, default_settings())


NEEDS = [
    ["begin_repeat", "kebutuhan", "Kebutuhan", ""],
    ["text", "judul", "Judul", "nama_program"],
    ["select_one dim", "dimensi_kebutuhan", "Dimensi", "dimensi"],
    ["decimal", "biaya", "Biaya", "biaya"],
    ["text", "catatan", "Catatan", ""],
    ["end_repeat", "", "", ""],
]


def errors_of(data: bytes) -> list[str]:
    return [str(error) for error in load_xlsform(data).errors]


def test_roles_on_the_needs_repeat_are_kept_in_the_questionnaire():
    result = load_xlsform(form(["text", "nama", "Nama", ""], *NEEDS))
    assert result.ok, result.errors
    roles = {ref.question.name: ref.question.masterplan for ref in result.questionnaire.fields()}
    assert roles == {"nama": None, "judul": "nama_program", "dimensi_kebutuhan": "dimensi",
                     "biaya": "biaya", "catatan": None}


def test_a_form_without_the_column_declares_no_role():
    data = build_workbook([HEAD[:3], ["text", "nama", "Nama"]], None, default_settings())
    result = load_xlsform(data)
    assert result.ok and all(r.question.masterplan is None for r in result.questionnaire.fields())


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["begin_repeat", "k", "K", ""], ["text", "judul", "Judul", "nama_progam"],
          ["end_repeat", "", "", ""]],
         'survey row 3, column instance::masterplan: unknown master-plan role "nama_progam" '
         "(allowed: dimensi, elemen, nama_program, permasalahan, output, indikator, "
         "opd_terkait, jangka, biaya, sumber_dana, prioritas, quick_win, tahun_mulai, "
         "status_program, catatan_status, realisasi)"),
        ([["text", "judul", "Judul", "nama_program"]],
         'survey row 2, column instance::masterplan: master-plan role "nama_program" belongs '
         "on a field of the needs repeat"),
        ([["begin_repeat", "k", "K", "nama_program"], ["text", "judul", "Judul", ""],
          ["end_repeat", "", "", ""]],
         'survey row 2, column instance::masterplan: master-plan role "nama_program" applies '
         "to questions only, not to repeat"),
        ([["begin_repeat", "k", "K", ""], ["text", "biaya", "Biaya", "biaya"],
          ["end_repeat", "", "", ""]],
         'survey row 3, column instance::masterplan: master-plan role "biaya" needs a integer '
         "or decimal question"),
        ([["begin_repeat", "k", "K", ""], ["text", "a", "A", "output"],
          ["text", "b", "B", "output"], ["end_repeat", "", "", ""]],
         'survey row 4, column instance::masterplan: master-plan role "output" is already '
         "declared at row 3"),
        ([["begin_repeat", "k", "K", ""], ["text", "a", "A", "output"], ["end_repeat", "", "", ""],
          ["begin_repeat", "l", "L", ""], ["text", "b", "B", "indikator"],
          ["end_repeat", "", "", ""]],
         'survey row 6, column instance::masterplan: master-plan roles must all be in one '
         'repeat: "l" here, "k" at row 3'),
    ],
    ids=["unknown role", "outside a repeat", "on a repeat", "wrong type", "twice",
         "two repeats"],
)  # fmt: skip
def test_a_misplaced_role_is_a_located_error(rows, expected):
    assert errors_of(form(*rows)) == [expected]


def test_a_misspelt_column_is_an_unknown_column():
    data = build_workbook([["type", "name", "label", "instance::master_plan"],
                           ["text", "nama", "Nama", "biaya"]], None, default_settings())
    assert "survey row 1, column instance::master_plan: unknown column" in errors_of(data)


def test_the_default_questionnaire_declares_every_role_on_the_needs_repeat():
    from pathlib import Path

    from app.questionnaires.xlsform.columns import MASTERPLAN_ROLES

    path = Path(__file__).resolve().parents[3] / "surveys" / "kebutuhan-smart-city.xlsx"
    questionnaire = load_xlsform(path.read_bytes()).questionnaire
    roles = {ref.question.masterplan: ref for ref in questionnaire.fields()
             if ref.question.masterplan}
    assert set(roles) == set(MASTERPLAN_ROLES)
    assert {ref.repeat_path for ref in roles.values()} == {("kebutuhan",)}
    assert roles["biaya"].question.name == "biaya"
    assert roles["nama_program"].question.name == "nama_kebutuhan"
