"""Reading and changing what a regency shares with the national coordinator."""

from sqlmodel import Session

from app import audit
from app.accounts.models import User
from app.clock import utcnow
from app.sharing.models import DataSharing


def sharing_of(session: Session) -> DataSharing:
    """The regency's setting; nothing shared until an admin says so."""
    return session.get(DataSharing, 1) or DataSharing()


def shares_raw_answers(session: Session) -> bool:
    return sharing_of(session).raw_answers


def set_raw_answers(session: Session, *, shared: bool, actor: User, ip: str | None = None,
                    ) -> DataSharing:
    """Share the raw answers with the coordinator, or stop; audited; commits."""
    row = session.get(DataSharing, 1) or DataSharing()
    if row.raw_answers != shared or row.changed_at is None:
        row.raw_answers, row.changed_at, row.changed_by_name = shared, utcnow(), actor.username
        session.add(row)
        audit.record(session, action="sharing.changed", actor=actor, object_type="sharing",
                     object_id=1, ip=ip, raw_answers=shared)
    session.commit()
    return row
