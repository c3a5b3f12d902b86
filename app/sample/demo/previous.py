"""The demo's previous round "Periode Pengisian 2025" (approved, closed), which the 2026 round
is carried from, and the officers' confirmation of their carried drafts (idempotent).

OPDs the 2026 demo leaves "not started" took no part in 2025, so they start empty; the others
were approved in 2025 and find their 2026 draft carried forward.
"""

from __future__ import annotations

import copy
import datetime as dt
import random

from sqlmodel import Session, select

from app.accounts.models import User
from app.opds.models import Opd
from app.questionnaires.answers.carried import CHANGED, RETIRED, SAME, carried_rows
from app.questionnaires.service import definition_of
from app.rounds.models import Round, RoundStatus
from app.rounds.service import create_round, set_status
from app.sample.answers import AnswerFaker, Sizes
from app.sample.demo.cast import NOT_STARTED, TARGETS, DemoContext, officer_of
from app.submissions import review, service
from app.submissions.models import Submission

PREVIOUS_NAME = "Periode Pengisian 2025"


def load_previous_round(session: Session, *, row, planner: User, opds: dict[str, Opd],
                        today: dt.date, seed: str = "") -> Round:
    """The 2025 round with every demo OPD approved but those not started in 2026; closed."""

    found = session.exec(select(Round).where(Round.name == PREVIOUS_NAME)).first()
    if found is not None:
        return found
    asked = [opd for code, opd in opds.items() if TARGETS.get(code) != NOT_STARTED]
    round_ = create_round(session, name=PREVIOUS_NAME, questionnaire_id=row.id,
                          opd_ids=[opd.id for opd in asked], actor=planner)
    set_status(session, round_=round_, status=RoundStatus.open)
    form = definition_of(row)
    for opd in asked:
        rng = random.Random(f"{seed}demo-2025-{opd.code}")
        answers = AnswerFaker(form, rng, today).document(Sizes.varied(rng), hostile=0.05)
        officer = officer_of(session, opd)
        saved = service.save_draft(session, round_=round_, opd_id=opd.id, questionnaire=form,
                                   questionnaire_id=row.id, answers=answers, base_version=0,
                                   actor=officer).submission
        sent = service.submit(session, round_=round_, submission=saved, questionnaire=form,
                              base_version=saved.version, actor=officer)
        review.approve(session, submission=sent, actor=planner, note="Disetujui.")
    set_status(session, round_=round_, status=RoundStatus.closed)
    return round_


def confirm_carried(ctx: DemoContext, opd: Opd, submission: Submission, officer: User, *,
                    all_rows: bool) -> Submission:
    """The officer goes through the carried draft: most rows still hold, some changed (the
    bandwidth grows, programmes move on), one no longer applies. A draft left to continue
    (`all_rows` false) has only its first rows confirmed."""
    rng = random.Random(f"{ctx.seed}demo-confirm-{opd.code}")
    answers = copy.deepcopy(service.working_answers(submission))
    rows = list(carried_rows(answers))
    for index, row in enumerate(rows):
        if not all_rows and index >= len(rows) // 3:
            break
        row["_carry"] = SAME
        if "kebutuhan_status" in row:
            _move_on(row, rng)
    if all_rows and len(rows) > 3:
        rng.choice([r for r in rows if "layanan_nama" in r] or rows)["_carry"] = RETIRED
    if isinstance(answers.get("internet_bandwidth"), int | float):
        grown = float(answers["internet_bandwidth"]) + 10 * rng.randint(1, 5)
        answers["internet_bandwidth"] = grown
    saved = service.save_draft(ctx.session, round_=ctx.round_, opd_id=opd.id,
                               questionnaire=ctx.form, questionnaire_id=ctx.form_id,
                               answers=answers, base_version=submission.version, actor=officer)
    return saved.submission


def _move_on(row: dict, rng: random.Random) -> None:
    status = rng.choice(("usulan", "masuk_rkpd", "berjalan", "berjalan", "selesai", "batal"))
    if status == "usulan":
        return
    row["_carry"] = CHANGED
    row["kebutuhan_status"] = status
    row["kebutuhan_status_catatan"] = "Diperbarui pada Periode Pengisian 2026"
    if status in ("berjalan", "selesai") and isinstance(row.get("biaya"), int | float):
        share = 1.0 if status == "selesai" else rng.choice((0.25, 0.4, 0.6))
        row["kebutuhan_realisasi"] = round(row["biaya"] * share, -6)
