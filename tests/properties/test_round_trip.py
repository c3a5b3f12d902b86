"""Property-based: arbitrary Unicode text, numbers at and beyond the bounds, and any date go
through save → submit → approve → export (XLSX, CSV, JSON) → report on SQLite and PostgreSQL.

Never a 5xx; a clear 422 naming the field for what the boundary refuses; for what it keeps,
every format gives back the value after the documented normalisation (bounds.py; the CSV's
apostrophe before a formula trigger, the workbook's quote-prefix style instead); 0 formula
cells and no formula-like text without the quote prefix.
"""

import datetime as dt
import math

from hypothesis import example, given
from hypothesis import strategies as st

from app.exports.hygiene import truncate
from app.exports.sinks.csvzip import csv_value
from app.questionnaires.answers import bounds
from app.questionnaires.messages import message
from tests.properties.conftest import PROPERTY

LINE = bounds.TEXT_LIMITS["line"]
ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and controls included
TRICKY = st.sampled_from(list("\x00\t\n\r\x0b\x1f\x7f\x85\ufffe\ud800\udfff=+-@ 'e\u0301"
                              "\uff1d😀版"))
TEXTS = st.one_of(st.text(ANY_CHARACTER, max_size=40), st.text(TRICKY, max_size=12),
                  st.text(st.sampled_from("ab\x01"), min_size=LINE - 3, max_size=LINE + 3))
NUMBERS = st.one_of(
    st.integers(-(10**16), 10**16),
    st.sampled_from([10**15, -(10**15), 10**15 + 1, 2**53, 2**63, 999_999_999_999_999]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(min_value=-(10**15), max_value=10**15, places=4, allow_nan=False)
    .map(float),
)
DATES = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


def _refusal(problem: str | None, limit: int = LINE) -> str | None:
    return message(problem, "id", limit=limit) if problem else None


def _expected_text(raw: str) -> tuple[str | None, str | None]:
    """(refusal message, stored text) as the boundary documents it."""
    if bounds.text_problem(raw):
        return _refusal("text_invalid"), None
    stored = bounds.normalise_text(raw)
    if len(stored) > LINE:
        return _refusal("too_long"), None
    return None, stored if stored.strip() else None


@PROPERTY
@given(text=TEXTS)
@example(text="\ud800")
@example(text="=HYPERLINK(\"http://x\",\"y\")\r\n")
@example(text="e\u0301\x00")
def test_any_text(trip, text):
    refused, stored = _expected_text(text)
    outcome = trip.run({"catatan": text, "layanan": [{"_id": "r1", "layanan_nama": text}]})
    if refused:
        assert outcome.status == 422
        assert outcome.fields["catatan"] == refused
        assert outcome.fields["layanan[1].layanan_nama"] == refused
        return
    assert outcome.status == 200
    out = outcome.exported
    assert out.formulas == 0 and out.report_included == 1
    for sheet, column in (("Isian", "catatan"), ("Layanan", "layanan_nama")):
        assert out.json[sheet][column] == stored
        assert out.xlsx[sheet][column] == (truncate(stored) if stored else None)
        assert out.csv[sheet][column] == csv_value(stored)


@PROPERTY
@given(number=NUMBERS)
@example(number=1e25)
@example(number=1.7e308)
@example(number=0.1 + 0.2)
def test_numbers_at_and_beyond_the_bounds(trip, number):
    whole = isinstance(number, int) or (math.isfinite(number) and number.is_integer())
    problem = bounds.number_problem(number) if math.isfinite(number) else "decimal"
    outcome = trip.run({"anggaran_tik": number,
                        **({"jumlah_pegawai": int(number)} if whole else {})})
    if problem:
        assert outcome.status == 422
        assert outcome.fields["anggaran_tik"] == _refusal(problem)
        return
    assert outcome.status == 200
    out = outcome.exported
    for column in ("anggaran_tik", "jumlah_pegawai") if whole else ("anggaran_tik",):
        assert out.xlsx["Isian"][column] == number
        assert out.json["Isian"][column] == number
        assert float(out.csv["Isian"][column]) == number
    assert out.report_included == 1


@PROPERTY
@given(day=DATES)
@example(day=dt.date(1899, 12, 31))
@example(day=dt.date(1900, 1, 1))
@example(day=dt.date(9999, 12, 31))
def test_any_date(trip, day):
    outcome = trip.run({"tanggal": day.isoformat()})
    if bounds.date_problem(day):
        assert outcome.status == 422
        assert outcome.fields == {"tanggal": _refusal("date_range")}
        return
    assert outcome.status == 200
    out = outcome.exported
    assert out.xlsx["Isian"]["tanggal"].date() == day
    assert out.csv["Isian"]["tanggal"] == day.isoformat()
    assert out.json["Isian"]["tanggal"] == day.isoformat()
