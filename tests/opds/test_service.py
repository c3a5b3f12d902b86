"""The OPD register service: import (upsert by code, all or nothing) and list, on both backends."""

from sqlmodel import func, select

from app.audits.models import AuditEvent
from app.opds.models import Opd
from app.opds.service import import_opds, list_opds
from tests.support.factories import make_opd, make_user

HEADER = "code,name,short_name,kind,parent_code\n"
GOOD = (HEADER + "SETDA,Sekretariat Daerah,Setda,sekretariat,\n"
        "SETDA.ORG,Bagian Organisasi,,bagian,SETDA\n"
        "DINKES,Dinas Kesehatan,Dinkes,dinas,\n")


def do_import(db, content: str, filename: str = "opd.csv", actor=None):
    with db.write_session() as session:
        return import_opds(session, filename=filename, data=content.encode(), actor=actor)


def register(db) -> dict[str, tuple]:
    """code -> (name, short_name, kind, parent code), as saved."""
    with db.session() as session:
        opds = list_opds(session)
    codes = {opd.id: opd.code for opd in opds}
    return {o.code: (o.name, o.short_name, o.kind, codes.get(o.parent_id)) for o in opds}


def events(db, action: str) -> list[AuditEvent]:
    with db.session() as session:
        return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_clean_file_is_saved_with_its_parents_and_audited(db):
    outcome = do_import(db, GOOD)
    assert (outcome.ok, outcome.created, outcome.updated) == (True, 3, 0)
    assert register(db) == {
        "DINKES": ("Dinas Kesehatan", "Dinkes", "dinas", None),
        "SETDA": ("Sekretariat Daerah", "Setda", "sekretariat", None),
        "SETDA.ORG": ("Bagian Organisasi", None, "bagian", "SETDA"),
    }
    [event] = events(db, "opd.imported")
    assert event.details == {"filename": "opd.csv", "rows": 3, "created": 3}


def test_a_second_import_updates_by_code_and_keeps_the_others(db):
    do_import(db, GOOD)
    outcome = do_import(db, HEADER + "DINKES,Dinas Kesehatan dan KB,,Dinas,\n"
                        "SETDA.ORG,Bagian Organisasi,Bag. Org,bagian,\n")
    assert (outcome.created, outcome.updated) == (0, 2)
    saved = register(db)
    assert saved["DINKES"] == ("Dinas Kesehatan dan KB", None, "dinas", None)
    assert saved["SETDA.ORG"] == ("Bagian Organisasi", "Bag. Org", "bagian", None)
    assert saved["SETDA"] == ("Sekretariat Daerah", "Setda", "sekretariat", None)


def test_a_parent_may_be_an_opd_already_in_the_register(db):
    with db.write_session() as session:
        make_opd(session, "SETDA", "Sekretariat Daerah", "sekretariat")
    outcome = do_import(db, HEADER + "SETDA.HUKUM,Bagian Hukum,,bagian,SETDA\n")
    assert outcome.ok
    assert register(db)["SETDA.HUKUM"][3] == "SETDA"


def test_a_bad_file_writes_nothing(db):
    do_import(db, GOOD)
    before = register(db)
    outcome = do_import(db, HEADER + "DISHUB,Dinas Perhubungan,,dinas,\n"
                        "DISPAR,,,dinas,\n")
    assert not outcome.ok and (outcome.created, outcome.updated) == (0, 0)
    assert [str(p) for p in outcome.problems] == ["row 3, column name: name is required"]
    assert register(db) == before
    assert len(events(db, "opd.imported")) == 1


def test_the_actor_is_recorded(db):
    with db.write_session() as session:
        admin = make_user(session, "admin", "admin")
    do_import(db, GOOD, actor=admin)
    [event] = events(db, "opd.imported")
    assert (event.actor_id, event.actor_name) == (admin.id, "admin")


def test_the_list_is_ordered_by_code_and_can_hide_inactive_opds(db):
    do_import(db, GOOD)
    with db.write_session() as session:
        dinkes = session.exec(select(Opd).where(Opd.code == "DINKES")).one()
        dinkes.active = False
        session.add(dinkes)
        session.commit()
    with db.session() as session:
        assert [o.code for o in list_opds(session)] == ["DINKES", "SETDA", "SETDA.ORG"]
        assert [o.code for o in list_opds(session, active_only=True)] == ["SETDA", "SETDA.ORG"]
        assert session.exec(select(func.count()).select_from(Opd)).one() == 3
