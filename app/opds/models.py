"""The OPD register."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.types import created, fk


class Opd(SQLModel, table=True):
    """An agency (Perangkat Daerah): Dinas, Badan, Bagian, Kecamatan…"""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=200)
    short_name: str | None = Field(default=None, max_length=80)
    kind: str = Field(max_length=20)
    parent_id: int | None = fk("opd.id", nullable=True)
    active: bool = True
    created_at: datetime = created()
