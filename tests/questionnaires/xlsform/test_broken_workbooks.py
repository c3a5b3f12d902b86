"""Broken workbooks: each is rejected with a precise, located error and never an exception."""

import io
import random
import zipfile

import pytest

from app.questionnaires.xlsform import load_xlsform
from tests.questionnaires.workbooks import build_workbook, default_settings, demo_workbook

HEAD = ["type", "name", "label"]
CHOICES = [["list_name", "name", "label", "dimensi"], ["dim", "gov", "Governance", ""],
           ["el", "lp", "Layanan publik", "gov"]]  # fmt: skip


def form(*rows: list, header: list = HEAD, choices: list | None = CHOICES, **kw) -> bytes:
    """A workbook with default settings whose survey is `header` plus `rows`."""
    settings = kw.pop("settings", default_settings())
    return build_workbook([header, *rows], choices, settings, **kw)


def zip_bytes(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


OK_ROW = ["text", "nama", "Nama"]
CASES = {
    "random bytes": (bytes(range(7, 200)), "form.xlsx is not an Excel .xlsx workbook"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "form.xlsx is not an Excel .xlsx workbook"),
    "empty file": (b"", "form.xlsx is empty"),
    "xls (OLE)": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
        "form.xlsx is an old Excel 97-2003 (.xls) file; save it as .xlsx",
    ),
    "empty zip": (zip_bytes({}), "form.xlsx is a zip archive but not an .xlsx workbook"),
    "damaged zip": (
        b"PK\x03\x04" + bytes(100),
        "form.xlsx is not a valid .xlsx workbook (damaged zip archive)",
    ),
    "zip with junk workbook": (
        zip_bytes({"xl/workbook.xml": "<not xml", "[Content_Types].xml": "?"}),
        "form.xlsx cannot be read as an .xlsx workbook (ParseError)",
    ),
    "no survey sheet": (
        build_workbook(None, CHOICES, default_settings()),
        'no "survey" sheet (sheets: choices, settings)',
    ),
    "empty survey": (form(), "survey: the survey sheet has no questions"),
    "unknown type": (
        form(["txt", "nama", "Nama"]),
        'survey row 2, column type: unknown type "txt"',
    ),
    "unsupported type": (
        form(OK_ROW, ["geopoint", "lokasi", "Lokasi"]),
        'survey row 3, column type: unsupported type "geopoint"',
    ),
    "pyxform alias type": (
        form(["select all that apply dim", "d", "D"]),
        'survey row 2, column type: unknown type "select all that apply dim"',
    ),
    "undefined choice list": (
        form(["select_one dimx", "d", "D"]),
        'survey row 2, column type: choice list "dimx" is not defined on the choices sheet',
    ),
    "select without list": (
        form(["select_one", "d", "D"]),
        'survey row 2, column type: select_one needs a choice list name, e.g. "select_one dimensi"',
    ),
    "or_other": (
        form(["select_one dim or_other", "d", "D"]),
        'survey row 2, column type: unsupported type "select_one dim or_other" '
        '(only "select_one <list_name>")',
    ),
    "duplicate name": (
        form(OK_ROW, ["integer", "umur", "Umur"], ["text", "nama", "Nama lagi"]),
        'survey row 4, column name: duplicate name "nama" (also used at row 2)',
    ),
    "group never closed": (
        form(["begin_group", "g", "G"], OK_ROW),
        'survey row 2, column type: begin_group "g" is never closed (add an end_group row)',
    ),
    "repeat closed by end_group": (
        form(["begin_repeat", "r", "R"], OK_ROW, ["end_group", "", ""]),
        'survey row 4, column type: end_group closes begin_repeat "r" of row 2; '
        "expected end_repeat",
    ),
    "stray end_group": (
        form(OK_ROW, ["end_group", "", ""]),
        "survey row 3, column type: end_group without a matching begin_group",
    ),
    "stray end repeat (spaced)": (
        form(OK_ROW, ["end repeat", "", ""]),
        "survey row 3, column type: end repeat without a matching begin_repeat",
    ),
    "empty group": (
        form(OK_ROW, ["begin_group", "g", "G"], ["end_group", "", ""]),
        'survey row 3, column type: group "g" is empty',
    ),
    "unknown field reference": (
        form(OK_ROW, ["integer", "umur", "Umur", "${dimensi_x} = 'a'"],
             header=[*HEAD, "relevant"]),
        "survey row 3, column relevant: unknown field ${dimensi_x}",
    ),
    "expression syntax error": (
        form(["integer", "umur", "Umur", ". > "], header=[*HEAD, "constraint"]),
        "survey row 2, column constraint: unexpected end of expression (at character 4)",
    ),
    "unsupported function": (
        form(["text", "nama", "Nama", "starts-with(., 'A')"], header=[*HEAD, "constraint"]),
        "survey row 2, column constraint: unsupported function: starts-with() (at character 1)",
    ),
    "unknown function": (
        form(["text", "nama", "Nama", "lenght(.) > 2"], header=[*HEAD, "constraint"]),
        "survey row 2, column constraint: unknown function: lenght() (at character 1)",
    ),
    "dot outside constraint": (
        form(["text", "nama", "Nama", ". != ''"], header=[*HEAD, "relevant"]),
        'survey row 2, column relevant: "." (this answer) can only be used in constraint',
    ),
    "reference to a note": (
        form(["note", "info", "Info", ""], ["text", "nama", "Nama", "${info} = ''"],
             header=[*HEAD, "relevant"]),
        "survey row 3, column relevant: ${info} is a note and has no value",
    ),
    "relevant refers to itself": (
        form(["text", "nama", "Nama", "${nama} = ''"], header=[*HEAD, "relevant"]),
        "survey row 2, column relevant: ${nama} refers to this row itself (use . in constraint)",
    ),
    "calculation uses a later calculate": (
        form(["calculate", "a", "", "${b} + 1"], ["calculate", "b", "", "2"],
             header=[*HEAD, "calculation"]),
        "survey row 2, column calculation: ${b} is calculated further down; "
        "move this calculate below it",
    ),
    "calculate without calculation": (
        form(OK_ROW, ["calculate", "total", ""]),
        "survey row 3, column calculation: calculate needs a calculation",
    ),
    "empty label in one language": (
        form(["text", "nama", "Nama", ""], header=[*HEAD, "label::English (en)"], choices=None),
        "survey row 2, column label::English (en): label is required",
    ),
    "note without label": (
        form(["note", "info", ""], OK_ROW),
        "survey row 2, column label: label is required",
    ),
    "unknown column": (
        form(["text", "nama", "Nama", "x"], header=[*HEAD, "media::image"]),
        "survey row 1, column media::image: unknown column",
    ),
    "pyxform alias column": (
        form(["text", "nama", "Nama", "1"], header=[*HEAD, "relevance"]),
        'survey row 1, column relevance: unknown column (write "relevant")',
    ),
    "language without code": (
        form(["text", "nama", "Nama", "Name"], header=[*HEAD, "label::English"]),
        'survey row 1, column label::English: language "English" needs a code in brackets, '
        'e.g. "English (en)"',
    ),
    "column that does not apply": (
        form(["note", "info", "Info", ". > 1"], header=[*HEAD, "constraint"]),
        'survey row 2, column constraint: column constraint does not apply to type "note"',
    ),
    "unknown sheet": (
        form(OK_ROW, Sheet1=[["x"], ["y"]]),
        "Sheet1: unknown sheet (only survey, choices, settings are allowed)",
    ),
    "unsupported appearance": (
        form(["text", "nama", "Nama", "field-list"], header=[*HEAD, "appearance"]),
        'survey row 2, column appearance: unsupported appearance "field-list" (only "multiline")',
    ),
    "multiline on a number": (
        form(["integer", "umur", "Umur", "multiline"], header=[*HEAD, "appearance"]),
        'survey row 2, column appearance: appearance "multiline" applies to text questions only',
    ),
    "invalid name": (
        form(["text", "1nama", "Nama"]),
        'survey row 2, column name: invalid name "1nama": start with a letter or _, '
        "then letters, digits, _ . -",
    ),
    "reserved name": (
        form(["text", "_id", "Id"]),
        'survey row 2, column name: the name "_id" is reserved',
    ),
    "missing name": (form(["text", "", "Nama"]), "survey row 2, column name: name is required"),
    "row without type": (
        form(OK_ROW, ["", "umur", "Umur"]),
        "survey row 3, column type: type is required",
    ),
    "value without header": (
        form(["text", "nama", "Nama", "", "stray"], header=[*HEAD, "", ""]),
        "survey row 2, column E: value in a column without a header",
    ),
    "read_only not yes/no": (
        form(["text", "nama", "Nama", "maybe"], header=[*HEAD, "read_only"]),
        "survey row 2, column read_only: read_only must be yes or no",
    ),
    "bad static default": (
        form(["integer", "umur", "Umur", "dua"], header=[*HEAD, "default"]),
        "survey row 2, column default: default must be a whole number",
    ),
    "duplicate choice": (
        form(["select_one dim", "d", "D"],
             choices=[*CHOICES, ["dim", "gov", "Governance lagi", ""]]),
        'choices row 4, column name: duplicate choice "gov" in list dim (also at row 2)',
    ),
    "choice name with a space": (
        form(["select_one dim", "d", "D"], choices=[*CHOICES, ["dim", "smart gov", "SG", ""]]),
        'choices row 4, column name: choice name "smart gov" must not contain spaces',
    ),
    "choice without label": (
        form(["select_one dim", "d", "D"], choices=[*CHOICES, ["dim", "eco", "", ""]]),
        "choices row 4, column label: label is required",
    ),
    "choice_filter on unknown column": (
        form(["select_one dim", "d", "D", ""], ["select_one el", "e", "E", "dimensix = ${d}"],
             header=[*HEAD, "choice_filter"]),
        'survey row 3, column choice_filter: choice_filter uses column "dimensix", '
        "not on the choices sheet",
    ),
    "settings with unknown key": (
        form(OK_ROW, settings=[["form_id", "version", "style"], ["f", "1", "pages"]]),
        "settings row 1, column style: unknown setting "
        "(allowed: form_id, form_title, version, default_language)",
    ),
    "settings without version": (
        form(OK_ROW, settings=[["form_id"], ["f"]]),
        "settings row 2, column version: version is required",
    ),
    "no settings sheet": (
        build_workbook([HEAD, OK_ROW]),
        "settings: the settings sheet is missing (it needs form_id and version)",
    ),
    "default language without columns": (
        form(["text", "nama", "Nama", "Name"], header=["type", "name", "label::Bahasa (id)",
                                                       "label::English (en)"],
             settings=[["form_id", "version", "default_language"], ["f", "1", "Français (fr)"]],
             choices=None),
        'settings row 2, column default_language: default language "Français (fr)" '
        "has no label columns",
    ),
}


@pytest.mark.parametrize("data, expected", CASES.values(), ids=CASES.keys())
def test_broken_workbook_reports_precise_error(data, expected):
    result = load_xlsform(data)
    assert result.questionnaire is None
    assert [str(error) for error in result.errors] == [expected]


def test_all_errors_are_collected_in_row_order():
    data = form(
        ["txt", "a", "A", ""],
        ["text", "b", "", ""],
        ["integer", "c", "C", "${zz} > 1"],
        header=[*HEAD, "relevant"],
    )
    assert [str(e) for e in load_xlsform(data).errors] == [
        'survey row 2, column type: unknown type "txt"',
        "survey row 3, column label: label is required",
        "survey row 4, column relevant: unknown field ${zz}",
    ]


def test_errors_carry_sheet_row_and_column():
    data = form(OK_ROW, ["integer", "umur", "Umur", "${nope}"], header=[*HEAD, "relevant"])
    (error,) = load_xlsform(data).errors
    assert (error.sheet, error.row, error.column) == ("survey", 3, "relevant")
    assert error.message == "unknown field ${nope}"


def test_filename_appears_in_file_errors():
    result = load_xlsform(b"hello", filename="kuesioner.xlsx")
    assert [str(e) for e in result.errors] == ["kuesioner.xlsx is not an Excel .xlsx workbook"]


@pytest.mark.parametrize("seed", range(20))
def test_damaged_workbooks_never_raise(seed):
    data = bytearray(demo_workbook())
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 30)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    result = load_xlsform(bytes(data))
    assert result.errors or result.questionnaire is not None


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_never_raise(seed):
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000)))
    assert load_xlsform(data).errors
