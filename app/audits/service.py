"""Searching the audit log: by actor, action, object and date, newest first."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, select

from app.audits.models import AuditEvent

PAGE_SIZE = 100


@dataclass(frozen=True)
class AuditFilter:
    """The audit page's filters; dates are whole local days (the service's time zone)."""

    actor: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def query(self) -> dict[str, str]:
        """The filters that are set, as query-string values."""
        values = {"actor": self.actor, "action": self.action, "object_type": self.object_type,
                  "object_id": self.object_id,
                  "date_from": self.date_from.isoformat() if self.date_from else "",
                  "date_to": self.date_to.isoformat() if self.date_to else ""}
        return {key: value for key, value in values.items() if value}


@dataclass(frozen=True)
class AuditPage:
    """One page of matching events and how many match in all."""

    events: list[AuditEvent]
    total: int
    page: int
    pages: int


def parse_day(text: str | None) -> date | None:
    """A 'YYYY-MM-DD' day, or None when blank or malformed."""
    try:
        return date.fromisoformat((text or "").strip()) if (text or "").strip() else None
    except ValueError:
        return None


def _bounds(flt: AuditFilter, tz: str) -> tuple[datetime | None, datetime | None]:
    zone = ZoneInfo(tz)
    start = datetime.combine(flt.date_from, time(0), zone) if flt.date_from else None
    end = (datetime.combine(flt.date_to + timedelta(days=1), time(0), zone)
           if flt.date_to else None)
    return start, end


def _conditions(flt: AuditFilter, tz: str) -> list:
    conditions = []
    if flt.actor:
        conditions.append(AuditEvent.actor_name.ilike(f"%{flt.actor.strip().lower()}%"))
    if flt.action:
        # "submission." matches every submission action; "login.failed" matches exactly.
        if flt.action.endswith("."):
            conditions.append(AuditEvent.action.startswith(flt.action))
        else:
            conditions.append(AuditEvent.action == flt.action)
    if flt.object_type:
        conditions.append(AuditEvent.object_type == flt.object_type)
    if flt.object_id:
        conditions.append(AuditEvent.object_id == flt.object_id)
    start, end = _bounds(flt, tz)
    if start:
        conditions.append(AuditEvent.at >= start)
    if end:
        conditions.append(AuditEvent.at < end)
    return conditions


def search(session: Session, *, flt: AuditFilter, tz: str, page: int = 1) -> AuditPage:
    """The events matching every filter that is set, newest first, one page at a time."""
    conditions = _conditions(flt, tz)
    total = session.exec(select(func.count()).select_from(AuditEvent).where(*conditions)).one()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    query = (select(AuditEvent).where(*conditions)
             .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
             .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE))
    return AuditPage(list(session.exec(query)), total, page, pages)


def known_values(session: Session) -> tuple[list[str], list[str]]:
    """(every action recorded, every object type recorded), for the filter choices."""
    actions = session.exec(select(AuditEvent.action).distinct().order_by(AuditEvent.action))
    types = session.exec(select(AuditEvent.object_type).distinct()
                         .where(AuditEvent.object_type != "").order_by(AuditEvent.object_type))
    return list(actions), list(types)
