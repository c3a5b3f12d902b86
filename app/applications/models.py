"""National shared applications and the planner's rationalisation decisions."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.rounds import models as _rounds  # noqa: F401  (the tables its foreign keys name)
from app.submissions import models as _submissions  # noqa: F401  (the tables its foreign keys name)
from app.types import created, fk


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
    updated_at: datetime = created()
    updated_by_id: int | None = fk("app_user.id", nullable=True, index=False)


class AppDecision(SQLModel, table=True):
    """The planner's confirmed recommendation for one application row of a submission."""

    __tablename__ = "app_decision"
    __table_args__ = (UniqueConstraint("submission_id", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = fk("round.id", ondelete="CASCADE")
    submission_id: int = fk("submission.id", ondelete="CASCADE", index=False)
    row_id: str = Field(max_length=64)
    recommendation: str = Field(max_length=24)
    note: str = Field(default="", max_length=500)
    decided_at: datetime = created()
    decided_by_id: int | None = fk("app_user.id", nullable=True, index=False)
