"""The planning workspace: plan years, the RPJMD tree, programmes and their alignment."""

from datetime import datetime

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.rounds import models as _rounds  # noqa: F401  (the tables its foreign keys name)
from app.types import JSONDocument, created, fk


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
    round_id: int = fk("round.id", ondelete="CASCADE", index=False)
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
    round_id: int = fk("round.id", ondelete="CASCADE", index=False)
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
    updated_at: datetime = created()


class PlanAlignment(SQLModel, table=True):
    """A programme mapped to a misi or sasaran (direct or supporting), or a rejected
    suggestion (never suggested again)."""

    __tablename__ = "plan_alignment"
    __table_args__ = (UniqueConstraint("round_id", "programme_code", "node_code"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = fk("round.id", ondelete="CASCADE", index=False)
    programme_code: str = Field(max_length=100)
    node_code: str = Field(max_length=32)
    strength: str = Field(default="langsung", max_length=16)
    state: str = Field(default="accepted", max_length=16)
    actor_id: int | None = fk("app_user.id", nullable=True, index=False)
    at: datetime = created()
