"""The boundary rule: text, numbers, dates and row ids, as coerce applies it to every answer."""

import datetime as dt
import json
from pathlib import Path

import pytest

from app.questionnaires.answers import bounds
from app.questionnaires.answers.coerce import CoerceError, coerce


def refused(qtype: str, raw: object, **kwargs) -> str:
    with pytest.raises(CoerceError) as caught:
        coerce(qtype, raw, **kwargs)
    return caught.value.key


@pytest.mark.parametrize("raw", ["a\x00b", "\ud800", "ok \udfff", "\x00"])
def test_nul_and_lone_surrogates_are_refused(raw):
    assert refused("text", raw) == "text_invalid"


@pytest.mark.parametrize("raw, stored", [
    ("Cafe\u0301", "Café"),  # NFC: e + combining acute becomes one character
    ("baris\r\nbaru", "baris\nbaru"),
    ("tab\tdan\nbaris", "tab\tdan\nbaris"),
    ("a\x07b\x1bc\x7fd\x85e\ufffef", "abcdef"),
    ("Rp\u00a01.000 — ✓ 😀 مرحبا 版本", "Rp\u00a01.000 — ✓ 😀 مرحبا 版本"),
])
def test_text_is_normalised(raw, stored):
    assert coerce("text", raw) == stored


def test_text_length_is_counted_after_normalising():
    assert coerce("text", "x" * 10 + "\x01" * 5, text_limit=10) == "x" * 10
    assert refused("text", "x" * 11, text_limit=10) == "too_long"


@pytest.mark.parametrize("qtype, raw, stored", [
    ("integer", 10**15, 10**15),
    ("integer", -999_999_999_999_999, -999_999_999_999_999),
    ("integer", 1e15, 10**15),
    ("decimal", 123456789012.345, 123456789012.345),
    ("decimal", "0.000000000000001", 1e-15),
    ("decimal", -1e15, -1e15),
    ("decimal", 0, 0.0),
])
def test_numbers_at_the_bounds_are_kept(qtype, raw, stored):
    assert coerce(qtype, raw) == stored


@pytest.mark.parametrize("qtype, raw, key", [
    ("integer", 10**15 + 1, "number_range"),
    ("integer", 2**63, "number_range"),
    ("integer", 1e30, "number_range"),
    ("decimal", 1e25, "number_range"),
    ("decimal", 1.7e308, "number_range"),
    ("decimal", -1.0000000000000002e15, "number_range"),
    ("decimal", 0.1 + 0.2, "number_digits"),  # 0.30000000000000004: 17 digits
    ("decimal", "1.0000000000000001", "number_digits"),  # exact in text, not in a double
    ("decimal", 1e-16, "number_digits"),
    ("decimal", float("nan"), "decimal"),
    ("decimal", float("inf"), "decimal"),
    ("integer", float("inf"), "integer"),
])
def test_numbers_beyond_the_bounds_are_refused(qtype, raw, key):
    assert refused(qtype, raw) == key


@pytest.mark.parametrize("raw, key", [
    ("1899-12-31", "date_range"), ("0001-01-01", "date_range"), ("2026-02-30", "date"),
])
def test_dates_outside_the_calendar_are_refused(raw, key):
    assert refused("date", raw) == key


def test_dates_at_the_bounds_are_kept():
    assert coerce("date", "1900-01-01") == "1900-01-01"
    assert coerce("date", "9999-12-31") == "9999-12-31"


@pytest.mark.parametrize("raw, ok", [
    ("a1", True), ("layanan-1_B", True), ("x" * 64, True), ("x" * 65, False), ("", False),
    ("<img src=x onerror=alert(1)>", False), ('a"b', False), ("a b", False), ("é", False),
    ('<meta http-equiv="refresh" content="0;url=//example.org">', False), (12, False),
])
def test_row_ids(raw, ok):
    assert bounds.row_id_ok(raw) is ok


def test_a_stored_document_is_checked_where_it_leaves():
    good = {"a": "teks\nbaris\tdua", "n": 1.5, "rows": [{"_id": "r1", "b": 10**18}]}
    assert not bounds.breaks_rule(good) and bounds.stored_problem(good) is None
    assert bounds.stored_problem({"rows": [{"_id": "r1", "b": "x\ud800"}]}) == (
        "text_invalid", "rows[1].b")
    assert bounds.stored_problem({"biaya": 1.7e308}) == ("number_range", "biaya")
    assert bounds.stored_problem({"x": "a\x00"}) == ("text_invalid", "x")
    assert bounds.stored_problem({"x": 1e25, "y": 0.1 + 0.2}) is None  # a sink writes them
    assert bounds.repaired({"x": ["a\x0bb"]}) == {"x": ["ab"]}
    for bad in ({"x": "\ud800"}, {"x": "a\x0b"}, {"x": 1e101}, {"x": [float("nan")]},
                {"x": [{"y": float("-inf")}]}, {"x": "\x85"}, {"x": -(10**200)}):
        assert bounds.breaks_rule(bad), bad

VECTORS = json.loads((Path(__file__).parents[2] / "submissions" / "form" / "bounds_vectors.json")
                     .read_text())


@pytest.mark.parametrize(("value", "problem"), VECTORS["numbers"])
def test_python_bounds_numbers_like_the_browser(value, problem):
    assert bounds.number_problem(value) == problem


@pytest.mark.parametrize(("text", "refused", "stored"), VECTORS["texts"])
def test_python_treats_text_like_the_browser(text, refused, stored):
    assert (bounds.text_problem(text) is not None) is refused
    if not refused:
        assert bounds.normalise_text(text) == stored


@pytest.mark.parametrize(("iso", "refused"), VECTORS["dates"])
def test_python_bounds_dates_like_the_browser(iso, refused):
    assert (bounds.date_problem(dt.date.fromisoformat(iso)) is not None) is refused
