"""The demo round "Periode Pengisian 2026": 30 OPDs of the register in every state (idempotent).

Uses the real services (publish, create_round, save_draft, submit, return, approve), so the
demo data has the same revisions, comments and audit trail as real use.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel import Session, select

from app.accounts.models import Role, User
from app.opds.models import Opd
from app.questionnaires.service import definition_of, publish, versions
from app.rounds.models import Round, RoundStatus
from app.rounds.service import accepts_answers, asked, create_round, set_status
from app.sample import DEFAULT_QUESTIONNAIRE
from app.sample.answers import AnswerFaker, Sizes
from app.sample.demo.analyses import load_demo_analyses
from app.sample.demo.cast import NOT_STARTED, TARGETS, DemoContext, officer_of
from app.sample.demo.previous import confirm_carried, load_previous_round
from app.submissions import review, service
from app.submissions.models import Submission, SubmissionStatus
from app.types import utcnow

ROUND_NAME = "Periode Pengisian 2026"
RETURN_NOTE = ("Mohon lengkapi perkiraan biaya dan indikator keberhasilan pada setiap kebutuhan, "
               "serta pastikan dimensi sesuai dengan elemen yang dipilih.")
FIELD_NOTE = ("kebutuhan[1].biaya", "Perkiraan biaya belum didukung rincian; mohon ditinjau.")


@dataclass
class DemoRoundSummary:
    """The demo round, whether this run created it, and how many OPDs are in each state."""

    round_id: int
    created: bool
    states: dict[str, int] = field(default_factory=dict)


def load_demo_round(session: Session, *, today: dt.date, seed: str = "") -> DemoRoundSummary:
    """Publish the default questionnaire, create and open the demo round, fill it; idempotent.

    `today` is the regency's day: the answers' filling dates end there; `seed` prefixes the
    generators' seeds (see DemoContext).
    """
    row = _default_questionnaire(session)
    planner = _planner(session)
    opds = {opd.code: opd for opd in session.exec(select(Opd).where(Opd.code.in_(TARGETS)))}
    round_ = session.exec(select(Round).where(Round.name == ROUND_NAME)).first()
    created = round_ is None
    if created:
        previous = load_previous_round(session, row=row, planner=planner, opds=opds,
                                       today=today, seed=seed)
        round_ = create_round(session, name=ROUND_NAME, questionnaire_id=row.id,
                              opd_ids=[opd.id for opd in opds.values()],
                              closes_at=utcnow() + timedelta(days=60), actor=planner,
                              carry_from_id=previous.id, today=today)
    if round_.status == RoundStatus.draft:
        set_status(session, round_=round_, status=RoundStatus.open, actor=planner)
    ctx = DemoContext(session, round_, definition_of(row), row.id, planner, today, seed)
    for code, target in TARGETS.items():
        if code in opds:
            _advance(ctx, opds[code], target)
    load_demo_analyses(session, round_=round_)
    return DemoRoundSummary(round_.id, created, _states(session, round_, len(opds)))


def _default_questionnaire(session: Session):
    """Publish surveys/kebutuhan-smart-city.xlsx (a second publish is a no-op)."""
    outcome = publish(session, filename=DEFAULT_QUESTIONNAIRE.name,
                      data=DEFAULT_QUESTIONNAIRE.read_bytes())
    if outcome.ok:
        return outcome.row
    # the same version number with other bytes was published earlier: use the newest version
    published = versions(session, form_id="kebutuhan_smart_city")
    if not published:
        raise RuntimeError("; ".join(outcome.problems))
    return published[-1]


def _planner(session: Session) -> User:
    query = select(User).where(User.role.in_((Role.planner, Role.admin)), User.active.is_(True))
    found = session.exec(query.order_by(User.role.desc(), User.id)).first()
    if found is None:
        raise RuntimeError("the demo round needs a planner account: run `survei demo`")
    return found


def _advance(ctx: DemoContext, opd: Opd, target: str) -> None:
    """Move one OPD's submission forward to `target`; never backwards, never twice."""
    session, round_ = ctx.session, ctx.round_
    if target == NOT_STARTED or not accepts_answers(round_, asked(session, round_id=round_.id,
                                                                  opd_id=opd.id)):
        return
    submission = service.find(session, round_id=round_.id, opd_id=opd.id)
    officer = officer_of(session, opd)
    if submission is None:
        submission = _first_draft(ctx, opd, officer, complete=target != "draft")
    elif submission.version == 1 and submission.status == SubmissionStatus.draft:
        submission = confirm_carried(ctx, opd, submission, officer, all_rows=target != "draft")
    if target == "draft":
        return
    if submission.status == SubmissionStatus.draft:
        submission = service.submit(session, round_=round_, submission=submission,
                                    questionnaire=ctx.form, base_version=submission.version,
                                    actor=officer)
    if submission.status != SubmissionStatus.submitted or target == "submitted":
        return
    if target == "needs_revision":
        review.return_for_revision(session, submission=submission, actor=ctx.planner,
                                   note=RETURN_NOTE, field_comments=dict([FIELD_NOTE]))
    elif target == "approved":
        review.approve(session, submission=submission, actor=ctx.planner,
                       note="Sesuai, terima kasih.")


def _first_draft(ctx: DemoContext, opd: Opd, officer: User, *, complete: bool) -> Submission:
    rng = random.Random(f"{ctx.seed}demo-{opd.code}")
    answers = AnswerFaker(ctx.form, rng, ctx.today).document(Sizes.varied(rng), hostile=0.15)
    if not complete:  # a draft in progress: the later sections are not filled in yet
        for key in rng.sample(["kebutuhan", "penandatangan_nama", "penandatangan_nip",
                               "dataset", "jumlah_pns", "regulasi_spbe"], 3):
            answers.pop(key, None)
    saved = service.save_draft(ctx.session, round_=ctx.round_, opd_id=opd.id,
                               questionnaire=ctx.form, questionnaire_id=ctx.form_id,
                               answers=answers, base_version=0, actor=officer)
    return saved.submission


def _states(session: Session, round_: Round, asked_count: int) -> dict[str, int]:
    query = select(Submission.status).where(Submission.round_id == round_.id)
    states: dict[str, int] = {}
    for status in session.exec(query):
        states[status] = states.get(status, 0) + 1
    states[NOT_STARTED] = asked_count - sum(states.values())
    return states
