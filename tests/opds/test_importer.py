"""Tests for the pure OPD import parser: good files and every kind of bad input."""

import io
import random
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.opds.importer import KINDS, ImportProblem, OpdRow, parse_opd_file

HEADER = "code,name,short_name,kind,parent_code"
KIND_LIST = "sekretariat, bagian, inspektorat, dinas, badan, satpol, rsud, kecamatan"
EXPECTED_ROWS = [
    OpdRow(
        code="SETDA",
        name="Sekretariat Daerah",
        short_name="Setda",
        kind="sekretariat",
        parent_code=None,
    ),
    OpdRow(
        code="SETDA.ORG",
        name="Bagian Organisasi",
        short_name=None,
        kind="bagian",
        parent_code="SETDA",
    ),
    OpdRow(
        code="DISPORAPAR",
        name="Dinas Pemuda, Olahraga dan Pariwisata",
        short_name="Disporapar",
        kind="dinas",
        parent_code=None,
    ),
]


def csv_file(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def messages(filename: str, data: bytes, **kwargs) -> list[str]:
    return [str(problem) for problem in parse_opd_file(filename, data, **kwargs).problems]


def xlsx_file(tmp_path: Path, rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("Ignored").append(["this", "sheet", "is", "not", "read"])
    path = tmp_path / "opd.xlsx"
    workbook.save(path)
    return path.read_bytes()


def test_good_comma_csv_gives_rows_and_no_problems():
    data = csv_file(
        HEADER,
        "SETDA,Sekretariat Daerah,Setda,sekretariat,",
        "SETDA.ORG,Bagian Organisasi,,bagian,SETDA",
        'DISPORAPAR,"Dinas Pemuda, Olahraga dan Pariwisata",Disporapar,dinas,',
    )
    result = parse_opd_file("opd.csv", data)
    assert result.ok and result.problems == []
    assert result.rows == EXPECTED_ROWS


def test_semicolon_csv_with_bom_and_messy_header_is_accepted():
    text = "\r\n".join(
        [
            " Code ;NAME;Short_Name;Kind;parent_code",
            "SETDA;  Sekretariat Daerah ;Setda;Sekretariat;",
            "",
            "SETDA.ORG;Bagian Organisasi;;bagian;SETDA",
            "DISPORAPAR;Dinas Pemuda, Olahraga dan Pariwisata;Disporapar;dinas;",
        ]
    )
    result = parse_opd_file("Daftar OPD.CSV", b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert result.ok
    assert result.rows == EXPECTED_ROWS


def test_good_xlsx_reads_first_sheet_and_turns_numbers_into_text(tmp_path):
    data = xlsx_file(
        tmp_path,
        [
            ["code", "name", "short_name", "kind", "parent_code"],
            ["SETDA", "Sekretariat Daerah", "Setda", "sekretariat", None],
            [7322.0, "Kecamatan Angka", None, "kecamatan", None],
            [73.5, "Bagian Pecahan", None, "bagian", 7322],
        ],
    )
    result = parse_opd_file("opd.xlsx", data)
    assert result.ok, result.problems
    assert [(row.code, row.parent_code) for row in result.rows] == [
        ("SETDA", None),
        ("7322", None),
        ("73.5", "7322"),
    ]


def test_xlsx_row_numbers_match_the_spreadsheet_even_after_blank_rows(tmp_path):
    data = xlsx_file(
        tmp_path,
        [
            ["code", "name", "kind"],
            ["A", "Dinas A", "dinas"],
            [None, None, None],
            [],
            ["B", "Dinas B", "dinass"],
        ],
    )
    assert messages("opd.xlsx", data) == [
        f"row 5, column kind: unknown kind 'dinass' (allowed: {KIND_LIST})",
    ]


def test_duplicate_code_names_the_earlier_row():
    data = csv_file(
        "code,name,kind",
        "DINKES,Dinas Kesehatan,dinas",
        "DLH,Dinas LH,dinas",
        "DINKES,Dinas Kesehatan Lagi,dinas",
    )
    result = parse_opd_file("opd.csv", data)
    assert [str(p) for p in result.problems] == [
        "row 4, column code: code 'DINKES' already used on row 2",
    ]
    assert not result.ok
    assert [row.code for row in result.rows] == ["DINKES", "DLH"]


def test_missing_name_is_reported_on_its_row():
    data = csv_file("code,name,kind", "DINKES,Dinas Kesehatan,dinas", "DLH,,dinas")
    assert messages("opd.csv", data) == ["row 3, column name: name is required"]


def test_unknown_and_missing_columns_are_reported_on_the_header_row():
    data = csv_file("code,nama,kind,colour", "DINKES,Dinas Kesehatan,dinas,red")
    result = parse_opd_file("opd.csv", data)
    assert [str(p) for p in result.problems] == [
        "row 1: unknown column 'nama' (allowed: code, name, short_name, kind, parent_code)",
        "row 1: unknown column 'colour' (allowed: code, name, short_name, kind, parent_code)",
        "row 1: missing required column 'name'",
    ]
    assert result.rows == []


def test_duplicate_column_and_value_without_header():
    data = csv_file("code,name,kind,code,", "A,Dinas A,dinas,A,stray")
    assert messages("opd.csv", data) == [
        "row 1: column 'code' appears more than once",
        "row 2: value in a column without a header",
    ]


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("opd.pdf", "file: unsupported file type '.pdf' (use .csv or .xlsx)"),
        ("opd.xls", "file: unsupported file type '.xls' (use .csv or .xlsx)"),
        ("opd", "file: unsupported file type (none) (use .csv or .xlsx)"),
    ],
)
def test_wrong_file_type(filename, expected):
    assert messages(filename, csv_file("code,name,kind", "A,Dinas A,dinas")) == [expected]


@pytest.mark.parametrize(
    "data", [b"", b"\xef\xbb\xbf", b"\n\n  \n", csv_file(HEADER), csv_file(HEADER, ",,,,", " , ,")]
)
def test_empty_file_or_header_only_has_no_data_rows(data):
    assert messages("opd.csv", data) == ["file: no data rows"]


def test_header_only_xlsx_has_no_data_rows(tmp_path):
    assert messages("opd.xlsx", xlsx_file(tmp_path, [list(HEADER.split(","))])) == [
        "file: no data rows",
    ]


def test_unknown_kind_lists_the_allowed_kinds():
    data = csv_file("code,name,kind", "DINKES,Dinas Kesehatan,dinass", "DLH,Dinas LH,")
    assert messages("opd.csv", data) == [
        f"row 2, column kind: unknown kind 'dinass' (allowed: {KIND_LIST})",
        "row 3, column kind: kind is required",
    ]
    assert KIND_LIST == ", ".join(KINDS)


def test_parent_must_exist_in_file_or_known_codes_and_not_be_itself():
    data = csv_file(
        "code,name,kind,parent_code",
        "SETDA.ORG,Bagian Organisasi,bagian,SETDA",
        "SETDA.UMUM,Bagian Umum,bagian,SETDA.UMUM",
        "UPT.X,UPT X,dinas,DINKES",
    )
    assert messages("opd.csv", data, known_codes={"DINKES"}) == [
        "row 2, column parent_code: parent_code 'SETDA' is not a code in this file "
        "or an existing OPD",
        "row 3, column parent_code: parent_code cannot be the row's own code",
    ]


def test_parent_defined_on_a_later_row_is_fine_but_cycles_are_not():
    later = csv_file("code,name,kind,parent_code", "B,Bagian B,bagian,A", "A,Setda,sekretariat,")
    assert messages("opd.csv", later) == []
    loop = csv_file("code,name,kind,parent_code", "A,A,bagian,B", "B,B,bagian,A")
    assert messages("opd.csv", loop) == [
        "row 2, column parent_code: parent_code 'B' makes a cycle (A → B → A)",
        "row 3, column parent_code: parent_code 'A' makes a cycle (B → A → B)",
    ]


def test_csv_that_is_not_utf8_gets_a_clear_message():
    data = "code,name,kind\nSETDA,Sekretariat Daerah – Luwu Utara,sekretariat\n".encode("cp1252")
    assert messages("opd.csv", data) == [
        "file: the CSV file is not UTF-8 encoded (in Excel use 'Save as: CSV UTF-8')",
    ]


def test_workbook_uploaded_with_csv_name_is_recognised(tmp_path):
    data = xlsx_file(tmp_path, [["code", "name", "kind"], ["A", "Dinas A", "dinas"]])
    assert messages("opd.csv", data) == [
        "file: this is an Excel workbook, not a CSV file (save it as .xlsx or export as CSV)",
    ]


def _plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"code,name,kind\nA,Dinas A,dinas\n",
        b"PK\x03\x04garbage",
        _plain_zip(),
    ],
)
def test_corrupt_xlsx_bytes(data):
    assert messages("opd.xlsx", data) == ["file: not a valid XLSX workbook"]


def test_formula_like_text_is_stored_as_plain_text():
    data = csv_file(
        "code,name,short_name,kind",
        'A,"=HYPERLINK(""http://evil.example"",""klik"")",+SUM(1),dinas',
        "B,@cmd,-1+1,badan",
    )
    result = parse_opd_file("opd.csv", data)
    assert result.ok
    assert [(row.name, row.short_name) for row in result.rows] == [
        ('=HYPERLINK("http://evil.example","klik")', "+SUM(1)"),
        ("@cmd", "-1+1"),
    ]


def test_bad_code_and_long_name_and_all_problems_are_collected():
    data = csv_file(
        "code,name,kind",
        "DINAS KES,Dinas Kesehatan,dinas",
        "OK1," + "x" * 201 + ",dinas",
        ",,",
        ",Tanpa Kode,badan",
    )
    assert messages("opd.csv", data) == [
        "row 2, column code: invalid code 'DINAS KES' (1-32 letters, digits, '.', '-' or '_')",
        "row 3, column name: name is too long (201 characters, max 200)",
        "row 5, column code: code is required",
    ]


def test_problem_text_without_row_or_column():
    assert str(ImportProblem(None, None, "no data rows")) == "file: no data rows"
    assert str(ImportProblem(7, None, "oops")) == "row 7: oops"


def test_too_many_rows_is_refused():
    data = csv_file("code,name,kind", *(f"C{i},Dinas {i},dinas" for i in range(5001)))
    assert messages("opd.csv", data) == ["file: too many rows (max 5000 data rows)"]


def test_huge_csv_field_gives_a_problem_not_an_exception():
    data = csv_file("code,name,kind", 'A,"' + "x" * 200_000 + '",dinas')
    assert messages("opd.csv", data)[0].startswith("file: the CSV file could not be read: ")


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("filename", ["opd.csv", "opd.xlsx"])
def test_random_garbage_never_raises(seed, filename):
    rng = random.Random(seed)
    garbage = rng.randbytes(rng.randint(1, 4000))
    if seed % 2:
        garbage = b"PK\x03\x04" + garbage
    result = parse_opd_file(filename, garbage)
    assert not result.ok and result.rows == []
