"""The national core questionnaire: the coordinator publishes it at home; every regency's
edition of it (the same form_id) keeps its items and adds local ones named `lokal_…`."""

from __future__ import annotations

import hashlib

from sqlmodel import Session, select

from app import audit
from app.national.models import NationalCore
from app.questionnaires.schema import Questionnaire
from app.questionnaires.xlsform import load_xlsform


class CoreError(ValueError):
    """A core questionnaire that cannot be published; the message says why."""


def publish_core(session: Session, *, filename: str, data: bytes,
                 actor_name: str = "cli") -> NationalCore:
    """Check the workbook and store it as the newest core version (audited); commits."""
    loaded = load_xlsform(data, filename=filename)
    if not loaded.ok:
        raise CoreError("; ".join(str(error) for error in loaded.errors))
    new = loaded.questionnaire
    latest = latest_core_row(session)
    if latest is not None and latest.form_id != new.form_id:
        raise CoreError(f'the national core is form_id "{latest.form_id}"; keep it')
    if session.exec(select(NationalCore).where(NationalCore.form_id == new.form_id,
                                               NationalCore.version == new.version)).first():
        raise CoreError(f"core version {new.version} is already published; change `version`")
    row = NationalCore(form_id=new.form_id, version=new.version, title=new.title,
                       source_workbook=data, source_sha256=hashlib.sha256(data).hexdigest(),
                       definition=new.model_dump(mode="json"), published_by_name=actor_name)
    session.add(row)
    audit.record(session, action="national.core_published", actor_name=actor_name,
                 object_type="national_core", object_id=new.version, form_id=new.form_id)
    session.commit()
    return row


def latest_core_row(session: Session) -> NationalCore | None:
    return session.exec(select(NationalCore).order_by(NationalCore.id.desc())).first()


def current_core(session: Session) -> Questionnaire | None:
    """The newest core version, or None when the coordinator has published none."""
    row = latest_core_row(session)
    return Questionnaire.model_validate(row.definition) if row is not None else None


def core_of(request) -> Questionnaire | None:
    """The national core a regency's publication is checked against (from the home database)."""
    with request.app.state.sites.home.db.session() as session:
        return current_core(session)
