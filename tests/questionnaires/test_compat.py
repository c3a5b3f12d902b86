"""check_compatibility: which new versions may follow a published one."""

import pytest

from app.questionnaires.compat import check_compatibility
from app.questionnaires.xlsform import load_xlsform
from tests.questionnaires.workbooks import (
    DEMO_CHOICES,
    DEMO_SETTINGS,
    DEMO_SURVEY,
    ID,
    demo_workbook,
)


def load(**sheets):
    result = load_xlsform(demo_workbook(**sheets))
    assert result.errors == [], [str(e) for e in result.errors]
    return result.questionnaire


def settings(version="2", form_id="demo"):
    return [DEMO_SETTINGS[0], [form_id, "Formulir Demo", version, ID]]


def survey_with(change: dict[str, dict[int, str]] = (), drop=(), insert=()) -> list:
    """The demo survey with cells changed by row name, rows dropped, rows inserted (index, row)."""
    change = dict(change)
    rows = []
    for row in DEMO_SURVEY:
        if row[1] in drop:
            continue
        row = list(row)
        for column, value in change.get(row[1], {}).items():
            row[column] = value
        rows.append(row)
    for index, row in insert:
        rows.insert(index, row + [""] * (len(DEMO_SURVEY[0]) - len(row)))
    return rows


@pytest.fixture(scope="module")
def old():
    return load()


def test_identical_form_with_new_version_is_compatible(old):
    assert check_compatibility(old, load(settings=settings())) == []


def test_same_version_string_is_refused(old):
    assert check_compatibility(old, load()) == [
        'version "1" is already used; give the new version another'
    ]


def test_other_form_id_is_refused(old):
    new = load(settings=settings(form_id="lain"))
    assert check_compatibility(old, new) == ['form_id changed from "demo" to "lain"; keep it']


def test_allowed_changes(old):
    survey = survey_with(
        change={"nama_opd": {2: "Nama Perangkat Daerah"}},  # a new label
        drop=("catatan", "tanggal"),  # removed questions
        insert=[(2, ["text", "alamat", "Alamat", "Address"])],  # a new question
    )
    choices = [*DEMO_CHOICES, ["dimensi", "living", "Smart Living", "Smart Living", ""]]
    new = load(survey=survey, choices=choices, settings=settings())
    assert check_compatibility(old, new) == []


@pytest.mark.parametrize(
    "name, new_type, expected",
    [
        ("jumlah_pegawai", "text", "from integer to text"),
        ("punya_aplikasi", "select_multiple ya_tidak", "from select_one to select_multiple"),
        ("tanggal", "decimal", "from date to decimal"),
        ("total_biaya", "note", "from calculate to note"),
    ],
)
def test_type_change_of_an_existing_name_is_refused(old, name, new_type, expected):
    survey = survey_with(change={name: {0: new_type}})
    if new_type == "note":
        survey = survey_with(change={name: {0: "note", 2: "Catatan", 3: "Note", 10: ""}})
    new = load(survey=survey, settings=settings())
    message = f'field "{name}": changed {expected}; use a new name instead'
    assert check_compatibility(old, new) == [message]


def test_question_becoming_a_repeat_is_refused(old):
    survey = survey_with(
        drop=("jumlah_pegawai",),
        insert=[(2, ["begin_repeat", "jumlah_pegawai", "Pegawai", "Staff"]),
                (3, ["text", "pegawai_nama", "Nama", "Name"]),
                (4, ["end_repeat"])],
    )  # fmt: skip
    new = load(survey=survey, settings=settings())
    assert check_compatibility(old, new) == [
        'field "jumlah_pegawai": changed from integer to repeat; use a new name instead'
    ]


def test_moving_a_field_into_a_repeat_is_refused(old):
    survey = survey_with(
        drop=("jumlah_pegawai",),
        insert=[(16, ["integer", "jumlah_pegawai", "Jumlah pegawai", "Staff"])],
    )
    new = load(survey=survey, settings=settings())
    assert check_compatibility(old, new) == [
        'field "jumlah_pegawai": moved from outside any repeat to repeat kebutuhan; '
        "moving into or out of a repeat is not allowed"
    ]


def test_moving_between_groups_is_allowed(old):
    survey = survey_with(
        drop=("jumlah_pegawai",),
        insert=[(6, ["integer", "jumlah_pegawai", "Jumlah pegawai", "Staff"])],
    )
    new = load(survey=survey, settings=settings())
    assert new.locate("jumlah_pegawai").group_path == ("profil", "detail_aplikasi")
    assert check_compatibility(old, new) == []


def test_removing_a_used_choice_is_refused(old):
    choices = [row for row in DEMO_CHOICES if row[1] != "birokrasi"]
    new = load(choices=choices, settings=settings())
    assert check_compatibility(old, new) == []  # nobody chose it yet
    used = {"elemen": {"birokrasi", "industri"}, "nama_opd": {"birokrasi"}}
    assert check_compatibility(old, new, used_choices=used) == [
        'field "elemen": choice "birokrasi" is used by stored answers '
        "but is missing from list elemen"
    ]


def test_choice_labels_may_change(old):
    choices = [list(row) for row in DEMO_CHOICES]
    choices[1][2:4] = ["Iya", "Yes indeed"]
    new = load(choices=choices, settings=settings())
    assert check_compatibility(old, new, used_choices={"punya_aplikasi": {"ya"}}) == []


def test_every_problem_is_listed(old):
    survey = survey_with(change={"jumlah_pegawai": {0: "text"}, "tanggal": {0: "text"}})
    new = load(survey=survey)
    assert check_compatibility(old, new) == [
        'version "1" is already used; give the new version another',
        'field "jumlah_pegawai": changed from integer to text; use a new name instead',
        'field "tanggal": changed from date to text; use a new name instead',
    ]
