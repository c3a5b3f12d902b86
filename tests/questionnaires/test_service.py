"""Publishing versions: immutable, hashed, compatibility-checked against stored answers."""

import hashlib
from io import BytesIO

from openpyxl import load_workbook
from sqlmodel import select

from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.service import definition_of, publish, versions
from app.rounds.service import create_round
from app.submissions.models import Submission
from tests.support.factories import make_opd
from tests.support.forms import ID, SETTINGS, SURVEY, small_workbook

V2_SETTINGS = [SETTINGS[0], ["kecil", "Formulir Kecil", "2", ID]]
PILIHAN = [["list_name", "name", f"label::{ID}", "label::English (en)"],
           ["status", "aktif", "Aktif", "Active"], ["status", "mati", "Tidak aktif", "Inactive"]]


def _with_status(settings, keep=("aktif", "mati")):
    survey = [*SURVEY, ["select_one status", "status", "Status", "Status", "", ""]]
    book = load_workbook(BytesIO(small_workbook(settings=settings, survey=survey)))
    sheet = book.create_sheet("choices")
    for row in PILIHAN:
        if row[1] in keep or row[0] == "list_name":
            sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def test_publish_keeps_the_workbook_its_hash_and_the_typed_definition(db):
    data = small_workbook()
    with db.write_session() as session:
        outcome = publish(session, filename="kecil.xlsx", data=data)
    assert outcome.ok and not outcome.unchanged
    with db.session() as session:
        row = session.exec(select(QuestionnaireRow)).one()
    assert row.source_workbook == data and row.source_sha256 == hashlib.sha256(data).hexdigest()
    assert definition_of(row).field("nama").label["id"] == "Nama penanggung jawab"


def test_publishing_the_same_workbook_twice_is_a_no_op_but_a_changed_one_needs_a_new_version(db):
    workbook = small_workbook()  # one file: openpyxl stamps each save with the time
    with db.write_session() as session:
        publish(session, filename="kecil.xlsx", data=workbook)
        again = publish(session, filename="kecil.xlsx", data=workbook)
        changed = publish(session, filename="kecil.xlsx", data=_with_status(SETTINGS))
        assert again.ok and again.unchanged
        assert not changed.ok
        assert "version 1 of kecil is already published" in changed.problems[0]
        assert len(versions(session, form_id="kecil")) == 1


def test_a_type_change_of_an_existing_field_is_refused(db):
    retyped = [row if row[1] != "jumlah" else ["text", "jumlah", "Jumlah", "Count", "", ""]
               for row in SURVEY]
    with db.write_session() as session:
        publish(session, filename="v1.xlsx", data=small_workbook())
        outcome = publish(session, filename="v2.xlsx",
                          data=small_workbook(settings=V2_SETTINGS, survey=retyped))
    assert not outcome.ok
    assert any("jumlah" in problem for problem in outcome.problems)


def test_removing_a_choice_that_has_data_is_refused_and_one_without_data_is_allowed(db):
    v3 = [SETTINGS[0], ["kecil", "Formulir Kecil", "3", ID]]
    with db.write_session() as session:
        v1 = publish(session, filename="v1.xlsx", data=_with_status(SETTINGS)).row
        opd = make_opd(session)
        session.add(Submission(round_id=_round(session, v1.id), opd_id=opd.id,
                               questionnaire_id=v1.id, answers={"status": "mati"}))
        session.commit()
        refused = publish(session, filename="v2.xlsx",
                          data=_with_status(V2_SETTINGS, keep=("aktif",)))
        allowed = publish(session, filename="v3.xlsx", data=_with_status(v3, keep=("mati",)))
    assert not refused.ok and any("mati" in p for p in refused.problems)
    assert allowed.ok, allowed.problems


def _round(session, questionnaire_id):
    return create_round(session, name="R", questionnaire_id=questionnaire_id, opd_ids=[]).id


def test_a_broken_workbook_is_not_stored(db):
    with db.write_session() as session:
        outcome = publish(session, filename="rusak.xlsx", data=b"not a workbook")
        assert not outcome.ok and outcome.problems
        assert session.exec(select(QuestionnaireRow)).all() == []
