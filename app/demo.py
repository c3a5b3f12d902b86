"""Demo data: the Luwu Utara OPD register, one account per role, the default questionnaire and
an open round with about 30 OPDs in every state and an example plan (idempotent)."""

import datetime as dt
from pathlib import Path

from sqlmodel import Session, select

from app.accounts.models import Role, User
from app.auth.accounts import create_user
from app.opds.service import ImportOutcome, import_opds
from app.planning.demo import load_demo_plan
from app.sample.demo.round import DemoRoundSummary, load_demo_round

REGISTER = Path(__file__).parent / "data" / "opd-luwu-utara.csv"
# Documented in the README; `survei demo` refuses to run in production.
DEMO_ACCOUNTS = (
    ("admin", Role.admin, None, "Admin Dinas Kominfo-SP", "demo-admin-2026"),
    ("perencana", Role.planner, None, "Perencana Dinas Kominfo-SP", "demo-perencana-2026"),
    ("pimpinan", Role.viewer, None, "Pimpinan Bapperida", "demo-pimpinan-2026"),
    ("petugas.kominfo", Role.officer, "DISKOMINFOSP", "Kasubbag Perencanaan Kominfo-SP",
     "demo-petugas-2026"),
    ("petugas.dinkes", Role.officer, "DINKES", "Sekretaris Dinas Kesehatan", "demo-petugas-2026"),
)


def load_demo(session: Session, *, today: dt.date, timezone: str = "Asia/Makassar",
              register: bytes | None = None, with_round: bool = True, seed: str = "",
              ) -> tuple[ImportOutcome, list[str], DemoRoundSummary | None]:
    """Load the register, the accounts and the demo round; a second run changes nothing.

    `seed` makes another regency's generated answers its own (the home demo's is "")."""
    register = REGISTER.read_bytes() if register is None else register
    outcome = import_opds(session, filename=REGISTER.name, data=register)
    created = []
    for username, role, opd, name, password in DEMO_ACCOUNTS:
        if session.exec(select(User).where(User.username == username)).first():
            continue
        create_user(session, username=username, role=role.value, opd_code=opd, full_name=name,
                    password=password)
        created.append(username)
    if not outcome.ok or not with_round:
        return outcome, created, None
    summary = load_demo_round(session, today=today, seed=seed)
    planner = session.exec(select(User).where(User.username == "perencana")).first()
    if planner is not None:
        load_demo_plan(session, round_id=summary.round_id, actor=planner, timezone=timezone)
    return outcome, created, summary
