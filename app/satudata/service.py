"""The round's walidata (the custodian named on the Daftar Data)."""

from __future__ import annotations

from sqlmodel import Session, select

from app.accounts.models import User
from app.errors import Invalid
from app.frameworks.service import save_round_setting
from app.opds.models import Opd
from app.rounds.models import Round


def save_walidata(session: Session, *, round_: Round, opd_code: str,
                  actor: User | None) -> Opd | None:
    """Name the OPD that is the round's walidata ("" clears it); audited."""
    code = opd_code.strip()
    opd = session.exec(select(Opd).where(Opd.code == code)).first() if code else None
    if code and opd is None:
        raise Invalid(detail={"fields": {"opd_code": "spbe.opd_unknown"}})
    save_round_setting(session, round_=round_, actor=actor, walidata_opd_id=opd.id if opd
                       else None)
    return opd
