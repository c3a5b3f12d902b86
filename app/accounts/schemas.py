"""What the accounts API reads and returns."""

from datetime import datetime

from pydantic import BaseModel, Field

from app.accounts.models import User
from app.opds.models import Opd


class AccountPublic(BaseModel):
    """An account as planners see it (never its password or tokens)."""

    id: int
    username: str
    full_name: str
    role: str
    opd_code: str | None
    opd_name: str | None
    phone: str | None
    nip: str | None
    active: bool
    last_login_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, user: User, opd: Opd | None) -> "AccountPublic":
        return cls(id=user.id, username=user.username, full_name=user.full_name, role=user.role,
                   opd_code=opd.code if opd else None, opd_name=opd.name if opd else None,
                   phone=user.phone, nip=user.nip, active=user.active,
                   last_login_at=user.last_login_at, created_at=user.created_at)


class InviteIn(BaseModel):
    """A new account; officers need `opd_code`."""

    username: str = Field(max_length=64)
    role: str = Field(max_length=16)
    opd_code: str | None = Field(default=None, max_length=32)
    full_name: str = Field(default="", max_length=200)
    nip: str | None = Field(default=None, max_length=40)
    phone: str | None = Field(default=None, max_length=40)


class AccountUpdate(BaseModel):
    """Details a planner may change; the OPD applies to officers only. Only the fields sent
    change: a field left out keeps its value (null clears phone or NIP)."""

    full_name: str = Field(default="", max_length=200)
    nip: str | None = Field(default=None, max_length=40)
    phone: str | None = Field(default=None, max_length=40)
    opd_code: str | None = Field(default=None, max_length=32)

    def over(self, user: User, opd: Opd | None) -> dict[str, str | None]:
        """The account's details with the fields sent put over them."""
        current = {"full_name": user.full_name, "nip": user.nip, "phone": user.phone,
                   "opd_code": opd.code if opd else None}
        return {**current, **self.model_dump(include=self.model_fields_set)}


class RoleIn(BaseModel):
    role: str = Field(max_length=16)
    opd_code: str | None = Field(default=None, max_length=32)


class LinkPublic(BaseModel):
    """A one-time link (shown once) and a ready-to-send message carrying it."""

    account: AccountPublic
    link: str
    message: str
