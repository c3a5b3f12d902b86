"""Who takes part in the demo: the OPDs, the state each is left in, their officers, and the
context the demo's steps share (used by the 2026 round and the previous 2025 round)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlmodel import Session, select

from app.accounts.models import Role, User
from app.auth.accounts import create_user
from app.opds.models import Opd
from app.questionnaires.schema import Questionnaire
from app.rounds.models import Round
from app.sample.answers import person

NOT_STARTED = "not_started"
# OPD code -> the state the demo leaves it in. The two OPDs with demo officer accounts get a
# draft to continue (Kominfo) and a returned submission to revise (Dinkes).
TARGETS = {
    "DISKOMINFOSP": "draft", "DINKES": "needs_revision", "SETDA": "approved",
    "SETDA.PEM": "submitted", "SETDA.HUKUM": "approved", "SETDA.ORG": "submitted",
    "SETDA.PBJ": "draft", "INSPEKTORAT": "approved", "DISDIKBUD": "submitted",
    "DPUTRPKP2": "needs_revision", "SATPOLPP-DAMKAR": NOT_STARTED, "DINSOS": "approved",
    "DISNAKERTRANS": NOT_STARTED, "DLH": "submitted", "DISDUKCAPIL": "approved",
    "DPMD": "draft", "DISHUB": "needs_revision", "DP2KUKM": "submitted",
    "DPMPTSP": "approved", "DISPORAPAR": "draft", "DISPUSIP": NOT_STARTED,
    "DISTAN": "submitted", "BAPPERIDA": "approved", "BPKPD": "needs_revision",
    "BKPSDM": "submitted", "BPBD": "draft", "RSUD": NOT_STARTED,
    "73.22.03": "draft", "73.22.01": NOT_STARTED, "73.22.07": NOT_STARTED,
}  # fmt: skip


@dataclass
class DemoContext:
    session: Session
    round_: Round
    form: Questionnaire
    form_id: int
    planner: User
    today: dt.date
    seed: str = ""  # prefixes every generator's seed: another regency's answers differ


def officer_of(session: Session, opd: Opd) -> User:
    """The OPD's first officer account; demo OPDs without one get one without a password."""
    query = select(User).where(User.opd_id == opd.id, User.role == Role.officer)
    found = session.exec(query.order_by(User.id)).first()
    if found is not None:
        return found
    rng = random.Random(f"petugas-{opd.code}")
    return create_user(session, username=f"petugas.{opd.code.lower()}", role=Role.officer,
                       opd_code=opd.code, full_name=person(rng).split(",")[0])
