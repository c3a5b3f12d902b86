"""Example SPBE entries, target and walidata for the demo round (marked as example data).

The levels of domains 1–3 are chosen so their indices match Luwu Utara's published 2022 result
(Kebijakan 3,10; Tata Kelola 2,30; Manajemen 2,18; KepmenPANRB 108/2023, domain.md §1.1); the
service indicators whose national application the regency uses get a planner's level, the
rest come from the OPDs' answers (so the index moves with the demo answers; the published
2022 index is 2,93, "Baik"). The
target is the RPJPD 2025–2045 period I target, 3,13 (masterplan.md [ID10]). Which OPD is in
charge of which indicator follows the example in masterplan.md C3 [I]. None of this is an
evaluation result: every entry says it is an example.
"""

from __future__ import annotations

from sqlmodel import Session, select

from app.analyses.models import RoundAnalysis
from app.opds.models import Opd
from app.rounds.models import Round
from app.spbe.models import SpbeEntry
from app.types import utcnow

# indicator -> (level, target, evidence, OPD in charge)
ENTRIES: dict[str, tuple[int, int | None, str, str]] = {
    **{str(n): (lvl, 4 if lvl < 4 else None, "ada", "SETDA.HUKUM")
       for n, lvl in zip(range(1, 11), (4, 3, 3, 3, 3, 3, 3, 3, 3, 3), strict=True)},
    **{str(n): (lvl, lvl + 1, ev, opd) for n, lvl, ev, opd in (
        (11, 3, "ada", "BAPPERIDA"), (12, 2, "sebagian", "BAPPERIDA"),
        (13, 3, "ada", "BAPPERIDA"), (14, 2, "sebagian", "SETDA.ORG"),
        (15, 2, "sebagian", "DISKOMINFOSP"), (16, 2, "sebagian", "DISKOMINFOSP"),
        (17, 2, "belum", "DISKOMINFOSP"), (18, 2, "belum", "DISKOMINFOSP"),
        (19, 3, "ada", "DISKOMINFOSP"), (20, 2, "sebagian", "DISKOMINFOSP"))},
    **{str(n): (lvl, lvl + 1, ev, opd) for n, lvl, ev, opd in (
        (21, 2, "belum", "INSPEKTORAT"), (22, 2, "sebagian", "DISKOMINFOSP"),
        (23, 3, "ada", "DISKOMINFOSP"), (24, 2, "sebagian", "BPKPD"),
        (25, 2, "sebagian", "BKPSDM"), (26, 2, "belum", "DISKOMINFOSP"),
        (27, 2, "belum", "SETDA.ORG"), (28, 2, "belum", "DISKOMINFOSP"),
        (29, 3, "sebagian", "DISKOMINFOSP"), (30, 2, "belum", "DISKOMINFOSP"),
        (31, 2, "belum", "DISKOMINFOSP"))},
    # service indicators whose national application the regency uses (SIPD, SPSE, SIASN,
    # SRIKANDI, e-SAKIP, e-Kinerja, SP4N-LAPOR!, JDIH); 32, 38, 39, 45–47 from the answers
    "33": (4, 4, "ada", "BAPPERIDA"), "34": (3, 4, "ada", "BPKPD"),
    "35": (4, 4, "ada", "SETDA.PBJ"), "36": (3, 4, "sebagian", "BKPSDM"),
    "37": (3, 4, "sebagian", "DISPUSIP"), "40": (3, 4, "sebagian", "SETDA.ORG"),
    "41": (4, 4, "ada", "BKPSDM"), "42": (4, 5, "ada", "DISKOMINFOSP"),
    "43": (3, 4, "sebagian", "DISKOMINFOSP"), "44": (3, 4, "ada", "SETDA.HUKUM"),
}
NOTE = "Contoh data demo, bukan hasil evaluasi."
TARGET = 3.13
WALIDATA = "DISKOMINFOSP"


def load_demo_analyses(session: Session, *, round_: Round) -> None:
    """Add the example entries, the target and the walidata once (idempotent)."""
    if session.exec(select(SpbeEntry).where(SpbeEntry.round_id == round_.id)).first():
        return
    opds = {o.code: o.id for o in session.exec(select(Opd))}
    for indicator, (level, target, evidence, opd) in ENTRIES.items():
        session.add(SpbeEntry(round_id=round_.id, indicator=indicator, level=level,
                              target=target, evidence=evidence, evidence_note=NOTE,
                              opd_id=opds.get(opd), example=True, updated_at=utcnow()))
    setting = session.get(RoundAnalysis, round_.id) or RoundAnalysis(round_id=round_.id)
    setting.spbe_target = setting.spbe_target or TARGET
    setting.walidata_opd_id = setting.walidata_opd_id or opds.get(WALIDATA)
    session.add(setting)
    session.commit()
