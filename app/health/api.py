"""The health check: the database answers, its schema is at head, and it accepts writes."""

import logging

from sqlalchemy import text

from app.db import Database
from app.health.models import HealthProbe
from app.migrate import current_revision, head_revision
from app.types import utcnow


def probe_write(db: Database) -> None:
    """Rewrite the one probe row and commit: fails when the storage takes no writes."""
    with db.writing() as session:
        row = session.get(HealthProbe, 1) or HealthProbe(id=1)
        row.checked_at = utcnow()
        session.add(row)


def check(db: Database) -> tuple[int, dict]:
    """(HTTP status, body): 200 when healthy, 503 with what is wrong otherwise."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current, head = current_revision(db.engine), head_revision(db.url)
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        # Logged, not returned: the driver's message names hosts and users to anyone asking.
        logging.getLogger("app").exception("health check: database unavailable")
        return 503, {"status": "error", "database": "unavailable"}
    if current != head:
        return 503, {"status": "error", "schema": current, "head": head}
    try:
        probe_write(db)
    except Exception:  # noqa: BLE001
        logging.getLogger("app").exception("health check: the database takes no writes")
        return 503, {"status": "error", "schema": current, "head": head, "writable": False}
    return 200, {"status": "ok", "schema": current, "head": head, "writable": True}
