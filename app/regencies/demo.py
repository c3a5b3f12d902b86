"""`survei demo --national`: two more regencies beside the home demo, and a coordinator.

Kabupaten Luwu Timur gets the demo register (its Dinas, Badan and Bagian; not Luwu Utara's
kecamatan), the demo accounts and a demo round; Kota Palopo the register and accounts but no
round yet, so the coordinator's page shows a regency that has not started. The default
questionnaire becomes the national core, and the benchmarks are computed once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from sqlmodel import select

from app.accounts.models import Role, User
from app.auth.accounts import create_user
from app.config import Settings
from app.db import Database
from app.demo import REGISTER, load_demo
from app.national.benchmarks.service import compute, latest_snapshot, save_snapshot
from app.national.core import current_core, publish_core
from app.regencies.models import RegisteredRegency
from app.regencies.service import add_regency
from app.regencies.sites import open_database, regency_settings
from app.sample import DEFAULT_QUESTIONNAIRE

REGENCIES = (("73.15", "Kabupaten Luwu Timur", "kabupaten", True),
             ("73.73", "Kota Palopo", "kota", False))
COORDINATOR = ("koordinator", "Koordinator Nasional (Komdigi)", "demo-koordinator-2026")


def register_without_kecamatan() -> bytes:
    """The demo register minus Luwu Utara's kecamatan (their names are its places)."""
    rows = list(csv.DictReader(io.StringIO(REGISTER.read_text(encoding="utf-8"))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(row for row in rows if row["kind"] != "kecamatan")
    return out.getvalue().encode()


def load_national_demo(db: Database, settings: Settings, *, today: dt.date) -> list[str]:
    """Add the demo regencies (once) with their data, and the coordinator; what was done."""
    done = []
    with db.write_session() as session:
        username, name, password = COORDINATOR
        if session.exec(select(User).where(User.username == username)).first() is None:
            create_user(session, username=username, role=Role.coordinator.value,
                        full_name=name, password=password)
            session.commit()
            done.append(f"coordinator {username} created")
        known = {entry.code: entry for entry in session.exec(select(RegisteredRegency))}
    register = register_without_kecamatan()
    for code, name, kind, with_round in REGENCIES:
        entry = known.get(code) or add_regency(db, settings, code=code, name=name, kind=kind,
                                               actor_name="demo")
        config = regency_settings(settings, entry)
        regency_db = open_database(db, config)
        try:
            with regency_db.write_session() as session:
                outcome, created, summary = load_demo(session, today=today,
                                                      timezone=settings.timezone,
                                                      register=register, with_round=with_round,
                                                      seed=f"{code}/")
        finally:
            regency_db.dispose()
        if not outcome.ok:
            raise ValueError("; ".join(str(p) for p in outcome.problems))
        round_text = f", demo round {summary.round_id}" if summary else ", no round yet"
        done.append(f"{code} {name} on {config.base_url}: accounts created "
                    f"{', '.join(created) or 'none (already there)'}{round_text}")
    return done + _core_and_benchmarks(db, settings)


def _core_and_benchmarks(db: Database, settings: Settings) -> list[str]:
    """The default questionnaire as the national core, and the benchmarks computed (once)."""
    done = []
    with db.write_session() as session:
        if current_core(session) is None:
            row = publish_core(session, filename=DEFAULT_QUESTIONNAIRE.name,
                               data=DEFAULT_QUESTIONNAIRE.read_bytes(), actor_name="demo")
            done.append(f"national core {row.form_id} version {row.version} published")
        if latest_snapshot(session) is not None:
            return done
    benchmarks = compute(db, var_dir=settings.var_dir, home_code=settings.regency_code,
                         home_name=settings.regency_name, actor_name="demo")
    save_snapshot(db, benchmarks)
    done.append(f"national benchmarks computed over {len(benchmarks.regencies)} regencies "
                f"(/nasional/tolok-ukur)")
    return done
