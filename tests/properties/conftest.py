"""One answer's whole journey: saved through the JSON API, submitted, approved, exported as
XLSX, CSV and JSON and read back, and reported — in a fresh round per example."""

import csv
import io
import itertools
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from openpyxl import load_workbook
from sqlmodel import select

from app.accounts.models import User
from app.db import Database
from app.exports.hygiene import FORMULA_TRIGGERS
from app.exports.options import ExportOptions, Format, Scope
from app.exports.service import export_round
from app.opds.models import Opd
from app.questionnaires.schema import Questionnaire
from app.questionnaires.service import definition_of, publish
from app.reports_web.service import ReportRequest, round_report
from app.rounds.models import RoundStatus
from app.rounds.service import create_round, set_status
from app.submissions import review
from app.submissions.models import Submission
from tests.exports.forms import workbook
from tests.support.factories import csrf_from, login, make_opd, make_user

# Each example is a whole round trip (~0.5 s), so the counts are modest and the examples the
# same on every run; a failure is reported as found, unshrunk (shrinking a trip takes minutes:
# set SURVEI_HYPOTHESIS_SHRINK=1 to shrink while debugging).
PROPERTY = settings(
    max_examples=12, deadline=None, database=None, derandomize=True,
    phases=[Phase.explicit, Phase.generate,
            *([Phase.shrink] if os.environ.get("SURVEI_HYPOTHESIS_SHRINK") else [])],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@dataclass
class Exported:
    """One submission's cells as each format gives them back, by column code."""

    xlsx: dict[str, dict]
    csv: dict[str, dict]
    json: dict[str, dict]
    formulas: int
    report_included: int


@dataclass
class Outcome:
    status: int
    fields: dict = field(default_factory=dict)
    exported: Exported | None = None


@dataclass
class Trip:
    db: Database
    client: object
    csrf: str
    form: Questionnaire
    qid: int
    opd: Opd
    planner: User
    tmp: Path
    counter: itertools.count = field(default_factory=itertools.count)

    def run(self, answers: dict) -> Outcome:
        """Save `answers` in a new round; when kept, submit, approve, export and report."""
        with self.db.write_session() as session:
            round_ = create_round(session, name=f"Periode {next(self.counter)}",
                                  questionnaire_id=self.qid, opd_ids=[self.opd.id])
            round_id = set_status(session, round_=round_, status=RoundStatus.open).id
        url = f"/api/v1/rounds/{round_id}/submission"
        body = json.dumps({"version": 0, "answers": answers})  # a surrogate as its \u escape
        saved = self.client.put(url, content=body, headers={
            "X-CSRF-Token": self.csrf, "Content-Type": "application/json"})
        assert saved.status_code < 500, saved.text
        if saved.status_code != 200:
            return Outcome(saved.status_code, saved.json()["error"].get("fields", {}))
        sent = self.client.post(f"{url}/submit", json={"version": 1},
                                headers={"X-CSRF-Token": self.csrf})
        assert sent.status_code == 200, sent.text
        with self.db.write_session() as session:
            submission = session.exec(select(Submission).where(
                Submission.round_id == round_id)).one()
            review.approve(session, submission=submission, actor=self.planner)
        return Outcome(200, exported=self._export(round_id))

    def _export(self, round_id: int) -> Exported:
        paths = {}
        for fmt in Format:
            paths[fmt] = self.tmp / f"{round_id}.{fmt.value}"
            export_round(self.db, round_id=round_id, fmt=fmt, path=paths[fmt],
                         options=ExportOptions(labels=False, scope=Scope.approved))
        book = load_workbook(paths[Format.xlsx])
        formulas = sum(cell.data_type == "f" or _live_text(cell) for ws in book
                       for row in ws.iter_rows() for cell in row)
        with self.db.session() as session:
            report = round_report(session, round_id=round_id, request=ReportRequest())
        return Exported(_xlsx(book), _csv(paths[Format.csv]), _json(paths[Format.json]),
                        formulas, report.summary.included)


def _live_text(cell) -> bool:
    """Text Excel would read as a formula once the cell is edited: a trigger, no quote prefix."""
    return isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS) \
        and not cell.quotePrefix


def _first_rows(tables: dict[str, list[list]]) -> dict[str, dict]:
    """Sheet -> its first data row by header (the one submission's row)."""
    return {name: dict(zip(rows[0], rows[1], strict=True)) for name, rows in tables.items()
            if len(rows) > 1}


def _xlsx(book) -> dict[str, dict]:
    return _first_rows({ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
                        for ws in book})


def _csv(path: Path) -> dict[str, dict]:
    with zipfile.ZipFile(path) as archive:
        return _first_rows({
            name.split(" ", 1)[1].removesuffix(".csv"):
                list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
            for name in archive.namelist()})


def _json(path: Path) -> dict[str, dict]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return {sheet["name"]: dict(zip([c["code"] for c in sheet["columns"]], sheet["rows"][0],
                                    strict=True))
            for sheet in document["sheets"] if sheet["rows"]}


@pytest.fixture
def trip(db, client, tmp_path) -> Trip:
    with db.write_session() as session:
        outcome = publish(session, filename="uji.xlsx", data=workbook("1"))
        assert outcome.ok, outcome.problems
        opd = make_opd(session, "OPD-P", "Dinas Properti")
        make_user(session, "petugas.p", "officer", "OPD-P")
        planner = make_user(session, "planner", "planner")
        form, qid = definition_of(outcome.row), outcome.row.id
    assert login(client, "petugas.p").status_code == 303
    csrf = csrf_from(client.get("/").text)
    return Trip(db, client, csrf, form, qid, opd, planner, tmp_path)
