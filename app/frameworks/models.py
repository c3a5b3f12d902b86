"""Frameworks, their nodes and the crosswalk between them."""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.types import created, fk


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
    created_at: datetime = created()


class FrameworkNode(SQLModel, table=True):
    """A dimension, aspect, element, domain or indicator of a framework."""

    __tablename__ = "framework_node"
    __table_args__ = (UniqueConstraint("framework_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    framework_id: int = fk("framework.id", ondelete="CASCADE")
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
    source_id: int = fk("framework_node.id", ondelete="CASCADE")
    target_id: int = fk("framework_node.id", ondelete="CASCADE")
    relation: str = Field(max_length=16)
    note: str = Field(default="", max_length=500)
    inferred: bool = False
    updated_at: datetime = created()
    updated_by_id: int | None = fk("app_user.id", nullable=True, index=False)
