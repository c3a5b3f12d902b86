"""/verifikasi/{code}: which revision a dossier's code belongs to, and nothing more.

Anyone holding a dossier can check it: the page shows the OPD, the round, the revision's number
and time and its status, never an answer. The code is 256 bits, so it cannot be guessed; still
each address may look up at most `PER_MINUTE` codes a minute (429 with Retry-After past that),
and a malformed code is refused before the database is asked.
"""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from threading import Lock

from sqlmodel import Session, func, select

from app.dossier.service import revision_status
from app.opds.models import Opd
from app.rounds.models import Round
from app.submissions.models import Submission, SubmissionRevision

PER_MINUTE = 30
WINDOW_SECONDS = 60.0
MAX_ADDRESSES = 10_000


@dataclass(frozen=True)
class Verified:
    """What the public page shows about one revision with the code."""

    opd_code: str
    opd_name: str
    round_name: str
    number: int
    created_at: datetime
    status: str


def verify(session: Session, *, code: str) -> list[Verified]:
    """Every revision whose answers have this code (usually one), oldest first."""
    latest = (select(SubmissionRevision.submission_id,
                     func.max(SubmissionRevision.number).label("latest"))
              .group_by(SubmissionRevision.submission_id).subquery())
    query = (select(SubmissionRevision, Submission, Opd, Round, latest.c.latest)
             .join(Submission, Submission.id == SubmissionRevision.submission_id)
             .join(Opd, Opd.id == Submission.opd_id).join(Round, Round.id == Submission.round_id)
             .join(latest, latest.c.submission_id == Submission.id)
             .where(SubmissionRevision.answers_sha256 == code)
             .order_by(SubmissionRevision.created_at, SubmissionRevision.id))
    return [Verified(opd.code, opd.name, round_.name, revision.number, revision.created_at,
                     revision_status(submission, revision, last))
            for revision, submission, opd, round_, last in session.exec(query)]


class LookupLimiter:
    """At most `per_window` lookups per address in any `window` seconds, in this process."""

    def __init__(self, per_window: int = PER_MINUTE, window: float = WINDOW_SECONDS,
                 clock=time.monotonic):
        self.per_window, self.window, self.clock = per_window, window, clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = Lock()

    def wait(self, address: str) -> int:
        """0 and the lookup counted, or the seconds until this address may look up again."""
        now = self.clock()
        with self._lock:
            if len(self._seen) >= MAX_ADDRESSES:
                self._forget(now)
            times = self._seen.setdefault(address, deque())
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.per_window:
                return max(1, math.ceil(times[0] + self.window - now))
            times.append(now)
            return 0

    def _forget(self, now: float) -> None:
        stale = [a for a, t in self._seen.items() if not t or t[-1] <= now - self.window]
        for address in stale:
            del self._seen[address]
        if len(self._seen) >= MAX_ADDRESSES:  # a flood of addresses: start counting afresh
            self._seen.clear()
