"""The register of the regencies an installation serves besides its home regency."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.types import created


class RegisteredRegency(SQLModel, table=True):
    """A kabupaten/kota served by this installation, in its own database (file or schema).

    Kept in the home database; the home regency itself (Settings) needs no row, so a
    single-regency installation upgrades with no change to its data.
    """

    __tablename__ = "regency"

    code: str = Field(primary_key=True, max_length=5)  # Kemendagri code, e.g. "73.22"
    name: str = Field(max_length=120)
    kind: str = Field(max_length=10)  # kabupaten | kota
    host: str = Field(max_length=253, unique=True)
    created_at: datetime = created()
