"""A round whose submissions span questionnaire versions: union of columns, nothing lost."""

import json

from sqlalchemy import update

from app.exports.options import Scope
from app.questionnaires.models import Questionnaire
from app.questionnaires.service import publish
from app.submissions.models import Submission
from tests.exports.conftest import read, rows_of
from tests.exports.forms import workbook


def move(world, code: str, questionnaire_id: int, answers: dict | None = None) -> None:
    values = {"questionnaire_id": questionnaire_id}
    if answers is not None:
        values["answers"] = answers
    with world.db.writing() as session:
        session.execute(update(Submission).where(Submission.id == world.submissions[code])
                        .values(**values))


def test_two_versions_export_the_union_of_columns_and_every_submission(world, export):
    with world.db.write_session() as session:
        v2 = publish(session, filename="uji-2.xlsx", data=workbook("2"))
    assert v2.ok, v2.problems
    answers = {"pj_nip": "0099", "surel": "b@luwuutarakab.go.id", "punya_aplikasi": "ya",
               "platform": ["desktop"], "kebutuhan": []}
    move(world, "OPD-B", v2.row.id, answers)
    book = read(export())
    rows = rows_of(book, "Isian")
    assert [(r["Kode OPD"], r["Versi Kuesioner"]) for r in rows] == [("OPD-A", "1"),
                                                                     ("OPD-B", "2")]
    a, b = rows
    assert a["Surel"] is None and b["Surel"] == "b@luwuutarakab.go.id"
    assert (a["Platform: Desktop"], b["Platform: Desktop"], b["Platform: Situs web"]) == (0, 1, 0)
    assert b["Platform"] == "Desktop"
    info = dict(book["Info"].iter_rows(min_row=2, values_only=True))
    assert info["Versi kuesioner"] == f"1 (id {world.qid}), 2 (id {v2.row.id})"
    codebook = {r["Kode Kolom"]: r for r in rows_of(book, "Kamus Data")}
    assert codebook["surel"]["Versi Pertama"] == "2" and codebook["pj_nip"]["Versi Pertama"] == "1"


def test_a_submission_whose_version_cannot_be_read_goes_to_the_problems_sheet(world, export):
    with world.db.writing() as session:
        broken = Questionnaire(form_id="uji_ekspor", version="rusak", title="Rusak",
                               source_workbook=b"", source_sha256="rusak-" + "0" * 58,
                               definition={"bukan": "kuesioner"})
        other = Questionnaire(form_id="formulir_lain", version="1", title="Lain",
                              source_workbook=b"", source_sha256="lain-" + "0" * 59,
                              definition={"bukan": "kuesioner"})
        session.add_all([broken, other])
        session.flush()
        ids = broken.id, other.id
    move(world, "OPD-B", ids[0])
    move(world, "OPD-C", ids[1])
    book = read(export(scope=Scope.all))
    assert book.sheetnames[-1] == "Masalah"
    assert [r["Kode OPD"] for r in rows_of(book, "Isian")] == ["OPD-A"]
    problems = rows_of(book, "Masalah")
    assert [(p["Kode OPD"], p["ID Kuesioner"]) for p in problems] == [("OPD-B", ids[0]),
                                                                      ("OPD-C", ids[1])]
    assert problems[0]["Masalah"].startswith("Versi kuesioner isian ini tidak dapat dibaca")
    assert problems[1]["Masalah"].startswith("Isian ini memakai kuesioner lain")
    assert json.loads(problems[0]["Jawaban (JSON)"])["pj_nip"] == "198609262015051001"
