"""Progress of a round: one row per OPD asked, counts per status, and the table's filters (pure)."""

from dataclasses import dataclass, field
from datetime import datetime

# The progress statuses, in the order a submission goes through them; "not_started" means
# the OPD has no submission yet.
STATUSES = ("not_started", "draft", "submitted", "needs_revision", "approved")
PENDING = frozenset({"not_started", "draft", "needs_revision"})
MAX_QUERY = 100


@dataclass(frozen=True)
class Contact:
    """An officer of the OPD: who to call about the submission."""

    name: str
    phone: str | None


@dataclass(frozen=True)
class ProgressRow:
    """Where one OPD stands in a round."""

    opd_id: int
    opd_code: str
    opd_name: str
    opd_kind: str
    status: str
    submission_id: int | None = None
    version: int | None = None
    completion: int = 0
    missing_required: int = 0
    open_comments: int = 0
    last_activity: datetime | None = None
    deadline: datetime | None = None
    overdue: bool = False
    officers: tuple[Contact, ...] = field(default_factory=tuple)
    carry: object = None
    """How much of a carried draft was confirmed and changed (app/carry/stats.py), or None."""

    @property
    def pending(self) -> bool:
        """The OPD still has something to do (start, finish, or fix and resend)."""
        return self.status in PENDING


@dataclass(frozen=True)
class ProgressFilter:
    """The table's filters; the bulk approval applies exactly the same ones."""

    status: str = ""
    kind: str = ""
    q: str = ""
    overdue: bool = False

    @classmethod
    def parse(cls, *, status: str = "", kind: str = "", q: str = "",
              overdue: object = False) -> "ProgressFilter":
        """Clean filter values from a query string or a form (unknown status means all)."""
        return cls(status=status if status in STATUSES else "", kind=kind.strip()[:20],
                   q=q.strip()[:MAX_QUERY], overdue=str(overdue).lower() in ("1", "true", "on"))

    def matches(self, row: ProgressRow) -> bool:
        """Whether the row passes every filter that is set."""
        needle = self.q.casefold()
        return ((not self.status or row.status == self.status)
                and (not self.kind or row.opd_kind == self.kind)
                and (not needle or needle in f"{row.opd_code} {row.opd_name}".casefold())
                and (not self.overdue or row.overdue))

    def query(self) -> dict[str, str]:
        """The filters that are set, as query-string values (to keep them in links and forms)."""
        values = {"status": self.status, "kind": self.kind, "q": self.q,
                  "overdue": "1" if self.overdue else ""}
        return {key: value for key, value in values.items() if value}


def completion(status: str, required_total: int, required_answered: int,
               has_answers: bool) -> tuple[int, int]:
    """(percent complete, required answers still missing) for one OPD."""
    if status == "not_started":
        return 0, required_total
    if status in ("submitted", "approved"):
        return 100, 0
    if required_total == 0:
        return (100 if has_answers else 0), 0
    missing = max(required_total - required_answered, 0)
    return round(100 * required_answered / required_total), missing


def is_overdue(status: str, deadline: datetime | None, now: datetime) -> bool:
    """Past its deadline with the work not sent (a returned submission counts as not sent)."""
    return deadline is not None and now > deadline and status in PENDING


def filter_rows(rows: list[ProgressRow], flt: ProgressFilter) -> list[ProgressRow]:
    """The rows the table shows for these filters."""
    return [row for row in rows if flt.matches(row)]


def count_by_status(rows: list[ProgressRow]) -> dict[str, int]:
    """How many OPDs are in each status (every status present, zero included)."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        counts[row.status] += 1
    return counts


def kinds_of(rows: list[ProgressRow]) -> list[str]:
    """The OPD kinds present in the round, for the kind filter."""
    return sorted({row.opd_kind for row in rows})
