"""Files kept between a preview and its confirmation, keyed by SHA-256, in the database.

The confirm form then posts only the key: no file travels back through a hidden field (which
Starlette's 1 MB per-field limit refused above ~0.78 MB), and any worker process finds it.
Kept for `KEEP_HOURS`; older ones are removed whenever a new one is kept.
"""

import hashlib
from datetime import timedelta

from sqlmodel import Session, delete

from app.types import utcnow
from app.uploads.models import StoredUpload

KEEP_HOURS = 24


def keep(session: Session, *, purpose: str, filename: str, data: bytes) -> str:
    """Store `data` (once per content) and return its key; commits."""
    key = hashlib.sha256(data).hexdigest()
    session.exec(delete(StoredUpload).where(
        StoredUpload.created_at < utcnow() - timedelta(hours=KEEP_HOURS)))
    row = session.get(StoredUpload, (key, purpose))
    if row is None:
        row = StoredUpload(sha256=key, purpose=purpose, data=data)
    row.filename, row.created_at = filename[:200], utcnow()
    session.add(row)
    session.commit()
    return key


def find(session: Session, *, purpose: str, key: str) -> StoredUpload | None:
    """The kept file with this key, if it is still there."""
    if len(key) != 64:
        return None
    return session.get(StoredUpload, (key.lower(), purpose))


def forget(session: Session, *, purpose: str, key: str) -> None:
    """Remove a kept file (added to the session; the caller commits)."""
    row = find(session, purpose=purpose, key=key)
    if row is not None:
        session.delete(row)
