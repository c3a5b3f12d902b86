"""Tests for the shipped OPD register of Kabupaten Luwu Utara (app/data/opd-luwu-utara.csv)."""

import re
from pathlib import Path

import pytest

from app.opds.importer import COLUMNS, KINDS, OpdRow, parse_opd_file

REGISTER = Path(__file__).resolve().parents[2] / "app" / "data" / "opd-luwu-utara.csv"

# domain.md §8.3: Kemendagri codes 73.22.01–15
KECAMATAN = {
    "73.22.01": "Malangke",
    "73.22.02": "Bone-Bone",
    "73.22.03": "Masamba",
    "73.22.04": "Sabbang",
    "73.22.05": "Rongkong",
    "73.22.06": "Sukamaju",
    "73.22.07": "Seko",
    "73.22.08": "Malangke Barat",
    "73.22.09": "Rampi",
    "73.22.10": "Mappedeceng",
    "73.22.11": "Baebunta",
    "73.22.12": "Tana Lili",
    "73.22.13": "Sukamaju Selatan",
    "73.22.14": "Baebunta Selatan",
    "73.22.15": "Sabbang Selatan",
}


@pytest.fixture(scope="module")
def rows() -> list[OpdRow]:
    result = parse_opd_file(REGISTER.name, REGISTER.read_bytes())
    assert [str(problem) for problem in result.problems] == []
    return result.rows


def by_code(rows: list[OpdRow]) -> dict[str, OpdRow]:
    return {row.code: row for row in rows}


def test_file_has_the_exact_header_and_plain_utf8():
    raw = REGISTER.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8").splitlines()[0] == ",".join(COLUMNS)


def test_register_parses_with_no_problems_and_about_52_rows(rows):
    assert len(rows) == 52
    assert {row.kind for row in rows} == set(KINDS)


def test_fifteen_kecamatan_with_kemendagri_codes(rows):
    kecamatan = {row.code: row for row in rows if row.kind == "kecamatan"}
    assert {code: row.name for code, row in kecamatan.items()} == {
        code: f"Kecamatan {name}" for code, name in KECAMATAN.items()
    }
    assert kecamatan["73.22.03"].short_name == "Kec. Masamba"


def test_key_opds_are_present(rows):
    opds = by_code(rows)
    assert opds["DISKOMINFOSP"].name == "Dinas Komunikasi, Informatika, Statistik dan Persandian"
    assert opds["BAPPERIDA"].name == "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"
    assert opds["BAPPERIDA"].short_name == "Bapperida"
    assert opds["SETDA.ORG"].name == "Bagian Organisasi"
    names = " ".join(row.name for row in rows)
    assert "Perkebunan" not in names and "Bappelitbangda" not in names


def test_every_parent_resolves_and_bagian_belong_to_setda(rows):
    codes = set(by_code(rows))
    assert all(row.parent_code in codes for row in rows if row.parent_code)
    bagian = [row for row in rows if row.kind == "bagian"]
    assert len(bagian) == 10
    assert {row.parent_code for row in bagian} == {"SETDA"}
    assert all(row.parent_code is None for row in rows if row.kind != "bagian")


def test_internal_codes_are_uppercase_and_every_opd_has_a_short_name(rows):
    for row in rows:
        if row.kind != "kecamatan":
            assert re.fullmatch(r"[A-Z0-9][A-Z0-9.\-]*", row.code), row.code
        assert row.short_name, row.code
