"""Audit events: who did what to which object, and when."""

from sqlmodel import Session

from app.accounts.models import User
from app.audits.models import AuditEvent


def record(
    session: Session,
    *,
    action: str,
    actor: User | None = None,
    actor_name: str = "",
    object_type: str = "",
    object_id: object = "",
    ip: str | None = None,
    **details,
) -> AuditEvent:
    """Add one audit event to the session (the caller commits with its use case)."""
    event = AuditEvent(
        actor_id=actor.id if actor else None,
        actor_name=actor.username if actor else actor_name,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        ip=ip,
        details=details,
    )
    session.add(event)
    return event
