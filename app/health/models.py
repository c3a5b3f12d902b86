"""The write probe of /healthz."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.types import created


class HealthProbe(SQLModel, table=True):
    """One row that `/healthz` rewrites to prove the database accepts writes."""

    __tablename__ = "health_probe"

    id: int = Field(default=1, primary_key=True)
    checked_at: datetime = created()
