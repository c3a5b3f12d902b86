"""Background jobs."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, ForeignKey, Index, Integer
from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.rounds import models as _rounds  # noqa: F401  (the tables its foreign keys name)
from app.types import JSONDocument, created, fk, when


class JobState(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class Job(SQLModel, table=True):
    """A background job (an export or a report of a large round, the national benchmarks): its
    state, progress and file.

    The file lives under SURVEI_VAR_DIR/jobs (app/jobs/files.py); the row says where.
    """

    __table_args__ = (Index("ix_job_state_id", "state", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    round_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("round.id", ondelete="CASCADE"), nullable=True,
                         index=True)
    )
    """The round it exports; None for a national job of the home regency (the benchmarks)."""
    params: dict = Field(default_factory=dict, sa_column=Column(JSONDocument, nullable=False))
    state: str = Field(default=JobState.queued, max_length=16)
    step: str = Field(default="", max_length=32)
    done: int = 0
    total: int = 0
    error: str = Field(default="", max_length=500)
    created_by_id: int | None = fk("app_user.id", nullable=True, index=False)
    created_by_name: str = Field(default="", max_length=120)
    created_at: datetime = created()
    started_at: datetime | None = when(nullable=True)
    heartbeat_at: datetime | None = when(nullable=True)
    finished_at: datetime | None = when(nullable=True)
    expires_at: datetime | None = when(nullable=True)
    worker: str = Field(default="", max_length=120)
    filename: str = Field(default="", max_length=200)
    media_type: str = Field(default="", max_length=120)
    file_key: str = Field(default="", max_length=80)
    size: int = 0
