"""Adding a regency: its own database at the newest schema, registered, audited; bad input
refused with a message naming the problem."""

import pytest
from sqlalchemy import inspect
from sqlmodel import select

from app import migrate
from app.audits.models import AuditEvent
from app.opds.models import Opd
from app.regencies.models import RegisteredRegency
from app.regencies.service import RegencyError, add_regency, registered
from tests.support.factories import make_opd


def test_an_added_regency_has_its_own_empty_database_at_the_newest_schema(db, other):
    assert migrate.is_at_head(other.db.engine)
    with db.write_session() as session:
        make_opd(session, "DINKES", "Dinas Kesehatan")
        session.commit()
    with other.db.session() as session:
        assert session.exec(select(Opd)).all() == []  # the home register is not in it
    assert [(r.code, r.name, r.kind, r.host) for r in registered(db)] == [
        ("73.15", "Kabupaten Luwu Timur", "kabupaten", "7315.localhost")]
    with db.session() as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "regency.added")).one()
    assert (event.object_id, event.details["host"]) == ("73.15", "7315.localhost")


def test_on_postgresql_a_regency_is_a_schema_and_on_sqlite_a_file(db, settings, other):
    if db.is_sqlite:
        assert other.settings.database_url.endswith("/regencies/7315/survei.db")
        assert (settings.var_dir / "regencies" / "7315" / "survei.db").is_file()
    else:
        assert other.settings.database_schema == "regency_7315"
        tables = inspect(db.engine).get_table_names(schema="regency_7315")
        assert {"opd", "round", "submission", "app_user", "alembic_version"} <= set(tables)
    assert other.settings.base_url == "http://7315.localhost:8000"
    assert other.settings.regency_name == "Kabupaten Luwu Timur"


def test_rows_written_in_a_regency_stay_in_its_database(db, other):
    with other.db.write_session() as session:
        make_opd(session, "DINKES", "Dinas Kesehatan Luwu Timur")
        session.commit()
    with db.session() as session:
        assert session.exec(select(Opd)).all() == []
    with other.db.session() as session:
        assert [o.name for o in session.exec(select(Opd))] == ["Dinas Kesehatan Luwu Timur"]


@pytest.mark.parametrize(("fields", "message"), [
    ({"code": "7315"}, "bukan kode Kemendagri"),
    ({"code": "73.22"}, "wilayah utama"),
    ({"name": "  "}, "nama wilayah wajib"),
    ({"kind": "provinsi"}, "harus salah satu dari: kabupaten, kota"),
    ({"host": "bad host!"}, "tidak sah"),
    ({"code": "73.15"}, "sudah terdaftar"),
    ({"host": "7315.localhost"}, "sudah dipakai"),
])
def test_bad_regencies_are_refused_with_the_reason(db, settings, other, fields, message):
    given = {"code": "73.16", "name": "Kabupaten Contoh", "kind": "kabupaten", "host": "",
             **fields}
    with pytest.raises(RegencyError, match=message):
        add_regency(db, settings, **given)
    with db.session() as session:
        assert len(session.exec(select(RegisteredRegency)).all()) == 1
