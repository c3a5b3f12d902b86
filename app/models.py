"""Every table, and only tables."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import metadata
from app.types import JSONDocument, UTCDateTime, utcnow

assert metadata.naming_convention  # set in app.db before any table is defined


class Role(StrEnum):
    officer = "officer"
    planner = "planner"
    viewer = "viewer"
    admin = "admin"


class RoundStatus(StrEnum):
    draft = "draft"
    open = "open"
    closed = "closed"


class SubmissionStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    needs_revision = "needs_revision"
    approved = "approved"


def _when(*, nullable: bool = False, index: bool = False) -> Any:
    return Field(
        default=None,
        sa_type=UTCDateTime,
        nullable=nullable,
        index=index,
    )


def _created() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


def _fk(target: str, *, nullable: bool = False, index: bool = True, ondelete: str | None = None):
    return Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index
        ),
    )


class Opd(SQLModel, table=True):
    """An agency (Perangkat Daerah): Dinas, Badan, Bagian, Kecamatan…"""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=200)
    short_name: str | None = Field(default=None, max_length=80)
    kind: str = Field(max_length=20)
    parent_id: int | None = _fk("opd.id", nullable=True)
    active: bool = True
    created_at: datetime = _created()


class User(SQLModel, table=True):
    """An account: an officer of one OPD, a planner, a viewer or an admin."""

    __tablename__ = "app_user"  # `user` is a reserved word in PostgreSQL

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True)
    full_name: str = Field(default="", max_length=120)
    nip: str | None = Field(default=None, max_length=18)
    phone: str | None = Field(default=None, max_length=20)
    role: str = Field(max_length=16)
    opd_id: int | None = _fk("opd.id", nullable=True)
    password_hash: str | None = Field(default=None, max_length=255)
    active: bool = True
    last_login_at: datetime | None = _when(nullable=True)
    created_at: datetime = _created()


class UserSession(SQLModel, table=True):
    """A server-side login session; the cookie holds a random token, we keep its hash."""

    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    user_id: int = _fk("app_user.id", ondelete="CASCADE")
    csrf_token: str = Field(max_length=64)
    created_at: datetime = _created()
    expires_at: datetime = _when()
    revoked_at: datetime | None = _when(nullable=True)
    ip: str | None = Field(default=None, max_length=64)
    user_agent: str | None = Field(default=None, max_length=255)


class ApiToken(SQLModel, table=True):
    """A personal API token for scripts, sent as `Authorization: Bearer …`."""

    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    user_id: int = _fk("app_user.id", ondelete="CASCADE")
    name: str = Field(default="", max_length=80)
    created_at: datetime = _created()
    last_used_at: datetime | None = _when(nullable=True)
    expires_at: datetime | None = _when(nullable=True)
    revoked_at: datetime | None = _when(nullable=True)


class AccountLink(SQLModel, table=True):
    """A one-time link to set a password: an invitation or a reset."""

    __tablename__ = "account_link"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    user_id: int = _fk("app_user.id", ondelete="CASCADE")
    purpose: str = Field(max_length=16)
    created_by_id: int | None = _fk("app_user.id", nullable=True, index=False)
    created_at: datetime = _created()
    expires_at: datetime = _when()
    used_at: datetime | None = _when(nullable=True)
    revoked_at: datetime | None = _when(nullable=True)  # superseded by a newer link


class LoginAttempt(SQLModel, table=True):
    """One login attempt, kept for throttling across worker processes."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_username_at", "username", "at"),
        Index("ix_login_attempt_ip_at", "ip", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64)
    ip: str = Field(max_length=64)
    success: bool
    at: datetime = _created()


class LoginThrottle(SQLModel, table=True):
    """Wrong passwords for one account from one address ("acct:…") or from one address ("ip:…").

    Its row is locked while a login reserves its password check, so N workers count exactly.
    """

    __tablename__ = "login_throttle"

    key: str = Field(primary_key=True, max_length=160)
    failures: int = 0
    last_failure_at: datetime | None = _when(nullable=True)
    blocked_until: datetime | None = _when(nullable=True)
    episode_since: datetime | None = _when(nullable=True)


class StoredUpload(SQLModel, table=True):
    """A previewed file kept until it is confirmed, keyed by its SHA-256 (any worker finds it)."""

    __tablename__ = "stored_upload"

    sha256: str = Field(primary_key=True, max_length=64)
    purpose: str = Field(primary_key=True, max_length=32)
    filename: str = Field(default="", max_length=200)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False,
                                 index=True)


class HealthProbe(SQLModel, table=True):
    """One row that `/healthz` rewrites to prove the database accepts writes."""

    __tablename__ = "health_probe"

    id: int = Field(default=1, primary_key=True)
    checked_at: datetime = _created()


class Questionnaire(SQLModel, table=True):
    """One immutable published version of a questionnaire (an XLSForm workbook)."""

    __table_args__ = (UniqueConstraint("form_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    form_id: str = Field(max_length=64, index=True)
    version: str = Field(max_length=64)
    title: str = Field(max_length=200)
    source_filename: str = Field(default="", max_length=200)
    source_workbook: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    source_sha256: str = Field(max_length=64)
    definition: dict = Field(sa_column=Column(JSONDocument, nullable=False))
    published_at: datetime = _created()
    published_by_id: int | None = _fk("app_user.id", nullable=True, index=False)


class Round(SQLModel, table=True):
    """A collection campaign (Periode Pengisian): one questionnaire version, OPDs, dates."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    questionnaire_id: int = _fk("questionnaire.id")
    opens_at: datetime | None = _when(nullable=True)
    closes_at: datetime | None = _when(nullable=True)
    status: str = Field(default=RoundStatus.draft, max_length=16)
    created_at: datetime = _created()
    carry_from_id: int | None = _fk("round.id", nullable=True, index=False)
    """The earlier round this one was started from (its drafts carried forward), if any."""
    carry_basis: str | None = Field(default=None, max_length=16)
    """Which answers were carried: "approved" (the last approved) or "submitted" (the latest)."""


class RoundOpd(SQLModel, table=True):
    """An OPD asked in a round, with an optional deadline of its own."""

    __tablename__ = "round_opd"

    round_id: int = Field(
        sa_column=Column(Integer, ForeignKey("round.id", ondelete="CASCADE"), primary_key=True)
    )
    opd_id: int = Field(sa_column=Column(Integer, ForeignKey("opd.id"), primary_key=True))
    closes_at: datetime | None = _when(nullable=True)


class Submission(SQLModel, table=True):
    """One OPD's answers in one round (Isian); `version` guards against lost updates."""

    __table_args__ = (UniqueConstraint("round_id", "opd_id"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = _fk("round.id")
    opd_id: int = _fk("opd.id")
    questionnaire_id: int = _fk("questionnaire.id", index=False)
    status: str = Field(default=SubmissionStatus.draft, max_length=16)
    answers: dict = Field(default_factory=dict, sa_column=Column(JSONDocument, nullable=False))
    """The answers that apply: what planners, exports and the report read."""
    draft_answers: dict | None = Field(default=None,
                                       sa_column=Column(JSONDocument, nullable=True))
    """The officer's whole draft when it also holds answers to questions that do not apply
    right now (kept for when they apply again); None when it equals `answers`."""
    version: int = 1
    created_at: datetime = _created()
    updated_at: datetime = _created()
    submitted_at: datetime | None = _when(nullable=True)
    updated_by_id: int | None = _fk("app_user.id", nullable=True, index=False)


class SubmissionRevision(SQLModel, table=True):
    """An immutable snapshot of a submission, taken at each submit."""

    __tablename__ = "submission_revision"
    __table_args__ = (UniqueConstraint("submission_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = _fk("submission.id", ondelete="CASCADE")
    number: int
    questionnaire_id: int = _fk("questionnaire.id", index=False)
    status: str = Field(max_length=16)
    answers: dict = Field(sa_column=Column(JSONDocument, nullable=False))
    answers_sha256: str = Field(default="", max_length=64, index=True)
    """The verification code: SHA-256 of the canonical answers (app/dossier/code.py)."""
    created_at: datetime = _created()
    created_by_id: int | None = _fk("app_user.id", nullable=True, index=False)


class ReviewComment(SQLModel, table=True):
    """A planner's comment on a submission, optionally on one question (field path)."""

    __tablename__ = "review_comment"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = _fk("submission.id", ondelete="CASCADE")
    field_path: str | None = Field(default=None, max_length=200)
    author_id: int = _fk("app_user.id", index=False)
    text: str
    resolved: bool = False
    created_at: datetime = _created()


class AuditEvent(SQLModel, table=True):
    """Who did what to which object, and when."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_object", "object_type", "object_id"),)

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int | None = _fk("app_user.id", nullable=True)
    actor_name: str = Field(default="", max_length=64)
    action: str = Field(max_length=64, index=True)
    object_type: str = Field(default="", max_length=32)
    object_id: str = Field(default="", max_length=64)
    details: dict = Field(default_factory=dict, sa_column=Column(JSONDocument, nullable=False))
    ip: str | None = Field(default=None, max_length=64)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)


# -- frameworks, SPBE self-assessment, application rationalisation (issue 16) ------------------


class Framework(SQLModel, table=True):
    """A framework version (Kominfo 2021, the RPM draft, SPBE 59/2020…): its tree is its nodes."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=200)
    version: str = Field(default="", max_length=120)
    legal_basis: str = Field(default="", max_length=400)
    status: str = Field(default="in_force", max_length=16)
    valid_from: date | None = None
    valid_to: date | None = None
    note: str = Field(default="", max_length=1000)
    shipped: bool = False
    created_at: datetime = _created()


class FrameworkNode(SQLModel, table=True):
    """A dimension, aspect, element, domain or indicator of a framework."""

    __tablename__ = "framework_node"
    __table_args__ = (UniqueConstraint("framework_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    framework_id: int = _fk("framework.id", ondelete="CASCADE")
    code: str = Field(max_length=64)
    parent_code: str | None = Field(default=None, max_length=64)
    level: str = Field(max_length=16)
    label_id: str = Field(max_length=300)
    label_en: str = Field(default="", max_length=300)
    weight: float | None = None
    position: int = 0
    inferred: bool = False


class CrosswalkLink(SQLModel, table=True):
    """How a node of one framework relates to a node of another (same / part of / related)."""

    __tablename__ = "crosswalk_link"
    __table_args__ = (UniqueConstraint("source_id", "target_id"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = _fk("framework_node.id", ondelete="CASCADE")
    target_id: int = _fk("framework_node.id", ondelete="CASCADE")
    relation: str = Field(max_length=16)
    note: str = Field(default="", max_length=500)
    inferred: bool = False
    updated_at: datetime = _created()
    updated_by_id: int | None = _fk("app_user.id", nullable=True, index=False)


class RoundAnalysis(SQLModel, table=True):
    """A round's analysis settings: its framework, SPBE target index and walidata."""

    __tablename__ = "round_analysis"

    round_id: int = Field(
        sa_column=Column(Integer, ForeignKey("round.id", ondelete="CASCADE"), primary_key=True)
    )
    framework_code: str | None = Field(default=None, max_length=32)
    spbe_target: float | None = None
    walidata_opd_id: int | None = _fk("opd.id", nullable=True, index=False)
    """The walidata of the Daftar Data (Perpres 39/2019; usually Diskominfo)."""
    updated_at: datetime = _created()
    updated_by_id: int | None = _fk("app_user.id", nullable=True, index=False)


class SpbeEntry(SQLModel, table=True):
    """A planner's entry for one SPBE indicator in a round: level, target, evidence, OPD."""

    __tablename__ = "spbe_entry"
    __table_args__ = (UniqueConstraint("round_id", "indicator"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = _fk("round.id", ondelete="CASCADE")
    indicator: str = Field(max_length=64)
    opd_id: int | None = _fk("opd.id", nullable=True, index=False)
    level: int | None = None
    target: int | None = None
    evidence: str = Field(default="", max_length=16)
    evidence_note: str = Field(default="", max_length=1000)
    example: bool = False
    """Example data loaded by `survei demo`, shown as such."""
    updated_at: datetime = _created()
    updated_by_id: int | None = _fk("app_user.id", nullable=True, index=False)


class NationalApp(SQLModel, table=True):
    """A national shared application (aplikasi umum) OPD applications are matched against."""

    __tablename__ = "national_app"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=120)
    aliases: str = Field(default="", max_length=400)
    function: str = Field(default="", max_length=300)
    keywords: str = Field(default="", max_length=400)
    owner: str = Field(default="", max_length=120)
    spbe_indicator: str | None = Field(default=None, max_length=64)
    active: bool = True
    inferred: bool = False
    updated_at: datetime = _created()
    updated_by_id: int | None = _fk("app_user.id", nullable=True, index=False)


class AppDecision(SQLModel, table=True):
    """The planner's confirmed recommendation for one application row of a submission."""

    __tablename__ = "app_decision"
    __table_args__ = (UniqueConstraint("submission_id", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = _fk("round.id", ondelete="CASCADE")
    submission_id: int = _fk("submission.id", ondelete="CASCADE", index=False)
    row_id: str = Field(max_length=64)
    recommendation: str = Field(max_length=24)
    note: str = Field(default="", max_length=500)
    decided_at: datetime = _created()
    decided_by_id: int | None = _fk("app_user.id", nullable=True, index=False)


class JobState(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class Job(SQLModel, table=True):
    """A background job (an export or a report of a large round): its state, progress and file.

    The file lives under SURVEI_VAR_DIR/jobs (app/jobs/files.py); the row says where.
    """

    __table_args__ = (Index("ix_job_state_id", "state", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    round_id: int = Field(
        sa_column=Column(Integer, ForeignKey("round.id", ondelete="CASCADE"), nullable=False,
                         index=True)
    )
    params: dict = Field(default_factory=dict, sa_column=Column(JSONDocument, nullable=False))
    state: str = Field(default=JobState.queued, max_length=16)
    step: str = Field(default="", max_length=32)
    done: int = 0
    total: int = 0
    error: str = Field(default="", max_length=500)
    created_by_id: int | None = _fk("app_user.id", nullable=True, index=False)
    created_by_name: str = Field(default="", max_length=120)
    created_at: datetime = _created()
    started_at: datetime | None = _when(nullable=True)
    heartbeat_at: datetime | None = _when(nullable=True)
    finished_at: datetime | None = _when(nullable=True)
    expires_at: datetime | None = _when(nullable=True)
    worker: str = Field(default="", max_length=120)
    filename: str = Field(default="", max_length=200)
    media_type: str = Field(default="", max_length=120)
    file_key: str = Field(default="", max_length=80)
    size: int = 0


class CarryForward(SQLModel, table=True):
    """What a round's draft was started from: the earlier answers as carried (last year's
    values, rows with their ids) and what could not be carried (listed, never dropped)."""

    __tablename__ = "carry_forward"

    submission_id: int = Field(sa_column=Column(
        Integer, ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True))
    source_submission_id: int = _fk("submission.id", index=False)
    source_revision: int | None = None
    answers: dict = Field(sa_column=Column(JSONDocument, nullable=False))
    """The earlier answers as carried into this round's questionnaire version."""
    dropped: list = Field(default_factory=list, sa_column=Column(JSONDocument, nullable=False))
    """What could not be carried: [{path, label, value, reason}]."""
    created_at: datetime = _created()


class ProgrammeUpdate(SQLModel, table=True):
    """A planner's update of one programme's status (a need row, by its id), with a note."""

    __tablename__ = "programme_update"
    __table_args__ = (Index("ix_programme_update_row", "submission_id", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = _fk("submission.id", ondelete="CASCADE", index=False)
    row_id: str = Field(max_length=64)
    status: str = Field(max_length=16)
    note: str = Field(default="", max_length=2000)
    actor_id: int | None = _fk("app_user.id", nullable=True, index=False)
    at: datetime = _created()


# --- the planning workspace of a round (app/planning/) ------------------------------------


class PlanYear(SQLModel, table=True):
    """One year of a round's plan (the RPJMD period), with the regency's APBD that year."""

    __tablename__ = "plan_year"

    round_id: int = Field(sa_column=Column(
        Integer, ForeignKey("round.id", ondelete="CASCADE"), primary_key=True))
    year: int = Field(primary_key=True)
    apbd: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))


class RpjmdNode(SQLModel, table=True):
    """A misi, tujuan, sasaran or IKU of the RPJMD a round's plan is aligned to, by code."""

    __tablename__ = "rpjmd_node"
    __table_args__ = (UniqueConstraint("round_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = _fk("round.id", ondelete="CASCADE", index=False)
    kind: str = Field(max_length=16)
    code: str = Field(max_length=32)
    parent_code: str | None = Field(default=None, max_length=32)
    text: str = Field(max_length=2000)
    unit: str = Field(default="", max_length=64)
    targets: dict = Field(default_factory=dict, sa_column=Column(JSONDocument, nullable=False))
    """IKU only: year (as text) -> target."""
    position: int = 0
    example: bool = False


class PlanProgramme(SQLModel, table=True):
    """A programme of the plan: one need (code `OPD/row id`) or a planner's group of needs,
    with its flags, roadmap and indicative costs."""

    __tablename__ = "plan_programme"
    __table_args__ = (UniqueConstraint("round_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = _fk("round.id", ondelete="CASCADE", index=False)
    code: str = Field(max_length=100)
    name: str = Field(default="", max_length=300)
    members: list = Field(default_factory=list, sa_column=Column(JSONDocument, nullable=False))
    """A group: the need codes it brings together (empty for a need)."""
    owner_opd: str = Field(default="", max_length=32)
    prioritas: bool = False
    cepat_berdampak: bool = False
    start_year: int | None = None
    duration: int | None = None
    stage: str = Field(default="", max_length=32)
    predecessors: list = Field(default_factory=list,
                               sa_column=Column(JSONDocument, nullable=False))
    funding: str = Field(default="", max_length=16)
    budget_status: str = Field(default="", max_length=16)
    costs: dict = Field(default_factory=dict, sa_column=Column(JSONDocument, nullable=False))
    """Year (as text) -> cost in Rupiah, when given per year; else the cost is spread evenly."""
    updated_at: datetime = _created()


class PlanAlignment(SQLModel, table=True):
    """A programme mapped to a misi or sasaran (direct or supporting), or a rejected
    suggestion (never suggested again)."""

    __tablename__ = "plan_alignment"
    __table_args__ = (UniqueConstraint("round_id", "programme_code", "node_code"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = _fk("round.id", ondelete="CASCADE", index=False)
    programme_code: str = Field(max_length=100)
    node_code: str = Field(max_length=32)
    strength: str = Field(default="langsung", max_length=16)
    state: str = Field(default="accepted", max_length=16)
    actor_id: int | None = _fk("app_user.id", nullable=True, index=False)
    at: datetime = _created()
