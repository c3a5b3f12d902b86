"""reports.columns.Rows: the compact needs give back exactly the rows that went in."""

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
