"""Done when: from the demo round a planner sees a filled alignment matrix, roadmap and cost
tables (an example RPJMD, marked as such), and a second `survei demo` changes nothing."""

from sqlmodel import func, select

from app.clock import local_today
from app.demo import load_demo
from app.planning.models import PlanAlignment, RpjmdNode
from tests.support.factories import login


def test_the_demo_round_has_an_example_plan_with_every_table_filled(client, db):
    with db.write_session() as session:
        summary = load_demo(session, today=local_today("Asia/Makassar"))[2]
    with db.write_session() as session:
        load_demo(session, today=local_today("Asia/Makassar"))
    with db.session() as session:
        nodes = session.exec(select(func.count()).select_from(RpjmdNode)).one()
        mapped = session.exec(select(func.count()).select_from(PlanAlignment)).one()
    assert nodes == 24 and mapped > 30  # once, not twice
    assert login(client, "pimpinan", "demo-pimpinan-2026").status_code == 303
    data = client.get(f"/api/v1/rounds/{summary.round_id}/planning").json()
    assert data["example"] and data["years"] == [2025, 2026, 2027, 2028, 2029]
    tables = {t["key"]: t for t in data["tables"]}
    assert all(row[2] > 0 for row in tables["cakupan"]["rows"])  # every misi has programmes
    assert any(p["is_group"] and len(p["opds"]) > 1 for p in data["programmes"])
    assert all(t["rows"] for k, t in tables.items() if k != "quick_win")
    yearly = tables["rab_tahun"]["rows"]
    assert all(row[3] and 0 < row[4] < 1 for row in yearly if isinstance(row[0], int))
    page = client.get(f"/rounds/{summary.round_id}/planning")
    assert "contoh data demo" in page.text and 'class="mark on"' in page.text
