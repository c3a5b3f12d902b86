"""Quality gate for the committed default questionnaire surveys/kebutuhan-smart-city.xlsx."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK = ROOT / "surveys" / "kebutuhan-smart-city.xlsx"
GENERATOR = ROOT / "surveys" / "build_kebutuhan_smart_city.py"

ID, EN = "Bahasa Indonesia (id)", "English (en)"
TRANSLATED = ("label", "hint", "required_message", "constraint_message", "header")
ALLOWED_SURVEY_COLUMNS = {
    "type", "name", "required", "relevant", "constraint", "calculation", "default",
    "choice_filter", "repeat_count", "read_only", "appearance", "instance::masterplan",
    *(f"{column}::{lang}" for column in TRANSLATED for lang in (ID, EN)),
}  # fmt: skip
ALLOWED_TYPES = {
    "text", "integer", "decimal", "date", "note", "calculate",
    "begin_group", "end_group", "begin_repeat", "end_repeat",
}  # fmt: skip
ALLOWED_SETTINGS = {"form_id", "form_title", "version", "default_language"}
ALLOWED_FUNCTIONS = {
    "selected", "count-selected", "string-length", "regex", "if", "coalesce", "concat",
    "int", "number", "round", "today", "sum", "count", "position", "not",
}  # fmt: skip
EXPRESSION_COLUMNS = ("relevant", "constraint", "calculation", "default", "repeat_count")
NEED_FIELDS = {
    "kebutuhan_permasalahan", "kebutuhan_penyebab_dampak", "nama_kebutuhan",
    "kebutuhan_jenis_solusi", "kebutuhan_dimensi", "kebutuhan_elemen",
    "kebutuhan_penerima_manfaat", "kebutuhan_jumlah_penerima", "kebutuhan_output",
    "kebutuhan_indikator", "kebutuhan_opd_terkait", "biaya", "kebutuhan_sumber_dana",
    "kebutuhan_jangka", "kebutuhan_tahun_mulai", "kebutuhan_prioritas", "kebutuhan_quick_win",
    "kebutuhan_indikator_spbe", "kebutuhan_rpjmd",
}  # fmt: skip

# domain.md §2: the six dimensions and their three elements each, written independently of
# the generator so that a wrong or missing element fails here.
DIMENSIONS = {
    "governance": ("Smart Governance", {"layanan_publik", "birokrasi", "kebijakan"}),
    "branding": ("Smart Branding", {"pariwisata", "bisnis", "wajah_kota"}),
    "economy": ("Smart Economy", {"industri", "kesejahteraan", "transaksi_keuangan"}),
    "living": ("Smart Living", {"tata_ruang", "kesehatan", "transportasi"}),
    "society": ("Smart Society", {"komunitas", "ekosistem_belajar", "sistem_keamanan"}),
    "environment": ("Smart Environment", {"proteksi_lingkungan", "sampah_limbah", "energi"}),
}
ELEMENT_WORDS = {
    "layanan_publik": "Layanan Publik", "birokrasi": "Birokrasi", "kebijakan": "Kebijakan",
    "pariwisata": "Pariwisata", "bisnis": "Bisnis", "wajah_kota": "Wajah Kota",
    "industri": "Industri", "kesejahteraan": "Kesejahteraan",
    "transaksi_keuangan": "Transaksi Keuangan", "tata_ruang": "Tata Ruang",
    "kesehatan": "Kesehatan", "transportasi": "Transportasi", "komunitas": "Komunitas",
    "ekosistem_belajar": "Belajar", "sistem_keamanan": "Keamanan",
    "proteksi_lingkungan": "Proteksi Lingkungan", "sampah_limbah": "Sampah", "energi": "Energi",
}  # fmt: skip


def read_sheets(path: Path) -> dict[str, list[list[object]]]:
    """Return every sheet of the workbook as a list of value rows (header first)."""
    book = load_workbook(path, read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def records(sheet: list[list[object]]) -> list[dict[str, str]]:
    """Return the data rows as dicts without empty cells."""
    header, *rows = sheet
    return [
        {str(key): str(value) for key, value in zip(header, row, strict=True) if value is not None}
        for row in rows
    ]


@pytest.fixture(scope="module")
def sheets() -> dict[str, list[list[object]]]:
    return read_sheets(WORKBOOK)


@pytest.fixture(scope="module")
def survey(sheets) -> list[dict[str, str]]:
    return records(sheets["survey"])


@pytest.fixture(scope="module")
def choices(sheets) -> list[dict[str, str]]:
    return records(sheets["choices"])


def by_name(survey: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in survey if "name" in row}


def list_of(row: dict[str, str]) -> str | None:
    kind, _, list_name = row["type"].partition(" ")
    return list_name if kind in ("select_one", "select_multiple") else None


# 1. pyxform -------------------------------------------------------------------------------


def test_pyxform_converts_without_errors_or_warnings():
    warnings: list[str] = []
    result = convert(str(WORKBOOK), warnings=warnings)
    assert warnings == []
    assert 'id="kebutuhan_smart_city"' in result.xform


@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate needs Java")
def test_odk_validate_accepts_the_xform():
    warnings: list[str] = []
    convert(str(WORKBOOK), warnings=warnings, validate=True)
    assert warnings == []


# 2. supported subset ----------------------------------------------------------------------


def test_only_supported_sheets_columns_and_settings(sheets):
    assert sheets.keys() == {"survey", "choices", "settings"}
    assert set(sheets["survey"][0]) <= ALLOWED_SURVEY_COLUMNS
    base_columns = {"list_name", "name", f"label::{ID}", f"label::{EN}", "kerangka"}
    filter_columns = set(sheets["choices"][0]) - base_columns
    filters = " ".join(row.get("choice_filter", "") for row in records(sheets["survey"]))
    assert filter_columns and all(column in filters for column in filter_columns)
    settings = records(sheets["settings"])[0]
    assert settings.keys() <= ALLOWED_SETTINGS
    assert settings["form_id"] == "kebutuhan_smart_city"
    assert settings["version"] == "2026.2"
    assert settings["default_language"] == ID


def test_only_supported_types_and_appearance(survey, choices):
    lists = {row["list_name"] for row in choices}
    for row in survey:
        list_name = list_of(row)
        assert row["type"] in ALLOWED_TYPES or list_name in lists, row
        assert row.get("appearance", "multiline") == "multiline"
        if "appearance" in row:
            assert row["type"] == "text"
        assert row.get("required", "yes") == "yes" and row.get("read_only", "yes") == "yes"
    used = {list_of(row) for row in survey} - {None}
    assert used == lists, "every choice list is used and every used list exists"


def test_groups_nest_and_the_top_level_holds_only_sections(survey):
    depth = 0
    for row in survey:
        if row["type"] in ("begin_group", "begin_repeat"):
            assert depth > 0 or row["type"] == "begin_group", row
            depth += 1
        elif row["type"] in ("end_group", "end_repeat"):
            depth -= 1
        else:
            assert depth > 0, f"{row['name']} is outside every section"
        assert depth >= 0
    assert depth == 0


def test_names_are_unique_snake_case_across_the_whole_form(survey, choices):
    names = [row["name"] for row in survey if not row["type"].startswith("end_")]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in names)
    keys = [(row["list_name"], row["name"]) for row in choices]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9_]*", name) for _, name in keys)


def test_every_text_has_both_languages(survey, choices):
    for row in survey:
        for column in TRANSLATED:
            assert (f"{column}::{ID}" in row) == (f"{column}::{EN}" in row), (row, column)
        if row["type"] not in ("calculate", "end_group", "end_repeat"):
            assert f"label::{ID}" in row, row
    assert all(f"label::{ID}" in row and f"label::{EN}" in row for row in choices)


def _strip(expression: str) -> str:
    """Remove string literals and ${name} references from an expression."""
    return re.sub(r"\$\{[a-z0-9_]+\}|'[^']*'|\"[^\"]*\"", " ", expression)


def test_expressions_use_only_supported_functions_and_known_names(survey, choices):
    names = set(by_name(survey))
    filter_columns = {key for row in choices for key in row} - {"list_name", "name"}
    for row in survey:
        for column in (*EXPRESSION_COLUMNS, "choice_filter"):
            expression = row.get(column)
            if not expression:
                continue
            if column == "default" and re.fullmatch(r"[\w.-]+", expression):
                continue  # a literal default value (a choice name), not an expression
            assert set(re.findall(r"\$\{([^}]*)\}", expression)) <= names, expression
            bare = _strip(expression)
            assert set(re.findall(r"([a-z][a-z-]*)\s*\(", bare)) <= ALLOWED_FUNCTIONS, expression
            words = set(re.findall(r"[a-z][a-z0-9_-]*", bare)) - ALLOWED_FUNCTIONS
            allowed_words = {"and", "or", "div", "mod"}
            if column == "choice_filter":
                allowed_words |= filter_columns
            assert words <= allowed_words, (column, expression)
            assert not re.search(r"[\[\]|/@]", bare), expression


# 3. the generator and the workbook agree ---------------------------------------------------


def test_committed_workbook_matches_the_generator(tmp_path, sheets):
    output = tmp_path / "regenerated.xlsx"
    subprocess.run([sys.executable, str(GENERATOR), "--output", str(output)], check=True)
    regenerated = read_sheets(output)
    assert list(regenerated) == list(sheets)
    for title, rows in sheets.items():
        assert regenerated[title] == rows, f"sheet {title!r} differs: rerun the generator"


# 4. smart city taxonomy ---------------------------------------------------------------------


def test_six_dimensions_and_eighteen_elements_linked_to_their_dimension(choices):
    dimensions = {
        row["name"]: row[f"label::{ID}"] for row in choices if row["list_name"] == "dimensi"
    }
    assert dimensions == {code: label for code, (label, _) in DIMENSIONS.items()}
    elements = [row for row in choices if row["list_name"] == "elemen"]
    assert len(elements) == 18
    for code, (_, expected) in DIMENSIONS.items():
        assert {row["name"] for row in elements if row["dimensi"] == code} == expected
    for row in elements:
        assert ELEMENT_WORDS[row["name"]] in row[f"label::{ID}"]


def test_dimensions_elements_and_spbe_indicators_are_bound_to_framework_nodes(choices):
    by_list = {}
    for row in choices:
        by_list.setdefault(row["list_name"], {})[row["name"]] = row.get("kerangka")
    for list_name in ("dimensi", "elemen"):
        assert by_list[list_name] == {code: f"GMSC-2021:{code}" for code in by_list[list_name]}
    spbe = by_list["indikator_spbe"]
    assert spbe["32"] == "SPBE-59-2020:32" and spbe["47"] == "SPBE-59-2020:47"
    assert spbe["lainnya"] is None and spbe["tidak_ada"] is None


@pytest.mark.parametrize("prefix", ["layanan", "kebutuhan"])
def test_element_question_cascades_from_its_dimension(survey, prefix):
    names = list(by_name(survey))
    element = by_name(survey)[f"{prefix}_elemen"]
    assert element["type"] == "select_one elemen"
    assert element["choice_filter"].replace(" ", "") == f"dimensi=${{{prefix}_dimensi}}"
    assert names.index(f"{prefix}_dimensi") < names.index(f"{prefix}_elemen")


# Content the master-plan export relies on --------------------------------------------------


def fields_in_repeat(survey: list[dict[str, str]], repeat: str) -> set[str]:
    inside, depth, found = False, 0, set()
    for row in survey:
        if row["type"] == "begin_repeat" and row["name"] == repeat:
            inside, depth = True, 0
        elif inside and row["type"].startswith("begin_"):
            depth += 1
        elif inside and row["type"].startswith("end_"):
            if depth == 0:
                return found
            depth -= 1
        elif inside:
            found.add(row["name"])
    raise AssertionError(f"repeat {repeat} not found")


def test_repeats_and_need_fields(survey):
    repeats = [row["name"] for row in survey if row["type"] == "begin_repeat"]
    assert repeats == ["layanan", "aplikasi", "dataset", "kebutuhan"]
    assert NEED_FIELDS <= fields_in_repeat(survey, "kebutuhan")
    fields = by_name(survey)
    for name in ("kebutuhan_permasalahan", "nama_kebutuhan"):
        assert fields[name]["required"] == "yes"
    assert fields["kebutuhan_penyebab_dampak"].get("required") is None


def _evaluate_average(calculation: str, answers: dict[str, str]) -> float:
    """Evaluate a round((number(${a}) + …) div n, 2) expression in Python."""
    python = re.sub(r"\$\{([a-z0-9_]+)\}", lambda m: repr(answers[m.group(1)]), calculation)
    python = python.replace(" div ", " / ").replace("number(", "float(")
    return eval(python, {"round": round, "float": float})  # noqa: S307 - our own fixed text


@pytest.mark.parametrize("element", ["struktur", "infrastruktur", "suprastruktur"])
def test_readiness_score_is_the_mean_of_its_items(survey, element):
    score = by_name(survey)[f"skor_{element}"]
    assert score["type"] == "calculate"
    items = re.findall(r"\$\{([a-z0-9_]+)\}", score["calculation"])
    assert len(items) >= 3
    for item in items:
        assert by_name(survey)[item]["type"] == "select_one skala"
    answers = dict(zip(items, ["2", "3", "4", "4", "5"], strict=False))
    expected = round(sum(int(value) for value in answers.values()) / len(items), 2)
    assert _evaluate_average(score["calculation"], answers) == expected


def _pattern(constraint: str) -> str:
    return re.search(r"regex\(\., '(.*)'\)", constraint).group(1)


@pytest.mark.parametrize(
    ("field", "accepted", "rejected"),
    [
        ("pj_nip", ["198609262015051001"], ["19860926 201505 1 001", "1986092620150510", ""]),
        ("pj_telepon", ["081234567890", "+6281234567890"],
         ["0812-3456-7890", "62812345", "81234567890", "0812345678901234"]),
        ("pj_email", ["kasubbag.renc@instansi.go.id"], ["kasubbag@", "nama instansi@go.id"]),
    ],
)  # fmt: skip
def test_identity_constraints_accept_real_values_and_reject_typos(
    survey, field, accepted, rejected
):
    pattern = _pattern(by_name(survey)[field]["constraint"])
    assert all(re.search(pattern, value) for value in accepted)
    assert not any(re.search(pattern, value) for value in rejected)


def test_numbers_years_and_dates_are_bounded(survey):
    fields = by_name(survey)
    for row in survey:
        if row["type"] in ("integer", "decimal"):
            assert ". >= " in row.get("constraint", ""), f"{row['name']} accepts negative numbers"
    assert fields["kebutuhan_tahun_mulai"]["constraint"] == ". >= 2024 and . <= 2040"
    assert fields["kebutuhan_prioritas"]["constraint"] == ". >= 1 and . <= 20"
    assert fields["aplikasi_tahun"]["constraint"].startswith(". >= 1990 and . <= ")
    assert fields["tanggal_pengisian"]["constraint"] == ". <= today()"
    assert "${total_pegawai}" in fields["jumlah_pengelola_tik"]["constraint"]


def test_every_short_header_names_a_question_and_is_shorter_than_its_label():
    from app.questionnaires.xlsform import load_xlsform
    from surveys.kebutuhan.headers import HEADERS

    form = load_xlsform(WORKBOOK.read_bytes()).questionnaire
    questions = {ref.question.name: ref.question for ref in form.fields()}
    assert sorted(set(HEADERS) - set(questions)) == []
    for name, (header_id, header_en) in HEADERS.items():
        assert questions[name].header == {"id": header_id, "en": header_en}
        assert len(header_id) <= 30 and len(header_en) <= 30, name
