"""What the audit API returns."""

from datetime import datetime

from pydantic import BaseModel


class AuditEventPublic(BaseModel):
    """One audit event: who did what to which object, when, from where."""

    id: int
    at: datetime
    actor_id: int | None
    actor_name: str
    action: str
    object_type: str
    object_id: str
    details: dict
    ip: str | None


class AuditPagePublic(BaseModel):
    events: list[AuditEventPublic]
    total: int
    page: int
    pages: int
