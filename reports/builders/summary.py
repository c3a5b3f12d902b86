"""Ringkasan: OPDs asked, started, submitted, approved; late OPDs."""

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from reports.inputs import Need, OpdEntry
from reports.results import LateOpd, OpdRef, Summary

STATES = ("not_started", "draft", "needs_revision", "submitted", "approved")
SENT = ("submitted", "approved")


def build_summary(opds: list[OpdEntry], needs: Sequence[Need], refs: dict[str, OpdRef],
                  now: datetime, left_out: list[str] | tuple[str, ...] = ()) -> Summary:
    """Counts per state; late = deadline passed and nothing submitted (sent OPDs are not late)."""
    by_state = Counter(opd.state for opd in opds)
    late = [_late(opd, refs[opd.code], now) for opd in opds
            if opd.state not in SENT and opd.deadline is not None and opd.deadline < now]
    late.sort(key=lambda item: (-item.days_late, item.opd.name))
    submitted_late = sum(1 for opd in opds if opd.submitted_at and opd.deadline
                         and opd.submitted_at > opd.deadline)
    return Summary(
        asked=len(opds),
        started=sum(1 for opd in opds if opd.state != "not_started"),
        submitted=sum(by_state[state] for state in SENT),
        approved=by_state["approved"],
        by_state={state: by_state[state] for state in STATES},
        included=sum(1 for opd in opds if opd.included),
        late=late,
        submitted_late=submitted_late,
        total_needs=len(needs),
        total_cost=sum(need.cost or 0.0 for need in needs),
        left_out=tuple(left_out),
    )


def _late(opd: OpdEntry, ref: OpdRef, now: datetime) -> LateOpd:
    return LateOpd(opd=ref, state=opd.state, deadline=opd.deadline,
                   days_late=(now - opd.deadline).days)
