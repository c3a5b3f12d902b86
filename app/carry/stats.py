"""How much of a draft was carried, confirmed and changed (pure), for the progress page."""

from __future__ import annotations

from dataclasses import dataclass

from app.questionnaires.answers.carried import CHANGED, PENDING, RETIRED, carried_rows
from app.submissions.form.compare import same_value


@dataclass(frozen=True)
class CarryStats:
    """Carried rows and answers of one OPD's draft, and what the officer did with them."""

    rows: int
    confirmed: int
    changed_rows: int
    retired: int
    answers: int
    changed_answers: int
    dropped: int

    @property
    def done(self) -> bool:
        """Every carried row confirmed."""
        return self.confirmed == self.rows


def carry_stats(working: dict, last: dict[str, object], dropped: int) -> CarryStats:
    """`working`: the whole draft now; `last`: key -> carried value (marks.last_values)."""
    rows = list(carried_rows(working))
    now = _values(working)
    answers = {key: value for key, value in last.items() if value is not True}
    changed = sum(1 for key, value in answers.items() if not same_value(now.get(key), value))
    return CarryStats(rows=len(rows), confirmed=sum(r["_carry"] != PENDING for r in rows),
                      changed_rows=sum(r["_carry"] == CHANGED for r in rows),
                      retired=sum(r["_carry"] == RETIRED for r in rows), answers=len(answers),
                      changed_answers=changed, dropped=dropped)


def _values(document: dict, scope: str = "") -> dict[str, object]:
    """Key -> value of every answer (page keys, as keys.py names them)."""
    found: dict[str, object] = {}
    for name, value in document.items():
        if isinstance(value, list) and value and all(isinstance(r, dict) for r in value):
            for row in value:
                if isinstance(row.get("_id"), str):
                    found.update(_values(row, f"{scope}{name}#{row['_id']}/"))
        elif not name.startswith("_"):
            found[f"{scope}{name}"] = value
    return found
