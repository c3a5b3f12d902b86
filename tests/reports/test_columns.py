"""reports.columns.Rows: the compact needs give back exactly the rows that went in."""

import dataclasses

import pytest

from reports.columns import Rows
from reports.inputs import Application, Need


def _needs(count: int) -> list[Need]:
    return [Need(opd_code=f"OPD{i % 300:03d}", title=f"Judul {i % 700} — ünï", dimension=(
        None if i % 5 == 0 else "D1"), cost=[None, 12.5, 3, 2**60][i % 4], priority=(
        None if i % 3 == 0 else i), quick_win=i % 2 == 0, row_id=f"r{i}") for i in range(count)]


def test_rows_read_back_equal_value_for_value_and_type_for_type():
    needs = _needs(1000)  # 300 OPDs and 700 titles: the pools outgrow one byte
    rows = Rows(Need, needs, distinct=("row_id",))
    assert list(rows) == needs
    assert [type(n.cost) for n in rows] == [type(n.cost) for n in needs]  # 3 stays an int
    assert rows[-1] == needs[-1] and rows[10:13] == needs[10:13] and len(rows) == 1000


def test_a_value_the_annotation_did_not_promise_is_kept():
    apps = [Application("A", "x", platforms=("web",)), Application("B", "y", kind=None)]
    needs = [Need("A", "t", priority=3), Need("A", "t", priority="2a")]  # type: ignore[arg-type]
    assert list(Rows(Application, apps)) == apps
    assert list(Rows(Need, needs)) == needs


def test_replaced_fields_read_back_and_the_others_are_the_same_rows():
    needs = _needs(600)
    rows = Rows(Need, needs, distinct=("row_id",))
    placed = rows.replace(dimension=(f"X{i % 400}" for i in range(600)),
                          element=(None for _ in range(600)))
    assert list(placed) == [dataclasses.replace(n, dimension=f"X{i % 400}", element=None)
                            for i, n in enumerate(needs)]
    assert list(rows) == needs  # the original is untouched
    assert list(rows.column("row_id")) == [n.row_id for n in needs]


def test_replacing_a_field_with_too_few_values_is_refused():
    rows = Rows(Need, _needs(3))
    with pytest.raises(ValueError, match="dimension: 2 values for 3 rows"):
        rows.replace(dimension=["A", "B"])
