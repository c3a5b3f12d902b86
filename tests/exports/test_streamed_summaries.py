"""Done when: the summary sheets the export streams (rows staged on disk per OPD, analyses
reduced to what their sheets read) read back cell for cell as the whole round in memory gives
them (the planner pages' path, app/analyses/service.py)."""

import pytest
from openpyxl import load_workbook

from app.analyses.service import round_analyses
from app.analyses.sheets import (
    app_values,
    dataset_values,
    spbe_rows,
    unmapped_labels,
    unmapped_values,
)
from app.analyses.streaming import LinkedNeeds, LinkedServices
from app.clock import local_today
from app.demo import load_demo
from app.exports.options import ExportOptions, Format
from app.exports.program import ProgramSheet
from app.exports.service import export_round
from app.i18n import translator
from app.sample.demo.round import load_demo_round
from reports.spbe import Indicator, LinkedNeed, LinkedService, build_spbe

INDICATORS = [Indicator("1", "Satu", "D1", "Domain 1", "A1", "Aspek 1", 60.0),
              Indicator("2", "Dua", "D1", "Domain 1", "A1", "Aspek 1", 40.0)]


def _cells(values) -> list:
    """A row as it reads back: trailing blanks dropped."""
    values = list(values)
    while values and values[-1] is None:
        values.pop()
    return values


def _same(row, expected) -> bool:
    got, want = _cells(row), _cells(expected)
    return len(got) == len(want) and all(
        a == pytest.approx(b, rel=1e-12) if isinstance(b, float) else a == b
        for a, b in zip(got, want, strict=True))


def test_streamed_summary_sheets_read_back_as_the_round_in_memory_gives_them(db, tmp_path):
    with db.write_session() as session:
        load_demo(session, today=local_today("Asia/Makassar"))
        round_id = load_demo_round(session, today=local_today("Asia/Makassar")).round_id
    path = tmp_path / "round.xlsx"
    export_round(db, round_id=round_id, options=ExportOptions(), fmt=Format.xlsx, path=path,
                 actor_name="test")
    with db.session() as session:
        data = round_analyses(session, round_id=round_id)
    t = translator("id")
    program = ProgramSheet(data.spec, t, True, data.view)
    spbe = spbe_rows(data.analyses.spbe, t)
    total = program.matrix_row(data.matrix.totals())
    total[0] = t("export.matrix.total")
    expected = {
        "Penilaian SPBE": [*spbe.rows, spbe.footer],
        "Rasionalisasi Aplikasi": [app_values(r, t) for r in data.analyses.applications.rows],
        "Daftar Data": [dataset_values(r, t) for r in data.analyses.satu_data.datasets],
        "Tanpa Padanan": [unmapped_values(item, placement, unmapped_labels(data.spec),
                                          data.view) for item, placement in data.matrix.unmapped],
        "Matriks Dimensi": [*(program.matrix_row(r) for r in data.matrix.rows()), total],
        "Matriks Panjang": [program.long_row(r) for r in data.matrix.long_rows()],
    }
    book = load_workbook(path)
    for sheet, rows in expected.items():
        read = list(book[sheet].iter_rows(min_row=2, values_only=True))
        assert len(read) == len(rows), sheet
        assert len(rows) > 1 or sheet == "Tanpa Padanan", sheet  # the demo fills them
        for number, (row, want) in enumerate(zip(read, rows, strict=True), start=2):
            assert _same(row, want), (sheet, number, row, want)


def test_spbe_from_the_reduced_links_is_the_spbe_from_all_of_them():
    services = [LinkedService(f"O{i}", f"Dinas {i}", f"Layanan {i}", ("1", "2")[i % 2],
                              level=(i * 7) % 5 or None, target=(i * 3) % 6 or None)
                for i in range(40)]
    needs = [LinkedNeed(f"O{i}", f"Dinas {i}", f"Kebutuhan {i}", ("1", "2")[i % 2], None,
                        f"k{i}") for i in range(25)]
    kept_services, kept_needs = LinkedServices(), LinkedNeeds()
    for service in services:
        kept_services.append(service)
    for need in needs:
        kept_needs.append(need)
    full = build_spbe(INDICATORS, [], services, needs, target=3.0)
    reduced = build_spbe(INDICATORS, [], list(kept_services), list(kept_needs), target=3.0)
    t = translator("id")
    assert spbe_rows(full, t) == spbe_rows(reduced, t, services=kept_services.counts,
                                           needs=kept_needs.counts)
    assert [(s.indicator.code, s.to_level, [n.title for n in s.needs[:3]])
            for s in full.path.steps] == [(s.indicator.code, s.to_level,
                                            [n.title for n in s.needs[:3]])
                                           for s in reduced.path.steps]

