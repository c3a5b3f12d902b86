"""The report's totals equal the workbook's `Program Masterplan` and `Matriks Dimensi` sheets."""

import pytest
from openpyxl import load_workbook

from app.exports.options import ExportOptions, Format, Scope
from app.exports.service import export_round
from app.i18n import translator
from app.reports_web.service import ReportRequest, round_report
from reports import ReportOptions, report_json

t = translator("id")


def sheets(path):
    book = load_workbook(path, read_only=True)
    program = [row for row in book["Program Masterplan"].iter_rows(values_only=True)]
    matrix = [row for row in book["Matriks Dimensi"].iter_rows(values_only=True)]
    book.close()
    return program, matrix


@pytest.mark.parametrize("scope, opds", [(Scope.submitted, ()), (Scope.approved, ()),
                                         (Scope.all, ("OPD-B",))])
def test_report_totals_equal_the_workbook(db, seeded, tmp_path, scope, opds):
    path = tmp_path / "export.xlsx"
    export_round(db, round_id=seeded.round_id, fmt=Format.xlsx, path=path,
                 options=ExportOptions(scope=scope, opd_codes=opds))
    with db.session() as session:
        report = round_report(session, round_id=seeded.round_id,
                              request=ReportRequest(scope=scope, opd_codes=opds),
                              options=ReportOptions(charts=False))
    data = report_json(report)
    program, matrix = sheets(path)

    header, rows = program[0], [row for row in program[1:] if row[0] is not None]
    cost = header.index(t("export.col.biaya"))
    assert len(rows) == data["summary"]["total_needs"] == data["dimensions"]["total"]["needs"]
    assert sum(row[cost] or 0 for row in rows) == pytest.approx(data["summary"]["total_cost"])

    head, body = matrix[0], matrix[1:]
    total = next(row for row in body if row[0] == t("export.matrix.total"))
    assert total[head.index(t("export.col.needs_total"))] == data["dimensions"]["total"]["needs"]
    assert total[head.index(t("export.col.cost_total"))] == pytest.approx(
        data["dimensions"]["total"]["cost"])
    for block in data["dimensions"]["dimensions"]:
        cost_of = t("export.col.cost_of", name=block["label"])
        assert total[head.index(block["label"])] == block["total"]["needs"], block["label"]
        assert total[head.index(cost_of)] == pytest.approx(block["total"]["cost"])
        for element in block["elements"]:
            cell, label = element["cell"], element["label"]
            assert total[head.index(label)] == cell["needs"], label
            assert total[head.index(t("export.col.cost_of", name=label))] == \
                pytest.approx(cell["cost"])

    by_opd = {row["opd"]["code"]: row for row in data["dimensions"]["by_opd"]}
    labels = [block["label"] for block in data["dimensions"]["dimensions"]]
    for row in body:
        if row[0] == t("export.matrix.total") or row[0] is None:
            continue
        mine = by_opd.get(row[0])
        needs = [row[head.index(label)] for label in labels]
        assert needs == ([c["needs"] for c in mine["cells"]] if mine else [0] * 6), row[0]
        assert row[head.index(t("export.col.cost_total"))] == pytest.approx(
            mine["total"]["cost"] if mine else 0)
