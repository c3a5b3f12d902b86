"""One timeline of a submission: status changes, revisions and comments, oldest first (pure)."""

from dataclasses import dataclass
from datetime import datetime

from app.audits.models import AuditEvent
from app.review.models import ReviewComment
from app.submissions.models import SubmissionRevision

# Audit actions shown as status changes; comments and revisions have entries of their own.
STATUS_ACTIONS = frozenset({"submission.started", "submission.submitted", "submission.return",
                            "submission.approve"})
_ORDER = {"status": 0, "revision": 1, "comment": 2}


@dataclass(frozen=True)
class Moment:
    """One thing that happened to a submission."""

    at: datetime
    kind: str  # "status", "revision" or "comment"
    actor: str
    action: str = ""
    before: str = ""
    after: str = ""
    note: str = ""
    field_path: str | None = None
    number: int | None = None


def timeline(events: list[AuditEvent], revisions: list[SubmissionRevision],
             comments: list[ReviewComment], names: dict[int, str]) -> list[Moment]:
    """Merge the three sources; `names` maps user id -> the name to show."""
    moments = [_event(e, names) for e in events if e.action in STATUS_ACTIONS]
    moments += [Moment(r.created_at, "revision", names.get(r.created_by_id, ""),
                       number=r.number, after=r.status) for r in revisions]
    notes = [(e.actor_id, (e.details or {}).get("note"), e.at) for e in events
             if e.action == "submission.return"]
    moments += [Moment(c.created_at, "comment", names.get(c.author_id, ""), note=c.text,
                       field_path=c.field_path) for c in comments if not _is_note(c, notes)]
    return sorted(moments, key=lambda m: (m.at, _ORDER[m.kind]))


def _is_note(comment: ReviewComment, notes: list) -> bool:
    """The comment a return stores for its note: already shown with the status change."""
    return comment.field_path is None and any(
        actor == comment.author_id and note == comment.text
        and abs((at - comment.created_at).total_seconds()) < 5 for actor, note, at in notes)


def _event(event: AuditEvent, names: dict[int, str]) -> Moment:
    details = event.details or {}
    before = "not_started" if event.action == "submission.started" else details.get("before", "")
    after = "draft" if event.action == "submission.started" else details.get("after", "")
    actor = names.get(event.actor_id, event.actor_name)
    return Moment(event.at, "status", actor, action=event.action, before=before,
                  after=after, note=details.get("note") or "")
