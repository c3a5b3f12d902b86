"""Done when: the xlsx sink's fast path (a row's cells stored in xlsxwriter's row table at once)
gives a workbook that reads back cell for cell as the reference path gives it (one public
write_string / write_number call per cell, the sink's loop before): on the demo round, and on
the hostile round with text and numbers of every kind the sink meets."""

import copy
import math

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font
from sqlalchemy import update

from app.clock import local_today
from app.db import Database
from app.demo import load_demo
from app.exports.hygiene import FORMULA_TRIGGERS, truncate
from app.exports.options import ExportOptions, Format, Scope
from app.exports.service import export_round
from app.exports.sinks import xlsx
from app.i18n import translator
from app.sample.demo.round import load_demo_round
from app.submissions.models import Submission


def _reference_row(ws, row: int, values: list, sheet) -> None:
    """The sink's row loop before the fast path: one public xlsxwriter call per cell."""
    for col, value in enumerate(values):
        if value is None:
            continue
        kind = type(value)
        if kind is str:
            if value.startswith(FORMULA_TRIGGERS):
                ws.write_string(row, col, truncate(value), sheet.quoted[col])
                continue
            ws.write_string(row, col, truncate(value), sheet.formats[col])
        elif kind is int or (kind is float and math.isfinite(value)):
            number_format = sheet.whole[col]
            if number_format is None or value % 1:
                number_format = sheet.formats[col]
            ws.write_number(row, col, value, number_format)
        else:
            xlsx._write_cell(ws, row, col, value, sheet.formats[col], sheet.quoted[col])


def _export(db: Database, round_id: int, path, **options):
    export_round(db, round_id=round_id, options=ExportOptions(**options), fmt=Format.xlsx,
                 path=path, actor_name="test")
    return path


def _both(db: Database, round_id: int, tmp_path, monkeypatch, **options):
    """The workbook of the fast path and that of the reference path."""
    fast = _export(db, round_id, tmp_path / "fast.xlsx", **options)
    with monkeypatch.context() as patch:
        patch.setattr(xlsx, "_write_row", _reference_row)
        reference = _export(db, round_id, tmp_path / "reference.xlsx", **options)
    return load_workbook(fast), load_workbook(reference)


def _cells(book) -> dict:
    """Every sheet as it reads back: each cell's value, type, number format, bold, fill and
    quote prefix; the tables, frozen panes and header comments (the export time left out)."""
    generated = translator("id")("export.info.generated_at")
    sheets = {}
    for ws in book.worksheets:
        rows = []
        for row in ws.iter_rows():
            if ws.title == "Info" and row[0].value == generated:
                continue
            rows.append([(c.coordinate, c.value, c.data_type, c.number_format, c.font.b,
                          c.fill.fgColor.rgb, c.quotePrefix,
                          c.comment.text if c.comment else None) for c in row])
        tables = sorted(ws.tables.items())  # (name, range)
        sheets[ws.title] = (rows, tables, ws.freeze_panes, ws.max_row, ws.max_column)
    return sheets


def _differences(fast: dict, reference: dict) -> list:
    found = [("sheets", list(fast), list(reference))] if list(fast) != list(reference) else []
    for name in [name for name in fast if name in reference]:
        (rows, *rest), (want, *expected) = fast[name], reference[name]
        found += [(name, a, b) for a, b in zip(rest, expected, strict=True) if a != b]
        found += [(name, a, b) for got, row in zip(rows, want, strict=False)
                  for a, b in zip(got, row, strict=False) if a != b]
        found += [(name, "rows", len(rows), len(want))] if len(rows) != len(want) else []
    return found


def test_the_demo_round_reads_back_the_same_by_both_paths(db, tmp_path, monkeypatch):
    with db.write_session() as session:
        load_demo(session, today=local_today("Asia/Makassar"))
        round_id = load_demo_round(session, today=local_today("Asia/Makassar")).round_id
    fast, reference = _both(db, round_id, tmp_path, monkeypatch)
    cells, expected = _cells(fast), _cells(reference)
    assert sum(len(rows) for rows, *_ in expected.values()) > 500  # the demo fills them
    assert _differences(cells, expected) == []


def _spoil(db: Database, submission_id: int, change) -> None:
    with db.write_session() as session:
        answers = copy.deepcopy(session.get(Submission, submission_id).answers)
        change(answers)
        session.execute(update(Submission).where(Submission.id == submission_id)
                        .values(answers=answers))
        session.commit()


@pytest.fixture
def wide(world):
    """Stored around the service: OPD-A a count of 10^120 (its submission goes to `Masalah`),
    OPD-B a budget of 2^70, a note of 20,000 emoji (40,000 UTF-16 units: xlsxwriter cuts it)
    and as phone number the longest formula-like text the fast path takes."""
    _spoil(world.db, world.submissions["OPD-A"],
           lambda answers: answers.update(jumlah_pegawai=10**120))
    _spoil(world.db, world.submissions["OPD-B"], lambda answers: answers.update(
        anggaran_tik=2**70, catatan="\U0001f600" * 20_000, pj_telepon="=" + "9" * 16_382))
    return world


def test_the_hostile_round_reads_back_the_same_by_both_paths(wide, tmp_path, monkeypatch):
    fast, reference = _both(wide.db, wide.round.id, tmp_path, monkeypatch, scope=Scope.all)
    cells, expected = _cells(fast), _cells(reference)
    assert _differences(cells, expected) == []
    assert fast["Masalah"].max_row == 2


def test_one_cell_apart_is_a_difference(world, tmp_path, monkeypatch):
    fast, reference = _both(world.db, world.round.id, tmp_path, monkeypatch)
    assert _differences(_cells(fast), _cells(reference)) == []
    fast["Isian"]["D2"].value = "lain"
    fast["Status Pengisian"]["A2"].font = Font(b=True)
    found = _differences(_cells(fast), _cells(reference))
    assert [(sheet, cell[0]) for sheet, cell, _ in found] == [("Status Pengisian", "A2"),
                                                             ("Isian", "D2")]
