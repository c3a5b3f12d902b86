"""The ready-to-copy reminder for OPDs that still have work to do in a round (pure).

Officers read it in WhatsApp, so it is plain text in Bahasa Indonesia: one numbered line per
OPD saying what that OPD still has to do, and its deadline.
"""

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from app.rounds.progress import ProgressRow

Translate = Callable[..., str]
FormatWhen = Callable[[datetime | None], str]


def wita(tz: str) -> FormatWhen:
    """Format times the way the reminder's readers expect: '1 Desember 2026 17.00 WITA'."""

    def when(value: datetime | None) -> str:
        if value is None:
            return "–"
        local = value.astimezone(ZoneInfo(tz))
        zone = "WITA" if tz == "Asia/Makassar" else local.tzname()
        return f"{format_datetime(local, 'd MMMM y HH.mm', locale='id')} {zone}"

    return when


def reminder_text(*, round_name: str, rows: list[ProgressRow], _: Translate,
                  when: FormatWhen, link: str = "") -> str:
    """The message for every pending row, or a short note when nobody is pending."""
    pending = [row for row in rows if row.pending]
    if not pending:
        return _("reminder.nobody", round=round_name)
    lines = [_("reminder.greeting"), "", _("reminder.intro", round=round_name), ""]
    lines += [f"{number}. {_line(row, _, when)}" for number, row in enumerate(pending, 1)]
    lines += ["", _("reminder.where", link=link) if link else _("reminder.where_app"),
              _("reminder.thanks")]
    return "\n".join(lines)


def _line(row: ProgressRow, _: Translate, when: FormatWhen) -> str:
    if row.status == "not_started":
        todo = _("reminder.todo_not_started")
    elif row.status == "draft" and row.missing_required == 0:
        todo = _("reminder.todo_draft_ready")
    elif row.status == "draft":
        todo = _("reminder.todo_draft", percent=row.completion, missing=row.missing_required)
    else:
        todo = _("reminder.todo_revision", comments=row.open_comments)
    due = ""
    if row.deadline is not None:
        key = "reminder.overdue" if row.overdue else "reminder.due"
        due = " " + _(key, deadline=when(row.deadline))
    return f"{row.opd_name}: {todo}{due}."
