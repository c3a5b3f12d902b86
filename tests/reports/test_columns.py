"""reports.columns.Rows: the compact needs give back exactly the rows that went in."""

import dataclasses

import pytest

from reports.columns import Mapped, Rows
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


def test_row_ids_of_32_hex_digits_and_any_other_text_read_back_as_written():
    ids = ["c0f76e1a0d4f4e3e9d62c5008eda325c", "C0F76E1A0D4F4E3E9D62C5008EDA325C", "",
           "c0f76e1a0d4f4e3e9d62c5008eda325", "r-1 ünï", "0" * 32]
    needs = [Need("A", "t", row_id=row_id) for row_id in ids]
    assert [n.row_id for n in Rows(Need, needs, distinct=("row_id",))] == ids


def test_mapped_makes_each_item_when_read_and_equals_the_list_it_stands_for():
    made = Mapped(lambda need, n: (need.title, n), Rows(Need, _needs(5)), [1, 2, 3, 4, 5])
    expected = [(n.title, i) for n, i in zip(_needs(5), [1, 2, 3, 4, 5], strict=True)]
    assert list(made) == expected and made == expected and made[1:3] == expected[1:3]
    assert len(made) == 5 and made[-1] == expected[-1]
    with pytest.raises(ValueError):
        Mapped(tuple, [1], [1, 2])


def test_integers_of_any_size_and_none_read_back_as_the_column_widens():
    values = [None, 3, -128, 127, None, 300, -(2**31), 2**40, -(2**63) + 1, None, 0]
    needs = [Need("A", "t", priority=value) for value in values]
    assert [n.priority for n in Rows(Need, needs)] == values
