"""Rounds API (JSON twin of the round pages)."""

from fastapi import APIRouter, Request

from app.clock import local_today
from app.deps import SessionDep, SettingsDep
from app.errors import API_ERRORS
from app.i18n import translator
from app.rounds import monitor, service
from app.rounds.deps import PlannerDep, PlannerRound, StaffDep, StaffRound
from app.rounds.models import RoundStatus
from app.rounds.progress import ProgressFilter
from app.rounds.reminder import reminder_text, wita
from app.rounds.schemas import (
    BulkApproveIn,
    BulkApprovePublic,
    DeadlineIn,
    DeadlinePublic,
    ProgressPublic,
    ProgressRowPublic,
    ReminderPublic,
    RoundCreate,
    RoundPublic,
    RoundSummary,
)

router = APIRouter(prefix="/api/v1", tags=["api: rounds"], responses=API_ERRORS)


@router.get("/rounds", response_model=list[RoundSummary])
def rounds(session: SessionDep, _principal: StaffDep):
    """Every round, newest first, with counts per status."""
    return [RoundSummary(**RoundPublic.of(s.round).model_dump(),
                         questionnaire_title=s.questionnaire.title,
                         questionnaire_version=s.questionnaire.version,
                         opds=s.opds, counts=s.counts)
            for s in monitor.summaries(session)]


@router.post("/rounds", response_model=RoundPublic, status_code=201)
def round_create(body: RoundCreate, session: SessionDep, settings: SettingsDep,
                 principal: PlannerDep):
    """Create a round in draft; `opd_ids` null asks every active OPD; `carry_from_id` starts
    each asked OPD's draft from its answers in that earlier round."""
    round_ = service.create_round(session, actor=principal.user,
                                  today=local_today(settings.timezone), **body.model_dump())
    return RoundPublic.of(round_)


@router.get("/rounds/{round_id}", response_model=RoundPublic)
def round_detail(round_: StaffRound):
    """One round."""
    return RoundPublic.of(round_)


@router.get("/rounds/{round_id}/progress", response_model=ProgressPublic)
def round_progress(session: SessionDep, round_: StaffRound, status: str = "", kind: str = "",
                   q: str = "", overdue: bool = False):
    """One row per OPD asked (after the filters) and the counts per status."""
    flt = ProgressFilter.parse(status=status, kind=kind, q=q, overdue=overdue)
    view = monitor.progress_view(session, round_=round_, flt=flt)
    return ProgressPublic(round=RoundPublic.of(round_), counts=view.counts, filters=flt.query(),
                          rows=[ProgressRowPublic.of(row) for row in view.shown])


@router.get("/rounds/{round_id}/reminder", response_model=ReminderPublic)
def round_reminder(request: Request, session: SessionDep, settings: SettingsDep,
                   round_: StaffRound, status: str = "", kind: str = "", q: str = "",
                   overdue: bool = False):
    """The reminder (Bahasa Indonesia) for the OPDs of the filtered table that still have work."""
    flt = ProgressFilter.parse(status=status, kind=kind, q=q, overdue=overdue)
    view = monitor.progress_view(session, round_=round_, flt=flt)
    text = reminder_text(round_name=round_.name, rows=view.shown, _=translator("id"),
                         when=wita(settings.timezone), link=str(request.base_url))
    return ReminderPublic(text=text, opd_codes=[r.opd_code for r in view.shown if r.pending])


@router.post("/rounds/{round_id}/open", response_model=RoundPublic)
def round_open(session: SessionDep, round_: PlannerRound, principal: PlannerDep):
    """Open the round."""
    return RoundPublic.of(service.set_status(session, round_=round_, status=RoundStatus.open,
                                             actor=principal.user))


@router.post("/rounds/{round_id}/close", response_model=RoundPublic)
def round_close(session: SessionDep, round_: PlannerRound, principal: PlannerDep):
    """Close the round: it accepts no more saves."""
    return RoundPublic.of(service.set_status(session, round_=round_, status=RoundStatus.closed,
                                             actor=principal.user))


@router.post("/rounds/{round_id}/deadline", response_model=DeadlinePublic)
def round_deadline(body: DeadlineIn, session: SessionDep, round_: PlannerRound,
                   principal: PlannerDep):
    """Give one OPD a later deadline."""
    entry = service.extend_deadline(session, round_=round_, opd_id=body.opd_id,
                                    closes_at=body.closes_at, actor=principal.user)
    return DeadlinePublic(round_id=round_.id, opd_id=entry.opd_id, closes_at=entry.closes_at)


@router.post("/rounds/{round_id}/approve", response_model=BulkApprovePublic)
def round_bulk_approve(body: BulkApproveIn, session: SessionDep, round_: PlannerRound,
                       principal: PlannerDep):
    """Approve every submitted submission the filtered table shows (only `seen` versions)."""
    flt = ProgressFilter.parse(status=body.status, kind=body.kind, q=body.q,
                               overdue=body.overdue)
    outcome = monitor.approve_filtered(session, round_=round_, flt=flt, actor=principal.user,
                                       seen=body.seen)
    return BulkApprovePublic(approved=outcome.approved, skipped=outcome.skipped)
